// Progress on stderr. On a terminal a one-line bar, `[#####-----] 3/10 环保局.xlsx`, redrawn in place with \r;
// elsewhere (a log file, a CI job) a plain line at most every few seconds, so short runs print nothing and long
// ones show they are alive without flooding the log.
import { OutStream } from './deps';
import { displayWidth, truncateToWidth } from './width';
import { neutralise } from './safe-text';
import { cliText } from '../core/i18n/cli';

const BAR = 20;

export type ProgressMode = 'bar' | 'lines' | 'off';

export class Progress {
  private shown = false;
  private readonly start: number;
  private last: number;
  private printedLines = false;

  constructor(
    private readonly stream: OutStream,
    private readonly total: number,
    readonly mode: ProgressMode,
    private readonly intervalMs = 3000,
    private readonly now: () => number = Date.now,
  ) {
    this.start = this.last = now();
  }

  static line(done: number, total: number, label: string, columns: number): string {
    const filled = total > 0 ? Math.round((BAR * done) / total) : BAR;
    const head = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} `;
    // Stay one column short of the edge: a line that wraps can no longer be rewritten with \r.
    return head + truncateToWidth(neutralise(label), Math.max(0, columns - 1 - displayWidth(head)));
  }

  /** `done` files of the total are finished, the last one being `label`. */
  update(done: number, label: string): void {
    if (this.mode === 'bar') {
      const columns = this.stream.columns && this.stream.columns > 20 ? this.stream.columns : 80;
      // \x1b[K clears what a longer previous label left behind.
      this.stream.write('\r' + Progress.line(done, this.total, label, columns) + '\x1b[K');
      this.shown = true;
    } else if (this.mode === 'lines') {
      const t = this.now();
      if (t - this.last < this.intervalMs && !(done === this.total && this.printedLines)) return;
      this.last = t;
      this.printedLines = true;
      this.stream.write(`ptcheck：${cliText.progressLine(done, this.total, Math.round((t - this.start) / 1000))}\n`);
    }
  }

  /** Removes the bar, e.g. before other output goes to the same terminal. */
  clear(): void {
    if (this.mode !== 'bar' || !this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
