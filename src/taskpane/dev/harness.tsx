// Browser entry of the screenshot harness (screenshot.ts): the real pane over the in-memory host, with the grids
// the script put in `window.__PTC_GRIDS__`. Not part of any shipped bundle.
import '../polyfills';
import '../fabric-config';
import { mountTaskPane } from '../mount';
import { gridFromJson, GridJson, MemoryHost } from './memory-host';

const w = window as unknown as { __PTC_GRIDS__: GridJson[]; __PTC_FEATURES__?: object };
const host = new MemoryHost(w.__PTC_GRIDS__.map(gridFromJson), { delayMs: 40, features: w.__PTC_FEATURES__ });
mountTaskPane(document.getElementById('root') as HTMLElement, host);
