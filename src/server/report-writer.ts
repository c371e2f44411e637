/**
 * The Sheets writer: renders a ReportModel into a report tab.
 *
 * - Batched: one call per Range setter over the whole report, so the number of Spreadsheet
 *   calls depends on the report's shape (KPIs, rules, charts), never on the number of rows.
 * - All or nothing, even when Apps Script stops the run at its time limit: the report is built
 *   completely in a temporary tab before it takes the place of the old one, in the steps of
 *   report-swap.ts, which the next run finishes from wherever a run stopped.
 * - Never overwrites a tab the user made: Mizan's tabs carry developer metadata naming their
 *   source sheet; any other tab with the wanted name is left alone and the report gets "(2)".
 */

import { STATUS_COLOURS } from '../core/report/look';
import type { ConditionalRule, ReportModel } from '../core/report/model';
import { layoutReport, type WrapName } from './report-layout';
import {
  BUILDING_PREFIX,
  discardCopy,
  freeName,
  markGivingWay,
  replaceWith,
  stageCopy,
  tookOver,
  unmarkGivingWay,
} from './report-swap';
import { recordWritten, setWritten, spillCells } from './written-cells';

export { BUILDING_PREFIX } from './report-swap';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Developer metadata on a report tab: the source sheet's id. */
export const REPORT_KEY = 'mizan.report';
/** Developer metadata on a report tab: the request that built it (JSON), to refresh it later. */
export const RECIPE_KEY = 'mizan.recipe';

export interface WriteTarget {
  readonly source: Sheet;
  /** 'update': replace Mizan's tab for this source if there is one; 'new': always add a tab. */
  readonly placement: 'update' | 'new';
  /** Saved with the tab (RECIPE_KEY) so it can be refreshed with the same options. */
  readonly recipe?: string;
}

export interface WriteOutcome {
  readonly sheet: Sheet;
  readonly sheetId: number;
  readonly name: string;
  /** True when an earlier Mizan tab for the same source was replaced. */
  readonly replaced: boolean;
}

interface ReportTab {
  readonly sheet: Sheet;
  readonly name: string;
}

/** Mizan's tabs: every sheet with REPORT_KEY metadata, with its source id. */
export function mizanTabs(ss: Spreadsheet): { sheet: Sheet; source: string; name: string }[] {
  const found = ss.createDeveloperMetadataFinder().withKey(REPORT_KEY).find();
  const tabs: { sheet: Sheet; source: string; name: string }[] = [];
  for (const m of found) {
    const sheet = m.getLocation().getSheet();
    if (sheet) tabs.push({ sheet, source: m.getValue() ?? '', name: sheet.getName() });
  }
  return tabs;
}

type MizanTab = ReturnType<typeof mizanTabs>[number];

/**
 * Of Mizan's tabs, the one made for this source: the left-most by tab position when there are
 * several (the finder's order is not documented; a duplicated tab, metadata and all, is placed
 * after its original, so the original is the one replaced). Temporary tabs are not reports.
 */
function reportTabIn(tabs: readonly MizanTab[], sourceId: number): ReportTab | null {
  const mine = tabs.filter((t) => t.source === String(sourceId) && !t.name.startsWith(BUILDING_PREFIX));
  let first: MizanTab | undefined;
  let firstIndex = Number.POSITIVE_INFINITY;
  for (const t of mine) {
    const index = t.sheet.getIndex();
    if (index < firstIndex) [first, firstIndex] = [t, index];
  }
  return first ? { sheet: first.sheet, name: first.name } : null;
}

/** The tab Mizan made for this source, if any. */
export function findReportTab(ss: Spreadsheet, sourceId: number): ReportTab | null {
  return reportTabIn(mizanTabs(ss), sourceId);
}

/**
 * Writes the report into a new tab, which then takes the place of Mizan's earlier tab for the
 * source ('update'; same name and position) or a free name after the source. The caller runs
 * `recoverInterrupted` first, under the document lock. A failure before the old tab is deleted
 * (the commit) leaves the spreadsheet as it was and is rethrown; after it, the new report is put
 * in place. A stop anywhere leaves a state the next run's `recoverInterrupted` finishes.
 */
export function writeReport(ss: Spreadsheet, model: ReportModel, target: WriteTarget): WriteOutcome {
  const sourceId = target.source.getSheetId();
  const existing = target.placement === 'update' ? findReportTab(ss, sourceId) : null;
  const taken = ss.getSheets().map((s) => s.getName());
  const name = existing ? existing.name : freeName(model.sheetName, taken);
  // Next to the tab it replaces, or right after the source.
  const index = existing ? existing.sheet.getIndex() - 1 : target.source.getIndex();
  const standsFor = existing ? { tab: existing.sheet.getSheetId(), name } : null;
  const copy = stageCopy(
    ss,
    taken,
    index,
    (sheet) => {
      sheet.addDeveloperMetadata(REPORT_KEY, String(sourceId));
      if (target.recipe !== undefined) sheet.addDeveloperMetadata(RECIPE_KEY, target.recipe);
      render(sheet, model);
      // What a later refresh compares with, to spot cells changed by hand.
      recordWritten(sheet, spillCells(model));
    },
    standsFor,
  );
  try {
    replaceWith(ss, copy, existing?.sheet ?? null, name);
  } catch (error) {
    if (!tookOver(ss, copy)) throw error;
  }
  return { sheet: copy.sheet, sheetId: copy.id, name, replaced: existing !== null };
}

/**
 * Rewrites `tab` in place (same sheet id, name and position, so links and formulas pointing at
 * it survive). A complete copy is staged first; should the rewrite fail once the tab is marked,
 * the copy takes the tab's place at once; should the run be stopped, the next run's
 * `recoverInterrupted` does.
 */
export function rewriteInPlace(
  ss: Spreadsheet,
  model: ReportModel,
  target: { readonly tab: Sheet; readonly tabId: number; readonly source: Sheet; readonly recipe: string },
): { sheetId: number; name: string } {
  const { tab, recipe } = target;
  const name = tab.getName();
  let written = '';
  // Right after the tab, so that once the tab is gone the copy sits where it was.
  const copy = stageCopy(
    ss,
    ss.getSheets().map((s) => s.getName()),
    tab.getIndex(),
    (sheet) => {
      sheet.addDeveloperMetadata(REPORT_KEY, String(target.source.getSheetId()));
      sheet.addDeveloperMetadata(RECIPE_KEY, recipe);
      render(sheet, model);
      written = recordWritten(sheet, spillCells(model));
    },
    { tab: target.tabId, name },
  );
  try {
    markGivingWay(tab, copy);
    clearTab(tab);
    render(tab, model);
    setRecipe(tab, recipe);
    setWritten(tab, written); // the same model on the same grid: the copy's record, no second read
    unmarkGivingWay(tab);
  } catch (error) {
    if (!tookOver(ss, copy)) throw error;
    copy.sheet.activate();
    return { sheetId: copy.id, name };
  }
  discardCopy(ss, copy, tab); // done: the copy is surplus
  return { sheetId: target.tabId, name };
}

/** Empties a report tab for a rewrite: cells, notes and formats, rules, charts, frozen rows, direction. */
export function clearTab(tab: Sheet): void {
  tab.getRange(1, 1, tab.getMaxRows(), tab.getMaxColumns()).clear();
  tab.setConditionalFormatRules([]);
  for (const chart of tab.getCharts()) tab.removeChart(chart);
  tab.setFrozenRows(0);
  tab.setRightToLeft(false);
}

export function setRecipe(tab: Sheet, recipe: string): void {
  const found = tab.createDeveloperMetadataFinder().withKey(RECIPE_KEY).find();
  const first = found[0];
  if (first) first.setValue(recipe);
  else tab.addDeveloperMetadata(RECIPE_KEY, recipe);
}

/** The recipes (RECIPE_KEY values) of Mizan's tabs, by sheet id: one lookup for all tabs. */
export function recipesBySheet(ss: Spreadsheet): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of ss.createDeveloperMetadataFinder().withKey(RECIPE_KEY).find()) {
    const sheet = m.getLocation().getSheet();
    if (sheet) out.set(sheet.getSheetId(), m.getValue() ?? '');
  }
  return out;
}

/** Everything that goes onto the (new, empty) report tab. */
export function render(sheet: Sheet, model: ReportModel): void {
  const layout = layoutReport(model);
  ensureSize(sheet, layout.rows, Math.max(layout.cols, model.columnWidths.length));
  const range = sheet.getRange(1, 1, layout.rows, layout.cols);
  range.setNumberFormats(layout.formats);
  range.setValues(layout.values);
  range.setFontWeights(layout.weights);
  range.setFontStyles(layout.styles);
  range.setFontSizes(layout.sizes);
  range.setFontColors(layout.colors);
  range.setBackgrounds(layout.fills as string[][]); // null cells: no fill (the typings omit null)
  range.setHorizontalAlignments(layout.aligns);
  range.setWrapStrategies(wrapStrategies(layout.wraps));
  if (layout.hasNotes) range.setNotes(layout.notes);
  if (model.frozenRows > 0) sheet.setFrozenRows(model.frozenRows);
  setWidths(sheet, model.columnWidths);
  if (model.rtl) sheet.setRightToLeft(true);
  addRules(sheet, model.rules);
  addCharts(sheet, model);
}

/** The layout's wrap names as SpreadsheetApp's enum values, which setWrapStrategies requires. */
function wrapStrategies(
  names: readonly (readonly WrapName[])[],
): GoogleAppsScript.Spreadsheet.WrapStrategy[][] {
  const { WRAP, OVERFLOW } = SpreadsheetApp.WrapStrategy;
  return names.map((line) => line.map((name) => (name === 'WRAP' ? WRAP : OVERFLOW)));
}

/** A new sheet has 1000 rows and 26 columns; a report can need more. */
function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** One call per run of equal widths. */
function setWidths(sheet: Sheet, widths: readonly number[]): void {
  let start = 0;
  while (start < widths.length) {
    const width = widths[start] as number;
    let end = start + 1;
    while (end < widths.length && widths[end] === width) end++;
    if (width > 0) sheet.setColumnWidths(start + 1, end - start, width);
    start = end;
  }
}

/**
 * Conditional format rules, added after the sheet's existing rules (setConditionalFormatRules
 * replaces them all, so read, append, write). Sheets applies the first rule that matches, so the
 * rules of one range stay one ordered group; ranges whose groups are identical share rules, and
 * nothing else is merged (a "≥ 2% fair" shared by two KPIs would jump ahead of the other
 * KPI's "≥ 3% good").
 */
function addRules(sheet: Sheet, rules: readonly ConditionalRule[]): void {
  if (rules.length === 0) return;
  const groups = ruleGroups(rules);
  // Every group's ranges in one call, handed out to the groups in order.
  const all = sheet.getRangeList(groups.flatMap((g) => g.ranges)).getRanges();
  let next = 0;
  const built: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const { steps, ranges } of groups) {
    const mine = all.slice(next, next + ranges.length);
    next += ranges.length;
    for (const rule of steps) built.push(buildRule(rule, mine));
  }
  sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), ...built]);
}

type RuleStep = Pick<ConditionalRule, 'status' | 'when'>;

/** Each range's rules in model order, then ranges with the same ordered rules together. */
export function ruleGroups(rules: readonly ConditionalRule[]): { steps: RuleStep[]; ranges: string[] }[] {
  const byRange = new Map<string, RuleStep[]>();
  for (const rule of rules) {
    const steps = byRange.get(rule.range);
    if (steps) steps.push(rule);
    else byRange.set(rule.range, [rule]);
  }
  const bySteps = new Map<string, { steps: RuleStep[]; ranges: string[] }>();
  for (const [range, steps] of byRange) {
    const key = steps.map((r) => `${r.status}|${r.when.join('|')}`).join(';');
    const group = bySteps.get(key);
    if (group) group.ranges.push(range);
    else bySteps.set(key, { steps, ranges: [range] });
  }
  return [...bySteps.values()];
}

function buildRule(
  rule: RuleStep,
  ranges: GoogleAppsScript.Spreadsheet.Range[],
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const builder = SpreadsheetApp.newConditionalFormatRule();
  const when = rule.when;
  if (when[0] === 'between') builder.whenNumberBetween(when[1], when[2]);
  else if (when[0] === '>=') builder.whenNumberGreaterThanOrEqualTo(when[1]);
  else if (when[0] === '<=') builder.whenNumberLessThanOrEqualTo(when[1]);
  else if (when[0] === '>') builder.whenNumberGreaterThan(when[1]);
  else builder.whenNumberLessThan(when[1]);
  builder.setBackground(STATUS_COLOURS[rule.status].fill);
  builder.setFontColor(STATUS_COLOURS[rule.status].font);
  builder.setRanges(ranges);
  return builder.build();
}

function addCharts(sheet: Sheet, model: ReportModel): void {
  for (const spec of model.charts) {
    const base = sheet.newChart();
    const builder = spec.type === 'line' ? base.asLineChart() : base.asBarChart();
    builder.addRange(sheet.getRange(spec.labels));
    for (const s of spec.series) builder.addRange(sheet.getRange(s.range));
    builder.setPosition(spec.anchor.row + 1, spec.anchor.col + 1, 0, 0);
    builder.setNumHeaders(0); // the ranges hold data only: Sheets must not take a first label as a header
    builder.setOption('title', spec.title);
    if (spec.size) {
      // Sized as the layout says (charts stacked beside the totals must not overlap): rows of 21 px.
      const cols = model.columnWidths.slice(spec.anchor.col, spec.anchor.col + spec.size.cols);
      builder.setOption('height', spec.size.rows * 21);
      builder.setOption(
        'width',
        cols.reduce((sum, w) => sum + w, 0),
      );
    }
    builder.setOption('legend', { position: spec.series.length > 1 ? 'top' : 'none' });
    builder.setOption(
      'series',
      Object.fromEntries(spec.series.map((s, i) => [i, { labelInLegend: s.name }])),
    );
    sheet.insertChart(builder.build());
  }
}
