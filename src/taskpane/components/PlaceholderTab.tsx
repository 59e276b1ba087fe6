// A tab that comes in a later version: says what it will do; no buttons that do nothing.
import * as React from 'react';
import { Text, mergeStyleSets } from '@fluentui/react';
import { taskpaneText as T } from '../../core/i18n/taskpane';
import type { TabProps } from './tabs';

const css = mergeStyleSets({
  root: { padding: '16px 2px', color: '#323130' },
  title: { display: 'block', fontWeight: 600, marginBottom: 8 },
  body: { display: 'block', lineHeight: '1.7', marginBottom: 8 },
  later: { display: 'inline-block', color: '#605e5c', background: '#f3f2f1', borderRadius: 2, padding: '2px 8px' },
});

export type PlaceholderKey = keyof typeof T.placeholders & ('library' | 'template' | 'review');

/** A placeholder panel for one of the later tabs. */
export function placeholderTab(key: PlaceholderKey): React.ComponentType<TabProps> {
  const text = T.placeholders[key] as { title: string; body: string; now?: string };
  function Placeholder(): JSX.Element {
    return (
      <div className={css.root} data-testid={'placeholder-' + key}>
        <Text variant="mediumPlus" className={css.title}>
          {text.title}
        </Text>
        <Text className={css.body}>{text.body}</Text>
        {text.now ? <Text className={css.body}>{text.now}</Text> : null}
        <Text variant="small" className={css.later}>
          {T.placeholders.later}
        </Text>
      </div>
    );
  }
  Placeholder.displayName = 'Placeholder(' + key + ')';
  return Placeholder;
}
