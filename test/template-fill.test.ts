// Filling: from parsed tables (absent blocks stay absent, accepted fixes applied), completing, between profiles,
// and from scratch with library picks (which must pass the checker with no errors).
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, loadGrids } from './helpers/load';
import { fieldsByCell, findingKeys } from './helpers/template';
import { parseGrids } from '../src/core/parse';
import { checkGrids, checkTables } from '../src/core/check';
import { TargetTable, displayName } from '../src/core/model';
import { suggest } from '../src/core/library/suggest';
import {
  FilledTable, completeTable, convertProfile, fillFromForm, fillFromTable, fillWorkbook, findTemplate, moveText, noteText,
  opsToGrids, previewForm, previewTable, profileOf, renderWorkbook,
} from '../src/core/template';
import { workbookBuffer } from '../src/hosts/workbook/fill';
import { readGridsFromBuffer } from '../src/hosts/workbook/read';

jest.setTimeout(120000);

const stems = ['000_24cde7d862e1b3bb', '001_247e9d6eca422fe5', '002_f394b5ba38f6b2c8', '004_d64ddf90eec77ce7'];
const all: Record<string, TargetTable[]> = {};
beforeAll(async () => {
  for (const f of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'))) all[f] = parseGrids(await loadGrids(path.join(FIXTURES, f)));
});
const tablesOf = (stem: string) => all[stem + '.xlsx'];
const fieldsByCellText = (t: TargetTable, cell: string): string => {
  const f = [t.code, t.name, t.goals, t.purpose, ...t.indicators.flatMap((r) => [r.l1, r.l2, r.l3, r.desc, r.value, r.basis])].find((x) => x.cell === cell);
  return f ? f.text : '';
};
const reparse = (ops: ReturnType<typeof renderWorkbook>) => parseGrids(opsToGrids(ops));

describe('fillFromTable', () => {
  it('keeps what the source has and nothing more', () => {
    const t = tablesOf('001_247e9d6eca422fe5')[0];
    const { table, notes } = fillFromTable(t);
    expect(Object.keys(table).sort()).toEqual(['goals', 'indicators', 'kind', 'title']);
    expect(notes).toEqual([]);
    const flat = fillFromTable(all['000_24cde7d862e1b3bb.flat-split.xlsx'][0]).table;
    expect(flat.kind).toBe('project');
    expect(Object.keys(flat).sort()).toEqual(['indicators', 'kind', 'name']);
    expect(flat.indicators[0]).toMatchObject({ l1: '产出指标', l2: '数量指标', value: '8个', split: { sign: '', num: '8', unit: '个' } });
  });

  it('applies the fixes the user accepted, by cell, and reports them', () => {
    const t = tablesOf('002_f394b5ba38f6b2c8')[0];
    const row = t.indicators[0];
    // The user accepts every suggestion the checker makes for this table (应用建议), plus two that do not apply.
    const suggested = checkTables([t]).diagnostics.filter((d) => d.suggestion && !d.cell.includes(':'));
    expect(suggested.length).toBeGreaterThan(3);
    const fixes = [
      ...suggested.map((d) => ({ sheet: d.sheet, cell: d.cell, text: d.suggestion! })),
      { sheet: t.sheet, cell: 'Z99', text: 'x' },
      { sheet: 'other', cell: row.l3.cell, text: 'ignored: another sheet' },
    ];
    const { table, notes } = fillFromTable(t, { fixes });
    const applied = notes.filter((n) => n.kind === 'fix-applied');
    expect(applied).toHaveLength(suggested.length);
    expect(noteText(notes[notes.length - 1])).toBe('Z99：建议未应用（该单元格不在此表中）');
    const first = suggested[0];
    expect(noteText(applied[0])).toBe(`${first.cell}：“${fieldsByCellText(t, first.cell)}”改为“${first.suggestion}”（已接受的建议）`);
    // The source table is not touched; the filled one has the suggestions.
    expect(row.value.text).toBe('≥90百分比');
    t.indicators.forEach((r, i) => {
      const fix = suggested.find((d) => d.cell === r.value.cell);
      expect(table.indicators[i].value).toBe(fix ? fix.suggestion : r.value.text);
    });
    expect(table.indicators[1].value).toBe('≥90%');
    // Checked again: no new rule fires, and every finding whose suggestion was taken is gone from its cell.
    const after = reparse(renderWorkbook([{ table, template: findTemplate('hebei')! }]));
    const before = findingKeys([t]);
    const keys = new Set(findingKeys(after));
    const rules = new Set(before.map((k) => k.split('|')[0]));
    expect([...keys].filter((k) => !rules.has(k.split('|')[0]))).toEqual([]);
    const fields = fieldsByCell(t);
    for (const d of suggested) expect(keys.has(`${d.rule}|0|${fields.get(d.cell)}`)).toBe(false);
  });

  it('a fix of a split 指标值 replaces the whole value', () => {
    const t = all['000_24cde7d862e1b3bb.flat-split.xlsx'][0];
    const r = t.indicators[0];
    expect(r.value.cell).toBe(r.split!.num.cell);
    const { table } = fillFromTable(t, { fixes: [{ cell: r.value.cell, text: '=8个' }] });
    expect(table.indicators[0].value).toBe('=8个');
    expect(table.indicators[0].split).toBeUndefined();
  });

  it('--complete renders every block, blank to fill in, and the checker points at the blanks', () => {
    const flat = all['000_24cde7d862e1b3bb.flat-split.xlsx'];
    const res = fillWorkbook(flat.slice(0, 1), { complete: true });
    const item = res.items[0];
    expect(item.table.title).toBe('1.城区微型站运维费绩效目标表');
    expect(item.table.unit).toBe('万元');
    expect(item.table.plan!.map((p) => p.label)).toEqual(['3月底', '6月底', '10月底', '12月底']);
    expect(item.notes.map(noteText)).toEqual([
      '按标准表补齐：标题、单位名称、金额单位、项目编码、预算数、资金用途、绩效目标、资金支出计划（请填写）',
      '金额单位按“万元”补齐，请核对',
    ]);
    const back = reparse(res.ops)[0];
    expect(back.kind).toBe('project');
    expect(back.name.text).toBe('城区微型站运维费');
    const rules = checkGrids(opsToGrids(res.ops)).diagnostics.map((d) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['header.required', 'goal.blank', 'plan.reach-100']));
    // A table that has everything is left as it was.
    const full = fillFromTable(tablesOf('000_24cde7d862e1b3bb')[0]).table;
    expect(completeTable(full, findTemplate('hebei')!, 1)).toEqual({ table: full, notes: [] });
  });

  it('previewTable gives the pane the filled table, its notes and the ops of its sheet', () => {
    const t = tablesOf('001_247e9d6eca422fe5');
    const i = t.findIndex((x) => x.indicators.some((r) => r.fragment));
    const p = previewTable(t[i], i, { template: 'core2021', joinSplitRows: true });
    expect(p.ops.name).toBe('24.经开区安监站工作经费');
    expect(p.item.template.id).toBe('core2021');
    expect(p.item.notes.map((n) => n.kind)).toEqual(['split-joined', 'profile']);
    expect(p.item.table.indicators[0]).toMatchObject({ l1: '成本指标', l2: '经济成本指标', l3: '项目成本控制', value: '按照规定标准控制' });
  });

  it('a department table cannot take a project template: it keeps its own, with a note', () => {
    const dept: FilledTable = { kind: 'department', title: '部门整体支出绩效目标表', indicators: [] };
    const t = { kind: 'department', sheet: 's', range: 'A1', no: 1, title: { text: dept.title!, cell: 'A1' }, org: { text: '', cell: '' }, unit: { text: '', cell: '' }, code: { text: '', cell: '' }, name: { text: '', cell: '' }, purpose: { text: '', cell: '' }, plan: [], goals: { text: '', cell: '' }, header: {}, indicators: [] } as TargetTable;
    const res = fillWorkbook([t], { template: 'hebei' });
    expect(res.items[0].template.id).toBe('department');
    expect(noteText(res.items[0].notes[0])).toBe('此表不能套用“河北项目支出绩效目标表（2015/2020 版指标体系）”，已按“部门整体支出绩效目标表”输出');
  });
});

describe('convertProfile', () => {
  it('classic → core2021 moves 成本指标 to the top as 经济成本指标 and reports each move', () => {
    const t = fillFromTable(tablesOf('000_24cde7d862e1b3bb')[0]).table;
    expect(profileOf(t)).toBe('classic');
    const c = convertProfile(t, 'core2021');
    expect(c.from).toBe('classic');
    expect(profileOf(c.table)).toBe('core2021');
    expect(c.table.indicators[0]).toMatchObject({ l1: '成本指标', l2: '经济成本指标', l3: '花费成本', value: '7.99万元' });
    expect(c.table.indicators.slice(1).map((r) => r.l3)).toEqual(t.indicators.filter((r) => r.l2 !== '成本指标').map((r) => r.l3));
    expect(c.moves).toEqual([{ from: 5, to: 0, l3: '花费成本', was: { l1: '产出指标', l2: '成本指标' }, now: { l1: '成本指标', l2: '经济成本指标' } }]);
    expect(moveText(c.moves[0])).toBe('“花费成本”从 产出指标/成本指标 移到 成本指标/经济成本指标');
    // Already there: nothing moves.
    expect(convertProfile(c.table, 'core2021').moves).toEqual([]);
  });

  it('classic → core2021 → classic gives every fixture table back (成本指标 at its standard place after 时效)', () => {
    let exact = 0;
    let total = 0;
    for (const stem of stems) {
      for (const src of tablesOf(stem)) {
        const a = fillFromTable(src).table;
        const there = convertProfile(a, 'core2021');
        const back = convertProfile(there.table, 'classic');
        total++;
        expect(there.moves.length).toBe(a.indicators.filter((r) => !r.fragment && r.l2 === '成本指标').length);
        expect(back.moves.length).toBe(there.moves.length);
        if (JSON.stringify(back.table) === JSON.stringify(a)) {
          exact++;
          continue;
        }
        // Otherwise the source had 成本指标 before another 产出 row: the same rows, in the same order apart from
        // the cost rows, which now end the 产出 group.
        const cost = (r: { l2: string }) => r.l2 === '成本指标';
        expect(back.table.indicators.filter((r) => !cost(r))).toEqual(a.indicators.filter((r) => !cost(r)));
        expect(back.table.indicators.filter(cost)).toEqual(a.indicators.filter(cost));
        const rows = back.table.indicators;
        const lastOutput = rows.map((r) => r.l1).lastIndexOf('产出指标');
        expect(cost(rows[lastOutput])).toBe(true);
      }
    }
    expect(total).toBe(94);
    expect(exact).toBe(88);
  });

  it('core2021 → classic files 社会/生态环境成本 under 成本指标 too, and says so', () => {
    const t: FilledTable = {
      kind: 'project',
      indicators: [
        { l1: '成本指标', l2: '经济成本指标', l3: '项目总成本', desc: '', value: '≤10万元', basis: '预算支出标准' },
        { l1: '成本指标', l2: '生态环境成本指标', l3: '施工扬尘', desc: '', value: '无明显影响', basis: '其他标准' },
        { l1: '产出指标', l2: '数量指标', l3: '培训人次', desc: '', value: '≥100人次', basis: '计划标准' },
        { l1: '产出指标', l2: '时效指标', l3: '完成时间', desc: '', value: '2023年12月底前完成', basis: '计划标准' },
        { l1: '效益指标', l2: '社会效益指标', l3: '知晓率', desc: '', value: '≥90%', basis: '计划标准' },
      ],
    };
    const c = convertProfile(t, 'classic');
    expect(c.table.indicators.map((r) => [r.l1, r.l2, r.l3])).toEqual([
      ['产出指标', '数量指标', '培训人次'],
      ['产出指标', '时效指标', '完成时间'],
      ['产出指标', '成本指标', '项目总成本'],
      ['产出指标', '成本指标', '施工扬尘'],
      ['效益指标', '社会效益指标', '知晓率'],
    ]);
    expect(moveText(c.moves[1])).toBe('“施工扬尘”从 成本指标/生态环境成本指标 移到 产出指标/成本指标（原二级“生态环境成本指标”在 2015/2020 版框架中统一为“成本指标”）');
  });

  it('a converted fixture, checked as core2021, raises no rule the classic source did not', () => {
    for (const stem of stems) {
      for (const src of tablesOf(stem)) {
        const c = convertProfile(fillFromTable(src).table, 'core2021');
        const back = reparse(renderWorkbook([{ table: c.table, template: findTemplate('core2021')! }]));
        expect(checkGrids(opsToGrids(renderWorkbook([{ table: c.table, template: findTemplate('core2021')! }]))).tables[0].profile).toBe('core2021');
        const before = new Set(findingKeys([src]).map((k) => k.split('|')[0]));
        const added = findingKeys(back).map((k) => k.split('|')[0]).filter((r) => !before.has(r));
        expect({ stem, no: src.no, added }).toEqual({ stem, no: src.no, added: [] });
      }
    }
  });
});

describe('from scratch', () => {
  const base = {
    code: '13022523P0044CB10009G',
    org: '434002乐亭县人民政府办公室',
    budget: { fiscal: '12.5', other: '' },
    plan: ['25%', '50%', '75%', '100%'],
  };

  it('every fixture project, with the library’s picks, passes the checker with no errors (both frameworks)', () => {
    let n = 0;
    for (const stem of stems) {
      for (const t of tablesOf(stem)) {
        const name = displayName(t);
        const purpose = t.purpose.text || name;
        for (const profile of ['classic', 'core2021'] as const) {
          const res = suggest({ name, purpose, budget: '12.5', unit: '万元', year: 2023 }, { top: 10, profile });
          // The user fills the count a placeholder asks for, as the pane's form makes them.
          const picks = res.suggestions.map((s) => ({ ...s, value: s.value.replace(/\{数量\}/g, '2') }));
          const p = previewForm({ ...base, name, purpose, goals: '1.' + purpose, indicators: picks }, profile === 'core2021' ? 'core2021' : 'hebei');
          expect({ name, profile, issues: p.issues }).toEqual({ name, profile, issues: [] });
          const errors = p.check.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.message}`);
          expect({ name, profile, errors }).toEqual({ name, profile, errors: [] });
          expect(p.check.tables[0].profile).toBe(profile);
          n++;
        }
      }
    }
    expect(n).toBe(188);
  });

  it('written as .xlsx and read back, a new table still has no errors', async () => {
    const res = suggest({ name: '城区微型站运维费', goals: '对城区8个微型空气站进行定期维护', budget: '7.99', year: 2023 }, { top: 8 });
    const picks = res.suggestions.filter((s) => !s.missing.length);
    const p = previewForm({ ...base, name: '城区微型站运维费', budget: { fiscal: '7.99' }, purpose: '城区8个微型空气站运维', goals: '1.对城区8个微型空气站进行定期维护。', indicators: picks });
    const grids = await readGridsFromBuffer(await workbookBuffer({ sheets: [p.ops] }));
    const check = checkGrids(grids);
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = check.tables[0].table;
    expect(t.title.text).toBe('1.城区微型站运维费绩效目标表');
    expect(t.budget!.total.text).toBe('7.99');
    expect(t.plan.map((x) => x.value.text)).toEqual(base.plan);
    // Sorted into the framework's order: 数量, 质量, 时效, 成本, then 效益, 满意度.
    const order = t.indicators.map((r) => r.effL2);
    expect(order.indexOf('成本指标')).toBeGreaterThan(order.lastIndexOf('时效指标'));
    expect(order[order.length - 1]).toBe('服务对象满意度指标');
  });

  it('picks placed for the other framework are moved to the template’s', () => {
    const res = suggest({ name: '环保督查经费', budget: '10' }, { top: 6, profile: 'core2021' });
    expect(res.suggestions.some((s) => s.l1 === '成本指标')).toBe(true);
    const { table } = fillFromForm({ ...base, name: '环保督查经费', indicators: res.suggestions }, findTemplate('hebei')!);
    expect(table.indicators.some((r) => r.l1 === '成本指标')).toBe(false);
    expect(table.indicators.filter((r) => r.l2 === '成本指标').length).toBe(res.suggestions.filter((s) => s.l1 === '成本指标').length);
    const { table: t2 } = fillFromForm({ ...base, name: '环保督查经费', indicators: res.suggestions }, findTemplate('core2021')!);
    expect(t2.indicators[0].l1).toBe('成本指标');
  });

  it('says what is still wrong with the form', () => {
    const { table, issues } = fillFromForm(
      {
        name: '  ',
        budget: { total: '10', fiscal: '8', other: '1' },
        plan: ['25%', '五成'],
        indicators: [
          { l1: '产出指标', l2: '数量指标', l3: '监测站个数', value: '={数量}个' },
          { l1: '', l2: '', l3: '', value: '' },
          { l1: '效益指标', l2: '', l3: '空气质量', value: '改善' },
        ],
      },
      findTemplate('hebei')!,
    );
    expect(issues).toEqual([
      '请填写项目名称。',
      '预算数 10 与 财政资金 + 其他资金 = 9 不相等。',
      '资金支出计划 6月底“五成”不是百分数。',
      '“监测站个数”的指标值“={数量}个”还有占位符，请填写具体数值。',
      '第3项指标缺少一级、二级或三级指标名称。',
    ]);
    expect(table.indicators).toHaveLength(2);
    expect(table.title).toBe('1.未命名项目绩效目标表');
    expect(fillFromForm({ name: 'x', budget: { fiscal: '8.5', other: '1.25' } }, findTemplate('hebei')!).table.budget).toEqual({ total: '9.75', fiscal: '8.5', other: '1.25' });
    expect(fillFromForm({ name: 'x' }, findTemplate('hebei')!).issues).toEqual(['请至少选择一项指标。']);
  });
});
