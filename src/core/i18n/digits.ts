/**
 * One digit system per language wherever Mizan writes a number as text (the sidebar, the
 * report's text cells, the terminal): English with Latin digits (1,234.5 · 6.66%), Arabic with
 * Arabic-Indic digits (١٬٢٣٤٫٥ · ٦٫٦٦٪), Persian with Persian digits (۱٬۲۳۴٫۵ · ۶٫۶۶٪). Both
 * Arabic-script languages take the Arabic thousands (٬) and decimal (٫) separators and the
 * Arabic percent sign after the number, so a cell never mixes "6.66%" with "٪۵٫۰۰".
 * Done by hand, not with Intl: Apps Script's and browsers' locale data differ (Intl's "ar"
 * writes Latin digits), and this must read the same on every platform. docs/digits.md.
 */
import { localDigits } from './benchmark-labels';
import type { Lang } from './lang';

/** A number written the English way ("1,234.5", "-6.66%") in the language's digits and signs. */
export function localNumber(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  return localDigits(text, lang).replace(/[,.%]/g, (c) =>
    c === ',' ? '\u066C' : c === '.' ? '\u066B' : '\u066A',
  );
}

/** A count or amount with grouping: 1,234 · ١٬٢٣٤ · ۱٬۲۳۴. */
export function formatCount(n: number, lang: Lang, decimals = 0): string {
  const text = n.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return localNumber(text, lang);
}

/** A fraction as a percent: 0.0666 → 6.66% · ٦٫٦٦٪ · ۶٫۶۶٪. */
export function formatPercent(fraction: number, lang: Lang, decimals = 0): string {
  return localNumber(`${(fraction * 100).toFixed(decimals)}%`, lang);
}

/**
 * Excel's locale-and-numerals prefix ([$-NNLLLL]: numeral shape NN, locale LLLL): Arabic (Saudi
 * Arabia, 0401) with Arabic-Indic numerals (02), Persian (Iran, 0429) with Persian numerals (03).
 * Without a locale ([$-2000000]) LibreOffice keeps Latin digits, so the locale is given.
 */
const NUMERALS: Readonly<Record<Lang, string>> = { en: '', ar: '[$-2000401]', fa: '[$-3000429]' };

/**
 * A spreadsheet number format that shows the language's digits where the application honours
 * Excel's numeral prefix (LibreOffice does: test/cli/xlsx-digits.test.ts); each section gets it.
 * For the .xlsx only: Google Sheets' number formats have no digit shape (docs/digits.md).
 */
export function withLocalDigits(format: string, lang: Lang): string {
  const prefix = NUMERALS[lang];
  if (prefix === '' || format === '' || format === '@') return format;
  return format
    .split(';')
    .map((section) => (section.startsWith('[$-') ? section : `${prefix}${section}`))
    .join(';');
}
