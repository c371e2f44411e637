/**
 * What the command prints: the column mapping it used and a compact table of the headline KPIs
 * with their statuses. Pure string building, so tests read exactly what a user sees.
 */
import type { Status } from '../core/benchmarks/types';
import { KPIS } from '../core/kpi/registry';
import type { KpiDef } from '../core/kpi/types';
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

export function mappingText(model: ReportModel): string {
  const rows = model.dataRows.length;
  const from = model.platform ? `, a ${model.platform.name} export` : '';
  const head = `Columns (header on row ${model.headerRow + 1}, ${rows.toLocaleString('en-US')} data row${rows === 1 ? '' : 's'}${from}):`;
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

/** A KPI value as the report shows it, from the registry's number format. */
export function formatKpi(kpi: KpiDef | undefined, value: number | null, currency: string | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const format = kpi?.format ?? '0.00';
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  if (format.includes('%')) return `${(value * 100).toFixed(decimals)}%`;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: format.includes(','),
  });
  if (kpi?.unit !== 'money' || !currency) return text;
  // Symbols go before the number as people write them ($1.13, €5); codes and Arabic-script
  // names after it (12.50 SAR, ۱۲ تومان).
  return /^[A-Z]{0,2}[$€£¥₹₺]$/.test(currency)
    ? `${text.startsWith('-') ? '-' : ''}${currency}${text.replace(/^-/, '')}`
    : `${text} ${currency}`;
}

export function kpiTableText(model: ReportModel, color: boolean): string {
  const rows = model.totals.kpis.map((k) => {
    const def = KPI_BY_ID.get(k.kpi);
    return {
      id: k.kpi,
      name: def ? def.names[model.lang] : '',
      value: formatKpi(def, k.value, model.currency),
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
    const status = r.status ? (color ? `${ANSI[r.status]}● ${r.status}${RESET}` : r.status) : '–';
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
