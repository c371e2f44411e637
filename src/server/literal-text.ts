/**
 * THE one place that decides how text is written so that Sheets keeps it as text. `setValues`
 * parses a string as if typed into the cell: "=…" (and "+", "-", "@") becomes a formula, which is
 * formula injection (OWASP, CWE-1236), and "100", "3.5%", "$100", "(5)", "Mar 2024", "1/2",
 * "TRUE" or "۱۴۰۵/۰۶" become numbers, dates or booleans, which breaks a group's SUMIFS criterion.
 * What Sheets converts depends on the spreadsheet's locale, so the writer does not guess: every
 * string gets a leading apostrophe, which Sheets hides and does not store as part of the value
 * (the `spreadsheets.currentonly` scope rules out the Sheets API's RAW mode).
 */

/** The string to pass to setValues so that `text` is stored literally. */
export function literalText(text: string): string {
  return `'${text}`;
}
