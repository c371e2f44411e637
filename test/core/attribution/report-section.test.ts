/**
 * The report's Attribution section: a path export found by its content and its headers in
 * English, Arabic and Persian; every model's credits equal both the ATTRIBUTION function's
 * output and a hand computation; each model's credits sum to the total conversions; cost per
 * channel matched by trimmed, case-folded name, CPA and ROAS sum-then-divide with empty (null)
 * for a zero divisor; and loud refusals that name the cell.
 */
import { describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS } from '../../../src/core/attribution/models';
import { attributionFunction } from '../../../src/core/attribution/sheet-function';
import { buildReport } from '../../../src/core/report';
import type { AttributionPart } from '../../../src/core/report/attribution-block';
import type { ReportOptions } from '../../../src/core/report/options';

/** Three paths worked by hand below (channels ordered Search 4, Email 3, Social 1). */
const PATHS_EN = [
  ['Conversion path', 'Conversions', 'Value'],
  ['Search > Email', 2, 100],
  ['Search', 1, 30],
  ['Social > Search > Email', 1, 50],
];

/**
 * Credits worked by hand (conversions; value where it is not the same share of 180):
 * first: S 2+1, So 1. last: E 2+1, S 1. linear: S>E 1/1, S 1, So>S>E 1/3 each.
 * position: S>E 50/50, S 100%, So>S>E .4/.2/.4. time decay (half-life 1): S>E 1/3, 2/3;
 * So>S>E 1/7, 2/7, 4/7. markov without non-conversions: removal effect = share of journeys
 * through the channel: S 4/4, E 3/4, So 1/4, over 2 → 2, 1.5, .5 of 4. shapley: unanimity games
 * per path: {S}:1 to S, {S,E}:2 split 1/1, {So,S,E}:1 a third each.
 */
const HAND: Record<string, [number, number, number]> = {
  first_touch: [3, 0, 1],
  last_touch: [1, 3, 0],
  linear: [7 / 3, 4 / 3, 1 / 3],
  position_based: [1 + 1 + 0.2, 1 + 0.4, 0.4],
  time_decay: [2 / 3 + 1 + 2 / 7, 4 / 3 + 4 / 7, 1 / 7],
  markov: [2, 1.5, 0.5],
  shapley: [7 / 3, 4 / 3, 1 / 3],
};
const HAND_VALUE: Record<string, [number, number, number]> = {
  first_touch: [130, 0, 50],
  last_touch: [30, 150, 0],
  markov: [90, 67.5, 22.5],
};

const CAMPAIGNS = [
  ['Channel', 'Campaign', 'Cost', 'Clicks', 'Conversions'],
  ['Search', 'Brand', 40, 100, 3],
  [' search ', 'Generic', 20, 80, 1],
  ['Email', 'Newsletter', 9, 30, 2],
  ['Display', 'Prospecting', 100, 50, 0],
];

function build(cells: unknown[][], o: Partial<ReportOptions> = {}) {
  const result = buildReport(cells, { sourceName: 'Campaigns', lang: 'en', ...o });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.model;
}

const partOf = (model: ReturnType<typeof build>): AttributionPart => {
  if (!model.attribution) throw new Error('no attribution section');
  return model.attribution;
};

const conversions = (part: AttributionPart, model: string) =>
  part.channels.map((ch) => ch.credits[model as 'linear']?.conversions);

describe('the Attribution section on a hand-computed path export', () => {
  const part = partOf(build(PATHS_EN, { sourceName: 'Paths' }));

  it('finds the path, conversions and value columns and orders channels by the conversions of their paths', () => {
    expect(part.source).toMatchObject({
      sheet: 'Paths',
      isMain: true,
      first: 1,
      last: 3,
      rangeLive: true,
      path: { letter: 'A' },
      conversions: { letter: 'B' },
      value: { letter: 'C' },
      nonConversions: null,
    });
    expect(part.channels.map((c) => c.channel)).toEqual(['Search', 'Email', 'Social']);
    expect(part.models).toEqual([...ATTRIBUTION_MODELS]);
    expect(part.totalConversions).toBe(4);
    expect(part.totalValue).toBe(180);
  });

  it.each(Object.keys(HAND))('%s: credits equal the hand computation', (model) => {
    const got = conversions(part, model);
    (HAND[model] as number[]).forEach((x, k) => {
      expect(got[k]).toBeCloseTo(x, 12);
    });
    const value = HAND_VALUE[model];
    if (value)
      value.forEach((x, k) => {
        expect(part.channels[k]?.credits[model as 'linear']?.value).toBeCloseTo(x, 9);
      });
  });

  it('each model sums to the total conversions and value', () => {
    for (const model of part.models) {
      const sum = part.channels.reduce((a, ch) => a + (ch.credits[model]?.conversions ?? 0), 0);
      const value = part.channels.reduce((a, ch) => a + (ch.credits[model]?.value ?? 0), 0);
      expect(sum).toBeCloseTo(4, 12);
      expect(value).toBeCloseTo(180, 9);
    }
  });

  it('equals what =ATTRIBUTION gives on the same cells, to the last bit', () => {
    const col = (c: number) => PATHS_EN.slice(1).map((r) => [r[c] as string | number]);
    for (const model of part.models) {
      const out = attributionFunction(col(0), col(1), model, col(2)) as [string, number, number][];
      expect(out.map((r) => r[0])).toEqual(part.channels.map((c) => c.channel));
      expect(out.map((r) => r[1])).toEqual(conversions(part, model));
      expect(out.map((r) => r[2])).toEqual(part.channels.map((ch) => ch.credits[model]?.value));
    }
  });

  it('the data-driven column is Markov minus last touch', () => {
    expect(part.dataDriven).toBe('markov');
    expect(part.channels.map((c) => c.dataDrivenVsLastTouch)).toEqual([2 - 1, 1.5 - 3, 0.5 - 0]);
  });

  it('a path export needs no campaign KPI, and is not grouped by its paths', () => {
    const model = build(PATHS_EN, { sourceName: 'Paths' });
    expect(model.groups).toEqual([]);
    expect(model.blocks.map((b) => b.id)).toContain('attribution');
  });
});

describe('headers and digits in Arabic and Persian', () => {
  it.each([
    ['ar', ['مسار التحويل', 'التحويلات', 'القيمة'], '٢', '١٠٠'],
    ['fa', ['مسیر', 'تبدیل', 'ارزش'], '۲', '۱۰۰'],
  ] as const)('%s: the same credits from headers %j', (lang, headers, two, hundred) => {
    const cells = [[...headers], ['Search > Email', two, hundred], ...PATHS_EN.slice(2)];
    const part = partOf(build(cells, { lang, sourceName: 'Paths' }));
    expect(part.source.value?.letter).toBe('C');
    expect(conversions(part, 'markov')).toEqual(conversions(partOf(build(PATHS_EN)), 'markov'));
    expect(part.totalValue).toBe(180);
  });

  it('a non-conversions column is read by its Persian header and feeds markov', () => {
    const cells = [
      ['مسیر', 'تبدیل', 'بدون تبدیل'],
      ['A', 1, 1],
      ['B > A', 1, 0],
    ];
    const part = partOf(build(cells, { lang: 'fa', sourceName: 'Paths' }));
    expect(part.source.nonConversions?.letter).toBe('C');
    // start→A 2, start→B 1, B→A 1; A→conversion 2 and A→null 1: P(conv | A) = 2/3, P = 2/3.
    // Without A: 0, effect 1. Without B: start→B goes to null, P = 2/3 · 2/3 = 4/9, effect
    // 1 − (4/9)/(2/3) = 1/3. Shares of 2 conversions: 1/(4/3) and (1/3)/(4/3) → 1.5 and 0.5.
    expect(part.channels.map((c) => c.channel)).toEqual(['A', 'B']);
    const markov = conversions(part, 'markov');
    expect(markov[0]).toBeCloseTo(1.5, 12);
    expect(markov[1]).toBeCloseTo(0.5, 12);
  });
});

describe('cost per channel from the campaign data', () => {
  const model = build(CAMPAIGNS, { paths: { cells: PATHS_EN, sheet: 'Paths' } });
  const part = partOf(model);

  it('sums cost by trimmed, case-folded channel name and says which channels had none', () => {
    expect(part.source.isMain).toBe(false);
    expect(part.channels.map((c) => c.cost)).toEqual([60, 9, null]);
    expect(part.cost?.unmatched).toEqual(['Social']);
    expect(part.notes.some((n) => n.includes('Social'))).toBe(true);
    // " search " matches only after trimming: SUMIFS could not, so its cost stays a value.
    expect(part.costExact).toEqual([false, true, false]);
  });

  it('CPA = cost ÷ conversions and ROAS = value ÷ cost per model, empty where the divisor is 0', () => {
    const [search, email, social] = part.channels;
    expect(search?.cpa.last_touch).toBe(60);
    expect(search?.cpa.first_touch).toBe(20);
    expect(search?.cpa.markov).toBeCloseTo(30, 12);
    expect(email?.cpa.last_touch).toBe(3);
    expect(email?.cpa.first_touch).toBeNull();
    expect(social?.cpa.first_touch).toBeNull();
    expect(search?.roas.last_touch).toBe(0.5);
    expect(email?.roas.last_touch).toBeCloseTo(150 / 9, 12);
    expect(email?.roas.markov).toBeCloseTo(67.5 / 9, 12);
  });

  it('campaign data is never taken for a path export, whatever its campaign names hold', () => {
    const cells = CAMPAIGNS.map((r, i) => (i === 0 ? r : [r[0], `${r[0]} > Brand > Exact`, ...r.slice(2)]));
    expect(build(cells).attribution).toBeUndefined();
  });
});

describe('refusals', () => {
  const problems = (cells: unknown[][], o: Partial<ReportOptions> = {}) => {
    const r = buildReport(cells, { sourceName: 'Campaigns', lang: 'en', ...o });
    if (r.ok) throw new Error('expected a refusal');
    return r.problems;
  };

  it('a path with an empty step names its cell', () => {
    const cells = [...PATHS_EN, ['Search >  > Email', 1, 10]];
    const [p] = problems(cells, { sourceName: 'Paths' });
    expect(p?.code).toBe('bad-paths');
    expect(p?.message).toContain('A5');
    expect(p?.rows).toEqual([5]);
  });

  it('blank conversions on a path row names the cell', () => {
    const cells = [...PATHS_EN, ['Search > Email', '', 10]];
    const [p] = problems(cells, { sourceName: 'Paths' });
    expect(p?.message).toContain('B5');
  });

  it('a second tab without paths is refused, in the report language', () => {
    const [p] = problems(CAMPAIGNS, { lang: 'fa', paths: { cells: CAMPAIGNS, sheet: 'Ads' } });
    expect(p?.code).toBe('bad-paths');
    expect(p?.message).toContain('Ads');
    expect(p?.message).toContain('مسیر');
  });

  it('a sheet with no KPI that is no path export is still refused', () => {
    const [p] = problems([
      ['Name', 'Conversions'],
      ['A', 1],
      ['B', 2],
    ]);
    expect(p?.code).toBe('no-kpi');
  });
});
