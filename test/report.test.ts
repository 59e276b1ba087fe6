import {
  ReportSchema,
  buildReport,
  buildReportFromResults,
  toReportFile,
  reportExitCode,
  summarize,
  tableIndexOf,
  FileResult,
} from '../src/core/report';
import { CheckedTable } from '../src/core/check';
import { Diagnostic } from '../src/core/diagnostic';
import { TargetTable, emptyField, IndicatorRow } from '../src/core/model';

const f = (text: string, cell = '') => ({ text, cell });

// The report only counts indicator rows; the cast keeps this test independent of fields the model gains.
function indicator(row: number): IndicatorRow {
  return {
    row,
    l1: f('产出指标'),
    l2: f('数量指标'),
    l3: f('监测站点数'),
    desc: f('运维站点数量'),
    value: f('=8个'),
    basis: f('计划标准'),
    effL1: '产出指标',
    effL2: '数量指标',
  } as IndicatorRow;
}

function table(sheet: string, range: string, name: string, code: string, indicators: number, no = 1): TargetTable {
  return {
    kind: 'project',
    sheet,
    range,
    no,
    title: f(`${no}.${name}绩效目标表`, 'A1'),
    org: emptyField(),
    unit: f('万元'),
    code: f(code, 'B3'),
    name: f(name, 'D3'),
    purpose: emptyField(),
    plan: [],
    goals: emptyField(),
    header: {},
    indicators: Array.from({ length: indicators }, (_, i) => indicator(10 + i)),
  };
}

const checked = (t: TargetTable, profile = 'classic'): CheckedTable => ({ table: t, profile });

const diag = (over: Partial<Diagnostic>): Diagnostic => ({
  sheet: 'Sheet1',
  cell: 'F12',
  severity: 'warning',
  rule: 'value.format',
  message: '指标值格式不规范',
  ...over,
});

const good: FileResult = {
  file: 'a/环保局.xlsx',
  tables: [
    checked(table('Sheet1', 'A1:G18', '环保督查经费', '13022923P00JXC414284D', 9)),
    checked(table('Sheet1', 'A20:G40', '城区微型站运维费', '13022522P0044CB10009G', 12, 2), 'core2021'),
  ],
  diagnostics: [
    diag({ cell: 'F30', severity: 'info', rule: 'text.whitespace', suggestion: undefined }),
    diag({ cell: 'F12', severity: 'error', rule: 'value.unit-mismatch', suggestion: '2022年12月底前完成' }),
    diag({ cell: 'B7:E7', severity: 'warning', rule: 'plan.sum', suggestion: null }),
  ],
  error: null,
};

const unreadable: FileResult = {
  file: 'b/坏文件.xlsx',
  // Whatever a host passes along, an unreadable file reports no tables and no findings.
  tables: [checked(table('X', 'A1:G5', 'x', '', 1))],
  diagnostics: [diag({ severity: 'error' })],
  error: '无法读取为 .xlsx 工作簿',
};

describe('report builder', () => {
  test('output validates against ReportSchema and follows the contract shape', () => {
    const report = buildReportFromResults({ version: '0.1.0' }, [good]);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.tool).toEqual({ name: 'ptcheck', version: '0.1.0', profile: 'auto' });
    const file = report.files[0];
    expect(Object.keys(file).sort()).toEqual(['diagnostics', 'error', 'file', 'tables']);
    expect(file.error).toBeNull();
    expect(file.tables[0]).toEqual({
      sheet: 'Sheet1',
      range: 'A1:G18',
      kind: 'project',
      name: '环保督查经费',
      code: '13022923P00JXC414284D',
      indicators: 9,
      profile: 'classic',
    });
    for (const d of file.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['sheet', 'cell', 'severity', 'rule', 'message', 'suggestion']));
    }
    // Missing suggestions are printed as null, never dropped.
    expect(file.diagnostics.find((d) => d.rule === 'text.whitespace')!.suggestion).toBeNull();
  });

  test('findings are in reading order (row, then column)', () => {
    const cells = toReportFile(good).diagnostics.map((d) => d.cell);
    expect(cells).toEqual(['B7:E7', 'F12', 'F30']);
  });

  test('counts are right', () => {
    const report = buildReportFromResults({ version: '0.1.0', profile: 'classic' }, [good, unreadable]);
    expect(report.tool.profile).toBe('classic');
    expect(report.summary).toMatchObject({ files: 2, tables: 2, indicators: 21, errors: 1, warnings: 1, infos: 1 });
    expect(report.summary.unreadable).toBe(1);
    expect(summarize([])).toMatchObject({ files: 0, tables: 0, indicators: 0, errors: 0, warnings: 0, infos: 0 });
  });

  test('an unreadable file has error set, nothing else, and makes the exit code 2', () => {
    const report = buildReportFromResults({ version: '0.1.0' }, [good, unreadable]);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    const bad = report.files[1];
    expect(bad.error).toMatch(/[\u4e00-\u9fff]/);
    expect(bad.tables).toEqual([]);
    expect(bad.diagnostics).toEqual([]);
    expect(reportExitCode(report)).toBe(2);
  });

  test('exit code: 1 iff an error-level finding, 0 otherwise', () => {
    expect(reportExitCode(buildReportFromResults({ version: '1' }, [good]))).toBe(1);
    const noErrors: FileResult = { ...good, diagnostics: good.diagnostics.filter((d) => d.severity !== 'error') };
    expect(reportExitCode(buildReportFromResults({ version: '1' }, [noErrors]))).toBe(0);
    expect(reportExitCode(buildReport({ version: '1' }, []))).toBe(0);
  });

  test('the schema rejects renamed or missing contract fields but keeps added ones', () => {
    const report = buildReportFromResults({ version: '0.1.0' }, [good]);
    const renamed = JSON.parse(JSON.stringify(report));
    delete renamed.files[0].diagnostics[0].rule;
    expect(ReportSchema.safeParse(renamed).success).toBe(false);
    const noError = JSON.parse(JSON.stringify(report));
    delete noError.files[0].error;
    expect(ReportSchema.safeParse(noError).success).toBe(false);
    const added = JSON.parse(JSON.stringify(report));
    added.files[0].extra = 1;
    const parsed = ReportSchema.parse(added);
    expect((parsed.files[0] as Record<string, unknown>).extra).toBe(1);
  });

  test('findings are attached to the table whose range holds them', () => {
    const file = toReportFile(good);
    const at = (cell: string, sheet = 'Sheet1') => tableIndexOf({ ...file.diagnostics[0], cell, sheet, table: undefined }, file.tables);
    expect(at('F12')).toBe(0);
    expect(at('B25:E25')).toBe(1);
    expect(at('Z99')).toBe(-1);
    expect(at('F12', 'Other')).toBe(-1);
    expect(tableIndexOf({ ...file.diagnostics[0], cell: 'Z99', table: 1 }, file.tables)).toBe(1);
  });
});
