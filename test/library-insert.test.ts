// Inserting library indicators into a user's table (src/core/library/insert.ts, src/core/rows.ts): where the rows go
// under each placement rule, what is written in the 一级/二级/项目名称 columns of each layout, which merged areas grow,
// that nothing below is lost, and that the checker reads the table again with the new rows and raises nothing new
// about them — on real fixture tables (stacked merged tables, a page-broken table, the flat 符号·值·单位 list).
import * as path from 'path';
import { FIXTURES, loadGrids } from './helpers/load';
import { layOutTable, TableRow } from './helpers/table';
import { Grid, rectToA1, toA1 } from '../src/core/grid';
import { parseGrids } from '../src/core/parse';
import { checkGrids } from '../src/core/check';
import { TargetTable, displayName } from '../src/core/model';
import { Diagnostic } from '../src/core/diagnostic';
import { InsertItem, InsertPlanError, planIndicatorInsert, splitValue, insertProblem } from '../src/core/library/insert';
import { InsertPlan, applyInsertPlan, expectMismatch, cellString, finalRow, shiftMerge } from '../src/core/rows';
import { suggest, fillIndicators, tableHas } from '../src/core/library/suggest';
import { searchLibrary, queryTerms } from '../src/core/library/search';
import { getLibrary, indicatorById } from '../src/core/library';

let g000split: Grid[];
let g001: Grid[];
let g002: Grid[];

beforeAll(async () => {
  g000split = await loadGrids(path.join(FIXTURES, '000_24cde7d862e1b3bb.flat-split.xlsx'));
  g001 = await loadGrids(path.join(FIXTURES, '001_247e9d6eca422fe5.xlsx'));
  g002 = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
});

const item = (l1: string, l2: string, l3: string, value = '≥95%', extra: Partial<InsertItem> = {}): InsertItem => ({
  l1,
  l2,
  l3,
  desc: `反映${l3}的情况，按实际完成情况统计。`,
  value,
  basis: '计划标准',
  ...extra,
});

/** Every old cell is at its shifted row with its text, unless a merge made on purpose hides it. */
function lostCells(before: Grid, after: Grid, plan: InsertPlan): string[] {
  const lost: string[] = [];
  for (let r = 0; r < before.rowCount; r++)
    for (let c = 0; c < before.colCount; c++) {
      const t = before.rawText(r, c);
      if (t === '') continue;
      const fr = finalRow(plan, r);
      if (after.rawText(fr, c) !== t) lost.push(`${toA1(r, c)}→${toA1(fr, c)}: "${t}" became "${after.rawText(fr, c)}"`);
    }
  return lost;
}

/** Findings on the rows given (0-based), errors and warnings only. */
function findingsOn(diags: Diagnostic[], sheet: string, rows: Set<number>): Diagnostic[] {
  return diags.filter((d) => {
    if (d.sheet !== sheet || d.severity === 'info') return false;
    const m = /^[A-Z]+(\d+)/.exec(d.cell);
    return !!m && rows.has(parseInt(m[1], 10) - 1);
  });
}

const rowsText = (t: TargetTable) => t.indicators.map((i) => [i.effL1, i.effL2, i.l3.text, i.desc.text, i.value.text, i.basis.text].join('|'));

describe('the insertion plan on stacked merged tables (fixture 002)', () => {
  it('puts suggestions under their 二级, grows the 一级 merge, keeps every cell below and the next tables intact', () => {
    const g = g002[0];
    const tables = parseGrids([g]);
    const t = tables[0];
    const res = suggest({ name: '', existing: t }, { top: 12 });
    // Two 质量, one 成本, one 生态效益: three anchors inside and at the end of the 一级 blocks.
    const pick = ['举报线索查处率', '整改问题销号验收合格率', '督察工作保障总成本', '督察反馈生态环境问题整改率'].map((n) => res.suggestions.find((s) => s.l3 === n)!);
    expect(pick.every(Boolean)).toBe(true);
    const { plan, placed, skipped } = planIndicatorInsert(g, t, pick);
    expect(skipped).toEqual([]);
    // Bottom-up blocks, one per anchor.
    expect(plan.blocks.map((b) => b.after)).toEqual([15, 12, 10]);
    expect(placed.map((p) => p.cell)).toEqual(['C12', 'C13', 'C16', 'C20']);
    expect(placed.map((p) => p.l2)).toEqual(['质量指标', '质量指标', '成本指标', '生态效益指标']);
    // 一级 merged areas grow over their new rows; each new 二级 row joins the 二级 above it, merged like the 一级;
    // 绩效指标描述 spans D:E on the new rows as on the row above.
    expect(plan.merges.map(rectToA1)).toEqual(['A10:A16', 'B11:B13', 'D12:E12', 'D13:E13', 'B15:B16', 'D16:E16', 'A17:A21', 'B19:B20', 'D20:E20']);

    const after = applyInsertPlan(g, plan);
    expect(lostCells(g, after, plan)).toEqual([]);
    const again = parseGrids([after]);
    expect(again.length).toBe(tables.length);
    const t2 = again[0];
    expect(t2.indicators.length).toBe(t.indicators.length + 4);
    for (const p of placed) {
      const row = t2.indicators.find((i) => i.row === p.row)!;
      expect([row.effL1, row.effL2, row.l3.text, row.value.text]).toEqual([p.l1, p.l2, p.item.l3, p.item.value]);
    }
    // The new rows sit right under the last row of their 二级.
    const order = t2.indicators.map((i) => i.effL2 + ':' + i.l3.text);
    expect(order.indexOf('质量指标:举报线索查处率')).toBe(order.indexOf('质量指标:全覆盖') + 1);
    expect(order.indexOf('成本指标:督察工作保障总成本')).toBe(order.indexOf('成本指标:总成本控制数') + 1);
    expect(order.indexOf('生态效益指标:督察反馈生态环境问题整改率')).toBe(order.indexOf('生态效益指标:推动环保事业发展') + 1);
    // The tables below moved down by four rows, every field as before.
    for (let i = 1; i < tables.length; i++) {
      expect(rowsText(again[i])).toEqual(rowsText(tables[i]));
      expect(again[i].indicators.map((r) => r.row)).toEqual(tables[i].indicators.map((r) => r.row + 4));
    }
    // The checker says nothing new about the new rows.
    const diags = checkGrids([after]).diagnostics;
    expect(findingsOn(diags, g.name, new Set(placed.map((p) => p.row)))).toEqual([]);
    expect(checkGrids([after]).tables.length).toBe(6);
  });

  it('inserts a value whose template still has {数量} as it is: the checker flags it for the user', () => {
    const g = g002[0];
    const t = parseGrids([g])[0];
    const res = suggest({ name: '', existing: t }, { top: 12 });
    const pending = res.suggestions.find((s) => s.missing.length > 0)!;
    expect(pending.value).toMatch(/\{数量\}/);
    const { plan, placed } = planIndicatorInsert(g, t, [pending]);
    const after = applyInsertPlan(g, plan);
    expect(after.rawText(placed[0].row, 5)).toBe(pending.value);
    const found = findingsOn(checkGrids([after]).diagnostics, g.name, new Set([placed[0].row]));
    expect(found.map((d) => d.rule)).toContain('value.placeholder');
  });

  it('refuses a sheet that changed since the plan was made', () => {
    const g = g002[0];
    const t = parseGrids([g])[0];
    const { plan } = planIndicatorInsert(g, t, [item('产出指标', '数量指标', '督察次数', '≥4次')]);
    expect(expectMismatch(plan, (r, c) => cellString(g, r, c))).toBeNull();
    const changed = applyInsertPlan(g, { ...plan, blocks: [{ ...plan.blocks[0], after: 3 }], merges: [] });
    expect(expectMismatch(plan, (r, c) => cellString(changed, r, c))).not.toBeNull();
  });
});

describe('placement rules (a table laid out like fixture 000, merged 一级/二级)', () => {
  const meta = { name: '某项目', code: '13022522P0044CB10009G', unit: '万元', budget: '10', purpose: '开展某项工作', goals: '完成某项工作' };
  const r = (l1: string, l2: string, l3: string, value = '≥90%'): TableRow => ({ l1, l2, l3, desc: `反映${l3}的情况，计算公式为完成数÷计划数。`, value, basis: '计划标准' });
  const base = [
    r('产出指标', '质量指标', '验收合格率', '=100%'),
    r('产出指标', '质量指标', '资料完整率', '=100%'),
    r('产出指标', '时效指标', '完成时间', '2022年12月底前'),
    r('效益指标', '社会效益指标', '服务覆盖率'),
    r('满意度指标', '服务对象满意度指标', '群众满意度'),
  ];

  function run(rows: TableRow[], items: InsertItem[]) {
    const { grid } = layOutTable(meta, rows);
    const t = parseGrids([grid])[0];
    const out = planIndicatorInsert(grid, t, items);
    const after = applyInsertPlan(grid, out.plan);
    const t2 = parseGrids([after])[0];
    return { grid, t, after, t2, ...out };
  }
  const layout = (t: TargetTable) => t.indicators.map((i) => `${i.effL1}/${i.effL2}/${i.l3.text}`);

  it('a 二级 the table has: after its last row (rows 10–11 are 质量)', () => {
    const x = run(base, [item('产出指标', '质量指标', '整改完成率')]);
    expect(x.plan.blocks.map((b) => b.after)).toEqual([10]);
    expect(layout(x.t2).slice(0, 4)).toEqual(['产出指标/质量指标/验收合格率', '产出指标/质量指标/资料完整率', '产出指标/质量指标/整改完成率', '产出指标/时效指标/完成时间']);
    // Inside the 一级 block: its merge grows; the 二级 merge over 质量 grows too.
    expect(x.plan.merges.map(rectToA1)).toEqual(['A10:A13', 'B10:B12', 'D12:E12']);
    expect(x.after.merges.map(rectToA1).filter((a) => /^[AB](9|1\d)/.test(a)).sort()).toEqual(['A10:A13', 'B10:B12']);
    expect(lostCells(x.grid, x.after, x.plan)).toEqual([]);
  });

  it('a missing 二级: after the last 二级 before it in the profile order (成本 after 时效)', () => {
    const x = run(base, [item('产出指标', '成本指标', '项目总成本', '≤10万元', { basis: '预算支出标准' })]);
    expect(x.plan.blocks.map((b) => b.after)).toEqual([11]);
    expect(layout(x.t2)[3]).toBe('产出指标/成本指标/项目总成本');
    // The new 二级 names itself; the 一级 merge ends at the old last row, so it is extended explicitly.
    expect(x.after.rawText(12, 1)).toBe('成本指标');
    expect(x.after.rawText(12, 0)).toBe('');
    expect(x.plan.merges.map(rectToA1)).toContain('A10:A13');
    expect(lostCells(x.grid, x.after, x.plan)).toEqual([]);
  });

  it('a missing first 二级: on top of its 一级, which takes the 一级 name and its merge up with it', () => {
    const x = run(base, [item('产出指标', '数量指标', '服务次数', '≥4次')]);
    expect(x.plan.blocks.map((b) => b.after)).toEqual([8]);
    expect(layout(x.t2).slice(0, 2)).toEqual(['产出指标/数量指标/服务次数', '产出指标/质量指标/验收合格率']);
    expect(x.after.rawText(9, 0)).toBe('产出指标');
    expect(x.after.rawText(9, 1)).toBe('数量指标');
    expect(x.plan.merges.map(rectToA1)).toContain('A10:A13');
    // The one cell not kept: the old master of the 一级 merge, now inside it (its text moved to the new top row).
    expect(lostCells(x.grid, x.after, x.plan)).toEqual(['A10→A11: "产出指标" became ""']);
  });

  it('a missing 一级: after the 一级 before it (效益 between 产出 and 满意度), and a first one under the header', () => {
    const rows = base.filter((x) => x.l1 !== '效益指标');
    const x = run(rows, [item('效益指标', '可持续影响指标', '长效机制健全性', '健全'), item('效益指标', '社会效益指标', '群众知晓率')]);
    expect(x.plan.blocks.map((b) => b.after)).toEqual([11]);
    // In profile order within the new block, whatever order they were chosen in.
    expect(layout(x.t2).slice(3, 6)).toEqual(['效益指标/社会效益指标/群众知晓率', '效益指标/可持续影响指标/长效机制健全性', '满意度指标/服务对象满意度指标/群众满意度']);
    expect(x.after.rawText(12, 0)).toBe('效益指标');
    expect(x.after.rawText(13, 0)).toBe('');
    expect(x.plan.merges.map(rectToA1)).toContain('A13:A14');
    // A table without 产出: it comes first, right under the header.
    const y = run(base.filter((x) => x.l1 !== '产出指标'), [item('产出指标', '数量指标', '服务次数', '≥4次'), item('产出指标', '时效指标', '完成时间', '2022年12月底前')]);
    expect(y.plan.blocks.map((b) => b.after)).toEqual([8]);
    expect(layout(y.t2).slice(0, 3)).toEqual(['产出指标/数量指标/服务次数', '产出指标/时效指标/完成时间', '效益指标/社会效益指标/服务覆盖率']);
    // That table merges no 一级 over several rows (each has one): the new block writes its name once, as the table does.
    expect(y.plan.merges.map(rectToA1)).toEqual(['D10:E10', 'D11:E11']);
    expect([y.after.rawText(9, 0), y.after.rawText(10, 0)]).toEqual(['产出指标', '']);
    expect(lostCells(y.grid, y.after, y.plan)).toEqual([]);
  });

  it('leaves out an indicator whose 一级/二级 the profile does not know', () => {
    const x = run(base, [item('产出指标', '不存在的指标', '某指标'), item('产出指标', '质量指标', '整改完成率')]);
    expect(x.skipped.map((s) => s.l3)).toEqual(['某指标']);
    expect(x.placed.map((p) => p.item.l3)).toEqual(['整改完成率']);
  });

  it('without merged areas (a host below ExcelApi 1.13 reads none) leaves continuation cells blank, read as the block above', () => {
    const { grid } = layOutTable(meta, base);
    const plain = new Grid(grid.name);
    for (let rr = 0; rr < grid.rowCount; rr++) for (let c = 0; c < grid.colCount; c++) if (grid.rawText(rr, c)) plain.setCell(rr, c, { value: grid.rawText(rr, c) });
    const t = parseGrids([plain])[0];
    const { plan, placed } = planIndicatorInsert(plain, t, [item('产出指标', '质量指标', '整改完成率'), item('产出指标', '成本指标', '项目总成本', '≤10万元')]);
    expect(plan.merges).toEqual([]);
    const after = applyInsertPlan(plain, plan);
    expect(after.rawText(placed[0].row, 0)).toBe('');
    expect(after.rawText(placed[0].row, 1)).toBe('');
    expect(after.rawText(placed[1].row, 1)).toBe('成本指标');
    const t2 = parseGrids([after])[0];
    expect(placed.map((p) => t2.indicators.find((i) => i.row === p.row)!.effL2)).toEqual(['质量指标', '成本指标']);
  });
});

describe('a page-broken table (fixture 001, project 24)', () => {
  it('never puts a row between a row and the tail a page break split off it; joins 效果指标 as 效益', () => {
    const g = g001[0];
    const tables = parseGrids([g]);
    const t = tables.find((x) => x.indicators.some((i) => i.fragment))!;
    expect(displayName(t)).toContain('经开区安监站工作经费');
    const quality = t.indicators.find((i) => i.effL2 === '质量指标' && !i.fragment)!;
    const { plan, placed } = planIndicatorInsert(g, t, [item('产出指标', '质量指标', '隐患整改复查率'), item('效益指标', '社会效益指标', '企业安全意识', '明显提升')]);
    // 质量's row 284 has its tail on 285: the new row goes after the tail.
    expect(quality.row).toBe(283);
    expect(plan.blocks.map((b) => b.after).sort((a, b) => a - b)).toEqual([284, 289]);
    expect(placed.map((p) => p.l1)).toEqual(['产出指标', '效果指标']);
    const after = applyInsertPlan(g, plan);
    expect(lostCells(g, after, plan)).toEqual([]);
    const t2 = parseGrids([after]).find((x) => displayName(x) === displayName(t))!;
    const rows = t2.indicators.map((i) => (i.fragment ? 'F' : i.l3.text));
    expect(rows.slice(1, 4)).toEqual(['督促企业治理隐患数占原初数的比', 'F', '隐患整改复查率']);
    expect(parseGrids([after]).length).toBe(tables.length);
  });
});

describe('the flat list with 符号 · 值 · 单位 columns (fixture 000 flat-split)', () => {
  it('repeats 项目名称, 一级 and 二级 on each new row as the list does, and splits the value into its columns', () => {
    const g = g000split[0];
    const tables = parseGrids([g]);
    const t = tables[1];
    expect(t.kind).toBe('flat');
    const res = suggest({ name: '', existing: t }, { top: 12 });
    const pick = [res.suggestions.find((s) => s.l3 === '项目验收合格率')!, res.suggestions.find((s) => s.l3 === '系统上线运行时间')!, res.suggestions.find((s) => s.missing.length > 0)!];
    const { plan, placed } = planIndicatorInsert(g, t, pick);
    expect(plan.merges).toEqual([]);
    const after = applyInsertPlan(g, plan);
    expect(lostCells(g, after, plan)).toEqual([]);
    const line = (row: number) => Array.from({ length: 9 }, (_, c) => after.rawText(row, c));
    const [quality, time, count] = placed;
    expect(line(quality.row)).toEqual([displayName(t), '产出指标', '质量指标', '项目验收合格率', pick[0].desc, '=', '100', '%', pick[0].basis]);
    // A deadline is text: the list writes 文字描述 in 符号 for text values.
    expect(line(time.row).slice(5, 8)).toEqual(['文字描述', pick[1].value, '']);
    expect(line(count.row).slice(5, 8)).toEqual(['≥', '{数量}', pick[2].unit]);
    const again = parseGrids([after]);
    expect(again.length).toBe(15);
    expect(again[1].indicators.length).toBe(t.indicators.length + 3);
    for (const i of [0, ...Array.from({ length: 13 }, (_, k) => k + 2)]) expect(rowsText(again[i])).toEqual(rowsText(tables[i]));
    const found = findingsOn(checkGrids([after]).diagnostics, g.name, new Set(placed.map((p) => p.row)));
    // Only the placeholder left for the user.
    expect(found.map((d) => `${d.cell} ${d.rule}`)).toEqual([`G${count.row + 1} value.placeholder`]);
  });
});

describe('tables library rows cannot go into', () => {
  it('department-wide tables and tables without level columns are refused with a reason', () => {
    const t = parseGrids([g002[0]])[0];
    expect(insertProblem(t)).toBeNull();
    const dept: TargetTable = { ...t, kind: 'department' };
    expect(insertProblem(dept)).toBe('department');
    expect(() => planIndicatorInsert(g002[0], dept, [item('产出指标', '数量指标', 'x')])).toThrow(InsertPlanError);
    const noL1: TargetTable = { ...t, header: { ...t.header, l1: undefined as unknown as string } };
    delete (noL1.header as Record<string, string>).l1;
    expect(insertProblem(noL1)).toBe('layout');
  });
});

describe('rows helpers', () => {
  it('moves merged areas below the insertion point and grows those spanning it', () => {
    const m = { top: 5, left: 0, bottom: 8, right: 0 };
    expect(shiftMerge(m, 5, 2)).toEqual({ top: 7, left: 0, bottom: 10, right: 0 });
    expect(shiftMerge(m, 6, 2)).toEqual({ top: 5, left: 0, bottom: 10, right: 0 });
    expect(shiftMerge(m, 9, 2)).toEqual(m);
  });

  it('splits values into 符号 · 值 · 单位', () => {
    expect(splitValue('≥95%', '文字描述')).toEqual({ sign: '≥', num: '95', unit: '%' });
    expect(splitValue('≤7.99万元', '')).toEqual({ sign: '≤', num: '7.99', unit: '万元' });
    expect(splitValue('={数量}个', '')).toEqual({ sign: '=', num: '{数量}', unit: '个' });
    expect(splitValue('8个', '')).toEqual({ sign: '', num: '8', unit: '个' });
    expect(splitValue('明显提升', '文字描述')).toEqual({ sign: '文字描述', num: '明显提升', unit: '' });
    expect(splitValue('2022年12月底前完成', '')).toEqual({ sign: '', num: '2022年12月底前完成', unit: '' });
  });
});

describe('search and filling chosen indicators', () => {
  it('finds indicators by 三级, keywords, type name and explanation; every word must match', () => {
    expect(searchLibrary('')).toEqual([]);
    expect(queryTerms(' 培训  满意度 ')).toEqual(['培训', '满意度']);
    const hits = searchLibrary('培训');
    expect(hits.length).toBeGreaterThan(5);
    expect(hits[0].l3).toContain('培训');
    const both = searchLibrary('培训 满意度');
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((i) => /培训/.test(i.l3 + i.keywords.join() + i.explanation) || i.types.includes('training'))).toBe(true);
    // By explanation only.
    const lib = getLibrary();
    const some = lib.indicators.find((i) => i.explanation.indexOf('计算公式') >= 0)!;
    expect(searchLibrary('计算公式', { limit: 2000 }).map((i) => i.id)).toContain(some.id);
    // A typo'd word still finds by most of its bigrams.
    expect(searchLibrary('监测空气').length).toBeGreaterThan(0);
    expect(searchLibrary('zzqqxx')).toEqual([]);
  });

  it('fills chosen indicators for the table (预算数, 年度) and knows what the table already has', () => {
    const t = parseGrids([g002[0]])[0];
    const cost = getLibrary().indicators.find((i) => /\{预算数\}/.test(i.valueTemplate))!;
    const [s] = fillIndicators({ name: '', existing: t }, [cost]);
    expect(s.value).toBe(cost.valueTemplate.replace('{预算数}{单位}', '100000元'));
    expect(s.missing).toEqual([]);
    const has = tableHas(t);
    const own = suggest({ name: '', existing: t }, { top: 12 }).suggestions.map((x) => indicatorById(x.id)!);
    expect(own.some(has)).toBe(false);
    const same = { ...own[0], id: 'test.same-as-table', l3: t.indicators[0].l3.text };
    expect(has(same)).toBe(true);
  });
});
