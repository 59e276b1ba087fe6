// Year-over-year comparison (core/baseline.ts) and the proposed verdict (core/review.ts). Last year is fixture 000
// as published; "this year" is the same workbook with a few rows edited through ExcelJS, as a department would.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { FIXTURES, loadGrids } from './helpers/load';
import { runCli } from './helpers/cli';
import { parseGrids } from '../src/core/parse';
import { TargetTable } from '../src/core/model';
import { ReportSchema } from '../src/core/report';
import { BaselineIndex, codeWithoutYear, compareWithBaseline, snapshotOf } from '../src/core/baseline';
import { countSeverities, proposeVerdict, reviewFile, worstVerdict } from '../src/core/review';

jest.setTimeout(120000);

const LAST = path.join(FIXTURES, '000_24cde7d862e1b3bb.xlsx');
let dir: string;
let thisYear: string;
let last: TargetTable[];

const byName = (ts: TargetTable[], name: string) => ts.find((t) => t.name.text === name) as TargetTable;
const row = (t: TargetTable, l3: string) => t.indicators.find((r) => r.l3.text === l3)!;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptcheck-baseline-'));
  last = parseGrids(await loadGrids(LAST));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(LAST);
  const ws = wb.getWorksheet(last[0].sheet)!;
  const set = (cell: string, v: string | number) => (ws.getCell(cell).value = v);
  // This year's codes carry this year's digits (…22P… → …23P…): still the same projects.
  for (const t of last) set(t.code.cell, t.code.text.slice(0, 6) + '23' + t.code.text.slice(8));
  // 城区微型站运维费: satisfaction lowered, on 历史标准.
  const p1 = byName(last, '城区微型站运维费');
  set(row(p1, '服务对象满意度').value.cell, '≥85%');
  set(row(p1, '服务对象满意度').basis.cell, '历史标准');
  // 电子政务中心…: an indicator replaced by another.
  const p2 = byName(last, '电子政务中心城乡一体化工作经费');
  set(row(p2, '与市中心光纤租赁条数').l3.cell, '光纤租赁数量');
  // 金融办工作经费: budget up from 50 to 60 万元, every target as last year.
  const p3 = byName(last, '金融办工作经费');
  set(p3.budget!.total.cell, 60);
  set(p3.budget!.fiscal.cell, 60);
  thisYear = path.join(dir, '2023年.xlsx');
  await wb.xlsx.writeFile(thisYear);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('baseline comparison on a real workbook and its edited copy', () => {
  let findings: { rule: string; cell: string; table?: number; message: string; suggestion: string | null }[];
  let tables: { name: string }[];

  beforeAll(async () => {
    const r = await runCli(['check', thisYear, '--baseline', LAST, '--format', 'json']);
    expect([0, 1]).toContain(r.code);
    expect(r.err).toContain('已读取上年的 1 个文件、15 个项目用于对比');
    const rep = ReportSchema.parse(JSON.parse(r.out));
    tables = rep.files[0].tables;
    findings = rep.files[0].diagnostics.filter((d) => d.rule.startsWith('baseline.'));
  });

  const inTable = (name: string) => findings.filter((d) => tables[d.table as number].name === name);

  test('a 历史标准 target below last year is a finding at its cell, with last year as the suggestion', () => {
    const lowered = findings.filter((d) => d.rule === 'baseline.target-lowered');
    expect(lowered).toHaveLength(1);
    expect(lowered[0]).toMatchObject({ cell: row(byName(last, '城区微型站运维费'), '服务对象满意度').value.cell, suggestion: '≥90%' });
    expect(lowered[0].message).toContain('≥85%');
  });

  test('an indicator of last year that is gone is named', () => {
    const dropped = findings.filter((d) => d.rule === 'baseline.indicator-dropped');
    expect(dropped).toHaveLength(1);
    expect(tables[dropped[0].table as number].name).toBe('电子政务中心城乡一体化工作经费');
    expect(dropped[0].message).toContain('与市中心光纤租赁条数');
  });

  test('a budget changed while every target stayed the same', () => {
    const f = inTable('金融办工作经费').filter((d) => d.rule === 'baseline.budget-changed-targets-same');
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe(byName(last, '金融办工作经费').budget!.total.cell);
    expect(inTable('金融办工作经费').map((d) => d.rule)).not.toContain('baseline.copied-unchanged');
  });

  test('a project copied word for word (matched by its code without the year digits)', () => {
    const f = inTable('农业农村工作经费');
    expect(f.map((d) => d.rule)).toEqual(['baseline.copied-unchanged']);
    // The edited projects are not "unchanged".
    for (const name of ['城区微型站运维费', '电子政务中心城乡一体化工作经费']) expect(inTable(name).map((d) => d.rule)).not.toContain('baseline.copied-unchanged');
  });

  test('quiet against itself for everything but copying; quiet with no match', () => {
    const idx = new BaselineIndex(last.map((t) => snapshotOf(t, 'x.xlsx')));
    const all = last.flatMap((t, i) => compareWithBaseline(t, i, idx.match(t)!));
    expect(new Set(all.map((d) => d.rule))).toEqual(new Set(['baseline.copied-unchanged']));
    // Each last-year project pairs once: a second lookup of the same project finds nothing.
    expect(idx.match(last[0])).toBeUndefined();
  });

  test('a target raised on 历史标准 is no finding', () => {
    const t = JSON.parse(JSON.stringify(byName(last, '城区微型站运维费'))) as TargetTable;
    const r = row(t, '服务对象满意度');
    r.value.text = '≥95%';
    r.basis.text = '历史标准';
    const found = compareWithBaseline(t, 0, snapshotOf(byName(last, '城区微型站运维费'), 'x'));
    expect(found.map((d) => d.rule)).not.toContain('baseline.target-lowered');
  });

  test('codes match without their year digits; other codes do not get a year-less key', () => {
    expect(codeWithoutYear('13022522P0044CB10009G')).toBe(codeWithoutYear('13022523P0044CB10009G'));
    expect(codeWithoutYear('ABC-1')).toBe('');
  });

  test('a baseline with nothing to compare: a Chinese reason, exit 2', async () => {
    const empty = path.join(dir, 'empty');
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, 'x.xlsx'), 'not a workbook');
    const r = await runCli(['check', thisYear, '--baseline', empty]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('没有可对比的上年项目');
  });
});

describe('proposed verdict', () => {
  test('errors → 退回修改, warnings only → 修改后通过, else 通过; a stricter policy', () => {
    expect(proposeVerdict({ error: 1, warning: 0, info: 0 })).toBe('return');
    expect(proposeVerdict({ error: 0, warning: 3, info: 9 })).toBe('revise');
    expect(proposeVerdict({ error: 0, warning: 0, info: 9 })).toBe('pass');
    expect(proposeVerdict({ error: 0, warning: 3, info: 0 }, { returnAtErrors: 1, returnAtWarnings: 3, reviseAtWarnings: 1 })).toBe('return');
    expect(worstVerdict(['pass', 'revise', 'pass'])).toBe('revise');
    expect(worstVerdict([])).toBeNull();
  });

  test('per project and per file on a real fixture, counts adding up', async () => {
    const r = await runCli(['check', LAST, '--format', 'json']);
    const f = ReportSchema.parse(JSON.parse(r.out)).files[0];
    const review = reviewFile(f.tables.length, f.diagnostics, (d) => (typeof d.table === 'number' ? d.table : -1));
    expect(review.counts).toEqual(countSeverities(f.diagnostics));
    f.tables.forEach((t, i) => {
      expect(t.verdict).toBe(review.projects[i].verdict);
      expect(t.counts).toEqual(review.projects[i].counts);
    });
    expect(f.verdict).toBe(review.verdict);
    // The fixture's table 8 has an error-level finding, the first only warnings.
    expect(f.tables.map((t) => t.verdict)).toContain('return');
    expect(f.tables[0].verdict).toBe(f.tables[0].counts!.error ? 'return' : f.tables[0].counts!.warning ? 'revise' : 'pass');
  });
});
