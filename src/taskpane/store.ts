// The state holder the pane's sessions share: the UI renders getState() and re-renders on every set().
export type Listener<S> = (state: S) => void;

export class Store<S> {
  protected state: S;
  private listeners: Listener<S>[] = [];
  /** Once closed (the pane unmounted) no listener is called again. */
  protected closed = false;

  constructor(initial: S) {
    this.state = initial;
  }

  getState(): S {
    return this.state;
  }

  /** Calls the listener on every state change; returns the unsubscribe function. */
  subscribe(listener: Listener<S>): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  protected set(patch: Partial<S>): void {
    if (this.closed) return;
    this.state = { ...this.state, ...patch };
    const s = this.state;
    for (const l of this.listeners.slice()) l(s);
  }

  protected close(): void {
    this.closed = true;
    this.listeners = [];
  }
}
