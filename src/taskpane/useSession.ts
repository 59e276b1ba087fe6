// Subscribes a component to the session's state.
import * as React from 'react';
import { SessionState, TaskPaneSession } from './session';

export function useSessionState(session: TaskPaneSession): SessionState {
  const [state, setState] = React.useState<SessionState>(() => session.getState());
  React.useEffect(() => {
    setState(session.getState());
    return session.subscribe(setState);
  }, [session]);
  return state;
}
