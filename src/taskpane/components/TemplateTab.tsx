// 模板: the template, the source (当前表 / 整个工作簿 / 新项目), consent to join split rows, the new-project form with
// library picks, a preview of the first rows and 写入新工作表. The use cases live in template-session.ts; this file
// only renders them (320 px, ES5).
import * as React from 'react';
import { Checkbox, DefaultButton, Dropdown, IDropdownOption, Link, PrimaryButton, SearchBox, TextField, mergeStyleSets } from '@fluentui/react';
import { templatePaneText as P } from '../../core/i18n/template';
import { Layout, findTemplate } from '../../core/template';
import { FormFields, FormPick, TemplateSession, TemplateSource, TemplateState, templateOptions } from '../template-session';
import { useStoreState } from '../useSession';
import type { TabProps } from './tabs';

const css = mergeStyleSets({
  root: { paddingTop: 8 },
  intro: { fontSize: 12, lineHeight: '17px', color: '#605e5c', margin: '0 0 8px' },
  field: { marginBottom: 6 },
  row: { display: 'flex' },
  wide: { flex: '2 1 0 !important' },
  cell: { flex: '1 1 0', minWidth: 0, paddingRight: 6, selectors: { ':last-child': { paddingRight: 0 } } },
  label: { display: 'block', fontSize: 12, fontWeight: 600, color: '#323130', margin: '8px 0 4px' },
  meta: { fontSize: 12, color: '#605e5c', margin: '2px 0 6px' },
  previewBox: { overflowX: 'auto', border: '1px solid #edebe9', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: 11, fontFamily: '宋体, SimSun, "Noto Serif CJK SC", serif' },
  td: { border: '1px solid #c8c6c4', padding: '1px 3px', maxWidth: 120, minWidth: 24, verticalAlign: 'top', whiteSpace: 'normal', wordBreak: 'break-all' },
  note: { fontSize: 12, lineHeight: '17px', color: '#605e5c', margin: '6px 0', padding: '6px 8px', background: '#f3f2f1', borderRadius: 2 },
  warn: { fontSize: 12, lineHeight: '17px', color: '#8a3707', margin: '6px 0', padding: '6px 8px', background: '#fff4ce', borderRadius: 2 },
  ok: { fontSize: 12, color: '#0c5e31', margin: '6px 0' },
  error: { fontSize: 12, color: '#a4262c', margin: '6px 0' },
  result: { margin: '8px 0', padding: '6px 8px', border: '1px solid #c9e8d7', background: '#f1f9f5', borderRadius: 2, fontSize: 12, color: '#0c5e31', wordBreak: 'break-all' },
  actions: { margin: '10px 0 6px' },
  pick: { borderBottom: '1px solid #edebe9', padding: '4px 0' },
  pickPath: { fontSize: 11, color: '#605e5c', marginLeft: 26 },
  pickValue: { marginLeft: 26, marginTop: 2 },
  hit: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 12, padding: '3px 0', borderBottom: '1px solid #f3f2f1' },
});

function Pick(props: { pick: FormPick; tpl: TemplateSession }): JSX.Element {
  const { pick, tpl } = props;
  return (
    <div className={css.pick} data-testid="template-pick" data-id={pick.id} data-checked={pick.checked ? '1' : '0'}>
      <Checkbox label={pick.l3} checked={pick.checked} onChange={(_e, v) => tpl.togglePick(pick.id, !!v)} />
      <div className={css.pickPath}>
        {pick.l1} / {pick.l2}
      </div>
      {pick.checked ? (
        <TextField
          className={css.pickValue}
          ariaLabel={P.form.valueLabel(pick.l3)}
          value={pick.value}
          onChange={(_e, v) => tpl.setPickValue(pick.id, v || '')}
          data-testid="template-pick-value"
        />
      ) : null}
    </div>
  );
}

function ProjectFormView(props: { tpl: TemplateSession; st: TemplateState }): JSX.Element {
  const { tpl, st } = props;
  const F = P.form;
  const f = st.form;
  const field = (
    key: keyof FormFields,
    label: string,
    extra: { multiline?: boolean; required?: boolean; inRow?: boolean; wide?: boolean; description?: string } = {},
  ) => (
    <TextField
      className={[css.field, extra.inRow ? css.cell : '', extra.wide ? css.wide : ''].join(' ')}
      label={label}
      required={extra.required}
      description={extra.description}
      multiline={extra.multiline}
      autoAdjustHeight={extra.multiline}
      rows={extra.multiline ? 2 : undefined}
      value={f[key] as string}
      onChange={(_e, v) => tpl.setField(key, v || '')}
      data-testid={'template-form-' + key}
    />
  );
  const tpl0 = findTemplate(st.template);
  const months = tpl0 ? tpl0.planMonths : [];
  const total = tpl.budgetTotal();
  const units: IDropdownOption[] = [
    { key: '万元', text: '万元' },
    { key: '元', text: '元' },
  ];
  return (
    <div data-testid="template-form">
      <div className={css.meta}>{F.requiredNote}</div>
      {field('name', F.name, { required: true })}
      <div className={css.row}>
        {field('code', F.code, { inRow: true, required: true, description: F.codeNote })}
        <Dropdown className={css.field + ' ' + css.cell} label={F.unit} options={units} selectedKey={f.unit} onChange={(_e, o) => o && tpl.setField('unit', o.key as FormFields['unit'])} />
      </div>
      <div className={css.row}>
        {field('org', F.org, { inRow: true, wide: true })}
        {field('year', F.year, { inRow: true })}
      </div>
      <div className={css.row}>
        {field('fiscal', F.fiscal, { inRow: true, required: true, description: F.budgetNote })}
        {field('other', F.other, { inRow: true })}
      </div>
      {total !== null ? <div className={css.meta}>{F.total(String(total) + f.unit)}</div> : null}
      {field('purpose', F.purpose, { multiline: true, required: true })}
      {months.length ? (
        <>
          <span className={css.label}>{F.plan}</span>
          <div className={css.row}>
            {months.map((m, i) => (
              <TextField
                key={m}
                className={css.cell}
                label={m}
                placeholder={F.planPlaceholder}
                value={f.plan[i] || ''}
                onChange={(_e, v) => tpl.setPlan(i, v || '')}
                data-testid={'template-plan-' + i}
              />
            ))}
          </div>
        </>
      ) : null}
      {st.formCheck && st.formCheck.planMessages.length ? (
        <div className={css.warn} data-testid="template-plan-issues">
          {st.formCheck.planMessages.map((m, i) => (
            <div key={i}>{m}</div>
          ))}
        </div>
      ) : null}
      {field('goals', F.goals, { multiline: true, required: true })}

      <span className={css.label}>{F.indicators}</span>
      <DefaultButton text={F.suggest} onClick={() => tpl.suggestPicks()} data-testid="template-suggest" />
      {st.types.length ? <div className={css.meta}>{F.types(st.types.map((t) => t.name))}</div> : null}
      {st.picks.length ? (
        <div data-testid="template-picks">
          {st.picks.map((p) => (
            <Pick key={p.id} pick={p} tpl={tpl} />
          ))}
        </div>
      ) : (
        <div className={css.note}>{F.noPicks}</div>
      )}
      <span className={css.label}>{F.search}</span>
      <SearchBox
        placeholder={F.searchPlaceholder}
        ariaLabel={F.search}
        value={st.query}
        onChange={(_e, v) => tpl.search(v || '')}
        data-testid="template-search"
      />
      {st.query.trim() && !st.hits.length ? <div className={css.meta}>{F.noHits}</div> : null}
      {st.hits.map((h) => (
        <div key={h.id} className={css.hit} data-testid="template-hit" data-id={h.id}>
          <span title={h.l1 + ' / ' + h.l2}>{h.l3}</span>
          <Link onClick={() => tpl.addHit(h.id)}>{F.add}</Link>
        </div>
      ))}

      {st.formIssues.length ? (
        <div className={css.warn} data-testid="template-form-issues">
          {F.issues}
          {st.formIssues.map((m, i) => (
            <div key={i}>· {m}</div>
          ))}
        </div>
      ) : null}
      {st.formCheck ? (
        <div data-testid="template-form-check">
          <div className={css.meta}>{F.checkLine(st.formCheck.errors, st.formCheck.warnings, st.formCheck.infos)}</div>
          {st.formCheck.errors ? (
            <div className={css.warn}>
              {F.errorsBlock}
              {st.formCheck.messages.map((m, i) => (
                <div key={i}>· {m}</div>
              ))}
            </div>
          ) : !st.formIssues.length ? (
            <div className={css.ok}>{F.ready}</div>
          ) : null}
          {st.formCheck.warningMessages.length ? (
            <div className={css.note} data-testid="template-form-warnings">
              {F.warningsBlock}
              {st.formCheck.warningMessages.map((m, i) => (
                <div key={i}>· {m}</div>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export function TemplateTab(props: TabProps): JSX.Element {
  const { session, state: pane, active } = props;
  const tpl = React.useMemo(() => new TemplateSession(session), [session]);
  const st = useStoreState(tpl);
  React.useEffect(() => {
    if (active) void tpl.activate();
  }, [active, tpl]);
  const busy = pane.busy !== null;
  const isNew = st.source === 'new';
  const templates: IDropdownOption[] = templateOptions().map((t) => ({ key: t.id, text: t.name, disabled: isNew && t.kind !== 'project' }));
  const sources: IDropdownOption[] = [
    { key: 'table', text: P.sourceTable },
    { key: 'workbook', text: P.sourceWorkbook },
    { key: 'new', text: P.sourceNew },
  ];
  const layouts: IDropdownOption[] = [
    { key: 'per-sheet', text: P.perSheet },
    { key: 'stacked', text: P.stacked },
  ];
  const tables: IDropdownOption[] = st.tables.map((t, i) => ({ key: i, text: t.title }));
  const canWrite = !busy && !st.loading && st.preview.length > 0 && (!isNew || tpl.canWriteForm());

  return (
    <div className={css.root} data-testid="template-tab">
      <div className={css.intro}>{P.intro}</div>
      <Dropdown
        className={css.field}
        label={P.templateLabel}
        options={templates}
        selectedKey={st.template}
        onChange={(_e, o) => o && tpl.setTemplate(String(o.key))}
        data-testid="template-select"
        // The names are long ("河北项目支出绩效目标表（2015/2020 版指标体系）"): wrap, never cut.
        styles={{ title: { height: 'auto', minHeight: 32, lineHeight: '18px', padding: '6px 28px 6px 8px', whiteSpace: 'normal' }, dropdownOptionText: { whiteSpace: 'normal' } }}
      />
      <Dropdown className={css.field} label={P.sourceLabel} options={sources} selectedKey={st.source} onChange={(_e, o) => o && tpl.setSource(o.key as TemplateSource)} data-testid="template-source" />
      {st.source === 'table' ? (
        <Dropdown
          className={css.field}
          label={P.tableLabel}
          placeholder={st.loading ? P.loading : P.noTables}
          options={tables}
          selectedKey={st.current >= 0 ? st.current : null}
          disabled={!tables.length}
          onChange={(_e, o) => o && tpl.setTable(Number(o.key))}
          data-testid="template-table"
        />
      ) : null}
      {st.source === 'workbook' ? (
        <Dropdown className={css.field} label={P.layoutLabel} options={layouts} selectedKey={st.layout} onChange={(_e, o) => o && tpl.setLayout(o.key as Layout)} data-testid="template-layout" />
      ) : null}
      {!isNew ? (
        <>
          <Checkbox label={P.join} checked={st.join} onChange={(_e, v) => tpl.setJoin(!!v)} data-testid="template-join" />
          <div className={css.meta}>
            <Link disabled={busy || st.loading} onClick={() => void tpl.reload()} data-testid="template-reload">
              {P.reload}
            </Link>
          </div>
          {!st.loading && !st.tables.length ? <div className={css.note}>{P.noTables}</div> : null}
        </>
      ) : (
        <ProjectFormView tpl={tpl} st={st} />
      )}
      {st.moves.length ? (
        <div className={css.note} data-testid="template-moves">
          {P.moved}
          {st.moves.map((m, i) => (
            <div key={i}>{m}</div>
          ))}
        </div>
      ) : null}
      <span className={css.label}>{P.preview}</span>
      <div className={css.previewBox} data-testid="template-preview">
        <table className={css.table}>
          <tbody>
            {st.preview.map((row, r) => (
              <tr key={r}>
                {row.map((c, k) => (
                  <td key={k} className={css.td} title={c}>
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {st.sheetCount > 1 ? <div className={css.meta}>{P.sheetCount(st.sheetCount)}</div> : null}
      <div className={css.actions}>
        <PrimaryButton text={P.write} disabled={!canWrite} onClick={() => void tpl.write()} data-testid="template-write" />
      </div>
      {st.error ? <div className={css.error}>{st.error}</div> : null}
      {st.written ? (
        <div className={css.result} data-testid="template-result">
          {P.written(st.written)}
          {st.skipped.length ? <div>{P.skipped(st.skipped.map((k) => P.skippedPart[k] || k))}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
