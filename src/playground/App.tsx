// The playground page: a workbook (bundled sample or the user's .xlsx) shown as a sheet view, with the real task
// pane beside it running the real Excel adapter over the in-memory fake of office-js.
import * as React from 'react';
import { playgroundText as T } from '../core/i18n/playground';
import { SheetView } from './SheetView';
import { SAMPLES } from './samples';
import { exportXlsx, loadXlsx, LoadedBook, PlaygroundFileError } from './xlsx';
import { ApiLevel, API_LEVELS, Bridge, openBridge } from './bridge';

export interface AppProps {
  /** Renders the task pane into the element over the host; returns an unmount function. */
  mountPane(element: HTMLElement, bridge: Bridge): () => void;
  initialSample?: string;
  initialApi?: ApiLevel;
}

interface Doc {
  name: string;
  loaded: LoadedBook;
  bridge: Bridge;
}

export function App(props: AppProps): JSX.Element {
  const [doc, setDoc] = React.useState<Doc | null>(null);
  const [api, setApi] = React.useState<ApiLevel>(props.initialApi || '1.18');
  const [sample, setSample] = React.useState<string>(props.initialSample || SAMPLES[0].id);
  const [status, setStatus] = React.useState<{ text: string; error?: boolean }>({ text: T.loading });
  const [version, setVersion] = React.useState(0);
  const [dragging, setDragging] = React.useState(false);
  const pane = React.useRef<HTMLDivElement>(null);

  const open = React.useCallback(
    async (name: string, data: ArrayBuffer) => {
      setStatus({ text: T.loading });
      try {
        const loaded = await loadXlsx(data);
        const bridge = openBridge(loaded.sheets, api);
        setDoc({ name, loaded, bridge });
        setStatus({ text: T.loaded(name, loaded.sheets.length) });
      } catch (e) {
        setStatus({ text: e instanceof PlaygroundFileError ? e.message : T.corrupt(String(e)), error: true });
      }
    },
    [api],
  );

  // Load the chosen sample.
  React.useEffect(() => {
    const s = SAMPLES.find((x) => x.id === sample) || SAMPLES[0];
    let cancelled = false;
    fetch(s.url)
      .then((r) => r.arrayBuffer())
      .then((buf) => {
        if (!cancelled) return open(s.file, buf);
      })
      .catch((e) => setStatus({ text: T.corrupt(String(e)), error: true }));
    return () => {
      cancelled = true;
    };
    // Reloading on an API-level change is done by `switchApi`, which keeps the workbook.
  }, [sample]);

  // Re-render the sheet view when the fake workbook changes (throttled to one frame).
  React.useEffect(() => {
    if (!doc) return;
    let pending = false;
    return doc.bridge.subscribe(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        setVersion((v) => v + 1);
      });
    });
  }, [doc]);

  // The task pane, remounted for each workbook or API level (as Excel does when a document is opened).
  React.useEffect(() => {
    if (!doc || !pane.current) return;
    return props.mountPane(pane.current, doc.bridge);
  }, [doc]);

  const switchApi = (level: ApiLevel) => {
    setApi(level);
    if (doc) setDoc({ ...doc, bridge: doc.bridge.reopen(level) });
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const buf = await file.arrayBuffer();
    await open(file.name, buf);
  };

  const download = async () => {
    if (!doc) return;
    const bytes = await exportXlsx(doc.loaded, doc.bridge.exportSheets());
    const blob = new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = T.downloadName(doc.name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => {
      URL.revokeObjectURL(a.href);
      a.remove();
    }, 0);
  };

  const sheets = doc ? doc.bridge.sheets() : [];
  const active = doc ? doc.bridge.activeSheet() : '';
  const current = sheets.find((s) => s.name === active) || sheets[0];
  const selection = doc ? doc.bridge.selection() : null;

  return (
    <div
      className={'pg-root' + (dragging ? ' pg-dragging' : '')}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void onFile(e.dataTransfer.files[0]);
      }}
    >
      <header className="pg-header">
        <div className="pg-title">
          <h1>{T.title}</h1>
          <span>{T.subtitle}</span>
        </div>
        <div className="pg-tools">
          <label>
            {T.sampleLabel}
            <select data-testid="sample-select" value={sample} onChange={(e) => setSample(e.target.value)}>
              {SAMPLES.map((s) => (
                <option key={s.id} value={s.id}>
                  {T.samples[s.id]}
                </option>
              ))}
            </select>
          </label>
          <label className="pg-open">
            {T.open}
            <input type="file" accept=".xlsx" data-testid="file-input" onChange={(e) => void onFile(e.target.files ? e.target.files[0] : undefined)} />
          </label>
          <label>
            {T.apiLevel}
            <select data-testid="api-select" value={api} onChange={(e) => switchApi(e.target.value as ApiLevel)}>
              {API_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {T.apiLevels[l]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" data-testid="download" disabled={!doc} onClick={() => void download()}>
            {T.download}
          </button>
        </div>
        <div className={'pg-status' + (status.error ? ' pg-error' : '')} data-testid="pg-status">
          {status.text} <span className="pg-hint">{T.dropHint}</span>
        </div>
      </header>
      <main className="pg-main">
        <section className="pg-book">
          <div className="pg-tabs" role="tablist">
            {sheets.map((s) => (
              <button
                key={s.name}
                type="button"
                role="tab"
                data-testid="sheet-tab"
                data-name={s.name}
                aria-selected={current && s.name === current.name}
                className={current && s.name === current.name ? 'pg-tab pg-tab-active' : 'pg-tab'}
                onClick={() => doc && doc.bridge.activate(s.name)}
              >
                {s.name}
              </button>
            ))}
          </div>
          {current ? (
            <SheetView
              sheet={current}
              version={version}
              selection={selection && selection.sheet === current.name ? selection.address : undefined}
              onEdit={(row, col, text) => doc && doc.bridge.edit(current.name, row, col, text)}
              onSelect={(address) => doc && doc.bridge.select(current.name, address)}
            />
          ) : null}
        </section>
        <aside className="pg-pane" ref={pane} data-testid="task-pane" />
      </main>
    </div>
  );
}
