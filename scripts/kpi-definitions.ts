/**
 * docs/kpi-definitions.md, generated from the KPI registry (names, formula, inputs, unit,
 * direction, number format, source) so the definitions the README links to ship with the
 * repository and cannot drift from the code: `npm run docs` rewrites it, and a test fails when
 * the file differs from what this prints.
 *
 * What the registry does not hold is kept here, copied from the project's KPI reference (the
 * shared design notes, not part of a clone): the choice made where sources disagree, the
 * published worked examples (the test vectors of test/core/kpi-vectors.test.ts) and what each
 * short citation stands for. A citation gets a link only where the address follows from the
 * citation itself (a Google help article number); the others are named, not linked.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Expr } from '../src/core/kpi/expr';
import { MEASURES } from '../src/core/kpi/measures';
import { KPIS } from '../src/core/kpi/registry';
import type { Direction, InputKind, KpiDef, Unit } from '../src/core/kpi/types';

export const KPI_DEFINITIONS_PATH = 'docs/kpi-definitions.md';

const UNIT: Readonly<Record<Unit, string>> = {
  rate: 'rate (a fraction: 0.05 shows as 5%)',
  ratio: 'ratio (a plain number: 4 means 4×, 400%)',
  money: "money (the inputs' currency)",
  duration: 'duration (the unit of the total: seconds)',
  months: 'months',
  points: 'points (−100 to 100)',
  probability: 'probability (0 to 1)',
};

const DIRECTION: Readonly<Record<Direction, string>> = {
  higher: 'higher is better',
  lower: 'lower is better',
  band: 'best inside a band',
  neutral: 'not judged',
};

const KIND: Readonly<Record<InputKind, string>> = {
  count: 'count',
  amount: 'amount ≥ 0',
  signed: 'amount, may be negative',
  fraction: 'fraction 0–1',
  nonneg_rate: 'rate ≥ 0',
  duration: 'seconds or h:mm:ss',
  scores: 'range of 0–10 scores',
};

/** Where sources disagree: the default Mizan takes and the option that covers the other reading (KPI reference). */
const CHOICES: Readonly<Record<string, string>> = {
  conversion_rate: 'The denominator is whatever is passed: visitors, clicks or sessions (say which).',
  cac: 'The cost may be paid media only, or sales and marketing together.',
  roi: 'With a gross margin m: (revenue × m − cost) ÷ cost (ROMI); without one, m = 1.',
  clv: 'The margin defaults to 1 (revenue CLV).',
  clv_retention: 'm = margin per period, r = retention rate, d = discount rate, all per period.',
  ltv_cac: '3:1 is the usual "healthy" mark.',
  cac_payback: 'The margin defaults to 1.',
  bounce_rate:
    "GA4's bounce rate (1 − engaged sessions ÷ sessions) is a different metric: label which one a sheet holds.",
  open_rate: 'Option: ÷ sent instead of ÷ delivered.',
  unsubscribe_rate: 'Option: ÷ sent instead of ÷ delivered.',
  response_rate: 'Option: ÷ read instead of ÷ sent.',
  engagement_rate: 'The denominator may be followers or impressions instead of reach: label it.',
  pct_change: 'Undefined when the previous value is 0.',
  ab_significance: "No continuity correction, so R's prop.test (which applies one) differs.",
  ab_chance_to_win: 'Computed exactly (closed form or numerical integration), never by random sampling.',
};

/** What each short citation in the registry stands for. */
const CITATIONS: readonly { readonly cite: string; readonly text: string; readonly url?: string }[] = [
  {
    cite: 'Google Ads help 2684489',
    text: 'Google Ads Help, "Conversion rate: Definition"',
    url: 'https://support.google.com/google-ads/answer/2684489',
  },
  {
    cite: 'Google Ads help 2615875',
    text: 'Google Ads Help, article 2615875',
    url: 'https://support.google.com/google-ads/answer/2615875',
  },
  {
    cite: 'Google Ads help 14074',
    text: 'Google Ads Help, article 14074',
    url: 'https://support.google.com/google-ads/answer/14074',
  },
  {
    cite: 'Google Ads help 6396841',
    text: 'Google Ads Help, article 6396841',
    url: 'https://support.google.com/google-ads/answer/6396841',
  },
  {
    cite: 'Google Analytics help 11109416',
    text: 'Google Analytics Help, article 11109416',
    url: 'https://support.google.com/analytics/answer/11109416',
  },
  { cite: 'Google Ads API metrics', text: 'Google Ads API reference, metrics' },
  { cite: 'HubSpot glossary', text: 'HubSpot marketing glossary' },
  { cite: 'MASB', text: 'Marketing Accountability Standards Board (MASB), return on marketing investment' },
  {
    cite: 'Gupta & Lehmann',
    text: 'S. Gupta and D. R. Lehmann, customer lifetime value as a margin multiple m × r ÷ (1 + d − r)',
  },
  { cite: 'D. Skok', text: 'D. Skok, SaaS metrics (the 3:1 LTV:CAC mark)' },
  { cite: 'SaaS metrics literature', text: 'SaaS metrics literature (CAC payback months)' },
  { cite: 'Mailchimp help', text: 'Mailchimp Help, email open rate' },
  { cite: 'Acoustic help', text: 'Acoustic help, click-to-open rate' },
  { cite: 'Hootsuite', text: 'Hootsuite, engagement rate' },
  { cite: 'Bain / Reichheld', text: 'Bain & Company / F. Reichheld, Net Promoter Score' },
  {
    cite: 'E. Miller',
    text: 'E. Miller, "Formulas for Bayesian A/B testing" (the exact closed form for P(B > A))',
  },
  { cite: 'kpi-reference', text: "the project's KPI reference, which cites no published source for it" },
  { cite: 'standard', text: 'a standard definition, with no single source cited' },
  {
    cite: 'seed 000',
    text: 'source article 000 (Arabic): «كيف تقيس نجاح حملتك التسويقية عبر مؤشرات الأداء؟»; its conversion rate "× 0.2" is a typo (its own example, 100 of 1,000 → 10%, gives conversions ÷ audience)',
  },
  {
    cite: 'seed 001',
    text: 'source article 001 (Persian): «KPI دیجیتال مارکتینگ: شاخص‌های کلیدی عملکرد و نحوه استفاده»',
  },
  { cite: 'seed 002', text: 'source article 002 (Arabic), on setting e-marketing goals' },
  { cite: 'seed 003', text: 'source article 003 (Arabic): «مؤشرات أداء واتساب في التسويق الالكتروني»' },
];

/** Published worked examples (the KPI reference's test vectors). */
const VECTORS: readonly (readonly [caseText: string, expected: string, source: string])[] = [
  ['Conversion rate 50 of 1,000', '5%', 'Google Ads help 2684489'],
  ['Conversion rate 100 of 1,000', '10%', 'seed 000'],
  ['CTR 5 of 100; 5 of 1,000', '5%; 0.5%', 'Google Ads help 2615875'],
  ['CPM $200 for 100,000 impressions', '$2.00', 'common CPM example'],
  ['ROAS $5 revenue on $1', '5 (500%)', 'Google Ads target-ROAS docs'],
  ['ROI $3,000 revenue on $1,000 cost', '200%', 'HubSpot glossary'],
  ['ROMI $60k revenue, $20k spend, 60% margin', '80%', 'ROMI calculators'],
  ['CLV $75 × 3 purchases × 2.5 years (× 60% margin)', '$562.50 ($337.50)', 'CLV guides'],
  ['Retention CLV m = $100, r = 0.8, d = 0.10', '$266.67', 'Gupta & Lehmann multiple 2.67'],
  ['CAC payback $600 ÷ ($100 × 75%)', '8 months', 'payback calculators'],
  ['NPS 30% promoters, 20% detractors', '+10', 'NPS glossary'],
  [
    'Email: 900 delivered, 200 opens, 20 clicks, 5 unsubscribes',
    'open 22.2%, CTOR 10%, unsub 0.56%',
    'Mailjet',
  ],
  ['78 replies to 1,000 messages', '7.8%', 'SMS response-rate docs'],
  ['Churn 45 of 98', '45.9%', 'churn calculators'],
  ['$1,250 → $1,750', '+40%', 'percentage-change definition'],
  ['AOV $100,000 ÷ 2,000 orders', '$50', 'AOV definition'],
  ['A/B 45/100 vs 30/100', 'z = 2.1909, p = 0.02846', 'two-proportion z-test calculators'],
  ['A/B 144/1200 vs 192/1200', 'z = −2.824, p = 0.0047', 'published worked example'],
  ['Chance B beats A: A 200/1000, B 230/1000', '0.9486', 'closed form, checked by simulation'],
];

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A citation's text, linked where its address is known. */
function cited(cite: string): string {
  const parts = cite.split(/;\s*/);
  return parts
    .map((part) => {
      const known = CITATIONS.find(
        (c) => part === c.cite || part.startsWith(`${c.cite} `) || part.startsWith(`${c.cite},`),
      );
      if (!known) return part;
      return known.url ? `[${part}](${known.url})` : part;
    })
    .join('; ');
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const SYMBOL = { '+': '+', '-': '−', '*': '×', '/': '÷' } as const;

/**
 * Infix text of a formula. Not expr.ts's render, which leaves a product on the right of a
 * division unbracketed (cac ÷ (revenue × margin) would read cac ÷ revenue × margin): here the
 * right operand of − and ÷ is bracketed whenever it binds no tighter than they do.
 */
function infix(e: Expr, parent = 0, right = false, parentOp = ''): string {
  if ('ref' in e) return e.ref;
  if ('num' in e) return String(e.num);
  const p = PRECEDENCE[e.op];
  const text = `${infix(e.a, p, false, e.op)} ${SYMBOL[e.op]} ${infix(e.b, p, true, e.op)}`;
  const needs = p < parent || (right && p === parent && (parentOp === '-' || parentOp === '/'));
  return needs ? `(${text})` : text;
}

function formula(def: KpiDef): string {
  if (def.formulaText) return def.formulaText.en;
  if (def.expr) return infix(def.expr);
  return '(computed, see the notes)';
}

function inputs(def: KpiDef): string {
  return def.inputs
    .map((i) => {
      const fed = i.measures?.length
        ? `; in a report: ${i.measures.map((m) => MEASURES[m].names.en).join(' or ')}`
        : '';
      const optional = i.default !== undefined ? `, optional, default ${i.default}` : '';
      return `\`${i.name}\` (${KIND[i.kind]}${optional}${fed})`;
    })
    .join(', ');
}

function kpiSection(def: KpiDef): string[] {
  const signature = `${def.fn}(${def.inputs.map((i) => (i.default !== undefined ? `[${i.name}]` : i.name)).join(', ')})`;
  const lines = [
    `### ${def.names.en}`,
    '',
    '| | |',
    '|---|---|',
    `| Id / function | \`${def.id}\` / \`${cell(signature)}\` |`,
    `| Arabic / Persian | ${cell(def.names.ar)} / ${cell(def.names.fa)} |`,
    `| Formula | ${cell(formula(def))} |`,
    `| Inputs | ${cell(inputs(def))} |`,
    `| Unit | ${UNIT[def.unit]} |`,
    `| Direction | ${DIRECTION[def.direction]} |`,
    `| Number format | \`${cell(def.format)}\`${def.unit === 'money' ? " (the report adds the sheet's currency)" : ''} |`,
    `| Source | ${cell(cited(def.source))} |`,
  ];
  const choice = CHOICES[def.id];
  if (choice) lines.push(`| Default / option | ${cell(choice)} |`);
  lines.push('');
  return lines;
}

export function kpiDefinitionsMarkdown(): string {
  const lines = [
    '<!-- generated by `npm run docs` (scripts/kpi-definitions.ts) from src/core/kpi/registry.ts; do not edit by hand -->',
    '',
    '# KPI definitions',
    '',
    'Every KPI Mizan computes, as the registry (`src/core/kpi/registry.ts`) defines it: the custom',
    'functions, the reports and the sidebar all read the same entry. Rates are returned as fractions',
    '(0.05, shown as 5% by a percent number format), never multiplied by 100.',
    '',
    '**Aggregation.** A total or group row of a ratio KPI is computed from the summed inputs (sum,',
    "then divide), never as the average of the rows' ratios: CTR of a channel = Σ clicks ÷ Σ",
    'impressions. A row whose denominator is zero has no value for that KPI, and that is shown, not',
    'hidden as 0.',
    '',
    '## Contents',
    '',
    ...KPIS.map((k) => `- [${k.names.en}](#${anchor(k.names.en)}) (\`${k.fn}\`)`),
    '',
    '## Definitions',
    '',
    ...KPIS.flatMap(kpiSection),
    '## Published worked examples',
    '',
    'Each is checked by `test/core/kpi-vectors.test.ts` and, through the custom functions, by the',
    "README's examples test.",
    '',
    '| Case | Expected | Source |',
    '|---|---|---|',
    ...VECTORS.map(([c, e, s]) => `| ${cell(c)} | ${cell(e)} | ${cell(cited(s))} |`),
    '',
    '## Sources',
    '',
    'The short citations above, in full. A link is given where the citation names the page (a',
    'Google help article number); the others are named as the KPI reference names them. The source',
    'articles ("seed") are the Arabic and Persian articles the KPI list started from; they are not',
    'in this repository.',
    '',
    ...CITATIONS.map((c) => `- **${c.cite}**: ${c.text}${c.url ? ` — <${c.url}>` : ''}`),
    '',
  ];
  return lines.join('\n');
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(KPI_DEFINITIONS_PATH, kpiDefinitionsMarkdown());
  console.log(`${KPI_DEFINITIONS_PATH}: regenerated from the KPI registry`);
}
