/**
 * "Reports in this spreadsheet": Mizan's report tabs, each with its source and template and a
 * Refresh button that rebuilds the tab from the data and the template as they are now
 * (RefreshRpc, src/server/refresh-rpc.ts). Hidden while there is no report. Tab, sheet and
 * template names come from the user: they go in through textContent only.
 */
import type { Lang } from '../core/i18n/lang';
import type { RefreshChoice, RefreshResult, RefreshRpc, ReportTabView, ServerError } from '../shared/rpc';
import { fillIn, SIDEBAR_STRINGS, type UiStrings } from '../shared/ui-strings';
import { clear, el, show, uid } from './dom';
import { callServer } from './rpc';

function refreshCall<K extends keyof RefreshRpc>(
  name: K,
  ...args: Parameters<RefreshRpc[K]>
): Promise<ReturnType<RefreshRpc[K]>> {
  return callServer(name, ...args) as Promise<ReturnType<RefreshRpc[K]>>;
}

function describeTab(tab: ReportTabView, tr: UiStrings): string {
  const from = tab.source === null ? tr.reportsSourceGone : fillIn(tr.reportsFrom, { source: tab.source });
  const template = tab.template
    ? fillIn(tab.template.missing ? tr.reportsTemplateGone : tr.reportsTemplate, { name: tab.template.name })
    : tr.reportsNoTemplate;
  return `${from}${tr.separator}${template}`;
}

function errorWords(error: ServerError | undefined, tr: UiStrings): string {
  switch (error?.code) {
    case 'busy':
      return tr.errorBusy;
    case 'source-missing':
      return tr.errorRefreshSource;
    case 'template-missing':
      return fillIn(tr.errorTemplateMissing, { name: error.detail ?? '' });
    case 'report-missing':
      return tr.errorReportMissing;
    case 'paths-missing':
      return fillIn(tr.errorRefreshPaths, { name: error.detail ?? '' });
    case 'write-failed':
      return tr.errorWriteFailed;
    case 'user-edits':
      return fillIn(tr.errorUserEdits, { columns: error.detail ?? '' });
    default:
      return tr.problemsTitle;
  }
}

/**
 * What a refresh answered, in words (data problems listed with their hint). Cells changed by hand
 * get the two ways on: overwrite them, or refresh into a new tab and keep the edited one.
 */
function outcome(result: RefreshResult, tr: UiStrings, retry: (choice: RefreshChoice) => void): HTMLElement {
  if (result.ok) return el('p', { class: 'tab-done', text: tr.refreshed });
  const choices = (): HTMLElement => {
    const overwrite = el('button', { type: 'button', class: 'refresh-overwrite', text: tr.refreshOverwrite });
    const newTab = el('button', { type: 'button', class: 'refresh-new-tab', text: tr.refreshNewTab });
    overwrite.addEventListener('click', () => retry('overwrite'));
    newTab.addEventListener('click', () => retry('new-tab'));
    return el('p', { class: 'tab-choices' }, newTab, overwrite);
  };
  return el(
    'div',
    { class: 'alert', role: 'alert' },
    el('p', { text: errorWords(result.error, tr) }),
    result.error?.code === 'user-edits' ? choices() : null,
    result.problems.length
      ? el(
          'ul',
          {},
          ...result.problems.map((p) => el('li', { text: p.hint ? `${p.message} ${p.hint}` : p.message })),
        )
      : null,
  );
}

/** Fills `box` with the list; returns a function that reloads it (after a build, on a language change). */
export function mountReportTabs(box: HTMLElement, lang: () => Lang): () => Promise<void> {
  let seq = 0;

  async function refresh(
    tab: ReportTabView,
    item: HTMLElement,
    button: HTMLButtonElement,
    choice?: RefreshChoice,
  ): Promise<void> {
    const tr = SIDEBAR_STRINGS[lang()];
    const status = item.querySelector<HTMLElement>('.tab-status') as HTMLElement;
    if (button.getAttribute('aria-disabled') === 'true') return;
    // aria-disabled, not disabled: a disabled button loses focus to the page body.
    button.setAttribute('aria-disabled', 'true');
    clear(status);
    status.append(el('p', { class: 'muted', text: tr.refreshing }));
    let result: RefreshResult;
    try {
      result = await refreshCall('refreshReport', tab.sheetId, choice);
    } catch (e) {
      result = {
        ok: false,
        problems: [{ code: 'bad-option', message: e instanceof Error ? e.message : String(e), hint: '' }],
      };
    }
    button.removeAttribute('aria-disabled');
    const hadFocus = status.contains(document.activeElement);
    clear(status);
    status.append(outcome(result, tr, (again) => void refresh(tab, item, button, again)));
    // A choice button (overwrite, new tab) just clicked is gone with the old outcome: back to Refresh.
    if (hadFocus) button.focus();
    // A refresh that replaced the tab (rare) or went into a new tab gives a new id: list the tabs again.
    if (result.ok && result.sheetId !== tab.sheetId) await reload();
  }

  function render(tabs: readonly ReportTabView[]): void {
    const tr = SIDEBAR_STRINGS[lang()];
    clear(box);
    show(box, tabs.length > 0);
    if (tabs.length === 0) return;
    const list = el('ul', { class: 'report-tabs' });
    for (const tab of tabs) {
      // Named "Refresh <tab>": the visible word first, then which report.
      const [buttonId, nameId] = [uid('refresh'), uid('tab-name')];
      const button = el('button', {
        type: 'button',
        class: 'refresh',
        id: buttonId,
        'aria-labelledby': `${buttonId} ${nameId}`,
        text: tr.refresh,
      });
      const item = el(
        'li',
        { 'data-sheet-id': String(tab.sheetId) },
        el('bdi', { class: 'tab-name', id: nameId, text: tab.name }),
        button,
        el('small', { class: 'tab-meta', text: describeTab(tab, tr) }),
        el('div', { class: 'tab-status', role: 'status' }),
      );
      button.addEventListener('click', () => void refresh(tab, item, button));
      list.append(item);
    }
    box.append(el('h2', { text: tr.reportsTitle }), list);
  }

  async function reload(): Promise<void> {
    const mine = ++seq;
    try {
      const tabs = await refreshCall('listReportTabs', lang());
      if (mine === seq) render(tabs);
    } catch {
      // The list is a convenience: without it the sidebar works as before.
      if (mine === seq) show(box, false);
    }
  }

  void reload();
  return reload;
}
