// Every fixture workbook must parse exactly as its *.expected.json (tables as written in the document).
import * as fs from 'fs';
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { parseGrids } from '../src/core/parse';
import { TargetTable, TargetTableSchema } from '../src/core/model';

interface ExpectedRow { l1: string; l2: string; l3: string; desc: string; value: string; basis: string }
interface Expected {
  no: number; title: string; org: string; unit: string; code: string; name: string;
  budget: { total?: string; fiscal?: string; other?: string }; purpose: string; plan: [string, string][]; goals: string;
  indicators: ExpectedRow[];
}

function asExpected(t: TargetTable): Expected {
  return {
    no: t.no, title: t.title.text, org: t.org.text, unit: t.unit.text, code: t.code.text, name: t.name.text,
    budget: t.budget ? { total: t.budget.total.text, fiscal: t.budget.fiscal.text, other: t.budget.other.text } : {},
    purpose: t.purpose.text, plan: t.plan.map((p) => [p.label.text, p.value.text] as [string, string]), goals: t.goals.text,
    indicators: t.indicators.map((i) => ({ l1: i.l1.text, l2: i.l2.text, l3: i.l3.text, desc: i.desc.text, value: i.value.text, basis: i.basis.text })),
  };
}

const load = (name: string): Expected[] => JSON.parse(fs.readFileSync(path.join(FIXTURES, name + '.expected.json'), 'utf8'));
const stems = ['000_24cde7d862e1b3bb', '001_247e9d6eca422fe5', '002_f394b5ba38f6b2c8', '004_d64ddf90eec77ce7'];

describe('stacked project tables parse exactly as written', () => {
  for (const stem of stems) {
    it(stem, async () => {
      const tables = parseGrids(await loadGrids(path.join(FIXTURES, stem + '.xlsx')));
      const expected = load(stem);
      expect(tables.map(asExpected)).toEqual(expected);
      for (const t of tables) {
        expect(t.kind).toBe('project');
        expect(() => TargetTableSchema.parse(t)).not.toThrow();
      }
    });
  }
});

it('one project per sheet (004 per-sheet: the first 12 projects)', async () => {
  const grids = await loadGrids(path.join(FIXTURES, '004_d64ddf90eec77ce7.per-sheet.xlsx'));
  const tables = parseGrids(grids);
  expect(grids.length).toBe(12);
  expect(tables.map(asExpected)).toEqual(load('004_d64ddf90eec77ce7').slice(0, 12));
  expect(new Set(tables.map((t) => t.sheet)).size).toBe(12);
});

it('flat list with 符号·值·单位 split (000 flat-split)', async () => {
  const tables = parseGrids(await loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.flat-split.xlsx')));
  const expected = load('000_24cde7d862e1b3bb');
  expect(tables.map((t) => t.name.text)).toEqual(expected.map((e) => e.name));
  const squash = (s: string) => s.replace(/\s+/g, '');
  tables.forEach((t, i) => {
    expect(t.kind).toBe('flat');
    let l1 = '';
    const exp = expected[i].indicators.map((r) => {
      if (r.l1) l1 = r.l1;
      return { l1, l2: r.l2, l3: r.l3, desc: r.desc, value: squash(r.value), basis: r.basis };
    });
    const got = t.indicators.map((r) => ({ l1: r.effL1, l2: r.l2.text, l3: r.l3.text, desc: r.desc.text, value: squash(r.value.text), basis: r.basis.text }));
    expect(got).toEqual(exp);
    expect(t.indicators[0].split).toBeDefined();
  });
});
