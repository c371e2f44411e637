/**
 * Outputs that are really an input: compared by the file's identity (device and inode, after
 * symbolic links), not by the path, so a symlink, a symlinked folder, a hard link or "./x/../x"
 * to the campaign file or the template is caught before anything is read or written.
 */
import { stat } from 'node:fs/promises';

export interface NamedFile {
  /** What the file is to the user: "the input", "--template", "--out", "--json". */
  readonly role: string;
  /** The path as the user gave it (resolved against the working folder). */
  readonly path: string;
}

export interface Clash {
  readonly input: NamedFile;
  readonly output: NamedFile;
}

/** "dev:ino" of an existing file, following links; null when there is no file there yet. */
async function identity(path: string): Promise<string | null> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  return info ? `${info.dev}:${info.ino}` : null;
}

/** The first output that is the same file as an input, or as an earlier output. */
export async function sameFileClash(
  inputs: readonly NamedFile[],
  outputs: readonly NamedFile[],
): Promise<Clash | null> {
  const seen: { file: NamedFile; id: string }[] = [];
  for (const file of inputs) {
    const id = await identity(file.path);
    if (id !== null) seen.push({ file, id });
  }
  for (const output of outputs) {
    const id = await identity(output.path);
    if (id === null) continue;
    const clash = seen.find((s) => s.id === id);
    if (clash) return { input: clash.file, output };
    seen.push({ file: output, id });
  }
  return null;
}

/** The message for a clash: both paths as the user gave them. */
export function clashMessage({ input, output }: Clash): string {
  const same = input.path === output.path ? '' : ` (${input.path})`;
  return `${output.role} ${output.path} is ${input.role} file${same}; it would be overwritten. Choose another output file`;
}
