// `ptcheck fill`, run in-process through main() as the installed command runs it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli, hasStack } from './helpers/cli';
import { FIXTURES } from './helpers/load';
import { normalise } from './helpers/template';
import { parseGrids } from '../src/core/parse';
import { displayName } from '../src/core/model';
import { readGrids } from '../src/hosts/workbook/read';
import { parseCli } from '../src/cli/args';

jest.setTimeout(120000);

const run = runCli;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-fill-'));
const fx = (name: string) => path.join(FIXTURES, name);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ptcheck fill', () => {
  it('writes every table into the standard template, one sheet per project, values as written', async () => {
    const out = path.join(tmp, '标准表.xlsx');
    const r = await run(['fill', fx('002_f394b5ba38f6b2c8.xlsx'), '--out', out]);
    // 002's tables have error-level findings (kept as written): exit 1, as `check` would.
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe(`已写入“${out}”：6 个表，6 个工作表（每个项目一个工作表）。`);
    expect(lines[1]).toBe('  第1个表 环保督查经费 → 工作表“1.环保督查经费”，模板 河北项目支出绩效目标表（2015/2020 版指标体系）');
    const [checkLine, sourceLine] = lines.slice(-2);
    expect(checkLine).toMatch(/^检查输出的表：错误 \d+，警告 \d+，提示 \d+$/);
    // The same counts as the source: nothing was changed.
    expect(sourceLine.replace(/^（原表：/, '').split('；')[0]).toBe(checkLine.replace(/^检查输出的表：/, ''));
    const source = parseGrids(await readGrids(fx('002_f394b5ba38f6b2c8.xlsx')));
    const back = parseGrids(await readGrids(out));
    expect(back.map(normalise)).toEqual(source.map(normalise));
    expect(back.map((t) => t.sheet)).toEqual(source.map((t) => `${t.no}.${displayName(t)}`));
    expect(back[2].sheet).toBe('3.环境监测费');
  });

  it('--template core2021 --layout stacked: reports what moved, one sheet', async () => {
    const out = path.join(tmp, 'core2021.xlsx');
    const r = await run(['fill', fx('000_24cde7d862e1b3bb.flat-split.xlsx'), '-o', out, '-t', 'core2021', '-l', 'stacked']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('：15 个表，1 个工作表（同一工作表上依次排列，每表另起一页）。');
    expect(r.out).toContain('  第1个表 城区微型站运维费 → 工作表“项目支出绩效目标表”，模板 项目支出绩效目标表（2021 版核心指标体系，成本指标单列一级）\n    · 指标体系由 2015/2020 版 改为 2021 版：移动 1 项指标\n        “花费成本”从 产出指标/成本指标 移到 成本指标/经济成本指标\n');
    const back = parseGrids(await readGrids(out));
    expect(back).toHaveLength(15);
    expect(back.every((t) => t.indicators[0].effL1 === '成本指标' && t.indicators[0].effL2 === '经济成本指标')).toBe(true);
  });

  it('split rows: kept and said so by default, joined with --join-split-rows', async () => {
    const kept = await run(['fill', fx('001_247e9d6eca422fe5.xlsx'), '--out', path.join(tmp, 'kept.xlsx')]);
    expect(kept.out).toContain('  第24个表 经开区安监站工作经费 → 工作表“24.经开区安监站工作经费”，模板 河北项目支出绩效目标表（2015/2020 版指标体系）\n    · 3 处跨页断开的行按原样保留（可选择合并）\n');
    const joined = await run(['fill', fx('001_247e9d6eca422fe5.xlsx'), '--out', path.join(tmp, 'joined.xlsx'), '--join-split-rows']);
    expect(joined.out).toContain('    · 3 处跨页断开的行已合并到上一行\n');
    const t = parseGrids(await readGrids(path.join(tmp, 'joined.xlsx')))[23];
    expect(t.indicators.some((r) => r.fragment)).toBe(false);
  });

  it('--complete adds the blocks a flat list lacks', async () => {
    const out = path.join(tmp, 'complete.xlsx');
    const r = await run(['fill', fx('000_24cde7d862e1b3bb.flat-split.xlsx'), '--out', out, '--complete']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('    · 按标准表补齐：标题、单位名称、金额单位、项目编码、预算数、资金用途、绩效目标、资金支出计划（请填写）\n');
    const t = parseGrids(await readGrids(out))[0];
    expect([t.title.text, t.unit.text, t.name.text]).toEqual(['1.城区微型站运维费绩效目标表', '万元', '城区微型站运维费']);
  });

  it('refuses bad arguments in Chinese with exit 2, and never writes over the input', async () => {
    const cases: [string[], string][] = [
      [['fill'], '请指定要转换的工作簿'],
      [['fill', 'a.xlsx'], '请用 --out 指定输出文件'],
      [['fill', 'a.xlsx', 'b.xlsx', '--out', 'c.xlsx'], '请只指定一个输入工作簿'],
      [['fill', 'a.xlsx', '--out', 'c.pdf'], '输出文件“c.pdf”应以 .xlsx 结尾'],
      [['fill', 'a.xlsx', '--out', 'c.xlsx', '--template', 'beijing'], '不支持的模板“beijing”，可选：hebei、core2021、department'],
      [['fill', 'a.xlsx', '--out', 'c.xlsx', '--layout', 'grid'], '不支持的排列方式“grid”，可选：per-sheet、stacked'],
      [['fill', fx('002_f394b5ba38f6b2c8.xlsx'), '--out', fx('002_f394b5ba38f6b2c8.xlsx')], '输出文件不能与输入文件相同'],
    ];
    for (const [argv, msg] of cases) {
      const r = await run(argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.err).toContain(msg);
      expect(r.err).toContain('运行 ptcheck --help 查看用法。');
    }
  });

  it('an unreadable input or a workbook without tables: exit 2, nothing written', async () => {
    const junk = path.join(tmp, 'junk.xlsx');
    fs.writeFileSync(junk, 'not a workbook');
    const out = path.join(tmp, 'never.xlsx');
    const r = await run(['fill', junk, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^ptcheck：无法读取“.*junk\.xlsx”：/);
    expect(hasStack(r.err)).toBe(false);
    expect(fs.existsSync(out)).toBe(false);

    const empty = path.join(tmp, 'empty.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '备注';
    await wb.xlsx.writeFile(empty);
    const e = await run(['fill', empty, '--out', out]);
    expect(e.code).toBe(2);
    expect(e.err).toContain('中没有找到绩效目标表，未写入任何文件。');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('a failed write says why, leaves no temporary file, exit 2', async () => {
    const dir = path.join(tmp, 'no-such-dir', 'x.xlsx');
    const r = await run(['fill', fx('002_f394b5ba38f6b2c8.xlsx'), '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法写入“');
    expect(r.err).toContain('目录不存在');
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('is in --help, and parses its options', async () => {
    const h = await run(['--help']);
    expect(h.out).toContain('ptcheck fill 原表.xlsx --out 标准表.xlsx [--template hebei|core2021|department]');
    expect(h.out).toContain('--join-split-rows');
    expect((await run(['fill', '--help'])).code).toBe(0);
    expect(parseCli(['fill', 'a.xlsx', '-o', 'b.XLSX'])).toEqual({ kind: 'fill', input: 'a.xlsx', out: 'b.XLSX', template: undefined, layout: 'per-sheet', joinSplitRows: false, complete: false });
  });
});
