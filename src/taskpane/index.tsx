/// <reference types="office-js" />
// The task pane page, in Excel and in WPS 表格: picks the host by what the page was given — WPS injects
// window.Application (or window.wps) into add-in pages, Excel loads office.js — and mounts the pane over it.
import './polyfills';
import './fabric-config';
import { createExcelHost } from '../hosts/excel';
import { createWpsHost, wpsApplication } from '../hosts/wps';
import { taskpaneText as T } from '../core/i18n/taskpane';
import { errorMessage } from './session';
import { mountTaskPane } from './mount';

/** A plain message in place of the pane (no React yet: the page may not even have office.js). */
function showMessage(root: HTMLElement, text: string): void {
  root.innerHTML = '';
  const p = document.createElement('div');
  p.className = 'ptc-startup';
  p.setAttribute('role', 'alert');
  p.appendChild(document.createTextNode(text));
  root.appendChild(p);
}

function start(): void {
  document.title = T.pageTitle;
  const root = document.getElementById('root') as HTMLElement;
  const wps = wpsApplication(window);
  if (wps) {
    // WPS: the ET object model is there synchronously; no office.js.
    try {
      mountTaskPane(root, createWpsHost(wps));
    } catch (e) {
      showMessage(root, errorMessage('start', e));
    }
    return;
  }
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    // office.js did not load: the CDN is blocked (offline intranet) or the page was opened outside Office.
    showMessage(root, T.errors.officeMissing);
    return;
  }
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showMessage(root, T.errors.notExcel);
      return;
    }
    Promise.resolve()
      .then(() => createExcelHost())
      .then((host) => {
        root.innerHTML = '';
        mountTaskPane(root, host);
      })
      .catch((e) => showMessage(root, errorMessage('start', e)));
  });
}

start();
