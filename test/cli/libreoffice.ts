/**
 * LibreOffice headless as an independent spreadsheet engine: recalculates an .xlsx on load (a
 * throw-away user profile sets Calc's OOXML recalculation mode to "always") and converts it.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** soffice on the PATH, or null. */
export function sofficePath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** 0 = always recalculate, for xlsx (OOXML) and ods files alike. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A throw-away user profile that recalculates every formula on load (a file URL). */
export function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mizan-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return pathToFileURL(dir).href;
}

/** Opens `input` in LibreOffice (recalculating every formula) and saves it as `format` in a new folder. */
export function convertWithLibreOffice(input: string, format: 'xlsx' | 'pdf'): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error('soffice (LibreOffice) is not installed');
  const outDir = mkdtempSync(join(tmpdir(), 'mizan-lo-out-'));
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=${profile()}`,
      '--headless',
      '--norestore',
      '--convert-to',
      format,
      '--outdir',
      outDir,
      input,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(outDir, `${basename(input, extname(input))}.${format}`);
}
