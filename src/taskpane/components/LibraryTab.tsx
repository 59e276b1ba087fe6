// 指标库: the table to add to, its project types with scores, a type-ahead search over the whole library, the
// suggestions (or hits) grouped by 二级 with checkboxes, and 插入 (rows go under their 二级 in the user's table).
// The use cases live in library-session.ts; this file only renders them. Designed for 320 px, IE11-safe CSS (flex).
import * as React from 'react';
import { Checkbox, Dropdown, IDropdownOption, Link, PrimaryButton, SearchBox, Spinner, SpinnerSize, TextField, mergeStyleSets } from '@fluentui/react';
import { libraryPaneText as L, noGoodFitText } from '../../core/i18n/library';
import { LibraryItem, LibrarySession, validAmount } from '../library-session';
import { useStoreState } from '../useSession';
import type { TabProps } from './tabs';

const css = mergeStyleSets({
  root: { paddingTop: 8 },
  intro: { fontSize: 12, lineHeight: '17px', color: '#605e5c', margin: '0 0 8px' },
  tableRow: { display: 'flex', alignItems: 'flex-end', marginBottom: 6 },
  tablePick: { flex: '1 1 auto', minWidth: 0 },
  selectionLink: { fontSize: 12, margin: '0 0 8px' },
  note: { fontSize: 12, lineHeight: '17px', color: '#605e5c', margin: '4px 0 8px', padding: '6px 8px', background: '#f3f2f1', borderRadius: 2 },
  warn: { fontSize: 12, lineHeight: '17px', color: '#7a4500', margin: '4px 0 8px', padding: '6px 8px', background: '#fff4ce', borderRadius: 2 },
  label: { display: 'block', fontSize: 12, fontWeight: 600, color: '#323130', margin: '8px 0 4px' },
  types: { display: 'flex', flexWrap: 'wrap', margin: '0 0 4px' },
  chip: {
    display: 'inline-flex',
    alignItems: 'center',
    height: 24,
    padding: '0 8px',
    margin: '0 4px 4px 0',
    border: '1px solid #c8c6c4',
    borderRadius: 12,
    background: '#ffffff',
    fontSize: 12,
    color: '#201f1e',
    cursor: 'pointer',
    fontFamily: 'inherit',
    selectors: { ':hover': { background: '#f3f2f1' } },
  },
  chipOn: { background: '#107c41', borderColor: '#107c41', color: '#ffffff', selectors: { ':hover': { background: '#0e703a' } } },
  chipScore: { marginLeft: 5, padding: '0 5px', borderRadius: 8, background: '#c9e8d7', color: '#0c5e31', fontWeight: 600, fontSize: 11, lineHeight: '16px' },
  search: { margin: '8px 0 8px' },
  actions: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', margin: '4px 0 6px' },
  insert: { minWidth: 72, marginRight: 8 },
  count: { fontSize: 12, color: '#605e5c', marginRight: 8 },
  heading: { display: 'block', fontSize: 13, fontWeight: 600, color: '#201f1e', margin: '10px 0 2px' },
  empty: { fontSize: 12, color: '#605e5c', padding: '6px 2px' },
  group: { borderTop: '1px solid #edebe9', paddingTop: 4, marginTop: 4 },
  groupTitle: { display: 'block', fontSize: 12, color: '#0c5e31', fontWeight: 600, margin: '2px 0 2px' },
  item: { display: 'flex', alignItems: 'flex-start', padding: '5px 2px 6px', borderRadius: 2, selectors: { ':hover': { background: '#faf9f8' } } },
  itemChecked: { background: '#f1f9f5', selectors: { ':hover': { background: '#e6f4ec' } } },
  check: { flex: 'none', paddingTop: 1 },
  itemBody: { flex: '1 1 auto', minWidth: 0, marginLeft: 4, cursor: 'pointer' },
  l3: { display: 'block', fontSize: 13, fontWeight: 600, lineHeight: '18px', color: '#201f1e', wordBreak: 'break-all' },
  meta: { display: 'block', fontSize: 12, lineHeight: '17px', color: '#323130', wordBreak: 'break-all' },
  value: { fontWeight: 600, color: '#0c5e31' },
  sep: { color: '#a19f9d', margin: '0 4px' },
  explain: { display: 'block', fontSize: 11, lineHeight: '15px', color: '#605e5c', maxHeight: 30, overflow: 'hidden', marginTop: 1 },
  amount: { marginTop: 4, maxWidth: 200 },
  pending: { display: 'inline-block', marginLeft: 6, padding: '0 4px', fontSize: 11, lineHeight: '16px', borderRadius: 2, background: '#fff4ce', color: '#7a4500', fontWeight: 400 },
  result: { margin: '8px 0', padding: '6px 8px', border: '1px solid #c9e8d7', background: '#f1f9f5', borderRadius: 2 },
  resultTitle: { display: 'block', fontSize: 12, fontWeight: 600, color: '#0c5e31', marginBottom: 2 },
  resultRow: { display: 'block', fontSize: 12, lineHeight: '18px', color: '#201f1e', wordBreak: 'break-all', cursor: 'pointer', textAlign: 'left', background: 'transparent', border: 'none', padding: 0, fontFamily: 'inherit' },
  cell: { fontFamily: 'Consolas, "Courier New", monospace', marginRight: 4 },
  footnote: { fontSize: 11, lineHeight: '16px', color: '#605e5c', margin: '10px 0 0' },
});

interface ItemRowProps {
  item: LibraryItem;
  checked: boolean;
  disabled: boolean;
  onToggle(on: boolean): void;
  amount: string;
  onAmount(text: string): void;
}

function ItemRow(props: ItemRowProps): JSX.Element {
  const { item: it, checked, disabled } = props;
  const toggle = () => !disabled && props.onToggle(!checked);
  return (
    <div
      className={css.item + (checked ? ' ' + css.itemChecked : '')}
      data-testid="library-item"
      data-id={it.id}
      data-l3={it.l3}
      data-l2={it.l2}
      data-checked={checked ? 'true' : 'false'}
      title={it.desc}
    >
      <Checkbox className={css.check} checked={checked} disabled={disabled} ariaLabel={it.l3} onChange={(_e, v) => props.onToggle(!!v)} />
      <div className={css.itemBody} onClick={toggle}>
        <span className={css.l3}>
          {it.l3}
          {it.pending ? (
            <span className={css.pending} title={L.pendingTitle}>
              {L.pending}
            </span>
          ) : null}
        </span>
        <span className={css.meta}>
          <span className={css.value}>{it.value}</span>
          {it.unit ? (
            <>
              <span className={css.sep}>·</span>
              {L.unit + ' ' + it.unit}
            </>
          ) : null}
          <span className={css.sep}>·</span>
          {L.basis + ' ' + it.basis}
        </span>
        <span className={css.explain}>{it.desc}</span>
        {checked && it.pending ? (
          // Asked here, so the placeholder is never written: blank inserts the value blank (the check then flags it).
          <TextField
            className={css.amount}
            data-testid="library-amount"
            label={L.amountLabel}
            placeholder={L.amountPlaceholder}
            value={props.amount}
            disabled={disabled}
            errorMessage={validAmount(props.amount) ? undefined : L.amountInvalid}
            onClick={(e) => e.stopPropagation()}
            onChange={(_e, v) => props.onAmount(v || '')}
          />
        ) : null}
      </div>
    </div>
  );
}

export function LibraryTab(props: TabProps): JSX.Element {
  const { session, state: pane, active } = props;
  const lib = React.useMemo(() => new LibrarySession(session), [session]);
  React.useEffect(() => () => lib.dispose(), [lib]);
  React.useEffect(() => {
    if (active) void lib.activate();
  }, [active, lib]);
  const st = useStoreState(lib);
  const busy = pane.busy !== null;
  const table = st.current >= 0 ? st.tables[st.current] : undefined;
  const checked: Record<string, boolean> = {};
  for (const id of st.checked) checked[id] = true;
  const options: IDropdownOption[] = st.tables.map((t, i) => ({ key: i, text: L.tableOption(t.title, t.location) }));
  const canInsert = !!table && !table.problem && st.checked.length > 0 && !busy && lib.amountsValid();
  const typeName = st.typeFilter ? (st.types.find((t) => t.id === st.typeFilter) || { name: st.typeFilter }).name : '';

  return (
    <div className={css.root} data-testid="library-tab">
      <div className={css.intro}>{L.intro}</div>
      <Dropdown
        className={css.tablePick}
        label={L.tableLabel}
        placeholder={st.loading ? L.loading : L.tablePlaceholder}
        options={options}
        selectedKey={st.current >= 0 ? st.current : null}
        disabled={busy || !st.tables.length}
        data-testid="library-table"
        onChange={(_e, o) => o && lib.setTable(o.key as number)}
      />
      <div className={css.selectionLink}>
        <Link data-testid="library-use-selection" title={L.useSelectionTitle} disabled={busy} onClick={() => void lib.useSelection()}>
          {L.useSelection}
        </Link>
      </div>
      {st.loading ? <Spinner size={SpinnerSize.small} label={L.loading} labelPosition="right" /> : null}
      {!st.loading && !st.tables.length ? <div className={css.note}>{L.noTables}</div> : null}
      {table && table.problem ? (
        <div className={css.warn} data-testid="library-unsupported">
          {L.unsupported[table.problem]}
        </div>
      ) : null}
      {table && table.flat && !table.problem ? <div className={css.note}>{L.flatNote}</div> : null}

      {table && table.problem !== 'department' ? (
        <>
          <span className={css.label}>{L.typesLabel}</span>
          {st.types.length ? (
            <div className={css.types}>
              {st.types.map((t) => (
                <button
                  type="button"
                  key={t.id}
                  className={css.chip + (st.typeFilter === t.id ? ' ' + css.chipOn : '')}
                  data-testid="library-type"
                  data-type={t.id}
                  data-score={t.score}
                  aria-pressed={st.typeFilter === t.id}
                  title={L.typeTitle(t.name, t.score, st.typeFilter === t.id)}
                  onClick={() => lib.setTypeFilter(t.id)}
                >
                  {t.name}
                  <span className={css.chipScore} aria-label={L.typeScoreLabel(t.score)}>
                    {L.typeScore(t.score)}
                  </span>
                </button>
              ))}
            </div>
          ) : (
            <div className={css.empty}>{st.fit && !st.fit.good ? noGoodFitText(st.fit) : L.noTypes}</div>
          )}
          {st.fit && !st.fit.good && st.types.length ? (
            <div className={css.note} data-testid="library-no-fit">
              {noGoodFitText(st.fit)}
            </div>
          ) : null}
          <SearchBox
            className={css.search}
            placeholder={L.searchPlaceholder}
            ariaLabel={L.searchLabel}
            value={st.query}
            data-testid="library-search"
            onChange={(_e, v) => lib.setQuery(v || '')}
            onSearch={() => lib.flushSearch()}
            onClear={() => lib.setQuery('')}
          />
          <div className={css.actions}>
            <PrimaryButton
              className={css.insert}
              data-testid="library-insert"
              text={L.insertButton}
              title={table ? L.insertTitle(st.checked.length, table.title) : undefined}
              disabled={!canInsert}
              onClick={() => void lib.insert()}
            />
            <span className={css.count} data-testid="library-selected">
              {L.selected(st.checked.length)}
            </span>
            {st.checked.length ? (
              <Link disabled={busy} onClick={() => lib.clearChecked()}>
                {L.clearSelection}
              </Link>
            ) : null}
          </div>
          {st.result ? (
            <div className={css.result} data-testid="library-result">
              <span className={css.resultTitle}>{L.resultHeading(st.result.table)}</span>
              {st.result.rows.map((r) => (
                <button
                  type="button"
                  key={r.cell}
                  className={css.resultRow}
                  data-testid="library-result-row"
                  data-cell={r.cell}
                  data-l3={r.l3}
                  onClick={() => void session.host.select(r.sheet, r.cell).catch(() => undefined)}
                >
                  <span className={css.cell}>{r.cell}</span>
                  {L.resultRow(r.l2, r.l3)}
                  {r.pending ? <span className={css.pending}>{L.pending}</span> : null}
                </button>
              ))}
            </div>
          ) : null}
          <span className={css.heading} data-testid="library-heading">
            {st.typeFilter ? L.typeHeading(typeName, st.listed, st.query.trim()) : st.searching ? L.searchHeading(st.listed) : L.suggestionsHeading}
          </span>
          {st.groups.length ? (
            st.groups.map((g) => (
              <div key={g.key} className={css.group} data-testid="library-group" data-l2={g.l2}>
                <span className={css.groupTitle}>{g.l1 + ' › ' + g.l2}</span>
                {g.items.map((it) => (
                  <ItemRow
                    key={it.id}
                    item={it}
                    checked={!!checked[it.id]}
                    disabled={busy || !!table.problem}
                    onToggle={(on) => lib.toggle(it.id, on)}
                    amount={st.amounts[it.id] || ''}
                    onAmount={(v) => lib.setAmount(it.id, v)}
                  />
                ))}
              </div>
            ))
          ) : (
            <div className={css.empty}>{st.searching ? L.noHits : L.noSuggestions}</div>
          )}
          <div className={css.footnote}>{L.marksNote}</div>
          <div className={css.footnote} data-testid="library-template-note">
            {L.templateNote}
          </div>
        </>
      ) : null}
    </div>
  );
}
