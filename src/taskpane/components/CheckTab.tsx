// 检查: scope and profile, 检查 / 清除标记, progress, the summary, the severity filter and the grouped findings.
import * as React from 'react';
import { ChoiceGroup, DefaultButton, Dropdown, IChoiceGroupOption, IDropdownOption, PrimaryButton, mergeStyleSets } from '@fluentui/react';
import { severityLabel, taskpaneText as T } from '../../core/i18n/taskpane';
import { PROFILE_CHOICES, ProfileChoice, Scope, SEVERITIES } from '../session';
import { severityColours } from '../theme';
import { FindingList } from './FindingList';
import type { TabProps } from './tabs';

const css = mergeStyleSets({
  root: { paddingTop: 8 },
  field: { marginBottom: 8 },
  buttons: { display: 'flex', flexWrap: 'wrap', margin: '12px 0 8px' },
  primary: { marginRight: 8, minWidth: 96 },
  summary: { margin: '8px 0 4px', padding: '8px 10px', background: '#f3f2f1', borderRadius: 2 },
  summaryMain: { display: 'block', fontSize: 14, fontWeight: 600, color: '#201f1e', lineHeight: '20px' },
  summaryMeta: { display: 'block', fontSize: 12, color: '#605e5c', lineHeight: '18px', marginTop: 2 },
  filters: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', margin: '8px 0 4px' },
  filterLabel: { fontSize: 12, color: '#605e5c', marginRight: 6 },
  filter: {
    minWidth: 0,
    height: 26,
    padding: '0 8px',
    marginRight: 4,
    marginBottom: 2,
    fontSize: 12,
    borderRadius: 13,
  },
  dot: { display: 'inline-block', width: 8, height: 8, borderRadius: 4, marginRight: 5, verticalAlign: 'middle' },
  empty: { fontSize: 13, color: '#605e5c', padding: '8px 2px' },
  notice: { fontSize: 12, lineHeight: '17px', color: '#605e5c', margin: '0 0 8px' },
});

export function CheckTab(props: TabProps): JSX.Element {
  const { session, state } = props;
  const [scope, setScope] = React.useState<Scope>('sheet');
  const [profile, setProfile] = React.useState<ProfileChoice>('auto');
  const busy = state.busy !== null;
  const summary = state.summary;

  const scopeOptions: IChoiceGroupOption[] = [
    { key: 'sheet', text: T.scope.sheet, 'data-testid': 'scope-sheet' } as IChoiceGroupOption,
    { key: 'workbook', text: T.scope.workbook, 'data-testid': 'scope-workbook' } as IChoiceGroupOption,
  ];
  const profileOptions: IDropdownOption[] = PROFILE_CHOICES.map((p) => ({ key: p, text: T.profile[p] }));
  const shownTotal = state.groups.reduce((n, g) => n + g.counts.total, 0);

  return (
    <div className={css.root} data-testid="check-tab" data-busy={state.busy || ''}>
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
      <div className={css.buttons}>
        <PrimaryButton
          className={css.primary}
          data-testid="check-button"
          text={T.checkButton}
          disabled={busy}
          onClick={() => void session.check(scope, profile)}
        />
        <DefaultButton
          data-testid="clear-button"
          text={T.clearButton}
          disabled={busy || !state.hasMarks}
          onClick={() => void session.clearMarks()}
        />
      </div>
      <div className={css.notice} data-testid="write-notice">
        {T.notice}
      </div>

      {summary ? (
        <div className={css.summary}>
          <span className={css.summaryMain} data-testid="summary">
            {T.summary(summary.tables, summary.counts.error, summary.counts.warning, summary.counts.info)}
          </span>
          <span className={css.summaryMeta}>
            {summary.scope === 'sheet' && summary.sheets.length === 1
              ? T.checkedSheet(summary.sheets[0])
              : T.checkedWorkbook(summary.sheets.length)}
            {summary.marks ? '；' + T.markedCells(summary.marks.cells, summary.marks.findingsSheet) : ''}
          </span>
          {state.status ? (
            <span className={css.summaryMeta} data-testid="status">
              {state.status}
            </span>
          ) : null}
        </div>
      ) : null}

      {summary && summary.counts.total > 0 ? (
        <div className={css.filters} role="group" aria-label={T.filterLabel}>
          <span className={css.filterLabel}>{T.filterLabel}</span>
          {SEVERITIES.map((s) => (
            <DefaultButton
              key={s}
              className={css.filter}
              data-testid={'severity-filter-' + s}
              toggle
              checked={state.filter[s]}
              aria-pressed={state.filter[s]}
              title={T.filterTitle(severityLabel[s], state.filter[s])}
              onClick={() => session.setFilter(s, !state.filter[s])}
              styles={{
                root: { opacity: state.filter[s] ? 1 : 0.6 },
                rootChecked: { background: severityColours[s].background, borderColor: severityColours[s].border },
                rootCheckedHovered: { background: severityColours[s].background },
              }}
            >
              <span className={css.dot} style={{ background: severityColours[s].color }} />
              {severityLabel[s] + ' ' + summary.counts[s]}
            </DefaultButton>
          ))}
        </div>
      ) : null}

      {summary ? (
        summary.counts.total === 0 ? (
          summary.tables > 0 ? <div className={css.empty}>{T.noFindings}</div> : null
        ) : shownTotal === 0 ? (
          <div className={css.empty}>{T.allFiltered}</div>
        ) : (
          <FindingList groups={state.groups} session={session} busy={busy} />
        )
      ) : null}
    </div>
  );
}
