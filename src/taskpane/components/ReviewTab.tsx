// The 审核 tab (issue 9): the reviewer walks the findings of the whole workbook one by one (↑/↓ or K/J), confirms
// them as remarks or ignores them, adds remarks of their own, sets each project's verdict and writes 审核结论.
// All state and workbook calls live in ReviewSession; this file only renders it.
import * as React from 'react';
import { DefaultButton, Dropdown, IDropdownOption, IconButton, PrimaryButton, Text, TextField, mergeStyleSets } from '@fluentui/react';
import { reviewPaneText as R, severityLabel, verdictLabel } from '../../core/i18n/review';
import { VerdictSchema, Verdict } from '../../core/review';
import { NameStore, ReviewSession, changeText } from '../review-session';
import { useStoreState } from '../useSession';
import type { TabProps } from './tabs';

const NAME_KEY = 'ptcheck.reviewer';

/** The reviewer's name per user, in localStorage (absent or blocked storage: not remembered, never a crash). */
const localNames: NameStore = {
  get: () => {
    try {
      return window.localStorage.getItem(NAME_KEY);
    } catch {
      return null;
    }
  },
  set: (name) => {
    try {
      window.localStorage.setItem(NAME_KEY, name);
    } catch {
      // Storage blocked (private mode, old webview): the name lasts this session only.
    }
  },
};

const css = mergeStyleSets({
  root: { padding: '8px 2px', color: '#323130', outline: 'none' },
  block: { marginBottom: 12 },
  row: { display: 'flex', alignItems: 'center', marginBottom: 6 },
  grow: { flexGrow: 1, minWidth: 0 },
  gap: { marginRight: 6 },
  card: { border: '1px solid #edebe9', borderRadius: 2, padding: 8, marginBottom: 8, background: '#faf9f8' },
  where: { display: 'block', color: '#605e5c', fontSize: 12 },
  message: { display: 'block', margin: '4px 0 6px', lineHeight: '1.5', wordBreak: 'break-all' },
  small: { display: 'block', color: '#605e5c', fontSize: 12 },
  title: { display: 'block', fontWeight: 600, margin: '8px 0 4px' },
  item: { borderTop: '1px solid #edebe9', padding: '4px 0' },
  sev: { display: 'inline-block', fontSize: 12, padding: '0 4px', marginRight: 4, borderRadius: 2, color: '#fff' },
  error: { background: '#a4262c' },
  warning: { background: '#8a6100' },
  info: { background: '#005a9e' },
  badge: { display: 'inline-block', fontSize: 12, padding: '0 4px', marginLeft: 6, borderRadius: 2, color: '#005a9e', border: '1px solid #005a9e' },
  resolved: { color: '#107c10', fontWeight: 600 },
  open: { color: '#a4262c', fontWeight: 600 },
});

const verdictOptions: IDropdownOption[] = VerdictSchema.options.map((v) => ({ key: v, text: verdictLabel[v] }));

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  const tag = el && el.tagName ? el.tagName.toLowerCase() : '';
  return tag === 'input' || tag === 'textarea' || tag === 'select' || !!(el && el.isContentEditable);
}

export function ReviewTab(props: TabProps): JSX.Element {
  const { session, state: pane, active } = props;
  const review = React.useMemo(() => new ReviewSession(session, localNames), [session]);
  const st = useStoreState(review);
  const [remark, setRemark] = React.useState('');
  React.useEffect(() => {
    if (active) void review.load();
  }, [active, review]);

  const busy = pane.busy !== null;
  const f = review.current();
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (isTyping(e.target) || busy) return;
    const k = e.key;
    if (k === 'ArrowDown' || k === 'Down' || k === 'j' || k === 'J') {
      e.preventDefault();
      void review.move(1);
    } else if (k === 'ArrowUp' || k === 'Up' || k === 'k' || k === 'K') {
      e.preventDefault();
      void review.move(-1);
    }
  };

  return (
    <div className={css.root} tabIndex={0} onKeyDown={onKeyDown} data-testid="review-tab">
      <Text className={css.small}>{R.intro}</Text>
      <div className={css.block}>
        <TextField label={R.reviewerLabel} placeholder={R.reviewerPlaceholder} value={st.reviewer} onChange={(_, v) => review.setReviewer(v || '')} data-testid="review-name" />
      </div>
      <div className={css.row}>
        <PrimaryButton text={st.checked ? R.recheck : R.check} onClick={() => void review.check()} disabled={busy} data-testid="review-check" />
      </div>

      {st.changes ? (
        <div className={css.card} data-testid="review-changes">
          <Text className={css.title}>{R.changesHeading}</Text>
          <Text className={css.small}>{R.changesLast(st.changes.last.by, st.changes.last.date)}</Text>
          <Text className={css.message} data-testid="review-changes-total">
            {R.changeLine(st.changes.total.added, st.changes.total.resolved, st.changes.total.open, st.changes.total.ignored)}
          </Text>
          {st.changes.gone.length ? <Text className={css.small}>{R.goneProjects(st.changes.gone.length)}</Text> : null}
        </div>
      ) : st.checked && st.projects.length ? (
        <Text className={css.small}>{R.firstPass}</Text>
      ) : null}

      {!st.checked ? (
        <Text className={css.small}>{R.notChecked}</Text>
      ) : f ? (
        <div className={css.card} data-testid="review-current">
          <div className={css.row}>
            <Text className={css.grow}>{R.position(st.cursor + 1, st.findings.length)}</Text>
            <IconButton iconProps={{ iconName: 'ChevronUp' }} title={R.previous} ariaLabel={R.previous} onClick={() => void review.move(-1)} disabled={busy || st.cursor <= 0} />
            <IconButton iconProps={{ iconName: 'ChevronDown' }} title={R.next} ariaLabel={R.next} onClick={() => void review.move(1)} disabled={busy || st.cursor >= st.findings.length - 1} data-testid="review-next" />
          </div>
          <Text className={css.where}>
            <span className={css.sev + ' ' + css[f.severity]}>{severityLabel[f.severity]}</span>
            {f.sheet}!{f.cell.replace(/\$/g, '')}
            {st.newFindings.indexOf(f.key) >= 0 ? <span className={css.badge}>{R.newBadge}</span> : null}
          </Text>
          <Text className={css.message}>{f.message}</Text>
          <div className={css.row}>
            <PrimaryButton className={css.gap} text={st.confirmed.indexOf(f.key) >= 0 ? R.confirmed : R.confirm} title={R.confirmTitle} onClick={() => void review.confirm()} disabled={busy || st.confirmed.indexOf(f.key) >= 0} data-testid="review-confirm" />
            <DefaultButton text={R.ignore} title={R.ignoreTitle} onClick={() => void review.ignore()} disabled={busy} data-testid="review-ignore" />
          </div>
          <Text className={css.small}>{R.keys}</Text>
        </div>
      ) : (
        <Text className={css.small}>{R.noFindings}</Text>
      )}

      <div className={css.block}>
        <TextField label={R.remarkLabel} placeholder={R.remarkPlaceholder} multiline rows={2} value={remark} onChange={(_, v) => setRemark(v || '')} data-testid="review-remark" />
        <DefaultButton
          text={R.remarkAdd}
          disabled={busy || !remark.trim()}
          onClick={() => void review.remarkOnSelection(remark).then(() => setRemark(''))}
          data-testid="review-remark-add"
        />
      </div>

      {st.projects.length ? (
        <div className={css.block} data-testid="review-projects">
          <Text className={css.title}>{R.projectsTitle}</Text>
          {st.projects.map((p) => (
            <div key={p.table} className={css.item}>
              <Text className={css.message}>{p.title}</Text>
              <Text className={css.small}>{R.counts(p.counts.error, p.counts.warning, p.counts.info)}</Text>
              <div className={css.row}>
                <Dropdown
                  className={css.grow}
                  ariaLabel={p.title}
                  selectedKey={p.verdict}
                  options={verdictOptions}
                  onChange={(_, o) => {
                    if (o) void review.setVerdict(p.table, o.key as Verdict);
                  }}
                  disabled={busy}
                />
              </div>
              <Text className={css.small}>
                {R.verdictProposed(verdictLabel[p.proposed])}
                {p.chosen ? ' · ' + R.verdictChosen(p.chosen.by, p.chosen.date) : ''}
              </Text>
              {p.chosen && p.chosen.verdict !== p.proposed ? (
                <DefaultButton className={css.small} data-testid="review-verdict-reset" text={R.verdictReset} onClick={() => void review.resetVerdict(p.table)} disabled={busy} />
              ) : null}
              {p.change ? (
                <Text className={css.small} data-testid="review-project-change">
                  {changeText(p.change)}
                </Text>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}

      {st.remarks.length ? (
        <div className={css.block} data-testid="review-remarks">
          <Text className={css.title}>{R.remarksTitle(st.remarks.length)}</Text>
          {st.remarks.some((r) => r.status === 'pending') ? <Text className={css.small}>{R.remarkPendingHint}</Text> : null}
          {st.remarks.map((r) => (
            <div key={r.remark.id} className={css.item + ' ' + css.row}>
              <div className={css.grow}>
                <Text className={css.where} data-testid="review-remark-status" data-status={r.status}>
                  {r.remark.sheet}!{r.remark.cell} · <span className={r.status === 'resolved' ? css.resolved : r.status === 'open' ? css.open : undefined}>{R.remarkStatus[r.status]}</span>
                </Text>
                <Text className={css.message}>{r.remark.text}</Text>
              </div>
              <IconButton iconProps={{ iconName: 'Delete' }} title={R.remarkRemove} ariaLabel={R.remarkRemove} disabled={busy} onClick={() => void review.removeRemark(r.remark.id)} />
            </div>
          ))}
        </div>
      ) : null}

      {st.ignored.length ? (
        <div className={css.block} data-testid="review-ignored">
          <Text className={css.title}>{R.ignoredList(st.ignored.length)}</Text>
          {st.ignored.map((x) => (
            <div key={x.key} className={css.item}>
              <Text className={css.message}>
                {x.finding.sheet}!{x.finding.cell} {x.finding.message}
              </Text>
              <div className={css.row}>
                <Text className={css.grow + ' ' + css.small}>{R.ignoredBy(x.by, x.date)}</Text>
                <DefaultButton text={R.undoIgnore} disabled={busy} onClick={() => void review.unignore(x.key)} />
              </div>
            </div>
          ))}
        </div>
      ) : null}

      <div className={css.block}>
        <PrimaryButton text={R.writeSummary} disabled={busy || !st.checked} onClick={() => void review.writeSummary()} data-testid="review-summary" />
      </div>
      <div className={css.row}>
        <DefaultButton className={css.gap} text={R.clearKeep} disabled={busy || !pane.hasMarks} onClick={() => void review.clear(true)} data-testid="review-clear-keep" />
        <DefaultButton text={R.clearAll} disabled={busy || !pane.hasMarks} onClick={() => void review.clear(false)} />
      </div>
    </div>
  );
}
