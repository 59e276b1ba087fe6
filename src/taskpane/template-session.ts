// The 模板 tab's use cases, free of React and the DOM: the active sheet's tables (the one holding the selection is
// current), the template, the source (one table or all of them, per sheet or stacked), joining split rows only with
// the user's consent, a preview of the first rows, and 写入新工作表: each rendered sheet goes onto a NEW sheet
// (host.writeSheet never writes over a user's sheet).
import { parseRange } from '../core/grid';
import { parseGrids } from '../core/parse';
import { TargetTable } from '../core/model';
import { FillOptions, Layout, SheetOps, TEMPLATE_IDS, fillWorkbook, findTemplate, moveText, previewTable } from '../core/template';
import { TaskPaneSession, errorMessage, tableTitle } from './session';
import { Store } from './store';

export type TemplateSource = 'table' | 'workbook';

export interface TemplateState {
  loading: boolean;
  tables: { title: string; sheet: string }[];
  current: number;
  template: string;
  source: TemplateSource;
  layout: Layout;
  join: boolean;
  /** First rows of the first sheet to be written, as text. */
  preview: string[][];
  moves: string[];
  written: string[] | null;
  skipped: boolean;
  error: string | null;
}

export const PREVIEW_ROWS = 12;


export function templateOptions(): { id: string; name: string }[] {
  return TEMPLATE_IDS.map((id) => ({ id, name: findTemplate(id)!.name }));
}

export class TemplateSession extends Store<TemplateState> {
  readonly pane: TaskPaneSession;
  private tables: TargetTable[] = [];
  private activated = false;

  constructor(pane: TaskPaneSession) {
    super({ loading: false, tables: [], current: -1, template: 'hebei', source: 'table', layout: 'per-sheet', join: false, preview: [], moves: [], written: null, skipped: false, error: null });
    this.pane = pane;
  }

  async activate(): Promise<void> {
    if (this.activated) return;
    this.activated = true;
    await this.reload();
  }

  /** Reads the active sheet and makes the table holding the selection current. */
  async reload(): Promise<void> {
    this.set({ loading: true, error: null });
    try {
      const host = this.pane.host;
      const sheet = await host.activeSheet();
      this.tables = parseGrids(await host.readSheets([sheet]));
      let current = this.tables.length ? 0 : -1;
      const sel = await host.selection();
      if (sel && sel.sheet === sheet) {
        const cell = parseRange(sel.address.split(':')[0]);
        const at = this.tables.findIndex((t) => {
          const r = parseRange(t.range);
          return cell.top >= r.top && cell.top <= r.bottom && cell.left >= r.left && cell.left <= r.right;
        });
        if (at >= 0) current = at;
      }
      this.set({ loading: false, tables: this.tables.map((t) => ({ title: tableTitle(t), sheet: t.sheet })), current });
    } catch (e) {
      this.set({ loading: false, error: errorMessage('start', e) });
    }
    this.refresh();
  }

  setTemplate(id: string): void {
    this.set({ template: id, written: null });
    this.refresh();
  }
  setSource(source: TemplateSource): void {
    this.set({ source, written: null });
    this.refresh();
  }
  setLayout(layout: Layout): void {
    this.set({ layout, written: null });
    this.refresh();
  }
  setTable(i: number): void {
    this.set({ current: i, written: null });
    this.refresh();
  }
  setJoin(join: boolean): void {
    this.set({ join, written: null });
    this.refresh();
  }

  private options(): FillOptions {
    return { template: this.state.template, joinSplitRows: this.state.join, layout: this.state.layout };
  }

  /** The sheets to write, and the indicators the template moved. */
  private render(): { sheets: SheetOps[]; moves: string[] } {
    const s = this.state;
    const moves: string[] = [];
    const take = (notes: { kind: string; moves?: Parameters<typeof moveText>[0][] }[]) => {
      for (const n of notes) if (n.kind === 'profile' && n.moves) for (const m of n.moves) moves.push(moveText(m));
    };
    if (s.source === 'table') {
      const t = this.tables[s.current];
      if (!t) return { sheets: [], moves };
      const { item, ops } = previewTable(t, s.current, this.options());
      take(item.notes);
      return { sheets: [ops], moves };
    }
    if (!this.tables.length) return { sheets: [], moves };
    const r = fillWorkbook(this.tables, this.options());
    for (const it of r.items) take(it.notes);
    return { sheets: r.ops.sheets, moves };
  }

  private refresh(): void {
    try {
      const { sheets, moves } = this.render();
      const preview: string[][] = [];
      const first = sheets[0];
      if (first) {
        const width = Math.min(first.columns.length || 1, 8);
        for (let r = 0; r < PREVIEW_ROWS; r++) preview.push(new Array(width).fill(''));
        for (const c of first.cells) if (c.row < PREVIEW_ROWS && c.col < width) preview[c.row][c.col] = c.text;
      }
      this.set({ preview, moves, error: null });
    } catch (e) {
      this.set({ preview: [], moves: [], error: errorMessage('start', e) });
    }
  }

  /** Writes each rendered sheet onto a new sheet; reports their names. */
  async write(): Promise<void> {
    try {
      const { sheets } = this.render();
      const names: string[] = [];
      let skipped = false;
      for (const s of sheets) {
        const res = await this.pane.host.writeSheet(s);
        names.push(res.sheet);
        if (res.skipped && res.skipped.length) skipped = true;
      }
      this.set({ written: names, skipped, error: null });
    } catch (e) {
      this.set({ error: errorMessage('start', e) });
    }
  }
}
