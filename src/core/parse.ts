// TableRegion -> TargetTable: every field keeps its text as written and the cell it came from.
import { Grid, rectToA1, toA1 } from './grid';
import { NoTableExplanation, TableRegion, detectTables, explainNoTable, filledIn } from './detect';
import { isComparatorText, isPlanMonth, isTitle, labelMoneyUnit, metaLabel, moneyUnitOf, normLabel, titleNumber } from './labels';
import { Field, IndicatorRow, TargetTable, emptyField } from './model';

function field(grid: Grid, row: number, col: number | undefined): Field {
  if (col === undefined || col < 0) return emptyField();
  return { text: grid.text(row, col), cell: toA1(row, col) };
}

/** A cell read through its merge: the master's text and address (flat lists merge per-project columns). */
function masterField(grid: Grid, row: number, col: number | undefined): Field {
  if (col === undefined || col < 0) return emptyField();
  const a = grid.areaOf(row, col);
  return { text: grid.text(a.top, a.left), cell: toA1(a.top, a.left) };
}

/** The value cell right of a label (skipping the label's own merged area). */
function rightOf(grid: Grid, row: number, col: number): Field {
  return field(grid, row, grid.areaOf(row, col).right + 1);
}

/** Goals right of their label, or below a 预期目标 sub-label there (自评表: 预期目标 | 实际完成情况). */
function goalsRightOf(grid: Grid, row: number, col: number): Field {
  const f = rightOf(grid, row, col);
  if (!/^预期(绩效)?目标$/.test(normLabel(f.text))) return f;
  const c = grid.areaOf(row, col).right + 1;
  return field(grid, grid.areaOf(row, c).bottom + 1, c);
}

/** 一级/二级 names look like this; anything else in those cells (a number, a basis) is not a level name. */
function looksLikeLevel(text: string): boolean {
  const n = normLabel(text);
  return n !== '' && /[\u4e00-\u9fa5]/.test(n) && !/[0-9%％≥≤<>=＞＜＝]/.test(n) && !/标准$|依据$/.test(n);
}

function parseMeta(grid: Grid, region: TableRegion, t: TargetTable): void {
  let budget: { total: Field; fiscal: Field; other: Field } | undefined;
  const ensureBudget = () => (budget = budget || { total: emptyField(), fiscal: emptyField(), other: emptyField() });
  for (let r = region.headerRow - 1; r >= region.metaTop; r--) {
    const cols = filledIn(grid, r, region.span);
    for (const c of cols) {
      if (grid.isContinuation(r, c)) continue;
      const text = grid.text(r, c);
      if (isTitle(text) && !t.title.text && !metaLabel(text)) {
        t.title = { text, cell: toA1(r, c) };
        continue;
      }
      const unit = moneyUnitOf(text);
      if (unit) {
        t.unit = { text: unit, cell: toA1(r, c) };
        const orgCol = cols.find((x) => x !== c && !grid.isContinuation(r, x));
        // The cell left of 单位：万元 names the unit, unless a label said so already or it is the 填报单位 line.
        if (orgCol !== undefined && orgCol < c && !t.org.text && !/^填报单位/.test(normLabel(grid.text(r, orgCol)))) t.org = field(grid, r, orgCol);
        continue;
      }
      const label = metaLabel(text);
      const labelUnit = labelMoneyUnit(text);
      if (labelUnit && !t.unit.text) t.unit = { text: labelUnit, cell: toA1(r, c) };
      if (!label) continue;
      const area = grid.areaOf(r, c);
      switch (label) {
        case 'code':
          t.code = rightOf(grid, r, c);
          break;
        case 'name':
          t.name = rightOf(grid, r, c);
          break;
        case 'goals':
          t.goals = goalsRightOf(grid, r, c);
          break;
        case 'midGoals':
          t.midGoals = rightOf(grid, r, c);
          break;
        case 'org':
          t.org = rightOf(grid, r, c);
          break;
        case 'purpose':
          t.purpose = rightOf(grid, r, c);
          break;
        case 'budgetTotal':
          ensureBudget().total = rightOf(grid, r, c);
          break;
        case 'budgetFiscal':
          ensureBudget().fiscal = rightOf(grid, r, c);
          break;
        case 'budgetOther':
          ensureBudget().other = rightOf(grid, r, c);
          break;
        case 'budgetBlock':
          // "预算规模及资金用途" spans two rows: amounts on the first, the purpose text below them.
          if (area.bottom > r && !t.purpose.cell) t.purpose = field(grid, area.bottom, area.right + 1);
          break;
        case 'plan': {
          const valueRow = area.bottom > r ? area.bottom : r + 1;
          const plan: TargetTable['plan'] = [];
          for (const pc of cols) {
            if (pc <= area.right || grid.isContinuation(r, pc)) continue;
            const lt = grid.text(r, pc);
            if (!isPlanMonth(lt)) continue;
            plan.push({ label: { text: lt, cell: toA1(r, pc) }, value: field(grid, valueRow, pc) });
          }
          t.plan = plan;
          break;
        }
      }
    }
  }
  t.budget = budget;
}

/** A flat list: the project's own columns on its first row, title and money unit just above the header. */
function parseFlatMeta(grid: Grid, region: TableRegion, first: number, t: TargetTable): void {
  const c = region.columns;
  t.name = masterField(grid, first, c.project);
  if (c.org !== undefined) t.org = masterField(grid, first, c.org);
  if (c.goals !== undefined) t.goals = masterField(grid, first, c.goals);
  if (c.budget !== undefined) t.budget = { total: masterField(grid, first, c.budget), fiscal: emptyField(), other: emptyField() };
  for (let r = region.headerRow - 1; r >= 0 && r >= region.headerRow - 5; r--) {
    for (const col of filledIn(grid, r, region.span)) {
      if (grid.isContinuation(r, col)) continue;
      const text = grid.text(r, col);
      const unit = moneyUnitOf(text);
      if (unit && !t.unit.text) t.unit = { text: unit, cell: toA1(r, col) };
      else if (isTitle(text) && !t.title.text) t.title = { text, cell: toA1(r, col) };
    }
  }
}

function indicatorRow(grid: Grid, region: TableRegion, r: number): IndicatorRow {
  const c = region.columns;
  let value: Field;
  let split: IndicatorRow['split'];
  if (c.num !== undefined) {
    const sign = field(grid, r, c.sign);
    const num = field(grid, r, c.num);
    const unit = field(grid, r, c.unit);
    split = { sign, num, unit };
    // 文字描述, 定性, 定量 say what kind of value follows, not how it compares.
    const s = isComparatorText(sign.text) ? sign.text.trim() : '';
    value = { text: s + num.text + unit.text, cell: num.cell };
  } else {
    value = field(grid, r, c.value);
  }
  const row: IndicatorRow = {
    row: r,
    l1: field(grid, r, c.l1),
    l2: field(grid, r, c.l2),
    l3: field(grid, r, c.l3),
    desc: field(grid, r, c.desc),
    value,
    basis: field(grid, r, c.basis),
    effL1: '',
    effL2: '',
    fragment: false,
  };
  if (split) row.split = split;
  if (c.scoring !== undefined) row.scoring = field(grid, r, c.scoring);
  if (c.weight !== undefined) row.weight = field(grid, r, c.weight);
  if (c.direction !== undefined) row.direction = field(grid, r, c.direction);
  return row;
}

export function parseRegion(grid: Grid, region: TableRegion, index: number): TargetTable {
  const rows = region.rows || range(region.bodyTop, region.bodyBottom);
  let right = 0;
  for (const v of Object.values(region.columns)) if (v !== undefined && v > right) right = v;
  // Stacked tables start at column A; a table beside another starts at its first filled column.
  let left = region.span ? Number.MAX_SAFE_INTEGER : 0;
  for (let r = region.metaTop; r <= region.bodyBottom; r++) {
    const cols = filledIn(grid, r, region.span);
    if (cols.length) right = Math.max(right, grid.areaOf(r, cols[cols.length - 1]).right);
    if (cols.length) left = Math.min(left, cols[0]);
  }
  if (left > right) left = 0;
  const header: Record<string, string> = {};
  for (const [role, col] of Object.entries(region.columns)) if (col !== undefined) header[role] = toA1(region.headerRow, col);
  const top = region.rows ? rows[0] : region.metaTop;
  const t: TargetTable = {
    kind: region.kind,
    sheet: region.sheet,
    range: rectToA1({ top, left, bottom: region.bodyBottom, right }),
    no: index + 1,
    title: emptyField(),
    org: emptyField(),
    unit: emptyField(),
    code: emptyField(),
    name: emptyField(),
    purpose: emptyField(),
    plan: [],
    goals: emptyField(),
    header,
    indicators: [],
  };
  if (region.kind === 'flat') {
    parseFlatMeta(grid, region, rows[0], t);
  } else {
    parseMeta(grid, region, t);
  }
  const n = titleNumber(t.title.text);
  if (n !== undefined) t.no = n;

  let effL1 = '';
  let effL2 = '';
  let prev: IndicatorRow | undefined;
  const fragmentRows = new Set<number>();
  // 一级/二级 text inherited through a merge whose master sits on a fragment row is not a level name.
  const levelText = (r: number, col: number | undefined): string => {
    if (col === undefined) return '';
    const area = grid.areaOf(r, col);
    return fragmentRows.has(area.top) ? '' : grid.text(area.top, area.left).trim();
  };
  for (const r of rows) {
    if (grid.isBlankRow(r)) continue;
    const row = indicatorRow(grid, region, r);
    // A page break can push the value and 依据 of a row into the 一级/二级 cells of an extra row.
    const restEmpty = !row.l3.text.trim() && !row.desc.text.trim() && !row.value.text.trim() && !row.basis.text.trim();
    const headEmpty = !row.l1.text.trim() && !row.l2.text.trim();
    const isLevel = (f: Field) => looksLikeLevel(f.text) && /指标$/.test(normLabel(f.text));
    // A level name in the 一级 or 二级 cell (an empty 可持续影响指标 row under an empty 生态效益指标 row) is a row.
    if (restEmpty && !headEmpty && prev && !prev.value.text.trim() && !isLevel(row.l1) && !isLevel(row.l2)) {
      row.fragment = true;
    }
    if (row.fragment) fragmentRows.add(r);
    else {
      const l1 = levelText(r, region.columns.l1);
      const l2 = levelText(r, region.columns.l2);
      if (l1) {
        if (l1 !== effL1) effL2 = '';
        effL1 = l1;
      }
      if (l2) effL2 = l2;
    }
    row.effL1 = effL1;
    row.effL2 = effL2;
    t.indicators.push(row);
    prev = row;
  }
  return t;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Every target table on every sheet, in sheet order. A sheet with no table contributes nothing. */
export function parseGrids(grids: Grid[]): TargetTable[] {
  return parseGridsExplained(grids).tables;
}

/** The tables, and for every sheet without one the reason (so hosts never show a silent empty result). */
export function parseGridsExplained(grids: Grid[]): { tables: TargetTable[]; unread: NoTableExplanation[] } {
  const out: TargetTable[] = [];
  const unread: NoTableExplanation[] = [];
  for (const g of grids) {
    const regions = detectTables(g);
    if (!regions.length) unread.push(explainNoTable(g));
    regions.forEach((reg, i) => {
      const t = parseRegion(g, reg, i);
      if (i === 0) linkContinuation(t, out);
      out.push(t);
    });
  }
  return { tables: out, unread };
}

/**
 * The first table on a sheet with nothing above its repeated header (no title, name, code, budget or goals)
 * continues the last table of the previous sheet when both have the same columns: a long table printed or pasted
 * over two sheets.
 */
function linkContinuation(t: TargetTable, before: TargetTable[]): void {
  const prev = before[before.length - 1];
  if (!prev || prev.sheet === t.sheet || t.kind !== 'project' || prev.kind !== 'project') return;
  if (t.title.text || t.name.text || t.code.text || t.budget || t.goals.cell || t.plan.length) return;
  const roles = (x: TargetTable) => Object.keys(x.header).sort().join(',');
  if (roles(t) !== roles(prev)) return;
  const root = prev.continues !== undefined ? prev.continues : before.length - 1;
  const first = before[root];
  t.continues = root;
  t.no = first.no;
  for (const k of ['title', 'org', 'unit', 'code', 'name'] as const) t[k] = { text: first[k].text, cell: '' };
}

/**
 * The cross-sheet links of tables parsed sheet by sheet (a host that caches each sheet's tables, like the task pane):
 * the same answer as parseGridsExplained gives for the same sheets in the same order.
 */
export function linkContinuations(tables: TargetTable[]): void {
  const out: TargetTable[] = [];
  tables.forEach((t, i) => {
    if (i > 0 && tables[i - 1].sheet !== t.sheet) linkContinuation(t, out);
    out.push(t);
  });
}

/** Every sheet that yields no target table, with the reason in Chinese (hosts show it instead of silence). */
export function explainUnread(grids: Grid[]): NoTableExplanation[] {
  return parseGridsExplained(grids).unread;
}
