/**
 * The sidebar ↔ server contract: every function the sidebar calls through google.script.run,
 * with its argument and result types. The server implements `ReportRpc` (src/server/rpc.ts),
 * the sidebar calls it through one typed promise wrapper (src/sidebar/rpc.ts). Values are
 * plain JSON (google.script.run passes no Date): dates travel as ISO strings.
 */
import type { Lang } from '../core/i18n/lang';
import type { ColumnsPreview } from '../core/report/index';
import type { ColumnMapping, ColumnRole } from '../core/report/model';
import type { InputProblem, Period } from '../core/report/options';

export interface SheetChoice {
  /** Sheet.getSheetId(): stable while the tab exists, unlike its name or position. */
  readonly id: number;
  readonly name: string;
  /** True for tabs Mizan wrote (not offered as sources by default). */
  readonly isReport: boolean;
}

export interface Choice {
  readonly id: string;
  readonly name: string;
}

/** A benchmark profile in the picker; industry profiles carry their family's heading (an <optgroup>). */
export interface ProfileChoice extends Choice {
  /** The family's name in the sidebar's language ("Email by industry"); absent: a plain option. */
  readonly group?: string;
}

export interface SidebarState {
  /** The language picked in the sidebar, else the spreadsheet's or the user's locale (server/sheet-language.ts). */
  readonly lang: Lang;
  readonly sheets: readonly SheetChoice[];
  readonly activeSheetId: number;
  /** Built-in report templates (saved ones come with the templates panel). */
  readonly templates: readonly Choice[];
  /** Benchmark profiles, named in `lang`, industry ones with their group's name. */
  readonly profiles: readonly ProfileChoice[];
}

export type { Period };

/** What the user chose in the sidebar; everything optional falls back to the engine's choice. */
export interface ReportRequest {
  readonly sheetId: number;
  readonly lang: Lang;
  readonly headerRow?: number;
  /** Role corrections, by 0-based source column. */
  readonly overrides?: Readonly<Record<number, ColumnRole>>;
  /** 0-based source column; null: no group table; undefined: channel, else campaign. */
  readonly groupBy?: number | null;
  /** null: no period table; undefined: inferred from the dates. */
  readonly period?: Period | null;
  readonly templateId?: string | null;
  readonly profileId?: string | null;
}

export interface GenerateRequest extends ReportRequest {
  /** 'live' (default): native formulas over the source; 'values': numbers only. */
  readonly formulas: 'live' | 'values';
  /** 'update': replace the tab Mizan made for this source; 'new': add another tab. */
  readonly placement: 'update' | 'new';
  /**
   * A second tab holding a path export, for the report's Attribution section: by sheet id like
   * the source; the name is the one shown (and named when the tab is gone). Null/absent: none.
   */
  readonly paths?: PathsTab | null;
}

/** The conversion-paths tab a report reads (kept in the recipe, so a refresh reads it again). */
export interface PathsTab {
  readonly sheetId: number;
  readonly name: string;
}

/** One source column as the sidebar shows it. */
export interface ColumnView {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  readonly role: ColumnRole;
  /** 0–1. */
  readonly confidence: number;
  readonly overridden: boolean;
  readonly currency: string | null;
  /** Why a column that names a measure is not summed (another column chosen, a look-alike, reach). */
  readonly notSummed: NonNullable<ColumnMapping['notSummed']> | null;
}

export interface KpiPreview {
  readonly kpi: string;
}

export interface KpiMissing {
  readonly kpi: string;
  /** In the request's language: "CPA needs a conversions column". */
  readonly message: string;
}

export type AnalyzeResult =
  | {
      readonly ok: true;
      readonly sheetName: string;
      /** 0-based header row in the sheet (shown 1-based). */
      readonly headerRow: number;
      /** Data rows the report will use (of the rows read for the preview). */
      readonly rows: number;
      /** True when only the first rows were read for the preview (generating reads them all). */
      readonly sampled: boolean;
      readonly columns: readonly ColumnView[];
      readonly groupBy: number | null;
      readonly period: Period | null;
      readonly hasDates: boolean;
      readonly kpis: readonly KpiPreview[];
      readonly notComputed: readonly KpiMissing[];
      readonly warnings: readonly InputProblem[];
      /** The platform that exported the sheet ("Google Ads"), or null. */
      readonly platform: ColumnsPreview['platform'];
      /** The engine's judgements while reading, in the request's language. */
      readonly readNotes: ColumnsPreview['readNotes'];
      /** Rows left out by reason (1-based), each with its note in the request's language. */
      readonly excluded: ColumnsPreview['excluded'];
      /** The tab the report will go to, when it is known (an existing Mizan tab). */
      readonly reportName: string | null;
      /** Mizan's existing tab for this source, which "update" replaces. */
      readonly existing: { readonly sheetId: number; readonly name: string } | null;
    }
  | { readonly ok: false; readonly problems: readonly InputProblem[]; readonly error?: ServerError };

/** Failures that are not about the data. The sidebar words them (src/shared/ui-strings.ts). */
export interface ServerError {
  readonly code:
    | 'busy'
    | 'source-missing'
    | 'write-failed'
    | 'template-missing'
    | 'report-missing'
    /** The conversion-paths tab chosen for the report is gone; `detail`: its recorded name. */
    | 'paths-missing'
    /** A refresh would overwrite cells a person changed; `detail`: the columns ("B, D"), or "rows". */
    | 'user-edits';
  /** The underlying message, shown in small print. */
  readonly detail?: string;
}

export type GenerateResult =
  | {
      readonly ok: true;
      readonly sheetId: number;
      readonly sheetName: string;
      readonly replaced: boolean;
      readonly warnings: readonly InputProblem[];
      /** Spreadsheet time to read and write, for the progress line. */
      readonly millis: number;
    }
  | { readonly ok: false; readonly problems: readonly InputProblem[]; readonly error?: ServerError };

/** The report half of the sidebar's RPC (the templates panel adds its own functions). */
export interface ReportRpc {
  getSidebarState(): SidebarState;
  analyzeSource(request: ReportRequest): AnalyzeResult;
  generateReport(request: GenerateRequest): GenerateResult;
  /** Shows a tab; false when it no longer exists. */
  activateSheet(sheetId: number): boolean;
  /** Remembers the sidebar's language for this spreadsheet (document properties); the one in force. */
  setLanguage(lang: Lang): Lang;
}

/** The names, so the server's entry points and the dev server's shim cannot drift. */
export const REPORT_RPC_NAMES = [
  'getSidebarState',
  'analyzeSource',
  'generateReport',
  'activateSheet',
  'setLanguage',
] as const;

/** One of Mizan's report tabs, as the sidebar's "Reports in this spreadsheet" lists it. */
export interface ReportTabView {
  readonly sheetId: number;
  readonly name: string;
  /** The source tab's current name; null when it was deleted. */
  readonly source: string | null;
  /**
   * The template that built the tab: its current name (in the language asked for) when it still
   * exists, else the name recorded on the tab, with `missing`. Null: built without a template.
   */
  readonly template: { readonly id: string; readonly name: string; readonly missing: boolean } | null;
}

/** A refresh rewrites the tab in place, so nothing is "replaced"; otherwise it answers as a build. */
export type RefreshResult =
  | Omit<Extract<GenerateResult, { ok: true }>, 'replaced'>
  | Extract<GenerateResult, { ok: false }>;

/** Refreshing report tabs by re-applying their template (src/server/refresh-rpc.ts). */
export interface RefreshRpc {
  listReportTabs(lang: Lang): readonly ReportTabView[];
  /**
   * Rebuilds the tab from its source and its template as they are now, in the same tab; refused
   * with 'user-edits' when cells were changed by hand, unless `choice` says what to do then.
   */
  refreshReport(sheetId: number, choice?: RefreshChoice): RefreshResult;
}

/** After a 'user-edits' refusal: overwrite the edited tab, or refresh into a new tab beside the source. */
export type RefreshChoice = 'overwrite' | 'new-tab';

export const REFRESH_RPC_NAMES = ['listReportTabs', 'refreshReport'] as const;
