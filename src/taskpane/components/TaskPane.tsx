// The task pane: tabs (检查, 指标库, 模板, 审核) over a scrolling body, and the host footer. Designed for 320 px.
import * as React from 'react';
import { FocusRects, Pivot, PivotItem, ThemeProvider, mergeStyleSets } from '@fluentui/react';
import { taskpaneText as T } from '../../core/i18n/taskpane';
import { TaskPaneSession } from '../session';
import { useStoreState } from '../useSession';
import { paneTheme } from '../theme';
import { Footer } from './Footer';
import { StatusArea } from './StatusArea';
import { TABS, TabDef } from './tabs';

const css = mergeStyleSets({
  root: {
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    minWidth: 280,
    background: '#ffffff',
    color: '#201f1e',
  },
  tabs: { flex: 'none', padding: '4px 4px 0', borderBottom: '1px solid #edebe9' },
  body: { flex: '1 1 auto', minHeight: 0, overflowY: 'auto', overflowX: 'hidden', padding: '0 12px 12px' },
});

export interface TaskPaneProps {
  session: TaskPaneSession;
}

export function TaskPane(props: TaskPaneProps): JSX.Element {
  const { session } = props;
  const state = useStoreState(session);
  const [tab, setTab] = React.useState<TabDef['key']>('check');
  return (
    <ThemeProvider theme={paneTheme} className={css.root} data-testid="pane">
      <FocusRects />
      <div className={css.tabs}>
        <Pivot
          selectedKey={tab}
          headersOnly
          overflowBehavior="menu"
          overflowAriaLabel={T.tabsMore}
          onLinkClick={(item) => item && item.props.itemKey && setTab(item.props.itemKey as TabDef['key'])}
          styles={{ link: { marginRight: 4, padding: '0 8px' }, linkIsSelected: { marginRight: 4, padding: '0 8px' } }}
        >
          {TABS.map((t) => (
            <PivotItem key={t.key} itemKey={t.key} headerText={t.label} headerButtonProps={{ 'data-testid': 'tab-' + t.key }} />
          ))}
        </Pivot>
      </div>
      <StatusArea session={session} state={state} />
      <div className={css.body} role="tabpanel">
        {TABS.map((t) => (
          // Every tab stays mounted (hidden when not chosen) so its inputs keep their values.
          <div key={t.key} style={t.key === tab ? undefined : { display: 'none' }}>
            <t.Component session={session} state={state} active={t.key === tab} />
          </div>
        ))}
      </div>
      <Footer features={session.features()} />
    </ThemeProvider>
  );
}
