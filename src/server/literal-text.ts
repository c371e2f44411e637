/**
 * THE one place that decides how text from the user's sheet is written so that Sheets keeps it
 * as text. `setValues` reads a string starting with "=" as a formula (and "+", "-", "@" too),
 * which is formula injection (OWASP, CWE-1236); the `spreadsheets.currentonly` scope rules out
 * the Sheets API's RAW mode, so the writer prefixes an apostrophe, which Sheets hides and
 * does not store as part of the value.
 */

/** Starts that make Sheets parse the text instead of storing it: a formula, or an apostrophe (which Sheets would eat). */
const UNSAFE_START = /^[=+\-@\t\r\n']/;

/**
 * Starts that make Sheets convert text to a number, date or boolean ("2024", "3/4", "TRUE"):
 * not dangerous, but a campaign called "2024" should stay the text it was.
 */
const COERCED = /^(?:[\d.]|true$|false$)/i;

/** The string to pass to setValues so that `text` is stored literally. */
export function literalText(text: string): string {
  return UNSAFE_START.test(text) || COERCED.test(text) ? `'${text}` : text;
}
