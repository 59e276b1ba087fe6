// The host, its API level and how findings are shown on cells (from the host's features).
import * as React from 'react';
import { mergeStyleSets } from '@fluentui/react';
import { taskpaneText as T } from '../../core/i18n/taskpane';
import { HostFeatures } from '../../hosts/host';

const css = mergeStyleSets({
  root: {
    flex: 'none',
    padding: '6px 12px',
    borderTop: '1px solid #edebe9',
    background: '#faf9f8',
    fontSize: 11,
    lineHeight: '16px',
    color: '#605e5c',
  },
});

export function footerText(f: HostFeatures): string {
  const shown =
    f.cellText === 'none' ? T.footer.shown.none : f.host === 'wps' ? T.footer.shown.wpsNote : T.footer.shown[f.cellText];
  // Excel: the client's abilities in words (the requirement-set number is in the tooltip); WPS: name and version.
  const host = f.host === 'excel' ? [T.footer.api(f.host, f.apiLevel)] : [T.footer.host[f.host] || f.host, T.footer.api(f.host, f.apiLevel)];
  return host.concat(shown).join(' · ');
}

export function Footer(props: { features: HostFeatures }): JSX.Element {
  return (
    <div className={css.root} data-testid="footer" title={T.footer.apiTitle(props.features.host, props.features.apiLevel)}>
      {footerText(props.features)}
    </div>
  );
}
