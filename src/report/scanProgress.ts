/** Redraws at most this often: a faster bar costs time and flickers. */
const INTERVAL_MS = 100;

const n = (x: number) => x.toLocaleString('en-US');

function eta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.ceil(seconds);
  const pad = (x: number) => String(x).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
}

/**
 * A one-line progress bar on a terminal (stderr), redrawn in place with `\r`: files done of total,
 * speed, flagged so far and time left.
 */
export class ScanProgress {
  private last = -Infinity;
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(done: number, flagged: number, force = false): void {
    const t = this.now();
    if (!force && t - this.last < INTERVAL_MS) return;
    this.last = t;
    const seconds = (t - this.started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const width = 20;
    const filled = this.total ? Math.round((done / this.total) * width) : width;
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    const left = rate > 0 ? (this.total - done) / rate : Infinity;
    this.write(`\r${bar} ${n(done)}/${n(this.total)} files  ${n(Math.round(rate))} files/s  ${n(flagged)} flagged  ETA ${eta(left)}\u001b[K`);
    this.shown = true;
  }

  /** Erases the line, before other output or at the end. */
  clear(): void {
    if (this.shown) this.write('\r\u001b[K');
    this.shown = false;
    this.last = -Infinity;
  }
}
