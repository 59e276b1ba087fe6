// A tab whose code (component, session and the data they import) is a separate webpack chunk, fetched the first
// time the tab is shown: the 检查 tab's first load carries neither the indicator library nor the templates.
import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Spinner, SpinnerSize, mergeStyleSets } from '@fluentui/react';
import { taskpaneText as T } from '../../core/i18n/taskpane';
import type { TabProps } from './tabs';

const css = mergeStyleSets({
  root: { padding: '16px 2px' },
  retry: { marginTop: 8 },
});

type Loader = () => Promise<React.ComponentType<TabProps>>;

/** A tab that loads its component with `load` (a dynamic import()) when it first becomes active. */
export function lazyTab(key: string, load: Loader): React.ComponentType<TabProps> {
  // One load per page: every mount of the pane shares it; a failed load is forgotten so 重试 fetches again.
  let loaded: React.ComponentType<TabProps> | null = null;
  let pending: Promise<React.ComponentType<TabProps>> | null = null;
  function fetchTab(): Promise<React.ComponentType<TabProps>> {
    if (!pending) {
      pending = load().then(
        (c) => (loaded = c),
        (e) => {
          pending = null;
          throw e;
        },
      );
    }
    return pending;
  }

  function Lazy(props: TabProps): JSX.Element | null {
    const [Component, setComponent] = React.useState<React.ComponentType<TabProps> | null>(() => loaded);
    const [failed, setFailed] = React.useState(false);
    const [attempt, setAttempt] = React.useState(0);
    const wanted = props.active || attempt > 0;
    React.useEffect(() => {
      if (!wanted || Component) return undefined;
      let live = true;
      setFailed(false);
      fetchTab().then(
        (c) => live && setComponent(() => c),
        () => live && setFailed(true),
      );
      return () => {
        live = false;
      };
    }, [wanted, attempt, Component]);
    if (Component) return <Component {...props} />;
    if (!wanted) return null;
    return (
      <div className={css.root} data-testid={'lazy-' + key}>
        {failed ? (
          <>
            <MessageBar messageBarType={MessageBarType.error} isMultiline>
              {T.lazyTab.failed}
            </MessageBar>
            <DefaultButton className={css.retry} text={T.lazyTab.retry} onClick={() => setAttempt((n) => n + 1)} data-testid={'lazy-retry-' + key} />
          </>
        ) : (
          <Spinner size={SpinnerSize.medium} label={T.lazyTab.loading} ariaLive="polite" />
        )}
      </div>
    );
  }
  Lazy.displayName = 'LazyTab(' + key + ')';
  return Lazy;
}
