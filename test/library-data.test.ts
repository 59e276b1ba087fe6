// The built-in indicator library: valid data, complete per type, and every indicator — its template filled
// as for a real project — passes the project's own checker in a real project table, under both profiles.
import { libraryData } from '../src/core/library/data';
import { LibraryIndicator, LibrarySchema } from '../src/core/library/schema';
import { layOutTable } from './helpers/table';
import { checkGrids } from '../src/core/check';
import { normLabel } from '../src/core/labels';
import { analyzeValue } from '../src/core/value';

const lib = LibrarySchema.parse(libraryData);
const typeIds = new Set(lib.types.map((t) => t.id));

/** The project every table below describes: 50 万元, budget year 2023, 10 of whatever is counted. */
const BUDGET = '50';
const UNIT = '万元';
const YEAR = '2023';
const COUNT = '10';
const CODE = '13022523P00000000001';

function fillTemplate(t: string): string {
  return t
    .replace(/\{预算数\}/g, BUDGET)
    .replace(/\{单位\}/g, UNIT)
    .replace(/\{年度\}/g, YEAR)
    .replace(/\{数量\}/g, COUNT);
}

const CLASSIC_L1 = ['产出指标', '效益指标', '满意度指标'];
const CLASSIC_L2: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};
const CORE_L1 = ['成本指标', '产出指标', '效益指标', '满意度指标'];
const CORE_L2: Record<string, string[]> = {
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  产出指标: ['数量指标', '质量指标', '时效指标'],
  效益指标: CLASSIC_L2['效益指标'],
  满意度指标: CLASSIC_L2['满意度指标'],
};
const BENEFIT_L2 = CLASSIC_L2['效益指标'];

/** Indicators by the type whose file they come from (the id prefix). */
function groups(): Map<string, LibraryIndicator[]> {
  const m = new Map<string, LibraryIndicator[]>();
  for (const i of lib.indicators) {
    const g = i.id.split('.')[0];
    if (!m.has(g)) m.set(g, []);
    m.get(g)!.push(i);
  }
  return m;
}

const EXEMPT = new Set(['workbook.boilerplate', 'indicator.count']);

function findings(group: string, profile: 'classic' | 'core2021'): string[] {
  const inds = groups().get(group)!;
  const type = lib.types.find((t) => t.id === group);
  const name = (type ? type.name : '综合业务') + '项目';
  const purpose = type ? type.description + '主要用于' + type.keywords.join('、') + '。' : '用于保障单位综合业务工作开展。';
  const rows = inds.map((ind) => ({
    l1: profile === 'classic' ? ind.l1 : ind.core2021.l1,
    l2: profile === 'classic' ? ind.l2 : ind.core2021.l2,
    l3: ind.l3,
    desc: ind.explanation,
    value: fillTemplate(ind.valueTemplate),
    basis: ind.basis,
  }));
  const goals = '1.按计划完成' + name + '年度各项工作任务，资金使用规范高效。\n2.提升工作质量和服务水平，服务对象满意。';
  const { grid } = layOutTable({ name, code: CODE, unit: UNIT, budget: BUDGET, purpose, goals }, rows);
  const res = checkGrids([grid], profile === 'classic' ? {} : { profile: 'core2021' });
  const out: string[] = [];
  if (res.tables.length !== 1) return ['tables found: ' + res.tables.length];
  const t = res.tables[0];
  if (t.profile !== profile) out.push('profile chosen: ' + t.profile);
  if (t.table.indicators.length !== inds.length) out.push('indicator rows parsed: ' + t.table.indicators.length + ' of ' + inds.length);
  const byCell = new Map<string, string>();
  for (const row of t.table.indicators) for (const f of [row.l3, row.desc, row.value, row.basis]) byCell.set(f.cell, row.l3.text);
  for (const d of res.diagnostics) {
    if (d.severity === 'info' || EXEMPT.has(d.rule)) continue;
    out.push(`${d.severity} ${d.rule} ${d.cell} [${byCell.get(d.cell) || ''}] ${d.message}`);
  }
  return out;
}

describe('library data', () => {
  it('parses with LibrarySchema', () => {
    expect(() => LibrarySchema.parse(libraryData)).not.toThrow();
  });

  it('has at least 28 project types and 600 indicators, with unique ids', () => {
    expect(lib.types.length).toBeGreaterThanOrEqual(28);
    expect(lib.indicators.length).toBeGreaterThanOrEqual(600);
    expect(new Set(lib.types.map((t) => t.id)).size).toBe(lib.types.length);
    expect(new Set(lib.indicators.map((i) => i.id)).size).toBe(lib.indicators.length);
    for (const t of lib.types) expect(t.description.length).toBeGreaterThan(0);
  });

  it('every indicator names existing types, its own file type first', () => {
    const bad = lib.indicators.filter(
      (i) => i.types.some((t) => t !== 'common' && !typeIds.has(t)) || i.types[0] !== i.id.split('.')[0],
    );
    expect(bad.map((i) => i.id)).toEqual([]);
    for (const g of groups().keys()) expect(g === 'common' || typeIds.has(g)).toBe(true);
  });

  it('places every indicator under the classic profile and under core2021', () => {
    const bad: string[] = [];
    for (const i of lib.indicators) {
      if (!CLASSIC_L1.includes(i.l1) || !CLASSIC_L2[i.l1].includes(i.l2)) bad.push(i.id + ' classic ' + i.l1 + '/' + i.l2);
      const c = i.core2021;
      if (!CORE_L1.includes(c.l1) || !CORE_L2[c.l1].includes(c.l2)) bad.push(i.id + ' core2021 ' + c.l1 + '/' + c.l2);
      if (i.l2 === '成本指标' ? c.l1 !== '成本指标' : c.l1 !== i.l1 || c.l2 !== i.l2) bad.push(i.id + ' core2021 placement');
    }
    expect(bad).toEqual([]);
  });

  it('writes templates with known placeholders only, and values that read as values', () => {
    const bad: string[] = [];
    for (const i of lib.indicators) {
      const rest = i.valueTemplate.replace(/\{(预算数|单位|年度|数量)\}/g, '');
      if (/[{}]/.test(rest)) bad.push(i.id + ' placeholder ' + i.valueTemplate);
      if (i.valueTemplate.includes('{单位}') && !i.valueTemplate.includes('{预算数}{单位}')) bad.push(i.id + ' {单位} without {预算数}');
      const v = analyzeValue(fillTemplate(i.valueTemplate));
      const p = v.parsed;
      if (p.kind === 'malformed' || p.kind === 'empty') bad.push(i.id + ' malformed ' + i.valueTemplate);
      else if (p.kind === 'qual' && !p.standard) bad.push(i.id + ' not a graded phrase ' + i.valueTemplate);
      if (v.issues.some((x) => x.code !== 'missing-cmp')) bad.push(i.id + ' ' + v.issues.map((x) => x.code).join(',') + ' ' + i.valueTemplate);
      if ((i.polarity === '定性') !== (p.kind === 'qual')) bad.push(i.id + ' polarity ' + i.polarity + ' for ' + i.valueTemplate);
      if (normLabel(i.explanation) === normLabel(i.l3)) bad.push(i.id + ' explanation repeats the name');
    }
    expect(bad).toEqual([]);
  });

  it('covers 数量/质量/时效/成本, two 效益 and a 满意度 in every type', () => {
    const gaps: string[] = [];
    const g = groups();
    for (const t of lib.types) {
      const inds = g.get(t.id) || [];
      const l2 = new Set(inds.map((i) => i.l2));
      for (const need of ['数量指标', '质量指标', '时效指标', '成本指标', '服务对象满意度指标']) if (!l2.has(need)) gaps.push(t.id + ' ' + need);
      if (inds.filter((i) => BENEFIT_L2.includes(i.l2)).length < 2) gaps.push(t.id + ' 效益');
    }
    expect(gaps).toEqual([]);
  });

  it('has no duplicate 三级 names within a type', () => {
    const dups: string[] = [];
    for (const [g, inds] of groups()) {
      const seen = new Set<string>();
      for (const i of inds) {
        const k = normLabel(i.l3).replace(/[()（）%％]/g, '');
        if (seen.has(k)) dups.push(g + ' ' + i.l3);
        seen.add(k);
      }
    }
    expect(dups).toEqual([]);
  });
});

describe('every library indicator passes the checker in a real project table', () => {
  for (const g of Array.from(groups().keys())) {
    it(g + ' (classic)', () => {
      expect(findings(g, 'classic')).toEqual([]);
    });
    it(g + ' (core2021)', () => {
      expect(findings(g, 'core2021')).toEqual([]);
    });
  }
});
