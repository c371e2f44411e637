/**
 * The spreadsheet's language for custom functions that speak (KPI_STATUS). Google's custom
 * functions guide allows the Spreadsheet service read-only (get* methods) without authorization;
 * should the call still be refused, or run outside Sheets (tests, the CLI), English.
 */
import { type Lang, langFromLocale } from '../core/i18n/lang';

export function spreadsheetLang(): Lang {
  try {
    if (typeof SpreadsheetApp === 'undefined') return 'en';
    return langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}
