/**
 * The built manifest stays an editor add-on's (two scopes, no `addOns` section, which would turn
 * the project into a Google Workspace add-on without custom functions), and the Marketplace kit
 * in marketplace/ agrees with it: the same scopes, images of the sizes the listing takes, text
 * within the Store Listing's documented limits (docs/publishing.md cites them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
];
const KIT = 'marketplace/';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, which the format puts first, at byte 8. */
function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 8)], `${path} is not a PNG`).toEqual(PNG_SIGNATURE);
  expect(bytes.toString('latin1', 12, 16), `${path}: IHDR is not the first chunk`).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface Listing {
  appConfiguration: { oauthScopes: string[]; appIntegration: { googleWorkspaceAddOn: boolean } };
  scopeJustifications: Record<string, string>;
  storeListing: {
    languages: string[];
    applicationName: string;
    shortDescription: Record<string, string>;
    detailedDescription: Record<string, string>;
    graphicAssets: {
      applicationIcons: Record<string, string>;
      applicationCardBanner: string;
      screenshots: string[];
    };
  };
}

const listing = JSON.parse(readFileSync(`${KIT}listing.json`, 'utf8')) as Listing;

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as Record<string, unknown>;

  it('declares exactly the two scopes, once each', () => {
    expect(manifest.oauthScopes).toHaveLength(2);
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual([...SCOPES].sort());
  });

  it('has no addOns section: it stays an editor add-on, where custom functions work', () => {
    expect(Object.keys(manifest)).not.toContain('addOns');
  });

  it('asks for no URL fetch allowlist or other service that would mean network access', () => {
    expect(Object.keys(manifest)).not.toContain('urlFetchWhitelist');
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});

describe('the Marketplace kit', () => {
  it('lists the same scopes as the manifest, each with its justification', () => {
    expect([...listing.appConfiguration.oauthScopes].sort()).toEqual([...SCOPES].sort());
    expect(Object.keys(listing.scopeJustifications).sort()).toEqual([...SCOPES].sort());
    for (const text of Object.values(listing.scopeJustifications)) expect(text).toMatch(/no network call/);
    expect(listing.appConfiguration.appIntegration.googleWorkspaceAddOn).toBe(false);
  });

  it('has each application icon at its own size, square', () => {
    const icons = listing.storeListing.graphicAssets.applicationIcons;
    expect(
      Object.keys(icons)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual([32, 48, 96, 128]);
    for (const [size, file] of Object.entries(icons)) {
      expect(pngSize(`${KIT}${file}`), file).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it('has a 220×140 card banner and 1280×800 screenshots, one per listing language', () => {
    const assets = listing.storeListing.graphicAssets;
    expect(pngSize(`${KIT}${assets.applicationCardBanner}`)).toEqual({ width: 220, height: 140 });
    expect(assets.screenshots.map((f) => f.match(/screenshot-(\w+)\.png/)?.[1])).toEqual(
      listing.storeListing.languages,
    );
    for (const file of assets.screenshots) {
      expect(pngSize(`${KIT}${file}`), file).toEqual({ width: 1280, height: 800 });
    }
  });

  it('keeps the name to 50 characters, short descriptions to 200 and detailed ones under 16,000', () => {
    const store = listing.storeListing;
    expect(store.applicationName.length).toBeLessThanOrEqual(50);
    expect(store.applicationName).not.toMatch(/google/i);
    for (const lang of store.languages) {
      const short = store.shortDescription[lang] ?? '';
      expect(short.length, `short description (${lang})`).toBeGreaterThan(40);
      expect(short.length, `short description (${lang})`).toBeLessThanOrEqual(200);
      const file = `${KIT}${store.detailedDescription[lang]}`;
      const long = readFileSync(file, 'utf8');
      expect(long.length, file).toBeGreaterThan(1000);
      expect(long.length, file).toBeLessThan(16_000);
    }
    for (const lang of ['ar', 'fa']) {
      const letters = store.shortDescription[lang]?.match(/[\u0600-\u06ff]/g) ?? [];
      expect(letters.length, `short description (${lang}) in Arabic script`).toBeGreaterThan(60);
    }
  });

  it('has a privacy policy and terms that name both scopes and say no network calls', () => {
    for (const page of ['privacy.md', 'terms.md']) expect(existsSync(`${KIT}${page}`), page).toBe(true);
    const privacy = readFileSync(`${KIT}privacy.md`, 'utf8');
    for (const scope of SCOPES) expect(privacy).toContain(scope);
    expect(privacy).toMatch(/no network calls/i);
  });
});
