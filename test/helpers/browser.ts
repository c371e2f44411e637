/**
 * Debian's Chromium for the browser tests, driven by playwright-core (no browser download).
 * Without Chromium the tests skip loudly on a developer's machine and fail under CI.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
/** True when the browser tests must be skipped (no Chromium, and not CI, where that is a failure). */
export const skipBrowserTests = !haveChromium && !inCi;

/** Warns once per test file that it is skipping. */
export function warnIfSkipping(what: string): void {
  if (!skipBrowserTests) return;
  console.warn(
    `\n${'!'.repeat(72)}\n  SKIPPING ${what}: ${CHROMIUM} is missing (apt-get install chromium).\n${'!'.repeat(72)}\n`,
  );
}

/** Headless Chromium with the flags this closed network needs (no background connections). */
export async function launchChromium(): Promise<Browser> {
  if (!haveChromium) throw new Error(`${CHROMIUM} is required under CI`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
