/**
 * Validates an untrusted value (parsed JSON) as a current-schema template. Every problem is
 * listed with its path, not just the first; nothing of the input is kept except what was
 * checked, copied into a fresh object (so "__proto__" or extra keys go nowhere).
 */
import { profileById } from '../benchmarks/profiles';
import type { Target, Thresholds } from '../benchmarks/types';
import type { Lang } from '../i18n/lang';
import { kpiById } from '../kpi/registry';
import type { KpiDef } from '../kpi/types';
import { type MessageKey, templateMessage } from './messages';
import { slug } from './migrate';
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

  constructor(readonly lang: Lang) {}

  add(path: string, key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): void {
    this.problems.push({ path, message: templateMessage(this.lang, key, vars) });
  }

  /** A KPI's name in the checker's language. */
  name(k: KpiDef): string {
    return k.names[this.lang] ?? k.names.en;
  }

  /** Reports a field left out; true when it was. */
  missing(v: unknown, path: string, allowed?: readonly string[]): boolean {
    if (v !== undefined) return false;
    if (allowed) this.add(path, 'missingOneOf', { allowed: allowed.join(', ') });
    else this.add(path, 'missing');
    return true;
  }

  /** Reports keys the schema does not have (typos, or a field from another program). */
  known(o: Obj, path: string, keys: readonly string[]): void {
    for (const k of Object.keys(o))
      if (!keys.includes(k)) this.add(path ? `${path}.${k}` : k, 'unknownField', { keys: keys.join(', ') });
  }

  text(v: unknown, path: string, max: number): string | undefined {
    if (this.missing(v, path)) return undefined;
    if (typeof v !== 'string') return void this.add(path, 'notText', { v: show(v) });
    const s = v.trim();
    if (s === '') return void this.add(path, 'empty');
    if (s.length > max) return void this.add(path, 'tooLong', { n: s.length, max });
    if (HOSTILE.test(s)) return void this.add(path, 'hostile');
    return s;
  }

  oneOf<T extends string>(v: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    if (!this.missing(v, path, allowed))
      this.add(path, 'notOneOf', { v: show(v), allowed: allowed.join(', ') });
    return undefined;
  }

  kpi(v: unknown, path: string): KpiDef | undefined {
    const k = typeof v === 'string' ? kpiById(v) : undefined;
    if (!k && !this.missing(v, path)) this.add(path, 'notKpi', { v: show(v) });
    return k;
  }

  list(v: unknown, path: string, max: number): unknown[] | undefined {
    if (this.missing(v, path)) return undefined;
    if (!Array.isArray(v)) return void this.add(path, 'notList', { v: show(v) });
    if (v.length > max) return void this.add(path, 'tooMany', { n: v.length, max });
    return v;
  }

  /** A value of a KPI: a finite number inside what the KPI can be. */
  value(v: unknown, path: string, k: KpiDef): number | undefined {
    if (this.missing(v, path)) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return void this.add(path, 'notNumber', { v: show(v) });
    const [lo, hi] = kpiValueRange(k);
    if (v >= lo && v <= hi) return v;
    // The user's own numbers are shown as they wrote them (they look for them in their JSON).
    if (k.unit === 'rate' && hi === 1 && v > 1 && v <= 100)
      return void this.add(path, 'ratePercent', { v: String(v), f: String(+(v / 100).toPrecision(12)) });
    const share = k.unit === 'rate' || k.unit === 'probability';
    const bound = (x: number) => (share ? pct(x) : String(x));
    this.add(path, 'outside', {
      v: String(v),
      kpi: this.name(k),
      lo: bound(lo),
      hi: hi === Number.POSITIVE_INFINITY ? templateMessage(this.lang, 'any') : bound(hi),
    });
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
  if (!isObject(v)) return void c.add(path, 'targetShape');
  c.known(v, path, ['kpi', 'op', 'value', 'by']);
  const k = c.kpi(v.kpi, `${path}.kpi`);
  const op = c.oneOf(v.op, `${path}.op`, ['>=', '<='] as const);
  if (k && k.direction === 'neutral') c.add(`${path}.kpi`, 'noTarget', { kpi: c.name(k) });
  if (k && op && ((k.direction === 'higher' && op === '<=') || (k.direction === 'lower' && op === '>=')))
    c.add(`${path}.op`, k.direction === 'higher' ? 'targetHigher' : 'targetLower', { kpi: c.name(k) });
  const value = k ? c.value(v.value, `${path}.value`, k) : undefined;
  let by: string | undefined;
  if (v.by !== undefined) {
    if (typeof v.by === 'string' && isoDate(v.by)) by = v.by;
    else c.add(`${path}.by`, 'dueDate', { v: show(v.by) });
  }
  if (!k || !op || value === undefined) return undefined;
  return { kpi: k.id, op, value, ...(by ? { by } : {}) };
}

function thresholds(c: Checker, v: unknown, path: string): TemplateThreshold | undefined {
  if (!isObject(v)) return void c.add(path, 'thresholdShape');
  c.known(v, path, ['kpi', 'thresholds']);
  const k = c.kpi(v.kpi, `${path}.kpi`);
  const t = v.thresholds;
  const p = `${path}.thresholds`;
  if (!k) return undefined;
  if (!isObject(t)) return void c.add(p, 'thresholdsShape');
  if (k.direction === 'neutral') return void c.add(`${path}.kpi`, 'noThresholds', { kpi: c.name(k) });
  if (t.direction !== k.direction) {
    if (!c.missing(t.direction, `${p}.direction`, [k.direction]))
      c.add(`${p}.direction`, 'wrongDirection', { v: show(t.direction), kpi: c.name(k), dir: k.direction });
    return undefined;
  }
  const keys = k.direction === 'band' ? ['goodMin', 'goodMax', 'fairMin', 'fairMax'] : ['good', 'fair'];
  c.known(t, p, ['direction', ...keys]);
  const n: Record<string, number> = {};
  for (const key of keys) {
    const x = c.value(t[key], `${p}.${key}`, k);
    if (x === undefined) return undefined;
    n[key] = x;
  }
  const order = (ok: boolean, key: MessageKey) => {
    if (!ok) c.add(p, key, { kpi: c.name(k) });
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
    if (!order(fairMin <= goodMin && goodMin <= goodMax && goodMax <= fairMax, 'bandOrder')) return undefined;
    result = { direction: 'band', goodMin, goodMax, fairMin, fairMax };
  } else {
    const good = n.good as number;
    const fair = n.fair as number;
    const higher = k.direction === 'higher';
    if (!order(higher ? good >= fair : good <= fair, higher ? 'goodAtLeast' : 'goodAtMost')) return undefined;
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
  if (!isObject(v)) return void c.add('brand', 'brandShape');
  c.known(v, 'brand', ['primary', 'accent']);
  const colour = (x: unknown, path: string) => {
    if (typeof x === 'string' && COLOUR.test(x)) return x.toUpperCase();
    if (!c.missing(x, path)) c.add(path, 'colour', { v: show(x) });
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
    if (seen.has(item.kpi)) c.add(pathOf(i), 'twice', { kpi: item.kpi });
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

/**
 * What a template may leave out, and what it then means: no grouping or period chosen (the
 * engine's automatic choice), no benchmark colours, no targets, the spreadsheet's language,
 * live formulas. A missing id is made from the name (as migration from v0 does).
 */
export const TEMPLATE_DEFAULTS = {
  groupBy: 'auto',
  period: 'auto',
  profile: null,
  targets: [],
  lang: 'sheet',
  formulas: 'live',
} as const satisfies Partial<Template>;

/** The input with the optional fields it lacks filled in from TEMPLATE_DEFAULTS. */
function withDefaults(input: Obj): Obj {
  const out: Obj = { ...input };
  for (const [k, v] of Object.entries(TEMPLATE_DEFAULTS)) if (out[k] === undefined) out[k] = v;
  if (out.id === undefined && typeof out.name === 'string') out.id = slug(out.name);
  return out;
}

/**
 * Checks a parsed value against the current schema (migrate older versions first), with the
 * messages in `lang`. Only `schemaVersion`, `name` and `kpis` are required; see TEMPLATE_DEFAULTS.
 */
export function validateTemplate(raw: unknown, lang: Lang = 'en'): TemplateCheck {
  const deep = nestingProblem(raw);
  if (deep) return { ok: false, problems: [deep] };
  const c = new Checker(lang);
  if (!isObject(raw))
    return { ok: false, problems: [{ path: '', message: templateMessage(lang, 'notObject') }] };
  if (
    raw.schemaVersion !== TEMPLATE_SCHEMA_VERSION &&
    !c.missing(raw.schemaVersion, 'schemaVersion', [String(TEMPLATE_SCHEMA_VERSION)])
  )
    c.add('schemaVersion', 'schemaVersion', { v: show(raw.schemaVersion), n: TEMPLATE_SCHEMA_VERSION });
  c.known(raw, '', FIELDS);
  const input = withDefaults(raw);

  const id = typeof input.id === 'string' && ID.test(input.id) ? input.id : undefined;
  if (!id && (raw.id !== undefined || typeof input.name === 'string'))
    c.add('id', 'id', { v: show(input.id) });
  const name = c.text(input.name, 'name', TEMPLATE_LIMITS.name);
  let names: Template['names'];
  if (input.names !== undefined) {
    if (!isObject(input.names)) c.add('names', 'namesShape');
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
    if (profile === undefined) c.add('profile', 'profile', { v: show(input.profile) });
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
  const reportLang = c.oneOf(input.lang, 'lang', ['en', 'ar', 'fa', 'sheet'] as const);
  const formulas = c.oneOf(input.formulas, 'formulas', ['live', 'values'] as const);
  let grossMargin: number | undefined;
  if (input.grossMargin !== undefined) {
    const m = input.grossMargin;
    if (typeof m === 'number' && Number.isFinite(m) && m > 0 && m <= 1) grossMargin = m;
    else c.add('grossMargin', 'margin', { v: show(m) });
  }
  const colours = input.brand === undefined ? undefined : brand(c, input.brand);

  if (
    c.problems.length > 0 ||
    !id ||
    !name ||
    !group ||
    !period ||
    profile === undefined ||
    !reportLang ||
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
    lang: reportLang,
    formulas,
    ...(grossMargin !== undefined ? { grossMargin } : {}),
    ...(colours ? { brand: colours } : {}),
  };
  return { ok: true, template };
}
