/**
 * The Attribution section of the report: its numbers (`AttributionPart`, which the model and the
 * JSON carry) and its blocks. One table of channels with the models side by side (conversions and
 * value per model) and the data-driven model's difference from last touch; with campaign cost per
 * channel, a second table of CPA and ROAS per model; then what each model assumes, and notes.
 *
 * In Sheets the credits are live: one =ATTRIBUTION(…) per model over the path ranges, spilling
 * down the channel rows (the first model's formula also spills the channel names), and every
 * other cell a formula on the same row, so a row's numbers always belong to that row's channel.
 * In Excel, which has no ATTRIBUTION, the credits are values and a note says so.
 */
import type { AttributionModel } from '../attribution/models';
import type { AttributionSection, ChannelCost, PathSource } from '../attribution/report-section';
import { attributionLabel, MODEL_ASSUMPTIONS, modelName } from '../i18n/attribution-labels';
import type { Lang } from '../i18n/lang';
import { localDigits } from '../i18n/report-labels';
import { kpiById } from '../kpi/registry';
import {
  a1,
  a1Range,
  literalCriterion,
  plainTextCriterion,
  quoted,
  SourceRefs,
  segmentsOf,
  sheetRef,
} from './formulas';
import type { Block, Cell } from './model';

export interface ChannelRow {
  readonly channel: string;
  /** Per computed model: credited conversions, and value (null without a value column). */
  readonly credits: Readonly<
    Partial<Record<AttributionModel, { readonly conversions: number; readonly value: number | null }>>
  >;
  /** The data-driven model's conversions minus last touch's (null without a data-driven model). */
  readonly dataDrivenVsLastTouch: number | null;
  /** Summed cost from the campaign data (null: no row matched, or no cost column). */
  readonly cost: number | null;
  /** cost ÷ the model's conversions; null where undefined. Empty without cost. */
  readonly cpa: Readonly<Partial<Record<AttributionModel, number | null>>>;
  /** The model's value ÷ cost; null where undefined. Empty without cost or value. */
  readonly roas: Readonly<Partial<Record<AttributionModel, number | null>>>;
}

export interface AttributionPart {
  readonly source: PathSource;
  readonly models: readonly AttributionModel[];
  readonly skipped: AttributionSection['skipped'];
  readonly dataDriven: AttributionModel | null;
  readonly paths: number;
  readonly totalConversions: number;
  readonly totalValue: number | null;
  readonly channels: readonly ChannelRow[];
  readonly cost: Omit<ChannelCost, 'perChannel' | 'exact'> | null;
  /** In the report's language: formulas or values, rows left out, models left out, cost matching. */
  readonly notes: readonly string[];
  /** How the credit cells are written: live ATTRIBUTION formulas (Sheets) or values. */
  readonly formulas: 'attribution' | 'values';
  /** Per channel (same order): a SUMIFS on its name sums exactly its cost rows. */
  readonly costExact: readonly boolean[];
}

/** Division that is undefined (null), never 0 or Infinity, when the divisor is 0. */
const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b;

export interface PartOptions {
  readonly lang: Lang;
  /** Formulas may be written (not values-only). */
  readonly live: boolean;
  /** The writer recreates the source (the xlsx): Excel has no ATTRIBUTION function. */
  readonly excel: boolean;
  /** The report's source sheet, where the cost comes from. */
  readonly sourceName: string;
}

export function attributionPart(section: AttributionSection, o: PartOptions): AttributionPart {
  const { lang } = o;
  const { source, models, dataDriven, cost } = section;
  const byModel = new Map(models.map((m) => [m.model, m]));
  const last = byModel.get('last_touch');
  const dd = dataDriven ? byModel.get(dataDriven) : undefined;
  const hasValue = source.value !== null;
  const channels = section.channels.map((channel, k): ChannelRow => {
    const c = cost ? (cost.perChannel[k] ?? null) : null;
    const credits: Record<string, { conversions: number; value: number | null }> = {};
    const cpa: Record<string, number | null> = {};
    const roas: Record<string, number | null> = {};
    for (const m of models) {
      const conv = m.conversions[k] as number;
      const value = hasValue ? (m.value[k] as number) : null;
      credits[m.model] = { conversions: conv, value };
      if (cost) {
        cpa[m.model] = ratio(c, conv);
        if (hasValue) roas[m.model] = ratio(value, c);
      }
    }
    return {
      channel,
      credits,
      dataDrivenVsLastTouch:
        dd && last ? (dd.conversions[k] as number) - (last.conversions[k] as number) : null,
      cost: c,
      cpa,
      roas,
    };
  });
  const formulas = o.live && !o.excel && source.rangeLive ? 'attribution' : 'values';
  const notes: string[] = [];
  const sheet = source.sheet;
  if (o.excel) notes.push(attributionLabel('excelValues', lang));
  else if (formulas === 'attribution')
    notes.push(attributionLabel('liveNote', lang, { sheet, first: source.first + 1, last: source.last + 1 }));
  if (source.leftOut.length > 0)
    notes.push(attributionLabel('rowsLeftOut', lang, { sheet, rows: source.leftOut.join(', ') }));
  if (source.nonConversions === null && byModel.has('markov'))
    notes.push(attributionLabel('noNonConversions', lang));
  if (dd) notes.push(attributionLabel('vsLastNote', lang));
  for (const s of section.skipped)
    notes.push(attributionLabel('modelSkipped', lang, { model: modelName(s.model, lang), why: s.why }));
  if (cost) {
    notes.push(
      attributionLabel('costNote', lang, {
        col: cost.cost.letter,
        header: cost.cost.header,
        chcol: cost.channel.letter,
        sheet: o.sourceName,
      }),
    );
    if (cost.unmatched.length > 0)
      notes.push(
        attributionLabel('noCost', lang, { sheet: o.sourceName, channels: cost.unmatched.join(', ') }),
      );
  }
  return {
    source,
    models: models.map((m) => m.model),
    skipped: section.skipped,
    dataDriven: dd ? (dataDriven as AttributionModel) : null,
    paths: section.paths,
    totalConversions: section.totalConversions,
    totalValue: section.totalValue,
    channels,
    cost: cost ? { cost: cost.cost, channel: cost.channel, unmatched: cost.unmatched } : null,
    notes,
    formulas,
    costExact: cost ? cost.exact : [],
  };
}

/** What the blocks need from the report beyond the part. */
export interface BlockContext {
  readonly lang: Lang;
  readonly live: boolean;
  /** The report's source sheet (the campaign data the cost comes from). */
  readonly sourceName: string;
  readonly dataRows: readonly number[];
  readonly cuts: readonly number[];
  /** The cost column's aggregates may be formulas (numbers, not text). */
  readonly costLive: boolean;
  /** The report's currency, for value, cost and CPA when the paths name none. */
  readonly currency: string | null;
  readonly moneyFormat: (currency: string | null) => string;
}

const CONVERSIONS_FORMAT = '#,##0.00';
const DIFF_FORMAT = '+#,##0.00;-#,##0.00;0.00';
const ROAS_FORMAT = kpiById('roas')?.format ?? '0.00';

const text = (v: string, style: Cell['style'], extra: Partial<Cell> = {}): Cell => ({ v, style, ...extra });

/**
 * The section's blocks, to be placed one after another from row `top`, one blank row apart
 * (formulas refer to the rows they will have).
 */
export function attributionBlocks(
  part: AttributionPart,
  ctx: BlockContext,
  top: number,
): Omit<Block, 'row' | 'col'>[] {
  const credits = creditsBlock(part, ctx, top);
  const blocks = [credits];
  if (part.cost) blocks.push(costBlock(part, ctx, top + credits.cells.length + 1, top + HEAD));
  blocks.push(modelsBlock(part, ctx.lang));
  return blocks;
}

/** Rows above the first channel row of the credits table. */
const HEAD = 4;

/** The =ATTRIBUTION(…) text for one model, over the path ranges. */
export function attributionFormula(source: PathSource, model: AttributionModel): string {
  const range = (c: { letter: string } | null) =>
    c ? `${sheetRef(source.sheet)}${c.letter}${source.first + 1}:${c.letter}${source.last + 1}` : '';
  const args = [
    range(source.path),
    range(source.conversions),
    quoted(model),
    range(source.value),
    range(source.nonConversions),
  ];
  while (args[args.length - 1] === '') args.pop();
  return `ATTRIBUTION(${args.join(',')})`;
}

/** Column of model j's conversions in the credits table (its value, when any, is the next). */
const convCol = (j: number, width: number) => 1 + j * width;

function creditsBlock(part: AttributionPart, ctx: BlockContext, top: number): Omit<Block, 'row' | 'col'> {
  const { lang } = ctx;
  const { source, models } = part;
  const hasValue = source.value !== null;
  const w = hasValue ? 2 : 1;
  const money = ctx.moneyFormat(source.currency ?? ctx.currency);
  const attribution = part.formulas === 'attribution';
  const diffCol = part.dataDriven ? convCol(models.length, w) : null;
  const cols = [source.path, source.conversions, source.value, source.nonConversions]
    .filter((c) => c !== null)
    .map((c) => c.letter)
    .join(', ');
  const head1: Cell[] = [text('', 'header')];
  const head2: Cell[] = [text(attributionLabel('channel', lang), 'header')];
  for (const m of models) {
    head1.push(text(modelName(m, lang), 'header'));
    head2.push(text(attributionLabel('conversions', lang), 'header'));
    if (hasValue) {
      head1.push(text('', 'header'));
      head2.push(text(attributionLabel('value', lang), 'header'));
    }
  }
  if (part.dataDriven) {
    head1.push(text('', 'header'));
    head2.push(text(attributionLabel('vsLast', lang, { model: modelName(part.dataDriven, lang) }), 'header'));
  }
  const first = top + HEAD;
  const lastRow = first + part.channels.length - 1;
  const rows: Cell[][] = part.channels.map((ch, k) => {
    const r = first + k;
    const anchor = attribution && k === 0;
    const spill = attribution && !anchor;
    const line: Cell[] = [
      text(ch.channel, 'label', {
        userText: true,
        ...(anchor ? { f: attributionFormula(source, models[0] as AttributionModel) } : {}),
        ...(spill ? { spill: true } : {}),
      }),
    ];
    models.forEach((m, j) => {
      const credit = ch.credits[m] as { conversions: number; value: number | null };
      // The first model's numbers spill from the channel cell's formula; others from their own.
      const own = anchor && j > 0;
      const f = own ? `CHOOSECOLS(${attributionFormula(source, m)},${hasValue ? '2,3' : '2'})` : null;
      line.push({
        v: credit.conversions,
        fmt: CONVERSIONS_FORMAT,
        style: 'value',
        ...(f ? { f } : attribution ? { spill: true } : {}),
      });
      if (hasValue)
        line.push({ v: credit.value, fmt: money, style: 'value', ...(attribution ? { spill: true } : {}) });
    });
    if (diffCol !== null && part.dataDriven) {
      const dd = a1(r, convCol(models.indexOf(part.dataDriven), w));
      const lt = a1(r, convCol(models.indexOf('last_touch'), w));
      const f = `IF(OR(${dd}="",${lt}=""),"",${dd}-${lt})`;
      line.push({
        v: ch.dataDrivenVsLastTouch,
        fmt: DIFF_FORMAT,
        style: 'value',
        ...(ctx.live ? { f } : {}),
      });
    }
    return line;
  });
  const total: Cell[] = [text(attributionLabel('total', lang), 'total')];
  const sumOf = (col: number, v: number | null, fmt: string): Cell => ({
    v,
    fmt,
    style: 'total',
    ...(ctx.live && part.channels.length > 0 ? { f: `SUM(${a1Range(first, col, lastRow, col)})` } : {}),
  });
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  models.forEach((m, j) => {
    const credit = (ch: ChannelRow) => ch.credits[m] as { conversions: number; value: number | null };
    total.push(
      sumOf(convCol(j, w), sum(part.channels.map((ch) => credit(ch).conversions)), CONVERSIONS_FORMAT),
    );
    if (hasValue)
      total.push(sumOf(convCol(j, w) + 1, sum(part.channels.map((ch) => credit(ch).value ?? 0)), money));
  });
  if (diffCol !== null)
    total.push(sumOf(diffCol, sum(part.channels.map((ch) => ch.dataDrivenVsLastTouch ?? 0)), DIFF_FORMAT));
  const summary = attributionLabel('summary', lang, {
    paths: part.paths,
    conv: localDigits(part.totalConversions.toLocaleString('en'), lang),
    cols,
  });
  const title = text(attributionLabel('section', lang, { sheet: source.sheet }), 'section', {
    userText: true,
  });
  return {
    id: 'attribution',
    kind: 'attribution',
    headerRows: HEAD,
    cells: [
      [title],
      [text(summary, 'subtitle', { userText: true, ...notesOnCell(part) })],
      head1,
      head2,
      ...rows,
      total,
    ],
  };
}

/** The first note (formulas or values) also as a cell note on the summary line, where Excel users look. */
function notesOnCell(part: AttributionPart): Partial<Cell> {
  const first = part.notes[0];
  return first ? { note: first } : {};
}

function costBlock(
  part: AttributionPart,
  ctx: BlockContext,
  top: number,
  creditsFirst: number,
): Omit<Block, 'row' | 'col'> {
  const { lang } = ctx;
  const { models, source } = part;
  const hasValue = source.value !== null;
  const w = hasValue ? 2 : 1;
  const money = ctx.moneyFormat(ctx.currency);
  const src = new SourceRefs(sheetRef(ctx.sourceName), segmentsOf(ctx.dataRows, ctx.cuts));
  const cost = part.cost as NonNullable<AttributionPart['cost']>;
  const header: Cell[] = [
    text(attributionLabel('channel', lang), 'header'),
    text(attributionLabel('cost', lang, { sheet: ctx.sourceName }), 'header', { userText: true }),
    ...models.map((m) => text(attributionLabel('cpa', lang, { model: modelName(m, lang) }), 'header')),
    ...(hasValue
      ? models.map((m) => text(attributionLabel('roas', lang, { model: modelName(m, lang) }), 'header'))
      : []),
  ];
  const first = top + 2;
  const rows = part.channels.map((ch, k): Cell[] => {
    const r = first + k;
    const credits = creditsFirst + k;
    const labelCell = a1(r, 0);
    const costCell = a1(r, 1);
    const name = text(ch.channel, 'label', { userText: true, ...(ctx.live ? { f: a1(credits, 0) } : {}) });
    const criterion = /[*?~]/.test(ch.channel) ? literalCriterion(labelCell) : labelCell;
    const sumifs =
      ctx.live && ctx.costLive && ch.cost !== null && part.costExact[k] && plainTextCriterion(ch.channel)
        ? src.sumifs(cost.cost.index, [[cost.channel.index, criterion]])
        : null;
    const line: Cell[] = [name, { v: ch.cost, fmt: money, style: 'value', ...(sumifs ? { f: sumifs } : {}) }];
    models.forEach((m, j) => {
      const conv = a1(credits, convCol(j, w));
      const f = `IF(OR(${costCell}="",${conv}="",${conv}=0),"",${costCell}/${conv})`;
      line.push({ v: ch.cpa[m] ?? null, fmt: money, style: 'value', ...(ctx.live ? { f } : {}) });
    });
    if (hasValue)
      models.forEach((m, j) => {
        const value = a1(credits, convCol(j, w) + 1);
        const f = `IF(OR(${costCell}="",${costCell}=0,${value}=""),"",${value}/${costCell})`;
        line.push({ v: ch.roas[m] ?? null, fmt: ROAS_FORMAT, style: 'value', ...(ctx.live ? { f } : {}) });
      });
    return line;
  });
  return {
    id: 'attribution-cost',
    kind: 'attribution',
    headerRows: 2,
    cells: [[text(attributionLabel('costSection', lang), 'section')], header, ...rows],
  };
}

function modelsBlock(part: AttributionPart, lang: Lang): Omit<Block, 'row' | 'col'> {
  const lines: Cell[][] = [...part.models, ...part.skipped.map((s) => s.model)].map((m) => [
    text(modelName(m, lang), 'label'),
    text(MODEL_ASSUMPTIONS[m][lang], 'note'),
  ]);
  // Notes name sheets and channels from the user's data: literal text.
  for (const n of part.notes) lines.push([text(n, 'note', { userText: true })]);
  return {
    id: 'attribution-models',
    kind: 'attribution',
    headerRows: 2,
    cells: [
      [text(attributionLabel('models', lang), 'section')],
      [text(attributionLabel('model', lang), 'header'), text(attributionLabel('assumes', lang), 'header')],
      ...lines,
    ],
  };
}
