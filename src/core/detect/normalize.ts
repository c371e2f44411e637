/**
 * The text key used to match headers and labels: what two spellings of one header share.
 * Ignores case, spacing, punctuation, units in brackets, Arabic/Persian letter variants
 * (ي/ی, ى/ی, ك/ک, ة/ه, أ/إ/آ/ا, ؤ/و, ئ/ی), diacritics, tatweel, zero-width (non-)joiners and the
 * Arabic article "ال" at the start of a word.
 */
import { normalizeDigits } from '../numbers/parse-number';

const LETTERS: Readonly<Record<string, string>> = {
  '\u064a': '\u06cc', // ي → ی
  '\u0649': '\u06cc', // ى → ی
  '\u0626': '\u06cc', // ئ → ی
  '\u0643': '\u06a9', // ك → ک
  '\u0629': '\u0647', // ة → ه
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0624': '\u0648', // ؤ → و
};

// Diacritics (harakat, shadda, superscript alef), tatweel, zero-width characters, bidi marks, BOM.
const DROP = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;
const BRACKETS = /\([^()]*\)|\[[^\][]*\]|\{[^{}]*\}|（[^（）]*）/g;
const PUNCT = /[^\p{L}\p{N}]+/gu;

/** Brackets' content, e.g. "USD" from "Amount spent (USD)" (a unit or currency). */
export function bracketed(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[([{（]([^()[\]{}（）]*)[)\]}）]/g)) if (m[1]?.trim()) out.push(m[1].trim());
  return out;
}

function foldLetters(text: string): string {
  let out = '';
  for (const ch of text) out += LETTERS[ch] ?? ch;
  return out;
}

/** The matching key of a header or label ("" for nothing). */
export function normalizeKey(value: unknown, keepBrackets = false): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : String(value);
  s = normalizeDigits(s.normalize('NFKC')).replace(DROP, '').toLowerCase();
  if (!keepBrackets) {
    const without = s.replace(BRACKETS, ' ');
    // A header that is only a bracket ("(USD)") keeps its content.
    if (without.replace(PUNCT, '') !== '') s = without;
  }
  s = foldLetters(s).replace(PUNCT, ' ').trim();
  if (s === '') return '';
  return s
    .split(' ')
    .map((w) => (w.length > 4 && w.startsWith('\u0627\u0644') ? w.slice(2) : w))
    .join(' ');
}
