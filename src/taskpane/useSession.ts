// Subscribes a component to a session's state.
import * as React from 'react';

export interface StateSource<S> {
  getState(): S;
  subscribe(listener: (s: S) => void): () => void;
}

export function useStoreState<S>(store: StateSource<S>): S {
  const [state, setState] = React.useState<S>(() => store.getState());
  React.useEffect(() => {
    setState(store.getState());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
