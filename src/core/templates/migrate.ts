/**
 * Brings a parsed template of an older schema version up to the current one, one step at a
 * time (v0 → v1 → …). A newer version than this code knows is refused: guessing at fields we
 * do not know could change what the template means.
 */
import type { Lang } from '../i18n/lang';
import { kpiById } from '../kpi/registry';
import { templateMessage } from './messages';
import { TEMPLATE_SCHEMA_VERSION, type TemplateProblem } from './schema';

type Obj = Record<string, unknown>;

export type Migrated =
  | { readonly ok: true; readonly value: unknown; readonly from: number }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** An id from a name: lower-case ASCII words joined by "-" ("template" when none are left). */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'template';
}

/**
 * v0 (the first sidebar prototype) stored `version: 0`, KPIs as one comma-separated string and
 * rate targets as percentages (5 for 5%), and had no id, grouping, period or formulas fields.
 */
function v0ToV1(t: Obj): Obj {
  const { version: _, kpis, targets, ...rest } = t;
  const name = typeof t.name === 'string' ? t.name : '';
  return {
    schemaVersion: 1,
    id: slug(name),
    groupBy: 'auto',
    period: 'auto',
    profile: null,
    lang: 'sheet',
    formulas: 'live',
    ...rest,
    kpis:
      typeof kpis === 'string'
        ? kpis
            .split(',')
            .map((k) => k.trim())
            .filter(Boolean)
        : kpis,
    targets: Array.isArray(targets)
      ? targets.map((x) => {
          if (typeof x !== 'object' || x === null) return x;
          const o = x as Obj;
          const k = typeof o.kpi === 'string' ? kpiById(o.kpi) : undefined;
          return k?.unit === 'rate' && typeof o.value === 'number' ? { ...o, value: o.value / 100 } : o;
        })
      : (targets ?? []),
  };
}

const STEPS: Readonly<Record<number, (t: Obj) => Obj>> = { 0: v0ToV1 };

/** The schema version of a parsed template: `schemaVersion`, or 0 for the v0 `version: 0`. */
function versionOf(t: Obj): number | null {
  if (t.schemaVersion !== undefined)
    return Number.isInteger(t.schemaVersion) ? (t.schemaVersion as number) : null;
  return t.version === 0 ? 0 : null;
}

/** `lang`: the language of the problems' messages. */
export function migrateTemplate(input: unknown, lang: Lang = 'en'): Migrated {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ path: '', message: templateMessage(lang, 'notObject') }] };
  let t = input as Obj;
  const from = versionOf(t);
  if (from === null)
    return {
      ok: false,
      problems: [{ path: 'schemaVersion', message: templateMessage(lang, 'noVersion') }],
    };
  if (from > TEMPLATE_SCHEMA_VERSION)
    return {
      ok: false,
      problems: [
        {
          path: 'schemaVersion',
          message: templateMessage(lang, 'newerVersion', { v: from, n: TEMPLATE_SCHEMA_VERSION }),
        },
      ],
    };
  if (from < 0)
    return {
      ok: false,
      problems: [{ path: 'schemaVersion', message: templateMessage(lang, 'noSuchVersion', { v: from }) }],
    };
  for (let v = from; v < TEMPLATE_SCHEMA_VERSION; v++) {
    const step = STEPS[v];
    if (!step)
      return {
        ok: false,
        problems: [{ path: 'schemaVersion', message: templateMessage(lang, 'noMigration', { v }) }],
      };
    t = step(t);
  }
  return { ok: true, value: t, from };
}
