/**
 * The bundled example campaigns read independently of Mizan, and the KPIs worked out from them
 * with the formulas of README.md / docs/kpi-definitions.md (sum, then divide).
 *
 * The three example files (examples/campaigns-{en,ar,fa}.csv) have no quoted fields, so a plain
 * split is a faithful reader. Numbers: Persian (۰-۹) and Arabic-Indic (٠-٩) digits, ٬ and , as
 * thousands separators, ٫ as the decimal mark (README: "۱۲٬۳۴۵٫۶").
 */
import { readFileSync } from 'node:fs';

export type Measure =
  | 'cost'
  | 'impressions'
  | 'clicks'
  | 'sessions'
  | 'conversions'
  | 'leads'
  | 'orders'
  | 'revenue'
  | 'new_customers';

/** The example files' layout (same column order in en, ar, fa: checked by the header test). */
export const EXAMPLE_COLUMNS: Record<Measure, string> = {
  cost: 'D',
  impressions: 'E',
  clicks: 'F',
  sessions: 'G',
  conversions: 'H',
  leads: 'I',
  orders: 'J',
  revenue: 'K',
  new_customers: 'L',
};

/** Which measures feed each KPI (the examples have no visitors column: conversions ÷ sessions). */
export const KPI_INPUTS: Record<string, Measure[]> = {
  ctr: ['clicks', 'impressions'],
  cpc: ['cost', 'clicks'],
  cpm: ['cost', 'impressions'],
  conversion_rate: ['conversions', 'sessions'],
  cpa: ['cost', 'conversions'],
  cpl: ['cost', 'leads'],
  cac: ['cost', 'new_customers'],
  roi: ['revenue', 'cost'],
  roas: ['revenue', 'cost'],
  aov: ['revenue', 'orders'],
};

export type Sums = Record<Measure, number>;

export function kpiValue(kpi: string, s: Sums): number | null {
  const div = (a: number, b: number) => (b === 0 ? null : a / b);
  switch (kpi) {
    case 'ctr':
      return div(s.clicks, s.impressions);
    case 'cpc':
      return div(s.cost, s.clicks);
    case 'cpm':
      return s.impressions === 0 ? null : (s.cost / s.impressions) * 1000;
    case 'conversion_rate':
      return div(s.conversions, s.sessions);
    case 'cpa':
      return div(s.cost, s.conversions);
    case 'cpl':
      return div(s.cost, s.leads);
    case 'cac':
      return div(s.cost, s.new_customers);
    case 'roi':
      return s.cost === 0 ? null : (s.revenue - s.cost) / s.cost;
    case 'roas':
      return div(s.revenue, s.cost);
    case 'aov':
      return div(s.revenue, s.orders);
    default:
      throw new Error(`no independent formula for ${kpi} in this test`);
  }
}

const DIGITS: Record<string, string> = {};
for (let i = 0; i < 10; i++) {
  DIGITS[String.fromCharCode(0x06f0 + i)] = String(i);
  DIGITS[String.fromCharCode(0x0660 + i)] = String(i);
}

export function readNumber(text: string): number {
  const latin = text
    .trim()
    .replace(/[۰-۹٠-٩]/g, (d) => DIGITS[d] ?? d)
    .replace(/[٬,]/g, '')
    .replace(/٫/g, '.');
  const n = Number(latin);
  if (!Number.isFinite(n) || latin === '') throw new Error(`not a number: ${text}`);
  return n;
}

export interface ExampleData {
  header: string[];
  rows: string[][];
}

export function readExample(path: string): ExampleData {
  const lines = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l !== '');
  const [head, ...rest] = lines.map((l) => l.split(','));
  return { header: head ?? [], rows: rest };
}

function colIdx(letter: string): number {
  return letter.charCodeAt(0) - 65;
}

export function sumRows(rows: string[][]): Sums {
  const s = {} as Sums;
  for (const [m, letter] of Object.entries(EXAMPLE_COLUMNS) as [Measure, string][]) {
    s[m] = rows.reduce((acc, r) => acc + readNumber(r[colIdx(letter)] ?? ''), 0);
  }
  return s;
}

/** Sums per distinct value of column A (the channel), in first-seen order. */
export function sumsByChannel(data: ExampleData): Map<string, Sums> {
  const groups = new Map<string, string[][]>();
  for (const r of data.rows) {
    const key = r[0] ?? '';
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return new Map([...groups].map(([k, rows]) => [k, sumRows(rows)]));
}

/** Relative closeness for figures computed in a different order of additions. */
export function close(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
