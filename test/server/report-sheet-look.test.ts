/**
 * Issue 10, bug 9, on the fake spreadsheet with the real engine: charts say how many header rows
 * their ranges have (none: they hold data only), so Sheets does not guess one and drop the first
 * group; and cells without a style of their own get no fill (a white fill hides the gridlines).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateReport } from '../../src/server/report-rpc';
import { readCsvSheet } from '../fakes/csv-sheet';
import { FakeRange, FakeWorld, uninstallFakes } from '../fakes/spreadsheet';

const EXAMPLE = new URL('../../examples/campaigns-en.csv', import.meta.url);

afterEach(() => {
  uninstallFakes();
  vi.restoreAllMocks();
});

function build() {
  const w = new FakeWorld({ sheets: [{ name: 'Campaigns', values: readCsvSheet(EXAMPLE) }] }).install();
  const fills: unknown[][][] = [];
  const real = FakeRange.prototype.setBackgrounds;
  vi.spyOn(FakeRange.prototype, 'setBackgrounds').mockImplementation(function (this: FakeRange, colors) {
    fills.push(colors);
    return real.call(this, colors);
  });
  const r = generateReport({ sheetId: 0, lang: 'en', formulas: 'live', placement: 'update' });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return { w, name: r.sheetName, fills };
}

describe('the report tab as Sheets draws it', () => {
  it('every chart declares 0 header rows, and its first label is a data row', () => {
    const { w, name } = build();
    const tab = w.sheet(name);
    expect(tab.charts.length).toBeGreaterThan(0);
    for (const chart of tab.charts) {
      expect(chart.options.numHeaders).toBe(0);
      // The labels range starts on a group or period, not on the table's header.
      const first = String(chart.ranges[0]).split(':')[0] as string;
      const row = Number(first.replace(/^[A-Z]+/, ''));
      const above = tab.cellAt(row - 1, 1).value;
      const label = tab.cellAt(row, 1).value;
      expect(label).not.toBe('');
      expect(above, `the cell above ${first} is the header`).not.toBe(label);
    }
  });

  it('leaves cells without a style unfilled: no white fill anywhere', () => {
    const { fills } = build();
    expect(fills).toHaveLength(1); // one call for the whole report
    const cells = (fills[0] as unknown[][]).flat();
    expect(cells).not.toContain('#ffffff');
    expect(cells).toContain(null);
    // Styled cells (title band, headers, statuses) keep their colours.
    expect(cells.some((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c))).toBe(true);
  });
});
