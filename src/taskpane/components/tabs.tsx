// The pane's tabs. A later tab ships by replacing its placeholder line below with the real component (as 指标库 did:
// `import { LibraryTab } from './LibraryTab';`). The benchmark builds the pane once more with LibraryTab swapped
// for its placeholder, to measure what the library adds.
import * as React from 'react';
import { taskpaneText as T } from '../../core/i18n/taskpane';
import { SessionState, TaskPaneSession } from '../session';
import { CheckTab } from './CheckTab';
import { LibraryTab } from './LibraryTab';
import { TemplateTab } from './TemplateTab';
import { ReviewTab } from './ReviewTab';

export interface TabProps {
  session: TaskPaneSession;
  state: SessionState;
  /** The tab is the one shown (every tab stays mounted). */
  active?: boolean;
}

export interface TabDef {
  key: 'check' | 'library' | 'template' | 'review';
  label: string;
  Component: React.ComponentType<TabProps>;
}

export const TABS: TabDef[] = [
  { key: 'check', label: T.tabs.check, Component: CheckTab },
  { key: 'library', label: T.tabs.library, Component: LibraryTab },
  { key: 'template', label: T.tabs.template, Component: TemplateTab },
  { key: 'review', label: T.tabs.review, Component: ReviewTab },
];
