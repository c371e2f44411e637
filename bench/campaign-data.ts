/**
 * The benchmarks' campaign data: one deterministic generator (a linear congruential generator,
 * no Math.random) for the engine, Sheets and CLI benchmarks and the CLI's large-input test.
 * 15 columns, 5 channels, 50 campaigns, a year of dates.
 */
const HEADER = [
  'Channel',
  'Campaign',
  'Date',
  'Cost',
  'Impressions',
  'Reach',
  'Clicks',
  'Sessions',
  'Conversions',
  'Leads',
  'Orders',
  'Revenue',
  'New customers',
  'Engagements',
  'Visitors',
];
const CHANNELS = ['Search', 'Social', 'Email', 'Display', 'WhatsApp'];

/** Deterministic data (a linear congruential generator, no Math.random). */
export function campaignGrid(rows: number, { titleAndTotal = true } = {}): unknown[][] {
  let seed = 42;
  const rnd = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const campaigns = Array.from({ length: 50 }, (_, i) => `Campaign ${i + 1}`);
  const grid: unknown[][] = titleAndTotal ? [['Campaign export'], [], HEADER] : [HEADER];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const impressions = 1000 + rnd(50_000);
    const clicks = rnd(impressions / 20);
    grid.push([
      CHANNELS[i % CHANNELS.length],
      campaigns[rnd(campaigns.length)],
      new Date(start + rnd(365) * 86_400_000),
      rnd(100_000) / 100,
      impressions,
      Math.floor(impressions * 0.7),
      clicks,
      Math.floor(clicks * 0.9),
      rnd(40),
      rnd(20),
      rnd(15),
      rnd(500_000) / 100,
      rnd(5),
      rnd(300),
      Math.floor(clicks * 0.8),
    ]);
  }
  if (titleAndTotal) grid.push(['Total', '', '', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  return grid;
}

/** The grid without title and total row, as a CSV file: ISO dates, plain numbers. */
export function campaignCsv(rows: number): string {
  const lines = campaignGrid(rows, { titleAndTotal: false }).map((row) =>
    row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))).join(','),
  );
  return `${lines.join('\n')}\n`;
}
