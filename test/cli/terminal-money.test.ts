import { describe, expect, it } from 'vitest';
import { formatKpi, formatWith, leftOutText } from '../../src/cli/terminal';
import { KPIS } from '../../src/core/kpi/registry';
import { buildReport } from '../../src/core/report/index';

const kpi = (id: string) => KPIS.find((k) => k.id === id);
const cpc = kpi('cpc');

describe('money in the terminal, written as the workbook writes it', () => {
  it('puts a currency symbol before the number and a code or a word after it', () => {
    expect(formatKpi(cpc, 1.1345, '$')).toBe('$1.13');
    expect(formatKpi(cpc, 2, '€')).toBe('€2.00');
    expect(formatKpi(cpc, -3.5, '$')).toBe('-$3.50');
    expect(formatKpi(cpc, 12.5, 'SAR')).toBe('12.50 SAR');
    expect(formatKpi(cpc, 1.5, null)).toBe('1.50');
  });

  it('writes Toman and Rial without decimals, as the workbook’s #,##0 "تومان" does', () => {
    // 78,713.56 rounds to 78,714 (no decimals), grouped by thousands.
    expect(formatKpi(cpc, 78713.56, 'تومان')).toBe('78,714 تومان');
    expect(formatKpi(cpc, 1200, 'ریال')).toBe('1,200 ریال');
  });

  it('reads the format’s sections, percent and literal suffix', () => {
    expect(formatWith('+0.0%;-0.0%;0.0%', 0.125, 'en')).toBe('+12.5%');
    expect(formatWith('+0.0%;-0.0%;0.0%', -0.031, 'en')).toBe('-3.1%');
    expect(formatWith('+0.0%;-0.0%;0.0%', 0, 'en')).toBe('0.0%');
    expect(formatWith('#,##0.0" s"', 1234.56, 'en')).toBe('1,234.6 s');
    expect(formatWith('0.00%', 0.0666, 'en')).toBe('6.66%');
  });
});

describe('the terminal’s totals are the workbook’s totals cells', () => {
  // The totals' value column mixes units, so its money cells carry the currency (the tables'
  // money columns name it in their headers instead): the terminal prints that column.
  it.each([
    ['fa', 'Cost (تومان)', '1,200,000', '800,000'],
    ['ar', 'Cost (ر.س)', '1,200.50', '800'],
    ['en', 'Cost', '$1,200.50', '$800'],
  ] as const)('%s: each KPI total as its cell’s format shows it', (lang, head, a, b) => {
    const r = buildReport(
      [
        ['Channel', 'Impressions', 'Clicks', head, 'Conversions'],
        ['Search', 1000, 50, a, 5],
        ['Social', 2000, 40, b, 2],
      ],
      { sourceName: 'Data', lang },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const m = r.model;
    const lines = m.blocks.find((x) => x.kind === 'totals')?.cells ?? [];
    let money = 0;
    for (const k of m.totals.kpis) {
      const def = kpi(k.kpi);
      const cell = lines.find((l) => l[0]?.v === def?.names[lang])?.[1];
      if (k.value === null || !cell?.fmt) throw new Error(`no totals cell for ${k.kpi}`);
      const shown = formatKpi(def, k.value, m.currency, lang);
      expect(shown).toBe(formatWith(cell.fmt, k.value, lang));
      if (def?.unit === 'money') {
        money++;
        expect(shown).toContain(m.currency as string);
      }
    }
    expect(money).toBe(3); // CPC, CPM, CPA
  });
});

describe('digits in the report’s language', () => {
  it('Persian: Persian digits, ٬ and ٫, the percent sign after the number', () => {
    expect(formatKpi(kpi('ctr'), 0.0666, null, 'fa')).toBe('۶٫۶۶٪');
    expect(formatKpi(cpc, 78713.56, 'تومان', 'fa')).toBe('۷۸٬۷۱۴ تومان');
    expect(formatKpi(kpi('roas'), 3.7, null, 'fa')).toBe('۳٫۷۰');
  });

  it('Arabic: Arabic-Indic digits with the same separators and sign', () => {
    expect(formatKpi(kpi('ctr'), 0.05, null, 'ar')).toBe('٥٫٠٠٪');
    expect(formatKpi(cpc, 1234.5, 'ر.س', 'ar')).toBe('١٬٢٣٤٫٥٠ ر.س');
  });
});

describe('rows left out, named beside the row count', () => {
  it('one row singular, several plural, each reason in its words', () => {
    expect(leftOutText({ notes: [] })).toBe('');
    expect(leftOutText({ notes: [{ message: 'x', rows: [4], leftOut: 'total' }] })).toBe(
      '; left out: total row 4',
    );
    expect(
      leftOutText({
        notes: [
          { message: 'x', rows: [12, 30], leftOut: 'total' },
          { message: 'y', rows: [7], column: 'B' }, // a note about values, not rows left out
          { message: 'z', rows: [2], leftOut: 'summary' },
        ],
      }),
    ).toBe("; left out: total rows 12, 30; platform's total row 2");
  });
});
