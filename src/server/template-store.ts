/**
 * Saved templates live in a hidden sheet of the spreadsheet ("Mizan templates"), one row per
 * template, so that "Make a copy", sharing and version history carry them with no set-up
 * (docs/templates.md says why a sheet and not document properties or developer metadata).
 *
 * Each row holds id | name | updated (ISO) | the template as JSON, under a header row that Mizan
 * writes in row 1 but finds wherever it is (a person may delete it or sort it into the data).
 * Every read validates and migrates the JSON (a collaborator may have edited the sheet by hand):
 * rows that fail are reported and kept as they are, never dropped; every non-empty row that is
 * not the header is a template row, so none is ever written over by the header. Every change runs under the document
 * lock, reads the table once, and writes the whole table back with one setValues, so a change is
 * all or nothing and two sidebars cannot interleave.
 */
import type { Lang } from '../core/i18n/lang';
import { BUILTIN_TEMPLATES, builtinTemplate } from '../core/templates/builtin';
import { exportTemplate, importTemplate } from '../core/templates/io';
import { type MessageKey, templateMessage } from '../core/templates/messages';
import { migrateTemplate } from '../core/templates/migrate';
import { TEMPLATE_LIMITS, type Template, type TemplateProblem } from '../core/templates/schema';
import { nestingProblem, validateTemplate } from '../core/templates/validate';
import type { ServerError } from '../shared/rpc';
import { literalText } from './literal-text';
import { spreadsheetLang } from './sheet-language';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Lock = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'releaseLock'>;
type Value = string | number | boolean | Date | null;

export const TEMPLATE_SHEET = 'Mizan templates';
export const MAX_SAVED_TEMPLATES = 50;
/** How long a change waits for another Mizan action in this spreadsheet to finish. */
const LOCK_WAIT_MS = 10_000;
const HEADER = ['id', 'name', 'updated', 'template (JSON written by Mizan; change it from the sidebar)'];
const COLS = HEADER.length;

export interface SavedTemplate {
  readonly template: Template;
  readonly updated: string;
}

export interface UnreadableRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly problems: readonly TemplateProblem[];
}

export type StoreResult<T> =
  | ({ readonly ok: true } & T)
  | { readonly ok: false; readonly problems: readonly TemplateProblem[]; readonly error?: ServerError };

/** One data row as read: parsed, or kept raw because it could not be read. */
type Row =
  | { readonly saved: SavedTemplate; readonly raw?: undefined }
  | { readonly saved?: undefined; readonly raw: Value[] };

const problem = (path: string, message: string) => ({ ok: false as const, problems: [{ path, message }] });
const COPY: Readonly<Record<'en' | 'ar' | 'fa', string>> = { en: ' (copy)', ar: ' (نسخة)', fa: ' (کپی)' };

function readRow(cells: readonly Value[], row: number): Row | UnreadableRow | null {
  if (cells.every((c) => c === '' || c === null)) return null;
  const parsed = importTemplate(String(cells[3] ?? ''));
  if (!parsed.ok) return { row, problems: parsed.problems };
  const updated = cells[2] instanceof Date ? cells[2].toISOString() : String(cells[2] ?? '');
  return { saved: { template: parsed.template, updated } };
}

function cellsOf(saved: SavedTemplate): Value[] {
  const t = saved.template;
  // JSON starts with "{", which Sheets keeps as text; the other cells go through literalText.
  return [literalText(t.id), literalText(t.name), literalText(saved.updated), JSON.stringify(t)];
}

/** Mizan's header row, wherever it is: its first three cells, ignoring case and spaces. */
function isHeader(cells: readonly Value[]): boolean {
  return HEADER.slice(0, 3).every(
    (h, i) =>
      String(cells[i] ?? '')
        .trim()
        .toLowerCase() === h,
  );
}

/** A cell of a row kept as the user left it: text stays text, numbers and dates stay as they are. */
function keptCell(value: Value): Value {
  return typeof value === 'string' ? literalText(value) : value;
}

/** `base`, or `base-2`, `base-3`… if taken (built-in ids are always taken). */
function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base.slice(0, 44).replace(/-+$/, '')}-${n}`;
    if (!taken.has(id)) return id;
  }
}

export class TemplateStore {
  constructor(
    private readonly ss: Spreadsheet,
    private readonly lock: () => Lock,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The language of its messages: the one the sidebar speaks in this spreadsheet (its language
   * switch remembers it); English outside Sheets.
   */
  private lang(): Lang {
    this.said ??= spreadsheetLang(); // read once per store (the RPC opens one per call)
    return this.said;
  }

  private said: Lang | undefined;

  private say(key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
    return templateMessage(this.lang(), key, vars);
  }

  /** Saved templates and the rows that could not be read: one sheet lookup and one read. */
  list(): { readonly saved: readonly SavedTemplate[]; readonly unreadable: readonly UnreadableRow[] } {
    const { rows, unreadable } = this.read();
    return { saved: rows.flatMap((r) => (r.saved ? [r.saved] : [])), unreadable };
  }

  /** A saved template, or a built-in one, by id. */
  load(id: string): Template | null {
    return this.list().saved.find((s) => s.template.id === id)?.template ?? builtinTemplate(id) ?? null;
  }

  save(input: unknown, replace: boolean): StoreResult<{ template: Template; replaced: boolean }> {
    const deep = nestingProblem(input);
    if (deep) return { ok: false, problems: [deep] };
    const migrated = migrateTemplate(input, this.lang());
    if (!migrated.ok) return migrated;
    const checked = validateTemplate(migrated.value, this.lang());
    if (!checked.ok) return checked;
    const size = exportTemplate(checked.template).length;
    if (size > TEMPLATE_LIMITS.text)
      return problem('', this.say('storeTooBig', { n: size, max: TEMPLATE_LIMITS.text }));
    if (replace && builtinTemplate(checked.template.id))
      return problem('id', this.say('storeBuiltinReplace', { id: checked.template.id }));
    let result: { template: Template; replaced: boolean } | null = null;
    const written = this.change((rows) => {
      const at = replace ? rows.findIndex((r) => r.saved?.template.id === checked.template.id) : -1;
      const updated = this.now().toISOString();
      if (at >= 0) {
        rows[at] = { saved: { template: checked.template, updated } };
        result = { template: checked.template, replaced: true };
        return null;
      }
      if (rows.filter((r) => r.saved).length >= MAX_SAVED_TEMPLATES)
        return problem('', this.say('storeFull', { n: MAX_SAVED_TEMPLATES }));
      const template = { ...checked.template, id: freeId(checked.template.id, this.takenIds(rows)) };
      rows.push({ saved: { template, updated } });
      result = { template, replaced: false };
      return null;
    });
    return written.ok && result
      ? { ok: true, ...(result as { template: Template; replaced: boolean }) }
      : (written as StoreResult<never>);
  }

  rename(id: string, name: string): StoreResult<{ template: Template }> {
    return this.update(id, (t) => {
      const { names: _, ...rest } = t;
      return { ...rest, name };
    });
  }

  duplicate(id: string): StoreResult<{ template: Template }> {
    let result: Template | null = null;
    const written = this.change((rows) => {
      const source = rows.find((r) => r.saved?.template.id === id)?.saved?.template ?? builtinTemplate(id);
      if (!source) return problem('id', this.say('storeNoTemplate', { id }));
      if (rows.filter((r) => r.saved).length >= MAX_SAVED_TEMPLATES)
        return problem('', this.say('storeFull', { n: MAX_SAVED_TEMPLATES }));
      const names = source.names
        ? Object.fromEntries(
            Object.entries(source.names).map(([l, n]) => [
              l,
              `${n}${COPY[l as 'en']}`.slice(0, TEMPLATE_LIMITS.name),
            ]),
          )
        : undefined;
      const template: Template = {
        ...source,
        id: freeId(`${source.id.slice(0, 40)}-copy`, this.takenIds(rows)),
        name: `${source.name}${COPY.en}`.slice(0, TEMPLATE_LIMITS.name),
        ...(names ? { names } : {}),
      };
      rows.push({ saved: { template, updated: this.now().toISOString() } });
      result = template;
      return null;
    });
    return written.ok && result ? { ok: true, template: result } : (written as StoreResult<never>);
  }

  delete(id: string): StoreResult<{ id: string }> {
    if (builtinTemplate(id)) return problem('id', this.say('storeBuiltinDelete', { id }));
    const written = this.change((rows) => {
      const at = rows.findIndex((r) => r.saved?.template.id === id);
      if (at < 0) return problem('id', this.say('storeNoSaved', { id }));
      rows.splice(at, 1);
      return null;
    });
    return written.ok ? { ok: true, id } : written;
  }

  exportText(id: string): StoreResult<{ text: string }> {
    const t = this.load(id);
    return t ? { ok: true, text: exportTemplate(t) } : problem('id', this.say('storeNoTemplate', { id }));
  }

  /** Validates and migrates first: on any problem nothing is read from or written to the sheet. */
  importText(
    text: unknown,
    lang: Lang = 'en',
  ): StoreResult<{ template: Template; migratedFrom: number | null }> {
    const parsed = importTemplate(text, lang);
    if (!parsed.ok) return parsed;
    const saved = this.save(parsed.template, false);
    return saved.ok ? { ok: true, template: saved.template, migratedFrom: parsed.migratedFrom } : saved;
  }

  private update(id: string, edit: (t: Template) => unknown): StoreResult<{ template: Template }> {
    if (builtinTemplate(id)) return problem('id', this.say('storeBuiltinEdit', { id }));
    let result: Template | null = null;
    const written = this.change((rows) => {
      const at = rows.findIndex((r) => r.saved?.template.id === id);
      const current = rows[at]?.saved;
      if (!current) return problem('id', this.say('storeNoSaved', { id }));
      const checked = validateTemplate(edit(current.template), this.lang());
      if (!checked.ok) return checked;
      rows[at] = { saved: { template: checked.template, updated: this.now().toISOString() } };
      result = checked.template;
      return null;
    });
    return written.ok && result ? { ok: true, template: result } : (written as StoreResult<never>);
  }

  private takenIds(rows: readonly Row[]): Set<string> {
    return new Set([
      ...BUILTIN_TEMPLATES.map((t) => t.id),
      ...rows.flatMap((r) => (r.saved ? [r.saved.template.id] : [])),
    ]);
  }

  private read(): { sheet: Sheet | null; height: number; rows: Row[]; unreadable: UnreadableRow[] } {
    const sheet = this.ss.getSheetByName(TEMPLATE_SHEET);
    if (!sheet) return { sheet: null, height: 0, rows: [], unreadable: [] };
    const values = sheet.getDataRange().getValues() as Value[][];
    const rows: Row[] = [];
    const unreadable: UnreadableRow[] = [];
    // The header is found wherever it is, not assumed in row 1: a person may have deleted it
    // (row 1 is then a template) or sorted the sheet with it (it is then anywhere).
    values.forEach((cells, i) => {
      if (isHeader(cells)) return;
      const r = readRow(cells, i + 1);
      if (!r) return;
      if ('problems' in r) {
        unreadable.push(r);
        rows.push({ raw: cells.slice(0, COLS) });
      } else rows.push(r);
    });
    return { sheet, height: values.length, rows, unreadable };
  }

  /**
   * Runs `edit` on the rows under the document lock and writes the result in one setValues; when
   * `edit` returns problems, nothing is written.
   */
  private change(edit: (rows: Row[]) => StoreResult<never> | null): StoreResult<object> {
    const lock = this.lock();
    if (!lock.tryLock(LOCK_WAIT_MS))
      return {
        ok: false,
        problems: [{ path: '', message: this.say('storeBusy') }],
        error: { code: 'busy' },
      };
    try {
      const { sheet, height, rows } = this.read();
      const refused = edit(rows);
      if (refused) return refused;
      // Unreadable rows are kept as they were, but their text is written back literally: getValues
      // gives "=HYPERLINK(…)" without the apostrophe that kept it text, and setValues would make
      // it a live formula.
      const table: Value[][] = [
        HEADER,
        ...rows.map((r) => (r.saved ? cellsOf(r.saved) : r.raw.map(keptCell))),
      ];
      // Rows the table no longer needs are blanked in the same call.
      while (table.length < height) table.push(new Array<Value>(COLS).fill(''));
      for (const row of table) while (row.length < COLS) row.push('');
      let target = sheet;
      if (!target) {
        // insertSheet activates the new sheet: hide it and give the user their tab back.
        const active = this.ss.getActiveSheet();
        target = this.ss.insertSheet(TEMPLATE_SHEET);
        target.hideSheet();
        this.ss.setActiveSheet(active);
      }
      try {
        target.getRange(1, 1, table.length, COLS).setValues(table);
      } catch (e) {
        if (!sheet) this.ss.deleteSheet(target); // leave no empty templates sheet behind
        return {
          ok: false,
          problems: [{ path: '', message: this.say('storeWriteFailed') }],
          error: { code: 'write-failed', detail: e instanceof Error ? e.message : String(e) },
        };
      }
      return { ok: true };
    } finally {
      lock.releaseLock();
    }
  }
}
