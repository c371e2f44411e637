/**
 * Writes an output file so that it is either the old file or the complete new one, never half of
 * each: write a temporary file in the same folder (same file system, so rename is atomic), flush
 * it, then rename it over the target. On any failure, or if the process is interrupted, the
 * temporary file is removed, and an error names the target, never the temporary file.
 *
 * A target that is not a regular file (a device such as /dev/null, a pipe) or that lives in /dev
 * or /proc (/dev/stderr) is written directly: renaming over it would replace the device itself.
 */
import { randomBytes } from 'node:crypto';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { trackTemporary } from './cleanup';

/** `write` receives the path to write and must have finished writing it when it resolves. */
export async function writeAtomically(target: string, write: (path: string) => Promise<void>): Promise<void> {
  const info = await stat(target).catch(() => null);
  if (info?.isDirectory()) throw new Error(`${target} is a folder`);
  // Through a symbolic link, the file it points to is replaced, and the link stays.
  const real = info ? await realpath(target) : target;
  if (info && (!info.isFile() || (await isSpecialFolder(dirname(real))))) {
    await write(target);
    return;
  }
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const forget = trackTemporary(temp);
  try {
    await write(temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, real);
  } catch (error) {
    await rm(temp, { force: true });
    throw namingTarget(error, temp, target);
  } finally {
    forget();
  }
}

export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeAtomically(target, async (path) => {
    const handle = await open(path, 'w');
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  });
}

async function isSpecialFolder(folder: string): Promise<boolean> {
  const real = await realpath(folder).catch(() => folder);
  return /^\/(dev|proc)(\/|$)/.test(real);
}

/** The user never asked for the temporary file: errors name the file they did ask for. */
export function namingTarget(error: unknown, temp: string, target: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const renamed = new Error(message.split(temp).join(target));
  if (error instanceof Error && 'code' in error) Object.assign(renamed, { code: error.code });
  return renamed;
}
