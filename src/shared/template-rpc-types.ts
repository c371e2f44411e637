/**
 * The templates half of the sidebar ↔ server contract (the report half is rpc.ts). Plain JSON
 * values only; the server implements `TemplateRpc` (src/server/template-rpc.ts).
 */
import type { Lang } from '../core/i18n/lang';
import type { Template, TemplateProblem } from '../core/templates/schema';
import type { ServerError } from './rpc';

export interface TemplateSummary {
  readonly id: string;
  /** In the language asked for. */
  readonly name: string;
  readonly builtin: boolean;
  readonly kpis: readonly string[];
  readonly profile: string | null;
  readonly targets: number;
  /** ISO time of the last save (saved templates only). */
  readonly updated: string | null;
}

export interface TemplatesView {
  readonly builtin: readonly TemplateSummary[];
  readonly saved: readonly TemplateSummary[];
  /** Rows of the templates sheet that could not be read (edited by hand): listed, never dropped. */
  readonly unreadable: readonly { readonly row: number; readonly problems: readonly TemplateProblem[] }[];
}

export type TemplateResult<T> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly problems: readonly TemplateProblem[]; readonly error?: ServerError };

export interface TemplateRpc {
  listTemplates(lang: Lang): TemplatesView;
  /** A built-in or saved template, whole (for the editor and for building a report). */
  getTemplate(id: string): TemplateResult<{ readonly template: Template }>;
  /** Saves a new template (a fresh id if taken) or, with `replace`, overwrites the saved one of that id. */
  saveTemplate(
    template: unknown,
    replace: boolean,
  ): TemplateResult<{ readonly template: Template; readonly replaced: boolean }>;
  renameTemplate(id: string, name: string): TemplateResult<{ readonly template: Template }>;
  duplicateTemplate(id: string): TemplateResult<{ readonly template: Template }>;
  deleteTemplate(id: string): TemplateResult<{ readonly id: string }>;
  exportTemplateText(id: string): TemplateResult<{ readonly text: string }>;
  /** Validates, migrates and saves (a fresh id if taken); on any problem nothing is saved. Problems in `lang`. */
  importTemplateText(
    text: string,
    lang?: Lang,
  ): TemplateResult<{ readonly template: Template; readonly migratedFrom: number | null }>;
}

export const TEMPLATE_RPC_NAMES = [
  'listTemplates',
  'getTemplate',
  'saveTemplate',
  'renameTemplate',
  'duplicateTemplate',
  'deleteTemplate',
  'exportTemplateText',
  'importTemplateText',
] as const;
