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

export function SheetView(props: SheetViewProps): JSX.Element {
  const { sheet, selection, maxRows = 1500 } = props;
  const scroller = React.useRef<HTMLDivElement>(null);
  const [editing, setEditing] = React.useState<{ row: number; col: number; text: string } | null>(null);
  const commit = () => {
    if (editing && props.onEdit) props.onEdit(editing.row, editing.col, editing.text);
    setEditing(null);
  };
  const rows = Math.min(sheet.rowCount, maxRows);
  const cols = Math.max(sheet.colCount, 1);
  const sel = React.useMemo(() => {
    if (!selection) return null;
    try {
      return parseRange(selection);
    } catch {
      return null;
    }
  }, [selection]);

  // Merge masters and covered cells, for rowSpan/colSpan.
  const { masters, covered } = React.useMemo(() => {
    const m = new Map<string, Rect>();
    const c = new Set<string>();
    for (const r of sheet.merges) {
      m.set(r.top + ':' + r.left, r);
      for (let i = r.top; i <= r.bottom; i++)
        for (let j = r.left; j <= r.right; j++) if (i !== r.top || j !== r.left) c.add(i + ':' + j);
    }
    return { masters: m, covered: c };
  }, [sheet, props.version]);

  React.useEffect(() => {
    if (!sel || !scroller.current) return;
    const el = scroller.current.querySelector('[data-cell="' + toA1(sel.top, sel.left) + '"]');
    if (el && (el as HTMLElement).scrollIntoView) (el as HTMLElement).scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [sel, sheet]);

  if (!sheet.rowCount) return <div className="pg-empty">{T.emptySheet}</div>;

  const header: JSX.Element[] = [<th key="corner" className="pg-corner" />];
  for (let c = 0; c < cols; c++) header.push(<th key={c} style={{ width: COL_WIDTH }}>{colToLetters(c)}</th>);

  const body: JSX.Element[] = [];
  for (let r = 0; r < rows; r++) {
    const tds: JSX.Element[] = [<th key="h" className="pg-rowhead">{r + 1}</th>];
    for (let c = 0; c < cols; c++) {
      const key = r + ':' + c;
      if (covered.has(key)) continue;
      const m = masters.get(key);
      const cell = sheet.cell(r, c);
      const a1 = toA1(r, c);
      const inSel = !!sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right;
      const tip = [cell.note ? T.noteMarker + '：' + cell.note : '', cell.comment ? T.commentMarker + '：' + cell.comment : '']
        .filter(Boolean)
        .join('\n\n');
      const cls = ['pg-cell', inSel ? 'pg-selected' : '', cell.note ? 'pg-has-note' : '', cell.comment ? 'pg-has-comment' : '']
        .filter(Boolean)
        .join(' ');
      tds.push(
        <td
          key={c}
          className={cls}
          rowSpan={m ? m.bottom - m.top + 1 : undefined}
          colSpan={m ? m.right - m.left + 1 : undefined}
          style={cell.fill ? { background: cell.fill } : undefined}
          title={tip || undefined}
          data-cell={a1}
          data-fill={cell.fill || ''}
          data-note={cell.note ? '1' : undefined}
          data-comment={cell.comment ? '1' : undefined}
          onClick={props.onSelect && !(editing && editing.row === r && editing.col === c) ? () => props.onSelect!(a1) : undefined}
          onDoubleClick={props.onEdit ? () => setEditing({ row: r, col: c, text: cell.formula || String(cell.value ?? '') }) : undefined}
        >
          {editing && editing.row === r && editing.col === c ? (
            <input
              className="pg-editor"
              data-testid="cell-editor"
              autoFocus
              value={editing.text}
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
    body.push(<tr key={r}>{tds}</tr>);
  }
  return (
    <div className="pg-sheet" ref={scroller} data-testid="sheet-view" data-sheet={sheet.name}>
      {sheet.rowCount > rows ? <div className="pg-cut">{T.rowsCut(rows, sheet.rowCount)}</div> : null}
      <table className="pg-grid" style={{ width: 44 + cols * COL_WIDTH }}>
        <thead>
          <tr>{header}</tr>
        </thead>
        <tbody>{body}</tbody>
      </table>
    </div>
  );
}
