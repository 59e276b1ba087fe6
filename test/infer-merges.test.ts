// Below ExcelApi 1.13 merged areas cannot be read. The engine reads the fixtures the same without merges except
// for the two-row labels (预算规模及资金用途: the purpose text sits in the row below): infer-merges supplies those,
// and with them every fixture parses and checks exactly as with the real merges.
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { parseGrids } from '../src/core/parse';
import { checkGrids } from '../src/core/check';
import { Grid } from '../src/core/grid';
import { addInferredMerges, inferMerges } from '../src/core/infer-merges';

const STEMS = ['000_24cde7d862e1b3bb', '001_247e9d6eca422fe5', '002_f394b5ba38f6b2c8', '004_d64ddf90eec77ce7', '004_d64ddf90eec77ce7.per-sheet', '000_24cde7d862e1b3bb.flat-split'];

/** The grid an old Excel client reads: the same cells, no merged areas (continuation cells are blank). */
function withoutMerges(g: Grid): Grid {
  const n = new Grid(g.name);
  for (let r = 0; r < g.rowCount; r++) {
    for (let c = 0; c < g.colCount; c++) {
      if (g.isContinuation(r, c)) continue;
      const v = g.value(r, c);
      const t = g.rawText(r, c);
      const e = g.error(r, c);
      if (v === null && t === '' && !e) continue;
      n.setCell(r, c, e ? { value: null, error: e } : { value: v, text: t });
    }
  }
  return n;
}

const fields = (g: Grid[]) =>
  parseGrids(g).map((t) => ({
    name: t.name.text,
    purpose: t.purpose.text,
    goals: t.goals.text,
    plan: t.plan.map((p) => [p.label.text, p.value.text]),
    budget: t.budget && t.budget.total.text,
    rows: t.indicators.map((i) => [i.l1.text, i.l2.text, i.l3.text, i.desc.text, i.value.text, i.basis.text]),
  }));
const findings = (g: Grid[]) => checkGrids(g).diagnostics.map((d) => `${d.sheet}!${d.cell} ${d.rule} ${d.message}`);

describe.each(STEMS)('%s', (stem) => {
  it('without merges the purpose text is lost; with the inferred ones tables and findings are as with the real merges', async () => {
    const grids = await loadGrids(path.join(FIXTURES, stem + '.xlsx'));
    const bare = grids.map(withoutMerges);
    const inferred = grids.map(withoutMerges);
    const added = inferred.map(addInferredMerges).reduce((a, b) => a + b, 0);
    const real = fields(grids);
    if (real.some((t) => t.purpose)) {
      expect(fields(bare)).not.toEqual(real);
      expect(added).toBeGreaterThan(0);
    }
    expect(fields(inferred)).toEqual(real);
    expect(findings(inferred)).toEqual(findings(grids));
  });
});

it('infers only two-row labels over a blank cell with values to the right, and nothing where merges are known', () => {
  const g = new Grid('S');
  g.setCell(0, 0, { value: '预算规模及资金用途' });
  g.setCell(0, 1, { value: '预算数' });
  g.setCell(1, 1, { value: '用于日常运维' });
  g.setCell(3, 0, { value: '资金支出计划（%）' });
  g.setCell(3, 1, { value: '3月底' });
  g.setCell(4, 1, { value: '25%' });
  g.setCell(6, 0, { value: '项目名称' });
  g.setCell(7, 1, { value: 'x' });
  g.setCell(9, 0, { value: '预算规模及资金用途' });
  g.setCell(10, 1, { value: '项目名称' });
  expect(inferMerges(g)).toEqual([
    { top: 0, left: 0, bottom: 1, right: 0 },
    { top: 3, left: 0, bottom: 4, right: 0 },
  ]);
  g.addMerge({ top: 0, left: 1, bottom: 0, right: 2 });
  expect(inferMerges(g)).toEqual([]);
});
