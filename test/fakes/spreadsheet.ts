/// <reference types="google-apps-script" />
/**
 * An in-memory fake of the part of the Apps Script services Mizan uses: SpreadsheetApp
 * (spreadsheet, sheets, ranges, developer metadata, conditional format rules, charts),
 * LockService, PropertiesService (document properties) and HtmlService/Ui (enough for the menu
 * and the sidebar). Typed against @types/google-apps-script: each class implements a `Pick<>` of
 * the real interface, and `install()` casts it to the real type once.
 *
 * Every method call on a fake object is recorded (`calls`, `callCount`) so tests can assert that
 * the number of round trips does not depend on the data's size, and `failOnCall(n)` makes the
 * n-th call from now throw, to test that a failure part way leaves nothing behind.
 *
 * Writing follows Sheets (docs/sheets-fidelity.md lists each behaviour and its source): a string
 * starting with "=" is a formula; a leading "'" makes the rest literal text (the apostrophe is not
 * part of the value); an unescaped string starting with "+", "-" or "@" is taken as a formula too
 * (Sheets parses it as one), so injected text shows up as a formula in tests; any other string is
 * parsed as typed input ("100", "3.5%", "Mar 2024", "TRUE", Persian digits: sheets-input.ts)
 * unless the cell's number format is plain text ("@"). A cell holds at most 50,000 characters and
 * a spreadsheet at most 10 million cells. Dates read back as midnight in the spreadsheet's time
 * zone (FakeWorldOptions.timeZone), error cells read back as their code ("#N/A"), conditional
 * format rules apply first match wins (FakeSheet.colourShown), and each cell keeps a wrap
 * strategy, set only with SpreadsheetApp.WrapStrategy's members. Formulas are stored, not evaluated
 * (tests evaluate them with HyperFormula, test/server/evaluate.ts).
 */
import { typedInput } from './sheets-input';
import { formatDate, zonedInstant } from './time-zone';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type Value = string | number | boolean | Date | null;

/** Sheets' error values; getValues returns them as these strings. */
export type SheetErrorCode =
  | '#N/A'
  | '#REF!'
  | '#DIV/0!'
  | '#VALUE!'
  | '#NAME?'
  | '#NUM!'
  | '#NULL!'
  | '#ERROR!';

/** An error cell in a user's sheet (a formula that failed), for `FakeSheet.load`. */
export class SheetError {
  constructor(readonly code: SheetErrorCode) {}
}

/** What `load` takes: a value, or an error cell. */
export type LoadValue = Value | SheetError;

/** Sheets refuses a cell over this many characters. */
export const MAX_CELL_CHARS = 50_000;
/** Sheets refuses to grow a spreadsheet past this many cells (all sheets, rows × columns). */
export const MAX_CELLS = 10_000_000;

export interface FakeCall {
  readonly n: number;
  readonly on: string;
  readonly method: string;
}

/** Records calls; shared by every object of one fake world. */
export class CallLog {
  readonly calls: FakeCall[] = [];
  private failAt: number | null = null;
  private failMessage = '';

  get count(): number {
    return this.calls.length;
  }

  record(on: string, method: string): void {
    const n = this.calls.length + 1;
    this.calls.push({ n, on, method });
    if (this.failAt === n) {
      this.failAt = null;
      throw new Error(this.failMessage || `Fake failure on call ${n} (${on}.${method})`);
    }
  }

  /** The n-th call from now (1 = the next one) throws once. */
  failOnCall(n: number, message = ''): void {
    this.failAt = this.calls.length + n;
    this.failMessage = message;
  }

  reset(): void {
    this.calls.length = 0;
    this.failAt = null;
  }

  /** How many calls of each "On.method", for readable failures. */
  summary(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) out[`${c.on}.${c.method}`] = (out[`${c.on}.${c.method}`] ?? 0) + 1;
    return out;
  }
}

/** What the fake keeps per cell. */
export interface FakeCell {
  value: Value;
  formula: string;
  format: string;
  fontWeight: string;
  fontStyle: string;
  fontSize: number;
  fontColor: string;
  background: string;
  note: string;
  align: string;
  /** The cell's wrap strategy by name (WrapStrategy): 'OVERFLOW' until one is set. */
  wrap: WrapStrategyName;
  /** The error code when the cell holds an error value ('' otherwise); `value` is then the code too. */
  error: string;
}

const blankCell = (): FakeCell => ({
  value: '',
  formula: '',
  format: 'General',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontColor: '#000000',
  background: '#ffffff',
  note: '',
  align: 'general',
  wrap: 'OVERFLOW',
  error: '',
});

/** SpreadsheetApp.WrapStrategy's members. */
export type WrapStrategyName = 'WRAP' | 'OVERFLOW' | 'CLIP';

/**
 * An Apps Script enum member: an object, not its name, so code that passes the string 'WRAP'
 * where the enum is required fails here as it fails in Apps Script.
 */
export class FakeEnumMember<N extends string> {
  constructor(
    readonly enumName: string,
    readonly name: N,
  ) {}
  toString(): string {
    return this.name;
  }
}

/** SpreadsheetApp.WrapStrategy (https://developers.google.com/apps-script/reference/spreadsheet/wrap-strategy). */
export const FAKE_WRAP_STRATEGY: Readonly<Record<WrapStrategyName, FakeEnumMember<WrapStrategyName>>> = {
  WRAP: new FakeEnumMember('WrapStrategy', 'WRAP'),
  OVERFLOW: new FakeEnumMember('WrapStrategy', 'OVERFLOW'),
  CLIP: new FakeEnumMember('WrapStrategy', 'CLIP'),
};

/** The member's name, or Apps Script's signature error for anything else (a string, null). */
function wrapStrategyName(v: unknown, method: string): WrapStrategyName {
  const member = Object.values(FAKE_WRAP_STRATEGY).find((m) => m === v);
  if (!member) {
    throw new Error(
      `Exception: The parameters (${v === null ? 'null' : typeof v}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  return member.name;
}

/** Column letters for 1-based indices (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B3:D7" (or "B3") → 1-based row, col, rows, cols. A sheet prefix is ignored. */
export function parseA1(a1: string): { row: number; col: number; rows: number; cols: number } {
  const bare = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(bare.trim());
  if (!m) throw new Error(`Fake: cannot read range "${a1}"`);
  const colOf = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = colOf(m[1] as string);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? colOf(m[3]) : c1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

const PLAIN_TEXT = /^@(?:STRING@)?$/i;

/**
 * How Sheets stores a written value: formula, literal text, what typed input becomes (number,
 * percent, currency, date, boolean), or the value itself. `timeZone` places parsed dates.
 */
function writeValue(cell: FakeCell, v: unknown, timeZone: string): void {
  cell.error = '';
  cell.formula = '';
  if (typeof v === 'string' && v.length > MAX_CELL_CHARS) {
    throw new Error(
      `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`,
    );
  }
  if (typeof v === 'string' && PLAIN_TEXT.test(cell.format)) {
    cell.value = v; // a plain-text cell keeps what it is given, apostrophe and "=" included
  } else if (typeof v === 'string' && v.startsWith("'")) {
    cell.value = v.slice(1);
  } else if (typeof v === 'string') {
    const typed = typedInput(v, timeZone);
    if (typed !== null) cell.value = typed;
    else if (/^[=+\-@]/.test(v) && v.length > 1) {
      // Sheets parses these as formulas: exactly what injection abuses.
      cell.formula = v.startsWith('=') ? v : `=${v}`;
      cell.value = '';
    } else cell.value = v;
  } else if (v === null || v === undefined) {
    cell.value = '';
  } else if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) {
    cell.value = v;
  } else {
    throw new Error(`Fake: cannot write ${Object.prototype.toString.call(v)}`);
  }
}

type RangeApi = Pick<
  GRange,
  | 'getValues'
  | 'getDisplayValues'
  | 'setValues'
  | 'setValue'
  | 'getValue'
  | 'getFormulas'
  | 'setFormulas'
  | 'getNumberFormats'
  | 'setNumberFormats'
  | 'setNumberFormat'
  | 'setFontWeights'
  | 'getFontWeights'
  | 'setFontStyles'
  | 'setFontSizes'
  | 'setFontColors'
  | 'getFontColors'
  | 'setBackgrounds'
  | 'getBackgrounds'
  | 'setNotes'
  | 'getNotes'
  | 'setHorizontalAlignments'
  | 'setWrapStrategies'
  | 'getWrapStrategies'
  | 'setWrapStrategy'
  | 'getWrapStrategy'
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getSheet'
  | 'clear'
>;

export class FakeRange implements RangeApi {
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  /** The sheet, without recording a call. */
  get sheetOf(): FakeSheet {
    return this.sheet;
  }

  private rec(method: string): void {
    this.sheet.world.log.record('Range', method);
  }

  private map<T>(pick: (c: FakeCell) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.cols; c++) line.push(pick(this.sheet.cellAt(this.row + r, this.col + c)));
      out.push(line);
    }
    return out;
  }

  /** Sheets' own words when a grid does not fit the range (Range.setValues and the other setters). */
  private put<T>(grid: T[][], _what: string, set: (c: FakeCell, v: T) => void): this {
    if (grid.length !== this.rows) {
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${this.rows}.`,
      );
    }
    const bad = grid.find((line) => line.length !== this.cols);
    if (bad) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${bad.length} but the range has ${this.cols}.`,
      );
    }
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        set(this.sheet.cellFor(this.row + r, this.col + c), (grid[r] as T[])[c] as T);
      }
    }
    return this;
  }

  private getA1NotationRaw(): string {
    const a = `${columnLetter(this.col)}${this.row}`;
    return this.rows === 1 && this.cols === 1
      ? a
      : `${a}:${columnLetter(this.col + this.cols - 1)}${this.row + this.rows - 1}`;
  }

  getValues(): Value[][] {
    this.rec('getValues');
    return this.map((c) => c.value);
  }
  getDisplayValues(): string[][] {
    this.rec('getDisplayValues');
    return this.map((c) => (c.value instanceof Date ? c.value.toISOString() : String(c.value ?? '')));
  }
  getValue(): Value {
    this.rec('getValue');
    return this.sheet.cellAt(this.row, this.col).value;
  }
  setValue(value: unknown): GRange {
    this.rec('setValue');
    writeValue(this.sheet.cellFor(this.row, this.col), value, this.sheet.world.timeZone);
    return this as unknown as GRange;
  }
  setValues(values: unknown[][]): GRange {
    this.rec('setValues');
    const tz = this.sheet.world.timeZone;
    return this.put(values, 'setValues', (c, v) => writeValue(c, v, tz)) as unknown as GRange;
  }
  getFormulas(): string[][] {
    this.rec('getFormulas');
    return this.map((c) => c.formula);
  }
  setFormulas(formulas: string[][]): GRange {
    this.rec('setFormulas');
    return this.put(formulas, 'setFormulas', (c, f) => {
      c.formula = f;
      c.value = '';
      c.error = '';
    }) as unknown as GRange;
  }
  getNumberFormats(): string[][] {
    this.rec('getNumberFormats');
    return this.map((c) => c.format);
  }
  setNumberFormats(formats: unknown[][]): GRange {
    this.rec('setNumberFormats');
    return this.put(formats, 'setNumberFormats', (c, f) => {
      c.format = String(f);
    }) as unknown as GRange;
  }
  setNumberFormat(format: string): GRange {
    this.rec('setNumberFormat');
    return this.put(this.fill(format), 'setNumberFormat', (c, f) => {
      c.format = f;
    }) as unknown as GRange;
  }
  setFontWeights(weights: unknown[][]): GRange {
    this.rec('setFontWeights');
    return this.put(weights, 'setFontWeights', (c, w) => {
      c.fontWeight = String(w ?? 'normal');
    }) as unknown as GRange;
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    this.rec('getFontWeights');
    return this.map((c) => c.fontWeight as GoogleAppsScript.Spreadsheet.FontWeight);
  }
  setFontStyles(styles: unknown[][]): GRange {
    this.rec('setFontStyles');
    return this.put(styles, 'setFontStyles', (c, s) => {
      c.fontStyle = String(s ?? 'normal');
    }) as unknown as GRange;
  }
  setFontSizes(sizes: unknown[][]): GRange {
    this.rec('setFontSizes');
    return this.put(sizes, 'setFontSizes', (c, s) => {
      c.fontSize = Number(s);
    }) as unknown as GRange;
  }
  setFontColors(colors: unknown[][]): GRange {
    this.rec('setFontColors');
    return this.put(colors, 'setFontColors', (c, s) => {
      c.fontColor = String(s ?? '#000000');
    }) as unknown as GRange;
  }
  getFontColors(): string[][] {
    this.rec('getFontColors');
    return this.map((c) => c.fontColor);
  }
  setBackgrounds(colors: string[][]): GRange {
    this.rec('setBackgrounds');
    return this.put(colors, 'setBackgrounds', (c, s) => {
      c.background = s ?? '#ffffff';
    }) as unknown as GRange;
  }
  getBackgrounds(): string[][] {
    this.rec('getBackgrounds');
    return this.map((c) => c.background);
  }
  setNotes(notes: unknown[][]): GRange {
    this.rec('setNotes');
    return this.put(notes, 'setNotes', (c, s) => {
      c.note = String(s ?? '');
    }) as unknown as GRange;
  }
  getNotes(): string[][] {
    this.rec('getNotes');
    return this.map((c) => c.note);
  }
  setHorizontalAlignments(alignments: unknown[][]): GRange {
    this.rec('setHorizontalAlignments');
    return this.put(alignments, 'setHorizontalAlignments', (c, s) => {
      c.align = String(s ?? 'general');
    }) as unknown as GRange;
  }
  setWrapStrategies(strategies: GoogleAppsScript.Spreadsheet.WrapStrategy[][]): GRange {
    this.rec('setWrapStrategies');
    // Every member is checked before any cell changes: a bad grid leaves the range as it was.
    const names = (strategies as unknown[][]).map((line) =>
      Array.isArray(line) ? line.map((v) => wrapStrategyName(v, 'setWrapStrategies')) : line,
    ) as WrapStrategyName[][];
    return this.put(names, 'setWrapStrategies', (c, w) => {
      c.wrap = w;
    }) as unknown as GRange;
  }
  getWrapStrategies(): GoogleAppsScript.Spreadsheet.WrapStrategy[][] {
    this.rec('getWrapStrategies');
    return this.map(
      (c) => FAKE_WRAP_STRATEGY[c.wrap],
    ) as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy[][];
  }
  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): GRange {
    this.rec('setWrapStrategy');
    const name = wrapStrategyName(strategy, 'setWrapStrategy');
    return this.put(this.fill(name), 'setWrapStrategy', (c, w) => {
      c.wrap = w;
    }) as unknown as GRange;
  }
  getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    this.rec('getWrapStrategy');
    return FAKE_WRAP_STRATEGY[
      this.sheet.cellAt(this.row, this.col).wrap
    ] as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy;
  }
  getA1Notation(): string {
    this.rec('getA1Notation');
    return this.getA1NotationRaw();
  }
  getRow(): number {
    this.rec('getRow');
    return this.row;
  }
  getColumn(): number {
    this.rec('getColumn');
    return this.col;
  }
  getNumRows(): number {
    this.rec('getNumRows');
    return this.rows;
  }
  getNumColumns(): number {
    this.rec('getNumColumns');
    return this.cols;
  }
  getLastRow(): number {
    this.rec('getLastRow');
    return this.row + this.rows - 1;
  }
  getLastColumn(): number {
    this.rec('getLastColumn');
    return this.col + this.cols - 1;
  }
  getSheet(): GSheet {
    this.rec('getSheet');
    return this.sheet as unknown as GSheet;
  }
  clear(): GRange {
    this.rec('clear');
    this.put(this.fill(null), 'clear', (c) => Object.assign(c, blankCell()));
    return this as unknown as GRange;
  }

  private fill<T>(v: T): T[][] {
    return Array.from({ length: this.rows }, () => Array.from({ length: this.cols }, () => v));
  }

  /** For tests: the A1 notation without recording a call. */
  get a1(): string {
    return this.getA1NotationRaw();
  }
}

/** A built conditional format rule, as the writer described it. */
export class FakeConditionalRule {
  constructor(
    readonly condition: { readonly type: string; readonly values: readonly number[] },
    readonly background: string | null,
    readonly fontColor: string | null,
    readonly ranges: readonly FakeRange[],
  ) {}
  getRanges(): GRange[] {
    return this.ranges as unknown as GRange[];
  }
  /** Whether the rule covers the cell (1-based) on `sheet`. */
  covers(sheet: FakeSheet, row: number, col: number): boolean {
    return this.ranges.some(
      (r) =>
        r.sheetOf === sheet && row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols,
    );
  }
  /** Whether a cell showing `value` meets the condition (number conditions ignore text and blanks). */
  matches(value: unknown): boolean {
    if (typeof value !== 'number' || !Number.isFinite(value)) return false;
    const [a, b] = this.condition.values as [number, number];
    switch (this.condition.type) {
      case '>=':
        return value >= a;
      case '<=':
        return value <= a;
      case '>':
        return value > a;
      case '<':
        return value < a;
      case 'between':
        // "falls between, or is either of, two specified values"
        return value >= Math.min(a, b) && value <= Math.max(a, b);
      default:
        throw new Error(`Fake: condition ${this.condition.type} is not modelled`);
    }
  }
  copy(): FakeRuleBuilder {
    const b = new FakeRuleBuilder(null);
    b.state = {
      condition: this.condition,
      background: this.background,
      fontColor: this.fontColor,
      ranges: [...this.ranges],
    };
    return b;
  }
}

type RuleBuilderApi = Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberLessThan'
  | 'whenNumberBetween'
  | 'setBackground'
  | 'setFontColor'
  | 'setRanges'
  | 'build'
>;

export class FakeRuleBuilder implements RuleBuilderApi {
  state: {
    condition: { type: string; values: readonly number[] } | null;
    background: string | null;
    fontColor: string | null;
    ranges: FakeRange[];
  } = { condition: null, background: null, fontColor: null, ranges: [] };

  constructor(private readonly log: CallLog | null) {}

  private step(
    method: string,
    change: () => void,
  ): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    this.log?.record('ConditionalFormatRuleBuilder', method);
    change();
    return this as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  }
  whenNumberGreaterThanOrEqualTo(n: number) {
    return this.step('whenNumberGreaterThanOrEqualTo', () => {
      this.state.condition = { type: '>=', values: [n] };
    });
  }
  whenNumberLessThanOrEqualTo(n: number) {
    return this.step('whenNumberLessThanOrEqualTo', () => {
      this.state.condition = { type: '<=', values: [n] };
    });
  }
  whenNumberGreaterThan(n: number) {
    return this.step('whenNumberGreaterThan', () => {
      this.state.condition = { type: '>', values: [n] };
    });
  }
  whenNumberLessThan(n: number) {
    return this.step('whenNumberLessThan', () => {
      this.state.condition = { type: '<', values: [n] };
    });
  }
  whenNumberBetween(a: number, b: number) {
    return this.step('whenNumberBetween', () => {
      this.state.condition = { type: 'between', values: [a, b] };
    });
  }
  setBackground(color: string | null) {
    return this.step('setBackground', () => {
      this.state.background = color;
    });
  }
  setFontColor(color: string | null) {
    return this.step('setFontColor', () => {
      this.state.fontColor = color;
    });
  }
  setRanges(ranges: GRange[]) {
    return this.step('setRanges', () => {
      this.state.ranges = ranges as unknown as FakeRange[];
    });
  }
  build(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    this.log?.record('ConditionalFormatRuleBuilder', 'build');
    if (!this.state.condition) throw new Error('Fake: a conditional format rule needs a condition');
    const { condition, background, fontColor, ranges } = this.state;
    return new FakeConditionalRule(
      condition,
      background,
      fontColor,
      ranges,
    ) as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  }
}

/** A chart as the writer built it. */
export interface FakeChart {
  readonly type: string;
  readonly ranges: readonly string[];
  readonly position: { row: number; col: number };
  readonly options: Readonly<Record<string, unknown>>;
}

/** One builder serves every chart type (asBarChart/asLineChart return it). */
export class FakeChartBuilder {
  type = 'unset';
  ranges: string[] = [];
  position = { row: 1, col: 1 };
  options: Record<string, unknown> = {};

  constructor(private readonly log: CallLog) {}

  private step(method: string, change: () => void): this {
    this.log.record('EmbeddedChartBuilder', method);
    change();
    return this;
  }
  asBarChart() {
    return this.step('asBarChart', () => {
      this.type = 'bar';
    });
  }
  asColumnChart() {
    return this.step('asColumnChart', () => {
      this.type = 'column';
    });
  }
  asLineChart() {
    return this.step('asLineChart', () => {
      this.type = 'line';
    });
  }
  addRange(range: GRange) {
    return this.step('addRange', () => {
      this.ranges.push((range as unknown as FakeRange).a1);
    });
  }
  setPosition(row: number, col: number, _x: number, _y: number) {
    return this.step('setPosition', () => {
      this.position = { row, col };
    });
  }
  setOption(name: string, value: unknown) {
    return this.step('setOption', () => {
      this.options[name] = value;
    });
  }
  setTitle(title: string) {
    return this.setOption('title', title);
  }
  setNumHeaders(n: number) {
    return this.setOption('numHeaders', n);
  }
  build(): FakeChart {
    this.log.record('EmbeddedChartBuilder', 'build');
    return {
      type: this.type,
      ranges: [...this.ranges],
      position: { ...this.position },
      options: { ...this.options },
    };
  }
}

type MetadataApi = Pick<GMetadata, 'getKey' | 'getValue' | 'setValue' | 'getId' | 'remove' | 'getLocation'>;

export class FakeMetadata implements MetadataApi {
  constructor(
    private readonly world: FakeWorld,
    readonly id: number,
    readonly key: string,
    public value: string | null,
    /** null: the spreadsheet itself. */
    public sheet: FakeSheet | null,
  ) {}
  private rec(method: string): void {
    this.world.log.record('DeveloperMetadata', method);
  }
  getKey(): string {
    this.rec('getKey');
    return this.key;
  }
  getValue(): string | null {
    this.rec('getValue');
    return this.value;
  }
  setValue(value: string): GMetadata {
    this.rec('setValue');
    this.value = value;
    return this as unknown as GMetadata;
  }
  getId(): number {
    this.rec('getId');
    return this.id;
  }
  remove(): void {
    this.rec('remove');
    this.world.metadata = this.world.metadata.filter((m) => m !== this);
  }
  getLocation(): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
    this.rec('getLocation');
    const sheet = this.sheet;
    const world = this.world;
    const location = {
      getLocationType: () => {
        world.log.record('DeveloperMetadataLocation', 'getLocationType');
        return sheet ? 'SHEET' : 'SPREADSHEET';
      },
      getSheet: () => {
        world.log.record('DeveloperMetadataLocation', 'getSheet');
        return sheet as unknown as GSheet | null;
      },
      getSpreadsheet: () => {
        world.log.record('DeveloperMetadataLocation', 'getSpreadsheet');
        return world.spreadsheet as unknown as GSpreadsheet;
      },
    };
    return location as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
  }
}

type FinderApi = Pick<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder, 'withKey' | 'withValue' | 'find'>;

export class FakeMetadataFinder implements FinderApi {
  private key: string | null = null;
  private value: string | null = null;
  constructor(
    private readonly world: FakeWorld,
    private readonly scope: FakeSheet | null,
  ) {}
  withKey(key: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.world.log.record('DeveloperMetadataFinder', 'withKey');
    this.key = key;
    return this as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }
  withValue(value: string): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.world.log.record('DeveloperMetadataFinder', 'withValue');
    this.value = value;
    return this as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }
  find(): GMetadata[] {
    this.world.log.record('DeveloperMetadataFinder', 'find');
    return this.world.metadata.filter(
      (m) =>
        (this.scope === null || m.sheet === this.scope) &&
        (this.key === null || m.key === this.key) &&
        (this.value === null || m.value === this.value),
    ) as unknown as GMetadata[];
  }
}

type SheetApi = Pick<
  GSheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getRange'
  | 'getRangeList'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'setRightToLeft'
  | 'isRightToLeft'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'getCharts'
  | 'removeChart'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'activate'
  | 'clear'
>;

export class FakeSheet implements SheetApi {
  /** 1-based rows of 1-based cells; sparse. */
  private readonly grid: FakeCell[][] = [];
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  rightToLeft = false;
  hidden = false;
  readonly widths = new Map<number, number>();
  rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  readonly charts: FakeChart[] = [];

  constructor(
    readonly world: FakeWorld,
    public name: string,
    readonly id: number,
  ) {}

  private rec(method: string): void {
    this.world.log.record('Sheet', method);
  }

  /** A cell to read (a blank one when never written). */
  cellAt(row: number, col: number): FakeCell {
    return this.grid[row]?.[col] ?? blankCell();
  }

  /** A cell to write, created on first use; refuses cells outside the sheet like Sheets. */
  cellFor(row: number, col: number): FakeCell {
    if (row > this.maxRows || col > this.maxCols) {
      throw new Error(
        `Fake: the coordinates of the range are outside the dimensions of the sheet "${this.name}" (${row},${col} > ${this.maxRows}x${this.maxCols})`,
      );
    }
    const line = this.grid[row] ?? [];
    this.grid[row] = line;
    let cell = line[col];
    if (!cell) {
      cell = blankCell();
      line[col] = cell;
    }
    return cell;
  }

  /** Last row/column holding a value or formula (0 when empty). */
  get extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.grid.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (cell && (cell.formula !== '' || (cell.value !== '' && cell.value !== null))) {
          rows = Math.max(rows, r);
          cols = Math.max(cols, c);
        }
      });
    });
    return { rows, cols };
  }

  getName(): string {
    this.rec('getName');
    return this.name;
  }
  setName(name: string): GSheet {
    this.rec('setName');
    const clash = this.world.sheets.find((s) => s !== this && s.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    if (!name.trim() || name.length > 100) throw new Error(`Fake: invalid sheet name "${name}"`);
    this.name = name;
    return this as unknown as GSheet;
  }
  getSheetId(): number {
    this.rec('getSheetId');
    return this.id;
  }
  getIndex(): number {
    this.rec('getIndex');
    return this.world.sheets.indexOf(this) + 1;
  }
  getRange(a: number | string, col?: number, rows?: number, cols?: number): GRange {
    this.rec('getRange');
    let box: { row: number; col: number; rows: number; cols: number };
    if (typeof a === 'string') box = parseA1(a);
    else box = { row: a, col: col ?? 1, rows: rows ?? 1, cols: cols ?? 1 };
    if (box.row < 1 || box.col < 1 || box.rows < 1 || box.cols < 1) {
      throw new Error(`Fake: bad range ${JSON.stringify(box)}`);
    }
    if (box.row + box.rows - 1 > this.maxRows || box.col + box.cols - 1 > this.maxCols) {
      throw new Error(
        `Fake: range ${JSON.stringify(box)} is outside the sheet "${this.name}" (${this.maxRows}x${this.maxCols})`,
      );
    }
    return new FakeRange(this, box.row, box.col, box.rows, box.cols) as unknown as GRange;
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.rec('getRangeList');
    const ranges = a1Notations.map((a1) => {
      const b = parseA1(a1);
      if (b.row + b.rows - 1 > this.maxRows || b.col + b.cols - 1 > this.maxCols) {
        throw new Error(`Fake: range ${a1} is outside the sheet "${this.name}"`);
      }
      return new FakeRange(this, b.row, b.col, b.rows, b.cols);
    });
    const log = this.world.log;
    return {
      getRanges: () => {
        log.record('RangeList', 'getRanges');
        return [...ranges];
      },
    } as unknown as GoogleAppsScript.Spreadsheet.RangeList;
  }
  getDataRange(): GRange {
    this.rec('getDataRange');
    const { rows, cols } = this.extent;
    return new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(cols, 1)) as unknown as GRange;
  }
  getLastRow(): number {
    this.rec('getLastRow');
    return this.extent.rows;
  }
  getLastColumn(): number {
    this.rec('getLastColumn');
    return this.extent.cols;
  }
  getMaxRows(): number {
    this.rec('getMaxRows');
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.rec('getMaxColumns');
    return this.maxCols;
  }
  insertRowsAfter(_after: number, howMany: number): GSheet {
    this.rec('insertRowsAfter');
    this.world.checkGrowth(howMany * this.maxCols);
    this.maxRows += howMany;
    return this as unknown as GSheet;
  }
  insertColumnsAfter(_after: number, howMany: number): GSheet {
    this.rec('insertColumnsAfter');
    this.world.checkGrowth(howMany * this.maxRows);
    this.maxCols += howMany;
    return this as unknown as GSheet;
  }
  setFrozenRows(rows: number): void {
    this.rec('setFrozenRows');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    this.rec('getFrozenRows');
    return this.frozenRows;
  }
  setColumnWidth(col: number, width: number): GSheet {
    this.rec('setColumnWidth');
    this.widths.set(col, width);
    return this as unknown as GSheet;
  }
  setColumnWidths(start: number, count: number, width: number): GSheet {
    this.rec('setColumnWidths');
    for (let c = start; c < start + count; c++) this.widths.set(c, width);
    return this as unknown as GSheet;
  }
  getColumnWidth(col: number): number {
    this.rec('getColumnWidth');
    return this.widths.get(col) ?? 100;
  }
  setRightToLeft(rightToLeft: boolean): GSheet {
    this.rec('setRightToLeft');
    this.rightToLeft = rightToLeft;
    return this as unknown as GSheet;
  }
  isRightToLeft(): boolean {
    this.rec('isRightToLeft');
    return this.rightToLeft;
  }
  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    this.rec('getConditionalFormatRules');
    return [...this.rules];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.rec('setConditionalFormatRules');
    this.rules = [...rules];
  }
  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    this.rec('newChart');
    return new FakeChartBuilder(
      this.world.log,
    ) as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.rec('insertChart');
    this.charts.push(chart as unknown as FakeChart);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    this.rec('getCharts');
    return [...this.charts] as unknown as GoogleAppsScript.Spreadsheet.EmbeddedChart[];
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    this.rec('removeChart');
    const at = this.charts.indexOf(chart as unknown as FakeChart);
    if (at < 0) throw new Error('Fake: that chart is not on this sheet');
    this.charts.splice(at, 1);
  }
  addDeveloperMetadata(key: string, value?: unknown): GSheet {
    this.rec('addDeveloperMetadata');
    this.world.addMetadata(key, typeof value === 'string' ? value : null, this);
    return this as unknown as GSheet;
  }
  getDeveloperMetadata(): GMetadata[] {
    this.rec('getDeveloperMetadata');
    return this.world.metadata.filter((m) => m.sheet === this) as unknown as GMetadata[];
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder');
    return new FakeMetadataFinder(
      this.world,
      this,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }
  hideSheet(): GSheet {
    this.rec('hideSheet');
    if (this.world.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error("Fake: can't hide the only visible sheet");
    }
    this.hidden = true;
    return this as unknown as GSheet;
  }
  showSheet(): GSheet {
    this.rec('showSheet');
    this.hidden = false;
    return this as unknown as GSheet;
  }
  isSheetHidden(): boolean {
    this.rec('isSheetHidden');
    return this.hidden;
  }
  activate(): GSheet {
    this.rec('activate');
    this.world.active = this;
    return this as unknown as GSheet;
  }
  clear(): GSheet {
    this.rec('clear');
    this.grid.length = 0;
    return this as unknown as GSheet;
  }

  // ——— test helpers (not recorded) ———

  /**
   * Fills the sheet from row 1 without recording calls: the user's data as getValues will return
   * it (strings stay strings, however they look; a SheetError is an error cell).
   */
  load(values: readonly (readonly LoadValue[])[]): this {
    const cols = Math.max(0, ...values.map((r) => r.length));
    this.maxRows = Math.max(this.maxRows, values.length);
    this.maxCols = Math.max(this.maxCols, cols);
    values.forEach((line, r) => {
      line.forEach((v, c) => {
        const cell = this.cellFor(r + 1, c + 1);
        cell.formula = '';
        cell.error = v instanceof SheetError ? v.code : '';
        cell.value = v instanceof SheetError ? v.code : (v ?? '');
      });
    });
    return this;
  }

  /**
   * The fill and font colour a cell shows when it holds `value`: the first conditional format
   * rule (in the sheet's order) that covers the cell and matches wins, as in Sheets; with none,
   * the cell's own colours.
   */
  colourShown(a1: string, value: unknown): { background: string; fontColor: string } {
    const { row, col } = parseA1(a1);
    const cell = this.cellAt(row, col);
    for (const rule of this.rules as unknown as FakeConditionalRule[]) {
      if (!rule.covers(this, row, col) || !rule.matches(value)) continue;
      return { background: rule.background ?? cell.background, fontColor: rule.fontColor ?? cell.fontColor };
    }
    return { background: cell.background, fontColor: cell.fontColor };
  }

  /** Every cell as stored, rows × cols up to the extent; for assertions. */
  snapshot(): FakeCell[][] {
    const { rows, cols } = this.extent;
    const out: FakeCell[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: FakeCell[] = [];
      for (let c = 1; c <= cols; c++) line.push({ ...this.cellAt(r, c) });
      out.push(line);
    }
    return out;
  }

  /** A1 address of a 1-based cell, e.g. "C7". */
  static a1(row: number, col: number): string {
    return `${columnLetter(col)}${row}`;
  }
}

type SpreadsheetApi = Pick<
  GSpreadsheet,
  | 'getId'
  | 'getName'
  | 'getUrl'
  | 'getSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'insertSheet'
  | 'deleteSheet'
  | 'moveActiveSheet'
  | 'getSpreadsheetLocale'
  | 'setSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'toast'
>;

export class FakeSpreadsheet implements SpreadsheetApi {
  constructor(private readonly world: FakeWorld) {}
  private rec(method: string): void {
    this.world.log.record('Spreadsheet', method);
  }
  getId(): string {
    this.rec('getId');
    return this.world.id;
  }
  getName(): string {
    this.rec('getName');
    return this.world.name;
  }
  getUrl(): string {
    this.rec('getUrl');
    return `https://docs.google.com/spreadsheets/d/${this.world.id}/edit`;
  }
  getSheets(): GSheet[] {
    this.rec('getSheets');
    return [...this.world.sheets] as unknown as GSheet[];
  }
  getSheetByName(name: string): GSheet | null {
    this.rec('getSheetByName');
    return (this.world.sheets.find((s) => s.name === name) ?? null) as unknown as GSheet | null;
  }
  getSheetById(id: number): GSheet | null {
    this.rec('getSheetById');
    return (this.world.sheets.find((s) => s.id === id) ?? null) as unknown as GSheet | null;
  }
  getActiveSheet(): GSheet {
    this.rec('getActiveSheet');
    return this.world.active as unknown as GSheet;
  }
  setActiveSheet(sheet: GSheet): GSheet {
    this.rec('setActiveSheet');
    this.world.active = sheet as unknown as FakeSheet;
    return sheet;
  }
  insertSheet(nameOrIndex?: unknown, index?: unknown): GSheet {
    this.rec('insertSheet');
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.world.freeName();
    if (this.world.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : typeof index === 'number' ? index : null;
    const sheet = new FakeSheet(this.world, name, this.world.nextSheetId());
    this.world.checkGrowth(sheet.maxRows * sheet.maxCols);
    if (at === null) this.world.sheets.push(sheet);
    else this.world.sheets.splice(at, 0, sheet);
    this.world.active = sheet; // Sheets activates a new sheet
    return sheet as unknown as GSheet;
  }
  deleteSheet(sheet: GSheet): void {
    this.rec('deleteSheet');
    const s = sheet as unknown as FakeSheet;
    if (!this.world.sheets.includes(s)) throw new Error('Fake: that sheet was already deleted');
    if (this.world.sheets.length === 1) throw new Error("Fake: can't delete the only sheet");
    this.world.sheets = this.world.sheets.filter((x) => x !== s);
    this.world.metadata = this.world.metadata.filter((m) => m.sheet !== s);
    if (this.world.active === s) this.world.active = this.world.sheets[0] as FakeSheet;
  }
  moveActiveSheet(pos: number): void {
    this.rec('moveActiveSheet');
    const s = this.world.active;
    const rest = this.world.sheets.filter((x) => x !== s);
    rest.splice(Math.max(0, Math.min(rest.length, pos - 1)), 0, s);
    this.world.sheets = rest;
  }
  getSpreadsheetLocale(): string {
    this.rec('getSpreadsheetLocale');
    return this.world.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.rec('setSpreadsheetLocale');
    this.world.locale = locale;
  }
  getSpreadsheetTimeZone(): string {
    this.rec('getSpreadsheetTimeZone');
    return this.world.timeZone;
  }
  addDeveloperMetadata(key: string, value?: unknown): GSpreadsheet {
    this.rec('addDeveloperMetadata');
    this.world.addMetadata(key, typeof value === 'string' ? value : null, null);
    return this as unknown as GSpreadsheet;
  }
  getDeveloperMetadata(): GMetadata[] {
    this.rec('getDeveloperMetadata');
    return this.world.metadata.filter((m) => m.sheet === null) as unknown as GMetadata[];
  }
  createDeveloperMetadataFinder(): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
    this.rec('createDeveloperMetadataFinder');
    return new FakeMetadataFinder(
      this.world,
      null,
    ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
  }
  toast(): void {
    this.rec('toast');
  }
}

/** The document lock; `busy` simulates another run holding it. */
export class FakeLock
  implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>
{
  held = false;
  busy = false;
  acquired = 0;
  constructor(private readonly log: CallLog) {}
  tryLock(_ms: number): boolean {
    this.log.record('Lock', 'tryLock');
    if (this.busy) return false;
    this.held = true;
    this.acquired++;
    return true;
  }
  waitLock(_ms: number): void {
    this.log.record('Lock', 'waitLock');
    if (this.busy) throw new Error('Lock timeout: another process was holding the lock for too long.');
    this.held = true;
    this.acquired++;
  }
  releaseLock(): void {
    this.log.record('Lock', 'releaseLock');
    this.held = false;
  }
  hasLock(): boolean {
    this.log.record('Lock', 'hasLock');
    return this.held;
  }
}

export class FakeProperties
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      | 'getProperty'
      | 'setProperty'
      | 'getProperties'
      | 'setProperties'
      | 'deleteProperty'
      | 'deleteAllProperties'
      | 'getKeys'
    >
{
  readonly store = new Map<string, string>();
  constructor(private readonly log: CallLog) {}
  getProperty(key: string): string | null {
    this.log.record('Properties', 'getProperty');
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): GoogleAppsScript.Properties.Properties {
    this.log.record('Properties', 'setProperty');
    if (value.length > 9 * 1024) throw new Error('Fake: a property value is limited to 9 KB');
    this.store.set(key, String(value));
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
  getProperties(): Record<string, string> {
    this.log.record('Properties', 'getProperties');
    return Object.fromEntries(this.store);
  }
  setProperties(
    props: Record<string, string>,
    deleteAllOthers?: boolean,
  ): GoogleAppsScript.Properties.Properties {
    this.log.record('Properties', 'setProperties');
    if (deleteAllOthers) this.store.clear();
    for (const [k, v] of Object.entries(props)) this.store.set(k, String(v));
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
  deleteProperty(key: string): GoogleAppsScript.Properties.Properties {
    this.log.record('Properties', 'deleteProperty');
    this.store.delete(key);
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this.log.record('Properties', 'deleteAllProperties');
    this.store.clear();
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
  getKeys(): string[] {
    this.log.record('Properties', 'getKeys');
    return [...this.store.keys()];
  }
}

/** A menu as the add-on built it. */
export interface FakeMenu {
  readonly items: { caption: string; fn: string }[];
  added: boolean;
}

/** What the Ui showed (sidebar, dialogs, menus). */
export interface FakeUiState {
  readonly menus: FakeMenu[];
  readonly shown: { kind: 'sidebar' | 'dialog'; title: string; content: string }[];
}

class FakeHtmlOutput {
  title = '';
  constructor(
    private readonly log: CallLog,
    public content: string,
  ) {}
  setTitle(title: string) {
    this.log.record('HtmlOutput', 'setTitle');
    this.title = title;
    return this;
  }
  getContent() {
    this.log.record('HtmlOutput', 'getContent');
    return this.content;
  }
  setContent(content: string) {
    this.log.record('HtmlOutput', 'setContent');
    this.content = content;
    return this;
  }
  append(content: string) {
    this.log.record('HtmlOutput', 'append');
    this.content += content;
    return this;
  }
  setWidth() {
    this.log.record('HtmlOutput', 'setWidth');
    return this;
  }
  setHeight() {
    this.log.record('HtmlOutput', 'setHeight');
    return this;
  }
}

export interface FakeWorldOptions {
  readonly locale?: string;
  readonly name?: string;
  /** The spreadsheet's time zone (IANA name); the script's is the manifest's, Etc/UTC. Default Etc/UTC. */
  readonly timeZone?: string;
  /** False: the script runs outside a document (standalone, web app), so getDocumentLock() is null. */
  readonly container?: boolean;
  /** Sheets to create, in order, with their values (row 1 first). */
  readonly sheets?: readonly { readonly name: string; readonly values?: readonly (readonly LoadValue[])[] }[];
  /** HTML files HtmlService can serve, by name. */
  readonly htmlFiles?: Readonly<Record<string, string>>;
}

/** One spreadsheet with its services. `install()` puts them on globalThis as Apps Script would. */
export class FakeWorld {
  readonly log = new CallLog();
  readonly id: string;
  name: string;
  locale: string;
  readonly timeZone: string;
  readonly container: boolean;
  /** Utilities calls (not Spreadsheet round trips, so not in `log`). */
  utilitiesCalls = 0;
  sheets: FakeSheet[] = [];
  metadata: FakeMetadata[] = [];
  active: FakeSheet;
  readonly spreadsheet: FakeSpreadsheet;
  readonly lock: FakeLock;
  readonly documentProperties: FakeProperties;
  readonly ui: FakeUiState = { menus: [], shown: [] };
  private sheetIds = 0;
  private metadataIds = 0;
  private readonly htmlFiles: Readonly<Record<string, string>>;
  private static worlds = 0;

  constructor(options: FakeWorldOptions = {}) {
    FakeWorld.worlds++;
    this.id = `fake-spreadsheet-${FakeWorld.worlds}`;
    this.name = options.name ?? 'Campaigns';
    this.locale = options.locale ?? 'en_US';
    this.timeZone = options.timeZone ?? 'Etc/UTC';
    this.container = options.container ?? true;
    this.htmlFiles = options.htmlFiles ?? {};
    const specs = options.sheets?.length ? options.sheets : [{ name: 'Sheet1' }];
    for (const spec of specs) {
      const sheet = new FakeSheet(this, spec.name, this.nextSheetId());
      if (spec.values) sheet.load(spec.values);
      this.sheets.push(sheet);
    }
    this.active = this.sheets[0] as FakeSheet;
    this.spreadsheet = new FakeSpreadsheet(this);
    this.lock = new FakeLock(this.log);
    this.documentProperties = new FakeProperties(this.log);
  }

  /** Sheet ids are not 0..n in Sheets either; starting high catches code that confuses id and index. */
  nextSheetId(): number {
    this.sheetIds++;
    return this.sheetIds === 1 ? 0 : 1_000_000 + this.sheetIds * 7919;
  }

  /** A date cell's value as getValues returns it: midnight of that day in the spreadsheet's time zone. */
  date(y: number, m: number, d: number): Date {
    return zonedInstant(y, m, d, this.timeZone);
  }

  /** Refuses growth past MAX_CELLS, with Sheets' message. */
  checkGrowth(added: number): void {
    const cells = this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    if (cells + added > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  freeName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      const name = `Sheet${n}`;
      if (!this.sheets.some((s) => s.name === name)) return name;
    }
  }

  addMetadata(key: string, value: string | null, sheet: FakeSheet | null): FakeMetadata {
    const m = new FakeMetadata(this, ++this.metadataIds, key, value, sheet);
    this.metadata.push(m);
    return m;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`Fake: no sheet "${name}" (have ${this.sheets.map((x) => x.name).join(', ')})`);
    return s;
  }

  /** A user's new tab, made without recording calls. */
  addUserSheet(name: string, values?: readonly (readonly LoadValue[])[]): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextSheetId());
    if (values) sheet.load(values);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The SpreadsheetApp global. */
  get spreadsheetApp(): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
    const app = {
      getActiveSpreadsheet: () => {
        this.log.record('SpreadsheetApp', 'getActiveSpreadsheet');
        return this.spreadsheet;
      },
      getActive: () => {
        this.log.record('SpreadsheetApp', 'getActive');
        return this.spreadsheet;
      },
      getUi: () => {
        this.log.record('SpreadsheetApp', 'getUi');
        return this.uiApi;
      },
      newConditionalFormatRule: () => {
        this.log.record('SpreadsheetApp', 'newConditionalFormatRule');
        return new FakeRuleBuilder(this.log);
      },
      flush: () => {
        this.log.record('SpreadsheetApp', 'flush');
      },
      // An enum, read without a call (a property, not a method).
      WrapStrategy: FAKE_WRAP_STRATEGY,
    };
    return app as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  }

  private get uiApi(): GoogleAppsScript.Base.Ui {
    const ui = {
      createAddonMenu: () => {
        this.log.record('Ui', 'createAddonMenu');
        const menu: FakeMenu = { items: [], added: false };
        this.ui.menus.push(menu);
        const api = {
          addItem: (caption: string, fn: string) => {
            this.log.record('Menu', 'addItem');
            menu.items.push({ caption, fn });
            return api;
          },
          addSeparator: () => {
            this.log.record('Menu', 'addSeparator');
            return api;
          },
          addToUi: () => {
            this.log.record('Menu', 'addToUi');
            menu.added = true;
          },
        };
        return api;
      },
      showSidebar: (html: FakeHtmlOutput) => {
        this.log.record('Ui', 'showSidebar');
        this.ui.shown.push({ kind: 'sidebar', title: html.title, content: html.content });
      },
      showModalDialog: (html: FakeHtmlOutput, title: string) => {
        this.log.record('Ui', 'showModalDialog');
        this.ui.shown.push({ kind: 'dialog', title, content: html.content });
      },
      alert: () => {
        this.log.record('Ui', 'alert');
      },
    };
    return ui as unknown as GoogleAppsScript.Base.Ui;
  }

  get lockService(): GoogleAppsScript.Lock.LockService {
    return {
      getDocumentLock: () => {
        this.log.record('LockService', 'getDocumentLock');
        return this.container ? this.lock : null;
      },
    } as unknown as GoogleAppsScript.Lock.LockService;
  }

  get propertiesService(): GoogleAppsScript.Properties.PropertiesService {
    return {
      getDocumentProperties: () => {
        this.log.record('PropertiesService', 'getDocumentProperties');
        return this.documentProperties;
      },
    } as unknown as GoogleAppsScript.Properties.PropertiesService;
  }

  get htmlService(): GoogleAppsScript.HTML.HtmlService {
    return {
      createHtmlOutputFromFile: (name: string) => {
        this.log.record('HtmlService', 'createHtmlOutputFromFile');
        const content = this.htmlFiles[name];
        if (content === undefined) throw new Error(`Fake: no HTML file "${name}"`);
        return new FakeHtmlOutput(this.log, content);
      },
      createHtmlOutput: (html?: string) => {
        this.log.record('HtmlService', 'createHtmlOutput');
        return new FakeHtmlOutput(this.log, html ?? '');
      },
    } as unknown as GoogleAppsScript.HTML.HtmlService;
  }

  /** The Utilities global: formatDate, as Apps Script formats a date in a given time zone. */
  get utilities(): GoogleAppsScript.Utilities.Utilities {
    return {
      formatDate: (date: Date, timeZone: string, format: string) => {
        this.utilitiesCalls++;
        return formatDate(date, timeZone, format);
      },
    } as unknown as GoogleAppsScript.Utilities.Utilities;
  }

  /** Puts SpreadsheetApp, LockService, PropertiesService, HtmlService and Utilities on globalThis. */
  install(): this {
    const g = globalThis as Record<string, unknown>;
    g.Utilities = this.utilities;
    g.SpreadsheetApp = this.spreadsheetApp;
    g.LockService = this.lockService;
    g.PropertiesService = this.propertiesService;
    g.HtmlService = this.htmlService;
    return this;
  }
}

/** Removes the globals `install()` set. */
export function uninstallFakes(): void {
  const g = globalThis as Record<string, unknown>;
  for (const k of ['SpreadsheetApp', 'LockService', 'PropertiesService', 'HtmlService', 'Utilities'])
    delete g[k];
}

// ——— Session (added for issue 10, bug 5: the user's locale; a separate block, so it merges) ———

/** Puts a Session global whose getActiveUserLocale answers `locale` ("fa", "ar"…) or throws it. */
export function installSession(locale: string | Error): void {
  (globalThis as Record<string, unknown>).Session = {
    getActiveUserLocale: () => {
      if (locale instanceof Error) throw locale;
      return locale;
    },
  };
}

/** Removes the Session global installSession set. */
export function uninstallSession(): void {
  delete (globalThis as Record<string, unknown>).Session;
}
