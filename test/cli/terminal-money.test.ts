import { describe, expect, it } from 'vitest';
import { formatKpi } from '../../src/cli/terminal';
import { KPIS } from '../../src/core/kpi/registry';

const cpc = KPIS.find((k) => k.id === 'cpc');

describe('money in the terminal, written as people write it', () => {
  it('puts a currency symbol before the number and a code or a word after it', () => {
    expect(formatKpi(cpc, 1.1345, '$')).toBe('$1.13');
    expect(formatKpi(cpc, 2, '€')).toBe('€2.00');
    expect(formatKpi(cpc, -3.5, '$')).toBe('-$3.50');
    expect(formatKpi(cpc, 12.5, 'SAR')).toBe('12.50 SAR');
    expect(formatKpi(cpc, 1200, 'تومان')).toBe('1,200.00 تومان');
    expect(formatKpi(cpc, 1.5, null)).toBe('1.50');
  });
});
