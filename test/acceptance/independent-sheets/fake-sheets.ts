/**
 * A second, minimal fake of the Apps Script Spreadsheet service, written from the reference
 * (developers.google.com/apps-script/reference/spreadsheet/*) without looking at Mizan's own fake
 * or server code. Each behaviour cites its page ("ref: <page>#<method>"). Whatever the bundle calls
 * that is not modelled is recorded in `world.missing` (and is undefined, so the call fails), rather
 * than guessed.
 */
import { type Book, buildBook, type Computed, type Raw } from './formula-engine';
import { instantOfSerial, serialOfInstant, wallAt } from './time';
import { readTyped } from './typed-input';

const REF = 'developers.google.com/apps-script/reference';

export type CellKind = 'empty' | 'text' | 'number' | 'boolean' | 'formula';

export interface Cell {
  kind: CellKind;
  /** text, number (dates are numbers with a date format), boolean; '' when empty or a formula. */
  value: string | number | boolean;
  formula: string;
  /** Number format; '' is the default ("automatic"). */
  format: string;
  note: string;
  style: Record<string, unknown>;
}

export interface WorldOptions {
  /** Spreadsheet.getSpreadsheetTimeZone(). */
  readonly timeZone: string;
  readonly locale?: string;
  /** The vm realm's Date, so `instanceof Date` holds inside the bundle. */
  readonly DateCtor: DateConstructor;
  /** The year a typed "1/2" falls in. */
  readonly currentYear?: number;
  /** False: LockService.getDocumentLock() returns null, as outside a document (ref: lock/lock-service#getdocumentlock). */
  readonly documentLock?: boolean;
  /** Session.getActiveUserLocale() (ref: base/session#getactiveuserlocale: "for example en"). */
  readonly userLocale?: string;
  /**
   * 'reverse': DeveloperMetadataFinder.find() lists the newest first. The reference
   * (spreadsheet/developer-metadata-finder#find) does not state an order, so code must not rely on one.
   */
  readonly metadataOrder?: 'creation' | 'reverse';
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface CondFormat {
  readonly condition: { readonly type: string; readonly values: readonly unknown[] } | null;
  readonly gradient: boolean;
  readonly format: Readonly<Record<string, unknown>>;
  readonly ranges: readonly RangeRef[];
}

export interface RangeRef {
  readonly sheet: SheetModel;
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

export interface SheetModel {
  name: string;
  readonly id: number;
  maxRows: number;
  maxCols: number;
  readonly cells: Map<string, Cell>;
  hidden: boolean;
  frozenRows: number;
  frozenCols: number;
  rightToLeft: boolean;
  rules: CondFormat[];
  metadata: { id: number; key: string; value: string | null }[];
  charts: { id: number; calls: unknown[][] }[];
  widths: Map<number, number>;
}

// ---------------------------------------------------------------- A1 notation

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** "A1", "B2:D9", "C:C", "3:5" (no sheet part). */
function parseA1(
  ref: string,
  sheet: SheetModel,
): { row: number; col: number; numRows: number; numCols: number } {
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(ref.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(`Range not found (${ref})`);
  const c1 = m[1] ? columnNumber(m[1]) : 1;
  const r1 = m[2] ? Number(m[2]) : 1;
  const hasEnd = m[3] !== undefined || m[4] !== undefined;
  const c2 = hasEnd ? (m[3] ? columnNumber(m[3]) : sheet.maxCols) : c1;
  const r2 = hasEnd ? (m[4] ? Number(m[4]) : sheet.maxRows) : r1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numCols: Math.abs(c2 - c1) + 1,
  };
}

function splitSheetRef(ref: string): { sheet: string | null; range: string } {
  const bang = ref.lastIndexOf('!');
  if (bang < 0) return { sheet: null, range: ref };
  let name = ref.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return { sheet: name, range: ref.slice(bang + 1) };
}

// ---------------------------------------------------------------- helpers

function emptyCell(): Cell {
  return { kind: 'empty', value: '', formula: '', format: '', note: '', style: {} };
}

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** A date/time number format: one with d, y or h outside quotes (ref: spreadsheet/range#setnumberformat). */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return bare !== '@' && !/general/i.test(bare) && /[dDyYhH]/.test(bare);
}

const STYLE_PROPS = [
  'FontWeight',
  'FontStyle',
  'FontSize',
  'FontColor',
  'FontFamily',
  'FontLine',
  'Background',
  'HorizontalAlignment',
  'VerticalAlignment',
  'Wrap',
  'WrapStrategy',
  'TextDirection',
  'TextRotation',
];

/** The world a `missing` set belongs to, so every API call can be counted (and stopped). */
const worldOf = new WeakMap<Set<string>, FakeWorld>();

/** Counts one call through the world's clock; throws once the run has been "stopped". */
function counted(cls: string, prop: string, f: unknown, missing: Set<string>): unknown {
  if (typeof f !== 'function') return f;
  return (...args: unknown[]) => {
    worldOf.get(missing)?.tick(`${cls}.${prop}`);
    return (f as (...a: unknown[]) => unknown)(...args);
  };
}

/** Wraps an API object: members it lacks are recorded in `missing` and read as undefined. */
function strict<T extends object>(
  cls: string,
  obj: T,
  missing: Set<string>,
  fallback?: (p: string) => unknown,
): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol') return Reflect.get(target, prop, receiver);
      if (prop in target) {
        const v = Reflect.get(target, prop, receiver);
        return prop.startsWith('__') ? v : counted(cls, prop, v, missing);
      }
      if (prop === 'then' || prop === 'toJSON' || prop === 'constructor') return undefined;
      const f = fallback?.(prop);
      if (f !== undefined) return counted(cls, prop, f, missing);
      missing.add(`${cls}.${prop}`);
      return undefined;
    },
  });
}

/** A builder that records every call and returns itself (charts, HTML output, menus: not modelled). */
function recorder(calls: unknown[][], result?: () => unknown): unknown {
  const self: unknown = new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        return (...args: unknown[]) => {
          calls.push([prop, ...args]);
          return prop === 'build' && result ? result() : self;
        };
      },
    },
  );
  return self;
}

/** java.text.SimpleDateFormat letters y M d H m s S and 'quoted' text; others are refused. */
function formatDate(date: Date, tz: string, pattern: string): string {
  if (!isDate(date)) throw new Error('Utilities.formatDate: not a Date');
  const ms = date.getTime();
  const w = wallAt(ms, tz);
  const pad = (n: number, k: number) => String(n).padStart(k, '0');
  const out: string[] = [];
  const re = /'([^']*)'|([yMdHmsS])\2*|./g;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    if (m[1] !== undefined) out.push(m[1] === '' ? "'" : m[1]);
    else if (m[2]) {
      const k = m[0].length;
      const v =
        { y: w.y, M: w.m, d: w.d, H: w.h, m: w.mi, s: w.s, S: ((ms % 1000) + 1000) % 1000 }[m[2]] ?? 0;
      out.push(m[2] === 'y' && k === 2 ? pad(v % 100, 2) : pad(v, k));
    } else if (/[A-Za-z]/.test(m[0]))
      throw new Error(`Utilities.formatDate: pattern letter ${m[0]} not modelled`);
    else out.push(m[0]);
  }
  return out.join('');
}

// ---------------------------------------------------------------- the world

export class FakeWorld {
  readonly sheets: SheetModel[] = [];
  readonly missing = new Set<string>();
  readonly uiCalls: unknown[][] = [];
  readonly opts: Required<WorldOptions>;
  active: SheetModel | null = null;
  private nextId = 0;
  private nextMeta = 1;
  /** Developer metadata on the spreadsheet itself (ref: spreadsheet/spreadsheet#adddevelopermetadata). */
  private readonly bookMetadata: { id: number; key: string; value: string | null }[] = [];
  private book: Book | null = null;

  constructor(opts: WorldOptions) {
    this.opts = {
      locale: 'en_US',
      currentYear: 2026,
      documentLock: true,
      userLocale: 'en',
      metadataOrder: 'creation',
      ...opts,
    };
    worldOf.set(this.missing, this);
  }

  // ----- executions: auth mode, the call clock, the time limit

  /**
   * ref: script/auth-mode: NONE "does not allow access to any services that require authorization"
   * (the page's onOpen example reads document properties only outside NONE). While it is NONE, the
   * active spreadsheet and PropertiesService are refused and recorded in `forbidden`.
   */
  authMode: AuthModeName = 'FULL';
  readonly forbidden: string[] = [];
  /** Every service read that decides a language (Properties, Session, the spreadsheet's locale), in order. */
  readonly reads: string[] = [];
  /** ref: script/script-app#authmode: the enum; one object per value so `===` comparisons hold. */
  readonly AuthMode = Object.fromEntries(
    (['NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION'] as const).map((n, i) => [
      n,
      { toString: () => n, name: () => n, ordinal: () => i, toJSON: () => n },
    ]),
  ) as unknown as Record<AuthModeName, { toString(): string }>;
  /** Document properties: stored with the document, so a later execution sees them. */
  readonly documentProperties = new Map<string, string>();
  readonly userProperties = new Map<string, string>();
  readonly scriptProperties = new Map<string, string>();
  /** API calls made so far (every method of every modelled object), and their names. */
  calls = 0;
  readonly callLog: string[] = [];
  /**
   * The time limit: from the `stopAt`-th call on, every call throws, as when Apps Script ends a run
   * at 6 minutes (developers.google.com/apps-script/guides/services/quotas: "Script runtime 6 min /
   * execution"); nothing the script does after that reaches the spreadsheet.
   */
  stopAt: number | null = null;

  tick(name: string): void {
    this.calls++;
    this.callLog.push(name);
    if (this.stopAt !== null && this.calls >= this.stopAt) {
      throw new Error(`Exceeded maximum execution time (stopped at call ${this.stopAt}: ${name})`);
    }
  }

  private refuseInNone(what: string): void {
    if (this.authMode !== 'NONE') return;
    this.forbidden.push(what);
    throw new Error(`${what}: not allowed in AuthMode.NONE (authorization required)`);
  }

  private properties(store: Map<string, string>, what: string): unknown {
    // ref: properties/properties: getProperty (null when absent), setProperty, getProperties, deleteProperty.
    const api = strict(
      'Properties',
      {
        getProperty: (k: string) => {
          this.reads.push(`${what}.getProperty(${k})`);
          return store.has(k) ? (store.get(k) as string) : null;
        },
        setProperty: (k: string, v: string) => {
          store.set(k, String(v));
          return api;
        },
        getProperties: () => {
          this.reads.push(`${what}.getProperties`);
          return Object.fromEntries(store);
        },
        getKeys: () => [...store.keys()],
        deleteProperty: (k: string) => {
          store.delete(k);
          return api;
        },
      },
      this.missing,
    );
    return api;
  }

  // ----- a person's edits in the Sheets UI (not script calls)

  /** Edit → Delete row: the rows below move up (ref: spreadsheet/sheet#deleterow does the same from a script). */
  deleteRowByHand(sheet: SheetModel, row: number): void {
    const moved = new Map<string, Cell>();
    for (const [key, c] of sheet.cells) {
      const [r = 0, col = 0] = key.split(':').map(Number);
      if (r === row) continue;
      moved.set(`${r > row ? r - 1 : r}:${col}`, c);
    }
    sheet.cells.clear();
    for (const [k, c] of moved) sheet.cells.set(k, c);
    this.changed();
  }

  /**
   * Data → Sort range, rows `from`..`to` by column `col`, A→Z, with no header row declared (ref:
   * spreadsheet/range#sort; text compared here case-insensitively, blanks last). Whole rows move.
   */
  sortRowsByHand(sheet: SheetModel, from: number, to: number, col: number): void {
    const rows: Map<number, Cell>[] = [];
    for (let r = from; r <= to; r++) {
      const line = new Map<number, Cell>();
      for (const [key, c] of sheet.cells) {
        const [rr = 0, cc = 0] = key.split(':').map(Number);
        if (rr === r) line.set(cc, c);
      }
      rows.push(line);
    }
    const keyOf = (line: Map<number, Cell>) => String(line.get(col)?.value ?? '').toLowerCase();
    rows.sort((a, b) => {
      const [x, y] = [keyOf(a), keyOf(b)];
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    for (const key of [...sheet.cells.keys()]) {
      const r = Number(key.split(':')[0]);
      if (r >= from && r <= to) sheet.cells.delete(key);
    }
    rows.forEach((line, i) => {
      for (const [cc, c] of line) sheet.cells.set(`${from + i}:${cc}`, c);
    });
    this.changed();
  }

  /**
   * Right-click → Duplicate (ref: spreadsheet/spreadsheet#duplicateactivesheet: "Duplicates the
   * active sheet"; spreadsheet/sheet#copyto). The copy goes right after the original, named
   * "Copy of …". That its developer metadata is copied is what issue 10 reports; the reference
   * does not say.
   */
  duplicateByHand(sheet: SheetModel): SheetModel {
    const copy = this.addSheet(`Copy of ${sheet.name}`, this.sheets.indexOf(sheet) + 1);
    for (const [k, c] of sheet.cells) copy.cells.set(k, { ...c, style: { ...c.style } });
    copy.maxRows = sheet.maxRows;
    copy.maxCols = sheet.maxCols;
    copy.frozenRows = sheet.frozenRows;
    copy.frozenCols = sheet.frozenCols;
    copy.rightToLeft = sheet.rightToLeft;
    copy.rules = sheet.rules.map((r) => ({ ...r, ranges: r.ranges.map((x) => ({ ...x, sheet: copy })) }));
    copy.metadata = sheet.metadata.map((m) => ({ ...m, id: this.nextMeta++ }));
    copy.charts = sheet.charts.map((c, i) => ({ id: i + 1, calls: c.calls }));
    for (const [k, w] of sheet.widths) copy.widths.set(k, w);
    this.changed();
    return copy;
  }

  // ----- model operations (used by the API objects and by tests to seed data)

  addSheet(name: string, index = this.sheets.length): SheetModel {
    this.assertFreeName(name);
    const sheet: SheetModel = {
      name,
      // ref: spreadsheet/sheet#getsheetid: the first sheet's id is 0 (gid=0); others are arbitrary.
      id: this.nextId === 0 ? this.nextId++ : 1_000_000 + 7919 * this.nextId++,
      // ref: spreadsheet/spreadsheet#insertsheet: a new sheet is 1000 rows × 26 columns.
      maxRows: 1000,
      maxCols: 26,
      cells: new Map(),
      hidden: false,
      frozenRows: 0,
      frozenCols: 0,
      rightToLeft: false,
      rules: [],
      metadata: [],
      charts: [],
      widths: new Map(),
    };
    this.sheets.splice(index, 0, sheet);
    this.changed();
    return sheet;
  }

  /** Sheet names are unique regardless of case (the Sheets UI refuses "sheet1" next to "Sheet1"). */
  assertFreeName(name: string, except?: SheetModel): void {
    const clash = this.sheets.find((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
    if (clash) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: SheetModel, row: number, col: number): Cell {
    const key = `${row}:${col}`;
    let c = sheet.cells.get(key);
    if (!c) {
      c = emptyCell();
      sheet.cells.set(key, c);
    }
    return c;
  }

  peek(sheet: SheetModel, row: number, col: number): Cell | undefined {
    return sheet.cells.get(`${row}:${col}`);
  }

  activeSheet(): SheetModel {
    const s = this.active ?? this.sheets[0];
    if (!s) throw new Error('the spreadsheet has no sheets');
    return s;
  }

  changed(): void {
    this.book?.destroy();
    this.book = null;
  }

  /** Writes one JS value as a script's setValue would (ref: spreadsheet/range#setvalue). */
  write(sheet: SheetModel, row: number, col: number, v: unknown): void {
    const c = this.cell(sheet, row, col);
    c.formula = '';
    if (v === null || v === undefined || v === '') {
      c.kind = 'empty';
      c.value = '';
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`Cannot write ${v} to ${sheet.name}!${a1(row, col)}`);
      c.kind = 'number';
      c.value = v;
    } else if (typeof v === 'boolean') {
      c.kind = 'boolean';
      c.value = v;
    } else if (isDate(v)) {
      // A Date is stored as its wall clock in the spreadsheet's time zone.
      c.kind = 'number';
      c.value = serialOfInstant(v.getTime(), this.opts.timeZone);
      if (!c.format || !isDateFormat(c.format))
        c.format = c.value % 1 === 0 ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss';
    } else {
      const t = readTyped(String(v), c.format, this.opts.currentYear);
      c.kind = t.kind === 'date' ? 'number' : t.kind;
      c.value = '';
      if (t.kind === 'text') c.value = t.text;
      else if (t.kind === 'formula') c.formula = t.formula;
      else if (t.kind === 'boolean') c.value = t.value;
      else if (t.kind === 'number') {
        c.value = t.value;
        // Typing 5% or $5 into an automatic cell also gives it a percent / currency format.
        if (!c.format && t.format === 'percent') c.format = '0.00%';
        if (!c.format && t.format === 'currency') c.format = '"$"#,##0.00';
      } else if (t.kind === 'date') {
        c.value = t.serial;
        if (!c.format || !isDateFormat(c.format)) c.format = 'M/d/yyyy';
      }
    }
    this.changed();
  }

  /** Every sheet computed by the formula engine (cached until the next write). */
  computed(): Book {
    if (!this.book) {
      const input = new Map<string, Raw[][]>();
      for (const s of this.sheets) input.set(s.name, this.rawGrid(s));
      this.book = buildBook(input);
    }
    return this.book;
  }

  private rawGrid(s: SheetModel): Raw[][] {
    let rows = 0;
    let cols = 0;
    for (const [key, c] of s.cells) {
      if (c.kind === 'empty') continue;
      const [r = 0, col = 0] = key.split(':').map(Number);
      rows = Math.max(rows, r);
      cols = Math.max(cols, col);
    }
    const grid: Raw[][] = Array.from({ length: rows }, () => Array<Raw>(cols).fill(null));
    for (const [key, c] of s.cells) {
      const [r = 0, col = 0] = key.split(':').map(Number);
      const line = grid[r - 1];
      if (!line || c.kind === 'empty') continue;
      line[col - 1] = c.kind === 'formula' ? c.formula : c.kind === 'text' ? `'${c.value}` : (c.value as Raw);
    }
    return grid;
  }

  /** The value a cell shows (formulas computed); errors as { error: '#N/A' }. */
  valueAt(sheet: SheetModel, row: number, col: number): Computed {
    const c = this.peek(sheet, row, col);
    if (!c || c.kind === 'empty') return null;
    if (c.kind !== 'formula') return c.value;
    return this.computed().values.get(sheet.name)?.[row - 1]?.[col - 1] ?? null;
  }

  /** What getValues returns for one cell (ref: spreadsheet/range#getvalues). */
  scriptValue(sheet: SheetModel, row: number, col: number): unknown {
    const v = this.valueAt(sheet, row, col);
    if (v === null) return '';
    // Error cells come back as their error text ("#N/A").
    if (typeof v === 'object') return v.error;
    const format = this.peek(sheet, row, col)?.format ?? '';
    // A date cell is a Date at its wall clock in the spreadsheet's zone (ref: spreadsheet/spreadsheet#getspreadsheettimezone).
    if (typeof v === 'number' && isDateFormat(format)) {
      return new this.opts.DateCtor(instantOfSerial(v, this.opts.timeZone));
    }
    return v;
  }

  // ----- the services the bundle sees

  globals(): Record<string, unknown> {
    const ss = this.spreadsheetApi();
    return {
      SpreadsheetApp: strict(
        'SpreadsheetApp',
        {
          getActiveSpreadsheet: () => {
            this.refuseInNone('SpreadsheetApp.getActiveSpreadsheet');
            return ss;
          },
          getActive: () => {
            this.refuseInNone('SpreadsheetApp.getActive');
            return ss;
          },
          getUi: () => recorder(this.uiCalls),
          flush: () => undefined,
          newConditionalFormatRule: () =>
            this.ruleBuilder({ condition: null, gradient: false, format: {}, ranges: [] }),
          // ref: spreadsheet/wrap-strategy: WRAP, OVERFLOW, CLIP; one object per value.
          WrapStrategy: Object.fromEntries(
            (['WRAP', 'OVERFLOW', 'CLIP'] as const).map((n, i) => [
              n,
              { toString: () => n, name: () => n, ordinal: () => i, toJSON: () => n },
            ]),
          ),
        },
        this.missing,
      ),
      LockService: strict(
        'LockService',
        {
          // ref: lock/lock-service#getdocumentlock: "If this method is called outside of the context of a containing document … null is returned."
          getDocumentLock: () => (this.opts.documentLock ? this.lock() : null),
          getScriptLock: () => this.lock(),
          getUserLock: () => this.lock(),
        },
        this.missing,
      ),
      Utilities: strict(
        'Utilities',
        {
          // ref: utilities/utilities#formatdate(date,timezone,format): SimpleDateFormat patterns in a given zone.
          formatDate: (date: Date, tz: string, pattern: string) => formatDate(date, tz, pattern),
        },
        this.missing,
      ),
      HtmlService: strict(
        'HtmlService',
        { createHtmlOutputFromFile: () => recorder(this.uiCalls) },
        this.missing,
      ),
      // ref: properties/properties-service: getDocumentProperties, getUserProperties, getScriptProperties.
      PropertiesService: strict(
        'PropertiesService',
        {
          getDocumentProperties: () => {
            this.refuseInNone('PropertiesService.getDocumentProperties');
            return this.properties(this.documentProperties, 'DocumentProperties');
          },
          getUserProperties: () => {
            this.refuseInNone('PropertiesService.getUserProperties');
            return this.properties(this.userProperties, 'UserProperties');
          },
          getScriptProperties: () => {
            this.refuseInNone('PropertiesService.getScriptProperties');
            return this.properties(this.scriptProperties, 'ScriptProperties');
          },
        },
        this.missing,
      ),
      // ref: base/session#getactiveuserlocale: "the current user's language setting as a string, for
      // example en". Whether NONE allows it is not stated; it is recorded in `reads`, not refused.
      Session: strict(
        'Session',
        {
          getActiveUserLocale: () => {
            this.reads.push(`Session.getActiveUserLocale (${this.authMode})`);
            return this.opts.userLocale;
          },
        },
        this.missing,
      ),
      // ref: script/script-app#authmode
      ScriptApp: strict('ScriptApp', { AuthMode: this.AuthMode }, this.missing),
    };
  }

  private lock(): unknown {
    let held = false;
    // ref: lock/lock: tryLock/waitLock acquire; one run at a time, so always free here.
    return strict(
      'Lock',
      {
        tryLock: () => {
          held = true;
          return true;
        },
        waitLock: () => {
          held = true;
        },
        releaseLock: () => {
          held = false;
        },
        hasLock: () => held,
      },
      this.missing,
    );
  }

  spreadsheetApi(): unknown {
    const findSheet = (s: unknown): SheetModel => {
      const id = (s as { getSheetId(): number }).getSheetId();
      const m = this.sheets.find((x) => x.id === id);
      if (!m) throw new Error('Sheet not found');
      return m;
    };
    const api = {
      getId: () => 'fake-spreadsheet-id',
      getName: () => 'Fake spreadsheet',
      // ref: spreadsheet/spreadsheet#getspreadsheettimezone
      getSpreadsheetTimeZone: () => this.opts.timeZone,
      // ref: spreadsheet/spreadsheet#getspreadsheetlocale
      getSpreadsheetLocale: () => {
        this.reads.push('Spreadsheet.getSpreadsheetLocale');
        return this.opts.locale;
      },
      getSheets: () => this.sheets.map((s) => this.sheetApi(s)),
      getNumSheets: () => this.sheets.length,
      getSheetByName: (name: string) => {
        const s = this.sheetByName(name);
        return s ? this.sheetApi(s) : null;
      },
      // ref: spreadsheet/spreadsheet#getsheetbyid (null when there is none)
      getSheetById: (id: number) => {
        const s = this.sheets.find((x) => x.id === id);
        return s ? this.sheetApi(s) : null;
      },
      getActiveSheet: () => this.sheetApi(this.activeSheet()),
      setActiveSheet: (s: unknown) => {
        this.active = findSheet(s);
        return this.sheetApi(this.active);
      },
      // ref: spreadsheet/spreadsheet#moveactivesheet(pos): 1-based position.
      moveActiveSheet: (pos: number) => {
        const s = this.activeSheet();
        this.sheets.splice(this.sheets.indexOf(s), 1);
        this.sheets.splice(pos - 1, 0, s);
      },
      // ref: spreadsheet/spreadsheet#insertsheet: (), (index), (name), (name, index), (name, index, options);
      // index is 0-based; the new sheet becomes active.
      insertSheet: (a?: unknown, b?: unknown) => {
        let name: string | undefined;
        let index: number | undefined;
        if (typeof a === 'string') {
          name = a;
          if (typeof b === 'number') index = b;
        } else if (typeof a === 'number') index = a;
        if (name === undefined) {
          let n = this.sheets.length + 1;
          while (this.sheetByName(`Sheet${n}`)) n++;
          name = `Sheet${n}`;
        }
        if (index !== undefined && (index < 0 || index > this.sheets.length))
          throw new Error(`Invalid index ${index}`);
        const s = this.addSheet(name, index);
        this.active = s;
        return this.sheetApi(s);
      },
      // ref: spreadsheet/spreadsheet#deletesheet; a document keeps at least one sheet.
      deleteSheet: (s: unknown) => {
        const m = findSheet(s);
        if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
        this.sheets.splice(this.sheets.indexOf(m), 1);
        if (this.active === m) this.active = this.sheets[0] ?? null;
        this.changed();
      },
      getRange: (ref: string) => {
        const { sheet, range } = splitSheetRef(ref);
        const s = sheet === null ? this.activeSheet() : this.sheetByName(sheet);
        if (!s) throw new Error(`Range not found (${ref})`);
        return this.sheetApi(s).getRange(range);
      },
      toast: () => undefined,
      // ref: spreadsheet/spreadsheet#adddevelopermetadata(key,-value): on the top-level spreadsheet.
      addDeveloperMetadata: (key: string, value?: string) => {
        this.bookMetadata.push({ id: this.nextMeta++, key, value: value ?? null });
        return api;
      },
      // ref: spreadsheet/spreadsheet#createdevelopermetadatafinder: searches every sheet's metadata too.
      createDeveloperMetadataFinder: () => this.metadataFinder(this.sheets, true),
    };
    return strict('Spreadsheet', api, this.missing);
  }

  sheetApi(sheet: SheetModel): ReturnType<FakeWorld['makeSheetApi']> {
    return this.makeSheetApi(sheet);
  }

  private makeSheetApi(sheet: SheetModel) {
    const lastRow = () => {
      let r = 0;
      for (const [key, c] of sheet.cells) if (c.kind !== 'empty') r = Math.max(r, Number(key.split(':')[0]));
      return r;
    };
    const lastCol = () => {
      let col = 0;
      for (const [key, c] of sheet.cells)
        if (c.kind !== 'empty') col = Math.max(col, Number(key.split(':')[1]));
      return col;
    };
    const range = (row: number, col: number, numRows = 1, numCols = 1) => {
      // ref: spreadsheet/sheet#getrange: rows/columns outside the sheet are an error.
      if (
        !Number.isInteger(row) ||
        !Number.isInteger(col) ||
        row < 1 ||
        col < 1 ||
        numRows < 1 ||
        numCols < 1
      ) {
        throw new Error(`The coordinates of the range are outside the dimensions of the sheet.`);
      }
      if (row + numRows - 1 > sheet.maxRows) throw new Error('Those rows are out of bounds.');
      if (col + numCols - 1 > sheet.maxCols) throw new Error('Those columns are out of bounds.');
      return this.rangeApi({ sheet, row, col, numRows, numCols });
    };
    const api = {
      getName: () => sheet.name,
      // ref: spreadsheet/sheet#setname: names are unique regardless of case.
      setName: (name: string) => {
        this.assertFreeName(name, sheet);
        sheet.name = name;
        this.changed();
        return api;
      },
      getSheetId: () => sheet.id,
      // ref: spreadsheet/sheet#getindex: 1-based position.
      getIndex: () => this.sheets.indexOf(sheet) + 1,
      getParent: () => this.spreadsheetApi(),
      activate: () => {
        this.active = sheet;
        return api;
      },
      getRange: (a: number | string, b?: number, c?: number, d?: number) => {
        if (typeof a === 'string') {
          const p = parseA1(splitSheetRef(a).range, sheet);
          return range(p.row, p.col, p.numRows, p.numCols);
        }
        return range(a, b as number, c ?? 1, d ?? 1);
      },
      // ref: spreadsheet/sheet#getrangelist
      getRangeList: (refs: string[]) => {
        const ranges = refs.map((r) => api.getRange(r));
        return strict('RangeList', { getRanges: () => ranges }, this.missing);
      },
      // ref: spreadsheet/sheet#getdatarange: A1 to the last row and column with content.
      getDataRange: () => range(1, 1, Math.max(1, lastRow()), Math.max(1, lastCol())),
      getLastRow: lastRow,
      getLastColumn: lastCol,
      getMaxRows: () => sheet.maxRows,
      getMaxColumns: () => sheet.maxCols,
      // ref: spreadsheet/sheet#insertrowsafter, #insertcolumnsafter (shifting is not needed by these tests: appends only)
      insertRowsAfter: (after: number, n: number) => {
        if (after !== sheet.maxRows) this.missing.add('Sheet.insertRowsAfter(inside the sheet)');
        sheet.maxRows += n;
        return api;
      },
      insertColumnsAfter: (after: number, n: number) => {
        if (after !== sheet.maxCols) this.missing.add('Sheet.insertColumnsAfter(inside the sheet)');
        sheet.maxCols += n;
        return api;
      },
      // ref: spreadsheet/sheet#clear: contents and formats.
      clear: () => {
        sheet.cells.clear();
        this.changed();
        return api;
      },
      clearContents: () => {
        for (const c of sheet.cells.values()) Object.assign(c, { kind: 'empty', value: '', formula: '' });
        this.changed();
        return api;
      },
      clearFormats: () => {
        for (const c of sheet.cells.values()) Object.assign(c, { format: '', style: {} });
        return api;
      },
      clearNotes: () => {
        for (const c of sheet.cells.values()) c.note = '';
        return api;
      },
      setFrozenRows: (n: number) => {
        sheet.frozenRows = n;
      },
      setFrozenColumns: (n: number) => {
        sheet.frozenCols = n;
      },
      getFrozenRows: () => sheet.frozenRows,
      getFrozenColumns: () => sheet.frozenCols,
      setColumnWidth: (col: number, w: number) => {
        sheet.widths.set(col, w);
        return api;
      },
      setColumnWidths: (start: number, n: number, w: number) => {
        for (let i = 0; i < n; i++) sheet.widths.set(start + i, w);
        return api;
      },
      getColumnWidth: (col: number) => sheet.widths.get(col) ?? 100,
      // ref: spreadsheet/sheet#setrighttoleft
      setRightToLeft: (rtl: boolean) => {
        sheet.rightToLeft = rtl;
        return api;
      },
      isRightToLeft: () => sheet.rightToLeft,
      hideSheet: () => {
        sheet.hidden = true;
        return api;
      },
      showSheet: () => {
        sheet.hidden = false;
        return api;
      },
      isSheetHidden: () => sheet.hidden,
      setTabColor: () => api,
      // ref: spreadsheet/sheet#getconditionalformatrules, #setconditionalformatrules (replaces all of the sheet's rules)
      getConditionalFormatRules: () => sheet.rules.map((r) => this.ruleApi(r)),
      setConditionalFormatRules: (rules: unknown[]) => {
        sheet.rules = rules.map((r) => this.ruleOf(r));
      },
      clearConditionalFormatRules: () => {
        sheet.rules = [];
      },
      // ref: spreadsheet/sheet#adddevelopermetadata(key), (key, value)
      addDeveloperMetadata: (key: string, value?: string) => {
        sheet.metadata.push({ id: this.nextMeta++, key, value: value ?? null });
        return api;
      },
      getDeveloperMetadata: () => sheet.metadata.map((m) => this.metadataApi(sheet, m)),
      // ref: spreadsheet/sheet#createdevelopermetadatafinder: this sheet's metadata.
      createDeveloperMetadataFinder: () => this.metadataFinder([sheet]),
      // Charts are recorded, not modelled (ref: spreadsheet/embedded-chart-builder).
      newChart: () => {
        const calls: unknown[][] = [];
        return recorder(calls, () => ({ id: sheet.charts.length + 1, calls }));
      },
      insertChart: (chart: { id: number; calls: unknown[][] }) => {
        sheet.charts.push(chart);
      },
      getCharts: () =>
        sheet.charts.map((c) =>
          strict('EmbeddedChart', { getChartId: () => c.id, __chart: c }, this.missing),
        ),
      removeChart: (chart: { __chart: unknown }) => {
        sheet.charts = sheet.charts.filter((c) => c !== chart.__chart);
      },
    };
    return strict('Sheet', api, this.missing);
  }

  /** ref: spreadsheet/developer-metadata-finder: withKey / withValue / withId narrow; find() lists. */
  metadataFinder(sheets: readonly SheetModel[], withBook = false): unknown {
    const tests: ((m: { id: number; key: string; value: string | null }) => boolean)[] = [];
    const finder = strict(
      'DeveloperMetadataFinder',
      {
        withKey: (k: string) => {
          tests.push((m) => m.key === k);
          return finder;
        },
        withValue: (v: string) => {
          tests.push((m) => m.value === v);
          return finder;
        },
        withId: (id: number) => {
          tests.push((m) => m.id === id);
          return finder;
        },
        find: () => {
          const found = [
            ...(withBook ? this.bookMetadata : [])
              .filter((m) => tests.every((t) => t(m)))
              .map((m) => ({ id: m.id, api: this.metadataApi(null, m) })),
            ...sheets.flatMap((s) =>
              s.metadata
                .filter((m) => tests.every((t) => t(m)))
                .map((m) => ({ id: m.id, api: this.metadataApi(s, m) })),
            ),
          ];
          // The order is not stated by the reference: 'reverse' lists the newest first.
          if (this.opts.metadataOrder === 'reverse') found.sort((a, b) => b.id - a.id);
          return found.map((f) => f.api);
        },
      },
      this.missing,
    );
    return finder;
  }

  /** `sheet` null: metadata on the spreadsheet itself. */
  private metadataApi(
    sheet: SheetModel | null,
    m: { id: number; key: string; value: string | null },
  ): unknown {
    return strict(
      'DeveloperMetadata',
      {
        getId: () => m.id,
        getKey: () => m.key,
        getValue: () => m.value,
        // ref: spreadsheet/developer-metadata-location#getsheet: the sheet a sheet-level key sits on;
        // null when the location type is not SHEET.
        getLocation: () =>
          strict(
            'DeveloperMetadataLocation',
            {
              getSheet: () => (sheet ? this.sheetApi(sheet) : null),
              getLocationType: () => (sheet ? 'SHEET' : 'SPREADSHEET'),
            },
            this.missing,
          ),
        setValue: (v: string) => {
          m.value = v;
        },
        setKey: (k: string) => {
          m.key = k;
        },
        remove: () => {
          if (sheet) sheet.metadata = sheet.metadata.filter((x) => x !== m);
          else this.bookMetadata.splice(this.bookMetadata.indexOf(m), 1);
        },
      },
      this.missing,
    );
  }

  rangeApi(r: RangeRef): unknown {
    const { sheet, row, col, numRows, numCols } = r;
    const each = <T>(f: (row: number, col: number) => T): T[][] =>
      Array.from({ length: numRows }, (_, i) =>
        Array.from({ length: numCols }, (_, j) => f(row + i, col + j)),
      );
    // ref: spreadsheet/range#setvalues: "The size of the two-dimensional array must match the size of the range."
    const checkShape = (what: string, m: unknown) => {
      if (!Array.isArray(m)) throw new Error(`${what}: the parameters don't match the method signature.`);
      if (m.length !== numRows) {
        throw new Error(
          `The number of rows in the data does not match the number of rows in the range. The data has ${m.length} but the range has ${numRows}.`,
        );
      }
      for (const line of m) {
        if (!Array.isArray(line) || line.length !== numCols) {
          throw new Error(
            `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(line) ? line.length : 0} but the range has ${numCols}.`,
          );
        }
      }
    };
    const setEach = (
      what: string,
      m: unknown[][],
      f: (c: Cell, v: unknown, row: number, col: number) => void,
    ) => {
      checkShape(what, m);
      m.forEach((line, i) => {
        line.forEach((v, j) => {
          f(this.cell(sheet, row + i, col + j), v, row + i, col + j);
        });
      });
      return api;
    };
    const api: Record<string, unknown> = {
      getSheet: () => this.sheetApi(sheet),
      getRow: () => row,
      getColumn: () => col,
      getNumRows: () => numRows,
      getNumColumns: () => numCols,
      getLastRow: () => row + numRows - 1,
      getLastColumn: () => col + numCols - 1,
      getA1Notation: () =>
        numRows === 1 && numCols === 1
          ? a1(row, col)
          : `${a1(row, col)}:${a1(row + numRows - 1, col + numCols - 1)}`,
      getCell: (i: number, j: number) =>
        this.rangeApi({ sheet, row: row + i - 1, col: col + j - 1, numRows: 1, numCols: 1 }),
      // ref: spreadsheet/range#getvalues: Number, Boolean, Date or String; '' for an empty cell.
      getValues: () => each((i, j) => this.scriptValue(sheet, i, j)),
      getValue: () => this.scriptValue(sheet, row, col),
      // Approximate: numbers as JS prints them, percent formats as percent; not Sheets' formatter.
      getDisplayValues: () =>
        each((i, j) => {
          const v = this.scriptValue(sheet, i, j);
          const f = this.peek(sheet, i, j)?.format ?? '';
          if (typeof v === 'number' && f.includes('%')) return `${+(v * 100).toFixed(2)}%`;
          if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
          if (isDate(v)) return String(this.peek(sheet, i, j)?.value);
          return String(v);
        }),
      // ref: spreadsheet/range#setvalues: strings are read like typed input; "=…" is a formula.
      setValues: (m: unknown[][]) => setEach('setValues', m, (_c, v, i, j) => this.write(sheet, i, j, v)),
      setValue: (v: unknown) => {
        for (let i = 0; i < numRows; i++)
          for (let j = 0; j < numCols; j++) this.write(sheet, row + i, col + j, v);
        return api;
      },
      // ref: spreadsheet/range#getformulas: '' for a cell without a formula.
      getFormulas: () => each((i, j) => this.peek(sheet, i, j)?.formula ?? ''),
      getFormula: () => this.peek(sheet, row, col)?.formula ?? '',
      setFormulas: (m: unknown[][]) =>
        setEach('setFormulas', m, (_c, v, i, j) => this.write(sheet, i, j, v === '' ? '' : String(v))),
      setFormula: (f: string) => {
        this.write(sheet, row, col, f);
        return api;
      },
      // ref: spreadsheet/range#getnumberformats: Sheets reports the automatic format as "0.###############".
      getNumberFormats: () => each((i, j) => this.peek(sheet, i, j)?.format || '0.###############'),
      getNumberFormat: () => this.peek(sheet, row, col)?.format || '0.###############',
      // ref: spreadsheet/range#setnumberformats: a format change does not re-read the stored value.
      setNumberFormats: (m: unknown[][]) =>
        setEach('setNumberFormats', m, (c, v) => {
          c.format = String(v ?? '');
        }),
      setNumberFormat: (f: string) => {
        for (const line of each((i, j) => this.cell(sheet, i, j))) for (const c of line) c.format = f;
        return api;
      },
      // ref: spreadsheet/range#setnotes, #getnotes
      setNotes: (m: unknown[][]) =>
        setEach('setNotes', m, (c, v) => {
          c.note = v === null || v === undefined ? '' : String(v);
        }),
      setNote: (n: string | null) => {
        for (const line of each((i, j) => this.cell(sheet, i, j))) for (const c of line) c.note = n ?? '';
        return api;
      },
      getNotes: () => each((i, j) => this.peek(sheet, i, j)?.note ?? ''),
      getNote: () => this.peek(sheet, row, col)?.note ?? '',
      // ref: spreadsheet/range#clear: contents, formats and notes of the range.
      clear: () => {
        for (let i = 0; i < numRows; i++)
          for (let j = 0; j < numCols; j++) sheet.cells.delete(`${row + i}:${col + j}`);
        this.changed();
        return api;
      },
      clearContent: () => {
        for (const line of each((i, j) => this.peek(sheet, i, j)))
          for (const c of line) if (c) Object.assign(c, { kind: 'empty', value: '', formula: '' });
        this.changed();
        return api;
      },
      clearFormat: () => {
        for (const line of each((i, j) => this.peek(sheet, i, j)))
          for (const c of line) if (c) Object.assign(c, { format: '', style: {} });
        return api;
      },
      clearNote: () => {
        for (const line of each((i, j) => this.peek(sheet, i, j))) for (const c of line) if (c) c.note = '';
        return api;
      },
      merge: () => {
        this.cell(sheet, row, col).style.merged = `${numRows}x${numCols}`;
        return api;
      },
      setBorder: () => api,
      __ref: r,
    };
    // Formats (ref: spreadsheet/range#setbackgrounds, #setfontweights, … and their singular forms):
    // stored per cell; the reference requires the arrays to match the range's size.
    const style = (prop: string): unknown => {
      const m = /^(set|get)([A-Z]\w*?)(s?)$/.exec(prop);
      if (!m) return undefined;
      const [, verb, name1 = '', plural1 = ''] = m;
      // setWrapStrategies / getWrapStrategies: the plural of "Strategy" ends in "ies".
      const ies = plural1 === 's' && name1.endsWith('ie') && STYLE_PROPS.includes(`${name1.slice(0, -2)}y`);
      const name0 = ies ? `${name1.slice(0, -2)}y` : name1;
      const plural = plural1;
      const name = plural && !STYLE_PROPS.includes(name0 + plural) ? name0 : name0 + plural;
      if (!STYLE_PROPS.includes(name)) return undefined;
      const many = plural !== '' && name === name0;
      if (verb === 'set' && many)
        return (mm: unknown[][]) =>
          setEach(prop, mm, (c, v) => {
            c.style[name] = v;
          });
      if (verb === 'set')
        return (v: unknown) => {
          for (const line of each((i, j) => this.cell(sheet, i, j))) for (const c of line) c.style[name] = v;
          return api;
        };
      if (many) return () => each((i, j) => this.peek(sheet, i, j)?.style[name] ?? null);
      return () => this.peek(sheet, row, col)?.style[name] ?? null;
    };
    return strict('Range', api, this.missing, style);
  }

  // ----- conditional formats (ref: spreadsheet/conditional-format-rule-builder)

  private ruleBuilder(init: CondFormat): unknown {
    const state = {
      condition: init.condition,
      gradient: init.gradient,
      format: { ...init.format },
      ranges: [...init.ranges],
    };
    const when =
      (type: string) =>
      (...values: unknown[]) => {
        state.condition = { type, values };
        return b;
      };
    const set = (key: string) => (v: unknown) => {
      state.format[key] = v;
      return b;
    };
    const gradient = () => () => {
      state.gradient = true;
      return b;
    };
    const b: Record<string, unknown> = {
      whenNumberGreaterThan: when('NUMBER_GREATER_THAN'),
      whenNumberGreaterThanOrEqualTo: when('NUMBER_GREATER_THAN_OR_EQUAL_TO'),
      whenNumberLessThan: when('NUMBER_LESS_THAN'),
      whenNumberLessThanOrEqualTo: when('NUMBER_LESS_THAN_OR_EQUAL_TO'),
      whenNumberBetween: when('NUMBER_BETWEEN'),
      whenNumberNotBetween: when('NUMBER_NOT_BETWEEN'),
      whenNumberEqualTo: when('NUMBER_EQUAL_TO'),
      whenNumberNotEqualTo: when('NUMBER_NOT_EQUAL_TO'),
      whenFormulaSatisfied: when('CUSTOM_FORMULA'),
      whenCellEmpty: when('CELL_EMPTY'),
      whenCellNotEmpty: when('CELL_NOT_EMPTY'),
      whenTextEqualTo: when('TEXT_EQUAL_TO'),
      whenTextContains: when('TEXT_CONTAINS'),
      setBackground: set('background'),
      setFontColor: set('fontColor'),
      setBold: set('bold'),
      setItalic: set('italic'),
      setStrikethrough: set('strikethrough'),
      setUnderline: set('underline'),
      setGradientMinpoint: gradient(),
      setGradientMinpointWithValue: gradient(),
      setGradientMaxpoint: gradient(),
      setGradientMaxpointWithValue: gradient(),
      setGradientMidpointWithValue: gradient(),
      setRanges: (ranges: unknown[]) => {
        state.ranges = ranges.map((x) => (x as { __ref: RangeRef }).__ref);
        return b;
      },
      getRanges: () => state.ranges.map((x) => this.rangeApi(x)),
      build: () => {
        const rule: CondFormat = {
          condition: state.condition,
          gradient: state.gradient,
          format: { ...state.format },
          ranges: [...state.ranges],
        };
        return this.ruleApi(rule);
      },
    };
    return strict('ConditionalFormatRuleBuilder', b, this.missing);
  }

  private readonly rules = new WeakMap<object, CondFormat>();

  ruleApi(rule: CondFormat): unknown {
    const api = strict(
      'ConditionalFormatRule',
      {
        getRanges: () => rule.ranges.map((x) => this.rangeApi(x)),
        copy: () => this.ruleBuilder(rule),
        getGradientCondition: () => (rule.gradient ? {} : null),
        getBooleanCondition: () =>
          rule.condition
            ? strict(
                'BooleanCondition',
                {
                  getCriteriaType: () => rule.condition?.type,
                  getCriteriaValues: () => [...(rule.condition?.values ?? [])],
                  getBackground: () => (rule.format.background as string) ?? null,
                  getFontColor: () => (rule.format.fontColor as string) ?? null,
                  getBold: () => (rule.format.bold as boolean) ?? null,
                },
                this.missing,
              )
            : null,
      },
      this.missing,
    );
    this.rules.set(api, rule);
    return api;
  }

  ruleOf(api: unknown): CondFormat {
    const r = this.rules.get(api as object);
    if (!r) throw new Error('setConditionalFormatRules: not a ConditionalFormatRule');
    return r;
  }
}

export { REF };
