/**
 * `--paths <file>`: the conversion-path export for the report's Attribution section, read like
 * the input (CSV or .xlsx, via read-input.ts) and never an output's file.
 */
import { resolve } from 'node:path';
import type { ReportOptions } from '../core/report/options';
import { readInput } from './read-input';
import { clashMessage, sameFileClash } from './same-file';

export type PathsOption =
  | { readonly ok: true; readonly paths: NonNullable<ReportOptions['paths']> }
  | { readonly ok: false; readonly status: 'usage' | 'unreadable' | 'rejected'; readonly message: string };

/** The paths file's cells and sheet name, or why not. `outputs` are the files the run will write. */
export async function readPathsOption(
  spec: string,
  cwd: string,
  outputs: readonly (string | null)[],
): Promise<PathsOption> {
  const path = resolve(cwd, spec);
  const written = outputs
    .filter((p): p is string => p !== null)
    .map((p) => ({ role: 'the output', path: p }));
  const clash = await sameFileClash([{ role: 'the --paths', path }], written);
  if (clash) return { ok: false, status: 'usage', message: clashMessage(clash) };
  const read = await readInput(path);
  if (!read.ok)
    return {
      ok: false,
      status: read.rejected ? 'rejected' : 'unreadable',
      message: `--paths: ${read.message}`,
    };
  return { ok: true, paths: { cells: read.data.table, sheet: read.data.sourceName } };
}
