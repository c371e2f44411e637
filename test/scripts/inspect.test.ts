/**
 * The dev page's /inspect view: the number formatter on hand-worked cases in the three
 * languages, and the report tab the sidebar builds on the fake spreadsheet drawn with the text and
 * colours Sheets would show. Expected texts are worked from the example's hand-computed totals
 * (examples/campaigns-*.expected.json) with Intl's grouping, not by the formatter; expected
 * colours are Excel's good / neutral / bad fills, picked by comparing the value with the published
 * benchmark's thresholds here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exampleReport } from '../../scripts/inspect-screenshots';
import { displayValue, UnsupportedFormat } from '../../scripts/sheet-format';
import { profileById } from '../../src/core/benchmarks/profiles';
import { rpc } from '../../src/server/engine';
import type { GenerateResult } from '../../src/shared/rpc';

const ROOT = new URL('../../', import.meta.url);
/** Excel's "Good", "Neutral" and "Bad" cell fills. */
const FILL = { good: '#c6efce', fair: '#ffeb9c', poor: '#ffc7ce' } as const;
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';

/** Latin digits → the script's, "," → ٬ and "." → ٫: how Persian and Arabic write 1,234.5. */
function native(latin: string, digits: string): string {
  return latin.replace(/[0-9.,]/g, (c) =>
    c === ',' ? '\u066c' : c === '.' ? '\u066b' : (digits[Number(c)] as string),
  );
}

const grouped = (n: number, decimals: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    n,
  );

function expected(lang: 'en' | 'fa' | 'ar') {
  return JSON.parse(readFileSync(new URL(`examples/campaigns-${lang}.expected.json`, ROOT), 'utf8')) as {
    totals: Record<string, number>;
    kpis: Record<string, { value: number }>;
  };
}

interface Td {
  a1: string;
  style: string;
  text: string;
  cls: string;
}

/** Every cell of an /inspect page, in document order. */
function cells(html: string): Td[] {
  const out: Td[] = [];
  const re = /<td data-a1="([A-Z]+\d+)" style="([^"]*)"([^>]*)>([^<]*)<\/td>/g;
  for (const m of html.matchAll(re)) {
    const text = (m[4] as string).replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
    out.push({
      a1: m[1] as string,
      style: m[2] as string,
      text,
      cls: /class="([^"]*)"/.exec(m[3] as string)?.[1] ?? '',
    });
  }
  return out;
}

const rowOf = (a1: string) => Number(/\d+/.exec(a1)?.[0]);
const background = (td: Td | undefined) =>
  /background:(#[0-9a-f]{6})/i.exec(td?.style ?? '')?.[1]?.toLowerCase();

/** The cell in `column` on the row whose column A reads `label` (the first such row). */
function besideLabel(all: Td[], label: string, column: string): Td | undefined {
  const at = all.find((c) => c.a1.startsWith('A') && /^A\d+$/.test(c.a1) && c.text === label);
  if (!at) throw new Error(`No row labelled ${label}`);
  return all.find((c) => c.a1 === `${column}${rowOf(at.a1)}`);
}

describe('displayValue: what a cell shows under its number format', () => {
  it('groups, rounds and signs numbers in English', () => {
    expect(displayValue(1234.5, '#,##0.00', 'en')).toBe('1,234.50');
    expect(displayValue(3020023, '#,##0', 'en')).toBe('3,020,023');
    expect(displayValue(0.0247561, '0.00%', 'en')).toBe('2.48%');
    expect(displayValue(1, '0%', 'en')).toBe('100%');
    expect(displayValue(3.5996, '0.00', 'en')).toBe('3.60');
    expect(displayValue(150, '#,##0.0" s"', 'en')).toBe('150.0 s');
    expect(displayValue(62389.58, '"$"#,##0.00', 'en')).toBe('$62,389.58');
    expect(displayValue(-5, '"$"#,##0.00', 'en')).toBe('-$5.00');
  });

  it('takes the section for positive, negative and zero values', () => {
    const change = '+0.0%;-0.0%;0.0%';
    expect(displayValue(0.1234, change, 'en')).toBe('+12.3%');
    expect(displayValue(-0.1234, change, 'en')).toBe('-12.3%');
    expect(displayValue(0, change, 'en')).toBe('0.0%');
  });

  it('writes Persian and Arabic digits with ٬ ٫ ٪, keeping the quoted currency as written', () => {
    expect(displayValue(1234.5, '#,##0.00', 'fa')).toBe('۱٬۲۳۴٫۵۰');
    expect(displayValue(5814728000, '#,##0 "تومان"', 'fa')).toBe('۵٬۸۱۴٬۷۲۸٬۰۰۰ تومان');
    expect(displayValue(223070.87, '#,##0.00 "ر.س"', 'ar')).toBe('٢٢٣٬٠٧٠٫٨٧ ر.س');
    expect(displayValue(0.0593, '0.00%', 'ar')).toBe('٥٫٩٣٪');
    // A sign carries the bidi mark CLDR uses: LRM in Persian, ALM in Arabic.
    expect(displayValue(-0.1234, '+0.0%;-0.0%;0.0%', 'fa')).toBe('\u200e-۱۲٫۳٪');
    expect(displayValue(0.1234, '+0.0%;-0.0%;0.0%', 'ar')).toBe('\u061c+١٢٫٣٪');
  });

  it('shows dates from serial numbers and Date values', () => {
    // 2026-08-03 is day 46237 after 1899-12-30 (worked out separately: 126 years of days + 215).
    expect(displayValue(46237, 'yyyy-mm-dd', 'en')).toBe('2026-08-03');
    expect(displayValue(46237, 'yyyy-mm-dd', 'fa')).toBe('۲۰۲۶-۰۸-۰۳');
    expect(displayValue(46237.75, 'd/m/yyyy hh:mm', 'en')).toBe('3/8/2026 18:00');
    expect(displayValue(new Date(Date.UTC(2026, 7, 3)), 'yyyy-mm-dd', 'en')).toBe('2026-08-03');
  });

  it('shows text, blanks and booleans as they are', () => {
    expect(displayValue('good', '0.00%', 'en')).toBe('good');
    expect(displayValue('', '0.00%', 'en')).toBe('');
    expect(displayValue(true, 'General', 'en')).toBe('TRUE');
  });

  it('refuses formats it does not model, naming the format', () => {
    for (const f of ['[Red]0.00', '0.00E+00', '#,##0,', '0 x']) {
      expect(() => displayValue(1, f, 'en')).toThrow(UnsupportedFormat);
      expect(() => displayValue(1, f, 'en')).toThrow(JSON.stringify(f));
    }
  });
});

describe('/inspect of the report the sidebar builds', () => {
  it('shows the English example totals formatted, and conversion rate coloured by its benchmark', () => {
    const { dev, tab } = exampleReport('en');
    const html = dev.inspectPage(tab);
    const all = cells(html);
    const e = expected('en');
    expect(besideLabel(all, 'Cost', 'B')?.text).toBe(grouped(e.totals.cost as number, 2));
    expect(besideLabel(all, 'Impressions', 'B')?.text).toBe(grouped(e.totals.impressions as number, 0));
    const rate = e.kpis.conversion_rate?.value as number;
    const cell = besideLabel(all, 'Conversion rate', 'B');
    expect(cell?.text).toBe(`${(rate * 100).toFixed(2)}%`);
    // The report chose the e-commerce profile (its subtitle says so); judge the value by it here.
    expect(all.find((c) => c.a1 === 'A2')?.text).toMatch(/E-commerce/);
    const t = profileById('ecommerce')?.benchmarks.find((b) => b.kpi === 'conversion_rate')?.thresholds;
    if (t?.direction !== 'higher')
      throw new Error('expected a higher-is-better benchmark for conversion rate');
    const status = rate >= t.good ? 'good' : rate >= t.fair ? 'fair' : 'poor';
    expect(background(cell)).toBe(FILL[status]);
    // Left to right, the two frozen rows in the sticky header.
    expect(html).toContain('<main dir="ltr">');
    const head = html.slice(0, html.indexOf('</thead>'));
    expect(head).toContain('data-a1="A2"');
    expect(head).not.toContain('data-a1="A3"');
  });

  it('shows the Persian example in Persian digits, right to left', () => {
    const { dev, tab } = exampleReport('fa');
    const html = dev.inspectPage(tab);
    const all = cells(html);
    const e = expected('fa');
    expect(besideLabel(all, 'هزینه', 'B')?.text).toBe(
      `${native(grouped(e.totals.cost as number, 0), PERSIAN)} تومان`,
    );
    const rate = e.kpis.ctr?.value as number;
    expect(besideLabel(all, 'نرخ کلیک (CTR)', 'B')?.text).toBe(
      `${native((rate * 100).toFixed(2), PERSIAN)}٪`,
    );
    expect(html).toContain('<main dir="rtl">');
  });

  it('shows the Arabic example in Arabic-Indic digits with its currency', () => {
    const { dev, tab } = exampleReport('ar');
    const all = cells(dev.inspectPage(tab));
    const e = expected('ar');
    expect(besideLabel(all, 'التكلفة', 'B')?.text).toBe(
      `${native(grouped(e.totals.cost as number, 2), ARABIC)} ر.س`,
    );
  });

  it('colours good, fair and poor groups by the rules the writer set', () => {
    // Conversion rate per channel: 50/1000, 20/1000 and 10/1000 sessions.
    const csvText = [
      'Channel,Cost,Sessions,Conversions,Orders,Revenue',
      'Search,100,1000,50,50,900',
      'Social,100,1000,20,20,300',
      'Email,100,1000,10,10,150',
    ].join('\n');
    const { dev } = exampleReport('en');
    dev.reset({ csvText });
    dev.world.install();
    const result = rpc.generateReport({
      sheetId: dev.world.sheet('Campaigns').id,
      lang: 'en',
      formulas: 'live',
      placement: 'update',
      profileId: 'ecommerce',
    }) as GenerateResult;
    if (!result.ok) throw new Error(JSON.stringify(result));
    const all = cells(dev.inspectPage(result.sheetName));
    const t = profileById('ecommerce')?.benchmarks.find((b) => b.kpi === 'conversion_rate')?.thresholds;
    if (t?.direction !== 'higher')
      throw new Error('expected a higher-is-better benchmark for conversion rate');
    // The group table's conversion-rate column: under the header that names it, below "By Channel".
    const section = all.find((c) => c.text === 'By Channel') as Td;
    const header = all.find(
      (c) => rowOf(c.a1) === rowOf(section.a1) + 1 && c.text === 'Conversion rate',
    ) as Td;
    const col = /[A-Z]+/.exec(header.a1)?.[0];
    const cases = [
      ['Search', 50 / 1000],
      ['Social', 20 / 1000],
      ['Email', 10 / 1000],
    ] as const;
    const seen = new Set<string>();
    for (const [channel, rate] of cases) {
      const label = all.find((c) => c.text === channel && rowOf(c.a1) > rowOf(header.a1)) as Td;
      const cell = all.find((c) => c.a1 === `${col}${rowOf(label.a1)}`);
      const status = rate >= t.good ? 'good' : rate >= t.fair ? 'fair' : 'poor';
      seen.add(status);
      expect(cell?.text, channel).toBe(`${(rate * 100).toFixed(2)}%`);
      expect(background(cell), channel).toBe(FILL[status]);
    }
    // The data were chosen to reach all three colours under the published thresholds.
    expect([...seen].sort()).toEqual(['fair', 'good', 'poor']);
  });

  it('wraps the table headers the writer set to WRAP, and lets a title overflow', () => {
    const { dev, tab } = exampleReport('en');
    const all = cells(dev.inspectPage(tab));
    const wraps = (td: Td | undefined) => /white-space:pre-wrap/.test(td?.style ?? '');
    const section = all.find((c) => c.text === 'By Channel') as Td;
    const header = all.filter((c) => rowOf(c.a1) === rowOf(section.a1) + 1 && c.text !== '');
    expect(header.map((c) => c.text)).toContain('Conversion rate');
    expect(header.every(wraps)).toBe(true);
    // A value and the title stay on one line; the title runs over the empty cells beside it.
    expect(wraps(besideLabel(all, 'Cost', 'B'))).toBe(false);
    const html = dev.inspectPage(tab);
    expect(html).toMatch(/<td data-a1="A1" style="[^"]*" colspan="\d+"/);
    expect(wraps(all.find((c) => c.a1 === 'A1'))).toBe(false);
  });

  it('outlines a cell whose number format it does not model and shows its raw value', () => {
    const { dev } = exampleReport('en');
    const sheet = dev.world.addUserSheet('Odd', [[1234.5]]);
    sheet.getRange('A1').setNumberFormat('[Red]#,##0');
    const html = dev.inspectPage('Odd');
    const a1 = cells(html).find((c) => c.a1 === 'A1');
    expect(a1?.cls).toContain('unmodelled');
    expect(a1?.text).toBe('1234.5');
    expect(html).toContain('[Red]#,##0');
  });
});
