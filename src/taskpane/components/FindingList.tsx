// The findings grouped by table: a collapsible header per table, one row per finding (click selects the cell),
// 应用建议 where the suggestion fits one cell, and one expandable row for many findings of the same rule.
import * as React from 'react';
import { DefaultButton, Icon, IsFocusVisibleClassName, mergeStyleSets } from '@fluentui/react';
import { Severity } from '../../core/diagnostic';
import { severityLabel, taskpaneText as T } from '../../core/i18n/taskpane';
import { Finding, FindingGroup, FindingRow, SEVERITIES, TaskPaneSession } from '../session';
import { severityColours } from '../theme';

// Focus outlines for keyboard users only (Fluent marks the page while the keyboard is in use).
const focusRing = { ['.' + IsFocusVisibleClassName + ' &:focus']: { outline: '1px solid #605e5c', outlineOffset: -1 } };

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
  groupCounts: { flex: 'none', display: 'flex', marginLeft: 6, paddingTop: 2 },
  count: { fontSize: 11, lineHeight: '16px', padding: '0 5px', marginLeft: 3, borderRadius: 8, fontWeight: 600 },
  rows: { paddingLeft: 12, paddingBottom: 6 },
  row: {
    padding: '6px 6px 7px',
    margin: '0 0 4px',
    borderLeft: '3px solid transparent',
    borderRadius: 2,
    cursor: 'pointer',
    background: '#ffffff',
    selectors: { ':hover': { background: '#f3f2f1' }, ':focus': { outline: 'none' }, ...focusRing },
  },
  rowHead: { display: 'flex', alignItems: 'center', marginBottom: 2 },
  badge: { fontSize: 11, lineHeight: '16px', padding: '0 5px', borderRadius: 2, fontWeight: 600, flex: 'none' },
  cell: { marginLeft: 6, fontSize: 12, color: '#323130', fontFamily: 'Consolas, "Courier New", monospace', wordBreak: 'break-all' },
  message: { fontSize: 13, lineHeight: '19px', color: '#201f1e', wordBreak: 'break-word', overflowWrap: 'break-word' },
  suggestion: { display: 'flex', alignItems: 'flex-start', marginTop: 4 },
  suggestionBody: { flex: '1 1 auto', minWidth: 0, fontSize: 12, lineHeight: '18px', color: '#323130', wordBreak: 'break-all', paddingTop: 3 },
  suggestionText: { fontWeight: 600, color: '#0c5e31' },
  manual: { display: 'block', color: '#605e5c' },
  apply: { flex: 'none', height: 24, minWidth: 0, padding: '0 8px', marginLeft: 8, fontSize: 12 },
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
});

function SeverityBadge(props: { severity: Severity }): JSX.Element {
  const c = severityColours[props.severity];
  return (
    <span className={css.badge} style={{ background: c.background, color: c.color }}>
      {severityLabel[props.severity]}
    </span>
  );
}

interface RowProps {
  finding: Finding;
  session: TaskPaneSession;
  busy: boolean;
}

function FindingItem(props: RowProps): JSX.Element {
  const { finding: f, session, busy } = props;
  const ref = f.sheet + '!' + f.cell;
  const select = () => void session.select(f.key);
  return (
    <div
      className={css.row}
      style={{ borderLeftColor: severityColours[f.severity].border }}
      role="button"
      tabIndex={0}
      title={T.selectTitle(ref)}
      data-testid="finding"
      data-sheet={f.sheet}
      data-address={f.cell}
      data-cell={ref}
      data-rule={f.rule}
      data-severity={f.severity}
      data-suggestion={f.suggestion !== null ? f.suggestion : undefined}
      onClick={select}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select();
        }
      }}
    >
      <div className={css.rowHead}>
        <SeverityBadge severity={f.severity} />
        <span className={css.cell}>{f.cell}</span>
      </div>
      <div className={css.message}>{f.message}</div>
      {f.suggestion !== null ? (
        <div className={css.suggestion}>
          <div className={css.suggestionBody}>
            {T.suggestion}
            <span className={css.suggestionText}>{f.suggestion}</span>
            {f.target ? null : <span className={css.manual}>{T.suggestionManual}</span>}
          </div>
          {f.target ? (
            <DefaultButton
              className={css.apply}
              data-testid="apply-suggestion"
              text={T.applyButton}
              title={T.applyTitle(f.sheet + '!' + f.target, f.suggestion)}
              disabled={busy}
              onClick={(e) => {
                e.stopPropagation();
                void session.applySuggestion(f.key);
              }}
              onKeyDown={(e) => e.stopPropagation()}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

interface RuleRowProps {
  row: Extract<FindingRow, { kind: 'rule' }>;
  expanded: boolean;
  onToggle(): void;
  session: TaskPaneSession;
  busy: boolean;
}

function RuleItem(props: RuleRowProps): JSX.Element {
  const { row, expanded } = props;
  return (
    <div className={css.ruleRow} data-testid="finding-rule" data-rule={row.rule} data-count={row.findings.length}>
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
          {row.findings.map((f) => (
            <FindingItem key={f.key} finding={f} session={props.session} busy={props.busy} />
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
        <span
          key={s}
          className={css.count}
          style={{ background: severityColours[s].background, color: severityColours[s].color }}
          title={severityLabel[s]}
        >
          {props.group.counts[s]}
        </span>
      ))}
    </span>
  );
}

export interface FindingListProps {
  groups: FindingGroup[];
  session: TaskPaneSession;
  busy: boolean;
}

export function FindingList(props: FindingListProps): JSX.Element {
  const { groups, session, busy } = props;
  const [closed, setClosed] = React.useState<Record<string, boolean>>({});
  const [open, setOpen] = React.useState<Record<string, boolean>>({});
  const toggleGroup = (key: string) => setClosed((c) => ({ ...c, [key]: !c[key] }));
  const toggleRule = (key: string) => setOpen((o) => ({ ...o, [key]: !o[key] }));

  return (
    <div className={css.list} data-testid="finding-list">
      {groups.map((g) => {
        const expanded = !closed[g.key];
        return (
          <div key={g.key} className={css.group} data-testid="finding-group" data-table={g.table} data-title={g.title}>
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
                {g.rows.map((r) =>
                  r.kind === 'finding' ? (
                    <FindingItem key={r.key} finding={r.finding} session={session} busy={busy} />
                  ) : (
                    <RuleItem
                      key={r.key}
                      row={r}
                      expanded={!!open[r.key]}
                      onToggle={() => toggleRule(r.key)}
                      session={session}
                      busy={busy}
                    />
                  ),
                )}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
