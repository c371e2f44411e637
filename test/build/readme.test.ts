import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeWithReference } from '../../scripts/function-reference';

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  it('its function reference is the one generated from the registry (run `npm run docs`)', () => {
    expect(readme).toBe(readmeWithReference(readme));
  });
  it('opens with the set-up-and-run command and the test command', () => {
    const firstLines = readme.split('\n').slice(0, 12).join('\n');
    expect(firstLines).toContain('npm ci && npm run report');
    expect(firstLines).toContain('npm test');
  });
});

describe('README examples', () => {
  it('each example call returns the result it states', async () => {
    const { CUSTOM_FUNCTIONS } = await import('../../src/core/functions/catalog');
    const { loadBundle } = await import('../helpers/bundle');
    const g = loadBundle();
    const names = CUSTOM_FUNCTIONS.map((f) => f.name);
    let checked = 0;
    for (const f of CUSTOM_FUNCTIONS) {
      if (!f.example || /[A-Z]\d+:[A-Z]\d+/.test(f.example.call)) continue; // ranges need a sheet
      const js = f.example.call.slice(1).replace(/(\d+(?:\.\d+)?)%/g, (_, n) => String(Number(n) / 100));
      let value = new Function(...names, `return ${js};`)(...names.map((n) => g[n]));
      if (Array.isArray(value)) value = value[0][0]; // a row result: its first cell is stated first
      const text = f.example.result.match(/^"([^"]*)"/)?.[1];
      if (text !== undefined) {
        expect(value, f.example.call).toBe(text);
        checked++;
        continue;
      }
      const stated = Number(f.example.result.match(/^-?[\d.]+/)?.[0]);
      expect(Math.abs(value - stated), f.example.call).toBeLessThanOrEqual(Math.abs(stated) * 5e-4);
      checked++;
    }
    expect(checked).toBeGreaterThan(25);
  });
});
