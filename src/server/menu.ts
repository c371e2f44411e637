/**
 * The add-on menu and the sidebar. `onOpen` may run under AuthMode.NONE (before the user has
 * used the add-on in this spreadsheet), where only the menu may be built, in English: neither
 * the picked language (document properties) nor a locale may be read then (sheet-language.ts).
 */
import { MENU_STRINGS } from '../shared/ui-strings';
import { langForAuthMode, spreadsheetLang } from './sheet-language';

/** The built sidebar file in dist/ (createHtmlOutputFromFile, not a template: it would run `<?`). */
const SIDEBAR_FILE = 'Sidebar';
/** The sidebar opens on the panel named by this attribute of its <body>. */
const PANEL_MARK = 'data-panel="report"';

export type Panel = 'report' | 'templates' | 'help';

interface OpenEvent {
  readonly authMode?: unknown;
}

export function onOpen(e?: OpenEvent): void {
  const words = MENU_STRINGS[langForAuthMode(e?.authMode)];
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
