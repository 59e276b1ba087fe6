// A read-only picture of one sheet of the fake workbook: merged cells, fills, notes and comments (hover shows
// them), the selection. Enough for a newcomer to see what the add-in does to a workbook.
import * as React from 'react';
import { colToLetters, parseRange, Rect, toA1 } from '../core/grid';
import { playgroundText as T } from '../core/i18n/playground';

export interface ViewCell {
  text: string;
  value?: string | number | boolean | null;
  formula?: string;
  fill: string | null;
  note?: string;
  comment?: string;
}

export interface ViewSheet {
  name: string;
  rowCount: number;
  colCount: number;
  merges: readonly Rect[];
  cell(row: number, col: number): ViewCell;
}

export interface SheetViewProps {
  sheet: ViewSheet;
  /** The selected range on this sheet, if the selection is here. */
  selection?: string;
  /** A change counter: the view re-renders when it changes. */
  version: number;
  maxRows?: number;
  /** A user edit (double-click a cell, type, Enter), as typing in Excel would be. */
  onEdit?: (row: number, col: number, text: string) => void;
  /** A single click on a cell selects it (the pane's 所选单元格 features read the selection). */
  onSelect?: (address: string) => void;
}

const COL_WIDTH = 118;

interface RowCell {
  col: number;
  cell: ViewCell;
  inSel: boolean;
  rowSpan: number;
  colSpan: number;
}

interface SheetRowProps {
  row: number;
  cells: RowCell[];
  /** What the row shows, as one string: the memo compares it instead of the cells. */
  sig: string;
  editing: { row: number; col: number; text: string } | null;
  setEditing(e: { row: number; col: number; text: string } | null): void;
  commit(): void;
  onEdit?: (row: number, col: number, text: string) => void;
  onSelect?: (address: string) => void;
}

function SheetRowView(props: SheetRowProps): JSX.Element {
  const { row: r, editing, setEditing, commit } = props;
  const tds: JSX.Element[] = [<th key="h" className="pg-rowhead">{r + 1}</th>];
  for (const { col: c, cell, inSel, rowSpan, colSpan } of props.cells) {
    const a1 = toA1(r, c);
    const tip = [cell.note ? T.noteMarker + '：' + cell.note : '', cell.comment ? T.commentMarker + '：' + cell.comment : ''].filter(Boolean).join('\n\n');
    const cls = ['pg-cell', inSel ? 'pg-selected' : '', cell.note ? 'pg-has-note' : '', cell.comment ? 'pg-has-comment' : ''].filter(Boolean).join(' ');
    const isEditing = !!editing && editing.col === c;
    tds.push(
      <td
        key={c}
        className={cls}
        rowSpan={rowSpan > 1 ? rowSpan : undefined}
        colSpan={colSpan > 1 ? colSpan : undefined}
        style={cell.fill ? { background: cell.fill } : undefined}
        title={tip || undefined}
        data-cell={a1}
        data-fill={cell.fill || ''}
        data-note={cell.note ? '1' : undefined}
        data-comment={cell.comment ? '1' : undefined}
        onClick={props.onSelect && !isEditing ? () => props.onSelect!(a1) : undefined}
        onDoubleClick={props.onEdit ? () => setEditing({ row: r, col: c, text: cell.formula || String(cell.value ?? '') }) : undefined}
      >
        {isEditing ? (
          <input
            className="pg-editor"
            data-testid="cell-editor"
            autoFocus
            value={editing!.text}
            onChange={(e) => setEditing({ row: r, col: c, text: e.target.value })}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              else if (e.key === 'Escape') setEditing(null);
            }}
          />
        ) : (
          cell.text
        )}
      </td>,
    );
  }
  return <tr>{tds}</tr>;
}

// The handlers change every render; what the row shows is in `sig` (and the editor, when it is on this row).
const SheetRow = React.memo(SheetRowView, (a, b) => a.sig === b.sig && a.editing === b.editing && a.row === b.row && !a.editing && !b.editing);

export function SheetView(props: SheetViewProps): JSX.Element {
  // A window of rows around the selection: rendering 1,500 rows of a large sheet again after each batch of marks
  // held the page for a few hundred milliseconds; a finding far down the sheet is still shown when clicked.
  const { sheet, selection, maxRows = 600 } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const [editing, setEditing] = React.useState<{ row: number; col: number; text: string } | null>(null);
  const commit = () => {
    if (editing && props.onEdit) props.onEdit(editing.row, editing.col, editing.text);
    setEditing(null);
  };
  const cols = Math.max(sheet.colCount, 1);
  const sel = React.useMemo(() => {
    if (!selection) return null;
    try {
      return parseRange(selection);
    } catch {
      return null;
    }
  }, [selection]);
  const first = sel && sel.top >= maxRows - 20 ? Math.max(0, Math.min(sel.top - Math.floor(maxRows / 3), sheet.rowCount - maxRows)) : 0;
  const rows = Math.min(sheet.rowCount, first + maxRows);

  // Merge masters and covered cells of the rows shown, for rowSpan/colSpan (a sheet may hold 25,000 merges).
  const { masters, covered, origin } = React.useMemo(() => {
    const origin = new Map<string, number>();
    const m = new Map<string, Rect>();
    const c = new Set<string>();
    for (const r of sheet.merges) {
      if (r.top >= rows || r.bottom < first) continue;
      // A merge begun above the window is shown from its first row in the window, with its master's content.
      const top = Math.max(r.top, first);
      m.set(top + ':' + r.left, { top, left: r.left, bottom: r.bottom, right: r.right });
      for (let i = top; i <= Math.min(r.bottom, rows - 1); i++)
        for (let j = r.left; j <= r.right; j++) if (i !== top || j !== r.left) c.add(i + ':' + j);
      if (top !== r.top) origin.set(top + ':' + r.left, r.top);
    }
    return { masters: m, covered: c, origin };
  }, [sheet, props.version, rows, first]);

  React.useEffect(() => {
    if (!sel || !scroller.current) return;
    const el = scroller.current.querySelector('[data-cell="' + toA1(sel.top, sel.left) + '"]');
    if (el && (el as HTMLElement).scrollIntoView) (el as HTMLElement).scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [sel, sheet]);

  if (!sheet.rowCount) return <div className="pg-empty">{T.emptySheet}</div>;

  const header: JSX.Element[] = [<th key="corner" className="pg-corner" />];
  for (let c = 0; c < cols; c++) header.push(<th key={c} style={{ width: COL_WIDTH }}>{colToLetters(c)}</th>);

  const body: JSX.Element[] = [];
  for (let r = first; r < rows; r++) {
    const cells: RowCell[] = [];
    let sig = '';
    for (let c = 0; c < cols; c++) {
      const key = r + ':' + c;
      if (covered.has(key)) continue;
      const m = masters.get(key);
      const from = origin.get(key);
      const cell = sheet.cell(from === undefined ? r : from, c);
      const inSel = !!sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
      const rowSpan = m ? m.bottom - m.top + 1 : 1;
      const colSpan = m ? m.right - m.left + 1 : 1;
      cells.push({ col: c, cell, inSel, rowSpan, colSpan });
      // What the row shows: it is rendered again only when this changes (a check re-renders the view often).
      sig += c + '\u0001' + cell.text + '\u0001' + (cell.fill || '') + '\u0001' + (cell.note || '') + '\u0001' + (cell.comment || '') + '\u0001' + (cell.formula || String(cell.value ?? '')) + '\u0001' + (inSel ? 1 : 0) + rowSpan + ':' + colSpan + '\u0002';
    }
    const edit = editing && editing.row === r ? editing : null;
    body.push(<SheetRow key={r} row={r} cells={cells} sig={sig} editing={edit} setEditing={setEditing} commit={commit} onEdit={props.onEdit} onSelect={props.onSelect} />);
  }
  return (
    <div className="pg-sheet" ref={scroller} data-testid="sheet-view" data-sheet={sheet.name}>
      {sheet.rowCount > rows - first ? <div className="pg-cut">{T.rowsCut(first + 1, rows, sheet.rowCount)}</div> : null}
      <table className="pg-grid" style={{ width: 44 + cols * COL_WIDTH }}>
        <thead>
          <tr>{header}</tr>
        </thead>
        {/* A sheet of its own rows: a memoised row never keeps the handlers of another sheet. */}
        <tbody key={sheet.name}>{body}</tbody>
      </table>
    </div>
  );
}
