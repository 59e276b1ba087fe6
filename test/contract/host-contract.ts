// The host contract: what every spreadsheet host must do the same way, run against each adapter over its fake (or
// ExcelJS). A host's test file calls describeHostContract with a factory that builds that host over a neutral
// workbook (a fixture file, or sheets with values, fills, notes and comments) and reports what the user would see.
//   same fixtures in → same findings; same marks (cells, colours, texts); mark → mark again → clear restores every
//   cell's value, fill, note and comment (property-based, fast-check); a scoped re-check keeps the other sheets'
//   marks and findings rows; remarks, the ignore list, a damaged record, a protected sheet and a write failing
//   mid-way behave the same everywhere.
import fc from 'fast-check';
import { checkGrids } from '../../src/core/check';
import { Diagnostic, Severity } from '../../src/core/diagnostic';
import { Grid, Rect, toA1 } from '../../src/core/grid';
import { annotateText, severityLabel } from '../../src/core/i18n/host';
import { markText } from '../../src/core/i18n/marks';
import { ApplyOptions, ClearOptions, MarkSummary, RemarkInput, MarkWriteError } from '../../src/core/marking';
import { MARK_FILL, planMarks } from '../../src/core/marks';
import { Ignored, RECORD_KEY, RecordError, RecordStore, Remark, ReviewChange, ReviewRecord } from '../../src/core/record';
import { readGrids } from '../../src/hosts/workbook/read';
import { parseGrids } from '../../src/core/parse';
import { InsertPlan, applyInsertPlan } from '../../src/core/rows';
import { suggest } from '../../src/core/library/suggest';
import { planIndicatorInsert } from '../../src/core/library/insert';
import { previewTable } from '../../src/core/template';
import { SheetOps, opsToGrids } from '../../src/core/template/ops';

export interface NeutralCell {
  row: number;
  col: number;
  value: string | number | null;
  /** '#RRGGBB' solid fill. */
  fill?: string;
}

export interface NeutralSheet {
  name: string;
  cells: NeutralCell[];
  merges: Rect[];
  notes?: { row: number; col: number; text: string }[];
  /** Comments (Excel threads) — only for hosts with `caps.userComments`. */
  comments?: { row: number; col: number; text: string }[];
}

export type NeutralWorkbook = { file: string } | { sheets: NeutralSheet[] };

export interface CellState {
  value: string | number | null;
  fill: string | null;
  note: string | null;
  comment: string | null;
}

/** What the user sees: per sheet (in order), every cell with anything on it, by A1 address. */
export interface WorkbookState {
  sheets: string[];
  cells: Record<string, Record<string, CellState>>;
}

/** The SheetHost calls the contract drives (the ExcelJS host has only these). */
export interface ContractHost {
  sheetNames(): Promise<string[]>;
  readSheets(names: string[]): Promise<Grid[]>;
  applyMarks(diagnostics: readonly Diagnostic[], grids: readonly Grid[], options?: Pick<ApplyOptions, 'sheets' | 'pause' | 'onProgress'>): Promise<MarkSummary>;
  clearMarks(options?: ClearOptions): Promise<{ cells: number }>;
  hasMarks(): Promise<boolean>;
  addRemark(input: RemarkInput): Promise<Remark>;
  removeRemark(id: string): Promise<void>;
  ignoreFinding(d: Diagnostic, by: string): Promise<Ignored>;
  unignoreFinding(key: string): Promise<void>;
  reviewState(): Promise<ReviewRecord>;
  updateReview(change: ReviewChange): Promise<ReviewRecord>;
  /** Where the host can insert library rows / write a template sheet (the ExcelJS host only writes templates). */
  insertRows?(sheet: string, plan: InsertPlan): Promise<{ inserted: number }>;
  writeSheet?(ops: SheetOps): Promise<{ sheet: string }>;
}

export interface ContractSubject {
  host: ContractHost;
  state(): WorkbookState;
  /** The record store, to damage it. */
  store(): RecordStore;
  /** Saves the workbook and opens it again with a new host (undefined where a host cannot). */
  reopen?(): Promise<ContractSubject>;
  /** The next `n` cell writes succeed, the one after fails; null: no failure. */
  failAfterWrites(n: number | null): void;
  protect(sheet: string): void;
  dispose?(): void;
}

export interface ContractCaps {
  /** Where our text goes: notes, comments (Excel threads) or nowhere. */
  cellText: 'note' | 'comment' | 'none';
  /** Users' comments exist in this host's model (Excel threads). */
  userComments: boolean;
  /** A white fill reads as no fill (ExcelApi < 1.9): the generators leave white out. */
  whiteIsNone: boolean;
}

const HAN = /[\u4e00-\u9fff]/;

/** The text our mark puts on a cell (planMarks' note), as the host shows it. */
function shownText(state: CellState): string | null {
  return state.note !== null ? state.note : state.comment;
}

function findingsRows(state: WorkbookState, sheet = annotateText.sheetName): CellState[][] {
  const cells = state.cells[sheet];
  if (!cells) return [];
  const rows: CellState[][] = [];
  for (const [a, c] of Object.entries(cells)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const r = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    (rows[r] = rows[r] || [])[col] = c;
  }
  return rows;
}

/** Random sheets: a few sheets of a small grid with values, fills, notes and (where the host has them) comments. */
function arbWorkbook(caps: ContractCaps): fc.Arbitrary<{ sheets: NeutralSheet[]; diags: [Diagnostic[], Diagnostic[]] }> {
  const palette = caps.whiteIsNone ? ['#FFFF00', '#DDEEFF', '#C6EFCE'] : ['#FFFF00', '#FFFFFF', '#DDEEFF', '#C6EFCE', '#FFC7CE'];
  const pos = fc.record({ row: fc.integer({ min: 0, max: 7 }), col: fc.integer({ min: 0, max: 4 }) });
  const text = fc.constantFrom('预算', '≥95%', '100', '=100%', '用户批注', '  ', 'a\nb', '');
  const sheet = (name: string) =>
    fc.record({
      values: fc.array(fc.tuple(pos, fc.oneof(text, fc.integer({ min: -5, max: 500 }))), { maxLength: 10 }),
      fills: fc.array(fc.tuple(pos, fc.constantFrom(...palette)), { maxLength: 6 }),
      notes: fc.array(fc.tuple(pos, fc.constantFrom('张三的批注', '请核实\n第二行', '原有说明')), { maxLength: 4 }),
      comments: caps.userComments ? fc.array(fc.tuple(pos, fc.constantFrom('李四：请复核', '已核')), { maxLength: 2 }) : fc.constant([]),
    }).map((s) => {
      const key = (p: { row: number; col: number }) => p.row + ':' + p.col;
      const cells = new Map<string, NeutralCell>();
      for (const [p, v] of s.values) cells.set(key(p), { ...p, value: v === '' ? null : v });
      for (const [p, f] of s.fills) cells.set(key(p), { ...(cells.get(key(p)) || { ...p, value: null }), fill: f });
      // One note or one comment per cell (Excel allows no note beside a thread).
      const notes = new Map<string, { row: number; col: number; text: string }>();
      for (const [p, t] of s.notes) notes.set(key(p), { ...p, text: t });
      const comments = new Map<string, { row: number; col: number; text: string }>();
      for (const [p, t] of s.comments) if (!notes.has(key(p))) comments.set(key(p), { ...p, text: t });
      return { name, cells: [...cells.values()], merges: [], notes: [...notes.values()], comments: [...comments.values()] } as NeutralSheet;
    });
  const diag = (sheets: string[]) =>
    fc.array(
      fc.record({
        sheet: fc.constantFrom(...sheets),
        at: pos,
        severity: fc.constantFrom<Severity>('error', 'warning', 'info'),
        message: fc.constantFrom('指标值缺少比较符号', '预算数不等于财政资金与其他资金之和', '单位与指标不符'),
      }),
      { maxLength: 12 },
    ).map((list) => list.map((d, i) => ({ sheet: d.sheet, cell: toA1(d.at.row, d.at.col), severity: d.severity, rule: 'test.r' + (i % 3), message: d.message, suggestion: i % 2 ? '≥95%' : null })));
  return fc.tuple(sheet('表一'), sheet('项目 表2')).chain((sheets) =>
    fc.tuple(diag(['表一', '项目 表2']), diag(['表一', '项目 表2'])).map((diags) => ({ sheets, diags: diags as [Diagnostic[], Diagnostic[]] })),
  );
}

/** A small workbook with two sheets that get findings, a user's note and fill on flagged cells. */
function twoSheets(): NeutralSheet[] {
  const sheet = (name: string): NeutralSheet => ({
    name,
    cells: [
      { row: 0, col: 0, value: '项目名称' },
      { row: 0, col: 1, value: name + '的项目' },
      { row: 1, col: 1, value: '≥95%', fill: '#FFFF00' },
      { row: 2, col: 2, value: 120 },
    ],
    merges: [],
    notes: [{ row: 2, col: 2, text: '用户自己的批注' }],
  });
  return [sheet('表一'), sheet('表二')];
}

function diagsFor(sheet: string): Diagnostic[] {
  return [
    { sheet, cell: 'B2', severity: 'error', rule: 'values.x', message: `${sheet}：指标值缺少比较符号`, suggestion: '≥95%' },
    { sheet, cell: 'C3', severity: 'warning', rule: 'values.y', message: `${sheet}：单位不对`, suggestion: null },
    { sheet, cell: 'A1', severity: 'info', rule: 'text.z', message: `${sheet}：名称重复`, suggestion: null },
  ];
}

export function describeHostContract(name: string, caps: ContractCaps, make: (wb: NeutralWorkbook) => Promise<ContractSubject>): void {
  describe(`host contract: ${name}`, () => {
    let open: ContractSubject[] = [];
    const subject = async (wb: NeutralWorkbook) => {
      const s = await make(wb);
      open.push(s);
      return s;
    };
    const reopen = async (s: ContractSubject) => {
      const r = await s.reopen!();
      open.push(r);
      return r;
    };
    afterEach(() => {
      for (const s of open) if (s.dispose) s.dispose();
      open = [];
    });
    /** A workbook (default: the two-sheet one), its state before anything, and all its sheets as read. */
    const opened = async (sheets: NeutralSheet[] = twoSheets()) => {
      const s = await subject({ sheets });
      const before = s.state();
      const grids = await s.host.readSheets(await s.host.sheetNames());
      return { s, before, grids };
    };

    it.each(['000_24cde7d862e1b3bb', '002_f394b5ba38f6b2c8', '004_d64ddf90eec77ce7.per-sheet'])(
      'fixture %s: same findings as the .xlsx reader, marks on exactly the planned cells with the planned texts',
      async (stem) => {
        const file = require('path').resolve(__dirname, '..', 'fixtures', stem + '.xlsx');
        const reference = checkGrids(await readGrids(file)).diagnostics;
        const s = await subject({ file });
        const grids = await s.host.readSheets(await s.host.sheetNames());
        const diags = checkGrids(grids).diagnostics;
        expect(diags).toEqual(reference);
        const summary = await s.host.applyMarks(diags, grids);
        const planned = planMarks(diags, (sh, r, c) => grids.find((g) => g.name === sh)?.mergeAt(r, c));
        expect(summary).toEqual({ cells: planned.length, findingsSheet: annotateText.sheetName });
        const state = s.state();
        for (const m of planned) {
          const c = state.cells[m.sheet][m.address];
          expect(c.fill).toBe(MARK_FILL[m.severity]);
          if (caps.cellText !== 'none' && c.comment === null) {
            // Ours first; a user's note (none in these fixtures) would follow under the heading.
            expect(shownText(c)).toBe(m.note);
          }
        }
        const rows = findingsRows(state);
        expect(rows.length).toBe(diags.length + 1);
        expect(rows[0].map((c) => c.value)).toEqual(annotateText.headers);
        diags.forEach((d, i) => {
          expect(rows[i + 1][1].value).toBe(d.sheet);
          expect(rows[i + 1][3].value).toBe(severityLabel[d.severity]);
          expect(rows[i + 1][5].value).toBe(d.message);
        });
      },
      30000,
    );

    it('restores exactly: random sheets with fills, notes, comments; mark → mark again → clear (property)', async () => {
      await fc.assert(
        fc.asyncProperty(arbWorkbook(caps), async ({ sheets, diags }) => {
          const { s, before, grids } = await opened(sheets);
          await s.host.applyMarks(diags[0], grids);
          await s.host.applyMarks(diags[1], grids);
          await s.host.clearMarks();
          expect(s.state()).toEqual(before);
          expect(await s.host.hasMarks()).toBe(false);
          if (s.dispose) s.dispose();
        }),
        { numRuns: 25, seed: 20261202 },
      );
    }, 60000);

    it('restores exactly across save and reopen: mark, reopen, mark again, reopen, clear (property)', async () => {
      const probe = await subject({ sheets: twoSheets() });
      if (!probe.reopen) return expect(probe.reopen).toBeUndefined();
      await fc.assert(
        fc.asyncProperty(arbWorkbook(caps), async ({ sheets, diags }) => {
          const { s, before, grids } = await opened(sheets);
          await s.host.applyMarks(diags[0], grids);
          const s2 = await reopen(s);
          expect(await s2.host.hasMarks()).toBe(true);
          await s2.host.applyMarks(diags[1], grids);
          const s3 = await reopen(s2);
          await s3.host.clearMarks();
          expect(s3.state()).toEqual(before);
        }),
        { numRuns: 10, seed: 7 },
      );
    }, 60000);

    it('a user\'s note keeps its text: ours above it under the heading, and it comes back verbatim', async () => {
      const { s, before, grids } = await opened();
      const diags = diagsFor('表一');
      await s.host.applyMarks(diags, grids);
      const c = s.state().cells['表一'].C3;
      expect(c.fill).toBe(MARK_FILL.warning);
      if (caps.cellText === 'note') expect(c.note).toBe(`【警告】表一：单位不对\n${markText.userNoteHeading}\n用户自己的批注`);
      else expect(c.note).toBe('用户自己的批注');
      await s.host.clearMarks();
      expect(s.state()).toEqual(before);
    });

    it('a check of one sheet replaces that sheet\'s marks and findings rows only', async () => {
      const { s, before, grids } = await opened();
      await s.host.applyMarks([...diagsFor('表一'), ...diagsFor('表二')], grids);
      const first = s.state();
      // 表二 checked again: one finding left there.
      const [g2] = await s.host.readSheets(['表二']);
      const summary = await s.host.applyMarks(diagsFor('表二').slice(0, 1), [g2], { sheets: ['表二'] });
      expect(summary.cells).toBe(1);
      const after = s.state();
      expect(after.cells['表一']).toEqual(first.cells['表一']);
      expect(after.cells['表二'].B2.fill).toBe(MARK_FILL.error);
      expect(after.cells['表二'].C3).toEqual(before.cells['表二'].C3);
      const rows = findingsRows(after).slice(1);
      expect(rows.map((r) => [r[1].value, r[5].value])).toEqual([
        ...diagsFor('表一').map((d) => [d.sheet, d.message]),
        ['表二', diagsFor('表二')[0].message],
      ]);
      // A check that read nothing (the findings sheet was active) changes nothing.
      await s.host.applyMarks([], [], { sheets: [] });
      expect(s.state()).toEqual(after);
      await s.host.clearMarks();
      expect(s.state()).toEqual(before);
    });

    it('remarks: signed in the cell and a findings row, kept by a re-check, kept or removed by clear', async () => {
      const { s, before, grids } = await opened();
      const diags = diagsFor('表一');
      await s.host.applyMarks(diags, grids);
      const date = new Date(2026, 11, 2);
      const onMark = await s.host.addRemark({ sheet: '表一', cell: 'B2', text: '请补充依据', author: '王审核', date });
      const alone = await s.host.addRemark({ sheet: '表二', cell: 'D5', text: '此处无需修改', author: '王审核', date });
      expect(onMark.date).toBe('2026年12月2日');
      const line = (r: Remark) => markText.remarkLine(r.author, r.date, r.text);
      let state = s.state();
      if (caps.cellText !== 'none') {
        expect(shownText(state.cells['表一'].B2)).toContain(line(onMark));
        expect(shownText(state.cells['表二'].D5)).toBe(line(alone));
      }
      expect(state.cells['表二'].D5 ? state.cells['表二'].D5.fill : null).toBeNull();
      const remarkRows = () => findingsRows(s.state()).filter((r) => r[3] && r[3].value === markText.remarkLevel).map((r) => [r[1].value, r[5].value, r[6].value]);
      expect(remarkRows()).toEqual([
        ['表一', '请补充依据', '王审核，2026年12月2日'],
        ['表二', '此处无需修改', '王审核，2026年12月2日'],
      ]);
      // A re-check keeps them.
      await s.host.applyMarks(diags, grids);
      expect(remarkRows().length).toBe(2);
      expect((await s.host.reviewState()).remarks.map((r) => r.id)).toEqual([onMark.id, alone.id]);
      // 清除标记 keeping one remark: the marks go, that remark stays in its cell and on the findings sheet.
      await s.host.clearMarks({ keepRemarks: [alone.id] });
      state = s.state();
      expect(state.cells['表一']).toEqual(before.cells['表一']);
      if (caps.cellText !== 'none') expect(shownText(state.cells['表二'].D5)).toBe(line(alone));
      expect(remarkRows()).toEqual([['表二', '此处无需修改', '王审核，2026年12月2日']]);
      await s.host.clearMarks();
      expect(s.state()).toEqual(before);
      expect((await s.host.reviewState()).remarks).toEqual([]);
    });

    it('ignored findings stay unmarked on later checks, and come back when un-ignored', async () => {
      const { s, before, grids } = await opened();
      const diags = diagsFor('表一');
      await s.host.applyMarks(diags, grids);
      const entry = await s.host.ignoreFinding(diags[0], '王审核');
      expect(entry.by).toBe('王审核');
      expect(s.state().cells['表一'].B2).toEqual(before.cells['表一'].B2);
      const again = await s.host.applyMarks(diags, grids);
      expect(again.ignored).toBe(1);
      expect(s.state().cells['表一'].B2).toEqual(before.cells['表一'].B2);
      expect(findingsRows(s.state()).length).toBe(diags.length);
      await s.host.unignoreFinding(entry.key);
      expect(s.state().cells['表一'].B2.fill).toBe(MARK_FILL.error);
      expect((await s.host.reviewState()).ignored).toEqual([]);
      await s.host.clearMarks();
      expect(s.state()).toEqual(before);
    });

    it('review record: a verdict choice and a pass are kept (across save and reopen), a choice taken back; no cell changes', async () => {
      const { s, before } = await opened();
      const choice = { verdict: 'revise' as const, by: '王审核', date: '2026年12月3日' };
      let rec = await s.host.updateReview({ kind: 'verdict', project: 'p1', choice });
      expect(rec.verdicts.p1).toEqual(choice);
      const pass = { id: 'pass-1', at: '2026-12-03T09:00:00.000Z', date: '2026年12月3日', by: '王审核', projects: [] };
      rec = await s.host.updateReview({ kind: 'pass', pass });
      expect(rec.passes.map((p) => p.id)).toEqual(['pass-1']);
      // The same pass written again replaces it.
      rec = await s.host.updateReview({ kind: 'pass', pass: { ...pass, by: '李审核' } });
      expect(rec.passes.map((p) => p.by)).toEqual(['李审核']);
      expect(s.state()).toEqual(before);
      const s2 = s.reopen ? await reopen(s) : s;
      expect((await s2.host.reviewState()).verdicts.p1).toEqual(choice);
      rec = await s2.host.updateReview({ kind: 'verdict', project: 'p1', choice: null });
      expect(rec.verdicts.p1).toBeUndefined();
      expect((await s2.host.reviewState()).passes.length).toBe(1);
    });

    it('a damaged or newer record is reported in Chinese and nothing is changed', async () => {
      const s = await subject({ sheets: twoSheets() });
      const grids = await s.host.readSheets(['表一', '表二']);
      await s.host.applyMarks(diagsFor('表一'), grids);
      const marked = s.state();
      const store = s.store();
      const head = store.get(RECORD_KEY);
      store.set(`${RECORD_KEY}.0`, '{"v":2,"cells":"broken');
      await expect(s.host.clearMarks()).rejects.toThrow(RecordError);
      await expect(s.host.clearMarks()).rejects.toThrow(/已损坏/);
      await expect(s.host.applyMarks(diagsFor('表一'), grids)).rejects.toThrow(/已损坏/);
      expect(await s.host.hasMarks()).toBe(true);
      store.set(RECORD_KEY, JSON.stringify({ v: 9, parts: 1 }));
      await expect(s.host.clearMarks()).rejects.toThrow(/更新版本/);
      expect(s.state()).toEqual(marked);
      void head;
      // The user may forget the record (after restoring the cells otherwise).
      await s.host.clearMarks({ discardRecord: true });
      expect(await s.host.hasMarks()).toBe(false);
    });

    it('a protected sheet: a Chinese message naming it, nothing written', async () => {
      const { s, before, grids } = await opened();
      s.protect('表二');
      const e = await s.host.applyMarks([...diagsFor('表一'), ...diagsFor('表二')], grids).catch((x) => x);
      expect(e).toBeInstanceOf(MarkWriteError);
      expect(e.message).toMatch(HAN);
      expect(e.message).toContain('表二');
      expect(s.state()).toEqual(before);
      expect(await s.host.hasMarks()).toBe(false);
    });

    it.each([0, 1, 4, 9])('a write failing after %i writes: rolled back from the record, a Chinese message', async (n) => {
      const { s, before, grids } = await opened();
      const diags = [...diagsFor('表一'), ...diagsFor('表二')];
      // First check fails mid-way.
      s.failAfterWrites(n);
      const e = await s.host.applyMarks(diags, grids).catch((x) => x);
      expect(e).toBeInstanceOf(MarkWriteError);
      expect(e.rolledBack).toBe(true);
      expect(e.message).toMatch(HAN);
      expect(s.state()).toEqual(before);
      // A successful check, then a second one failing: the earlier marks come off with it, nothing half-written.
      await s.host.applyMarks(diags, grids);
      s.failAfterWrites(n + 6);
      const e2 = await s.host.applyMarks(diags.slice(1), grids).catch((x) => x);
      s.failAfterWrites(null);
      if (e2 instanceof MarkWriteError) {
        expect(e2.rolledBack).toBe(true);
        expect(s.state()).toEqual(before);
      }
      await s.host.clearMarks();
      expect(s.state()).toEqual(before);
    });

    it('marking yields at its pauses, reports progress, and a pause that throws (cancel) rolls back everything', async () => {
      const file = require('path').resolve(__dirname, '..', 'fixtures', '002_f394b5ba38f6b2c8.xlsx');
      const s = await subject({ file });
      const before = s.state();
      const grids = await s.host.readSheets(await s.host.sheetNames());
      const diags = checkGrids(grids).diagnostics;
      // A full run: how many pauses it makes, and the progress it reports ends at every cell.
      let pauses = 0;
      const progress: [number, number][] = [];
      const summary = await s.host.applyMarks(diags, grids, { pause: async () => void pauses++, onProgress: (d, t) => progress.push([d, t]) });
      expect(pauses).toBeGreaterThanOrEqual(3);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress[progress.length - 1]).toEqual([summary.cells, summary.cells]);
      const marked = s.state();
      await s.host.clearMarks({ pause: async () => undefined });
      expect(s.state()).toEqual(before);
      // Cancelled at each of its pauses in turn: nothing stays written, the error carries what was thrown.
      class Stop extends Error {}
      for (let k = 0; k < pauses; k++) {
        let n = 0;
        const stop = new Stop('stop');
        const e = await s.host
          .applyMarks(diags, grids, {
            pause: async () => {
              if (n++ === k) throw stop;
            },
          })
          .catch((x) => x);
        expect(e).toBeInstanceOf(MarkWriteError);
        expect((e as MarkWriteError).original).toBe(stop);
        expect((e as MarkWriteError).rolledBack).toBe(true);
        expect(s.state()).toEqual(before);
        expect(await s.host.hasMarks()).toBe(false);
      }
      // A re-check cancelled part-way takes the earlier marks off as well (never half of each), and clear after
      // a cancelled clear still restores every cell.
      await s.host.applyMarks(diags, grids);
      expect(s.state()).toEqual(marked);
      const e = await s.host.applyMarks(diags.slice(1), grids, { pause: async () => { throw new Stop('stop'); } }).catch((x) => x);
      expect(e).toBeInstanceOf(MarkWriteError);
      expect(s.state()).toEqual(before);
      await s.host.applyMarks(diags, grids);
      await s.host.clearMarks({ pause: async () => { throw new Stop('stop'); } }).catch(() => undefined);
      await s.host.clearMarks();
      expect(s.state()).toEqual(before);
    }, 60000);

    const F002 = () => require('path').resolve(__dirname, '..', 'fixtures', '002_f394b5ba38f6b2c8.xlsx');
    const texts = (g: Grid) => {
      const out: Record<string, string> = {};
      for (let r = 0; r < g.rowCount; r++) for (let c = 0; c < g.colCount; c++) if (g.rawText(r, c) !== '') out[toA1(r, c)] = g.rawText(r, c);
      return out;
    };

    it('same insertion: library rows land where the core\'s plan says, every other cell moved intact', async () => {
      const s = await subject({ file: F002() });
      if (!s.host.insertRows) return expect(s.host.insertRows).toBeUndefined();
      const [grid] = await s.host.readSheets([(await s.host.sheetNames())[0]]);
      const t = parseGrids([grid])[0];
      const res = suggest({ name: '', existing: t }, { top: 12 });
      const { plan } = planIndicatorInsert(grid, t, res.suggestions.slice(0, 3));
      const r = await s.host.insertRows(grid.name, plan);
      expect(r.inserted).toBe(3);
      const [after] = await s.host.readSheets([grid.name]);
      expect(texts(after)).toEqual(texts(applyInsertPlan(grid, plan)));
    }, 30000);

    it('same written template: the sheet holds the rendered cells, and checks as the core\'s preview does', async () => {
      const s = await subject({ file: F002() });
      if (!s.host.writeSheet) return expect(s.host.writeSheet).toBeUndefined();
      const grids = await s.host.readSheets(await s.host.sheetNames());
      const t = parseGrids(grids)[0];
      const { ops } = previewTable(t, 0);
      const { sheet } = await s.host.writeSheet(ops);
      const [written] = await s.host.readSheets([sheet]);
      const [expected] = opsToGrids({ sheets: [{ ...ops, name: sheet }] });
      expect(texts(written)).toEqual(texts(expected));
      const strip = (ds: Diagnostic[]) => ds.map((d) => [d.cell, d.rule, d.severity, d.message]);
      expect(strip(checkGrids([written]).diagnostics)).toEqual(strip(checkGrids([expected]).diagnostics));
    }, 30000);
  });
}
