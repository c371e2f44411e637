/**
 * Which language Mizan speaks in this spreadsheet: the menu, the sidebar, and KPI_STATUS when its
 * `lang` is left out. Sheets has no Persian spreadsheet locale (and few Arabic ones), so the
 * spreadsheet's locale alone would leave a Persian user in English. In order:
 *
 * 1. the language a person picked in the sidebar, kept in the document properties (LANG_PROPERTY;
 *    no extra OAuth scope);
 * 2. the spreadsheet's locale, when it is Arabic or Persian;
 * 3. the user's own Google language (Session.getActiveUserLocale), when it is Arabic or Persian;
 * 4. English.
 *
 * Each source is read in a try: under AuthMode.NONE (onOpen before the add-on is used in this
 * file) nothing may be read and the menu is English; in a custom function a refused read falls
 * through to the next source; outside Sheets (tests, the CLI) there is no service at all.
 */
import { LANGS, type Lang } from '../core/i18n/lang';

/** Document property holding the language picked in the sidebar ("en", "ar" or "fa"). */
export const LANG_PROPERTY = 'mizan.lang';

/** "fa_IR", "fa-IR", "fa" → fa; null for anything Mizan does not speak. */
function langOf(locale: unknown): Lang | null {
  const code = String(locale ?? '')
    .slice(0, 2)
    .toLowerCase();
  return (LANGS as readonly string[]).includes(code) ? (code as Lang) : null;
}

/** A read that may be refused (auth mode) or impossible (no such service): null then. */
function tryRead<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The language picked in the sidebar for this spreadsheet, if any. */
export function chosenLang(): Lang | null {
  if (typeof PropertiesService === 'undefined') return null;
  return langOf(tryRead(() => PropertiesService.getDocumentProperties().getProperty(LANG_PROPERTY)));
}

function localeLang(): Lang | null {
  if (typeof SpreadsheetApp === 'undefined') return null;
  const lang = langOf(tryRead(() => SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale()));
  return lang === 'en' ? null : lang;
}

function userLang(): Lang | null {
  if (typeof Session === 'undefined') return null;
  const lang = langOf(tryRead(() => Session.getActiveUserLocale()));
  return lang === 'en' ? null : lang;
}

/** The language to speak (see the module comment for the order). */
export function spreadsheetLang(): Lang {
  return chosenLang() ?? localeLang() ?? userLang() ?? 'en';
}

/** The same for a trigger: under AuthMode.NONE no source may be read, so English. */
export function langForAuthMode(authMode: unknown): Lang {
  // String() because authMode is an enum object in Apps Script.
  return authMode !== undefined && String(authMode) === 'NONE' ? 'en' : spreadsheetLang();
}

/**
 * The sidebar's language switch: remembers the choice for this spreadsheet (every user of it, as
 * document properties are shared). Returns the language now in force.
 */
export function setLanguage(lang: Lang): Lang {
  const picked = langOf(lang);
  if (!picked) return spreadsheetLang();
  PropertiesService.getDocumentProperties().setProperty(LANG_PROPERTY, picked);
  return picked;
}
