/**
 * Every shipped profile reaches the user by its id: listed in `mizan report --help`, accepted by
 * `--profile` (the JSON names it), and by KPI_STATUS / KPI_BENCHMARK in the built bundle, by id and
 * by its Arabic and Persian names, giving the profile's own figure back.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCHMARK_PROFILES } from '../../../src/core/benchmarks/profiles';
import { isSource } from '../../../src/core/benchmarks/types';
import { loadBundle, type SheetFn } from '../../helpers/bundle';
import { runReport } from '../../helpers/cli-run';

const dir = mkdtempSync(join(tmpdir(), 'mizan-profiles-'));
const csv = fileURLToPath(new URL('../../../examples/campaigns-en.csv', import.meta.url));

const IDS = BENCHMARK_PROFILES.map((p) => p.id);
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('--help', () => {
  it('lists every profile id, industry profiles included', async () => {
    const run = await runReport(['--help'], dir);
    expect(run.status).toBe(0);
    for (const id of IDS) expect(run.out, id).toMatch(new RegExp(`[\\s,]${literal(id)}(,|\\s)`));
  });
});

describe('--profile', () => {
  it.each(IDS)('%s: the report is coloured by it and the JSON names it', async (id) => {
    const json = join(dir, `${id.replace('/', '-')}.json`);
    const run = await runReport([csv, '--json', json, '--profile', id, '--quiet'], dir);
    expect(run.err).toBe('');
    expect(run.status).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).profile?.id).toBe(id);
  });
});

describe('KPI_BENCHMARK', () => {
  let bench: SheetFn;
  beforeAll(() => {
    bench = loadBundle().KPI_BENCHMARK as SheetFn;
  });

  // A profile's published figures: the good bound KPI_BENCHMARK gives is the profile's own figure,
  // whether the profile is named by id, in Arabic or in Persian.
  const cases = BENCHMARK_PROFILES.flatMap((p) =>
    p.benchmarks.filter((b) => isSource(b.citation)).map((b) => [p.id, b.kpi, p] as const),
  );
  it.each(cases)('%s %s', (_id, kpi, profile) => {
    const b = profile.benchmarks.find((x) => x.kpi === kpi);
    const t = b?.thresholds;
    if (!b || !t || t.direction === 'band') throw new Error(`${profile.id} ${kpi}: no single figure`);
    for (const name of [profile.id, profile.names.ar, profile.names.fa]) {
      const [row] = bench(kpi, name) as unknown[][];
      const good = t.direction === 'higher' ? row?.[1] : row?.[2];
      expect(good, `${kpi} in "${name}"`).toBe(t.good);
      expect(row?.[6], `${kpi} in "${name}"`).toBe(isSource(b.citation) ? b.citation.year : '');
    }
  });
});
