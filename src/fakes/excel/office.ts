// A small fake of the office-js surface the Excel adapter uses, over a FakeWorkbook, with the semantics that bite in
// real Excel: proxies whose properties throw until load() + context.sync(), queued writes applied at sync in order,
// errors (ItemNotFound, InvalidArgument, ApiNotFound…) raised at sync as OfficeExtension.Error with a `code`,
// *OrNullObject with isNullObject, collections with items, requirement sets gated by an API level, the '#FFFFFF'
// fill of an unfilled cell, null for mixed fills, the 5,000,000-cell read limit, the 512-merged-area limit of
// getMergedAreasOrNullObject, the length limit of getRanges address lists, cell edit mode, worksheet.onChanged.
//
//   const fake = installFakeOffice(workbook, { apiLevel: '1.13' });   // sets globalThis.Excel/Office/OfficeExtension
//   fake.stats.syncs, fake.stats.perSync[i].cellsRead/cellsFormatted;  fake.resetStats();  fake.uninstall()
//   installFakeOffice(wb, { apiLevel, target: window })  for the browser playground; { target: null } installs nothing
//   (use fake.Excel / fake.Office then).
//
// API levels follow the [Api set: ExcelApi x.y] tags of @types/office-js (excel.d.ts): getUsedRangeOrNullObject and
// getItemOrNullObject 1.4, worksheet.onChanged and getRangeByIndexes 1.7, getRanges/RangeAreas, fill.pattern and
// suspendScreenUpdatingUntilNextSync 1.9, comments 1.10, merged areas 1.13, comments.getItemOrNullObject 1.14, notes 1.18;
// Range.insert 1.1 (cells, notes, comments and merged areas below move down; merged areas spanning the insertion
// point grow), Range.merge/unmerge 1.2 (merging keeps the top-left value only), Range.copyFrom 1.9 (values and/or
// formats: fills, number formats and the merged areas inside the source, repeated over the destination). The new
// cells of Range.insert are left unformatted (Excel usually gives them the formats of the row above): the adapter
// copies formats itself where it can, so the tests see what the adapter does.
// No Node imports: the playground bundles this file.
import { Rect, toA1, colToLetters } from '../../core/grid';
import {
  FakeComment,
  FakeFill,
  FakeSheet,
  FakeWorkbook,
  FakeWriteRefused,
  MAX_COLS,
  MAX_ROWS,
  cellKey,
  displayText,
  keyCol,
  keyRow,
  normColor,
} from './workbook';

export interface FakeOfficeOptions {
  /** Highest ExcelApi requirement set the simulated client supports ('1.1', '1.9', '1.13', '1.18', …). Default '1.18'. */
  apiLevel?: string;
  /** Excel on the web: 5 MB per request and response. Unset: no payload limit (desktop). */
  payloadLimitBytes?: number;
  /** Where to install Excel/Office/OfficeExtension; default globalThis; null installs nothing. */
  target?: Record<string, unknown> | null;
  /** Display name used as the author of notes and comments the add-in writes. */
  userName?: string;
  /**
   * Yield to the event loop whenever a sync has run its queued operations this long (ms). Real Excel does the work
   * of a sync in its own process, so the pane's page stays free; the playground sets this so its simulated Excel,
   * which runs in the page, does not block it either. Unset: each sync runs at once.
   */
  sliceMs?: number;
}

export interface SyncStat {
  /** Queued operations (loads, writes, method calls) the sync ran. */
  ops: number;
  /** Cells whose values/text/formulas/valueTypes/numberFormat were read. */
  cellsRead: number;
  /** Cells whose fill was set or cleared. */
  cellsFormatted: number;
}

export interface FakeStats {
  syncs: number;
  runs: number;
  perSync: SyncStat[];
}

/** Compares requirement-set versions part by part ("1.10" > "1.9"). */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map((x) => parseInt(x, 10) || 0);
  const b = want.split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] || 0;
    const y = b[i] || 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Shaped like OfficeExtension.Error: `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: unknown = null;
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: 'The requested resource doesn\'t exist.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  PropertyNotLoaded:
    'The property \'%\' is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidOperationInCellEditMode: 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  ItemAlreadyExists: 'The resource already exists.',
  InvalidOperation: 'The requested operation is invalid.',
  GeneralException: 'There was an internal error while processing the request.',
  InvalidObjectPath: 'The object path isn\'t working for what you\'re trying to do.',
  AccessDenied: 'You cannot perform the requested operation.',
};

function fail(code: string, where?: string, detail?: string): never {
  throw new FakeOfficeError(code, (MESSAGES[code] || code) + (detail ? ' ' + detail : ''), where);
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

/** How Excel writes a sheet name in an address: bare when it is a plain name, else quoted with '' for '. */
export function quoteSheet(name: string): string {
  if (/^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)) return name;
  return "'" + name.replace(/'/g, "''") + "'";
}

function rectA1(r: Rect): string {
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${colToLetters(r.left)}:${colToLetters(r.right)}`;
  const a = toA1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : a + ':' + toA1(r.bottom, r.right);
}

function colOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** One area ("A1", "$A$1:B2", "A:C", "3:5"), optionally prefixed by a sheet; undefined when malformed. */
export function parseArea(text: string): { sheet?: string; rect: Rect } | undefined {
  let s = text.trim();
  let sheet: string | undefined;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    let sh = s.slice(0, bang);
    s = s.slice(bang + 1);
    if (sh.startsWith("'")) {
      if (!sh.endsWith("'") || sh.length < 2) return undefined;
      sh = sh.slice(1, -1).replace(/''/g, "'");
    }
    sheet = sh;
  }
  s = s.replace(/\$/g, '');
  const parts = s.split(':');
  if (parts.length > 2 || !parts[0]) return undefined;
  const cell = /^([A-Za-z]{1,3})(\d{1,7})$/;
  const col = /^([A-Za-z]{1,3})$/;
  const row = /^(\d{1,7})$/;
  let rect: Rect;
  const a = parts[0];
  const b = parts.length === 2 ? parts[1] : parts[0];
  let m1: RegExpExecArray | null;
  let m2: RegExpExecArray | null;
  if ((m1 = cell.exec(a)) && (m2 = cell.exec(b))) {
    const r1 = parseInt(m1[2], 10) - 1;
    const r2 = parseInt(m2[2], 10) - 1;
    const c1 = colOf(m1[1]);
    const c2 = colOf(m2[1]);
    rect = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && (m1 = col.exec(a)) && (m2 = col.exec(b))) {
    const c1 = colOf(m1[1]);
    const c2 = colOf(m2[1]);
    rect = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && (m1 = row.exec(a)) && (m2 = row.exec(b))) {
    const r1 = parseInt(m1[1], 10) - 1;
    const r2 = parseInt(m2[1], 10) - 1;
    rect = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLS - 1 };
  } else return undefined;
  if (rect.top < 0 || rect.bottom >= MAX_ROWS || rect.left < 0 || rect.right >= MAX_COLS) return undefined;
  return { sheet, rect };
}

const cells = (r: Rect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

// ---------------------------------------------------------------------------------------------------------------
// Request context and proxies

const NULL = Symbol('null object');
type Target = unknown;

interface RangeT {
  sheet: FakeSheet;
  rect: Rect;
}
interface AreasT {
  sheet: FakeSheet;
  rects: Rect[];
}
interface CommentT {
  sheet: FakeSheet;
  key: number;
  thread: FakeComment;
}
interface ReplyT {
  sheet: FakeSheet;
  thread: FakeComment;
  reply: FakeComment['replies'][number];
}
interface NoteT {
  sheet: FakeSheet;
  key: number;
}

type Op = () => void;

class Ctx {
  readonly office: FakeOffice;
  readonly workbook: WorkbookP;
  readonly application: ApplicationP;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  readonly delayForCellEdit: boolean;
  queue: Op[] = [];
  requestBytes = 0;
  /** Values written in the current sync: dispatched to onChanged handlers after it. */
  valueEvents: { sheet: FakeSheet; rect: Rect }[] = [];
  stat: SyncStat | null = null;
  responseBytes = 0;

  constructor(office: FakeOffice, delayForCellEdit: boolean) {
    this.office = office;
    this.delayForCellEdit = delayForCellEdit;
    this.workbook = new WorkbookP(this, () => office.wb);
    this.application = new ApplicationP(this, () => office.wb);
  }

  push(op: Op, bytes = 0): void {
    this.queue.push(op);
    if (this.office.payloadLimit) this.requestBytes += 64 + bytes;
  }

  api(v: string): boolean {
    return versionAtLeast(this.office.apiLevel, v);
  }

  async sync(): Promise<void> {
    const office = this.office;
    const wb = office.wb;
    office.stats.syncs++;
    const stat: SyncStat = { ops: this.queue.length, cellsRead: 0, cellsFormatted: 0 };
    office.stats.perSync.push(stat);
    if (wb.cellEditMode) {
      if (this.delayForCellEdit) await wb.whenNotEditing();
      else {
        this.queue = [];
        this.requestBytes = 0;
        fail('InvalidOperationInCellEditMode');
      }
    }
    const ops = this.queue;
    this.queue = [];
    const limit = office.payloadLimit;
    if (limit && this.requestBytes > limit) {
      this.requestBytes = 0;
      fail('RequestPayloadSizeLimitExceeded');
    }
    this.requestBytes = 0;
    this.stat = stat;
    this.counted = new Set();
    this.responseBytes = 0;
    this.valueEvents = [];
    let error: unknown;
    try {
      const slice = office.sliceMs;
      if (slice)
        await wb.batchAsync(async () => {
          let start = Date.now();
          for (const op of ops) {
            op();
            if (Date.now() - start >= slice) {
              await new Promise((resolve) => setTimeout(resolve, 0));
              start = Date.now();
            }
          }
        });
      else
        wb.batch(() => {
          for (const op of ops) op();
        });
    } catch (e) {
      error =
        e instanceof FakeOfficeError
          ? e
          : e instanceof FakeWriteRefused
            ? new FakeOfficeError(e.code, MESSAGES[e.code] || e.code, e.where)
            : new FakeOfficeError('GeneralException', String(e instanceof Error ? e.message : e));
    }
    this.stat = null;
    const events = this.valueEvents;
    this.valueEvents = [];
    for (const e of events) wb.emitValueChange(e.sheet, e.rect, true);
    // A round trip: let other promise chains (event handlers, the pane) run, as they would in Excel.
    await Promise.resolve();
    if (error) throw error;
    if (limit && this.responseBytes > limit) fail('ResponsePayloadSizeLimitExceeded');
  }

  /** Cells read by one range in this sync, counted once however many of its properties were loaded. */
  read(n: number, by: object): void {
    if (!this.stat || this.counted.has(by)) return;
    this.counted.add(by);
    this.stat.cellsRead += n;
  }
  private counted = new Set<object>();

  formatted(n: number): void {
    if (this.stat) this.stat.cellsFormatted += n;
  }

  response(v: unknown): void {
    if (this.office.payloadLimit) this.responseBytes += JSON.stringify(v === undefined ? null : v).length;
  }
}

interface PropDef {
  get?: (t: any, self: any) => unknown;
  set?: (t: any, v: any, self: any) => void;
  api?: string;
  /** Setting needs a higher set than reading (Worksheet.visibility: read 1.1, set 1.2). */
  setApi?: string;
}

function notLoaded(name: string): never {
  throw new FakeOfficeError('PropertyNotLoaded', MESSAGES.PropertyNotLoaded.replace('%', name));
}

class ClientResult<T> {
  _done = false;
  _value: T | undefined;
  get value(): T {
    if (!this._done) notLoaded('value');
    return this._value as T;
  }
}

abstract class Obj {
  readonly _ctx: Ctx;
  private readonly _res: () => Target;
  private _bound = false;
  private _t: Target;
  _known = false;
  _null = false;
  _loaded: Record<string, unknown> = {};
  /** Set on a navigation property above the client's API level: every use fails at sync with ApiNotFound. */
  _apiGate: string | undefined;
  private _children = new Map<string, Obj>();
  static props: Record<string, PropDef> = {};
  /** Navigation properties: name → [child factory, minimum API]. */
  static navs: Record<string, [(self: any) => Obj, string?]> = {};

  constructor(ctx: Ctx, res: () => Target, opts: { queue?: boolean; bound?: Target } = {}) {
    this._ctx = ctx;
    this._res = res;
    if (opts.bound !== undefined) {
      this._t = opts.bound;
      this._bound = true;
      this._known = true;
    }
    // Objects made by a method call are resolved at the next sync: a missing item or bad address fails there.
    if (opts.queue) ctx.push(() => void this._target());
  }

  get context(): Ctx {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (!this._known) notLoaded('isNullObject');
    return this._null;
  }

  _target(): Target {
    if (this._apiGate && !this._ctx.api(this._apiGate)) fail('ApiNotFound', this.constructor.name.replace(/P$/, ''));
    if (!this._bound) {
      const t = this._res();
      this._t = t;
      this._bound = true;
      this._known = true;
      this._null = t === NULL;
    }
    this._check(this._t);
    return this._t;
  }

  /** A bound object whose model went away (a deleted sheet) fails like Excel does. */
  _check(t: Target): void {
    void t;
  }

  _nav(name: string): Obj {
    let c = this._children.get(name);
    if (c) return c;
    const def = (this.constructor as typeof Obj).navs[name];
    if (!def) fail('InvalidArgument', 'load', `No navigation property '${name}'.`);
    const [make, api] = def;
    // office.js has the method; the host refuses it at sync.
    c = make(this);
    if (api && !this._ctx.api(api)) c._apiGate = api;
    this._children.set(name, c);
    return c;
  }

  load(spec?: string | string[] | { select?: string; expand?: string }): this {
    const paths = parseLoad(spec);
    this._ctx.push(() => this._loadNow(paths));
    return this;
  }

  _loadNow(paths: string[]): void {
    const t = this._target();
    const cls = this.constructor as typeof Obj;
    const list = paths.length ? paths : Object.keys(cls.props).filter((p) => !cls.props[p].api || this._ctx.api(cls.props[p].api!));
    for (const p of list) {
      const slash = p.indexOf('/');
      if (slash > 0) {
        this._nav(p.slice(0, slash))._loadNow([p.slice(slash + 1)]);
        continue;
      }
      if (cls.navs[p]) {
        this._nav(p)._loadNow([]);
        continue;
      }
      const def = cls.props[p];
      if (!def || !def.get) fail('InvalidArgument', 'load', `No property '${p}'.`);
      if (def.api && !this._ctx.api(def.api)) fail('ApiNotFound', p);
      const v = t === NULL ? null : def.get(t, this);
      this._loaded[p] = v;
      this._ctx.response(v);
    }
  }

  set(props: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(props)) (this as any)[k] = v;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._loaded };
  }

  _setProp(name: string, v: unknown): void {
    const def = (this.constructor as typeof Obj).props[name];
    this._ctx.push(() => {
      if (!def || !def.set) fail('InvalidArgument', name, `Property '${name}' is read-only.`);
      const need = def.setApi || def.api;
      if (need && !this._ctx.api(need)) fail('ApiNotFound', name);
      const t = this._target();
      if (t === NULL) return;
      def.set(t, v, this);
    }, approxBytes(v));
  }

  /** Queues a method call with side effects; a null object ignores it (as `getItemOrNullObject(x).delete()` relies on). */
  _call(api: string | undefined, where: string, f: (t: any) => void, bytes = 0): void {
    this._ctx.push(() => {
      if (api && !this._ctx.api(api)) fail('ApiNotFound', where);
      const t = this._target();
      if (t === NULL) return;
      f(t);
    }, bytes);
  }

  /** A child object made by a method; `api` gates the method. */
  _make<C extends Obj>(Cls: new (ctx: Ctx, res: () => Target, opts?: { queue?: boolean }) => C, api: string | undefined, where: string, res: (t: any) => Target): C {
    return new Cls(
      this._ctx,
      () => {
        if (api && !this._ctx.api(api)) fail('ApiNotFound', where);
        const t = this._target();
        return t === NULL ? NULL : res(t);
      },
      { queue: true },
    );
  }

  _result<T>(api: string | undefined, where: string, f: (t: any) => T): ClientResult<T> {
    const r = new ClientResult<T>();
    this._ctx.push(() => {
      if (api && !this._ctx.api(api)) fail('ApiNotFound', where);
      const t = this._target();
      r._value = t === NULL ? (undefined as unknown as T) : f(t);
      r._done = true;
    });
    return r;
  }
}

function approxBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === 'string') return v.length + 2;
  if (typeof v !== 'object') return 8;
  return JSON.stringify(v).length;
}

function parseLoad(spec?: string | string[] | { select?: string; expand?: string }): string[] {
  if (!spec) return [];
  let parts: string[];
  if (typeof spec === 'string') parts = spec.split(',');
  else if (Array.isArray(spec)) parts = spec.flatMap((s) => s.split(','));
  else parts = [...(spec.select ? spec.select.split(',') : []), ...(spec.expand ? spec.expand.split(',') : [])];
  return parts.map((p) => p.trim()).filter(Boolean);
}

function defineProps(Cls: typeof Obj, props: Record<string, PropDef>): void {
  Cls.props = props;
  for (const name of Object.keys(props)) {
    Object.defineProperty(Cls.prototype, name, {
      configurable: true,
      get(this: Obj) {
        if (Object.prototype.hasOwnProperty.call(this._loaded, name)) return this._loaded[name];
        return notLoaded(name);
      },
      set(this: Obj, v: unknown) {
        this._setProp(name, v);
      },
    });
  }
}

function defineNavs(Cls: typeof Obj, navs: Record<string, [(self: any) => Obj, string?]>): void {
  Cls.navs = navs;
  for (const name of Object.keys(navs)) {
    Object.defineProperty(Cls.prototype, name, {
      configurable: true,
      get(this: Obj) {
        return this._nav(name);
      },
    });
  }
}

abstract class Collection<M> extends Obj {
  private _cache = new Map<M, Obj>();
  abstract _list(t: any): M[];
  abstract _item(m: M): Obj;

  get items(): Obj[] {
    if (!Object.prototype.hasOwnProperty.call(this._loaded, 'items')) notLoaded('items');
    return this._loaded.items as Obj[];
  }

  _proxy(m: M): Obj {
    let p = this._cache.get(m);
    if (!p) this._cache.set(m, (p = this._item(m)));
    return p;
  }

  override _loadNow(paths: string[]): void {
    const t = this._target();
    const models = t === NULL ? [] : this._list(t);
    const items = models.map((m) => this._proxy(m));
    const sub: string[] = [];
    for (const p of paths) {
      if (p === 'items') continue;
      sub.push(p.startsWith('items/') ? p.slice(6) : p);
    }
    for (const it of items) it._loadNow(sub);
    this._loaded.items = items;
  }
}

// ---- Workbook, application ------------------------------------------------------------------------------------

class ApplicationP extends Obj {
  suspendScreenUpdatingUntilNextSync(): void {
    this._call('1.9', 'suspendScreenUpdatingUntilNextSync', () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this._call('1.6', 'suspendApiCalculationUntilNextSync', () => undefined);
  }
}
defineProps(ApplicationP, { calculationMode: { get: () => 'Automatic' } });

class WorkbookP extends Obj {
  getSelectedRange(): RangeP {
    return this._make(RangeP, undefined, 'getSelectedRange', (wb: FakeWorkbook) => {
      const s = wb.sheet(wb.selection.sheet);
      const a = parseArea(wb.selection.address);
      if (!s || !a) fail('InvalidSelection' as string);
      return { sheet: s, rect: a.rect } as RangeT;
    });
  }
  getActiveCell(): RangeP {
    return this._make(RangeP, '1.7', 'getActiveCell', (wb: FakeWorkbook) => {
      const s = wb.sheet(wb.selection.sheet)!;
      const a = parseArea(wb.selection.address)!;
      return { sheet: s, rect: { top: a.rect.top, left: a.rect.left, bottom: a.rect.top, right: a.rect.left } } as RangeT;
    });
  }
}
defineProps(WorkbookP, { name: { get: () => 'Book1.xlsx' } });
defineNavs(WorkbookP, {
  worksheets: [(self: WorkbookP) => new WorksheetCollectionP(self._ctx, () => self._target())],
  comments: [(self: WorkbookP) => new CommentCollectionP(self._ctx, () => ({ wb: self._target() } as Scope)), '1.10'],
  notes: [(self: WorkbookP) => new NoteCollectionP(self._ctx, () => ({ wb: self._target() } as Scope)), '1.18'],
  application: [(self: WorkbookP) => self._ctx.application],
});

// ---- Worksheets ---------------------------------------------------------------------------------------------------

const BAD_SHEET_CHARS = /[\\/?*[\]:]/;

class WorksheetCollectionP extends Collection<FakeSheet> {
  _list(wb: FakeWorkbook): FakeSheet[] {
    return wb.sheets;
  }
  _item(s: FakeSheet): Obj {
    return new WorksheetP(this._ctx, () => s, { bound: s });
  }
  getItem(key: string): WorksheetP {
    return this._make(WorksheetP, undefined, 'WorksheetCollection.getItem', (wb: FakeWorkbook) => findSheet(wb, key) || fail('ItemNotFound', 'WorksheetCollection.getItem'));
  }
  getItemOrNullObject(key: string): WorksheetP {
    return this._make(WorksheetP, '1.4', 'WorksheetCollection.getItemOrNullObject', (wb: FakeWorkbook) => findSheet(wb, key) || NULL);
  }
  getActiveWorksheet(): WorksheetP {
    return this._make(WorksheetP, undefined, 'getActiveWorksheet', (wb: FakeWorkbook) => wb.sheet(wb.activeSheet) || fail('ItemNotFound'));
  }
  getCount(): ClientResult<number> {
    return this._result('1.4', 'WorksheetCollection.getCount', (wb: FakeWorkbook) => wb.sheets.length);
  }
  add(name?: string): WorksheetP {
    const ctx = this._ctx;
    return this._make(WorksheetP, undefined, 'WorksheetCollection.add', (wb: FakeWorkbook) => {
      let n = name;
      if (n === undefined || n === null) {
        let i = wb.sheets.length + 1;
        while (wb.sheet('Sheet' + i)) i++;
        n = 'Sheet' + i;
      }
      if (!n.trim() || n.length > 31 || BAD_SHEET_CHARS.test(n) || n.startsWith("'") || n.endsWith("'")) fail('InvalidArgument', 'WorksheetCollection.add');
      if (wb.sheet(n)) fail('ItemAlreadyExists', 'WorksheetCollection.add');
      void ctx;
      return wb.addSheet(n);
    });
  }
}
defineProps(WorksheetCollectionP, {});

function sheetScope(t: Target): Target {
  return t === NULL ? NULL : ({ sheet: t as FakeSheet } as Scope);
}

function findSheet(wb: FakeWorkbook, key: string): FakeSheet | undefined {
  return wb.sheet(key) || wb.sheets.find((s) => s.id === key);
}

class WorksheetP extends Obj {
  override _check(t: Target): void {
    if (t !== NULL && !this._ctx.office.wb.sheets.includes(t as FakeSheet)) fail('ItemNotFound', 'Worksheet');
  }
  getRange(address?: string): RangeP {
    return this._make(RangeP, undefined, 'Worksheet.getRange', (s: FakeSheet) => {
      if (address === undefined || address === '') return { sheet: s, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const a = parseArea(address);
      if (!a || (a.sheet !== undefined && a.sheet.toLowerCase() !== s.name.toLowerCase())) fail('InvalidArgument', 'Worksheet.getRange');
      return { sheet: s, rect: a.rect } as RangeT;
    });
  }
  getRanges(address?: string): RangeAreasP {
    return this._make(RangeAreasP, '1.9', 'Worksheet.getRanges', (s: FakeSheet) => {
      // Long lists fail with "The argument is invalid…" (office-js #5198: one failing list had 8,207 characters).
      if (!address || address.length > 8192) fail('InvalidArgument', 'Worksheet.getRanges');
      const rects: Rect[] = [];
      for (const part of address.split(',')) {
        const a = parseArea(part);
        if (!a || (a.sheet !== undefined && a.sheet.toLowerCase() !== s.name.toLowerCase())) fail('InvalidArgument', 'Worksheet.getRanges');
        rects.push(a.rect);
      }
      return { sheet: s, rects } as AreasT;
    });
  }
  getCell(row: number, column: number): RangeP {
    return this._make(RangeP, undefined, 'Worksheet.getCell', (s: FakeSheet) => {
      if (row < 0 || column < 0 || row >= MAX_ROWS || column >= MAX_COLS) fail('InvalidArgument');
      return { sheet: s, rect: { top: row, left: column, bottom: row, right: column } };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeP {
    return this._make(RangeP, '1.7', 'Worksheet.getRangeByIndexes', (s: FakeSheet) => {
      const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (rowCount < 1 || columnCount < 1 || rect.top < 0 || rect.left < 0 || rect.bottom >= MAX_ROWS || rect.right >= MAX_COLS) fail('InvalidArgument');
      return { sheet: s, rect };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeP {
    return this._make(RangeP, valuesOnly === undefined ? undefined : '1.2', 'Worksheet.getUsedRange', (s: FakeSheet) => {
      // An empty sheet's used range is A1.
      return { sheet: s, rect: s.usedRect(!!valuesOnly) || { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeP {
    return this._make(RangeP, '1.4', 'Worksheet.getUsedRangeOrNullObject', (s: FakeSheet) => {
      const r = s.usedRect(!!valuesOnly);
      return r ? { sheet: s, rect: r } : NULL;
    });
  }
  activate(): void {
    this._call(undefined, 'Worksheet.activate', (s: FakeSheet) => {
      if (s.visibility !== 'Visible') fail('InvalidOperation', 'Worksheet.activate');
      this._ctx.office.wb.activeSheet = s.name;
    });
  }
  delete(): void {
    this._call(undefined, 'Worksheet.delete', (s: FakeSheet) => {
      const wb = this._ctx.office.wb;
      if (wb.sheets.filter((x) => x.visibility === 'Visible' && x !== s).length === 0) fail('InvalidOperation', 'Worksheet.delete');
      wb.deleteSheet(s);
    });
  }
}
defineProps(WorksheetP, {
  name: {
    get: (s: FakeSheet) => s.name,
    set: (s: FakeSheet, v: string, self: WorksheetP) => {
      const wb = self._ctx.office.wb;
      if (!v || v.length > 31 || BAD_SHEET_CHARS.test(v)) fail('InvalidArgument');
      const other = wb.sheet(v);
      if (other && other !== s) fail('ItemAlreadyExists');
      if (wb.activeSheet === s.name) {
        s.name = v;
        wb.activeSheet = v;
      } else s.name = v;
      wb.changed('sheets', v);
    },
  },
  id: { get: (s: FakeSheet) => s.id },
  position: { get: (s: FakeSheet, self: WorksheetP) => self._ctx.office.wb.sheets.indexOf(s) },
  visibility: {
    get: (s: FakeSheet) => s.visibility,
    set: (s: FakeSheet, v: 'Visible' | 'Hidden' | 'VeryHidden', self: WorksheetP) => {
      s.visibility = v;
      self._ctx.office.wb.changed('sheets', s.name);
    },
    setApi: '1.2',
  },
});
/** Worksheet.protection (1.2): whether the sheet is protected; protect/unprotect are not modelled. */
class WorksheetProtectionP extends Obj {}
defineProps(WorksheetProtectionP, { protected: { get: (s: FakeSheet) => s.protected } });

defineNavs(WorksheetP, {
  protection: [(self: WorksheetP) => new WorksheetProtectionP(self._ctx, () => self._target()), '1.2'],
  comments: [(self: WorksheetP) => new CommentCollectionP(self._ctx, () => sheetScope(self._target())), '1.10'],
  notes: [(self: WorksheetP) => new NoteCollectionP(self._ctx, () => sheetScope(self._target())), '1.18'],
  onChanged: [(self: WorksheetP) => new EventHandlersP(self._ctx, () => self._target()), '1.7'],
  pageLayout: [(self: WorksheetP) => new PageLayoutP(self._ctx, () => self._target()), '1.9'],
  horizontalPageBreaks: [(self: WorksheetP) => new PageBreakCollectionP(self._ctx, () => self._target()), '1.9'],
});

// ---- Ranges -----------------------------------------------------------------------------------------------------

/** The 5,000,000-cell read limit: past it Excel hands back null instead of the values (performance.md). */
const READ_LIMIT = 5_000_000;

function grid2<T>(r: Rect, f: (row: number, col: number) => T): T[][] {
  const out: T[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: T[] = new Array(r.right - r.left + 1);
    for (let col = r.left; col <= r.right; col++) line[col - r.left] = f(row, col);
    out.push(line);
  }
  return out;
}

function readCells<T>(self: Obj, t: RangeT, f: (s: FakeSheet, row: number, col: number) => T): T[][] | null {
  const n = cells(t.rect);
  self._ctx.read(n, self);
  if (n > READ_LIMIT) return null;
  return grid2(t.rect, (row, col) => f(t.sheet, row, col));
}

function cellValue(s: FakeSheet, row: number, col: number): unknown {
  const c = s.cells.get(cellKey(row, col));
  if (!c) return '';
  if (c.error) return c.error;
  return c.value === null ? '' : c.value;
}

function valueType(s: FakeSheet, row: number, col: number): string {
  const c = s.cells.get(cellKey(row, col));
  if (!c) return 'Empty';
  if (c.error) return 'Error';
  if (c.value === null || c.value === '') return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

/** Writes a 2-D array (or one value for every cell) into the range, as Range.values/formulas/numberFormat do. */
function writeCells(self: Obj, t: RangeT, v: unknown, f: (s: FakeSheet, row: number, col: number, x: any) => void): void {
  const r = t.rect;
  const rows = r.bottom - r.top + 1;
  const colsN = r.right - r.left + 1;
  if (Array.isArray(v)) {
    if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== colsN)) fail('InvalidArgument', 'Range', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
    for (let i = 0; i < rows; i++) for (let j = 0; j < colsN; j++) f(t.sheet, r.top + i, r.left + j, v[i][j]);
  } else {
    for (let i = 0; i < rows; i++) for (let j = 0; j < colsN; j++) f(t.sheet, r.top + i, r.left + j, v);
  }
  void self;
}

class RangeP extends Obj {
  override _check(t: Target): void {
    if (t !== NULL && !this._ctx.office.wb.sheets.includes((t as RangeT).sheet)) fail('ItemNotFound', 'Range');
  }
  select(): void {
    this._call(undefined, 'Range.select', (t: RangeT) => {
      const wb = this._ctx.office.wb;
      if (t.sheet.visibility !== 'Visible') fail('InvalidOperation', 'Range.select');
      wb.select(t.sheet.name, rectA1(t.rect));
    });
  }
  getCell(row: number, column: number): RangeP {
    return this._make(RangeP, undefined, 'Range.getCell', (t: RangeT) => ({
      sheet: t.sheet,
      rect: { top: t.rect.top + row, left: t.rect.left + column, bottom: t.rect.top + row, right: t.rect.left + column },
    }));
  }
  getMergedAreasOrNullObject(): RangeAreasP {
    return this._make(RangeAreasP, '1.13', 'Range.getMergedAreasOrNullObject', (t: RangeT) => {
      // Only the merged areas whose top-left cell lies in the range (office-js #3611); more than 512 fail (excel.d.ts).
      const found = t.sheet.merges.filter((m) => m.top >= t.rect.top && m.top <= t.rect.bottom && m.left >= t.rect.left && m.left <= t.rect.right);
      if (found.length > 512) fail('GeneralException', 'Range.getMergedAreasOrNullObject', 'More than 512 merged areas.');
      if (!found.length) return NULL;
      const rects = found.slice().sort((a, b) => a.top - b.top || a.left - b.left);
      return { sheet: t.sheet, rects } as AreasT;
    });
  }
  /** Inserts blank cells in place of the range (ExcelApi 1.1); only shifting down is modelled. */
  insert(shift: string): RangeP {
    return this._make(RangeP, undefined, 'Range.insert', (t: RangeT) => {
      if (shift !== 'Down') fail('InvalidArgument', 'Range.insert', 'The fake models shift "Down" only.');
      try {
        this._ctx.office.wb.insertCells(t.sheet, t.rect, t.rect.bottom - t.rect.top + 1);
      } catch (e) {
        fail('InvalidOperation', 'Range.insert', e instanceof Error && e.message === 'merge' ? 'A merged area would be split.' : 'Cells would be pushed off the worksheet.');
      }
      this._ctx.valueEvents.push({ sheet: t.sheet, rect: t.rect });
      return { sheet: t.sheet, rect: { ...t.rect } };
    });
  }
  /** Copies values and/or formats from a source range (ExcelApi 1.9), repeating it over a larger destination. */
  copyFrom(source: unknown, copyType?: string, skipBlanks?: boolean, transpose?: boolean): void {
    this._call('1.9', 'Range.copyFrom', (t: RangeT) => {
      const type = copyType || 'All';
      if (transpose || (type !== 'All' && type !== 'Formats' && type !== 'Values')) fail('InvalidArgument', 'Range.copyFrom', 'The fake models All, Formats and Values without transpose.');
      let src: RangeT;
      if (source instanceof RangeP) {
        const x = source._target();
        if (x === NULL) fail('InvalidArgument', 'Range.copyFrom');
        src = x as RangeT;
      } else {
        const a = parseArea(String(source));
        if (!a) fail('InvalidArgument', 'Range.copyFrom');
        const sh = a.sheet !== undefined ? this._ctx.office.wb.sheet(a.sheet) : t.sheet;
        if (!sh) fail('ItemNotFound', 'Range.copyFrom');
        src = { sheet: sh, rect: a.rect };
      }
      const wb = this._ctx.office.wb;
      const sr = src.rect;
      const sh = sr.bottom - sr.top + 1;
      const sw = sr.right - sr.left + 1;
      // The destination grows to the source's size; a larger one takes whole copies of the source.
      const dh = Math.max(sh, Math.floor((t.rect.bottom - t.rect.top + 1) / sh) * sh);
      const dw = Math.max(sw, Math.floor((t.rect.right - t.rect.left + 1) / sw) * sw);
      const formats = type !== 'Values';
      const values = type !== 'Formats';
      const snapshot = new Map<number, { value: unknown; formula?: string; fill?: FakeFill | null; numberFormat?: string }>();
      for (let r = sr.top; r <= sr.bottom; r++)
        for (let c = sr.left; c <= sr.right; c++) {
          const cell = src.sheet.cells.get(cellKey(r, c));
          snapshot.set(cellKey(r, c), cell ? { value: cell.value, formula: cell.formula, fill: cell.fill, numberFormat: cell.numberFormat } : { value: null });
        }
      const srcMerges = src.sheet.merges.filter((m) => m.top >= sr.top && m.bottom <= sr.bottom && m.left >= sr.left && m.right <= sr.right);
      let n = 0;
      for (let i = 0; i < dh; i++)
        for (let j = 0; j < dw; j++) {
          const from = snapshot.get(cellKey(sr.top + (i % sh), sr.left + (j % sw)))!;
          const row = t.rect.top + i;
          const col = t.rect.left + j;
          if (skipBlanks && (from.value === null || from.value === '') && !from.formula) continue;
          if (values) wb.writeValue(t.sheet, row, col, from.formula || (from.value as FakeValueT), from.formula ? 'formulas' : 'values');
          if (formats) {
            wb.setFill(t.sheet, row, col, from.fill || null);
            wb.setNumberFormat(t.sheet, row, col, from.numberFormat || 'General');
            n++;
          }
        }
      if (formats && srcMerges.length) {
        const made: Rect[] = [];
        for (let i = 0; i < dh; i += sh)
          for (let j = 0; j < dw; j += sw)
            for (const m of srcMerges) made.push({ top: m.top - sr.top + t.rect.top + i, left: m.left - sr.left + t.rect.left + j, bottom: m.bottom - sr.top + t.rect.top + i, right: m.right - sr.left + t.rect.left + j });
        t.sheet.merges = t.sheet.merges.filter((m) => !made.some((x) => !(m.bottom < x.top || m.top > x.bottom || m.right < x.left || m.left > x.right)));
        for (const m of made) mergeInto(wb, t.sheet, m);
        wb.changed('merges', t.sheet.name);
      }
      if (values) this._ctx.valueEvents.push({ sheet: t.sheet, rect: { top: t.rect.top, left: t.rect.left, bottom: t.rect.top + dh - 1, right: t.rect.left + dw - 1 } });
      this._ctx.formatted(n);
    });
  }
  merge(across?: boolean): void {
    this._call('1.2', 'Range.merge', (t: RangeT) => {
      const s = t.sheet;
      const add = (r: Rect) => {
        s.merges = s.merges.filter((m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right);
        if (cells(r) > 1) mergeInto(this._ctx.office.wb, s, r);
      };
      if (across) for (let row = t.rect.top; row <= t.rect.bottom; row++) add({ top: row, bottom: row, left: t.rect.left, right: t.rect.right });
      else add({ ...t.rect });
      this._ctx.office.wb.changed('merges', s.name);
    });
  }
  unmerge(): void {
    this._call('1.2', 'Range.unmerge', (t: RangeT) => {
      const r = t.rect;
      t.sheet.merges = t.sheet.merges.filter((m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right);
      this._ctx.office.wb.changed('merges', t.sheet.name);
    });
  }
}
defineProps(RangeP, {
  address: { get: (t: RangeT) => quoteSheet(t.sheet.name) + '!' + rectA1(t.rect) },
  addressLocal: { get: (t: RangeT) => quoteSheet(t.sheet.name) + '!' + rectA1(t.rect) },
  rowCount: { get: (t: RangeT) => t.rect.bottom - t.rect.top + 1 },
  columnCount: { get: (t: RangeT) => t.rect.right - t.rect.left + 1 },
  rowIndex: { get: (t: RangeT) => t.rect.top },
  columnIndex: { get: (t: RangeT) => t.rect.left },
  cellCount: { get: (t: RangeT) => cells(t.rect) },
  values: {
    get: (t: RangeT, self: Obj) => readCells(self, t, cellValue),
    set: (t: RangeT, v: unknown, self: Obj) => {
      const wb = self._ctx.office.wb;
      writeCells(self, t, v, (s, row, col, x) => wb.writeValue(s, row, col, x === '' ? null : x, 'values'));
      self._ctx.valueEvents.push({ sheet: t.sheet, rect: t.rect });
    },
  },
  formulas: {
    get: (t: RangeT, self: Obj) =>
      readCells(self, t, (s, row, col) => {
        const c = s.cells.get(cellKey(row, col));
        return c && c.formula ? c.formula : cellValue(s, row, col);
      }),
    set: (t: RangeT, v: unknown, self: Obj) => {
      const wb = self._ctx.office.wb;
      writeCells(self, t, v, (s, row, col, x) => wb.writeValue(s, row, col, x === '' ? null : x, 'formulas'));
      self._ctx.valueEvents.push({ sheet: t.sheet, rect: t.rect });
    },
  },
  text: {
    get: (t: RangeT, self: Obj) =>
      readCells(self, t, (s, row, col) => {
        const c = s.cells.get(cellKey(row, col));
        return c ? displayText(c) : '';
      }),
  },
  valueTypes: { get: (t: RangeT, self: Obj) => readCells(self, t, valueType) },
  numberFormat: {
    get: (t: RangeT, self: Obj) =>
      readCells(self, t, (s, row, col) => {
        const c = s.cells.get(cellKey(row, col));
        return (c && c.numberFormat) || 'General';
      }),
    set: (t: RangeT, v: unknown, self: Obj) => {
      const wb = self._ctx.office.wb;
      writeCells(self, t, v, (s, row, col, x) => wb.setNumberFormat(s, row, col, String(x)));
    },
  },
});
defineNavs(RangeP, {
  format: [(self: RangeP) => new RangeFormatP(self._ctx, () => areasOf(self._target()))],
  worksheet: [(self: RangeP) => new WorksheetP(self._ctx, () => {
    const t = self._target();
    return t === NULL ? NULL : (t as RangeT).sheet;
  })],
});

type FakeValueT = string | number | boolean | null;

/** Adds a merged area: like Excel, only the top-left cell keeps its value. */
function mergeInto(wb: FakeWorkbook, s: FakeSheet, r: Rect): void {
  for (let row = r.top; row <= r.bottom; row++)
    for (let col = r.left; col <= r.right; col++) {
      if (row === r.top && col === r.left) continue;
      const c = s.cells.get(cellKey(row, col));
      if (c && (c.value !== null || c.formula)) wb.writeValue(s, row, col, null, 'values');
    }
  s.merges.push(r);
}

function areasOf(t: Target): Target {
  if (t === NULL) return NULL;
  if ((t as AreasT).rects) return t;
  return { sheet: (t as RangeT).sheet, rects: [(t as RangeT).rect] } as AreasT;
}

class RangeAreasP extends Obj {}
defineProps(RangeAreasP, {
  address: { get: (t: AreasT) => t.rects.map((r) => quoteSheet(t.sheet.name) + '!' + rectA1(r)).join(',') },
  addressLocal: { get: (t: AreasT) => t.rects.map((r) => quoteSheet(t.sheet.name) + '!' + rectA1(r)).join(',') },
  areaCount: { get: (t: AreasT) => t.rects.length },
  cellCount: { get: (t: AreasT) => t.rects.reduce((n, r) => n + cells(r), 0) },
});
defineNavs(RangeAreasP, {
  format: [(self: RangeAreasP) => new RangeFormatP(self._ctx, () => self._target())],
  areas: [(self: RangeAreasP) => new RangeCollectionP(self._ctx, () => self._target())],
});

class RangeCollectionP extends Collection<Rect> {
  _list(t: AreasT): Rect[] {
    return t.rects;
  }
  _item(r: Rect): Obj {
    const t = this._target() as AreasT;
    const bound: RangeT = { sheet: t.sheet, rect: r };
    return new RangeP(this._ctx, () => bound, { bound });
  }
  getItemAt(i: number): RangeP {
    return this._make(RangeP, undefined, 'RangeCollection.getItemAt', (t: AreasT) => {
      if (i < 0 || i >= t.rects.length) fail('InvalidArgument');
      return { sheet: t.sheet, rect: t.rects[i] };
    });
  }
  getCount(): ClientResult<number> {
    return this._result(undefined, 'RangeCollection.getCount', (t: AreasT) => t.rects.length);
  }
}
defineProps(RangeCollectionP, {});

class RangeFormatP extends Obj {
  autofitColumns(): void {
    this._call('1.2', 'RangeFormat.autofitColumns', () => undefined);
  }
  autofitRows(): void {
    this._call('1.2', 'RangeFormat.autofitRows', () => undefined);
  }
}
/** Every cell of the areas, for formats set on them: whole rows or columns are refused (the fake keeps formats per cell). */
function formatCells(self: Obj, t: AreasT, f: (key: number) => void): void {
  let n = 0;
  for (const r of t.rects) {
    if (cells(r) > 1_000_000) fail('InvalidArgument', 'RangeFormat', 'The fake formats at most 1,000,000 cells per range.');
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        f(cellKey(row, col));
        n++;
      }
  }
  self._ctx.formatted(n);
}

function layoutProp<K extends 'fonts' | 'align'>(map: K, name: string, prop: string, check?: (v: unknown) => boolean): PropDef {
  return {
    get: (t: AreasT) => {
      const first = t.rects[0];
      const m = t.sheet.layout[map].get(cellKey(first.top, first.left)) as Record<string, unknown> | undefined;
      return m && m[prop] !== undefined ? m[prop] : null;
    },
    set: (t: AreasT, v: unknown, self: Obj) => {
      if (check && !check(v)) fail('InvalidArgument', name);
      const m = t.sheet.layout[map] as Map<number, Record<string, unknown>>;
      formatCells(self, t, (k) => m.set(k, { ...(m.get(k) || {}), [prop]: v }));
      self._ctx.office.wb.changed('fills', t.sheet.name);
    },
  };
}

defineProps(RangeFormatP, {
  horizontalAlignment: layoutProp('align', 'horizontalAlignment', 'horizontal', (v) => ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(String(v))),
  verticalAlignment: layoutProp('align', 'verticalAlignment', 'vertical', (v) => ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'].includes(String(v))),
  wrapText: layoutProp('align', 'wrapText', 'wrap', (v) => typeof v === 'boolean'),
  columnWidth: {
    api: '1.2',
    get: (t: AreasT) => t.sheet.layout.columnWidths.get(t.rects[0].left) ?? 48,
    set: (t: AreasT, v: number, self: Obj) => {
      if (typeof v !== 'number' || !(v >= 0)) fail('InvalidArgument', 'columnWidth');
      for (const r of t.rects) for (let c = r.left; c <= r.right; c++) t.sheet.layout.columnWidths.set(c, v);
      self._ctx.office.wb.changed('fills', t.sheet.name);
    },
  },
  rowHeight: {
    api: '1.2',
    get: (t: AreasT) => t.sheet.layout.rowHeights.get(t.rects[0].top) ?? 15,
    set: (t: AreasT, v: number, self: Obj) => {
      if (typeof v !== 'number' || !(v >= 0) || v > 409) fail('InvalidArgument', 'rowHeight');
      for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) t.sheet.layout.rowHeights.set(row, v);
      self._ctx.office.wb.changed('fills', t.sheet.name);
    },
  },
});
defineNavs(RangeFormatP, {
  fill: [(self: RangeFormatP) => new RangeFillP(self._ctx, () => self._target())],
  font: [(self: RangeFormatP) => new RangeFontP(self._ctx, () => self._target())],
  borders: [(self: RangeFormatP) => new RangeBorderCollectionP(self._ctx, () => self._target())],
});

class RangeFontP extends Obj {}
defineProps(RangeFontP, {
  name: layoutProp('fonts', 'RangeFont.name', 'name', (v) => typeof v === 'string' && v.length > 0),
  size: layoutProp('fonts', 'RangeFont.size', 'size', (v) => typeof v === 'number' && v >= 1 && v <= 409),
  bold: layoutProp('fonts', 'RangeFont.bold', 'bold', (v) => typeof v === 'boolean'),
});

const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];

class RangeBorderCollectionP extends Obj {
  getItem(index: string): RangeBorderP {
    return this._make(RangeBorderP, undefined, 'RangeBorderCollection.getItem', (t: AreasT) => {
      if (!BORDER_EDGES.includes(index)) fail('InvalidArgument', 'RangeBorderCollection.getItem');
      return { ...t, edge: index };
    });
  }
}
defineProps(RangeBorderCollectionP, {});

/** The cell sides an edge of the areas covers: EdgeTop → the top side of the top row, InsideHorizontal → both sides of every inner line. */
function borderSides(t: AreasT & { edge: string }, f: (key: number, side: 'top' | 'bottom' | 'left' | 'right') => void): void {
  for (const r of t.rects)
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const k = cellKey(row, col);
        if (t.edge === 'EdgeTop' && row === r.top) f(k, 'top');
        if (t.edge === 'EdgeBottom' && row === r.bottom) f(k, 'bottom');
        if (t.edge === 'EdgeLeft' && col === r.left) f(k, 'left');
        if (t.edge === 'EdgeRight' && col === r.right) f(k, 'right');
        if (t.edge === 'InsideHorizontal') {
          if (row > r.top) f(k, 'top');
          if (row < r.bottom) f(k, 'bottom');
        }
        if (t.edge === 'InsideVertical') {
          if (col > r.left) f(k, 'left');
          if (col < r.right) f(k, 'right');
        }
      }
}

class RangeBorderP extends Obj {}
defineProps(RangeBorderP, {
  style: {
    get: () => null,
    set: (t: AreasT & { edge: string }, v: string, self: Obj) => {
      const m = t.sheet.layout.borders;
      borderSides(t, (k, side) => {
        const b = { ...(m.get(k) || {}) };
        if (v === 'None') delete b[side];
        else b[side] = b[side] && b[side] !== 'Continuous' ? b[side] : 'Thin';
        m.set(k, b);
      });
      self._ctx.office.wb.changed('fills', t.sheet.name);
    },
  },
  weight: {
    get: () => null,
    set: (t: AreasT & { edge: string }, v: string, self: Obj) => {
      if (!['Hairline', 'Thin', 'Medium', 'Thick'].includes(v)) fail('InvalidArgument', 'RangeBorder.weight');
      const m = t.sheet.layout.borders;
      borderSides(t, (k, side) => m.set(k, { ...(m.get(k) || {}), [side]: v }));
      self._ctx.office.wb.changed('fills', t.sheet.name);
    },
  },
  color: { get: () => '#000000', set: () => undefined },
});

// ---- Page layout (1.9) -------------------------------------------------------------------------------------------

const PAGE_PROPS = ['orientation', 'paperSize', 'zoom', 'centerHorizontally', 'centerVertically', 'leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'];

class PageLayoutP extends Obj {
  setPrintTitleRows(rows: string): void {
    this._call('1.9', 'PageLayout.setPrintTitleRows', (s: FakeSheet) => {
      const a = parseArea(String(rows));
      if (!a || a.rect.left !== 0 || a.rect.right !== MAX_COLS - 1) fail('InvalidArgument', 'PageLayout.setPrintTitleRows');
      s.layout.page.printTitleRows = `${a.rect.top + 1}:${a.rect.bottom + 1}`;
    });
  }
}
defineProps(
  PageLayoutP,
  Object.fromEntries(
    PAGE_PROPS.map((p): [string, PropDef] => [
      p,
      {
        api: '1.9',
        get: (s: FakeSheet) => (s.layout.page[p] === undefined ? null : s.layout.page[p]),
        set: (s: FakeSheet, v: unknown) => {
          if (p === 'orientation' && v !== 'Portrait' && v !== 'Landscape') fail('InvalidArgument', 'PageLayout.orientation');
          if (p === 'zoom') {
            const z = v as Record<string, unknown>;
            if (!z || typeof z !== 'object' || Object.keys(z).some((k) => !['horizontalFitToPages', 'verticalFitToPages', 'scale'].includes(k))) fail('InvalidArgument', 'PageLayout.zoom');
            s.layout.page[p] = { ...z };
            return;
          }
          s.layout.page[p] = v;
        },
      },
    ]),
  ),
);

class PageBreakCollectionP extends Obj {
  add(range: string): Obj {
    this._call('1.9', 'PageBreakCollection.add', (s: FakeSheet) => {
      const a = parseArea(String(range));
      if (!a) fail('InvalidArgument', 'PageBreakCollection.add');
      if (!s.layout.rowBreaks.includes(a.rect.top)) s.layout.rowBreaks.push(a.rect.top);
    });
    return this;
  }
}
defineProps(PageBreakCollectionP, {});

/** Every cell of the areas (the fake's ranges stay small where fills are read or set). */
function eachCell(t: AreasT, f: (row: number, col: number) => void): void {
  for (const r of t.rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) f(row, col);
}

/** One answer for all cells, or null when they differ (Excel's answer for a mixed range). */
function uniform<T>(t: AreasT, f: (fill: FakeFill | null | undefined) => T): T | null {
  let first = true;
  let out: T | null = null;
  let mixed = false;
  eachCell(t, (row, col) => {
    if (mixed) return;
    const c = t.sheet.cells.get(cellKey(row, col));
    const v = f(c ? c.fill : null);
    if (first) {
      out = v;
      first = false;
    } else if (v !== out) mixed = true;
  });
  return mixed ? null : out;
}

class RangeFillP extends Obj {
  clear(): void {
    this._call(undefined, 'RangeFill.clear', (t: AreasT) => {
      const wb = this._ctx.office.wb;
      let n = 0;
      eachCell(t, (row, col) => {
        wb.setFill(t.sheet, row, col, null);
        n++;
      });
      this._ctx.formatted(n);
    });
  }
}
defineProps(RangeFillP, {
  // The trap: a cell without fill reads as white.
  color: {
    get: (t: AreasT) => uniform(t, (f) => (f ? f.color : '#FFFFFF')),
    set: (t: AreasT, v: string, self: Obj) => {
      const color = normColor(String(v));
      if (!color) fail('InvalidArgument', 'RangeFill.color');
      const wb = self._ctx.office.wb;
      let n = 0;
      eachCell(t, (row, col) => {
        const c = t.sheet.cells.get(cellKey(row, col));
        const old = c && c.fill;
        wb.setFill(t.sheet, row, col, { color, pattern: old && old.pattern !== 'None' ? old.pattern : 'Solid', ...(old && old.patternColor ? { patternColor: old.patternColor } : {}) });
        n++;
      });
      self._ctx.formatted(n);
    },
  },
  pattern: {
    api: '1.9',
    get: (t: AreasT) => uniform(t, (f) => (f ? f.pattern : 'None')),
    set: (t: AreasT, v: string, self: Obj) => {
      const wb = self._ctx.office.wb;
      let n = 0;
      eachCell(t, (row, col) => {
        const c = t.sheet.cells.get(cellKey(row, col));
        const old = c && c.fill;
        wb.setFill(t.sheet, row, col, v === 'None' ? null : { color: old ? old.color : '#FFFFFF', pattern: v, ...(old && old.patternColor ? { patternColor: old.patternColor } : {}) });
        n++;
      });
      self._ctx.formatted(n);
    },
  },
  patternColor: {
    api: '1.9',
    get: (t: AreasT) => uniform(t, (f) => (f && f.patternColor) || '#000000'),
    set: (t: AreasT, v: string, self: Obj) => {
      const color = normColor(String(v));
      if (!color) fail('InvalidArgument', 'RangeFill.patternColor');
      const wb = self._ctx.office.wb;
      eachCell(t, (row, col) => {
        const c = t.sheet.cells.get(cellKey(row, col));
        if (c && c.fill) wb.setFill(t.sheet, row, col, { ...c.fill, patternColor: color });
      });
    },
  },
  tintAndShade: { api: '1.9', get: () => 0 },
});

// ---- Comments (1.10) ------------------------------------------------------------------------------------------

type Scope = { wb?: FakeWorkbook; sheet?: FakeSheet };

function scopeSheets(self: Obj, scope: Scope): FakeSheet[] {
  return scope.sheet ? [scope.sheet] : self._ctx.office.wb.sheets;
}

/** The single cell an add/getItemByCell call names: a Range proxy (resolved now) or an address string. */
function cellArg(self: Obj, scope: Scope, arg: unknown, where: string): { sheet: FakeSheet; key: number } {
  let sheet: FakeSheet | undefined;
  let rect: Rect;
  if (arg instanceof RangeP) {
    const t = arg._target();
    if (t === NULL) fail('InvalidArgument', where);
    sheet = (t as RangeT).sheet;
    rect = (t as RangeT).rect;
  } else {
    const a = parseArea(String(arg));
    if (!a) fail('InvalidArgument', where);
    rect = a.rect;
    if (a.sheet !== undefined) sheet = self._ctx.office.wb.sheet(a.sheet);
    else sheet = scope.sheet;
    if (!sheet) fail(a.sheet !== undefined ? 'ItemNotFound' : 'InvalidArgument', where);
    if (scope.sheet && sheet !== scope.sheet) fail('InvalidArgument', where);
  }
  if (rect.top !== rect.bottom || rect.left !== rect.right) fail('InvalidArgument', where, 'The range must be a single cell.');
  return { sheet, key: cellKey(rect.top, rect.left) };
}

function allThreads(self: Obj, scope: Scope): CommentT[] {
  const out: CommentT[] = [];
  for (const s of scopeSheets(self, scope)) {
    const keys = [...s.comments.keys()].sort((a, b) => a - b);
    for (const k of keys) out.push({ sheet: s, key: k, thread: s.comments.get(k)! });
  }
  return out;
}

class CommentCollectionP extends Collection<CommentT> {
  private _models = new Map<FakeComment, CommentT>();
  _list(scope: Scope): CommentT[] {
    // Stable model objects, so items keep their identity across loads.
    return allThreads(this, scope).map((c) => {
      let m = this._models.get(c.thread);
      if (!m) this._models.set(c.thread, (m = c));
      return m;
    });
  }
  _item(m: CommentT): Obj {
    return new CommentP(this._ctx, () => m, { bound: m });
  }
  add(cellAddress: unknown, content: string, contentType?: string): CommentP {
    const ctx = this._ctx;
    return this._make(CommentP, undefined, 'CommentCollection.add', (scope: Scope) => {
      const { sheet, key } = cellArg(this, scope, cellAddress, 'CommentCollection.add');
      ctx.office.wb.guardWrite(sheet, 'CommentCollection.add');
      // A cell holds one thread, and never a thread and a note together.
      if (sheet.comments.has(key) || sheet.notes.has(key)) fail('InvalidArgument', 'CommentCollection.add', 'The cell already has a comment or a note.');
      if (typeof content !== 'string' || (contentType && contentType !== 'Plain')) fail('InvalidArgument', 'CommentCollection.add');
      const wb = ctx.office.wb;
      const thread: FakeComment = { id: wb.newId('comment'), content, author: ctx.office.userName, replies: [] };
      sheet.comments.set(key, thread);
      wb.changed('comments', sheet.name);
      return { sheet, key, thread } as CommentT;
    });
  }
  getCount(): ClientResult<number> {
    return this._result(undefined, 'CommentCollection.getCount', (scope: Scope) => allThreads(this, scope).length);
  }
  getItem(commentId: string): CommentP {
    return this._make(CommentP, undefined, 'CommentCollection.getItem', (scope: Scope) => allThreads(this, scope).find((c) => c.thread.id === commentId) || fail('ItemNotFound', 'CommentCollection.getItem'));
  }
  getItemOrNullObject(commentId: string): CommentP {
    return this._make(CommentP, '1.14', 'CommentCollection.getItemOrNullObject', (scope: Scope) => allThreads(this, scope).find((c) => c.thread.id === commentId) || NULL);
  }
  getItemAt(index: number): CommentP {
    return this._make(CommentP, undefined, 'CommentCollection.getItemAt', (scope: Scope) => allThreads(this, scope)[index] || fail('ItemNotFound', 'CommentCollection.getItemAt'));
  }
  getItemByCell(cellAddress: unknown): CommentP {
    return this._make(CommentP, undefined, 'CommentCollection.getItemByCell', (scope: Scope) => {
      const { sheet, key } = cellArg(this, scope, cellAddress, 'CommentCollection.getItemByCell');
      const thread = sheet.comments.get(key);
      return thread ? ({ sheet, key, thread } as CommentT) : fail('ItemNotFound', 'CommentCollection.getItemByCell');
    });
  }
  getItemByReplyId(replyId: string): CommentP {
    return this._make(CommentP, undefined, 'CommentCollection.getItemByReplyId', (scope: Scope) => allThreads(this, scope).find((c) => c.thread.replies.some((r) => r.id === replyId)) || fail('ItemNotFound'));
  }
}
defineProps(CommentCollectionP, {});

function threadKey(t: CommentT): number | undefined {
  return t.sheet.comments.get(t.key) === t.thread ? t.key : undefined;
}

class CommentP extends Obj {
  override _check(t: Target): void {
    if (t !== NULL && threadKey(t as CommentT) === undefined) fail('ItemNotFound', 'Comment');
  }
  delete(): void {
    this._call(undefined, 'Comment.delete', (t: CommentT) => {
      this._ctx.office.wb.guardWrite(t.sheet, 'Comment.delete');
      const k = threadKey(t);
      if (k !== undefined) t.sheet.comments.delete(k);
      this._ctx.office.wb.changed('comments', t.sheet.name);
    });
  }
  getLocation(): RangeP {
    return this._make(RangeP, undefined, 'Comment.getLocation', (t: CommentT) => {
      const k = threadKey(t)!;
      return { sheet: t.sheet, rect: { top: keyRow(k), left: keyCol(k), bottom: keyRow(k), right: keyCol(k) } };
    });
  }
}
defineProps(CommentP, {
  id: { get: (t: CommentT) => t.thread.id },
  content: {
    get: (t: CommentT) => t.thread.content,
    set: (t: CommentT, v: string, self: Obj) => {
      t.thread.content = String(v);
      self._ctx.office.wb.changed('comments', t.sheet.name);
    },
  },
  authorName: { get: (t: CommentT) => t.thread.author },
  authorEmail: { get: () => '' },
  resolved: { api: '1.11', get: () => false },
});
defineNavs(CommentP, {
  replies: [(self: CommentP) => new ReplyCollectionP(self._ctx, () => self._target())],
});

class ReplyCollectionP extends Collection<ReplyT> {
  _list(t: CommentT): ReplyT[] {
    return t.thread.replies.map((reply) => ({ sheet: t.sheet, thread: t.thread, reply }));
  }
  _item(m: ReplyT): Obj {
    return new ReplyP(this._ctx, () => m, { bound: m });
  }
  add(content: string): ReplyP {
    const ctx = this._ctx;
    return this._make(ReplyP, undefined, 'CommentReplyCollection.add', (t: CommentT) => {
      const reply = { id: ctx.office.wb.newId('reply'), content: String(content), author: ctx.office.userName };
      t.thread.replies.push(reply);
      ctx.office.wb.changed('comments', t.sheet.name);
      return { sheet: t.sheet, thread: t.thread, reply } as ReplyT;
    });
  }
  getCount(): ClientResult<number> {
    return this._result(undefined, 'CommentReplyCollection.getCount', (t: CommentT) => t.thread.replies.length);
  }
  getItem(id: string): ReplyP {
    return this._make(ReplyP, undefined, 'CommentReplyCollection.getItem', (t: CommentT) => {
      const reply = t.thread.replies.find((r) => r.id === id);
      return reply ? { sheet: t.sheet, thread: t.thread, reply } : fail('ItemNotFound');
    });
  }
  getItemAt(i: number): ReplyP {
    return this._make(ReplyP, undefined, 'CommentReplyCollection.getItemAt', (t: CommentT) => {
      const reply = t.thread.replies[i];
      return reply ? { sheet: t.sheet, thread: t.thread, reply } : fail('ItemNotFound');
    });
  }
}
defineProps(ReplyCollectionP, {});

class ReplyP extends Obj {
  delete(): void {
    this._call(undefined, 'CommentReply.delete', (t: ReplyT) => {
      t.thread.replies = t.thread.replies.filter((r) => r !== t.reply);
      this._ctx.office.wb.changed('comments', t.sheet.name);
    });
  }
}
defineProps(ReplyP, {
  id: { get: (t: ReplyT) => t.reply.id },
  content: {
    get: (t: ReplyT) => t.reply.content,
    set: (t: ReplyT, v: string) => {
      t.reply.content = String(v);
    },
  },
  authorName: { get: (t: ReplyT) => t.reply.author },
});

// ---- Notes (1.18) ---------------------------------------------------------------------------------------------

function allNotes(self: Obj, scope: Scope): NoteT[] {
  const out: NoteT[] = [];
  for (const s of scopeSheets(self, scope)) for (const k of [...s.notes.keys()].sort((a, b) => a - b)) out.push({ sheet: s, key: k });
  return out;
}

class NoteCollectionP extends Collection<NoteT> {
  _list(scope: Scope): NoteT[] {
    return allNotes(this, scope);
  }
  _item(m: NoteT): Obj {
    return new NoteP(this._ctx, () => m, { bound: m });
  }
  add(cellAddress: unknown, content: string): NoteP {
    const ctx = this._ctx;
    return this._make(NoteP, undefined, 'NoteCollection.add', (scope: Scope) => {
      const { sheet, key } = cellArg(this, scope, cellAddress, 'NoteCollection.add');
      ctx.office.wb.guardWrite(sheet, 'NoteCollection.add');
      if (sheet.notes.has(key) || sheet.comments.has(key)) fail('InvalidArgument', 'NoteCollection.add', 'The cell already has a note or a comment.');
      sheet.notes.set(key, { content: String(content), author: ctx.office.userName });
      ctx.office.wb.changed('notes', sheet.name);
      return { sheet, key } as NoteT;
    });
  }
  getCount(): ClientResult<number> {
    return this._result(undefined, 'NoteCollection.getCount', (scope: Scope) => allNotes(this, scope).length);
  }
  /** By cell address: "A1" on a worksheet's notes, "Sheet1!A1" on the workbook's. */
  getItem(key: string): NoteP {
    return this._make(NoteP, undefined, 'NoteCollection.getItem', (scope: Scope) => {
      const { sheet, key: k } = cellArg(this, scope, key, 'NoteCollection.getItem');
      return sheet.notes.has(k) ? ({ sheet, key: k } as NoteT) : fail('ItemNotFound', 'NoteCollection.getItem');
    });
  }
  getItemOrNullObject(key: string): NoteP {
    return this._make(NoteP, undefined, 'NoteCollection.getItemOrNullObject', (scope: Scope) => {
      const { sheet, key: k } = cellArg(this, scope, key, 'NoteCollection.getItemOrNullObject');
      return sheet.notes.has(k) ? ({ sheet, key: k } as NoteT) : NULL;
    });
  }
  getItemAt(index: number): NoteP {
    return this._make(NoteP, undefined, 'NoteCollection.getItemAt', (scope: Scope) => allNotes(this, scope)[index] || fail('ItemNotFound'));
  }
}
defineProps(NoteCollectionP, {});

class NoteP extends Obj {
  override _check(t: Target): void {
    if (t !== NULL && !(t as NoteT).sheet.notes.has((t as NoteT).key)) fail('ItemNotFound', 'Note');
  }
  delete(): void {
    this._call(undefined, 'Note.delete', (t: NoteT) => {
      this._ctx.office.wb.guardWrite(t.sheet, 'Note.delete');
      t.sheet.notes.delete(t.key);
      this._ctx.office.wb.changed('notes', t.sheet.name);
    });
  }
  getLocation(): RangeP {
    return this._make(RangeP, undefined, 'Note.getLocation', (t: NoteT) => ({
      sheet: t.sheet,
      rect: { top: keyRow(t.key), left: keyCol(t.key), bottom: keyRow(t.key), right: keyCol(t.key) },
    }));
  }
}
defineProps(NoteP, {
  content: {
    get: (t: NoteT) => t.sheet.notes.get(t.key)!.content,
    set: (t: NoteT, v: string, self: Obj) => {
      self._ctx.office.wb.guardWrite(t.sheet, 'Note.content');
      t.sheet.notes.get(t.key)!.content = String(v);
      self._ctx.office.wb.changed('notes', t.sheet.name);
    },
  },
  authorName: { get: (t: NoteT) => t.sheet.notes.get(t.key)!.author },
  visible: { get: () => false, set: () => undefined },
});

// ---- Events (worksheet.onChanged, 1.7) ------------------------------------------------------------------------

type Handler = (args: Record<string, unknown>) => unknown;

class EventHandlerResultP {
  readonly context: Ctx;
  private readonly off: () => void;
  constructor(ctx: Ctx, off: () => void) {
    this.context = ctx;
    this.off = off;
  }
  remove(): void {
    this.context.push(() => this.off());
  }
}

class EventHandlersP extends Obj {
  add(handler: Handler): EventHandlerResultP {
    const office = this._ctx.office;
    let entry: { sheetId: string; handler: Handler } | undefined;
    this._ctx.push(() => {
      if (!this._ctx.api('1.7')) fail('ApiNotFound', 'Worksheet.onChanged');
      const s = this._target() as FakeSheet;
      entry = { sheetId: s.id, handler };
      office.handlers.push(entry);
    });
    return new EventHandlerResultP(this._ctx, () => {
      office.handlers = office.handlers.filter((h) => h !== entry);
    });
  }
}
defineProps(EventHandlersP, {});

// ---------------------------------------------------------------------------------------------------------------
// Office (Common API)

class FakeSettings {
  private data: Record<string, unknown> = {};
  private readonly office: FakeOffice;
  constructor(office: FakeOffice) {
    this.office = office;
    this.refresh();
  }
  private refresh(): void {
    this.data = {};
    for (const [k, v] of Object.entries(this.office.wb.settings)) {
      try {
        this.data[k] = JSON.parse(v);
      } catch {
        this.data[k] = v;
      }
    }
  }
  get(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.data, name) ? JSON.parse(JSON.stringify(this.data[name])) : null;
  }
  set(name: string, value: unknown): void {
    this.data[name] = JSON.parse(JSON.stringify(value));
  }
  remove(name: string): void {
    delete this.data[name];
  }
  /** Persists into the document: Office.context.document.settings.saveAsync([options,] callback). */
  saveAsync(a?: unknown, b?: unknown): void {
    const cb = (typeof a === 'function' ? a : b) as ((r: { status: string; value: undefined; error: null }) => void) | undefined;
    const saved: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.data)) saved[k] = JSON.stringify(v);
    setTimeout(() => {
      this.office.wb.settings = saved;
      this.office.wb.changed('settings');
      if (cb) cb({ status: 'succeeded', value: undefined, error: null });
    }, 0);
  }
  refreshAsync(cb?: (r: { status: string; value: FakeSettings }) => void): void {
    setTimeout(() => {
      this.refresh();
      if (cb) cb({ status: 'succeeded', value: this });
    }, 0);
  }
}

export class FakeOffice {
  readonly wb: FakeWorkbook;
  readonly apiLevel: string;
  readonly payloadLimit: number;
  readonly sliceMs: number;
  readonly userName: string;
  readonly stats: FakeStats = { syncs: 0, runs: 0, perSync: [] };
  handlers: { sheetId: string; handler: Handler }[] = [];
  readonly Excel: any;
  readonly Office: any;
  readonly OfficeExtension: any;
  private readonly target: Record<string, unknown> | null;
  private readonly previous: Record<string, unknown> = {};
  private readonly sink: (e: { sheet: FakeSheet; rect: Rect; byAddin: boolean }) => void;

  constructor(wb: FakeWorkbook, opts: FakeOfficeOptions = {}) {
    this.wb = wb;
    this.apiLevel = opts.apiLevel || '1.18';
    this.payloadLimit = opts.payloadLimitBytes || 0;
    this.sliceMs = opts.sliceMs || 0;
    this.userName = opts.userName || '审核助手';
    this.target = opts.target === undefined ? (globalThis as unknown as Record<string, unknown>) : opts.target;
    const settings = new FakeSettings(this);

    const run = async (...args: unknown[]): Promise<unknown> => {
      const batch = args[args.length - 1] as (ctx: Ctx) => Promise<unknown>;
      if (typeof batch !== 'function') throw new FakeOfficeError('InvalidArgument', MESSAGES.InvalidArgument);
      const first = args.length > 1 ? args[0] : undefined;
      let ctx: Ctx;
      if (first instanceof Ctx) ctx = first;
      else if (first instanceof Obj) ctx = first._ctx;
      else ctx = new Ctx(this, !!(first && (first as { delayForCellEdit?: boolean }).delayForCellEdit));
      this.stats.runs++;
      const out = await batch(ctx);
      // Excel.run sends what is still queued when the batch's promise resolves.
      if (ctx.queue.length) await ctx.sync();
      return out;
    };

    this.Excel = {
      run,
      RequestContext: Ctx,
      ErrorCodes: Object.fromEntries(Object.keys(MESSAGES).map((k) => [k[0].toLowerCase() + k.slice(1), k])),
      EventSource: { local: 'Local', remote: 'Remote' },
      DataChangeType: { rangeEdited: 'RangeEdited', unknown: 'Unknown' },
      EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
      SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
      RangeValueType: { empty: 'Empty', string: 'String', double: 'Double', boolean: 'Boolean', error: 'Error', unknown: 'Unknown', integer: 'Integer', richValue: 'RichValue' },
      FillPattern: { none: 'None', solid: 'Solid' },
      InsertShiftDirection: { down: 'Down', right: 'Right' },
      RangeCopyType: { all: 'All', formulas: 'Formulas', values: 'Values', formats: 'Formats', link: 'Link' },
    };
    this.OfficeExtension = { Error: FakeOfficeError, ErrorCodes: { generalException: 'GeneralException' } };
    this.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string | number): boolean => {
            if (name !== 'ExcelApi') return false;
            // A number loses "1.10" to 1.1: the reason the docs say to pass strings.
            const v = version === undefined ? '1.1' : String(version);
            return versionAtLeast(this.apiLevel, v);
          },
        },
        document: { settings, url: 'Book1.xlsx', mode: 'readWrite' },
        displayLanguage: 'zh-CN',
        contentLanguage: 'zh-CN',
        host: 'Excel',
        platform: 'PC',
        diagnostics: { host: 'Excel', platform: 'PC', version: '16.0' },
      },
      HostType: { Excel: 'Excel' },
      PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
        const info = { host: 'Excel', platform: 'PC' };
        if (cb) setTimeout(() => cb(info), 0);
        return Promise.resolve(info);
      },
    };

    this.sink = (e) => {
      if (!versionAtLeast(this.apiLevel, '1.7')) return;
      const hs = this.handlers.filter((h) => h.sheetId === e.sheet.id);
      if (!hs.length) return;
      const args: Record<string, unknown> = {
        type: 'WorksheetChanged',
        address: rectA1(e.rect),
        worksheetId: e.sheet.id,
        changeType: 'RangeEdited',
        source: 'Local',
      };
      if (versionAtLeast(this.apiLevel, '1.14')) args.triggerSource = e.byAddin ? 'ThisLocalAddin' : 'Unknown';
      if (versionAtLeast(this.apiLevel, '1.9') && e.rect.top === e.rect.bottom && e.rect.left === e.rect.right) {
        const c = e.sheet.cells.get(cellKey(e.rect.top, e.rect.left));
        args.details = { valueAfter: c ? c.value : '', valueTypeAfter: valueType(e.sheet, e.rect.top, e.rect.left) };
      }
      for (const h of hs) {
        Promise.resolve()
          .then(() => h.handler({ ...args }))
          .catch(() => undefined);
      }
    };
    wb.valueSinks.add(this.sink);

    if (this.target) {
      for (const k of ['Excel', 'Office', 'OfficeExtension']) this.previous[k] = this.target[k];
      this.target.Excel = this.Excel;
      this.target.Office = this.Office;
      this.target.OfficeExtension = this.OfficeExtension;
    }
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.runs = 0;
    this.stats.perSync = [];
  }

  /** Cells read and formatted since the last reset. */
  totals(): { cellsRead: number; cellsFormatted: number } {
    return this.stats.perSync.reduce((a, s) => ({ cellsRead: a.cellsRead + s.cellsRead, cellsFormatted: a.cellsFormatted + s.cellsFormatted }), { cellsRead: 0, cellsFormatted: 0 });
  }

  uninstall(): void {
    this.wb.valueSinks.delete(this.sink);
    this.handlers = [];
    if (this.target) for (const k of ['Excel', 'Office', 'OfficeExtension']) this.target[k] = this.previous[k];
  }
}

/** Installs the fake (Excel, Office, OfficeExtension) over a workbook; a new install over the same workbook is a reopen. */
export function installFakeOffice(workbook: FakeWorkbook, opts: FakeOfficeOptions = {}): FakeOffice {
  return new FakeOffice(workbook, opts);
}
