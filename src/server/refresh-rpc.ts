/**
 * Refreshing a report tab (RefreshRpc in src/shared/rpc.ts): each Mizan tab carries its recipe
 * (RECIPE_KEY: the sidebar's choices and the template's id and name), so it can be rebuilt from
 * the source as it is now and the template as it is now: a saved template is read again from
 * the store, so an edit takes effect. The tab is rewritten in place (same sheet id) under the
 * document lock, in steps a stop at the time limit cannot break (report-swap.ts); cells a person
 * changed since Mizan wrote them are not overwritten without asking (written-cells.ts); user tabs
 * are never touched.
 */
import { type Lang, langFromLocale } from '../core/i18n/lang';
import { builtinTemplate } from '../core/templates/builtin';
import { type Template, templateName } from '../core/templates/schema';
import type {
  GenerateRequest,
  Period,
  RefreshChoice,
  RefreshResult,
  RefreshRpc,
  ReportTabView,
} from '../shared/rpc';
import {
  buildFromSource,
  fail,
  messageOf,
  pathsSheetOf,
  recipeOf,
  safeLang,
  store,
  underLock,
  withPaths,
} from './report-rpc';
import { recoverInterrupted } from './report-swap';
import { BUILDING_PREFIX, mizanTabs, recipesBySheet, rewriteInPlace, writeReport } from './report-writer';
import { editedColumns } from './written-cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** A recipe as read back: only the fields the sidebar writes, each checked for its type. */
interface Recipe {
  readonly request: Omit<GenerateRequest, 'sheetId' | 'placement'>;
  readonly template: { readonly id: string; readonly name: string } | null;
}

const PERIODS: readonly unknown[] = ['day', 'week', 'month', null];
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The recipe JSON of a tab; a missing or unreadable one gives the defaults in the sheet's language. */
export function readRecipe(text: string | undefined, fallbackLang: Lang): Recipe {
  let raw: unknown = null;
  try {
    raw = text ? JSON.parse(text) : null;
  } catch {
    raw = null;
  }
  const r = isObject(raw) ? raw : {};
  const templateId = typeof r.templateId === 'string' && r.templateId ? r.templateId : null;
  const recorded = isObject(r.template) && typeof r.template.name === 'string' ? r.template.name : null;
  return {
    request: {
      lang: r.lang === undefined ? fallbackLang : safeLang(r.lang),
      formulas: r.formulas === 'values' ? 'values' : 'live',
      templateId,
      ...(Number.isInteger(r.headerRow) ? { headerRow: r.headerRow as number } : {}),
      ...(isObject(r.overrides) ? { overrides: r.overrides as GenerateRequest['overrides'] } : {}),
      ...(r.groupBy === null || Number.isInteger(r.groupBy) ? { groupBy: r.groupBy as number | null } : {}),
      ...(PERIODS.includes(r.period) ? { period: r.period as Period | null } : {}),
      ...(r.profileId === null || typeof r.profileId === 'string'
        ? { profileId: r.profileId as string | null }
        : {}),
      ...(isObject(r.paths) && Number.isInteger(r.paths.sheetId)
        ? { paths: { sheetId: r.paths.sheetId as number, name: String(r.paths.name ?? '') } }
        : {}),
    },
    template: templateId ? { id: templateId, name: recorded ?? templateId } : null,
  };
}

function sheetLang(ss: Spreadsheet): Lang {
  return langFromLocale(ss.getSpreadsheetLocale());
}

/** Saved templates by id; empty when the store cannot be read (built-ins still resolve). */
function savedTemplates(ss: Spreadsheet): Map<string, Template> {
  try {
    return new Map(
      store(ss)
        .list()
        .saved.map((s) => [s.template.id, s.template]),
    );
  } catch {
    return new Map();
  }
}

export function listReportTabs(lang: Lang): ReportTabView[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const shown = safeLang(lang);
  const tabs = mizanTabs(ss).filter((t) => !t.name.startsWith(BUILDING_PREFIX));
  if (tabs.length === 0) return [];
  const recipes = recipesBySheet(ss);
  const names = new Map(ss.getSheets().map((s) => [String(s.getSheetId()), s.getName()]));
  const saved = savedTemplates(ss);
  const fallback = sheetLang(ss);
  return tabs.map((t) => {
    const sheetId = t.sheet.getSheetId();
    const recipe = readRecipe(recipes.get(sheetId), fallback);
    const used = recipe.template;
    const current = used ? (saved.get(used.id) ?? builtinTemplate(used.id)) : undefined;
    return {
      sheetId,
      name: t.name,
      source: names.get(t.source) ?? null,
      template: used
        ? current
          ? { id: used.id, name: templateName(current, shown), missing: false }
          : { id: used.id, name: used.name, missing: true }
        : null,
    };
  });
}

/**
 * Rebuilds a report tab. `choice` answers a 'user-edits' refusal: 'overwrite' rewrites the tab
 * anyway, 'new-tab' writes the refreshed report into a new tab and leaves the edited one alone.
 */
export function refreshReport(sheetId: number, choice?: RefreshChoice): RefreshResult {
  const started = Date.now();
  return underLock(
    (): RefreshResult => {
      const ss = SpreadsheetApp.getActiveSpreadsheet();
      recoverInterrupted(ss); // a refresh stopped at the time limit is finished first
      const tab = mizanTabs(ss).find(
        (t) => !t.name.startsWith(BUILDING_PREFIX) && t.sheet.getSheetId() === sheetId,
      );
      if (!tab) return fail({ code: 'report-missing' });
      const recipe = readRecipe(recipesBySheet(ss).get(sheetId), sheetLang(ss));
      const source = /^\d+$/.test(tab.source) ? ss.getSheetById(Number(tab.source)) : null;
      if (!source) return fail({ code: 'source-missing', detail: tab.name });
      // Read the template again: an edit saved since the last build takes effect.
      let template: Template | undefined;
      if (recipe.template) {
        template = store(ss).load(recipe.template.id) ?? undefined;
        if (!template) return fail({ code: 'template-missing', detail: recipe.template.name });
      }
      const asked: GenerateRequest = {
        ...recipe.request,
        sheetId: source.getSheetId(),
        placement: choice === 'new-tab' ? 'new' : 'update',
      };
      // The conversion-paths tab the report was built with: refused by name when it is gone.
      const paths = pathsSheetOf(ss, asked, source);
      if (paths === 'missing') return fail({ code: 'paths-missing', detail: asked.paths?.name ?? '' });
      const request = withPaths(asked, paths);
      if (choice !== 'overwrite' && choice !== 'new-tab') {
        const edited = editedColumns(tab.sheet);
        if (edited.length > 0) return fail({ code: 'user-edits', detail: edited.join(', ') });
      }
      const built = buildFromSource(source, request, template, paths);
      if (!built.ok) return { ok: false, problems: built.problems };
      try {
        const outcome =
          choice === 'new-tab'
            ? writeReport(ss, built.model, { source, placement: 'new', recipe: recipeOf(request, template) })
            : rewriteInPlace(ss, built.model, {
                tab: tab.sheet,
                tabId: sheetId,
                source,
                recipe: recipeOf(request, template),
              });
        return {
          ok: true,
          sheetId: outcome.sheetId,
          sheetName: outcome.name,
          warnings: built.warnings,
          millis: Date.now() - started,
        };
      } catch (e) {
        return fail({ code: 'write-failed', detail: messageOf(e) });
      }
    },
    () => fail({ code: 'busy' }),
  );
}

/** The refresh RPC as one object, checked against the shared interface. */
export const refreshRpc: RefreshRpc = { listReportTabs, refreshReport };
