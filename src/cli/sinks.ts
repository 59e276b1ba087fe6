// The report writers of `check`, fed one file entry at a time in input order and closed with the run's summary.
// None keeps the entries: what grows with the folder goes to temporary files (or straight to stdout), so memory
// stays flat however many files are checked.
import * as fs from 'fs';
import * as path from 'path';
import { ReportFile, ReportSummary, ReportTool } from '../core/report';
import { verdictLabel, reviewText } from '../core/i18n/review';
import { cliText } from '../core/i18n/cli';
import { OutStream } from './deps';
import { Style, renderTextFile, renderTextSummary } from './text';
import * as html from './html';
import { TempWriter, publish, tempFile, removeQuietly } from './outputs';
import { candidateName } from './inputs';

export interface FileLinks {
  /** The annotated copy's final path, when one was written. */
  copy?: string;
}

export interface Sink {
  file(entry: ReportFile, n: number, links: FileLinks): void;
  /** Returns the paths of the reports written (for the messages on stderr). */
  end(summary: ReportSummary): Promise<string[]>;
  /** The run failed: remove what is half-written. */
  abort(): void;
}

export class TextSink implements Sink {
  constructor(
    private readonly out: OutStream,
    private readonly style: Style,
    private readonly beforeWrite: () => void,
  ) {}

  file(entry: ReportFile): void {
    // Printed as we go so a long folder run shows results early; stdout may share the terminal with the bar.
    this.beforeWrite();
    this.out.write(renderTextFile(entry, this.style));
  }

  async end(summary: ReportSummary): Promise<string[]> {
    this.out.write(renderTextSummary(summary, this.style));
    return [];
  }

  abort(): void {}
}

const indent = (s: string, n: number) => s.replace(/\n/g, '\n' + ' '.repeat(n));

// JSON.stringify escapes C0 controls but leaves DEL, C1 (U+009B is a terminal's CSI) and bidi overrides raw: escape
// them as \uXXXX too, so the report is safe to print to a terminal and parses to the same strings.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const jsonText = (v: unknown) => JSON.stringify(v, null, 2).replace(JSON_UNSAFE, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));

/**
 * The JSON report, byte for byte what JSON.stringify(report, null, 2) gives, written as it goes: to stdout and,
 * with --out, to report.json (published when complete, so a failed run never leaves half a report).
 */
export class JsonSink implements Sink {
  private count = 0;
  private readonly file_: TempWriter | undefined;

  constructor(
    private readonly out: OutStream,
    tool: ReportTool,
    private readonly outDir: string | undefined,
  ) {
    this.file_ = outDir !== undefined ? new TempWriter(outDir, '.json') : undefined;
    this.write(`{\n  "tool": ${indent(jsonText(tool), 2)},\n  "files": [`);
  }

  private write(s: string): void {
    this.out.write(s);
    if (this.file_) this.file_.write(s);
  }

  file(entry: ReportFile): void {
    this.write((this.count++ ? ',\n    ' : '\n    ') + indent(jsonText(entry), 4));
  }

  async end(summary: ReportSummary): Promise<string[]> {
    this.write(`${this.count ? '\n  ' : ''}],\n  "summary": ${indent(jsonText(summary), 2)}\n}\n`);
    return this.file_ ? [this.file_.publish(this.outDir!, 'report.json', false, true)] : [];
  }

  abort(): void {
    if (this.file_) this.file_.discard();
  }
}

/** No --out: one page on stdout, each file's section in turn, the totals at the end. */
export class HtmlPageSink implements Sink {
  constructor(
    private readonly out: OutStream,
    info: html.RunInfo,
  ) {
    out.write(html.pageHead(cliText.toolTitle) + `<h1>${html.escapeHtml(cliText.toolTitle)}</h1>\n` + html.runMeta(info));
  }

  file(entry: ReportFile, n: number): void {
    this.out.write(html.fileSection(entry, n));
  }

  async end(summary: ReportSummary): Promise<string[]> {
    this.out.write(`<h2>${html.escapeHtml(cliText.html.totalsHeading)}</h2>\n` + html.summaryCards(summary) + html.pageTail(false));
    return [];
  }

  abort(): void {}
}

/** Appends a finished temporary file to an open writer in chunks (the rows of the index). */
function appendFile(to: TempWriter, from: TempWriter): void {
  from.close();
  const fd = fs.openSync(from.path, 'r');
  const buf = Buffer.alloc(1 << 16);
  try {
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      to.write(buf.toString('utf8', 0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A folder of this run's own: `name`, else `name-2`…, created here (never one that was there before). */
function freshDir(parent: string, name: string): string {
  for (let n = 1; ; n++) {
    const p = path.join(parent, candidateName(name, n));
    try {
      fs.mkdirSync(p);
      return p;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
    }
  }
}

function freeName(dir: string, name: string): string {
  for (let n = 1; ; n++) if (!fs.existsSync(path.join(dir, candidateName(name, n)))) return candidateName(name, n);
}

const pad4 = (n: number) => String(n).padStart(4, '0');
// Page names keep the workbook's name readable but drop what a file system or a URL would trip on.
const pageStem = (file: string) =>
  path
    .basename(file)
    .replace(/\.xlsx$/i, '')
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*#%&]+/g, '_')
    .slice(0, 60);

/** --out with html: index.html (files and projects, sortable) + pages/NNNN-name.html for every file. */
export class HtmlSiteSink implements Sink {
  private readonly pagesDir: string;
  private readonly indexName: string;
  private readonly fileRows: TempWriter;
  private readonly projectRows: TempWriter;
  private pages = 0;

  constructor(
    private readonly outDir: string,
    private readonly info: html.RunInfo,
  ) {
    this.indexName = freeName(outDir, 'index.html');
    this.pagesDir = freshDir(outDir, 'pages');
    this.fileRows = new TempWriter(outDir);
    this.projectRows = new TempWriter(outDir);
  }

  file(entry: ReportFile, n: number, links: FileLinks): void {
    const copyFromPage = links.copy ? path.relative(this.pagesDir, links.copy) : undefined;
    const pageName = `${pad4(n)}-${pageStem(entry.file)}.html`;
    const w = new TempWriter(this.pagesDir, '.html');
    try {
      w.write(html.filePage(entry, this.info, { index: path.relative(this.pagesDir, path.join(this.outDir, this.indexName)), copy: copyFromPage }));
      const page = w.publish(this.pagesDir, pageName);
      this.pages++;
      const rel = path.relative(this.outDir, page);
      this.fileRows.write(html.fileRow(n, entry, rel, links.copy ? path.relative(this.outDir, links.copy) : undefined));
      this.projectRows.write(html.projectRows(entry, rel));
    } catch (e) {
      w.discard();
      throw e;
    }
  }

  async end(summary: ReportSummary): Promise<string[]> {
    const w = new TempWriter(this.outDir, '.html');
    try {
      w.write(html.pageHead(cliText.toolTitle) + `<h1>${html.escapeHtml(cliText.toolTitle)}</h1>\n` + html.runMeta(this.info));
      w.write(html.summaryCards(summary) + html.indexControls() + html.filesTableHead());
      appendFile(w, this.fileRows);
      w.write(html.tableEnd + html.projectsTableHead());
      appendFile(w, this.projectRows);
      w.write(html.tableEnd + html.pageTail(true));
      const index = w.publish(this.outDir, this.indexName, false, true);
      return [index];
    } catch (e) {
      w.discard();
      throw e;
    } finally {
      this.fileRows.discard();
      this.projectRows.discard();
    }
  }

  get pageCount(): number {
    return this.pages;
  }

  abort(): void {
    this.fileRows.discard();
    this.projectRows.discard();
  }
}

/** --format xlsx-summary: one workbook, a row per project of the folder (ExcelJS's streaming writer). */
export class XlsxSummarySink implements Sink {
  private readonly tmp: string;
  // ExcelJS is loaded only for this format.
  private readonly ready: Promise<{ wb: import('exceljs').stream.xlsx.WorkbookWriter; ws: import('exceljs').Worksheet }>;
  private rows = 0;
  private readonly pending: ReportFile[] = [];

  constructor(private readonly outDir: string, info: html.RunInfo) {
    this.tmp = tempFile(outDir, '.xlsx');
    const T = cliText.summary;
    this.ready = import('exceljs').then((mod) => {
      const ExcelJS = (mod as unknown as { default?: typeof import('exceljs') }).default || mod;
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.tmp, useStyles: true, useSharedStrings: false });
      wb.creator = 'ptcheck';
      const ws = wb.addWorksheet(T.sheetName, { views: [{ state: 'frozen', ySplit: 2 }], pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' } });
      ws.columns = T.columns.map(([, width]) => ({ width }));
      const title = ws.addRow([`${cliText.toolTitle}（${html.stamp(info.generatedAt)}）`]);
      title.font = { bold: true, size: 14 };
      title.commit();
      const head = ws.addRow(T.columns.map(([label]) => label));
      head.font = { bold: true };
      head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      head.eachCell((c) => {
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
        c.border = { bottom: { style: 'thin' } };
      });
      head.commit();
      return { wb, ws };
    });
  }

  file(entry: ReportFile): void {
    // Rows are written once ExcelJS is loaded (the first files may arrive before).
    this.pending.push(entry);
    void this.drain();
  }

  private draining: Promise<void> = Promise.resolve();

  private drain(): Promise<void> {
    this.draining = this.draining.then(async () => {
      const { ws } = await this.ready;
      while (this.pending.length) this.addRows(ws, this.pending.shift()!);
    });
    return this.draining;
  }

  private addRows(ws: import('exceljs').Worksheet, f: ReportFile): void {
    const T = cliText.summary;
    const add = (values: (string | number)[], verdict?: string) => {
      const row = ws.addRow(values);
      row.alignment = { vertical: 'top', wrapText: true };
      if (verdict) row.getCell(7).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: T.verdictFill[verdict] || 'FFFFFFFF' } };
      row.commit();
      this.rows++;
    };
    if (f.error || !f.tables.length) {
      add([this.rows + 1, f.file, '', '', '', '', f.error ? reviewText.unreadable : reviewText.noTables, 0, 0, 0, 0, f.error || '']);
      return;
    }
    f.tables.forEach((t, i) => {
      const c = t.counts || { error: 0, warning: 0, info: 0 };
      add([this.rows + 1, f.file, i + 1, t.name, t.code, t.sheet, t.verdict ? verdictLabel[t.verdict] : '', c.error, c.warning, c.info, t.indicators, ''], t.verdict);
    });
  }

  async end(summary: ReportSummary): Promise<string[]> {
    await this.drain();
    const { wb, ws } = await this.ready;
    const T = cliText.summary;
    const v = summary.verdicts || {};
    const total = ws.addRow([T.total, T.totalLine(summary.files, summary.tables, v.pass || 0, v.revise || 0, v.return || 0), '', '', '', '', '', summary.errors, summary.warnings, summary.infos, summary.indicators, summary.unreadable ? T.unreadable(summary.unreadable) : '']);
    total.font = { bold: true };
    total.commit();
    ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: T.columns.length } };
    ws.commit();
    await wb.commit();
    return [publish(this.tmp, this.outDir, T.fileName)];
  }

  abort(): void {
    removeQuietly(this.tmp);
  }
}
