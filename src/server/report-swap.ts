/**
 * Replacing a report tab so that no stop can lose the last good report, for Generate ("update"
 * of an existing report tab) and Refresh alike. Apps Script ends a run at its time limit
 * (6 minutes) without running any catch or finally, so every state between two calls must be one
 * the next run can finish from. Three developer-metadata marks make it so:
 *
 * - BUILDING_KEY on the spreadsheet, added before a temporary tab ("~Mizan building …") is
 *   inserted: that tab's name. Only a tab under a recorded name is ever deleted as a leftover, so
 *   a user's tab, whatever its name, never is;
 * - STAGED_KEY on the complete copy: which tab it stands in for, and that tab's name;
 * - REWRITING_KEY on a tab being rewritten in place (Refresh): the copy's sheet id.
 *
 * Both start by staging a complete copy: record its name → insert it → write it → mark it STAGED.
 * Generate then deletes the old tab (one call: the commit) and gives the copy its name. Refresh
 * marks the tab REWRITING (its commit), clears and writes it again, unmarks it, and deletes the
 * copy. `recoverInterrupted`, run first by every build and refresh under the lock, finishes
 * whatever a stopped run left: a staged copy whose tab is gone, or still marked REWRITING (so
 * perhaps half-written), takes the tab's name and place; a copy whose tab stands unmarked is
 * surplus; a tab still under a recorded temporary name is incomplete or surplus, and deleted. The
 * only Mizan tab ever deleted is one whose complete replacement exists at that moment.
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** Name of a tab being built (hidden from the lists of report tabs). */
export const BUILDING_PREFIX = '~Mizan building ';
/** On the spreadsheet, while a temporary tab carries its temporary name: that name. */
export const BUILDING_KEY = 'mizan.building';
/** On a staged copy, once complete: {"tab": sheet id it stands in for, "name": that tab's name}. */
export const STAGED_KEY = 'mizan.staged';
/** On a tab being rewritten in place: the sheet id of its complete staged copy. */
export const REWRITING_KEY = 'mizan.rewriting';
const MAX_NAME = 100;

/** What a staged copy stands in for. */
export interface Staged {
  readonly tab: number;
  readonly name: string;
}

/** A temporary tab, with what is needed to finish or drop it without another read. */
export interface Copy {
  readonly sheet: Sheet;
  readonly id: number;
  readonly tempName: string;
}

/** `wanted`, or "wanted (2)", "(3)"… so no tab is overwritten (Sheets compares names ignoring case). */
export function freeName(wanted: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const base = wanted.trim().slice(0, MAX_NAME) || 'KPI report';
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = base.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

function readStaged(text: string | null): Staged | null {
  try {
    const v = JSON.parse(text ?? '') as Partial<Staged>;
    return typeof v.tab === 'number' && typeof v.name === 'string' ? { tab: v.tab, name: v.name } : null;
  } catch {
    return null;
  }
}

const removeAll = (marks: readonly Metadata[]): void => {
  for (const m of marks) m.remove();
};

function unmark(sheet: Sheet, key: string): void {
  removeAll(sheet.createDeveloperMetadataFinder().withKey(key).find());
}

function unregister(ss: Spreadsheet, tempName: string): void {
  removeAll(ss.createDeveloperMetadataFinder().withKey(BUILDING_KEY).withValue(tempName).find());
}

/** Deletes the tab under a recorded temporary name (if it was inserted), then its record. */
function dropTemporary(ss: Spreadsheet, tempName: string): void {
  for (const sheet of ss.getSheets()) if (sheet.getName() === tempName) ss.deleteSheet(sheet);
  unregister(ss, tempName);
}

/**
 * A complete copy in a new temporary tab at `index` (0-based), written by `fill`, and marked as
 * standing in for `standsFor` when given. Should anything fail, the copy is deleted and the
 * error rethrown (a copy a stop leaves is found by its recorded name: see recoverInterrupted).
 */
export function stageCopy(
  ss: Spreadsheet,
  taken: readonly string[],
  index: number,
  fill: (copy: Sheet) => void,
  standsFor: Staged | null,
): Copy {
  const tempName = freeName(`${BUILDING_PREFIX}${Date.now()}`, taken);
  ss.addDeveloperMetadata(BUILDING_KEY, tempName); // before the tab exists: no moment it is unrecorded
  try {
    const sheet = ss.insertSheet(tempName, index);
    const id = sheet.getSheetId();
    fill(sheet);
    if (standsFor) sheet.addDeveloperMetadata(STAGED_KEY, JSON.stringify(standsFor));
    return { sheet, id, tempName };
  } catch (error) {
    try {
      dropTemporary(ss, tempName);
    } catch {
      // left for recoverInterrupted: the tab's name is still recorded
    }
    throw error;
  }
}

/** The commit of a rewrite in place: from this mark on, a stop gives the tab's place to the copy. */
export function markGivingWay(tab: Sheet, copy: Copy): void {
  tab.addDeveloperMetadata(REWRITING_KEY, String(copy.id));
}

/** A rewrite in place is complete: the tab keeps its place. */
export function unmarkGivingWay(tab: Sheet): void {
  unmark(tab, REWRITING_KEY);
}

/** Shows `tab` and deletes a copy no longer needed; should that fail, the next run deletes it. */
export function discardCopy(ss: Spreadsheet, copy: Copy, tab: Sheet): void {
  try {
    tab.activate();
    ss.deleteSheet(copy.sheet);
    unregister(ss, copy.tempName);
  } catch {
    // the copy is still under its recorded name: recoverInterrupted deletes it
  }
}

/**
 * Generate's swap: the staged copy replaces `tab` (deleted) and takes `name`; or, with no tab,
 * the copy simply takes `name`. A failure before the rename is left to `tookOver`.
 */
export function replaceWith(ss: Spreadsheet, copy: Copy, tab: Sheet | null, name: string): void {
  if (tab) ss.deleteSheet(tab); // the commit, in one call: before it the old report stands
  copy.sheet.setName(name);
  try {
    unregister(ss, copy.tempName);
    if (tab) unmark(copy.sheet, STAGED_KEY);
  } catch {
    // the report is in place; recoverInterrupted removes what marks are left
  }
}

/**
 * After a step of a swap failed (threw): finishes or undoes it as after a stop, and says whether
 * the copy took the tab's place (true: the new report is there; false: the old one is untouched).
 */
export function tookOver(ss: Spreadsheet, copy: Copy): boolean {
  recoverInterrupted(ss);
  return ss.getSheetById(copy.id) !== null;
}

/** A stopped swap's staged copy: takes the place of a tab marked as giving way to it, or is surplus. */
function finishSwap(ss: Spreadsheet, mark: Metadata, temporary: ReadonlySet<string>): void {
  const copy = mark.getLocation().getSheet();
  const staged = readStaged(mark.getValue());
  if (!copy || !staged) return;
  // A copy no longer under its temporary name was renamed (a finished swap, or by the user): kept.
  const isTemporary = temporary.has(copy.getName());
  const tab = ss.getSheetById(staged.tab);
  if (tab) {
    const givingWay = tab
      .createDeveloperMetadataFinder()
      .withKey(REWRITING_KEY)
      .withValue(String(copy.getSheetId()))
      .find();
    if (givingWay.length === 0) {
      // The tab was never touched, or was finished: a temporary copy is deleted with the rest below.
      if (!isTemporary) mark.remove();
      return;
    }
    ss.deleteSheet(tab); // may be half-written; its complete copy exists
  }
  if (isTemporary) {
    // The name is free unless a tab was made with it since the old one was deleted: then "(2)".
    const ownName = copy.getName();
    const taken = ss
      .getSheets()
      .map((s) => s.getName())
      .filter((n) => n !== ownName);
    copy.setName(freeName(staged.name, taken));
  }
  mark.remove();
}

/**
 * Finishes what a stopped build or refresh left (see the module comment), then deletes the tabs
 * still under a recorded temporary name (incomplete, or surplus copies) and the records. Cheap
 * when nothing was left: two metadata lookups. Returns how many staged copies it found.
 */
export function recoverInterrupted(ss: Spreadsheet): number {
  const marks = ss.createDeveloperMetadataFinder().withKey(STAGED_KEY).find();
  const records = ss.createDeveloperMetadataFinder().withKey(BUILDING_KEY).find();
  if (marks.length === 0 && records.length === 0) return 0;
  const temporary = new Set(records.map((r) => r.getValue() ?? ''));
  for (const mark of marks) finishSwap(ss, mark, temporary);
  for (const sheet of ss.getSheets()) if (temporary.has(sheet.getName())) ss.deleteSheet(sheet);
  removeAll(records);
  return marks.length;
}
