// Done-when of the templates: every fixture, filled into the standard template and written as .xlsx, reads back as
// the same tables row by row (parse(fill(parse(x))) = parse(x), see helpers/template.ts for what is compared), and
// checking the written workbook finds nothing the source did not have.
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, loadGrids } from './helpers/load';
import { normalise, findingKeys } from './helpers/template';
import { seedTable, workbookFrom } from './helpers/seed';
import { parseGrids } from '../src/core/parse';
import { TargetTable } from '../src/core/model';
import { Layout, fillWorkbook } from '../src/core/template';
import { workbookBuffer } from '../src/hosts/workbook/fill';
import { readGridsFromBuffer } from '../src/hosts/workbook/read';

jest.setTimeout(120000);

const fixtures = fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx')).sort();

/** The department-wide table of seed 001 (no fixture workbook has one), laid out as department.test.ts does. */
async function departmentSource(): Promise<TargetTable[]> {
  const rows = seedTable('001_247e9d6eca422fe5.txt', '（四）部门整体支出绩效指标');
  const [head, sub, ...body] = rows;
  const header = [head[0], head[1], head[2], head[3], head[4], head[5], '', '', head[6]];
  const buf = await workbookFrom([
    { name: '部门整体', rows: [['（四）部门整体支出绩效指标'], header, sub, ...body], merges: ['F2:H2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:E3', 'I2:I3'] },
  ]);
  return parseGrids(await readGridsFromBuffer(buf));
}

async function roundTrip(source: TargetTable[], layout: Layout, joinSplitRows = false): Promise<TargetTable[]> {
  const { ops } = fillWorkbook(source, { layout, joinSplitRows });
  return parseGrids(await readGridsFromBuffer(await workbookBuffer(ops)));
}

function expectSameTables(source: TargetTable[], back: TargetTable[]): void {
  expect(back).toHaveLength(source.length);
  source.forEach((t, i) => {
    const a = normalise(t);
    const b = normalise(back[i]);
    // Row by row first, so a failure names the row.
    expect({ table: i, rows: b.indicators.length }).toEqual({ table: i, rows: a.indicators.length });
    a.indicators.forEach((row, k) => expect({ table: i, row: k, ...b.indicators[k] }).toEqual({ table: i, row: k, ...row }));
    expect(b).toEqual(a);
  });
}

function expectNoNewFindings(source: TargetTable[], back: TargetTable[]): void {
  const before = new Set(findingKeys(source));
  const added = findingKeys(back).filter((k) => !before.has(k));
  expect(added).toEqual([]);
}

describe.each(fixtures)('%s', (file) => {
  let source: TargetTable[];
  beforeAll(async () => {
    source = parseGrids(await loadGrids(path.join(FIXTURES, file)));
  });

  it.each(['per-sheet', 'stacked'] as Layout[])('round trip, %s', async (layout) => {
    expect(source.length).toBeGreaterThan(0);
    const back = await roundTrip(source, layout);
    expectSameTables(source, back);
    expectNoNewFindings(source, back);
    // The layout asked for: one sheet per table, or all of them on one.
    const sheets = new Set(back.map((t) => t.sheet));
    expect(sheets.size).toBe(layout === 'per-sheet' ? source.length : 1);
  });
});

describe('department-wide table (seed 001)', () => {
  it.each(['per-sheet', 'stacked'] as Layout[])('round trip, %s, with 符号·值·单位 and 评（扣）分标准', async (layout) => {
    const source = await departmentSource();
    expect(source[0].kind).toBe('department');
    const back = await roundTrip(source, layout);
    expectSameTables(source, back);
    expectNoNewFindings(source, back);
    // The split columns come back as written.
    const parts = (t: TargetTable) => t.indicators.map((r) => r.split && [r.split.sign.text, r.split.num.text, r.split.unit.text]);
    expect(parts(back[0])).toEqual(parts(source[0]));
  });
});

describe('rows split by a page break (001, project 24)', () => {
  it('are kept as written by default and joined on request', async () => {
    const source = parseGrids(await loadGrids(path.join(FIXTURES, '001_247e9d6eca422fe5.xlsx')));
    const i = source.findIndex((t) => t.indicators.some((r) => r.fragment));
    const t = source[i];
    const fragments = t.indicators.filter((r) => r.fragment);
    expect(fragments).toHaveLength(3);

    const kept = await roundTrip(source, 'per-sheet');
    expect(kept[i].indicators.filter((r) => r.fragment).map((r) => [r.l1.text, r.l2.text])).toEqual(fragments.map((r) => [r.l1.text, r.l2.text]));

    const joined = await roundTrip(source, 'per-sheet', true);
    const j = joined[i];
    expect(j.indicators.some((r) => r.fragment)).toBe(false);
    expect(j.indicators).toHaveLength(t.indicators.length - 3);
    // Each tail's text is now the value and 依据 of its row.
    const row = j.indicators.find((r) => r.l3.text === '项目成本控制')!;
    expect([row.value.text, row.basis.text]).toEqual(['按照规定标准控制', '计划标准']);
    expect(row.effL1).toBe('产出指标');
    // The split-row error is gone, and no rule fires more often than before in that table.
    const count = (keys: string[]) => {
      const m: Record<string, number> = {};
      for (const k of keys.filter((x) => x.split('|')[1] === String(i))) m[k.split('|')[0]] = (m[k.split('|')[0]] || 0) + 1;
      return m;
    };
    const before = count(findingKeys(source));
    const after = count(findingKeys(joined));
    expect(before['layout.split-row']).toBe(3);
    expect(after['layout.split-row']).toBeUndefined();
    for (const rule of Object.keys(after)) expect([rule, after[rule]]).toEqual([rule, Math.min(after[rule], before[rule] || 0)]);
    // The other tables are untouched.
    expectSameTables(source.filter((_, k) => k !== i), joined.filter((_, k) => k !== i));
  });
});
