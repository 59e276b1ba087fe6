// Out-of-sample fixtures (test/fixtures/oos, sources in each *.layout.json): published tables from other provinces
// and systems must parse exactly as their hand-written *.expected.json; a sheet with no grid must say why.
import * as fs from 'fs';
import * as path from 'path';
import { loadGrids, FIXTURES } from './helpers/load';
import { parseGrids } from '../src/core/parse';
import { TargetTable, TargetTableSchema } from '../src/core/model';

const OOS = path.join(FIXTURES, 'oos');

function asExpected(t: TargetTable) {
  return {
    no: t.no, title: t.title.text, org: t.org.text, unit: t.unit.text, code: t.code.text, name: t.name.text,
    budget: t.budget ? { total: t.budget.total.text, fiscal: t.budget.fiscal.text, other: t.budget.other.text } : {},
    purpose: t.purpose.text, plan: t.plan.map((p) => [p.label.text, p.value.text]), goals: t.goals.text,
    indicators: t.indicators.map((i) => ({ l1: i.l1.text, l2: i.l2.text, l3: i.l3.text, desc: i.desc.text, value: i.value.text, basis: i.basis.text })),
  };
}

const stems = fs.readdirSync(OOS).filter((f) => f.endsWith('.layout.json')).map((f) => f.replace(/\.layout\.json$/, '')).sort();

describe('out-of-sample tables parse exactly as published', () => {
  it('has at least five recorded sources', () => expect(stems.length).toBeGreaterThanOrEqual(5));
  for (const stem of stems) {
    it(stem, async () => {
      const tables = parseGrids(await loadGrids(path.join(OOS, stem + '.xlsx')));
      const expected = JSON.parse(fs.readFileSync(path.join(OOS, stem + '.expected.json'), 'utf8'));
      expect(tables.map(asExpected)).toEqual(expected);
      for (const t of tables) expect(() => TargetTableSchema.parse(t)).not.toThrow();
    });
  }
});

describe('what the new layouts carry beyond the common fields', () => {
  it('湘潭 申报表: 实施期 goals beside the 年度 goals', async () => {
    const [t] = parseGrids(await loadGrids(path.join(OOS, 'hunan-xiangtan-wupao-2023.xlsx')));
    expect(t.midGoals && t.midGoals.text).toMatch(/^通过采购雾炮车/);
    expect(t.midGoals && t.midGoals.cell).toBe('B6');
  });
  it('井研 一体化 export: 指标性质 · 指标值 · 度量单位 split, 权重 and 指标方向性 per row, no 项目编码', async () => {
    const tables = parseGrids(await loadGrids(path.join(OOS, 'sichuan-jingyan-mata-2023.xlsx')));
    expect(tables.map((t) => t.kind)).toEqual(['flat', 'flat']);
    const r = tables[0].indicators[0];
    expect(r.split && [r.split.sign.text, r.split.num.text, r.split.unit.text]).toEqual(['≥', '95', '%']);
    expect(r.weight && r.weight.text).toBe('10');
    expect(r.direction && r.direction.text).toBe('正向指标');
    expect(tables[1].name.cell).toBe('B13');
    expect(tables.every((t) => t.code.text === '')).toBe(true);
  });
});
