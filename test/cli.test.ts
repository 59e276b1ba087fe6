import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as crypto from 'crypto';
import { main } from '../src/cli/main';
import { runCli, hasStack, Run } from './helpers/cli';
import { CliDeps, OutStream } from '../src/cli/deps';
import { ReportSchema, Report, ReportFile } from '../src/core/report';
import { renderTextFile, makeStyle } from '../src/cli/text';
import { Progress } from '../src/cli/progress';
import { renderHtml } from '../src/cli/html';
import { FIXTURES } from './helpers/load';
import { parseGrids } from '../src/core/parse';
import { CheckResult } from '../src/core/check';
import { Diagnostic } from '../src/core/diagnostic';
import { Grid } from '../src/core/grid';

jest.setTimeout(120000);

const run = (argv: string[], extra: Partial<CliDeps> = {}) => runCli(argv, extra);

const fixtureFiles = fs
  .readdirSync(FIXTURES)
  .filter((n) => n.endsWith('.xlsx'))
  .sort()
  .map((n) => path.join(FIXTURES, n));

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);
// A printed stack trace has "    at fn (file:line:col)" frames.
const anyError = (r: Report) => r.files.some((f) => f.diagnostics.some((d) => d.severity === 'error'));

function parseReport(json: string): Report {
  const parsed = ReportSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(parsed.error.message);
  return parsed.data;
}

/** The summary must agree with the entries, whatever the engine finds. */
function expectConsistent(r: Report): void {
  const all = r.files.flatMap((f) => f.diagnostics);
  expect(r.summary.files).toBe(r.files.length);
  expect(r.summary.tables).toBe(r.files.reduce((n, f) => n + f.tables.length, 0));
  expect(r.summary.indicators).toBe(r.files.reduce((n, f) => n + f.tables.reduce((m, t) => m + t.indicators, 0), 0));
  expect(r.summary.errors).toBe(all.filter((d) => d.severity === 'error').length);
  expect(r.summary.warnings).toBe(all.filter((d) => d.severity === 'warning').length);
  expect(r.summary.infos).toBe(all.filter((d) => d.severity === 'info').length);
}

const tmpDirs: string[] = [];
function tmpDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-test-'));
  tmpDirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('ptcheck check', () => {
  let jsonRun: Run;
  let report: Report;

  beforeAll(async () => {
    jsonRun = await run(['check', ...fixtureFiles, '--format', 'json']);
    report = parseReport(jsonRun.out);
  });

  test('json: every fixture listed, validates, exit code 1 iff an error-level finding', () => {
    expect(report.tool.name).toBe('ptcheck');
    expect(report.tool.version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8')).version);
    expect(report.tool.profile).toBe('auto');
    expect(report.files.map((f) => f.file)).toEqual(fixtureFiles);
    for (const f of report.files) expect(f.error).toBeNull();
    expectConsistent(report);
    expect([0, 1]).toContain(jsonRun.code);
    expect(jsonRun.code).toBe(anyError(report) ? 1 : 0);
    // Not a TTY: no progress output, nothing on stderr for a clean run.
    expect(jsonRun.err).toBe('');
  });

  test('--profile is echoed in tool.profile', async () => {
    const r = await run(['check', fixtureFiles[0], '--format=json', '--profile', 'classic']);
    const rep = parseReport(r.out);
    expect(rep.tool.profile).toBe('classic');
    expect(r.code).toBe(anyError(rep) ? 1 : 0);
  });

  test('text: grouped by file, a summary line, no colour when not a TTY', async () => {
    const r = await run(['check', ...fixtureFiles]);
    expect(r.code).toBe(jsonRun.code);
    expect(r.out).not.toMatch(/\x1b\[/);
    for (const f of report.files) {
      expect(r.out).toContain(`文件 ${f.file}`);
      f.tables.forEach((t, i) => expect(r.out).toContain(`第${i + 1}个表 ${t.name || '（未命名）'} (${t.range})`));
    }
    const noTables = report.files.filter((f) => f.tables.length === 0).length;
    expect(r.out.split('未发现绩效目标表').length - 1).toBe(noTables);
    const s = report.summary;
    expect(r.out).toContain(`共检查 ${s.files} 个文件、${s.tables} 个表、${s.indicators} 项指标`);
    expect(r.out).toContain(`错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}`);
    // One line per finding, in the documented shape.
    const findingLines = r.out.split('\n').filter((l) => /\[(错误|警告|提示)\]/.test(l));
    expect(findingLines.length).toBe(s.errors + s.warnings + s.infos);
    for (const l of findingLines) expect(l).toMatch(/^\s+[A-Z]+\d+(:[A-Z]+\d+)?\s+\[(错误|警告|提示)\] [\w.-]+\s+\S/);
  });

  test('a directory is walked recursively; lock files are skipped', async () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    fs.copyFileSync(fixtureFiles[0], path.join(dir, 'a.xlsx'));
    fs.copyFileSync(fixtureFiles[1], path.join(dir, 'sub', 'deeper', 'b.xlsx'));
    fs.copyFileSync(fixtureFiles[0], path.join(dir, 'sub', '~$a.xlsx'));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x');
    const r = await run(['check', dir, '--format', 'json']);
    const rep = parseReport(r.out);
    expect(rep.files.map((f) => f.file)).toEqual([path.join(dir, 'a.xlsx'), path.join(dir, 'sub', 'deeper', 'b.xlsx')]);
    expect(r.code).toBe(anyError(rep) ? 1 : 0);
  });

  test('the fixtures directory itself', async () => {
    const r = await run(['check', FIXTURES, '--format', 'json']);
    const rep = parseReport(r.out);
    // The walk is recursive: the out-of-sample fixtures in oos/ are checked too.
    const oos = fs.readdirSync(path.join(FIXTURES, 'oos')).filter((n) => n.endsWith('.xlsx'));
    expect(rep.files.map((f) => path.basename(f.file)).sort()).toEqual([...fixtureFiles.map((f) => path.basename(f)), ...oos].sort());
    expectConsistent(rep);
    expect([0, 1]).toContain(r.code);
  });

  describe('an unreadable file', () => {
    let dir: string;
    let corrupt: string;
    beforeAll(() => {
      dir = tmpDir();
      corrupt = path.join(dir, '损坏的文件.xlsx');
      fs.writeFileSync(corrupt, crypto.randomBytes(4096));
    });

    test('gets a Chinese error, the others are still checked, exit 2, no stack trace', async () => {
      const r = await run(['check', fixtureFiles[0], corrupt, fixtureFiles[1], '--format', 'json']);
      expect(r.code).toBe(2);
      const rep = parseReport(r.out);
      expect(rep.files.map((f) => f.file)).toEqual([fixtureFiles[0], corrupt, fixtureFiles[1]]);
      const bad = rep.files[1];
      expect(bad.error).toEqual(expect.any(String));
      expect(hasChinese(bad.error as string)).toBe(true);
      expect(bad.diagnostics).toEqual([]);
      expect(rep.files[0].error).toBeNull();
      expect(rep.files[2].error).toBeNull();
      expect(rep.summary.unreadable).toBe(1);
      expect(hasStack(r.err)).toBe(false);
      expect(hasStack(r.out)).toBe(false);
    });

    test('text output says why, exit 2', async () => {
      const r = await run(['check', corrupt]);
      expect(r.code).toBe(2);
      expect(r.out).toContain('无法读取：');
      expect(r.out).toContain('1 个文件无法读取');
      expect(hasStack(r.err + r.out)).toBe(false);
    });

    test('a missing path is reported like an unreadable file', async () => {
      const missing = path.join(dir, '不存在.xlsx');
      const r = await run(['check', missing, fixtureFiles[0], '--format', 'json']);
      expect(r.code).toBe(2);
      const rep = parseReport(r.out);
      expect(rep.files[0]).toMatchObject({ file: missing, error: '文件或目录不存在' });
      expect(rep.files[1].error).toBeNull();
    });

    test('PTCHECK_DEBUG=1 shows the underlying error on stderr', async () => {
      const r = await run(['check', corrupt, '--format', 'json'], { env: { PTCHECK_DEBUG: '1' } });
      expect(r.code).toBe(2);
      expect(r.err).not.toBe('');
    });
  });

  test('with tables and findings (a stand-in engine on the real parser): exit 1, one line per finding', async () => {
    // Flags 指标值 that spell the unit as a word (`≥90百分比`), as the real rules will.
    const engine = (grids: Grid[]): CheckResult => {
      const tables = parseGrids(grids);
      const diagnostics: Diagnostic[] = [];
      tables.forEach((t, ti) => {
        for (const ind of t.indicators) {
          if (!/百分比/.test(ind.value.text)) continue;
          diagnostics.push({
            sheet: t.sheet,
            cell: ind.value.cell,
            severity: 'error',
            rule: 'value.unit-word',
            message: `指标值“${ind.value.text}”的单位写成了文字`,
            suggestion: ind.value.text.replace(/百分比/g, '%'),
            table: ti,
          });
        }
      });
      return { tables: tables.map((table) => ({ table, profile: 'classic' })), diagnostics };
    };
    const j = await run(['check', ...fixtureFiles, '--format', 'json'], { check: engine });
    const rep = parseReport(j.out);
    expectConsistent(rep);
    expect(rep.summary.tables).toBeGreaterThan(0);
    expect(j.code).toBe(anyError(rep) ? 1 : 0);
    const t = await run(['check', ...fixtureFiles], { check: engine });
    expect(t.code).toBe(j.code);
    const lines = t.out.split('\n').filter((l) => /\[(错误|警告|提示)\]/.test(l));
    expect(lines.length).toBe(rep.summary.errors + rep.summary.warnings + rep.summary.infos);
    if (lines.length) expect(lines[0]).toMatch(/^      [A-Z]+\d+\s+\[错误\] value\.unit-word\s+指标值“.*百分比”的单位写成了文字  → 建议：.*%/);
  });

  test('an engine failure on one file becomes that file\'s error, not a crash', async () => {
    const r = await run(['check', fixtureFiles[0], fixtureFiles[1], '--format', 'json'], {
      check: () => {
        throw new Error('boom');
      },
    });
    expect(r.code).toBe(2);
    const rep = parseReport(r.out);
    expect(rep.files).toHaveLength(2);
    for (const f of rep.files) expect(hasChinese(f.error || '')).toBe(true);
    expect(r.err + r.out).not.toContain('boom');
  });

  test('--out writes one annotated copy per input, disambiguating equal basenames, plus report.json', async () => {
    const src = tmpDir();
    fs.mkdirSync(path.join(src, 'a'));
    fs.mkdirSync(path.join(src, 'b'));
    fs.copyFileSync(fixtureFiles[0], path.join(src, 'a', '环保局.xlsx'));
    fs.copyFileSync(fixtureFiles[1], path.join(src, 'b', '环保局.xlsx'));
    const out = path.join(tmpDir(), 'nested', 'out');
    const r = await run(['check', path.join(src, 'a'), path.join(src, 'b'), fixtureFiles[2], '--out', out, '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    const written = fs.readdirSync(out).sort();
    expect(written).toEqual(['report.json', path.basename(fixtureFiles[2]), '环保局-2.xlsx', '环保局.xlsx'].sort());
    for (const n of written.filter((n) => n.endsWith('.xlsx'))) expect(fs.statSync(path.join(out, n)).size).toBeGreaterThan(0);
    const saved = parseReport(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(saved.files.map((f) => f.file)).toEqual(parseReport(r.out).files.map((f) => f.file));
  });

  test('--out never overwrites an input that already sits in the output folder', async () => {
    const dir = tmpDir();
    const input = path.join(dir, 'x.xlsx');
    fs.copyFileSync(fixtureFiles[0], input);
    const before = fs.readFileSync(input);
    const r = await run(['check', input, '--out', dir]);
    expect([0, 1]).toContain(r.code);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'x-2.xlsx'))).toBe(true);
  });

  test('--out naming an existing file: a Chinese reason, exit 2, nothing checked', async () => {
    const file = path.join(tmpDir(), 'occupied');
    fs.writeFileSync(file, 'x');
    const r = await run(['check', fixtureFiles[0], '--out', file]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('已存在同名的文件');
    expect(r.err).not.toMatch(/EEXIST|Error/);
  });

  test('html: self-contained, zh-CN, escaped, saved with --out', async () => {
    const out = tmpDir();
    const r = await run(['check', fixtureFiles[0], fixtureFiles[1], '--format', 'html', '--out', out], {
      now: () => new Date(2024, 0, 2, 3, 4),
    });
    expect([0, 1]).toContain(r.code);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.out).toContain('<html lang="zh-CN">');
    expect(r.out).toContain('<meta charset="utf-8">');
    expect(r.out).toContain('2024-01-02 03:04');
    expect(r.out).not.toMatch(/<script|<link|src=|url\(|https?:/i);
    for (const f of fixtureFiles.slice(0, 2)) expect(r.out).toContain(f.replace(/&/g, '&amp;'));
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toBe(r.out);
  });

  test('html escapes everything taken from the workbook', () => {
    const rep: Report = {
      tool: { name: 'ptcheck', version: '0.1.0', profile: 'auto' },
      files: [
        {
          file: 'a<b>&"c\'.xlsx',
          tables: [{ sheet: '<s>', range: 'A1:G9', kind: 'project', name: '<img src=x onerror=alert(1)>', code: '', indicators: 1 }],
          diagnostics: [
            { sheet: '<s>', cell: 'F5', severity: 'warning', rule: 'r.x', message: '<script>alert(1)</script>', suggestion: '≥95%&' },
          ],
          error: null,
        },
      ],
      summary: { files: 1, tables: 1, indicators: 1, errors: 0, warnings: 1, infos: 0 },
    };
    const html = renderHtml(rep, new Date());
    expect(html).not.toMatch(/<script|<img|<s>|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a&lt;b&gt;&amp;&quot;c&#39;.xlsx');
    expect(html).toContain('≥95%&amp;');
    expect(html).toContain('class="badge sev-warning"');
  });

  test('a folder with no workbook: nothing to check, exit 2', async () => {
    const r = await run(['check', tmpDir()]);
    expect(r.code).toBe(2);
    expect(hasChinese(r.err)).toBe(true);
  });
});

describe('progress', () => {
  function ttyStream(): OutStream & { data: string } {
    const s = {
      data: '',
      isTTY: true,
      columns: 40,
      write(chunk: string) {
        s.data += chunk;
        return true;
      },
    };
    return s;
  }

  test('a bar on a TTY stderr when more than one file, cleared at the end', async () => {
    const stderr = ttyStream();
    const stdout = { data: '', write: (c: string) => ((stdout.data += c), true) };
    const code = await main(['check', fixtureFiles[0], fixtureFiles[1], '--format', 'json'], { stderr, stdout });
    expect([0, 1]).toContain(code);
    expect(stderr.data).toContain(`\r[`);
    expect(stderr.data).toContain(`1/2 ${path.basename(fixtureFiles[0])}`.slice(0, 10));
    expect(stderr.data).toContain('2/2');
    expect(stderr.data.endsWith('\r\x1b[K')).toBe(true);
    parseReport(stdout.data);
  });

  test('no bar for a single file', async () => {
    const stderr = ttyStream();
    const stdout = { write: () => true };
    await main(['check', fixtureFiles[0]], { stderr, stdout });
    expect(stderr.data).toBe('');
  });

  test('the line never exceeds the terminal width, even with wide names', () => {
    const line = Progress.line(3, 10, '河北省某某县生态环境局二〇二三年项目支出绩效目标表汇总.xlsx', 40);
    expect(line.startsWith('[######--------------] 3/10 ')).toBe(true);
    // 39 columns at most: CJK characters count two.
    const width = [...line].reduce((w, ch) => w + (/[\u3000-\u9fff]/.test(ch) ? 2 : 1), 0);
    expect(width).toBeLessThanOrEqual(39);
  });
});

describe('text rendering', () => {
  const file: ReportFile = {
    file: 'received/环保局.xlsx',
    tables: [
      { sheet: '项目绩效目标表', range: 'A1:G18', kind: 'project', name: '环保督查经费', code: '13022923P00JXC414284D', indicators: 9 },
      { sheet: '项目绩效目标表', range: 'A20:G30', kind: 'project', name: '城区微型站运维费', code: '', indicators: 5 },
    ],
    diagnostics: [
      {
        sheet: '项目绩效目标表',
        cell: 'F12',
        severity: 'error',
        rule: 'value.unit-mismatch',
        message: '时效指标“任务完成时间”的指标值应为完成时限，不应为百分比',
        suggestion: '2022年12月底前完成',
      },
      { sheet: '项目绩效目标表', cell: 'F13', severity: 'info', rule: 'text.fullwidth', message: '全角符号', suggestion: null },
      { sheet: '说明', cell: 'A1', severity: 'warning', rule: 'sheet.extra', message: '表外内容', suggestion: null },
    ],
    error: null,
  };

  test('file → sheet → table → one line per finding', () => {
    const text = renderTextFile(file, makeStyle(false));
    expect(text).toBe(
      [
        '文件 received/环保局.xlsx',
        '  工作表 项目绩效目标表',
        '    第1个表 环保督查经费 (A1:G18)  9项指标，2个问题',
        '      F12  [错误] value.unit-mismatch  时效指标“任务完成时间”的指标值应为完成时限，不应为百分比  → 建议：2022年12月底前完成',
        '      F13  [提示] text.fullwidth       全角符号',
        '    第2个表 城区微型站运维费 (A20:G30)  5项指标，未发现问题',
        '  工作表 说明',
        '    （表格之外）',
        '      A1  [警告] sheet.extra  表外内容',
        '',
        '',
      ].join('\n'),
    );
  });

  test('colour codes only when asked', () => {
    expect(renderTextFile(file, makeStyle(true))).toMatch(/\x1b\[31m\[错误\]/);
  });

  test('a file without tables says so', () => {
    const text = renderTextFile({ file: 'x.xlsx', tables: [], diagnostics: [], error: null }, makeStyle(false));
    expect(text).toBe('文件 x.xlsx\n  未发现绩效目标表\n\n');
  });
});

describe('other commands and arguments', () => {
  test('rules --format json is a JSON array of the catalogue', async () => {
    const r = await run(['rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const rules = JSON.parse(r.out);
    expect(Array.isArray(rules)).toBe(true);
    for (const x of rules) {
      expect(x).toEqual({ id: expect.any(String), severity: expect.stringMatching(/^(error|warning|info)$/), profiles: expect.any(Array), description: expect.any(String) });
    }
  });

  test('rules as text', async () => {
    const r = await run(['rules']);
    expect(r.code).toBe(0);
    expect(hasChinese(r.out)).toBe(true);
  });

  test('--help and --version', async () => {
    const h = await run(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('用法');
    expect((await run(['check', '--help'])).code).toBe(0);
    const v = await run(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test.each([
    [['check', fixtureFiles[0], '--bogus']],
    [['--bogus']],
    [['frobnicate']],
    [[]],
    [['check']],
    [['check', fixtureFiles[0], '--format', 'xml']],
    [['check', fixtureFiles[0], '--out']],
    [['rules', 'extra']],
    [['rules', '--format', 'html']],
    [['check', fixtureFiles[0], '--profile', 'no-such-profile']],
  ])('bad arguments %j → exit 2 with a Chinese message', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(hasChinese(r.err)).toBe(true);
    expect(hasStack(r.err)).toBe(false);
  });

  test('the unknown option is named', async () => {
    const r = await run(['check', 'x.xlsx', '--bogus']);
    expect(r.err).toContain('未知选项“--bogus”');
  });
});
