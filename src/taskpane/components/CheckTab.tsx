// 检查: 检查 / 清除标记 (options folded away after the first check), the summary with what to fix first, the severity
// filter, 下一个错误 / 全部收起 / a search, and the findings list. Laid out so that at 320 × 768 the list starts in
// the upper third of the pane.
import * as React from 'react';
import {
  ChoiceGroup,
  DefaultButton,
  Dropdown,
  IChoiceGroupOption,
  IDropdownOption,
  IconButton,
  PrimaryButton,
  SearchBox,
  mergeStyleSets,
} from '@fluentui/react';
import { severityLabel, taskpaneText as T } from '../../core/i18n/taskpane';
import { PROFILE_CHOICES, ProfileChoice, Scope, SEVERITIES } from '../session';
import { severityColours } from '../theme';
import { FindingList, FindingListHandle } from './FindingList';
import type { TabProps } from './tabs';

const css = mergeStyleSets({
  root: { paddingTop: 8 },
  field: { marginBottom: 8 },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', margin: '0 0 4px' },
  primary: { marginRight: 8, minWidth: 80 },
  secondary: { marginRight: 4 },
  options: { margin: '0 0 6px', padding: '4px 8px 2px', border: '1px solid #edebe9', borderRadius: 2 },
  notice: {
    display: 'flex',
    alignItems: 'flex-start',
    fontSize: 12,
    lineHeight: '17px',
    color: '#323130',
    margin: '0 0 6px',
    padding: '4px 4px 4px 8px',
    background: '#f3f2f1',
    borderRadius: 2,
  },
  noticeText: { flex: '1 1 auto' },
  summary: { margin: '2px 0 2px' },
  summaryMain: { display: 'block', fontSize: 14, fontWeight: 600, color: '#201f1e', lineHeight: '20px' },
  summaryMeta: { display: 'block', fontSize: 12, color: '#605e5c', lineHeight: '17px' },
  fixRow: { display: 'flex', alignItems: 'center', margin: '2px 0' },
  fixFirst: { flex: '1 1 auto', minWidth: 0, fontSize: 12, color: '#9C0006', lineHeight: '17px', fontWeight: 600 },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', margin: '4px 0 2px' },
  filter: {
    minWidth: 0,
    height: 26,
    padding: '0 6px',
    marginRight: 4,
    marginBottom: 2,
    fontSize: 12,
    borderRadius: 13,
  },
  // An off chip: struck through and greyed, but its text keeps a 4.5:1 contrast (no opacity).
  filterOff: { textDecoration: 'line-through', color: '#605e5c', background: '#ffffff', borderStyle: 'dashed' },
  dot: { display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginRight: 5, verticalAlign: 'middle' },
  tools: { display: 'flex', alignItems: 'center', margin: '2px 0 4px' },
  search: { flex: '1 1 auto', minWidth: 0, marginRight: 4 },
  next: { flex: 'none', minWidth: 0, padding: '0 8px', height: 26, marginLeft: 6, fontSize: 12 },
  empty: { fontSize: 13, color: '#605e5c', padding: '8px 2px' },
});

export function CheckTab(props: TabProps): JSX.Element {
  const { session, state } = props;
  const [scope, setScope] = React.useState<Scope>('sheet');
  const [profile, setProfile] = React.useState<ProfileChoice>('auto');
  const summary = state.summary;
  const [optionsOpen, setOptionsOpen] = React.useState(true);
  const [noticeOpen, setNoticeOpen] = React.useState(true);
  const [allCollapsed, setAllCollapsed] = React.useState(false);
  const [noMoreErrors, setNoMoreErrors] = React.useState(false);
  const [searchOpen, setSearchOpen] = React.useState(false);
  const list = React.useRef<FindingListHandle>(null);
  const busy = state.busy !== null;
  const checked = React.useRef(false);

  // After the first check the options fold away and the notice goes behind its ⓘ button: the list gets the room.
  React.useEffect(() => {
    if (summary && !checked.current) {
      checked.current = true;
      setOptionsOpen(false);
      setNoticeOpen(false);
    }
  }, [summary]);

  const scopeOptions: IChoiceGroupOption[] = [
    { key: 'sheet', text: T.scope.sheet, 'data-testid': 'scope-sheet' } as IChoiceGroupOption,
    { key: 'workbook', text: T.scope.workbook, 'data-testid': 'scope-workbook' } as IChoiceGroupOption,
  ];
  const profileOptions: IDropdownOption[] = PROFILE_CHOICES.map((p) => ({ key: p, text: T.profile[p] }));
  const optionsLine = T.options.summary(T.scope[scope], T.profile[profile]);

  return (
    <div className={css.root} data-testid="check-tab" data-busy={state.busy || ''}>
      <div className={css.buttons}>
        <PrimaryButton
          className={css.primary}
          data-testid="check-button"
          text={T.checkButton}
          // Focusable while disabled, so the keyboard focus stays on 检查 while and after it runs.
          allowDisabledFocus
          disabled={busy}
          onClick={() => {
            setNoMoreErrors(false);
            void session.check(scope, profile);
          }}
        />
        <DefaultButton
          className={css.secondary}
          data-testid="clear-button"
          text={T.clearButton}
          allowDisabledFocus
          disabled={busy || !state.hasMarks}
          onClick={() => void session.clearMarks()}
        />
        <IconButton
          data-testid="options-toggle"
          iconProps={{ iconName: 'Settings' }}
          ariaLabel={optionsOpen ? T.options.hide : T.options.show}
          title={(optionsOpen ? T.options.hide : T.options.show) + '：' + optionsLine}
          aria-expanded={optionsOpen}
          checked={optionsOpen}
          onClick={() => setOptionsOpen(!optionsOpen)}
        />
        <IconButton
          data-testid="notice-toggle"
          iconProps={{ iconName: 'Info' }}
          ariaLabel={T.noticeShort}
          title={T.notice}
          aria-expanded={noticeOpen}
          onClick={() => setNoticeOpen(!noticeOpen)}
        />
      </div>
      {optionsOpen ? (
        <div className={css.options} data-testid="check-options">
          <ChoiceGroup
            className={css.field}
            label={T.scope.label}
            selectedKey={scope}
            options={scopeOptions}
            disabled={busy}
            onChange={(_e, o) => o && setScope(o.key as Scope)}
            styles={{ flexContainer: { display: 'flex', flexWrap: 'wrap', selectors: { '.ms-ChoiceField': { marginRight: 16 } } } }}
          />
          <Dropdown
            className={css.field}
            label={T.profile.label}
            selectedKey={profile}
            options={profileOptions}
            disabled={busy}
            data-testid="profile"
            onChange={(_e, o) => o && setProfile(o.key as ProfileChoice)}
          />
        </div>
      ) : null}
      {noticeOpen ? (
        <div className={css.notice} data-testid="write-notice">
          <span className={css.noticeText}>{T.notice}</span>
          <IconButton
            data-testid="notice-dismiss"
            iconProps={{ iconName: 'Cancel' }}
            ariaLabel={T.noticeDismiss}
            title={T.noticeDismiss}
            styles={{ root: { height: 24, width: 24 }, icon: { fontSize: 10 } }}
            onClick={() => setNoticeOpen(false)}
          />
        </div>
      ) : null}

      {summary ? (
        <div className={css.summary}>
          <span className={css.summaryMain} data-testid="summary">
            {T.summary(summary.tables, summary.counts.error, summary.counts.warning, summary.counts.info)}
          </span>
          {state.fixFirst ? (
            <div className={css.fixRow}>
              <span className={css.fixFirst} data-testid="fix-first">
                {state.fixFirst}
              </span>
              {summary.counts.error ? (
                <DefaultButton
                  className={css.next}
                  data-testid="next-error"
                  text={T.nextError}
                  title={T.nextErrorTitle}
                  onClick={() => setNoMoreErrors(!(list.current && list.current.nextError()))}
                />
              ) : null}
            </div>
          ) : null}
          <span
            className={css.summaryMeta}
            data-testid="summary-meta"
            title={summary.marks ? T.markedCells(summary.marks.cells, summary.marks.findingsSheet) : undefined}
          >
            {summary.scope === 'sheet' && summary.sheets.length === 1 ? T.checkedSheet(summary.sheets[0]) : T.checkedWorkbook(summary.sheets.length)}
            {summary.marks ? T.listedIn(summary.marks.findingsSheet) : ''}
          </span>
          {state.status ? (
            <span className={css.summaryMeta} data-testid="status">
              {state.status}
            </span>
          ) : null}
        </div>
      ) : null}

      {summary && summary.counts.total > 0 ? (
        <>
          <div className={css.filters} role="group" aria-label={T.filterLabel}>
            {SEVERITIES.map((s) => (
              <DefaultButton
                key={s}
                className={css.filter + (state.filter[s] ? '' : ' ' + css.filterOff)}
                data-testid={'severity-filter-' + s}
                toggle
                checked={state.filter[s]}
                title={T.filterTitle(severityLabel[s], state.filter[s])}
                onClick={() => session.setFilter(s, !state.filter[s])}
                styles={{
                  rootChecked: { background: severityColours[s].background, borderColor: severityColours[s].border },
                  rootCheckedHovered: { background: severityColours[s].background },
                }}
              >
                <span className={css.dot} style={{ background: state.filter[s] ? severityColours[s].color : '#a19f9d' }} />
                {severityLabel[s] + ' ' + summary.counts[s]}
              </DefaultButton>
            ))}
            <IconButton
              data-testid="search-toggle"
              iconProps={{ iconName: 'Search' }}
              ariaLabel={T.searchLabel}
              title={T.searchLabel}
              aria-expanded={searchOpen || !!state.query}
              checked={searchOpen || !!state.query}
              onClick={() => {
                if (searchOpen) session.setQuery('');
                setSearchOpen(!searchOpen);
              }}
            />
            <IconButton
              data-testid="collapse-all"
              iconProps={{ iconName: allCollapsed ? 'ExploreContent' : 'CollapseContent' }}
              ariaLabel={allCollapsed ? T.expandAll : T.collapseAll}
              title={allCollapsed ? T.expandAll : T.collapseAll}
              onClick={() => list.current && list.current.setAllCollapsed(!allCollapsed)}
            />
          </div>
          {searchOpen || state.query ? (
            <div className={css.tools}>
              <SearchBox
                className={css.search}
                data-testid="finding-search"
                placeholder={T.searchPlaceholder}
                ariaLabel={T.searchLabel}
                autoFocus={searchOpen}
                value={state.query}
                onChange={(_e, v) => session.setQuery(v || '')}
                onClear={() => session.setQuery('')}
              />
            </div>
          ) : null}
          {noMoreErrors ? <div className={css.empty}>{T.noMoreErrors}</div> : null}
          {state.query && state.shown < summary.counts.total ? (
            <div className={css.summaryMeta} data-testid="search-count">
              {state.shown ? T.searchCount(state.shown, summary.counts.total) : T.searchNone(state.query)}
            </div>
          ) : null}
        </>
      ) : null}

      {summary ? (
        summary.counts.total === 0 ? (
          summary.tables > 0 ? <div className={css.empty}>{T.noFindings}</div> : null
        ) : state.shown === 0 ? (
          state.query ? null : <div className={css.empty}>{T.allFiltered}</div>
        ) : (
          <FindingList ref={list} groups={state.groups} session={session} busy={busy} selected={state.selected} onCollapsedChange={setAllCollapsed} />
        )
      ) : null}
    </div>
  );
}
