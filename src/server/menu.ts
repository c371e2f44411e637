/**
 * The add-on menu and the sidebar. `onOpen` may run under AuthMode.NONE (before the user has
 * used the add-on in this spreadsheet), where only the menu may be built: the spreadsheet's
 * locale is read only when the mode allows it, and English is the fallback.
 */
import { type Lang, langFromLocale } from '../core/i18n/lang';
import { MENU_STRINGS } from '../shared/ui-strings';

/** The built sidebar file in dist/ (createHtmlOutputFromFile, not a template: it would run `<?`). */
const SIDEBAR_FILE = 'Sidebar';
/** The sidebar opens on the panel named by this attribute of its <body>. */
const PANEL_MARK = 'data-panel="report"';

export type Panel = 'report' | 'templates' | 'help';

interface OpenEvent {
  readonly authMode?: unknown;
}

/** The spreadsheet's language, or English when it cannot be read. */
export function spreadsheetLang(): Lang {
  try {
    return langFromLocale(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return 'en';
  }
}

export function onOpen(e?: OpenEvent): void {
  // Under NONE the spreadsheet may not be read; String() because authMode is an enum object.
  const lang = e && String(e.authMode) === 'NONE' ? 'en' : spreadsheetLang();
  const words = MENU_STRINGS[lang];
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(words.build, 'showSidebar')
    .addItem(words.templates, 'showTemplates')
    .addItem(words.help, 'showFunctionsHelp')
    .addToUi();
}

export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

function openSidebar(panel: Panel): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE);
  if (panel !== 'report') html.setContent(html.getContent().replace(PANEL_MARK, `data-panel="${panel}"`));
  html.setTitle(MENU_STRINGS[spreadsheetLang()].title);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function showSidebar(): void {
  openSidebar('report');
}

export function showTemplates(): void {
  openSidebar('templates');
}

export function showFunctionsHelp(): void {
  openSidebar('help');
}
