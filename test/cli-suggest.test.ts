// `ptcheck suggest` and `ptcheck library`, run in-process through main() as the installed command runs them.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { runCli, hasStack } from './helpers/cli';
import { getLibrary } from '../src/core/library';

jest.setTimeout(120000);

const run = runCli;

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-suggest-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A department library workbook written the way a user would: one sheet, our headers, some bad rows. */
async function departmentWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('本局指标');
  ws.addRow(['类型', '一级', '二级', '三级', '指标解释', '单位', '方向', '指标值模板', '依据', '关键词', '来源']);
  ws.addRow(['档案管理', '产出指标', '数量指标', '数字化档案卷数', '反映年内完成数字化的档案卷数。按验收清单统计。', '卷', '正向', '≥{数量}卷', '计划标准', '档案数字化', '本局']);
  ws.addRow(['档案管理', '产出指标', '质量指标', '档案数字化验收合格率', '反映数字化成果验收合格的程度。合格卷数÷验收卷数×100%。', '%', '正向', '≥98%', '行业标准', '', '本局']);
  ws.addRow(['档案管理', '产出指标', '成本指标', '档案数字化加工总成本', '反映档案数字化加工总支出控制在预算以内的情况。', '万元', '反向', '≤{预算数}{单位}', '预算支出标准', '', '本局']);
  ws.addRow(['档案管理', '产出指标', '数量指标', '档案扫描页数', '反映扫描的档案页数。按扫描记录统计。', '页', '正向', '≥90百分比', '计划标准', '', '本局']);
  await wb.xlsx.writeFile(file);
}

describe('ptcheck suggest', () => {
  test('--format json prints types and suggestions in the documented shape', async () => {
    const r = await run(['suggest', '城区微型站运维费', '--goals', '对城区8个微型空气站进行定期维护', '--budget', '7.99', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const body = JSON.parse(r.out);
    expect(Object.keys(body)).toEqual(['types', 'suggestions', 'fit']);
    expect(body.fit).toMatchObject({ good: true, reason: 'ok' });
    expect(body.types[0].id).toMatch(/^(env-monitoring|it-ops)$/);
    for (const t of body.types) expect(Object.keys(t)).toEqual(['id', 'name', 'score']);
    expect(body.suggestions.length).toBe(10);
    for (const s of body.suggestions) {
      expect(Object.keys(s)).toEqual(['type', 'l1', 'l2', 'l3', 'desc', 'value', 'unit', 'basis', 'score']);
      expect(typeof s.score).toBe('number');
    }
    const values = body.suggestions.map((s: { value: string }) => s.value);
    expect(values).toContain('=8个');
    expect(values).toContain('≤7.99万元');
  });

  test('--top, --unit 元, --year and --profile core2021', async () => {
    const r = await run(['suggest', '环保督查经费', '--purpose', '接待中央环保督察、省市环保督察组来我县帮扶指导工作', '--budget', '100000', '--unit', '元', '--year', '2023', '--top', '3', '--profile', 'core2021', '--format', 'json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.types[0].id).toBe('env-inspection');
    // Six categories must be covered, so a top of 3 still gives at least six rows.
    expect(body.suggestions.length).toBeGreaterThanOrEqual(6);
    expect(body.suggestions.some((s: { l1: string; value: string }) => s.l1 === '成本指标' && s.value === '≤100000元')).toBe(true);
    const all = JSON.parse((await run(['suggest', '环保督查经费', '--year', '2021', '--top', '40', '--format', 'json'])).out);
    expect(all.suggestions.some((s: { value: string }) => /^2021年\d+月底前完成$/.test(s.value))).toBe(true);
  });

  test('text output is a Chinese list grouped by 二级', async () => {
    const r = await run(['suggest', '村党组织活动经费', '--budget', '23']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('项目类型：党建');
    expect(r.out).toContain('产出指标 › 数量指标');
    expect(r.out).toContain('满意度指标 › 服务对象满意度指标');
    // Groups in table order: 数量 before 质量 before 满意度.
    expect(r.out.indexOf('› 数量指标')).toBeLessThan(r.out.indexOf('› 质量指标'));
    expect(r.out.indexOf('› 质量指标')).toBeLessThan(r.out.indexOf('› 服务对象满意度指标'));
    expect(r.out).toContain('≤23万元');
  });

  test('--library merges a department workbook; its bad rows are named on stderr', async () => {
    const file = path.join(tmp, 'dept.xlsx');
    await departmentWorkbook(file);
    const r = await run(['suggest', '档案数字化经费', '--goals', '完成2000卷档案数字化', '--budget', '12', '--library', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.types[0].name).toBe('档案管理');
    expect(body.suggestions.find((s: { l3: string }) => s.l3 === '数字化档案卷数').value).toBe('≥2000卷');
    expect(r.err).toContain('有 1 行未读入');
    expect(r.err).toMatch(/工作表“本局指标”第5行：.*≥90百分比/);
  });

  test.each([
    [['suggest']],
    [['suggest', 'a', 'b']],
    [['suggest', 'x', '--budget', 'abc']],
    [['suggest', 'x', '--budget', '-5']],
    [['suggest', 'x', '--unit', '美元']],
    [['suggest', 'x', '--top', '0']],
    [['suggest', 'x', '--year', '23']],
    [['suggest', 'x', '--profile', 'department']],
    [['suggest', 'x', '--format', 'html']],
    [['suggest', 'x', '--bogus']],
    [['suggest', 'x', '--library', path.join(tmp, 'missing.xlsx')]],
    [['library', '--format', 'html']],
    [['library', 'extra']],
    [['library', '--import', path.join(tmp, 'missing.xlsx')]],
  ])('bad arguments %j → exit 2 with a Chinese message', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(hasChinese(r.err)).toBe(true);
    expect(hasStack(r.err)).toBe(false);
  });
});

describe('ptcheck library', () => {
  test('--format json prints types, indicators and stats', async () => {
    const r = await run(['library', '--format', 'json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(Object.keys(body)).toEqual(['types', 'indicators', 'stats']);
    const lib = getLibrary();
    expect(body.stats).toEqual({ types: lib.types.length, indicators: lib.indicators.length });
    expect(body.types.length).toBe(lib.types.length);
    expect(body.indicators.length).toBe(lib.indicators.length);
    expect(body.indicators[0]).toEqual(lib.indicators[0]);
  });

  test('text output counts indicators per type', async () => {
    const r = await run(['library']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`共 ${getLibrary().types.length} 个项目类型`);
    expect(r.out).toMatch(/会议（meeting）：\d+ 项/);
  });

  test('--export writes a workbook that --import reads back unchanged', async () => {
    const file = path.join(tmp, 'library.xlsx');
    const w = await run(['library', '--export', file]);
    expect(w.code).toBe(0);
    expect(w.err).toContain('已将');
    expect(fs.existsSync(file)).toBe(true);
    const r = await run(['library', '--import', file, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const body = JSON.parse(r.out);
    const lib = getLibrary();
    expect(body.indicators).toEqual(lib.indicators);
    expect(body.types).toEqual(lib.types);
  });

  test('--import of a department workbook: merged, bad rows listed, exit 1', async () => {
    const file = path.join(tmp, 'dept2.xlsx');
    await departmentWorkbook(file);
    const r = await run(['library', '--import', file, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.out);
    expect(body.stats.indicators).toBe(getLibrary().indicators.length + 3);
    expect(body.types.some((t: { name: string }) => t.name === '档案管理')).toBe(true);
    expect(r.err).toMatch(/第5行/);
    // Exporting the merged library keeps the department's rows.
    const out = path.join(tmp, 'merged.xlsx');
    const e = await run(['library', '--import', file, '--export', out]);
    expect(e.code).toBe(1);
    const back = await run(['library', '--import', out, '--format', 'json']);
    expect(back.code).toBe(0);
    expect(JSON.parse(back.out).stats.indicators).toBe(getLibrary().indicators.length + 3);
  });

  test('--export to a folder that does not exist fails with a Chinese reason', async () => {
    const r = await run(['library', '--export', path.join(tmp, 'no', 'such', 'dir', 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法写入');
    expect(hasStack(r.err)).toBe(false);
  });
});
