// The findings list: a collapsible header per group (a table, a finding repeated across tables, findings outside
// tables), one card per cell with all its messages (a click or Enter on the card selects the cell), 应用建议 with a
// preview of every cell it writes, one expandable row for many findings of the same rule. ↑/↓ move between cards;
// the last selected card stays highlighted. Groups beyond the first few are shown on request, so a workbook with a
// thousand tables does not render a thousand groups at once.
import * as React from 'react';
import { DefaultButton, Icon, IsFocusVisibleClassName, mergeStyleSets } from '@fluentui/react';
import { Severity } from '../../core/diagnostic';
import { severityLabel, taskpaneText as T } from '../../core/i18n/taskpane';
import { Finding, FindingCard, FindingGroup, FindingRow, SEVERITIES, TaskPaneSession } from '../session';
import { severityColours } from '../theme';

/** Groups rendered before 再显示. */
export const GROUPS_SHOWN = 20;
/** Rows of a group rendered before 再显示 (a finding repeated in many tables: a few of its cards). */
export const ROWS_SHOWN = 40;
export const REPEATED_ROWS_SHOWN = 5;

// Focus outlines for keyboard users only (Fluent marks the page while the keyboard is in use).
const focusRing = { ['.' + IsFocusVisibleClassName + ' &:focus']: { outline: '2px solid #605e5c', outlineOffset: -2 } };

const css = mergeStyleSets({
  list: { marginTop: 4 },
  group: { borderTop: '1px solid #edebe9' },
  groupHeader: {
    display: 'flex',
    alignItems: 'flex-start',
    width: '100%',
    boxSizing: 'border-box',
    padding: '8px 2px 6px',
    border: 'none',
    background: 'transparent',
    textAlign: 'left',
    cursor: 'pointer',
    font: 'inherit',
    color: '#201f1e',
    selectors: { ':hover': { background: '#f3f2f1' }, ':focus': { outline: 'none' }, ...focusRing },
  },
  chevron: { flex: 'none', fontSize: 12, width: 16, paddingTop: 3, color: '#605e5c' },
  groupText: { flex: '1 1 auto', minWidth: 0 },
  groupTitle: { display: 'block', fontWeight: 600, fontSize: 14, lineHeight: '20px', wordBreak: 'break-all' },
  groupMeta: { display: 'block', fontSize: 12, color: '#605e5c', lineHeight: '18px', wordBreak: 'break-all' },
  groupCounts: { flex: 'none', display: 'flex', flexDirection: 'column', alignItems: 'flex-end', marginLeft: 6, paddingTop: 2 },
  count: { fontSize: 11, lineHeight: '16px', padding: '0 5px', marginBottom: 2, borderRadius: 8, fontWeight: 600, whiteSpace: 'nowrap' },
  rows: { paddingLeft: 8, paddingBottom: 6 },
  card: {
    margin: '0 0 4px',
    borderLeft: '3px solid transparent',
    borderRadius: 2,
    background: '#ffffff',
    cursor: 'pointer',
    selectors: { ':hover': { background: '#f3f2f1' } },
  },
  cardSelected: { background: '#eef6f1', boxShadow: 'inset 0 0 0 1px #9ed4b6' },
  cardHead: {
    display: 'flex',
    alignItems: 'center',
    width: '100%',
    boxSizing: 'border-box',
    padding: '6px 6px 2px',
    border: 'none',
    background: 'transparent',
    textAlign: 'left',
    cursor: 'pointer',
    font: 'inherit',
    color: '#201f1e',
    selectors: { ':focus': { outline: 'none' }, ...focusRing },
  },
  badge: { fontSize: 11, lineHeight: '16px', padding: '0 5px', borderRadius: 2, fontWeight: 600, flex: 'none' },
  cell: { marginLeft: 6, fontSize: 12, color: '#323130', fontFamily: 'Consolas, "Courier New", monospace', wordBreak: 'break-all' },
  where: { marginLeft: 6, fontSize: 12, color: '#605e5c', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  selectedTag: { marginLeft: 'auto', fontSize: 11, color: '#0c5e31', flex: 'none', paddingLeft: 6 },
  message: { padding: '2px 6px 6px 6px' },
  messageMore: { borderTop: '1px dashed #edebe9', paddingTop: 4 },
  messageText: { fontSize: 13, lineHeight: '19px', color: '#201f1e', wordBreak: 'break-word', overflowWrap: 'break-word' },
  smallBadge: { fontSize: 10, lineHeight: '14px', padding: '0 4px', borderRadius: 2, fontWeight: 600, marginRight: 4 },
  suggestion: { display: 'flex', alignItems: 'flex-start', flexWrap: 'wrap', marginTop: 4 },
  suggestionBody: { flex: '1 1 150px', minWidth: 0, fontSize: 12, lineHeight: '18px', color: '#323130', wordBreak: 'break-all', paddingTop: 3 },
  suggestionText: { fontWeight: 600, color: '#0c5e31' },
  manual: { display: 'block', color: '#605e5c' },
  preview: { display: 'block', margin: '2px 0 0', padding: 0, listStyle: 'none', fontSize: 12, color: '#323130' },
  previewCell: { fontFamily: 'Consolas, "Courier New", monospace' },
  apply: { flex: 'none', height: 24, minWidth: 0, padding: '0 8px', marginLeft: 'auto', marginTop: 2, fontSize: 12 },
  ruleRow: { margin: '0 0 4px' },
  ruleHeader: {
    display: 'flex',
    alignItems: 'center',
    width: '100%',
    boxSizing: 'border-box',
    padding: '6px 6px',
    border: 'none',
    borderLeft: '3px solid transparent',
    background: '#faf9f8',
    textAlign: 'left',
    cursor: 'pointer',
    font: 'inherit',
    fontSize: 13,
    color: '#201f1e',
    selectors: { ':hover': { background: '#f3f2f1' }, ':focus': { outline: 'none' }, ...focusRing },
  },
  ruleTitle: { marginLeft: 6, minWidth: 0, wordBreak: 'break-all' },
  ruleRows: { paddingLeft: 10, paddingTop: 4 },
  more: { margin: '8px 0' },
});

function SeverityBadge(props: { severity: Severity; small?: boolean }): JSX.Element {
  const c = severityColours[props.severity];
  return (
    <span className={props.small ? css.smallBadge : css.badge} style={{ background: c.background, color: c.color }}>
      {severityLabel[props.severity]}
    </span>
  );
}

interface CardProps {
  card: FindingCard;
  session: TaskPaneSession;
  /** The card holds the selected finding. */
  isSelected: boolean;
}

/**
 * Whether the pane is busy, for the 应用建议 buttons only: a check or clear starting or ending then renders those
 * buttons again, not every card (rendering hundreds of cards on each toggle held the pane for 200 ms).
 */
const ListBusy = React.createContext(false);

const cardSelected = (card: FindingCard, selected: string | null) => !!selected && card.findings.some((f) => f.key === selected);

function ApplyButton(props: { f: Finding; edits: NonNullable<Finding['edits']>; session: TaskPaneSession }): JSX.Element {
  const { f, edits, session } = props;
  const busy = React.useContext(ListBusy);
  return (
    <DefaultButton
      className={css.apply}
      data-testid="apply-suggestion"
      text={edits.length > 1 ? T.applyMany(edits.length) : T.applyButton}
      title={edits.length > 1 ? T.applyManyTitle(f.sheet) : T.applyTitle(f.sheet + '!' + edits[0].cell, edits[0].text)}
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation();
        void session.applySuggestion(f.key);
      }}
      onKeyDown={(e) => e.stopPropagation()}
    />
  );
}

function MessageItem(props: { f: Finding; many: boolean; first: boolean; session: TaskPaneSession }): JSX.Element {
  const { f, session } = props;
  const edits = f.edits;
  return (
    <div
      className={css.message + (props.first ? '' : ' ' + css.messageMore)}
      data-testid="finding-message"
      data-rule={f.rule}
      data-severity={f.severity}
      data-address={f.cell}
      data-suggestion={f.suggestion !== null ? f.suggestion : undefined}
      data-edits={edits ? edits.length : 0}
    >
      <div className={css.messageText}>
        {props.many ? <SeverityBadge severity={f.severity} small /> : null}
        {f.message}
      </div>
      {f.suggestion !== null ? (
        <div className={css.suggestion}>
          <div className={css.suggestionBody}>
            {T.suggestion}
            <span className={css.suggestionText}>{f.suggestion}</span>
            {!edits ? <span className={css.manual}>{T.suggestionManual}</span> : null}
            {edits && edits.length > 1 ? (
              <ul className={css.preview} data-testid="apply-preview" aria-label={T.previewHeading}>
                <li>{T.previewHeading}</li>
                {edits.map((e) => (
                  <li key={e.cell}>
                    <span className={css.previewCell}>{e.cell}</span>
                    {' → ' + (e.text || '（空）')}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {edits ? <ApplyButton f={f} edits={edits} session={session} /> : null}
        </div>
      ) : null}
    </div>
  );
}

// Memoised with props that change only for the card itself (its selection), so the list re-renders few cards.
const CardItem = React.memo(function CardItem(props: CardProps): JSX.Element {
  const { card, session, isSelected } = props;
  const first = card.findings[0];
  const select = () => void session.select(first.key);
  const applicable = card.findings.find((f) => f.edits && f.edits.length === 1);
  const ref = card.sheet + '!' + first.cell;
  return (
    <div
      className={css.card + (isSelected ? ' ' + css.cardSelected : '')}
      style={{ borderLeftColor: severityColours[card.severity].border }}
      data-testid="finding"
      data-card={card.key}
      data-sheet={card.sheet}
      data-address={first.cell}
      data-cell={ref}
      data-rule={first.rule}
      data-severity={card.severity}
      data-count={card.findings.length}
      data-suggestion={applicable ? (applicable.suggestion as string) : undefined}
      data-selected={isSelected ? 'true' : undefined}
      onClick={select}
    >
      <button
        type="button"
        className={css.cardHead}
        data-testid="finding-select"
        aria-current={isSelected ? 'true' : undefined}
        title={T.selectTitle(ref)}
        onClick={(e) => {
          e.stopPropagation();
          select();
        }}
      >
        <SeverityBadge severity={card.severity} />
        <span className={css.cell}>{first.cell}</span>
        {card.tableTitle ? <span className={css.where}>{T.cardTable(card.tableTitle)}</span> : null}
        {isSelected ? <span className={css.selectedTag}>{T.selectedCard}</span> : null}
      </button>
      {card.findings.map((f, i) => (
        <MessageItem key={f.key} f={f} many={card.findings.length > 1} first={i === 0} session={session} />
      ))}
    </div>
  );
});

interface RuleRowProps {
  row: Extract<FindingRow, { kind: 'rule' }>;
  expanded: boolean;
  onToggle(): void;
  session: TaskPaneSession;
  selected: string | null;
}

function RuleItem(props: RuleRowProps): JSX.Element {
  const { row, expanded } = props;
  return (
    <div className={css.ruleRow} data-testid="finding-rule" data-rule={row.rule} data-count={row.cards.length}>
      <button
        type="button"
        className={css.ruleHeader}
        style={{ borderLeftColor: severityColours[row.severity].border }}
        aria-expanded={expanded}
        title={expanded ? T.collapse : T.expand}
        onClick={props.onToggle}
      >
        <Icon iconName={expanded ? 'ChevronDown' : 'ChevronRight'} className={css.chevron} />
        <SeverityBadge severity={row.severity} />
        <span className={css.ruleTitle}>{row.title}</span>
      </button>
      {expanded ? (
        <div className={css.ruleRows}>
          {row.cards.map((c) => (
            <CardItem key={c.key} card={c} session={props.session} isSelected={cardSelected(c, props.selected)} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

function GroupCounts(props: { group: FindingGroup }): JSX.Element {
  return (
    <span className={css.groupCounts}>
      {SEVERITIES.filter((s) => props.group.counts[s] > 0).map((s) => (
        <span key={s} className={css.count} style={{ background: severityColours[s].background, color: severityColours[s].color }}>
          {T.countLabel(s, props.group.counts[s])}
        </span>
      ))}
    </span>
  );
}

export interface FindingListHandle {
  /** Opens what holds the next error, selects it and moves the focus there; false when there is none. */
  nextError(): boolean;
  /** Collapses (or expands) every group. */
  setAllCollapsed(collapsed: boolean): void;
}

export interface FindingListProps {
  groups: FindingGroup[];
  session: TaskPaneSession;
  busy: boolean;
  selected: string | null;
  /** Every group collapsed (the 全部收起 toggle). */
  onCollapsedChange?(allCollapsed: boolean): void;
}

/** Moves the focus to the previous/next card header with ↑/↓ (Home/End: first/last). */
function onArrowKeys(e: React.KeyboardEvent<HTMLDivElement>): void {
  if (['ArrowDown', 'ArrowUp', 'Home', 'End'].indexOf(e.key) < 0) return;
  const target = e.target as HTMLElement;
  if (!target.getAttribute || target.getAttribute('data-testid') !== 'finding-select') return;
  const heads = Array.prototype.slice.call(e.currentTarget.querySelectorAll('[data-testid="finding-select"]')) as HTMLElement[];
  const at = heads.indexOf(target);
  if (at < 0) return;
  const next = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : heads.length - 1;
  if (next < 0 || next >= heads.length) return;
  e.preventDefault();
  heads[next].focus();
}

// Memoised: the check tab renders again for every progress step of a long check or clear, and rendering hundreds of
// cards each time held the pane for tens of milliseconds per step.
export const FindingList = React.memo(React.forwardRef(function FindingList(props: FindingListProps, handle: React.Ref<FindingListHandle>): JSX.Element {
  const { groups, session, busy, selected } = props;
  const [closed, setClosed] = React.useState<Record<string, boolean>>({});
  const [open, setOpen] = React.useState<Record<string, boolean>>({});
  const [limit, setLimit] = React.useState(GROUPS_SHOWN);
  const [focusCard, setFocusCard] = React.useState<string | null>(null);
  const [rowLimit, setRowLimit] = React.useState<Record<string, number>>({});
  const root = React.useRef<HTMLDivElement>(null);
  const toggleGroup = (key: string) => setClosed((c) => ({ ...c, [key]: !c[key] }));
  const toggleRule = (key: string) => setOpen((o) => ({ ...o, [key]: !o[key] }));
  const onCollapsed = props.onCollapsedChange;

  React.useImperativeHandle(handle, () => ({
    nextError: () => {
      const next = session.nextError();
      if (!next) return false;
      const at = groups.findIndex((g) => g.key === next.group);
      if (at >= limit) setLimit(at + 1);
      const rowAt = at >= 0 ? groups[at].rows.findIndex((r) => (r.kind === 'card' ? r.card.key === next.card.key : r.key === next.row)) : -1;
      if (rowAt >= 0) setRowLimit((l) => ({ ...l, [next.group]: Math.max(l[next.group] || 0, rowAt + 1) }));
      setClosed((c) => ({ ...c, [next.group]: false }));
      const row = next.row;
      if (row) setOpen((o) => ({ ...o, [row]: true }));
      const f = next.card.findings.find((x) => x.severity === 'error') || next.card.findings[0];
      void session.select(f.key);
      setFocusCard(next.card.key);
      return true;
    },
    setAllCollapsed: (collapsed) => {
      const all: Record<string, boolean> = {};
      if (collapsed) for (const g of groups) all[g.key] = true;
      setClosed(all);
      if (onCollapsed) onCollapsed(collapsed);
    },
  }));

  React.useEffect(() => {
    if (!focusCard || !root.current) return;
    const cards = root.current.querySelectorAll('[data-testid="finding"]');
    for (let i = 0; i < cards.length; i++) {
      const el = cards[i] as HTMLElement;
      if (el.getAttribute('data-card') !== focusCard) continue;
      const head = el.querySelector('[data-testid="finding-select"]') as HTMLElement | null;
      if (head) head.focus();
      if (el.scrollIntoView) el.scrollIntoView({ block: 'nearest' });
      break;
    }
    setFocusCard(null);
  }, [focusCard]);

  const shown = groups.slice(0, limit);
  return (
    <ListBusy.Provider value={busy}>
    <div className={css.list} data-testid="finding-list" ref={root} onKeyDown={onArrowKeys}>
      {shown.map((g) => {
        const expanded = !closed[g.key];
        const rowsShown = Math.max(rowLimit[g.key] || 0, g.kind === 'repeated' ? REPEATED_ROWS_SHOWN : ROWS_SHOWN);
        return (
          <div key={g.key} className={css.group} data-testid="finding-group" data-kind={g.kind} data-table={g.table} data-title={g.title}>
            <button
              type="button"
              className={css.groupHeader}
              aria-expanded={expanded}
              title={expanded ? T.collapse : T.expand}
              onClick={() => toggleGroup(g.key)}
            >
              <Icon iconName={expanded ? 'ChevronDown' : 'ChevronRight'} className={css.chevron} />
              <span className={css.groupText}>
                <span className={css.groupTitle}>{g.title}</span>
                <span className={css.groupMeta}>
                  {g.location} · {T.groupFindings(g.counts.total)}
                </span>
              </span>
              <GroupCounts group={g} />
            </button>
            {expanded ? (
              <div className={css.rows}>
                {g.rows.slice(0, rowsShown).map((r) =>
                  r.kind === 'card' ? (
                    <CardItem key={r.key} card={r.card} session={session} isSelected={cardSelected(r.card, selected)} />
                  ) : (
                    <RuleItem
                      key={r.key}
                      row={r}
                      expanded={!!open[r.key]}
                      onToggle={() => toggleRule(r.key)}
                      session={session}
                      selected={selected}
                    />
                  ),
                )}
                {g.rows.length > rowsShown ? (
                  <DefaultButton
                    className={css.more}
                    data-testid="more-rows"
                    text={T.moreRows(g.rows.length - rowsShown)}
                    onClick={() => setRowLimit((l) => ({ ...l, [g.key]: rowsShown + ROWS_SHOWN }))}
                  />
                ) : null}
              </div>
            ) : null}
          </div>
        );
      })}
      {groups.length > limit ? (
        <DefaultButton
          className={css.more}
          data-testid="more-groups"
          text={T.moreGroups(Math.min(GROUPS_SHOWN, groups.length - limit))}
          onClick={() => setLimit(limit + GROUPS_SHOWN)}
        />
      ) : null}
    </div>
    </ListBusy.Provider>
  );
}));
