/** The add-on menu and sidebar under the fake: labels by locale, nothing but the menu under AuthMode.NONE. */
import { afterEach, describe, expect, it } from 'vitest';
import { entryPoints } from '../../src/server/main';
import { onInstall, onOpen, showFunctionsHelp, showSidebar } from '../../src/server/menu';
import { getSidebarState } from '../../src/server/report-rpc';
import { LANG_PROPERTY, setLanguage } from '../../src/server/sheet-language';
import { FakeWorld, installSession, uninstallFakes, uninstallSession } from '../fakes/spreadsheet';

const SIDEBAR = '<html><body data-panel="report">sidebar</body></html>';

afterEach(() => uninstallFakes());

describe('menu', () => {
  it.each([
    ['en_US', 'Build KPI report'],
    ['ar_SA', 'إنشاء تقرير المؤشرات'],
    ['fa_IR', 'ساخت گزارش شاخص‌ها'],
    ['de_DE', 'Build KPI report'],
  ])('follows the spreadsheet locale %s', (locale, build) => {
    const w = new FakeWorld({ locale }).install();
    onOpen({ authMode: 'LIMITED' });
    const menu = w.ui.menus[0];
    expect(menu?.added).toBe(true);
    expect(menu?.items[0]?.caption).toBe(build);
    // Every item calls a function the build exposes as a top-level entry point.
    for (const item of menu?.items ?? []) expect(typeof entryPoints[item.fn]).toBe('function');
  });

  it('under AuthMode.NONE builds the menu in English and touches nothing else', () => {
    const w = new FakeWorld({ locale: 'fa_IR' }).install();
    onInstall({ authMode: 'NONE' });
    expect(w.ui.menus[0]?.items.map((i) => i.caption)).toEqual([
      'Build KPI report',
      'Templates',
      'KPI functions help',
    ]);
    const touched = new Set(w.log.calls.map((c) => c.on));
    expect([...touched].sort()).toEqual(['Menu', 'SpreadsheetApp', 'Ui']);
    expect(w.log.calls.filter((c) => c.on === 'SpreadsheetApp').map((c) => c.method)).toEqual(['getUi']);
  });

  it('shows the built sidebar, titled in the sheet language, on the panel asked for', () => {
    const w = new FakeWorld({ locale: 'ar_EG', htmlFiles: { Sidebar: SIDEBAR } }).install();
    showSidebar();
    showFunctionsHelp();
    expect(w.ui.shown.map((s) => [s.kind, s.title])).toEqual([
      ['sidebar', 'ميزان'],
      ['sidebar', 'ميزان'],
    ]);
    expect(w.ui.shown[0]?.content).toContain('data-panel="report"');
    expect(w.ui.shown[1]?.content).toContain('data-panel="help"');
  });
});

describe('the language without a Persian Sheets locale (issue 10, bug 5)', () => {
  afterEach(() => uninstallSession());
  const captions = (w: FakeWorld) => w.ui.menus[0]?.items.map((i) => i.caption);

  it("follows the user's own language when the spreadsheet locale is not Arabic or Persian", () => {
    const w = new FakeWorld({ locale: 'en_US' }).install();
    installSession('fa');
    onOpen({ authMode: 'LIMITED' });
    expect(captions(w)?.[0]).toBe('ساخت گزارش شاخص‌ها');
    expect(getSidebarState().lang).toBe('fa');
  });

  it('remembers the language picked in the sidebar, for the menu, the sidebar and its title', () => {
    const w = new FakeWorld({ locale: 'en_US', htmlFiles: { Sidebar: SIDEBAR } }).install();
    installSession('en');
    expect(setLanguage('fa')).toBe('fa');
    expect(w.documentProperties.getProperty(LANG_PROPERTY)).toBe('fa');
    onOpen({ authMode: 'FULL' });
    expect(captions(w)?.[0]).toBe('ساخت گزارش شاخص‌ها');
    expect(getSidebarState().lang).toBe('fa');
    showSidebar();
    expect(w.ui.shown[0]?.title).toBe('میزان');
    // A pick beats an Arabic spreadsheet locale too.
    w.locale = 'ar_SA';
    expect(getSidebarState().lang).toBe('fa');
  });

  it('an Arabic spreadsheet locale still wins over an English user; a refused Session read falls through', () => {
    new FakeWorld({ locale: 'ar_EG' }).install();
    installSession('en');
    expect(getSidebarState().lang).toBe('ar');
    uninstallSession();
    new FakeWorld({ locale: 'en_US' }).install();
    installSession(new Error('You do not have permission to call Session.getActiveUserLocale'));
    expect(getSidebarState().lang).toBe('en');
  });

  it('under AuthMode.NONE the menu is English: neither the pick nor any locale is read', () => {
    const w = new FakeWorld({ locale: 'en_US' }).install();
    w.documentProperties.setProperty(LANG_PROPERTY, 'fa');
    installSession('fa');
    const before = w.log.calls.length;
    onOpen({ authMode: 'NONE' });
    expect(captions(w)?.[0]).toBe('Build KPI report');
    const touched = new Set(w.log.calls.slice(before).map((c) => c.on));
    expect([...touched].sort()).toEqual(['Menu', 'SpreadsheetApp', 'Ui']);
  });
});
