/** Turns a template into the report engine's options: the only place a template meets ReportOptions. */
import { profileById } from '../benchmarks/profiles';
import type { Benchmark, BenchmarkProfile } from '../benchmarks/types';
import { normalizeKey } from '../detect/normalize';
import type { Lang } from '../i18n/lang';
import type { ColumnMapping } from '../report/model';
import type { ReportOptions } from '../report/options';
import { type Template, templateName } from './schema';

/** Something of the template the data could not honour (the report still builds). */
export interface TemplateNote {
  readonly code: 'group-column-missing';
  readonly message: string;
}

export interface AppliedTemplate {
  readonly options: ReportOptions;
  readonly notes: readonly TemplateNote[];
}

/**
 * The profile the report judges by: the template's profile with the template's own thresholds
 * put in place of (or added to) the profile's, cited as the template.
 */
export function templateProfile(t: Template, lang: Lang): BenchmarkProfile | null {
  const base = t.profile ? profileById(t.profile) : undefined;
  if (!t.thresholds?.length) return base ?? null;
  const name = templateName(t, lang);
  const own: Benchmark[] = t.thresholds.map((x) => ({
    kpi: x.kpi,
    thresholds: x.thresholds,
    citation: { template: name },
  }));
  const replaced = new Set(own.map((b) => b.kpi));
  return {
    id: base ? `${base.id}+${t.id}` : t.id,
    names: base ? base.names : { en: name, ar: name, fa: name },
    benchmarks: [...(base?.benchmarks ?? []).filter((b) => !replaced.has(b.kpi)), ...own],
  };
}

/** The source column to group by, from the template's grouping and the engine's column mapping. */
function groupColumn(
  t: Template,
  columns: readonly ColumnMapping[] | undefined,
): number | null | undefined | 'missing' {
  const g = t.groupBy;
  if (g === 'auto') return undefined;
  if (g === 'none') return null;
  if (!columns) return undefined;
  const found =
    typeof g === 'string'
      ? columns.find((c) => c.role.kind === 'dimension' && c.role.dimension === g)
      : columns.find((c) => normalizeKey(c.header) === normalizeKey(g.header));
  return found ? found.index : 'missing';
}

/**
 * ReportOptions for a template over `base` (source name, detected header, user overrides…).
 * `columns` is the engine's mapping of the source, needed to group by a dimension or header;
 * without it (or when the column is absent) grouping falls back to the engine's default.
 */
export function templateToReportOptions(
  t: Template,
  base: ReportOptions,
  columns?: readonly ColumnMapping[],
): AppliedTemplate {
  const lang = t.lang === 'sheet' ? base.lang : t.lang;
  const notes: TemplateNote[] = [];
  const group = groupColumn(t, columns);
  if (group === 'missing') {
    const what =
      typeof t.groupBy === 'string'
        ? `a ${t.groupBy} column`
        : `a column "${(t.groupBy as { header: string }).header}"`;
    notes.push({
      code: 'group-column-missing',
      message: `The template groups by ${what}, which this sheet does not have.`,
    });
  }
  const { kpis: _k, groupBy: _g, period: _p, brand: _b, grossMargin: _m, ...rest } = base;
  const options: ReportOptions = {
    ...rest,
    lang,
    ...(t.kpis.length ? { kpis: t.kpis } : {}),
    ...(group === 'missing' || group === undefined ? {} : { groupBy: group }),
    ...(t.period === 'auto' ? {} : { period: t.period === 'none' ? null : t.period }),
    profile: templateProfile(t, lang),
    targets: t.targets,
    formulas: t.formulas,
    ...(t.grossMargin !== undefined
      ? { grossMargin: t.grossMargin }
      : base.grossMargin !== undefined
        ? { grossMargin: base.grossMargin }
        : {}),
    template: { id: t.id, name: templateName(t, lang) },
    ...(t.brand ? { brand: t.brand } : {}),
  };
  return { options, notes };
}
