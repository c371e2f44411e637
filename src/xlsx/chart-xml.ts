/**
 * The DrawingML parts of native Excel charts (ECMA-376 Part 1, §21.2 charts and §20.5
 * spreadsheet drawings), as text: one chart part per chart (c:chartSpace with a bar or line
 * chart whose series refer to the report sheet's cells, with cached values for viewers that do
 * not recalculate), and the drawing part that anchors them to cells. Element order follows the
 * schema's sequences (CT_Chart, CT_BarChart, CT_LineChart, CT_BarSer, CT_LineSer, CT_CatAx,
 * CT_ValAx): Excel refuses a part whose children are out of order.
 */
import type { Lang } from '../core/i18n/lang';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A range of the report sheet and the values its cells hold now (the chart's cache). */
export interface CachedRange<T> {
  /** `'Sheet name'!$A$5:$A$9`, as a chart formula. */
  readonly ref: string;
  readonly values: readonly T[];
}

export interface ChartSeries extends CachedRange<number | null> {
  readonly name: string;
  /** The cells' number format, for the cache and the value axis. */
  readonly format: string;
}

export interface ChartPart {
  readonly type: 'bar' | 'line';
  readonly title: string;
  readonly lang: Lang;
  readonly rtl: boolean;
  readonly categories: CachedRange<string>;
  readonly series: readonly ChartSeries[];
  /** "RRGGBB" of the first series. */
  readonly colour: string;
}

/** Cell corners (0-based): the chart spans from the top-left of `from` to the top-left of `to`. */
export interface CellAnchor {
  readonly from: { readonly row: number; readonly col: number };
  readonly to: { readonly row: number; readonly col: number };
}

/** Characters XML 1.0 cannot carry at all (a control character in a campaign name). */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** Text or attribute value as XML (quotes too, so one escape serves both). */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `'Report'!$B$5:$B$12` for a sheet name and a 0-based rectangle's A1 corners. */
export function chartRef(sheetName: string, a1From: string, a1To: string): string {
  const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `'${sheetName.replace(/'/g, "''")}'!${abs(a1From)}:${abs(a1To)}`;
}

const CULTURE: Readonly<Record<Lang, string>> = { en: 'en-US', ar: 'ar-SA', fa: 'fa-IR' };

/** Text properties: size in points, bold, the report's language and direction. */
function textProps(part: ChartPart, size: number, bold: boolean): string {
  const rtl = part.rtl ? ' rtl="1"' : '';
  const b = bold ? ' b="1"' : ' b="0"';
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr${rtl}><a:defRPr sz="${size * 100}"${b}/></a:pPr><a:endParaRPr lang="${CULTURE[part.lang]}"/></a:p></c:txPr>`;
}

function title(part: ChartPart): string {
  const lang = CULTURE[part.lang];
  const rtl = part.rtl ? ' rtl="1"' : '';
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr${rtl}><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="${lang}" sz="1200" b="1"/><a:t>${xmlText(part.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    '<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
  );
}

function strCache(range: CachedRange<string>): string {
  const points = range.values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${xmlText(range.ref)}</c:f><c:strCache><c:ptCount val="${range.values.length}"/>${points}</c:strCache></c:strRef>`;
}

/** Cells without a number (an undefined KPI) have no point: a gap, never a zero. */
function numCache(series: ChartSeries): string {
  const points = series.values
    .map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('');
  return (
    `<c:numRef><c:f>${xmlText(series.ref)}</c:f><c:numCache><c:formatCode>${xmlText(series.format || 'General')}</c:formatCode>` +
    `<c:ptCount val="${series.values.length}"/>${points}</c:numCache></c:numRef>`
  );
}

const fill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

function ser(part: ChartPart, s: ChartSeries, i: number): string {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>`;
  const data = `<c:cat>${strCache(part.categories)}</c:cat><c:val>${numCache(s)}</c:val>`;
  const colour = i === 0 ? part.colour : SECOND_COLOURS[(i - 1) % SECOND_COLOURS.length];
  if (part.type === 'bar') {
    return `<c:ser>${head}<c:spPr>${fill(colour as string)}</c:spPr><c:invertIfNegative val="0"/>${data}</c:ser>`;
  }
  const line = `<c:spPr><a:ln w="28575" cap="rnd">${fill(colour as string)}<a:round/></a:ln></c:spPr>`;
  const marker = `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill(colour as string)}</c:spPr></c:marker>`;
  return `<c:ser>${head}${line}${marker}${data}<c:smooth val="0"/></c:ser>`;
}

/** Further series (a chart of several KPIs): Excel's accent colours after the first. */
const SECOND_COLOURS = ['ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

const CAT_AXIS = 500_000_001;
const VAL_AXIS = 500_000_002;

function plotArea(part: ChartPart): string {
  const series = part.series.map((s, i) => ser(part, s, i)).join('');
  const axes = `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/>`;
  const chart =
    part.type === 'bar'
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="80"/>${axes}</c:barChart>`
      : `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axes}</c:lineChart>`;
  const format = xmlText(part.series[0]?.format || 'General');
  // Right to left, the first group (or period) is on the right and the value axis with it.
  const order = part.rtl ? 'maxMin' : 'minMax';
  const catAx =
    `<c:catAx><c:axId val="${CAT_AXIS}"/><c:scaling><c:orientation val="${order}"/></c:scaling><c:delete val="0"/>` +
    '<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    `<c:tickLblPos val="low"/>${textProps(part, 9, false)}<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/>` +
    '<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx =
    `<c:valAx><c:axId val="${VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${part.rtl ? 'r' : 'l'}"/><c:majorGridlines><c:spPr><a:ln w="6350">${fill('D9D9D9')}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${format}" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/>${textProps(part, 9, false)}<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/>` +
    '<c:crossBetween val="between"/></c:valAx>';
  return `<c:plotArea><c:layout/>${chart}${catAx}${valAx}</c:plotArea>`;
}

/** One chart part (xl/charts/chartN.xml). */
export function chartXml(part: ChartPart): string {
  // One series speaks for itself through the title; several need a legend (as in the Sheets report).
  const legend =
    part.series.length > 1
      ? `<c:legend><c:legendPos val="t"/><c:overlay val="0"/>${textProps(part, 9, false)}</c:legend>`
      : '';
  return (
    `${DECLARATION}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:lang val="${CULTURE[part.lang]}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title(part)}${plotArea(part)}${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${fill('FFFFFF')}<a:ln w="9525">${fill('D9D9D9')}</a:ln></c:spPr>` +
    `${textProps(part, 10, false)}</c:chartSpace>`
  );
}

function corner(tag: 'from' | 'to', at: { row: number; col: number }): string {
  return `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
}

/** The drawing part (xl/drawings/drawingN.xml): chart i is the drawing's relationship `rIds[i]`. */
export function drawingXml(
  charts: readonly { readonly anchor: CellAnchor; readonly title: string; readonly rId: string }[],
): string {
  const anchors = charts.map(
    (chart, i) =>
      // oneCell: the chart moves with its top-left cell but keeps its size when columns change.
      `<xdr:twoCellAnchor editAs="oneCell">${corner('from', chart.anchor.from)}${corner('to', chart.anchor.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${xmlText(chart.title)}"/>` +
      '<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${chart.rId}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>',
  );
  return `${DECLARATION}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`;
}
