// 模板: the template, the source (当前表 or every table of the active sheet), consent to join split rows, a preview of
// the first rows and 写入新工作表. The use cases live in template-session.ts; this file only renders them (320 px, ES5).
import * as React from 'react';
import { Checkbox, Dropdown, IDropdownOption, PrimaryButton, mergeStyleSets } from '@fluentui/react';
import { templatePaneText as P } from '../../core/i18n/template';
import { Layout } from '../../core/template';
import { TemplateSession, TemplateSource, templateOptions } from '../template-session';
import { useStoreState } from '../useSession';
import type { TabProps } from './tabs';

const css = mergeStyleSets({
  root: { paddingTop: 8 },
  intro: { fontSize: 12, lineHeight: '17px', color: '#605e5c', margin: '0 0 8px' },
  field: { marginBottom: 6 },
  label: { display: 'block', fontSize: 12, fontWeight: 600, color: '#323130', margin: '8px 0 4px' },
  previewBox: { overflowX: 'auto', border: '1px solid #edebe9', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: 11, fontFamily: '宋体, SimSun, "Noto Serif CJK SC", serif' },
  td: { border: '1px solid #c8c6c4', padding: '1px 3px', maxWidth: 90, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  note: { fontSize: 12, lineHeight: '17px', color: '#605e5c', margin: '6px 0', padding: '6px 8px', background: '#f3f2f1', borderRadius: 2 },
  error: { fontSize: 12, color: '#a4262c', margin: '6px 0' },
  result: { margin: '8px 0', padding: '6px 8px', border: '1px solid #c9e8d7', background: '#f1f9f5', borderRadius: 2, fontSize: 12, color: '#0c5e31', wordBreak: 'break-all' },
  actions: { margin: '10px 0 6px' },
});

export function TemplateTab(props: TabProps): JSX.Element {
  const { session, state: pane, active } = props;
  const tpl = React.useMemo(() => new TemplateSession(session), [session]);
  const st = useStoreState(tpl);
  React.useEffect(() => {
    if (active) void tpl.activate();
  }, [active, tpl]);
  const busy = pane.busy !== null;
  const templates: IDropdownOption[] = templateOptions().map((t) => ({ key: t.id, text: t.name }));
  const sources: IDropdownOption[] = [
    { key: 'table', text: P.sourceTable },
    { key: 'workbook', text: P.sourceWorkbook },
  ];
  const layouts: IDropdownOption[] = [
    { key: 'per-sheet', text: P.perSheet },
    { key: 'stacked', text: P.stacked },
  ];
  const tables: IDropdownOption[] = st.tables.map((t, i) => ({ key: i, text: t.title }));
  const canWrite = !busy && !st.loading && st.preview.length > 0;

  return (
    <div className={css.root} data-testid="template-tab">
      <div className={css.intro}>{P.intro}</div>
      <Dropdown className={css.field} label={P.templateLabel} options={templates} selectedKey={st.template} onChange={(_e, o) => o && tpl.setTemplate(String(o.key))} data-testid="template-select" />
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
      ) : (
        <Dropdown className={css.field} label={P.layoutLabel} options={layouts} selectedKey={st.layout} onChange={(_e, o) => o && tpl.setLayout(o.key as Layout)} data-testid="template-layout" />
      )}
      <Checkbox label={P.join} checked={st.join} onChange={(_e, v) => tpl.setJoin(!!v)} data-testid="template-join" />
      {!st.loading && !st.tables.length ? <div className={css.note}>{P.noTables}</div> : null}
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
      <div className={css.actions}>
        <PrimaryButton text={P.write} disabled={!canWrite} onClick={() => void tpl.write()} data-testid="template-write" />
      </div>
      {st.error ? <div className={css.error}>{st.error}</div> : null}
      {st.written ? (
        <div className={css.result} data-testid="template-result">
          {P.written(st.written)}
          {st.skipped ? <div>{P.skipped}</div> : null}
        </div>
      ) : null}
    </div>
  );
}
