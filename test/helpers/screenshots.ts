/**
 * Where tests write screenshots: a throwaway folder (.cache/screenshots/, gitignored) by
 * default, so `npm test` never rewrites the tracked images; docs/screenshots/ only when
 * MIZAN_UPDATE_SCREENSHOTS=1, to refresh the ones the docs show.
 */
import { mkdirSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url);

export const UPDATE_SCREENSHOTS = process.env.MIZAN_UPDATE_SCREENSHOTS === '1';

/** The folder (created if missing), as a URL ending in "/". */
export function screenshotDir(): URL {
  const dir = new URL(UPDATE_SCREENSHOTS ? 'docs/screenshots/' : '.cache/screenshots/', ROOT);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The file path for one screenshot. */
export function screenshotPath(name: string): string {
  return new URL(name, screenshotDir()).pathname;
}
