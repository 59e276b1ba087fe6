// The task pane's use cases (src/taskpane/session.ts) over an in-memory SheetHost holding real fixture sheets:
// check and mark, grouping by table, the severity filter, select, 应用建议 (one cell, then a re-check of that
// sheet), the debounced re-check after a user edit, 清除标记, and Chinese messages for host errors.
import * as path from 'path';
import { Grid } from '../src/core/grid';
import { checkGrids } from '../src/core/check';
import { parseGrids } from '../src/core/parse';
import { Diagnostic } from '../src/core/diagnostic';
import { ruleShortName, taskpaneText as T } from '../src/core/i18n/taskpane';
import { FINDINGS_SHEET, MemoryHost } from '../src/taskpane/dev/memory-host';
import {
  COLLAPSE_MIN,
  EDIT_DEBOUNCE_MS,
  errorMessage,
  Finding,
  groupFindings,
  suggestionTarget,
  tableTitle,
  toFindings,
  TaskPaneSession,
} from '../src/taskpane/session';
import { splitEdits } from '../src/core/rules/context';
import { FIXTURES, loadGrids } from './helpers/load';

const F002 = path.join(FIXTURES, '002_f394b5ba38f6b2c8.xlsx');
const F004_SHEETS = path.join(FIXTURES, '004_d64ddf90eec77ce7.per-sheet.xlsx');
const F000_SPLIT = path.join(FIXTURES, '000_24cde7d862e1b3bb.flat-split.xlsx');

let g002: Grid[];
let g004: Grid[];

beforeAll(async () => {
  g002 = await loadGrids(F002);
  g004 = await loadGrids(F004_SHEETS);
});

const now = () => Promise.resolve();
const newSession = (host: MemoryHost, debounceMs?: number) => new TaskPaneSession(host, { yieldToUi: now, debounceMs });

function allCells(host: MemoryHost, sheet: string): Record<string, string> {
  const g = host.sheets.get(sheet) as Grid;
  const out: Record<string, string> = {};
  for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) out[r + ':' + c] = g.rawText(r, c);
  return out;
}

function rowsOf(s: TaskPaneSession): Finding[] {
  const out: Finding[] = [];
  for (const g of s.getState().groups)
    for (const r of g.rows) {
      if (r.kind === 'card') out.push(...r.card.findings);
      else for (const c of r.cards) out.push(...c.findings);
    }
  return out;
}

describe('check', () => {
  it('reads the active sheet, runs the core checker, marks the findings and groups them by table', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    const states: string[] = [];
    s.subscribe((st) => st.progress && states.push(st.progress.label));
    await s.check('sheet', 'auto');

    const expected = checkGrids(g002);
    expect(host.callsOf('readSheets').map((c) => c.args[0])).toEqual([[g002[0].name]]);
    expect(host.marked).toEqual(expected.diagnostics);
    const st = s.getState();
    expect(st.busy).toBeNull();
    expect(st.progress).toBeNull();
    expect(st.notice).toBeNull();
    expect(st.hasMarks).toBe(true);
    expect(st.summary).toMatchObject({ scope: 'sheet', tables: 6, sheets: [g002[0].name] });
    const c = st.summary!.counts;
    expect(c.total).toBe(expected.diagnostics.length);
    expect(c.error + c.warning + c.info).toBe(c.total);
    expect(st.summary!.marks).toMatchObject({ findingsSheet: '审核意见' });
    expect(st.summary!.marks!.cells).toBeGreaterThan(10);
    // Progress went through reading, checking and marking.
    expect(states.some((l) => l.indexOf('正在读取') === 0)).toBe(true);
    expect(states).toContain(T.progress.checking);
    expect(states).toContain(T.progress.marking);

    // One group per table, titled by project name, the tables with most errors first; every finding listed once.
    const tables = st.groups.filter((g) => g.kind === 'table');
    expect(tables.map((g) => g.title).sort()).toEqual(['环保督查经费', '环保举报奖', '环境监测费', '指挥中心精细化平台服务费', '重污染天气应急经费', '租赁费'].sort());
    for (let i = 1; i < st.groups.length; i++) expect(st.groups[i - 1].counts.error).toBeGreaterThanOrEqual(st.groups[i].counts.error);
    expect(tables.find((g) => g.title === '环保督查经费')!.location).toBe('项目绩效目标表!A1:G18');
    expect(rowsOf(s).length).toBe(expected.diagnostics.length);
    expect(new Set(rowsOf(s).map((f) => f.key)).size).toBe(expected.diagnostics.length);
    for (const g of tables) for (const f of rowsOf(s).filter((x) => x.table === g.table)) expect(f.sheet).toBe(g.sheet);
  });

  it('collapses many findings of one rule in a table into one expandable row', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    await s.check('sheet');
    // Some table of 002 has one rule on many cells (a column-wide 描述 finding is already one finding on its header).
    const g = s.getState().groups.find((x) => x.rows.some((r) => r.kind === 'rule'))!;
    expect(g).toBeDefined();
    const collapsed = g.rows.filter((r) => r.kind === 'rule');
    expect(collapsed.length).toBeGreaterThan(0);
    const pct = collapsed[0];
    expect(pct).toBeDefined();
    if (pct && pct.kind === 'rule') {
      expect(pct.cards.length).toBeGreaterThanOrEqual(COLLAPSE_MIN);
      expect(pct.title).toBe(`${ruleShortName(pct.rule)}（${pct.cards.length} 处）`);
    }
    // Rules with few findings stay as single rows.
    const single = g.rows.filter((r) => r.kind === 'card');
    expect(single.length).toBeGreaterThan(0);
  });

  it('checks every sheet of the workbook with progress per sheet', async () => {
    const host = new MemoryHost(g004);
    const s = newSession(host);
    const fractions: number[] = [];
    s.subscribe((st) => st.progress && st.progress.fraction !== undefined && fractions.push(st.progress.fraction));
    await s.check('workbook', 'classic');
    expect(host.callsOf('readSheets')[0].args[0]).toEqual(g004.map((g) => g.name));
    const st = s.getState();
    expect(st.summary!.tables).toBe(12);
    expect(st.summary!.sheets.length).toBe(12);
    expect(st.summary!.profile).toBe('classic');
    expect(s.checkedTables().every((t) => t.profile === 'classic')).toBe(true);
    expect(fractions.length).toBeGreaterThan(12);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    // Tables on different sheets: each group names its own sheet.
    expect(new Set(st.groups.map((g) => g.sheet)).size).toBeGreaterThan(5);
  });

  it('says so when no table is found', async () => {
    const g = new Grid('空表');
    g.setCell(0, 0, { value: '随便写点什么' });
    const host = new MemoryHost([g]);
    const s = newSession(host);
    await s.check('sheet');
    expect(s.getState().summary).toBeNull();
    expect(s.getState().notice).toEqual({ kind: 'warning', text: T.noTables });
    // Nothing was marked: a sheet without tables never gets a "no problems" findings sheet.
    expect(host.callsOf('applyMarks').length).toBe(0);
  });
});

describe('never lose or hide results', () => {
  it('a check of one sheet keeps the other sheets’ findings and replaces only that sheet’s marks', async () => {
    const host = new MemoryHost(g004);
    const s = newSession(host);
    await s.check('sheet');
    const first = g004[0].name;
    const firstFindings = s.allFindings().filter((f) => f.sheet === first).length;
    expect(firstFindings).toBeGreaterThan(0);
    host.active = g004[1].name;
    await s.check('sheet');
    expect(host.callsOf('readSheets').map((c) => c.args[0])).toEqual([[first], [g004[1].name]]);
    expect(s.allFindings().filter((f) => f.sheet === first).length).toBe(firstFindings);
    expect(s.allFindings().some((f) => f.sheet === g004[1].name)).toBe(true);
    expect(s.getState().summary!.sheets).toEqual([first, g004[1].name]);
    expect((host.callsOf('applyMarks')[1].args[1] as { sheets?: string[] }).sheets).toEqual([g004[1].name]);
  });

  it('started on the findings sheet, checks the sheets the findings are about and never reports a clean workbook', async () => {
    const host = new MemoryHost(g004);
    const s = newSession(host);
    await s.check('sheet');
    const before = s.allFindings().length;
    host.active = FINDINGS_SHEET;
    await s.check('sheet');
    expect(host.callsOf('readSheets').map((c) => c.args[0])).toEqual([[g004[0].name], [FINDINGS_SHEET], [g004[0].name]]);
    expect(s.getState().summary!.tables).toBe(1);
    expect(s.allFindings().length).toBe(before);
    expect(s.getState().notice).toEqual({ kind: 'info', text: T.findingsSheetActive(FINDINGS_SHEET, T.findingsSheetWhat([g004[0].name])) });
    expect(host.marked!.length).toBe(before);

    // With no earlier check it checks the whole workbook and says so.
    const fresh = new MemoryHost(g004, { active: FINDINGS_SHEET });
    const s2 = newSession(fresh);
    await s2.check('sheet');
    expect(s2.getState().summary!.tables).toBe(12);
    expect(s2.getState().notice!.text).toBe(T.findingsSheetActive(FINDINGS_SHEET, T.findingsSheetWorkbook));
  });

  it('a sheet without a table changes nothing: the findings and marks of the last check stay', async () => {
    const empty = new Grid('说明');
    empty.setCell(0, 0, { value: '填表说明：请按要求填写。' });
    const host = new MemoryHost([...g002, empty]);
    const s = newSession(host);
    await s.check('sheet');
    const before = s.getState();
    host.active = '说明';
    await s.check('sheet');
    expect(s.getState().notice).toEqual({ kind: 'warning', text: T.sheetNoTables('说明') });
    expect(s.getState().summary).toEqual(before.summary);
    expect(s.getState().groups).toEqual(before.groups);
    expect(host.callsOf('applyMarks').length).toBe(1);
    expect(host.callsOf('clearMarks').length).toBe(0);
    // The whole workbook: still the tables it has.
    await s.check('workbook');
    expect(s.getState().summary!.tables).toBe(6);
  });

  it('a cancelled check keeps the last result and marks nothing', async () => {
    const host = new MemoryHost(g004);
    let pauses = 0;
    const s: TaskPaneSession = new TaskPaneSession(host, {
      yieldToUi: () => {
        if (++pauses === 3) s.cancel();
        return Promise.resolve();
      },
    });
    await s.check('workbook');
    expect(s.getState().notice).toEqual({ kind: 'info', text: T.cancelled });
    expect(s.getState().summary).toBeNull();
    expect(host.callsOf('applyMarks').length).toBe(0);
    expect(s.getState().busy).toBeNull();
  });
});

describe('triage', () => {
  it('one card per cell, worst first; a finding repeated across tables once with its tables; what to fix first', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    await s.check('sheet');
    const st = s.getState();
    const repeated = st.groups.filter((g) => g.kind === 'repeated');
    expect(repeated.length).toBeGreaterThan(0);
    const goal = repeated.find((g) => g.rows.some((r) => r.kind === 'card' && r.card.findings[0].rule === 'goal.placeholder'))!;
    expect(goal.counts.total).toBe(6);
    expect(goal.location).toContain('在 6 个表中重复');
    for (const g of st.groups.filter((x) => x.kind === 'table')) {
      const cards = g.rows.filter((r) => r.kind === 'card').map((r) => (r.kind === 'card' ? r.card : null)!);
      // One card per cell, and the cards of a table run from errors to hints.
      expect(new Set(cards.map((c) => c.cell)).size).toBe(cards.length);
      const ranks = cards.map((c) => ({ error: 0, warning: 1, info: 2 })[c.severity]);
      expect(ranks).toEqual(ranks.slice().sort());
    }
    expect(st.fixFirst).toMatch(/^先改 27 个错误，“.+”最多（\d+ 个）。$/);
    // The search narrows the list; 下一个错误 walks the errors in list order.
    s.setQuery('F13');
    expect(s.getState().shown).toBeGreaterThan(0);
    expect(rowsOf(s).every((f) => f.cell.indexOf('F13') === 0)).toBe(true);
    s.setQuery('');
    const a = s.nextError()!;
    await s.select(a.card.findings[0].key);
    const b = s.nextError()!;
    expect(b.card.key).not.toBe(a.card.key);
    expect(b.card.severity).toBe('error');
  });
});

describe('filter and grouping', () => {
  it('filters by severity without changing the totals', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    await s.check('sheet');
    const total = s.getState().summary!.counts;
    s.setFilter('warning', false);
    const shown = rowsOf(s);
    expect(shown.some((f) => f.severity === 'warning')).toBe(false);
    expect(shown.length).toBe(total.error + total.info);
    expect(s.getState().summary!.counts).toEqual(total);
    for (const g of s.getState().groups) expect(g.counts.warning).toBe(0);
    s.setFilter('error', false);
    s.setFilter('info', false);
    expect(s.getState().groups).toEqual([]);
    s.setFilter('warning', true);
    expect(rowsOf(s).length).toBe(total.warning);
  });

  it('titles a table without a project name by its sheet and range, and groups findings outside tables', () => {
    const tables = parseGrids(g002);
    const t = { ...tables[0], name: { text: '', cell: '' }, title: { text: '绩效目标表', cell: 'A1' } };
    expect(tableTitle(t)).toBe('工作表“项目绩效目标表”中的表（A1:G18）');
    const f = (over: Partial<Finding>): Finding => ({
      key: over.cell || 'k',
      sheet: '项目绩效目标表',
      cell: 'A1',
      severity: 'error',
      rule: 'x.y',
      message: 'm',
      suggestion: null,
      target: null,
      edits: null,
      table: -1,
      ...over,
    });
    const groups = groupFindings(
      [f({ cell: 'B3', table: 0 }), f({ cell: 'Z200' }), f({ cell: 'B2', sheet: '其他' })],
      [t],
      { error: true, warning: true, info: true },
    );
    expect(groups.map((g) => g.title)).toEqual(['工作表“项目绩效目标表”中的表（A1:G18）', '表格之外（项目绩效目标表）', '表格之外（其他）']);
    expect(groupFindings([f({ cell: 'Z200' })], [t], { error: true, warning: true, info: true })[0].title).toBe('表格之外');
  });
});

describe('select and apply', () => {
  it('selects the finding’s cell', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    await s.check('sheet');
    const f = s.allFindings()[3];
    await s.select(f.key);
    expect(host.selections).toEqual([{ sheet: f.sheet, address: f.cell }]);
  });

  it('writes exactly the one cell, re-checks that sheet, re-marks and reports what changed', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    await s.check('sheet');
    const sheet = g002[0].name;
    const f = s.allFindings().find((x) => x.rule === 'value.unit-word' && x.cell === 'F11') as Finding;
    expect(f).toBeDefined();
    expect(f.target).toBe('F11');
    expect(f.suggestion).toBe('≥90%');
    const before = allCells(host, sheet);
    const countBefore = s.allFindings().length;
    const findingsBefore = s.allFindings().slice();

    await s.applySuggestion(f.key);

    expect(host.writes).toEqual([{ sheet, address: 'F11', text: '≥90%' }]);
    const after = allCells(host, sheet);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed).toEqual(['10:5']);
    expect(host.callsOf('readSheets').map((c) => c.args[0])).toEqual([[sheet], [sheet]]);
    expect(host.callsOf('applyMarks').length).toBe(2);
    expect(s.allFindings().some((x) => x.cell === 'F11' && x.rule === 'value.unit-word')).toBe(false);
    expect(s.allFindings().length).toBeLessThan(countBefore);
    expect(host.marked).toEqual(checkGrids([host.sheets.get(sheet) as Grid]).diagnostics);
    const notice = s.getState().notice!;
    expect(notice.kind).toBe('success');
    expect(notice.text).toContain('已将 项目绩效目标表!F11 改为“≥90%”。');
    // The count is the table's: the clerk sees what changed where the fix went.
    const inTable = (list: readonly Finding[]) => list.filter((x) => x.table === f.table).length;
    expect(notice.text).toContain(`重新检查“环保督查经费”：问题 ${inTable(findingsBefore)} → ${inTable(s.allFindings())}`);
    expect(s.getState().summary!.counts.total).toBe(s.allFindings().length);
  });

  it('applies the cumulative spend plan as one fix of every cell that changes, re-checking that table', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    await s.check('sheet');
    const sheet = g002[0].name;
    const plan = s.allFindings().find((x) => x.rule === 'plan.quarterly' && x.cell === 'B7:E7') as Finding;
    expect(plan.suggestion).toBe('50% / 100% / 100% / 100%');
    expect(plan.target).toBeNull();
    // B7 already holds 50%: the fix writes only the three cells that change.
    expect(plan.edits).toEqual([
      { cell: 'C7', text: '100%' },
      { cell: 'D7', text: '100%' },
      { cell: 'E7', text: '100%' },
    ]);
    const before = allCells(host, sheet);
    await s.applySuggestion(plan.key);
    expect(host.writes).toEqual(plan.edits!.map((e) => ({ sheet, address: e.cell, text: e.text })));
    const after = allCells(host, sheet);
    expect(Object.keys(after).filter((k) => after[k] !== before[k])).toEqual(['6:2', '6:3', '6:4']);
    expect(s.allFindings().some((x) => x.rule.indexOf('plan.') === 0 && x.table === plan.table)).toBe(false);
    const notice = s.getState().notice!;
    expect(notice.kind).toBe('success');
    expect(notice.text).toContain('已写入工作表“项目绩效目标表”：C7 → 100%，D7 → 100%，E7 → 100%。');
    expect(notice.text).toContain('重新检查“环保督查经费”');
    // Only the changed sheet was read again.
    expect(host.callsOf('readSheets').map((c) => c.args[0])).toEqual([[sheet], [sheet]]);
  });

  it('writes a split 符号·值·单位 suggestion into its three cells, never the joined text into the 值 cell', async () => {
    const split = await loadGrids(F000_SPLIT);
    const tables = parseGrids(split);
    const row = tables.flatMap((t) => t.indicators).find((r) => r.split) as NonNullable<(typeof tables)[0]['indicators'][0]>;
    expect(row && row.split).toBeTruthy();
    const d: Diagnostic = { sheet: split[0].name, cell: row.split!.num.cell, severity: 'warning', rule: 'value.unit-word', message: 'm', suggestion: '≥90%' };
    expect(suggestionTarget(d, split[0], tables)).toBeNull();
    expect(suggestionTarget({ ...d, cell: row.basis.cell }, split[0], tables)).toBe(row.basis.cell);
    const edits = splitEdits(row.split!, '≥90%')!;
    expect(edits).toEqual(
      [
        { cell: row.split!.sign.cell, text: '≥' },
        { cell: row.split!.num.cell, text: '90' },
        { cell: row.split!.unit.cell, text: '%' },
      ].filter((e, i) => [row.split!.sign, row.split!.num, row.split!.unit][i].text !== e.text),
    );
    // The finding carries the edits, so 应用建议 offers them.
    const [f] = toFindings([{ ...d, edits }], tables, split);
    expect(f.edits).toEqual(edits);
    expect(splitEdits(row.split!, '有所提高')).toBeUndefined();
  });
});

describe('re-check on edit', () => {
  afterEach(() => jest.useRealTimers());

  it('re-checks only the edited sheet, once, 800 ms after the last edit, and only after a first check', async () => {
    jest.useFakeTimers();
    const host = new MemoryHost(g004);
    const s = newSession(host);
    expect(EDIT_DEBOUNCE_MS).toBe(800);
    await s.check('workbook');
    await Promise.resolve();
    expect(host.listenerCount()).toBe(1);
    const reads = () => host.callsOf('readSheets').length;
    const marks = () => host.callsOf('applyMarks').length;
    expect(reads()).toBe(1);

    const sheet = g004[2].name;
    host.userEdit(sheet, 'F10', '≥95%');
    await jest.advanceTimersByTimeAsync(500);
    host.userEdit(sheet, 'F11', '≥95%');
    await jest.advanceTimersByTimeAsync(500);
    host.userEdit(sheet, 'F12', '≥95%');
    await jest.advanceTimersByTimeAsync(799);
    expect(reads()).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await s.idle();
    expect(reads()).toBe(2);
    expect(host.callsOf('readSheets')[1].args[0]).toEqual([sheet]);
    expect(marks()).toBe(2);
    expect(s.getState().status).toBe(T.autoRechecked(sheet));
    // The whole result stays: other sheets' findings are still listed.
    expect(s.getState().summary!.sheets.length).toBe(12);
    expect(s.allFindings().length).toBe(checkGrids([...host.sheets.values()]).diagnostics.length);
    // Only the edited sheet's marks are redone; the other sheets keep theirs.
    expect((host.callsOf('applyMarks')[1].args[1] as { sheets?: string[] }).sheets).toEqual([sheet]);
    expect(host.marked).toEqual(checkGrids([...host.sheets.values()]).diagnostics.filter((d) => d.sheet === sheet));
  });

  it('ignores edits before the first check, on sheets outside the check, and after 清除标记', async () => {
    jest.useFakeTimers();
    const host = new MemoryHost(g004, { active: g004[0].name });
    const s = newSession(host);
    host.userEdit(g004[0].name, 'A1', 'x');
    await jest.advanceTimersByTimeAsync(2000);
    expect(host.callsOf('readSheets').length).toBe(0);

    await s.check('sheet');
    await Promise.resolve();
    host.userEdit(g004[1].name, 'A1', 'x');
    await jest.advanceTimersByTimeAsync(2000);
    await s.idle();
    expect(host.callsOf('readSheets').length).toBe(1);

    await s.clearMarks();
    host.userEdit(g004[0].name, 'F10', 'x');
    await jest.advanceTimersByTimeAsync(2000);
    await s.idle();
    expect(host.callsOf('readSheets').length).toBe(1);
    expect(host.callsOf('applyMarks').length).toBe(1);

    s.dispose();
    await Promise.resolve();
    await Promise.resolve();
    expect(host.listenerCount()).toBe(0);
  });
});

describe('marks and errors', () => {
  it('offers 清除标记 for marks left by an earlier check and clears them', async () => {
    const host = new MemoryHost(g002);
    await newSession(host).check('sheet');
    const s = newSession(host);
    await s.init();
    expect(s.getState().hasMarks).toBe(true);
    expect(s.getState().notice).toEqual({ kind: 'info', text: T.existingMarks });
    const cells = host.markedCells;
    await s.clearMarks();
    expect(host.callsOf('clearMarks').length).toBe(1);
    expect(s.getState().hasMarks).toBe(false);
    expect(s.getState().notice).toEqual({ kind: 'success', text: T.cleared(cells) });
  });

  it('shows the host’s Chinese message as it is', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    host.failNext('readSheets', new Error('无法读取工作表“项目绩效目标表”：工作表受保护。'));
    await s.check('sheet');
    expect(s.getState().notice).toEqual({ kind: 'error', text: '无法读取工作表“项目绩效目标表”：工作表受保护。' });
    expect(s.getState().busy).toBeNull();
    expect(s.getState().summary).toBeNull();
  });

  it('wraps unknown errors in a Chinese message with the detail; findings stay when marking fails', async () => {
    const host = new MemoryHost(g002);
    const s = newSession(host);
    host.failNext('applyMarks', Object.assign(new Error('An internal error has occurred.'), { code: 'GeneralException' }));
    await s.check('sheet');
    const n = s.getState().notice!;
    expect(n.kind).toBe('error');
    expect(n.text).toBe(T.errors.generic('标记单元格失败', 'GeneralException: An internal error has occurred.'));
    expect(s.getState().summary!.counts.total).toBeGreaterThan(0);

    host.failNext('select', 'boom');
    await s.select(s.allFindings()[0].key);
    expect(s.getState().notice!.text).toBe(T.errors.generic('无法选中单元格', 'boom'));

    const f = s.allFindings().find((x) => x.target) as Finding;
    host.failNext('writeValue', new TypeError('x is undefined'));
    await s.applySuggestion(f.key);
    expect(s.getState().notice!.text).toBe(T.errors.generic('应用建议失败', 'TypeError: x is undefined'));
    expect(host.writes).toEqual([]);
    expect(s.getState().busy).toBeNull();
  });

  it('errorMessage handles odd thrown values', () => {
    expect(errorMessage('check', undefined)).toBe(T.errors.generic('检查失败', 'undefined'));
    expect(errorMessage('clear', { message: '清除失败：文档是只读的。' })).toBe('清除失败：文档是只读的。');
  });
});
