// The pane's tabs. 指标库, 模板 and 审核
// are loaded on first use (LazyTab: their own webpack chunks, with the library and template data), so the 检查 tab's
// first load carries neither; tests import LibraryTab / TemplateTab directly when they need them at once.
import * as React from 'react';
import { taskpaneText as T } from '../../core/i18n/taskpane';
import { SessionState, TaskPaneSession } from '../session';
import { CheckTab } from './CheckTab';
import { lazyTab } from './LazyTab';

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

const LibraryTab = lazyTab('library', () => import(/* webpackChunkName: "pane-library" */ './LibraryTab').then((m) => m.LibraryTab));
const TemplateTab = lazyTab('template', () => import(/* webpackChunkName: "pane-template" */ './TemplateTab').then((m) => m.TemplateTab));
const ReviewTab = lazyTab('review', () => import(/* webpackChunkName: "pane-review" */ './ReviewTab').then((m) => m.ReviewTab));

export const TABS: TabDef[] = [
  { key: 'check', label: T.tabs.check, Component: CheckTab },
  { key: 'library', label: T.tabs.library, Component: LibraryTab },
  { key: 'template', label: T.tabs.template, Component: TemplateTab },
  { key: 'review', label: T.tabs.review, Component: ReviewTab },
];
