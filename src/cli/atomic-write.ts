/**
 * Writes an output file so that it is either the old file or the complete new one, never half of
 * each: write a temporary file in the same folder (same file system, so rename is atomic), flush
 * it, then rename it over the target. On any failure the temporary file is removed.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `write` receives the temporary path and must have finished writing it when it resolves. */
export async function writeAtomically(
  target: string,
  write: (tempPath: string) => Promise<void>,
): Promise<void> {
  const temp = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await write(temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeTextAtomically(target: string, text: string): Promise<void> {
  await writeAtomically(target, async (temp) => {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  });
}
