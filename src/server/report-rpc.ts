/**
 * The functions the sidebar calls (ReportRpc in src/shared/rpc.ts). Each reads the source once
 * (getValues), decides everything in core, and, for a build, writes through the report writer
 * under the document lock. Failures that are not about the data come back as typed errors the
 * sidebar puts in plain words; nothing here throws for bad input.
 */
import { BENCHMARK_PROFILES, profileById } from '../core/benchmarks/profiles';
import { LANGS, type Lang } from '../core/i18n/lang';
import { buildReport, detectColumns } from '../core/report/index';
import type { ColumnMapping, ReportModel } from '../core/report/model';
import type { InputProblem, ReportOptions } from '../core/report/options';
import {
  BUILTIN_TEMPLATES,
  type Template,
  templateName,
  templateToReportOptions,
} from '../core/templates/index';
import type {
  AnalyzeResult,
  ColumnView,
  GenerateRequest,
  GenerateResult,
  ReportRequest,
  ReportRpc,
  ServerError,
  SidebarState,
} from '../shared/rpc';
import { recoverInterrupted } from './report-swap';
import { findReportTab, REPORT_KEY, writeReport } from './report-writer';
import { spreadsheetDayOf } from './sheet-dates';
import { setLanguage, spreadsheetLang } from './sheet-language';
import { TEMPLATE_SHEET, TemplateStore } from './template-store';

/** Rows read for the sidebar's preview; a build reads them all. */
export const PREVIEW_ROWS = 2000;
/** How long a build waits for another run on the same spreadsheet to finish. */
const LOCK_WAIT_MS = 15_000;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const fail = (error: ServerError): { ok: false; problems: InputProblem[]; error: ServerError } => ({
  ok: false,
  problems: [],
  error,
});

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function safeLang(lang: unknown): Lang {
  return (LANGS as readonly unknown[]).includes(lang) ? (lang as Lang) : 'en';
}

export function getSidebarState(): SidebarState {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const lang = spreadsheetLang();
  const reports = new Set(
    ss
      .createDeveloperMetadataFinder()
      .withKey(REPORT_KEY)
      .find()
      .map((m) => m.getLocation().getSheet()?.getSheetId()),
  );
  const sheets = ss
    .getSheets()
    .map((s) => ({ id: s.getSheetId(), name: s.getName() }))
    .filter((s) => s.name !== TEMPLATE_SHEET)
    .map((s) => ({ ...s, isReport: reports.has(s.id) }));
  let saved: readonly Template[] = [];
  try {
    saved = store(ss)
      .list()
      .saved.map((x) => x.template);
  } catch {
    // The templates panel reports an unreadable store; the report works without saved templates.
  }
  return {
    lang,
    sheets,
    activeSheetId: ss.getActiveSheet().getSheetId(),
    templates: [...BUILTIN_TEMPLATES, ...saved].map((t) => ({ id: t.id, name: templateName(t, lang) })),
    profiles: BENCHMARK_PROFILES.map((p) => ({
      id: p.id,
      name: p.names[lang],
      ...(p.group ? { group: p.group.names[lang] } : {}),
    })),
  };
}

export function store(ss: Spreadsheet): TemplateStore {
  return new TemplateStore(ss, () => LockService.getDocumentLock());
}

/** The request's template: saved in this spreadsheet or built in. */
function templateOf(ss: Spreadsheet, request: ReportRequest): Template | undefined {
  return request.templateId ? (store(ss).load(request.templateId) ?? undefined) : undefined;
}

/**
 * The engine's options for a request: the template's recipe first, then what the user set
 * explicitly in the sidebar on top of it (the sidebar shows those choices, so they win).
 */
function optionsFor(
  template: Template | undefined,
  request: ReportRequest,
  sourceName: string,
  mapping: readonly ColumnMapping[] | undefined,
): { options: ReportOptions; notes: InputProblem[] } {
  const lang = safeLang(request.lang);
  const base: ReportOptions = {
    sourceName,
    lang,
    formulaSource: 'user-sheet',
    ...(Number.isInteger(request.headerRow) ? { headerRow: request.headerRow } : {}),
    ...(request.overrides ? { overrides: request.overrides } : {}),
  };
  const applied = template ? templateToReportOptions(template, base, mapping) : { options: base, notes: [] };
  const profile =
    request.profileId === undefined
      ? undefined
      : request.profileId === null
        ? null
        : profileById(request.profileId);
  const options: ReportOptions = {
    ...applied.options,
    lang,
    ...(request.groupBy !== undefined ? { groupBy: request.groupBy } : {}),
    ...(request.period !== undefined ? { period: request.period } : {}),
    // "Automatic" (no profile, no template): Mizan chooses from the platform or the columns, and says so.
    ...(profile !== undefined ? { profile } : template ? {} : { chooseProfile: true }),
  };
  const notes = applied.notes.map(
    (n): InputProblem => ({ code: 'bad-option', message: n.message, hint: '' }),
  );
  return { options, notes };
}

function sourceSheet(ss: Spreadsheet, sheetId: unknown): Sheet | null {
  return typeof sheetId === 'number' ? ss.getSheetById(sheetId) : null;
}

function columnView(m: ColumnMapping): ColumnView {
  return {
    index: m.index,
    letter: m.letter,
    header: m.header,
    role: m.role,
    confidence: m.confidence,
    overridden: m.overridden === true,
    currency: m.currency ?? null,
    notSummed: m.notSummed ?? null,
  };
}

export function analyzeSource(request: ReportRequest): AnalyzeResult {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const source = sourceSheet(ss, request.sheetId);
  if (!source) return fail({ code: 'source-missing' });
  const lastRow = source.getLastRow();
  const lastCol = source.getLastColumn();
  const read = Math.min(lastRow, PREVIEW_ROWS);
  const grid = read > 0 && lastCol > 0 ? source.getRange(1, 1, read, lastCol).getValues() : [];
  const sourceName = source.getName();
  // Detect once without the template's grouping (it needs the mapping), then with it.
  const template = templateOf(ss, request);
  const first = optionsFor(template, request, sourceName, undefined);
  const preview = detectColumns(grid, first.options);
  if (!preview.ok || preview.headerRow === null) return { ok: false, problems: preview.problems };
  const { options, notes } = optionsFor(template, request, sourceName, preview.mapping);
  const existing = findReportTab(ss, source.getSheetId());
  return {
    ok: true,
    sheetName: sourceName,
    headerRow: preview.headerRow,
    rows: preview.dataRows,
    sampled: lastRow > read,
    columns: preview.mapping.map(columnView),
    groupBy: options.groupBy ?? null,
    period: options.period ?? null,
    hasDates: preview.mapping.some((m) => m.role.kind === 'dimension' && m.role.dimension === 'date'),
    kpis: preview.computable.map((c) => ({ kpi: c.kpi })),
    notComputed: preview.notComputable.map((n) => ({ kpi: n.kpi, message: n.message })),
    warnings: notes,
    platform: preview.platform,
    readNotes: preview.readNotes,
    excluded: preview.excluded,
    reportName: existing ? existing.name : null,
    existing: existing ? { sheetId: existing.sheet.getSheetId(), name: existing.name } : null,
  };
}

/**
 * What a report tab keeps of the request that built it (RECIPE_KEY), to refresh it with the
 * same choices: the request without its source and placement, and the template's id and name.
 */
export function recipeOf(request: GenerateRequest, template: Template | undefined): string {
  const { sheetId: _s, placement: _p, ...recipe } = request;
  const used = template
    ? { template: { id: template.id, name: templateName(template, safeLang(request.lang)) } }
    : {};
  return JSON.stringify({ v: 1, ...recipe, ...used });
}

export type Built =
  | { readonly ok: true; readonly model: ReportModel; readonly warnings: InputProblem[] }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };

/**
 * The request's conversion-paths tab: null when none is chosen or it is the source itself (the
 * source gets the section on its own when it is a path export); 'missing' when it is gone.
 */
export function pathsSheetOf(
  ss: Spreadsheet,
  request: GenerateRequest,
  source: Sheet,
): Sheet | null | 'missing' {
  const id = request.paths?.sheetId;
  if (typeof id !== 'number' || id === source.getSheetId()) return null;
  return ss.getSheetById(id) ?? 'missing';
}

/** The request as the recipe keeps it: the paths tab under its current name, or none. */
export function withPaths(request: GenerateRequest, paths: Sheet | null): GenerateRequest {
  const { paths: _chosen, ...rest } = request;
  return paths ? { ...rest, paths: { sheetId: paths.getSheetId(), name: paths.getName() } } : rest;
}

/**
 * Reads the whole source (and the paths tab) once and builds the report for a request and its
 * template. A paths tab that is not a path export leaves the Attribution section out, and the
 * reasons come back as 'bad-paths' warnings rather than refusing the whole report.
 */
export function buildFromSource(
  source: Sheet,
  request: GenerateRequest,
  template: Template | undefined,
  pathsSheet: Sheet | null = null,
): Built {
  const grid = source.getDataRange().getValues();
  const sourceName = source.getName();
  // A template's grouping names a column by role or header: find it in the mapping first.
  const mapping = template
    ? detectColumns(grid, optionsFor(template, request, sourceName, undefined).options).mapping
    : undefined;
  const { options, notes } = optionsFor(template, request, sourceName, mapping);
  const base: ReportOptions = {
    ...options,
    formulas: request.formulas === 'values' ? 'values' : 'live',
    dayOfDate: spreadsheetDayOf(SpreadsheetApp.getActiveSpreadsheet()),
  };
  const paths = pathsSheet
    ? { cells: pathsSheet.getDataRange().getValues(), sheet: pathsSheet.getName() }
    : null;
  let result = buildReport(grid, paths ? { ...base, paths } : base);
  let pathNotes: InputProblem[] = [];
  if (!result.ok && paths) {
    // The source alone builds: the paths tab was the problem, so say why the section is missing.
    const without = buildReport(grid, base);
    if (without.ok) {
      pathNotes = result.problems.map((p): InputProblem => ({ ...p, code: 'bad-paths' }));
      result = without;
    }
  }
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, model: result.model, warnings: [...pathNotes, ...notes, ...result.warnings] };
}

/** Runs `work` under the document lock; `busy` when another run holds it. */
export function underLock<T>(work: () => T, busy: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    return work();
  } finally {
    try {
      lock.releaseLock();
    } catch {
      // Apps Script releases the lock when the run ends anyway.
    }
  }
}

export function generateReport(request: GenerateRequest): GenerateResult {
  const started = Date.now();
  return underLock(
    (): GenerateResult => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      const source = sourceSheet(ss, request.sheetId);
      if (!source) return fail({ code: 'source-missing' });
      const paths = pathsSheetOf(ss, request, source);
      if (paths === 'missing') return fail({ code: 'paths-missing', detail: request.paths?.name ?? '' });
      const template = templateOf(ss, request);
      const built = buildFromSource(source, request, template, paths);
      if (!built.ok) return { ok: false, problems: built.problems };
      let outcome: ReturnType<typeof writeReport>;
      try {
        recoverInterrupted(ss); // a build or refresh stopped at the time limit is finished first
        outcome = writeReport(ss, built.model, {
          source,
          placement: request.placement === 'new' ? 'new' : 'update',
          recipe: recipeOf(withPaths(request, paths), template),
        });
      } catch (e) {
        return fail({ code: 'write-failed', detail: messageOf(e) });
      }
      return {
        ok: true,
        sheetId: outcome.sheetId,
        sheetName: outcome.name,
        replaced: outcome.replaced,
        warnings: built.warnings,
        millis: Date.now() - started,
      };
    },
    () => fail({ code: 'busy' }),
  );
}

export function activateSheet(sheetId: number): boolean {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sourceSheet(ss, sheetId);
  if (!sheet) return false;
  sheet.activate();
  return true;
}

/** The report RPC as one object, checked against the shared interface. */
export const reportRpc: ReportRpc = {
  getSidebarState,
  analyzeSource,
  generateReport,
  activateSheet,
  setLanguage,
};
