/**
 * What the command prints: the column mapping it used and a compact table of the headline KPIs
 * with their statuses. Pure string building, so tests read exactly what a user sees.
 */
import type { Status } from '../core/benchmarks/types';
import type { ExcludedReason } from '../core/detect/analyse';
import { benchmarkLabel } from '../core/i18n/benchmark-labels';
import { localNumber } from '../core/i18n/digits';
import type { Lang } from '../core/i18n/lang';
import { KPIS } from '../core/kpi/registry';
import type { KpiDef } from '../core/kpi/types';
import { moneyFormat } from '../core/report/layout';
import type { ColumnMapping, ReportModel } from '../core/report/model';
import type { InputProblem } from '../core/report/options';

const KPI_BY_ID = new Map<string, KpiDef>(KPIS.map((k) => [k.id, k]));

const ANSI: Readonly<Record<Status, string>> = { good: '\x1b[32m', fair: '\x1b[33m', poor: '\x1b[31m' };
const RESET = '\x1b[0m';

/** Display width: combining marks and joiners take no column. */
function width(text: string): number {
  return [...text.replace(/[\u0300-\u036f\u064b-\u065f\u0670\u200b-\u200f\u202a-\u202e\u2066-\u2069]/gu, '')]
    .length;
}
function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}
function padStart(text: string, to: number): string {
  return ' '.repeat(Math.max(0, to - width(text))) + text;
}

function roleText(m: ColumnMapping): string {
  switch (m.role.kind) {
    case 'measure':
      return `measure: ${m.role.measure}${m.currency ? ` (${m.currency})` : ''}`;
    case 'dimension':
      return `dimension: ${m.role.dimension}`;
    case 'precomputed':
      return `rate already computed (${m.role.kpi}): shown, not summed`;
    case 'ignored':
      return m.notSummed?.reason === 'other-chosen'
        ? `not summed (column ${m.notSummed.chosen} was chosen)`
        : m.notSummed
          ? 'not summed (see the notes)'
          : 'ignored';
  }
}

/** What each reason for leaving rows out calls them, singular and plural. */
const LEFT_OUT: Readonly<Record<ExcludedReason, readonly [string, string]>> = {
  total: ['total row', 'total rows'],
  summary: ["platform's total row", "platform's total rows"],
  header: ['repeated header row', 'repeated header rows'],
  note: ['row without numbers', 'rows without numbers'],
  section: ['row after the table', 'rows after the table'],
};

/** The rows left out, named beside the count they change: "left out: total row 250". */
export function leftOutText(model: Pick<ReportModel, 'notes'>): string {
  const parts = model.notes.flatMap((n) => {
    if (!n.leftOut || !n.rows?.length) return [];
    const [one, many] = LEFT_OUT[n.leftOut];
    return [`${n.rows.length === 1 ? one : many} ${shortList(n.rows)}`];
  });
  return parts.length > 0 ? `; left out: ${parts.join('; ')}` : '';
}

export function mappingText(model: ReportModel): string {
  const rows = model.dataRows.length;
  const from = model.platform ? `, a ${model.platform.name} export` : '';
  const count = `${rows.toLocaleString('en-US')} data row${rows === 1 ? '' : 's'}`;
  const head = `Columns (header on row ${model.headerRow + 1}, ${count}${from}${leftOutText(model)}):`;
  const headerWidth = Math.min(32, Math.max(6, ...model.mapping.map((m) => width(m.header))));
  const lines = model.mapping.map((m) => {
    const sure = m.overridden
      ? ' (set by you)'
      : m.confidence < 1
        ? ` (${Math.round(m.confidence * 100)}% sure)`
        : '';
    return `  ${m.letter.padEnd(3)} ${pad(m.header, headerWidth)}  ${roleText(m)}${sure}`;
  });
  return [head, ...lines].join('\n');
}

/**
 * A KPI value as the workbook shows it: the same number format (the registry's, or the report's
 * money format with the sheet's currency, so "$1.13" and "78,714 تومان" in both), read here
 * for its decimals, grouping, percent and quoted currency; digits in the report's language.
 */
export function formatKpi(
  kpi: KpiDef | undefined,
  value: number | null,
  currency: string | null,
  lang: Lang = 'en',
): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const format = kpi?.unit === 'money' ? moneyFormat(currency) : (kpi?.format ?? '0.00');
  return formatWith(format, value, lang);
}

/** A value through the subset of spreadsheet number formats the registry uses ("$"#,##0.00, 0.00%, +0.0%;-0.0%). */
export function formatWith(format: string, value: number, lang: Lang): string {
  const sections = format.split(';');
  const own = value < 0 && sections.length > 1; // the negative section writes its own sign
  const section = (value === 0 ? sections[2] : own ? sections[1] : sections[0]) ?? sections[0] ?? format;
  const pattern = /[#0,.]*[0#]/.exec(section.replace(/"[^"]*"/g, (q) => ' '.repeat(q.length)));
  if (!pattern) return localNumber(String(value), lang);
  const before = literal(section.slice(0, pattern.index));
  const after = literal(section.slice(pattern.index + pattern[0].length));
  const percent = after.includes('%');
  const decimals = /\.(0+)/.exec(pattern[0])?.[1]?.length ?? 0;
  const magnitude = Math.abs(value) * (percent ? 100 : 1);
  const digits = localNumber(
    magnitude.toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: pattern[0].includes(','),
    }),
    lang,
  );
  // Like the spreadsheet: a section of its own for negatives writes its sign, else a minus goes first.
  const sign = value < 0 && !own ? '-' : '';
  return `${sign}${before}${digits}${lang === 'en' ? after : after.replace('%', '\u066A')}`;
}

/** The literal text of a format section: quotes dropped, escapes read. */
function literal(text: string): string {
  return text.replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
}

export function kpiTableText(model: ReportModel, color: boolean): string {
  const rows = model.totals.kpis.map((k) => {
    const def = KPI_BY_ID.get(k.kpi);
    return {
      id: k.kpi,
      name: def ? def.names[model.lang] : '',
      value: formatKpi(def, k.value, model.currency, model.lang),
      status: k.status,
    };
  });
  if (rows.length === 0) return 'No KPI could be computed from these columns.';
  const idWidth = Math.max(3, ...rows.map((r) => r.id.length));
  const nameWidth = Math.max(4, ...rows.map((r) => width(r.name)));
  const valueWidth = Math.max(5, ...rows.map((r) => width(r.value)));
  const lines = [
    `${pad('KPI', idWidth)}  ${pad('Name', nameWidth)}  ${padStart('Total', valueWidth)}  Status`,
  ];
  for (const r of rows) {
    // The status in the report's words, as the workbook's Status column says it.
    const word = r.status ? benchmarkLabel(r.status, model.lang) : '';
    const status = r.status ? (color ? `${ANSI[r.status]}● ${word}${RESET}` : word) : '–';
    lines.push(
      `${pad(r.id, idWidth)}  ${pad(r.name, nameWidth)}  ${padStart(r.value, valueWidth)}  ${status}`,
    );
  }
  if (model.notComputed.length > 0) {
    const names = model.notComputed.map((n) => KPI_BY_ID.get(n.kpi)?.names[model.lang] ?? n.kpi);
    lines.push(
      '',
      `Not computed (${names.length}, the report says which columns each needs): ${names.join(', ')}`,
    );
  }
  return lines.join('\n');
}

/** An engine problem as one block: what, where, what to do. */
export function problemText(p: InputProblem): string {
  const where = [
    p.column ? `column ${p.column.letter} "${p.column.header}"` : '',
    p.rows && p.rows.length > 0 ? `row${p.rows.length > 1 ? 's' : ''} ${shortList(p.rows)}` : '',
  ].filter((s) => s !== '');
  const hint = p.cliHint ?? p.hint;
  return `${p.message}${where.length > 0 ? ` (${where.join(', ')})` : ''}${hint ? `\n  → ${hint}` : ''}`;
}

function shortList(rows: readonly number[]): string {
  return rows.length <= 8 ? rows.join(', ') : `${rows.slice(0, 8).join(', ')} … (${rows.length} in all)`;
}

/** Every judgement the engine made (rows left out, a column chosen, the decimal mark), one per line. */
export function notesText(model: ReportModel): string {
  if (model.notes.length === 0) return '';
  return ['Notes:', ...model.notes.map((n) => `  • ${n.message}`)].join('\n');
}
