/**
 * KPI_STATUS and KPI_BENCHMARK: a value judged against a shipped benchmark profile, and the
 * thresholds with their source. Same argument rules as the KPI functions (broadcast.ts).
 */

import { citationText } from '../benchmarks/cite';
import { BENCHMARK_PROFILES, benchmarkFor, profileById } from '../benchmarks/profiles';
import { statusAgainst } from '../benchmarks/status';
import { type Benchmark, type BenchmarkProfile, isSource, type Thresholds } from '../benchmarks/types';
import { bracketed, normalizeKey } from '../detect/normalize';
import { benchmarkLabel as label } from '../i18n/benchmark-labels';
import { langFromLocale } from '../i18n/lang';
import { KPIS } from '../kpi/registry';
import type { KpiDef } from '../kpi/types';
import { readNumber } from '../numbers/parse-number';
import { broadcast, commonShape } from './broadcast';
import { echo } from './read-input';
import { KpiFunctionError, type SheetArg, type SheetResult } from './run-kpi';

let kpiKeys: Map<string, KpiDef> | null = null;

/**
 * KPI by id, function name, or English/Arabic/Persian name, matched by normalizeKey. Built on
 * first use. Earlier passes win a key, so "CLV" is the CLV abbreviation, not "CLV (retention model)"
 * with its bracket dropped.
 */
export function findKpi(text: string): KpiDef | undefined {
  const hit = kpiByText.get(text);
  if (hit !== undefined) return hit ?? undefined;
  if (!kpiKeys) {
    const keys = new Map<string, KpiDef>();
    const names = (k: KpiDef) => [k.names.en, k.names.ar, k.names.fa];
    const passes: ((k: KpiDef) => string[])[] = [
      (k) => [k.id, k.fn],
      (k) => names(k).map((n) => normalizeKey(n, true)),
      (k) => names(k).flatMap(bracketed),
      (k) => names(k).map((n) => normalizeKey(n)),
    ];
    for (const pass of passes)
      for (const k of KPIS)
        for (const key of pass(k)) {
          const norm = normalizeKey(key, true);
          if (norm && !keys.has(norm)) keys.set(norm, k);
        }
    kpiKeys = keys;
  }
  const found = kpiKeys.get(normalizeKey(text, true));
  remember(kpiByText, text, found ?? null);
  return found;
}

// A range repeats the same few KPI and profile texts: each is normalised once, not per row.
const kpiByText = new Map<string, KpiDef | null>();
const benchmarkByKey = new Map<string, Benchmark | null>();
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size < 1000) cache.set(key, value);
}

/** A shipped profile by id or by its name in any language. */
export function findProfile(text: string): BenchmarkProfile | undefined {
  const byId = profileById(text.trim().toLowerCase());
  if (byId) return byId;
  const key = normalizeKey(text, true);
  return BENCHMARK_PROFILES.find(
    (p) =>
      normalizeKey(p.id, true) === key ||
      [p.names.en, p.names.ar, p.names.fa].some((n) => normalizeKey(n, true) === key),
  );
}

const sameThresholds = (a: Thresholds, b: Thresholds): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The benchmark a KPI is judged by: the given profile's, or without one, the benchmark every
 * profile that has the KPI agrees on. Null: no published figure (no colour).
 */
function benchmarkOf(fn: string, kpi: KpiDef, profile: BenchmarkProfile | null): Benchmark | null {
  if (profile) return benchmarkFor(profile, kpi.id) ?? null;
  const cached = benchmarkByKey.get(kpi.id);
  if (cached !== undefined) return cached;
  const found = BENCHMARK_PROFILES.flatMap((p) => {
    const b = benchmarkFor(p, kpi.id);
    return b ? [{ p, b }] : [];
  });
  const first = found[0];
  const agreed = !first
    ? null
    : found.every((f) => sameThresholds(f.b.thresholds, first.b.thresholds))
      ? first.b
      : undefined;
  if (agreed !== undefined) {
    remember(benchmarkByKey, kpi.id, agreed);
    return agreed;
  }
  if (!first) return null;
  throw new KpiFunctionError(
    `${fn}: ${kpi.names.en} has different benchmarks in the profiles ${found.map((f) => f.p.id).join(', ')}; give the profile (e.g. "${first.p.id}")`,
  );
}

const isBlank = (v: unknown): boolean => v === '' || v === null || v === undefined;
/** The profile ids for messages: industry profiles ("email/retail") as one example, not all 17. */
export const PROFILE_IDS = profileIdList();

export function profileIdList(): string {
  const base = BENCHMARK_PROFILES.filter((p) => !p.id.includes('/')).map((p) => p.id);
  const groups = [
    ...new Set(BENCHMARK_PROFILES.flatMap((p) => (p.id.includes('/') ? [p.id.split('/')[0]] : []))),
  ];
  return [
    ...base,
    // One example each keeps the message short (a long bad argument is echoed too).
    ...groups.map((g) => BENCHMARK_PROFILES.find((p) => p.id.startsWith(`${g}/`))?.id ?? `${g}/…`),
  ].join(', ');
}

function readKpi(fn: string, raw: unknown): KpiDef {
  const kpi = typeof raw === 'string' ? findKpi(raw) : undefined;
  if (!kpi)
    throw new KpiFunctionError(
      `${fn}: "${echo(raw)}" is not a KPI Mizan knows; give an id such as ctr or a name such as Click-through rate`,
    );
  return kpi;
}

const profileByText = new Map<string, BenchmarkProfile>();
function readProfile(fn: string, raw: unknown): BenchmarkProfile | null {
  if (isBlank(raw)) return null;
  const text = String(raw);
  const profile = profileByText.get(text) ?? findProfile(text);
  if (profile) remember(profileByText, text, profile);
  if (!profile)
    throw new KpiFunctionError(`${fn}: "${echo(raw)}" is not a benchmark profile; use one of ${PROFILE_IDS}`);
  return profile;
}

/** KPI_STATUS(kpi, value, [profile], [lang]) for one cell: a status word, or "" for none. */
function statusOne(cells: readonly unknown[], inRange: boolean, row: number): string {
  const [kpiArg, valueArg, profileArg, langArg] = cells;
  if (isBlank(kpiArg) || isBlank(valueArg)) return '';
  const value = typeof valueArg === 'number' ? valueArg : readNumber(valueArg);
  const number = typeof value === 'number' ? value : value.ok ? value.value : null;
  if (number === null || !Number.isFinite(number)) {
    // A header caught in a range gives "" like the KPI functions; a single bad value is an error.
    if (inRange) return '';
    throw new KpiFunctionError(`KPI_STATUS: value is not a number ("${echo(valueArg)}")`);
  }
  let kpi: KpiDef;
  try {
    kpi = readKpi('KPI_STATUS', kpiArg);
  } catch (e) {
    if (inRange && row === 0) return '';
    throw e;
  }
  const benchmark = benchmarkOf('KPI_STATUS', kpi, readProfile('KPI_STATUS', profileArg));
  if (!benchmark) return '';
  const lang = langFromLocale(isBlank(langArg) ? 'en' : String(langArg));
  // The same words as the report's status column.
  return label(statusAgainst(number, benchmark.thresholds), lang);
}

export function kpiStatus(...args: SheetArg[]): SheetResult {
  const names = ['kpi', 'value', 'profile', 'lang'];
  const all = [args[0], args[1], args[2], args[3]];
  const shape = commonShape('KPI_STATUS', names, all, (m) => new KpiFunctionError(m));
  if (!shape) return statusOne(all, false, 0);
  return broadcast(shape, all, (cells, r) => statusOne(cells, true, r));
}

type Row = (number | string)[];

/** Columns of a KPI_BENCHMARK row ("" is open-ended or not applicable). */
export const BENCHMARK_COLUMNS = [
  'direction',
  'good from',
  'good to',
  'fair from',
  'fair to',
  'source',
  'year',
  'currency',
  'scope',
  'link',
] as const;

/** One KPI_BENCHMARK row, in BENCHMARK_COLUMNS order. */
function benchmarkRow(kpi: KpiDef, b: Benchmark | null): Row {
  if (!b) return [kpi.direction, '', '', '', '', 'no published benchmark', '', '', '', ''];
  const t = b.thresholds;
  const bounds: Row =
    t.direction === 'higher'
      ? [t.good, '', t.fair, '']
      : t.direction === 'lower'
        ? ['', t.good, '', t.fair]
        : [t.goodMin, t.goodMax, t.fairMin, t.fairMax];
  const c = b.citation;
  // Mizan's or a team's own rule has no edition, scope or link: it says whose it is instead.
  if (!isSource(c)) return [t.direction, ...bounds, citationText(b, 'en'), '', '', '', ''];
  const notes = [c.secondary ? 'read on a page quoting it' : '', c.note ?? ''].filter(Boolean);
  const source = `${c.publisher}, "${c.title}"${notes.length ? ` (${notes.join('; ')})` : ''}`;
  const scope = b.fairMargin !== undefined ? `${c.scope}; fair band: Mizan's rule` : c.scope;
  return [t.direction, ...bounds, source, c.year, b.currency ?? '', `${scope}; ${c.period}`, c.link];
}

export function kpiBenchmark(...args: SheetArg[]): SheetResult {
  const [kpiArg, profileArg] = args;
  const shape = commonShape(
    'KPI_BENCHMARK',
    ['kpi', 'profile'],
    [kpiArg, profileArg],
    (m) => new KpiFunctionError(m),
  );
  const rows = new Map<unknown, Map<unknown, Row>>(); // the same KPI and profile give the same row
  const one = (k: unknown, p: unknown): Row => {
    if (isBlank(k)) return new Array<string>(BENCHMARK_COLUMNS.length).fill('');
    let byProfile = rows.get(k);
    if (!byProfile) {
      byProfile = new Map();
      rows.set(k, byProfile);
    }
    let row = byProfile.get(p);
    if (!row) {
      const kpi = readKpi('KPI_BENCHMARK', k);
      row = benchmarkRow(kpi, benchmarkOf('KPI_BENCHMARK', kpi, readProfile('KPI_BENCHMARK', p)));
      byProfile.set(p, row);
    }
    // Shared, not copied: Sheets only reads the rows, and 100,000 KPIs need not mean 100,000 copies.
    return row;
  };
  if (!shape) return [one(kpiArg, profileArg)];
  if (shape[0] > 1 && shape[1] > 1)
    throw new KpiFunctionError(
      `KPI_BENCHMARK: give one column or one row of KPIs (got ${shape[0]}×${shape[1]})`,
    );
  // One output row per KPI, whether the KPIs come as a column or a row.
  return broadcast(shape, [kpiArg, profileArg], (cells) => one(cells[0], cells[1])).flat();
}
