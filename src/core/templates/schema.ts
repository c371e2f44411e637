/**
 * A report template: a versioned recipe for a KPI report (which KPIs in which order, grouping,
 * period, benchmark profile, targets, own thresholds, language, live formulas or values, brand
 * colours). Stored in a spreadsheet and exchanged as JSON text, so it is validated
 * (validate.ts) and migrated from older schema versions (migrate.ts) whenever it is read.
 * This is the shared boundary type: server, sidebar and CLI use it from here.
 */
import type { Target, Thresholds } from '../benchmarks/types';
import type { Lang } from '../i18n/lang';
import type { BrandColours } from '../report/model';

export const TEMPLATE_SCHEMA_VERSION = 1;

/** Limits, so a template stays small enough for one spreadsheet cell and the sidebar. */
export const TEMPLATE_LIMITS = {
  /** Characters of JSON text an import accepts (a Sheets cell holds 50,000). */
  text: 32_000,
  name: 80,
  description: 300,
  kpis: 40,
  targets: 40,
  thresholds: 40,
} as const;

export type TemplateGroupBy = 'auto' | 'none' | 'channel' | 'campaign' | { readonly header: string };
export type TemplatePeriod = 'auto' | 'none' | 'day' | 'week' | 'month';

/** A team's own thresholds for a KPI, replacing the profile's (cited as the template). */
export interface TemplateThreshold {
  readonly kpi: string;
  readonly thresholds: Thresholds;
}

export type { BrandColours };

export interface Template {
  readonly schemaVersion: typeof TEMPLATE_SCHEMA_VERSION;
  /** Lower-case letters, digits and "-"; unique within a spreadsheet. */
  readonly id: string;
  readonly name: string;
  /** The name in other languages (built-in templates have all three). */
  readonly names?: Readonly<Partial<Record<Lang, string>>>;
  readonly description?: string;
  /** KPI ids in report order; empty: every KPI the data allows. */
  readonly kpis: readonly string[];
  /** 'auto': channel if present, else campaign; 'none': no group table; or a column header. */
  readonly groupBy: TemplateGroupBy;
  readonly period: TemplatePeriod;
  /** A shipped profile id, or null for no benchmark colours (targets still colour). */
  readonly profile: string | null;
  readonly targets: readonly Target[];
  readonly thresholds?: readonly TemplateThreshold[];
  /** 'sheet': the spreadsheet's language. */
  readonly lang: Lang | 'sheet';
  readonly formulas: 'live' | 'values';
  /** Gross margin (0–1] for ROI / ROMI, when the team uses one. */
  readonly grossMargin?: number;
  readonly brand?: BrandColours;
}

/** One thing wrong with a template: where (a JSON path such as "targets[1].value") and what. */
export interface TemplateProblem {
  readonly path: string;
  readonly message: string;
}

export type TemplateCheck =
  | { readonly ok: true; readonly template: Template }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** The template's name in a language, falling back to its main name. */
export function templateName(t: Pick<Template, 'name' | 'names'>, lang: Lang): string {
  return t.names?.[lang] ?? t.name;
}
