// npm start: the playground page. The sample and the simulated API level can be set in the address
// (?sample=perSheet&api=1.1), which the browser test uses.
import '../taskpane/polyfills';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { mountTaskPane } from '../taskpane/mount';
import { App } from './App';
import { API_LEVELS, ApiLevel } from './bridge';
import { SAMPLES } from './samples';

const params = new URLSearchParams(window.location.search);
const sample = params.get('sample') || undefined;
const api = params.get('api') as ApiLevel | null;

ReactDOM.render(
  <App
    initialSample={sample && SAMPLES.some((s) => s.id === sample) ? sample : undefined}
    initialApi={api && API_LEVELS.indexOf(api) >= 0 ? api : undefined}
    mountPane={(element, bridge) => mountTaskPane(element, bridge.host)}
  />,
  document.getElementById('root'),
);
