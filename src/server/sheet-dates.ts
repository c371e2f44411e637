/**
 * Reading date cells as the spreadsheet shows them. getValues gives a date cell as a Date at
 * midnight in the spreadsheet's time zone, while the script runs in the manifest's (Etc/UTC), so
 * the Date's own getters (and getTimezoneOffset) give the wrong day east of UTC: Sep 1 in
 * Asia/Tehran is Aug 31, 20:30 UTC. Utilities.formatDate in the spreadsheet's zone gives the day
 * shown, daylight saving included.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The epoch day a Date shows in the spreadsheet's time zone (AnalyseOptions.dayOfDate). A column
 * repeats the same dates, so each distinct timestamp is formatted once.
 */
export function spreadsheetDayOf(ss: Spreadsheet): (d: Date) => number {
  const timeZone = ss.getSpreadsheetTimeZone();
  const days = new Map<number, number>();
  return (d: Date): number => {
    const t = d.getTime();
    let day = days.get(t);
    if (day === undefined) {
      const [y, m, dd] = Utilities.formatDate(d, timeZone, 'yyyy-MM-dd').split('-').map(Number);
      day = Date.UTC(y as number, (m as number) - 1, dd as number) / 86_400_000;
      days.set(t, day);
    }
    return day;
  };
}
