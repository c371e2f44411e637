/**
 * The Attribution section in the report's JSON (`attribution`, docs/report-json.md): keyed by the
 * ATTRIBUTION function's model ids, with rows and columns as the user counts them (1-based rows,
 * letters), whatever the report's language.
 */
import type { AttributionModel } from '../attribution/models';
import type { AttributionPart } from './attribution-block';

type ByModel<T> = Readonly<Partial<Record<AttributionModel, T>>>;

export interface AttributionJson {
  readonly source: {
    readonly sheet: string;
    /** 1-based header row and first/last row of the path ranges. */
    readonly headerRow: number;
    readonly firstRow: number;
    readonly lastRow: number;
    readonly columns: {
      readonly path: string;
      readonly conversions: string;
      readonly value: string | null;
      readonly nonConversions: string | null;
    };
    /** 1-based rows inside the ranges that are not paths, left out. */
    readonly leftOut: readonly number[];
  };
  /** 'attribution': the Sheets report's credit cells are live =ATTRIBUTION(…) formulas; 'values' otherwise. */
  readonly formulas: 'attribution' | 'values';
  readonly models: readonly AttributionModel[];
  readonly skipped: readonly { readonly model: AttributionModel; readonly why: string }[];
  readonly dataDriven: AttributionModel | null;
  readonly paths: number;
  readonly totalConversions: number;
  readonly totalValue: number | null;
  readonly channels: readonly {
    readonly channel: string;
    readonly credits: ByModel<{ readonly conversions: number | null; readonly value: number | null }>;
    readonly dataDrivenVsLastTouch: number | null;
    readonly cost: number | null;
    readonly cpa: ByModel<number | null>;
    readonly roas: ByModel<number | null>;
  }[];
  readonly cost: {
    readonly column: string;
    readonly header: string;
    readonly channelColumn: string;
    readonly unmatched: readonly string[];
  } | null;
  readonly notes: readonly string[];
}

const finite = (n: number | null | undefined): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? n : null;

function mapValues<T, U>(o: ByModel<T>, f: (t: T) => U): ByModel<U> {
  const out: Partial<Record<AttributionModel, U>> = {};
  for (const [k, v] of Object.entries(o) as [AttributionModel, T][]) out[k] = f(v);
  return out;
}

export function attributionJson(part: AttributionPart): AttributionJson {
  const s = part.source;
  return {
    source: {
      sheet: s.sheet,
      headerRow: s.headerRow + 1,
      firstRow: s.first + 1,
      lastRow: s.last + 1,
      columns: {
        path: s.path.letter,
        conversions: s.conversions.letter,
        value: s.value?.letter ?? null,
        nonConversions: s.nonConversions?.letter ?? null,
      },
      leftOut: [...s.leftOut],
    },
    formulas: part.formulas,
    models: [...part.models],
    skipped: part.skipped.map((x) => ({ model: x.model, why: x.why })),
    dataDriven: part.dataDriven,
    paths: part.paths,
    totalConversions: part.totalConversions,
    totalValue: finite(part.totalValue),
    channels: part.channels.map((ch) => ({
      channel: ch.channel,
      credits: mapValues(ch.credits, (c) => ({ conversions: finite(c.conversions), value: finite(c.value) })),
      dataDrivenVsLastTouch: finite(ch.dataDrivenVsLastTouch),
      cost: finite(ch.cost),
      cpa: mapValues(ch.cpa, finite),
      roas: mapValues(ch.roas, finite),
    })),
    cost: part.cost
      ? {
          column: part.cost.cost.letter,
          header: part.cost.cost.header,
          channelColumn: part.cost.channel.letter,
          unmatched: [...part.cost.unmatched],
        }
      : null,
    notes: [...part.notes],
  };
}
