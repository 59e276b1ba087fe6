// The 模板 tab's use cases (src/taskpane/template-session.ts) over the in-memory host: the tables of the whole
// workbook and the current one, one table / every table per sheet or stacked, writing through the pane's queue onto
// new sheets only, and the 新项目 form: a real project from fixture 004 typed in, library picks, the engine's
// findings as it is typed, written only when nothing stops it, and read back as the table the form described.
import * as path from 'path';
import { Grid } from '../src/core/grid';
import { checkGrids } from '../src/core/check';
import { parseGrids } from '../src/core/parse';
import { templatePaneText as P, templateText as TT } from '../src/core/i18n/template';
import { MemoryHost } from '../src/taskpane/dev/memory-host';
import { TaskPaneSession } from '../src/taskpane/session';
import { TemplateSession } from '../src/taskpane/template-session';
import { FIXTURES, loadGrids } from './helpers/load';

let g002: Grid[];
let g004: Grid[];
beforeAll(async () => {
  g002 = await loadGrids(path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx'));
  g004 = await loadGrids(path.join(FIXTURES, '004_d64ddf90eec77ce7.per-sheet.xlsx'));
});

function setup(grids: Grid[], host = new MemoryHost(grids)) {
  const pane = new TaskPaneSession(host, { yieldToUi: () => Promise.resolve() });
  const tpl = new TemplateSession(pane);
  return { host, pane, tpl };
}

/** 安全生产专项资金 from fixture 004, as a user would type it into the form. */
function typeProject(tpl: TemplateSession): void {
  tpl.setField('name', '安全生产专项资金');
  tpl.setField('org', '201001承德高新区上板城镇人民政府本级');
  tpl.setField('fiscal', '20.00');
  tpl.setField('purpose', '辖区内所有企业安全隐患进行排查，隐患立行立改，对镇域内所排查出的敞口机井、蓄水池等安全隐患，通过立警示牌或安装防护栏、井盖等防护措施，消除安全隐患，确保安全');
  ['40%', '60%', '80%', '100%'].forEach((v, i) => tpl.setPlan(i, v));
  tpl.setField('goals', '1.对辖区内所有企业安全隐患进行排查，隐患立行立改，完成上级交办的工作任务；形成镇域内浓厚的安全生产氛围，齐抓共管，确保不发生安全生产事故。');
}

describe('the template tab', () => {
  it('reads every sheet of the workbook; the table holding the selection is current', async () => {
    const { host, tpl } = setup(g004, new MemoryHost(g004, { active: g004[2].name }));
    host.selected = { sheet: g004[3].name, address: 'B10' };
    await tpl.activate();
    const st = tpl.getState();
    expect(host.callsOf('readSheets').map((c) => c.args[0])).toEqual([g004.map((g) => g.name)]);
    expect(st.tables.length).toBe(parseGrids(g004).length);
    // Tables of several sheets are told apart by their sheet.
    expect(st.tables[3].title).toBe(P.tableOnSheet(st.tables[3].title.replace(/（[^（]*）$/, ''), g004[3].name));
    expect(st.current).toBe(3);
    expect(st.preview[0].join('')).toContain(parseGrids([g004[3]])[0].name.text);
  });

  it('writes the current table onto a new sheet through the pane’s queue; the user’s sheets stay as they were', async () => {
    const { host, pane, tpl } = setup(g002);
    await tpl.activate();
    const before = host.snapshot();
    const seen: (string | null)[] = [];
    pane.subscribe(() => seen.push(pane.getState().busy));
    tpl.setTable(1);
    await tpl.write();
    expect(seen).toContain('template');
    expect(pane.getState().busy).toBeNull();
    expect(host.written.map((w) => w.sheet)).toEqual(['2.环保举报奖']);
    expect(tpl.getState().written).toEqual(['2.环保举报奖']);
    const after = host.snapshot();
    for (const name of Object.keys(before)) expect(after[name]).toEqual(before[name]);
    // The written sheet holds the table as written in the source.
    const filled = parseGrids([host.gridOf('2.环保举报奖')])[0];
    const source = parseGrids(g002)[1];
    expect(filled.indicators.map((i) => [i.l3.text, i.value.text])).toEqual(source.indicators.map((i) => [i.l3.text, i.value.text]));
  });

  it('整个工作簿: every table, one sheet each or stacked; sheets it wrote are not read again', async () => {
    const { host, tpl } = setup(g004);
    await tpl.activate();
    const n = tpl.getState().tables.length;
    tpl.setSource('workbook');
    expect(tpl.getState().sheetCount).toBe(n);
    tpl.setLayout('stacked');
    expect(tpl.getState().sheetCount).toBe(1);
    await tpl.write();
    expect(host.written.length).toBe(1);
    const stacked = parseGrids([host.gridOf(host.written[0].sheet)]);
    expect(stacked.map((t) => t.name.text)).toEqual(parseGrids(g004).map((t) => t.name.text));
    await tpl.reload();
    expect(tpl.getState().tables.length).toBe(n);
    expect(host.callsOf('readSheets').pop()!.args[0]).not.toContain(host.written[0].sheet);
  });

  it('a failed write becomes a Chinese notice naming the operation', async () => {
    const { host, pane, tpl } = setup(g002);
    await tpl.activate();
    host.failNext('writeSheet', new Error('GeneralException'));
    await tpl.write();
    expect(host.written).toEqual([]);
    expect(pane.getState().notice).toMatchObject({ kind: 'error' });
    expect(pane.getState().notice!.text).toContain('写入标准表失败');
    expect(pane.getState().busy).toBeNull();
  });

  it('新项目: an empty form says what is missing and cannot be written', async () => {
    const { host, tpl } = setup(g002);
    await tpl.activate();
    tpl.setTemplate('department');
    tpl.setSource('new');
    // The 部门整体 template cannot take a project form: the tab switches to the project template.
    expect(tpl.getState().template).toBe('hebei');
    expect(tpl.getState().formIssues).toEqual([TT.form.nameRequired, TT.form.noIndicators]);
    expect(tpl.canWriteForm()).toBe(false);
    await tpl.write();
    expect(host.written).toEqual([]);
    tpl.setTemplate('department');
    expect(tpl.getState().formIssues).toEqual([P.form.needsProjectTemplate]);
  });

  it('新项目: a real project typed in, library picks with their numbers filled, written and read back with no error', async () => {
    const { host, tpl } = setup(g002);
    await tpl.activate();
    tpl.setSource('new');
    typeProject(tpl);
    tpl.suggestPicks();
    let st = tpl.getState();
    expect(st.types[0].name).toMatch(/安全/);
    expect(st.picks.length).toBeGreaterThanOrEqual(10);
    // Offered, not chosen: the user ticks them.
    expect(st.picks.every((p) => !p.checked)).toBe(true);
    expect(st.formIssues).toContain(TT.form.noIndicators);
    for (const p of st.picks) tpl.togglePick(p.id, true);
    st = tpl.getState();
    // A value the project does not say ({数量}) must be filled before writing.
    const pending = st.picks.filter((p) => /\{[^}]+\}/.test(p.value));
    expect(pending.map((p) => p.l3)).toContain('安全生产培训次数');
    expect(st.formIssues.some((m) => m.includes('占位符'))).toBe(true);
    expect(tpl.canWriteForm()).toBe(false);
    for (const p of pending) tpl.setPickValue(p.id, p.value.replace(/\{[^}]+\}/g, '12'));
    // One pick unchecked, one found by search and added.
    const dropped = st.picks[st.picks.length - 1];
    tpl.togglePick(dropped.id, false);
    tpl.search('安全隐患');
    st = tpl.getState();
    expect(st.hits.length).toBeGreaterThan(0);
    const hit = st.hits.find((h) => !/\{/.test(h.value)) || st.hits[0];
    tpl.addHit(hit.id);
    const added = tpl.getState().picks.find((p) => p.id === hit.id)!;
    if (/\{/.test(added.value)) tpl.setPickValue(added.id, added.value.replace(/\{[^}]+\}/g, '3'));
    st = tpl.getState();
    expect(st.formIssues).toEqual([]);
    // The checker's errors stop the write too: the form left 项目编码 blank.
    expect(st.formCheck!.messages).toEqual(['项目编码为空，请填写项目编码']);
    expect(tpl.canWriteForm()).toBe(false);
    tpl.setField('code', '13081123P00005810001W');
    st = tpl.getState();
    expect(st.formCheck!.messages).toEqual([]);
    expect(st.formCheck).toMatchObject({ errors: 0 });
    expect(tpl.canWriteForm()).toBe(true);
    expect(st.preview[0].join('')).toContain('安全生产专项资金绩效目标表');

    await tpl.write();
    expect(host.written.length).toBe(1);
    const grid = host.gridOf(host.written[0].sheet);
    const check = checkGrids([grid]);
    expect(check.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const t = check.tables[0].table;
    expect(t.name.text).toBe('安全生产专项资金');
    expect(t.budget!.total.text).toBe('20.00');
    expect(t.plan.map((p) => p.value.text)).toEqual(['40%', '60%', '80%', '100%']);
    const l3 = t.indicators.map((i) => i.l3.text);
    expect(l3).toContain(hit.l3);
    expect(l3).not.toContain(dropped.l3);
    expect(l3.length).toBe(tpl.getState().picks.filter((p) => p.checked).length);
  });

  it('新项目: values the user has not typed follow the form (a budget filled after the picks); typed ones stay', async () => {
    const { tpl } = setup(g002);
    await tpl.activate();
    tpl.setSource('new');
    tpl.setField('name', '环保培训经费');
    tpl.setField('purpose', '组织全县环保业务培训3期');
    tpl.suggestPicks();
    const cost = tpl.getState().picks.find((p) => /\{预算数\}/.test(p.value))!;
    expect(cost).toBeDefined();
    const typed = tpl.getState().picks.find((p) => p.id !== cost.id && /\{数量\}/.test(p.value))!;
    tpl.setPickValue(typed.id, '≥120人次');
    tpl.setField('fiscal', '8.5');
    expect(tpl.budgetTotal()).toBe(8.5);
    const after = (id: string) => tpl.getState().picks.find((p) => p.id === id)!;
    expect(after(cost.id).value).toBe(cost.value.replace('{预算数}', '8.5').replace('{单位}', '万元'));
    expect(after(typed.id).value).toBe('≥120人次');
  });

  it('新项目: a plan typed per quarter under 累计% is caught beside the plan, and every warning is spelled out', async () => {
    const { tpl } = setup(g002);
    await tpl.activate();
    tpl.setSource('new');
    typeProject(tpl);
    tpl.suggestPicks();
    for (const p of tpl.getState().picks) tpl.togglePick(p.id, true);
    expect(tpl.getState().formCheck!.planMessages).toEqual([]);
    for (const [i, v] of ['25%', '25%', '25%', '25%'].entries()) tpl.setPlan(i, v);
    const check = tpl.getState().formCheck!;
    expect(check.planMessages.length).toBe(1);
    expect(check.planMessages[0]).toContain('累计');
    expect(check.warningMessages.length).toBe(check.warnings);
  });

  it('新项目: 预算数 is 财政 + 其他 as the user writes amounts (thousands separators, full-width digits)', async () => {
    const { tpl } = setup(g002);
    await tpl.activate();
    tpl.setSource('new');
    expect(tpl.budgetTotal()).toBeNull();
    tpl.setField('unit', '元');
    tpl.setField('fiscal', '100,000.00');
    tpl.setField('other', '２５００');
    expect(tpl.budgetTotal()).toBe(102500);
    tpl.setField('other', '两千');
    expect(tpl.getState().formIssues).toContain(TT.form.budgetNotNumber('其他资金', '两千'));
  });

  it('新项目 under the 2021 template: picks are placed with 成本指标 as 一级', async () => {
    const { tpl } = setup(g002);
    await tpl.activate();
    tpl.setSource('new');
    tpl.setTemplate('core2021');
    typeProject(tpl);
    tpl.suggestPicks();
    for (const p of tpl.getState().picks) tpl.togglePick(p.id, true);
    expect(tpl.getState().picks.some((p) => p.l1 === '成本指标')).toBe(true);
    expect(tpl.getState().preview.some((r) => r.includes('成本指标'))).toBe(true);
  });
});
