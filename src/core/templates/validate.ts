/**
 * Validates an untrusted value (parsed JSON) as a current-schema template. Every problem is
 * listed with its path, not just the first; nothing of the input is kept except what was
 * checked, copied into a fresh object (so "__proto__" or extra keys go nowhere).
 */
import { profileById } from '../benchmarks/profiles';
import type { Target, Thresholds } from '../benchmarks/types';
import { kpiById } from '../kpi/registry';
import type { KpiDef } from '../kpi/types';
import {
  type BrandColours,
  TEMPLATE_LIMITS,
  TEMPLATE_SCHEMA_VERSION,
  type Template,
  type TemplateCheck,
  type TemplateGroupBy,
  type TemplateProblem,
  type TemplateThreshold,
} from './schema';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  const s = typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};
const pct = (x: number): string => `${+(x * 100).toFixed(4)}%`;

/** Rates that may pass 100% (or go below 0): every other rate is a share of a whole, 0–1. */
const UNBOUNDED_RATES: Readonly<Record<string, readonly [number, number]>> = {
  roi: [-1, Number.POSITIVE_INFINITY],
  engagement_rate: [0, Number.POSITIVE_INFINITY],
};

/** The values a KPI can take, for checking targets and thresholds. */
export function kpiValueRange(k: KpiDef): readonly [number, number] {
  switch (k.unit) {
    case 'rate':
      return UNBOUNDED_RATES[k.id] ?? [0, 1];
    case 'probability':
      return [0, 1];
    case 'points':
      return [-100, 100];
    default:
      return [0, Number.POSITIVE_INFINITY];
  }
}

// Control characters and bidi overrides/embeddings/isolates (which can disguise text); the
// marks Arabic and Persian need (ZWNJ U+200C, RLM U+200F, ALM U+061C) are allowed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const HOSTILE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const ID = /^[a-z0-9][a-z0-9-]{0,47}$/;
const COLOUR = /^#[0-9a-fA-F]{6}$/;

class Checker {
  readonly problems: TemplateProblem[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Reports keys the schema does not have (typos, or a field from another program). */
  known(o: Obj, path: string, keys: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!keys.includes(k))
        this.add(path ? `${path}.${k}` : k, `unknown field; expected one of ${keys.join(', ')}`);
  }

  text(v: unknown, path: string, max: number): string | undefined {
    if (typeof v !== 'string') return void this.add(path, `must be text, not ${show(v)}`);
    const s = v.trim();
    if (s === '') return void this.add(path, 'must not be empty');
    if (s.length > max) return void this.add(path, `is ${s.length} characters; at most ${max}`);
    if (HOSTILE.test(s)) return void this.add(path, 'contains control or text-direction override characters');
    return s;
  }

  oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(path, `is ${show(v)}; expected one of ${allowed.join(', ')}`);
    return undefined;
  }

  kpi(v: unknown, path: string): KpiDef | undefined {
    const k = typeof v === 'string' ? kpiById(v) : undefined;
    if (!k) this.add(path, `${show(v)} is not a KPI id Mizan knows (e.g. "ctr", "conversion_rate")`);
    return k;
  }

  list(v: unknown, path: string, max: number): unknown[] | undefined {
    if (!Array.isArray(v)) return void this.add(path, `must be a list, not ${show(v)}`);
    if (v.length > max) return void this.add(path, `has ${v.length} entries; at most ${max}`);
    return v;
  }

  /** A value of a KPI: a finite number inside what the KPI can be. */
  value(v: unknown, path: string, k: KpiDef): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v))
      return void this.add(path, `must be a finite number, not ${show(v)}`);
    const [lo, hi] = kpiValueRange(k);
    if (v >= lo && v <= hi) return v;
    if (k.unit === 'rate' && hi === 1 && v > 1 && v <= 100)
      this.add(
        path,
        `${v} is more than 100%; write rates as fractions (${+(v / 100).toPrecision(12)} for ${v}%)`,
      );
    else if (k.unit === 'rate' || k.unit === 'probability')
      this.add(
        path,
        `${v} is outside what ${k.names.en} can be (${pct(lo)} to ${hi === Number.POSITIVE_INFINITY ? 'any' : pct(hi)})`,
      );
    else
      this.add(
        path,
        `${v} is outside what ${k.names.en} can be (${lo} to ${hi === Number.POSITIVE_INFINITY ? 'any' : hi})`,
      );
    return undefined;
  }
}

function isoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+(m[1] as string), +(m[2] as string) - 1, +(m[3] as string)));
  return (
    d.getUTCFullYear() === +(m[1] as string) &&
    d.getUTCMonth() === +(m[2] as string) - 1 &&
    d.getUTCDate() === +(m[3] as string)
  );
}

function target(c: Checker, v: unknown, path: string): Target | undefined {
  if (!isObject(v))
    return void c.add(path, `must be an object like {"kpi": "conversion_rate", "op": ">=", "value": 0.05}`);
  c.known(v, path, ['kpi', 'op', 'value', 'by']);
  const k = c.kpi(v.kpi, `${path}.kpi`);
  const op = c.oneOf(v.op, `${path}.op`, ['>=', '<='] as const);
  if (k && k.direction === 'neutral')
    c.add(`${path}.kpi`, `${k.names.en} has no better direction, so it takes no target`);
  if (k && op && ((k.direction === 'higher' && op === '<=') || (k.direction === 'lower' && op === '>=')))
    c.add(
      `${path}.op`,
      `${k.names.en} is better ${k.direction}, so its target is "${k.direction === 'higher' ? '>=' : '<='}"`,
    );
  const value = k ? c.value(v.value, `${path}.value`, k) : undefined;
  let by: string | undefined;
  if (v.by !== undefined) {
    if (typeof v.by === 'string' && isoDate(v.by)) by = v.by;
    else c.add(`${path}.by`, `is ${show(v.by)}; give the due date as YYYY-MM-DD`);
  }
  if (!k || !op || value === undefined) return undefined;
  return { kpi: k.id, op, value, ...(by ? { by } : {}) };
}

function thresholds(c: Checker, v: unknown, path: string): TemplateThreshold | undefined {
  if (!isObject(v)) return void c.add(path, 'must be an object like {"kpi": "ctr", "thresholds": {…}}');
  c.known(v, path, ['kpi', 'thresholds']);
  const k = c.kpi(v.kpi, `${path}.kpi`);
  const t = v.thresholds;
  const p = `${path}.thresholds`;
  if (!k) return undefined;
  if (!isObject(t)) return void c.add(p, 'must be an object with direction and good / fair');
  if (k.direction === 'neutral')
    return void c.add(`${path}.kpi`, `${k.names.en} has no better direction, so it takes no thresholds`);
  if (t.direction !== k.direction)
    return void c.add(`${p}.direction`, `is ${show(t.direction)}; ${k.names.en} is "${k.direction}"`);
  const keys = k.direction === 'band' ? ['goodMin', 'goodMax', 'fairMin', 'fairMax'] : ['good', 'fair'];
  c.known(t, p, ['direction', ...keys]);
  const n: Record<string, number> = {};
  for (const key of keys) {
    const x = c.value(t[key], `${p}.${key}`, k);
    if (x === undefined) return undefined;
    n[key] = x;
  }
  const order = (ok: boolean, message: string) => {
    if (!ok) c.add(p, message);
    return ok;
  };
  let result: Thresholds;
  if (k.direction === 'band') {
    const [fairMin, goodMin, goodMax, fairMax] = [n.fairMin, n.goodMin, n.goodMax, n.fairMax] as number[] as [
      number,
      number,
      number,
      number,
    ];
    if (
      !order(
        fairMin <= goodMin && goodMin <= goodMax && goodMax <= fairMax,
        'must satisfy fairMin ≤ goodMin ≤ goodMax ≤ fairMax',
      )
    )
      return undefined;
    result = { direction: 'band', goodMin, goodMax, fairMin, fairMax };
  } else {
    const good = n.good as number;
    const fair = n.fair as number;
    const higher = k.direction === 'higher';
    if (
      !order(
        higher ? good >= fair : good <= fair,
        `good must be ${higher ? 'at least' : 'at most'} fair for ${k.names.en}`,
      )
    )
      return undefined;
    result = { direction: k.direction, good, fair };
  }
  return { kpi: k.id, thresholds: result };
}

function groupBy(c: Checker, v: unknown): TemplateGroupBy | undefined {
  if (isObject(v)) {
    c.known(v, 'groupBy', ['header']);
    const header = c.text(v.header, 'groupBy.header', TEMPLATE_LIMITS.name);
    return header === undefined ? undefined : { header };
  }
  return c.oneOf(v, 'groupBy', ['auto', 'none', 'channel', 'campaign'] as const);
}

function brand(c: Checker, v: unknown): BrandColours | undefined {
  if (!isObject(v)) return void c.add('brand', 'must be an object like {"primary": "#1A73E8"}');
  c.known(v, 'brand', ['primary', 'accent']);
  const colour = (x: unknown, path: string) => {
    if (typeof x === 'string' && COLOUR.test(x)) return x.toUpperCase();
    c.add(path, `is ${show(x)}; give a colour as #RRGGBB`);
    return undefined;
  };
  const primary = colour(v.primary, 'brand.primary');
  const accent = v.accent === undefined ? undefined : colour(v.accent, 'brand.accent');
  if (!primary) return undefined;
  return accent ? { primary, accent } : { primary };
}

/** No two entries for one KPI (the second would silently win). */
function unique<T extends { kpi: string }>(
  c: Checker,
  items: readonly (T | undefined)[],
  pathOf: (i: number) => string,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  items.forEach((item, i) => {
    if (!item) return;
    if (seen.has(item.kpi)) c.add(pathOf(i), `"${item.kpi}" is listed twice`);
    seen.add(item.kpi);
    out.push(item);
  });
  return out;
}

const FIELDS = [
  'schemaVersion',
  'id',
  'name',
  'names',
  'description',
  'kpis',
  'groupBy',
  'period',
  'profile',
  'targets',
  'thresholds',
  'lang',
  'formulas',
  'grossMargin',
  'brand',
] as const;

/** Deepest nesting a template has (a target inside a list inside the template is 4). */
export const MAX_TEMPLATE_DEPTH = 16;

/**
 * Why a parsed value is nested too deeply to be a template, or null. Counted without recursion
 * and stopped at the limit: a 5,000-level JSON fits the size limit, and recursing into it (as
 * JSON.stringify does) overflows the stack, in Apps Script sooner than in Node.
 */
export function nestingProblem(input: unknown): TemplateProblem | null {
  let level: unknown[] = [input];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > MAX_TEMPLATE_DEPTH)
      return {
        path: '',
        message: `the JSON is nested more than ${MAX_TEMPLATE_DEPTH} levels deep; a template is at most ${MAX_TEMPLATE_DEPTH}`,
      };
    const next: unknown[] = [];
    for (const v of level) if (typeof v === 'object' && v !== null) next.push(...Object.values(v));
    level = next;
  }
  return null;
}

/** Checks a parsed value against the current schema (migrate older versions first). */
export function validateTemplate(input: unknown): TemplateCheck {
  const deep = nestingProblem(input);
  if (deep) return { ok: false, problems: [deep] };
  const c = new Checker();
  if (!isObject(input))
    return { ok: false, problems: [{ path: '', message: 'a template is a JSON object { … }' }] };
  if (input.schemaVersion !== TEMPLATE_SCHEMA_VERSION)
    c.add(
      'schemaVersion',
      `is ${show(input.schemaVersion)}; this reads schema ${TEMPLATE_SCHEMA_VERSION} (migrate first)`,
    );
  c.known(input, '', FIELDS);

  const id = typeof input.id === 'string' && ID.test(input.id) ? input.id : undefined;
  if (!id)
    c.add(
      'id',
      `is ${show(input.id)}; use 1–48 lower-case letters, digits or "-", starting with a letter or digit`,
    );
  const name = c.text(input.name, 'name', TEMPLATE_LIMITS.name);
  let names: Template['names'];
  if (input.names !== undefined) {
    if (!isObject(input.names)) c.add('names', 'must be an object like {"ar": "…", "fa": "…"}');
    else {
      c.known(input.names, 'names', ['en', 'ar', 'fa']);
      const out: Record<string, string> = {};
      for (const l of ['en', 'ar', 'fa'] as const) {
        if (input.names[l] === undefined) continue;
        const t = c.text(input.names[l], `names.${l}`, TEMPLATE_LIMITS.name);
        if (t) out[l] = t;
      }
      names = out;
    }
  }
  const description =
    input.description === undefined
      ? undefined
      : c.text(input.description, 'description', TEMPLATE_LIMITS.description);

  const kpiList = c.list(input.kpis, 'kpis', TEMPLATE_LIMITS.kpis) ?? [];
  const kpis = unique(
    c,
    kpiList.map((v, i) => {
      const k = c.kpi(v, `kpis[${i}]`);
      return k ? { kpi: k.id } : undefined;
    }),
    (i) => `kpis[${i}]`,
  ).map((x) => x.kpi);

  const group = groupBy(c, input.groupBy);
  const period = c.oneOf(input.period, 'period', ['auto', 'none', 'day', 'week', 'month'] as const);
  let profile: string | null | undefined = null;
  if (input.profile !== null) {
    profile = typeof input.profile === 'string' && profileById(input.profile) ? input.profile : undefined;
    if (profile === undefined)
      c.add('profile', `${show(input.profile)} is not a benchmark profile; use null or a profile id`);
  }
  const targets = unique(
    c,
    (c.list(input.targets, 'targets', TEMPLATE_LIMITS.targets) ?? []).map((v, i) =>
      target(c, v, `targets[${i}]`),
    ),
    (i) => `targets[${i}].kpi`,
  );
  const own =
    input.thresholds === undefined
      ? undefined
      : unique(
          c,
          (c.list(input.thresholds, 'thresholds', TEMPLATE_LIMITS.thresholds) ?? []).map((v, i) =>
            thresholds(c, v, `thresholds[${i}]`),
          ),
          (i) => `thresholds[${i}].kpi`,
        );
  const lang = c.oneOf(input.lang, 'lang', ['en', 'ar', 'fa', 'sheet'] as const);
  const formulas = c.oneOf(input.formulas, 'formulas', ['live', 'values'] as const);
  let grossMargin: number | undefined;
  if (input.grossMargin !== undefined) {
    const m = input.grossMargin;
    if (typeof m === 'number' && Number.isFinite(m) && m > 0 && m <= 1) grossMargin = m;
    else c.add('grossMargin', `is ${show(m)}; a margin is a fraction above 0 and at most 1 (0.6 for 60%)`);
  }
  const colours = input.brand === undefined ? undefined : brand(c, input.brand);

  if (
    c.problems.length > 0 ||
    !id ||
    !name ||
    !group ||
    !period ||
    profile === undefined ||
    !lang ||
    !formulas
  )
    return { ok: false, problems: c.problems };
  const template: Template = {
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    id,
    name,
    ...(names && Object.keys(names).length ? { names } : {}),
    ...(description ? { description } : {}),
    kpis,
    groupBy: group,
    period,
    profile,
    targets,
    ...(own?.length ? { thresholds: own } : {}),
    lang,
    formulas,
    ...(grossMargin !== undefined ? { grossMargin } : {}),
    ...(colours ? { brand: colours } : {}),
  };
  return { ok: true, template };
}
