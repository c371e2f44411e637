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

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const persian = (text: string): string => text.replace(/\d/g, (d) => PERSIAN[Number(d)] as string);

/**
 * The same data as a messy export: cost as currency text with thousands separators ("$1,234.50",
 * quoted), revenue and impressions in Persian digits (revenue with ٬ ٫), Jalali dates in Persian
 * digits. Slower to read than plain numbers, by design.
 */
export function messyCampaignCsv(rows: number): string {
  const grid = campaignGrid(rows, { titleAndTotal: false });
  const money = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2 });
  const lines = grid.map((row, r) => {
    if (r === 0) return row.join(',');
    const [channel, campaign, date, cost, impressions, ...rest] = row as [
      string,
      string,
      Date,
      number,
      number,
      ...number[],
    ];
    const revenue = persian(
      money(rest[6] as number)
        .replace(/,/g, '٬')
        .replace('.', '٫'),
    );
    const cells = [
      channel,
      campaign,
      persian(jalali(date)),
      `"$${money(cost)}"`,
      persian(String(impressions)),
      ...rest.map((v, k) => (k === 6 ? revenue : String(v))),
    ];
    return cells.join(',');
  });
  return `${lines.join('\n')}\n`;
}

/** A Gregorian date as Jalali "yyyy/mm/dd" (the standard arithmetic conversion). */
function jalali(date: Date): string {
  const gy = date.getUTCFullYear();
  const gm = date.getUTCMonth() + 1;
  const gd = date.getUTCDate();
  const gdm = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const gy2 = gm > 2 ? gy + 1 : gy;
  let days =
    355666 +
    365 * gy +
    Math.floor((gy2 + 3) / 4) -
    Math.floor((gy2 + 99) / 100) +
    Math.floor((gy2 + 399) / 400) +
    gd +
    (gdm[gm - 1] as number);
  let jy = -1595 + 33 * Math.floor(days / 12053);
  days %= 12053;
  jy += 4 * Math.floor(days / 1461);
  days %= 1461;
  if (days > 365) {
    jy += Math.floor((days - 1) / 365);
    days = (days - 1) % 365;
  }
  const jm = days < 186 ? 1 + Math.floor(days / 31) : 7 + Math.floor((days - 186) / 30);
  const jd = 1 + (days < 186 ? days % 31 : (days - 186) % 30);
  return `${jy}/${String(jm).padStart(2, '0')}/${String(jd).padStart(2, '0')}`;
}
