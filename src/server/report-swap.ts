/**
 * Refreshing a report tab so that no stop can lose the last good report. Apps Script ends a run
 * at its time limit (6 minutes) without running any catch or finally, so every state between two
 * calls must be one the next run can finish from. Two developer-metadata marks make it so:
 *
 * - STAGED_KEY on the complete staged copy: which tab it stands in for, and that tab's name;
 * - REWRITING_KEY on the tab while it is cleared and written again: the staged copy's sheet id.
 *
 * Steps: build the copy (a tab named "~Mizan building …", deleted by the next run if it stops
 * here) → mark it STAGED → mark the tab REWRITING → clear and write the tab → record what was
 * written → unmark the tab → delete the copy. `recoverInterrupted`, run first by every build and
 * refresh under the lock, finishes whatever a stopped run left: a tab still marked REWRITING may be
 * half-written, so its complete copy takes its name and place; otherwise the copy is surplus.
 * The only tab ever deleted is one whose complete replacement exists at that moment.
 */
import type { ReportModel } from '../core/report/model';
import {
  BUILDING_PREFIX,
  clearTab,
  freeName,
  RECIPE_KEY,
  REPORT_KEY,
  render,
  setRecipe,
} from './report-writer';
import { recordWritten, setWritten } from './written-cells';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** On a staged copy, once complete: {"tab": sheet id it stands in for, "name": that tab's name}. */
export const STAGED_KEY = 'mizan.staged';
/** On a tab being rewritten: the sheet id of its complete staged copy. */
export const REWRITING_KEY = 'mizan.rewriting';

interface Staged {
  readonly tab: number;
  readonly name: string;
}

function readStaged(text: string | null): Staged | null {
  try {
    const v = JSON.parse(text ?? '') as Partial<Staged>;
    return typeof v.tab === 'number' && typeof v.name === 'string' ? { tab: v.tab, name: v.name } : null;
  } catch {
    return null;
  }
}

/**
 * Finishes what a stopped refresh left (see the module comment), then deletes tabs left half-built
 * (named BUILDING_PREFIX, never marked complete). Returns how many staged copies it found.
 */
export function recoverInterrupted(ss: Spreadsheet): number {
  const marks = ss.createDeveloperMetadataFinder().withKey(STAGED_KEY).find();
  for (const mark of marks) {
    const copy = mark.getLocation().getSheet();
    const staged = readStaged(mark.getValue());
    if (!copy || !staged) continue;
    const tab = ss.getSheetById(staged.tab);
    const rewriting = tab
      ? tab.createDeveloperMetadataFinder().withKey(REWRITING_KEY).withValue(String(copy.getSheetId())).find()
      : [];
    if (tab && rewriting.length === 0) {
      ss.deleteSheet(copy); // the tab was never touched, or was finished: the copy is surplus
      continue;
    }
    // The tab may be half-written (or is already gone): its complete copy takes its place.
    if (tab) ss.deleteSheet(tab);
    copy.setName(staged.name);
    mark.remove();
  }
  // What is left under the building name is incomplete (stopped before it was marked): delete.
  for (const sheet of ss.getSheets()) if (sheet.getName().startsWith(BUILDING_PREFIX)) ss.deleteSheet(sheet);
  return marks.length;
}

/**
 * Rewrites `tab` in place (same sheet id, name and position, so links and formulas pointing at it
 * survive). Should the rewrite fail, the complete copy takes the tab's place at once; should the
 * run be stopped, the next run's `recoverInterrupted` does.
 */
export function rewriteInPlace(
  ss: Spreadsheet,
  model: ReportModel,
  target: { readonly tab: Sheet; readonly tabId: number; readonly source: Sheet; readonly recipe: string },
): { sheetId: number; name: string } {
  const { tab, recipe } = target;
  const name = tab.getName();
  const tempName = freeName(
    `${BUILDING_PREFIX}${Date.now()}`,
    ss.getSheets().map((s) => s.getName()),
  );
  // Right after the tab, so that once the tab is gone the copy sits where it was.
  const copy = ss.insertSheet(tempName, tab.getIndex());
  let written = '';
  try {
    copy.addDeveloperMetadata(REPORT_KEY, String(target.source.getSheetId()));
    copy.addDeveloperMetadata(RECIPE_KEY, recipe);
    render(copy, model);
    written = recordWritten(copy);
    copy.addDeveloperMetadata(STAGED_KEY, JSON.stringify({ tab: target.tabId, name }));
  } catch (error) {
    ss.deleteSheet(copy); // incomplete: never a stand-in (a leftover is deleted by the next run)
    throw error;
  }
  let marked = false;
  try {
    tab.addDeveloperMetadata(REWRITING_KEY, String(copy.getSheetId()));
    marked = true;
    clearTab(tab);
    render(tab, model);
    setRecipe(tab, recipe);
    setWritten(tab, written); // the same model on the same grid: the copy's record, no second read
    for (const m of tab.createDeveloperMetadataFinder().withKey(REWRITING_KEY).find()) m.remove();
  } catch (error) {
    // Unmarked, the tab was not touched and the copy is deleted; marked, the copy replaces it.
    recoverInterrupted(ss);
    if (!marked) throw error;
    copy.activate();
    return { sheetId: copy.getSheetId(), name };
  }
  // Done: the copy is surplus. Should this fail, the next run deletes it.
  try {
    tab.activate();
    ss.deleteSheet(copy);
  } catch {
    // left for recoverInterrupted
  }
  return { sheetId: target.tabId, name };
}
