// Progress and the message of the last operation, between the tabs and the scrolling body: visible wherever the
// user scrolled to (applying a suggestion far down the list reports at the top).
import * as React from 'react';
import { MessageBar, MessageBarType, ProgressIndicator, Spinner, SpinnerSize, mergeStyleSets } from '@fluentui/react';
import { Notice, SessionState, TaskPaneSession } from '../session';

const css = mergeStyleSets({
  root: { flex: 'none', padding: '0 12px' },
  busy: { padding: '6px 0 4px' },
  message: { padding: '6px 0 2px', maxHeight: 160, overflowY: 'auto' },
});

const BAR_TYPE: Record<Notice['kind'], MessageBarType> = {
  error: MessageBarType.error,
  warning: MessageBarType.warning,
  success: MessageBarType.success,
  info: MessageBarType.info,
};

export function StatusArea(props: { session: TaskPaneSession; state: SessionState }): JSX.Element | null {
  const { session, state } = props;
  if (!state.progress && !state.notice) return null;
  return (
    <div className={css.root} aria-live="polite">
      {state.progress ? (
        <div className={css.busy} data-testid="progress">
          {state.busy === 'check' ? (
            <ProgressIndicator label={state.progress.label} percentComplete={state.progress.fraction} />
          ) : (
            <Spinner size={SpinnerSize.small} label={state.progress.label} labelPosition="right" />
          )}
        </div>
      ) : null}
      {state.notice ? (
        <div className={css.message} data-testid="message-bar" data-kind={state.notice.kind}>
          <MessageBar messageBarType={BAR_TYPE[state.notice.kind]} isMultiline onDismiss={() => session.dismissNotice()}>
            {state.notice.text}
          </MessageBar>
        </div>
      ) : null}
    </div>
  );
}
