// Progress and the message of the last operation, between the tabs and the scrolling body: visible wherever the
// user scrolled to (applying a suggestion far down the list reports at the top).
import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, ProgressIndicator, Spinner, SpinnerSize, mergeStyleSets } from '@fluentui/react';
import { taskpaneText as T } from '../../core/i18n/taskpane';
import { Notice, SessionState, TaskPaneSession } from '../session';

const css = mergeStyleSets({
  root: { flex: 'none', padding: '0 12px' },
  busy: { display: 'flex', alignItems: 'flex-end', padding: '6px 0 4px' },
  bar: { flex: '1 1 auto', minWidth: 0 },
  cancel: { flex: 'none', marginLeft: 8, height: 26, minWidth: 0, padding: '0 10px', fontSize: 12 },
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
          <div className={css.bar}>
            {state.busy === 'check' ? (
              <ProgressIndicator label={state.progress.label} percentComplete={state.progress.fraction} />
            ) : (
              <Spinner size={SpinnerSize.small} label={state.progress.label} labelPosition="right" />
            )}
          </div>
          {state.cancellable ? (
            <DefaultButton className={css.cancel} data-testid="cancel-check" text={T.cancelButton} onClick={() => session.cancel()} />
          ) : null}
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
