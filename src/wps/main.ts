// The entry script of the WPS add-in (index.html, which WPS opens hidden at start): the ribbon's callbacks as global
// functions, as the ribbon.xml names them (wpsjs layout: main.js + ribbon.xml + manifest.xml + index.html). All
// synchronous: async ribbon callbacks hid the custom ribbon on some WPS 12.1 builds (wps-addin.md §1.3).
// The one button shows or hides the task pane (ui/taskpane.html, the same pane as in Excel); the pane's id is kept in
// PluginStorage under a key of our own, as that storage is shared by all pages (and hosts) of the add-in.
import { wpsShellText as T } from '../core/i18n/wps';

interface EtTaskPane {
  readonly ID: string;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

interface EtShellApp {
  PluginStorage: { getItem(key: string): unknown; setItem(key: string, value: unknown): void };
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  CreateTaskpane?(url: string, title?: string): EtTaskPane;
  GetTaskPane(id: string): EtTaskPane | null;
  ribbonUI?: unknown;
}

const PANE_KEY = 'ptcheck.et.taskpane';
/** msoCTPDockPositionRight (the template's hand-made enum: Application.Enum differs between builds). */
const DOCK_RIGHT = 2;
const PANE_WIDTH = 380;

const w = window as unknown as Record<string, unknown> & { Application?: EtShellApp };

/** The folder of this page: the add-in's root (online: the server URL; offline: jsaddons/ptcheck_<version>/). */
export function addinBase(href: string): string {
  const url = href.split('#')[0].split('?')[0];
  return url.substring(0, url.lastIndexOf('/') + 1);
}

function application(): EtShellApp {
  if (!w.Application) throw new Error(T.noApplication);
  return w.Application;
}

function findPane(app: EtShellApp): EtTaskPane | null {
  const id = app.PluginStorage.getItem(PANE_KEY);
  if (!id) return null;
  try {
    return app.GetTaskPane(String(id));
  } catch {
    // The pane was closed with its window (or WPS restarted it): make a new one.
    return null;
  }
}

export function togglePane(): void {
  const app = application();
  const pane = findPane(app);
  if (pane) {
    pane.Visible = !pane.Visible;
    return;
  }
  const url = addinBase(document.location.href) + 'ui/taskpane.html';
  // WPS documents CreateTaskpane, its templates call CreateTaskPane; builds differ.
  const created = app.CreateTaskPane ? app.CreateTaskPane(url, T.paneTitle) : app.CreateTaskpane!(url, T.paneTitle);
  try {
    created.DockPosition = DOCK_RIGHT;
    created.Width = PANE_WIDTH;
  } catch {
    // Not settable on every build: WPS then docks it where it likes.
  }
  app.PluginStorage.setItem(PANE_KEY, created.ID);
  created.Visible = true;
}

function OnAddinLoad(ribbonUI: unknown): boolean {
  try {
    const app = application();
    if (typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
  } catch {
    // No Application yet: the buttons still work once it is there.
  }
  return true;
}

function OnAction(control: { Id: string }): boolean {
  try {
    if (control.Id === 'ptcheckShowPane') togglePane();
  } catch (e) {
    alert(T.paneFailed(e instanceof Error ? e.message : String(e)));
  }
  return true;
}

function GetImage(): string {
  return 'images/icon-32.png';
}

w.OnAddinLoad = OnAddinLoad;
w.OnAction = OnAction;
w.GetImage = GetImage;
