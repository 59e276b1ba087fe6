// The few icons the pane and the Fluent components it uses need, as inline SVG. `initializeIcons()` would fetch
// an icon font from Microsoft's CDN; the add-in must work offline on a government intranet.
import { registerIcons } from '@fluentui/react';

const svg = (body: JSX.Element, viewBox = '0 0 16 16'): JSX.Element => (
  <svg viewBox={viewBox} width="1em" height="1em" aria-hidden="true" focusable="false" style={{ display: 'inline-block', verticalAlign: 'middle' }}>
    {body}
  </svg>
);

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

const chevronDown = svg(<path d="M3.5 6l4.5 4.5L12.5 6" {...stroke} />);
const chevronRight = svg(<path d="M6 3.5l4.5 4.5L6 12.5" {...stroke} />);
const chevronUp = svg(<path d="M3.5 10L8 5.5l4.5 4.5" {...stroke} />);
const cross = svg(<path d="M4 4l8 8M12 4l-8 8" {...stroke} />);
const check = svg(<path d="M3 8.5l3.2 3.2L13 4.8" {...stroke} />);
const circled = (inner: JSX.Element) =>
  svg(
    <g>
      <circle cx="8" cy="8" r="6.6" {...stroke} />
      {inner}
    </g>,
  );

export const ICONS: Record<string, JSX.Element> = {
  ChevronDown: chevronDown,
  ChevronDownMed: chevronDown,
  ChevronRight: chevronRight,
  ChevronRightMed: chevronRight,
  ChevronUp: chevronUp,
  DoubleChevronDown: chevronDown,
  DoubleChevronUp: chevronUp,
  Clear: cross,
  Cancel: cross,
  CheckMark: check,
  Info: circled(
    <g>
      <path d="M8 7.2v4" {...stroke} />
      <circle cx="8" cy="4.9" r="0.9" fill="currentColor" />
    </g>,
  ),
  ErrorBadge: circled(<path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" {...stroke} />),
  Blocked2: circled(<path d="M3.4 12.6l9.2-9.2" {...stroke} />),
  Completed: circled(<path d="M5 8.3l2 2 4-4.2" {...stroke} />),
  Warning: svg(
    <g>
      <path d="M8 1.8l6.6 12H1.4z" {...stroke} />
      <path d="M8 6.2v3.6" {...stroke} />
      <circle cx="8" cy="11.8" r="0.9" fill="currentColor" />
    </g>,
  ),
  Search: svg(
    <g>
      <circle cx="6.8" cy="6.8" r="4.3" {...stroke} />
      <path d="M10 10l3.6 3.6" {...stroke} />
    </g>,
  ),
  // Options: three sliders.
  Settings: svg(
    <g>
      <path d="M2.5 4h11M2.5 8h11M2.5 12h11" {...stroke} />
      <circle cx="5.5" cy="4" r="1.5" {...stroke} fill="#fff" />
      <circle cx="10.5" cy="8" r="1.5" {...stroke} fill="#fff" />
      <circle cx="7" cy="12" r="1.5" {...stroke} fill="#fff" />
    </g>,
  ),
  // Collapse all / expand all: arrows towards / away from a line.
  CollapseContent: svg(<path d="M4.5 2.5L8 6l3.5-3.5M4.5 13.5L8 10l3.5 3.5M2 8h12" {...stroke} />),
  ExploreContent: svg(<path d="M4.5 5.5L8 2l3.5 3.5M4.5 10.5L8 14l3.5-3.5M2 8h12" {...stroke} />),
  More: svg(
    <g fill="currentColor">
      <circle cx="3" cy="8" r="1.3" />
      <circle cx="8" cy="8" r="1.3" />
      <circle cx="13" cy="8" r="1.3" />
    </g>,
  ),
};

let registered = false;

/** Registers the icons once per page (Fluent warns when an icon is registered twice). */
export function registerPaneIcons(): void {
  if (registered) return;
  registered = true;
  registerIcons({ icons: ICONS });
}
