// A one-line progress bar on stderr, `[#####-----] 3/10 环保局.xlsx`, redrawn in place with \r.
// Only for a TTY: in a log file or a CI job the redraws would be noise.
import { OutStream } from './deps';
import { displayWidth, truncateToWidth } from './width';

const BAR = 20;

export class Progress {
  private shown = false;

  constructor(
    private readonly stream: OutStream,
    private readonly total: number,
    readonly enabled: boolean,
  ) {}

  static line(done: number, total: number, label: string, columns: number): string {
    const filled = total > 0 ? Math.round((BAR * done) / total) : BAR;
    const head = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${done}/${total} `;
    // Stay one column short of the edge: a line that wraps can no longer be rewritten with \r.
    return head + truncateToWidth(label, Math.max(0, columns - 1 - displayWidth(head)));
  }

  /** Shows that the n-th input (1-based) is being checked. */
  update(n: number, label: string): void {
    if (!this.enabled) return;
    const columns = this.stream.columns && this.stream.columns > 20 ? this.stream.columns : 80;
    // \x1b[K clears what a longer previous label left behind.
    this.stream.write('\r' + Progress.line(n, this.total, label, columns) + '\x1b[K');
    this.shown = true;
  }

  /** Removes the bar, e.g. before other output goes to the same terminal. */
  clear(): void {
    if (!this.enabled || !this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
