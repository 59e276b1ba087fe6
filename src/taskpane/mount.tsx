// Renders the task pane over a SheetHost. The Excel entry (index.tsx), the WPS shell and the playground all call
// this; the pane talks to nothing but the host it is given.
import './fabric-config';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { loadTheme } from '@fluentui/react';
import { SheetHost } from '../hosts/host';
import { registerPaneIcons } from './icons';
import { paneTheme } from './theme';
import { SessionOptions, TaskPaneSession } from './session';
import { TaskPane } from './components/TaskPane';

export interface MountOptions extends SessionOptions {
  /** Receives the session (tests, the playground's console). */
  onSession?: (session: TaskPaneSession) => void;
}

let themed = false;

/** Mounts the task pane into `element` over `host`; returns a function that unmounts it and stops its listeners. */
export function mountTaskPane(element: HTMLElement, host: SheetHost, options: MountOptions = {}): () => void {
  registerPaneIcons();
  if (!themed) {
    themed = true;
    loadTheme(paneTheme);
  }
  const session = new TaskPaneSession(host, options);
  if (options.onSession) options.onSession(session);
  ReactDOM.render(<TaskPane session={session} />, element);
  void session.init();
  return () => {
    session.dispose();
    ReactDOM.unmountComponentAtNode(element);
  };
}

export { TaskPaneSession } from './session';
export type { SessionState, SessionOptions } from './session';
