/**
 * A one-line progress bar on stderr, for long runs only (> 50,000 rows) and only on a terminal:
 * piped or redirected output stays free of carriage returns.
 */
export const PROGRESS_MIN_ROWS = 50_000;

export interface Progress {
  update(label: string, fraction: number): void;
  /** A step whose progress cannot be measured (the engine's one synchronous call). */
  step(label: string): void;
  done(): void;
}

export const NO_PROGRESS: Progress = { update() {}, step() {}, done() {} };

const WIDTH = 24;
const EVERY_MS = 100;

export function progressBar(write: (text: string) => void, now: () => number = Date.now): Progress {
  let last = -Infinity;
  let shown = false;
  return {
    update(label, fraction) {
      const t = now();
      if (t - last < EVERY_MS && fraction < 1) return;
      last = t;
      shown = true;
      const f = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(f * WIDTH);
      write(
        `\r${label.padEnd(16)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.round(f * 100)).padStart(3)}%`,
      );
    },
    step(label) {
      shown = true;
      write(`\r\x1b[2K${label}…`);
    },
    done() {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
  };
}
