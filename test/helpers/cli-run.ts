/**
 * Runs `mizan report` in-process (main(argv, io)) and collects what it prints: the one runner the
 * CLI tests share.
 */
import { type Io, main } from '../../src/cli/main';

export interface Run {
  readonly status: number;
  readonly out: string;
  readonly err: string;
}

export async function runReport(
  argv: readonly string[],
  cwd: string,
  options: { tty?: boolean } = {},
): Promise<Run> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    tty: options.tty ?? false,
    color: false,
    cwd,
  };
  const status = await main(argv, io);
  return { status, out, err };
}
