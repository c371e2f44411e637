/**
 * The sidebar: pick a source, check the columns, choose the report's options, see which KPIs
 * can be computed, build the report. Plain DOM, no framework; every text from the sheet goes
 * in through textContent.
 */
import type { ExcludedReason } from '../core/detect/analyse';
import { formatCount, formatPercent, localNumber } from '../core/i18n/digits';
import { isRtl, type Lang } from '../core/i18n/lang';
import { KPI_DESCRIPTIONS, KPIS, kpiById } from '../core/kpi/registry';
import { readNumber } from '../core/numbers/parse-number';
import type { ColumnRole } from '../core/report/model';
import type { InputProblem } from '../core/report/options';
import type {
  AnalyzeResult,
  ColumnView,
  GenerateRequest,
  GenerateResult,
  PathsTab,
  Period,
  ReportRequest,
  ServerError,
  SidebarState,
} from '../shared/rpc';
import { fillIn, SIDEBAR_STRINGS, type UiKey, type UiStrings } from '../shared/ui-strings';
import { byId, clear, el, option, show } from './dom';
import { fitAll, fitOptions } from './fit-select';
import { mountReportTabs } from './report-tabs';
import { roleFromValue, roleSelect, roleValue } from './roles';
import { call, rpc } from './rpc';
import { watchStickyBar } from './sticky-bar';

interface State {
  server: SidebarState | null;
  lang: Lang;
  reportLang: Lang;
  reportLangChosen: boolean;
  sheetId: number | null;
  /** The conversion-paths tab for the Attribution section (sheet id); null: none. */
  pathsId: number | null;
  /** Why the last build left the Attribution section out; kept over the next previews. */
  pathsNotes: InputProblem[];
  headerRow: number | undefined;
  overrides: Record<number, ColumnRole>;
  groupBy: number | null | undefined;
  period: Period | null | undefined;
  templateId: string | null;
  profileId: string | null | undefined;
  analysis: AnalyzeResult | null;
  /** Drops answers to requests that a newer one replaced. */
  seq: number;
  busy: boolean;
}

const state: State = {
  server: null,
  lang: 'en',
  reportLang: 'en',
  reportLangChosen: false,
  sheetId: null,
  pathsId: null,
  pathsNotes: [],
  headerRow: undefined,
  overrides: {},
  groupBy: undefined,
  period: undefined,
  templateId: null,
  profileId: undefined,
  analysis: null,
  seq: 0,
  busy: false,
};

const t = (): UiStrings => SIDEBAR_STRINGS[state.lang];
/** Counts and row numbers in the sidebar language's digits (docs/digits.md). */
const fmt = (n: number): string => formatCount(n, state.lang);

// ——— language ———

function applyLanguage(lang: Lang): void {
  state.lang = lang;
  if (!state.reportLangChosen) state.reportLang = lang;
  const root = document.documentElement;
  root.lang = lang;
  root.dir = isRtl(lang) ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) {
    node.textContent = t()[node.dataset.t as UiKey] ?? '';
  }
  byId<HTMLSelectElement>('ui-lang').value = lang;
  byId<HTMLSelectElement>('report-lang').value = state.reportLang;
  fitAll();
}

// ——— requests ———

function request(): ReportRequest {
  return {
    sheetId: state.sheetId ?? -1,
    lang: state.reportLang,
    ...(state.headerRow !== undefined ? { headerRow: state.headerRow } : {}),
    overrides: state.overrides,
    ...(state.groupBy !== undefined ? { groupBy: state.groupBy } : {}),
    ...(state.period !== undefined ? { period: state.period } : {}),
    templateId: state.templateId,
    ...(state.profileId !== undefined ? { profileId: state.profileId } : {}),
  };
}

async function analyze(): Promise<void> {
  if (state.sheetId === null) return;
  const seq = ++state.seq;
  setStatus(t().loading);
  try {
    const result = await call('analyzeSource', request());
    if (seq !== state.seq) return;
    state.analysis = result;
    setStatus('');
    renderAnalysis(result);
  } catch (error) {
    if (seq !== state.seq) return;
    setStatus('');
    showError(null, error);
  }
}

async function generate(): Promise<void> {
  if (state.busy || state.sheetId === null) return;
  state.busy = true;
  const button = byId<HTMLButtonElement>('generate');
  // aria-disabled, not disabled: a disabled button loses focus to the page body.
  button.setAttribute('aria-disabled', 'true');
  sayBuild(t().generating, 'busy');
  show(byId('result'), false);
  show(byId('error'), false);
  const formulas = (document.querySelector<HTMLInputElement>('input[name=formulas]:checked')?.value ??
    'live') as GenerateRequest['formulas'];
  const placement = (document.querySelector<HTMLInputElement>('input[name=placement]:checked')?.value ??
    'update') as GenerateRequest['placement'];
  const paths = pathsChoice();
  state.pathsNotes = [];
  try {
    const result = await call('generateReport', { ...request(), formulas, placement, paths });
    renderGenerated(result, paths);
  } catch (error) {
    showError(null, error);
  } finally {
    state.busy = false;
    button.removeAttribute('aria-disabled');
    focusOutcome();
  }
}

/** The polite live region under the Build button: "Building the report…", "Report ready: …", or nothing. */
function sayBuild(text: string, mood: 'busy' | 'done' | '' = ''): void {
  const status = byId('build-status');
  status.dataset.mood = mood;
  show(byId('progress'), mood === 'busy');
  byId('result-text').textContent = text;
}

/** After a build, focus what it ended with: the error (an alert), else the message saying the report is ready. */
function focusOutcome(): void {
  const error = byId('error');
  if (!error.hidden) {
    sayBuild('');
    error.focus();
  } else {
    byId('build-status').focus();
  }
}

// ——— rendering ———

/** The top status line. Never hidden (an empty one takes no room): a live region must stay in the page to be heard. */
function setStatus(text: string): void {
  byId('status').textContent = text;
}

function renderSources(server: SidebarState): void {
  const select = byId<HTMLSelectElement>('source');
  clear(select);
  const sources = server.sheets.filter((s) => !s.isReport);
  const active = sources.find((s) => s.id === server.activeSheetId) ?? sources[0];
  for (const s of sources) select.append(option(String(s.id), s.name, s === active));
  fitOptions(select);
  state.sheetId = active ? active.id : null;
}

/** The tabs that can hold conversion paths: every other tab the user made, after "None". */
function renderPaths(server: SidebarState): void {
  const select = byId<HTMLSelectElement>('paths');
  clear(select);
  const tabs = server.sheets.filter((s) => !s.isReport && s.id !== state.sheetId);
  if (!tabs.some((s) => s.id === state.pathsId)) state.pathsId = null;
  select.append(option('none', t().pathsNone, state.pathsId === null));
  for (const s of tabs) select.append(option(String(s.id), s.name, s.id === state.pathsId));
  fitOptions(select);
}

function pathsChoice(): PathsTab | null {
  const tab = state.server?.sheets.find((s) => s.id === state.pathsId);
  return tab ? { sheetId: tab.id, name: tab.name } : null;
}

function renderChoices(server: SidebarState): void {
  const tr = t();
  const template = byId<HTMLSelectElement>('template');
  clear(template);
  template.append(option('', tr.templateAuto, state.templateId === null));
  for (const c of server.templates) template.append(option(c.id, c.name, c.id === state.templateId));
  const profile = byId<HTMLSelectElement>('profile');
  clear(profile);
  profile.append(option('auto', tr.profileAuto, state.profileId === undefined));
  profile.append(option('none', tr.profileNone, state.profileId === null));
  // Industry profiles under their family's heading (one optgroup per group), the others plain.
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const c of server.profiles) {
    const item = option(c.id, c.name, c.id === state.profileId);
    if (!c.group) {
      profile.append(item);
      continue;
    }
    let group = groups.get(c.group);
    if (!group) {
      group = el('optgroup', { label: c.group });
      groups.set(c.group, group);
      profile.append(group);
    }
    group.append(item);
  }
  fitOptions(template);
  fitOptions(profile);
}

function confidenceClass(confidence: number, overridden: boolean): string {
  if (overridden) return 'conf user';
  return confidence >= 0.9 ? 'conf high' : confidence >= 0.6 ? 'conf mid' : 'conf low';
}

/** Why a column that names a measure is not summed, in the sidebar's words; null when it is not such a column. */
function notSummedText(c: ColumnView): string | null {
  const why = c.notSummed;
  if (!why || c.overridden) return null;
  if (why.reason === 'other-chosen') return fillIn(t().notSummedChosen, { col: why.chosen });
  return why.reason === 'not-additive' ? t().notSummedPeople : t().notSummed;
}

/** The column whose role menu has focus (a rebuilt list would drop it to the page body). */
function focusedColumn(): string | null {
  const active = document.activeElement;
  return active instanceof HTMLSelectElement && active.closest('#columns, #unrecognised')
    ? (active.dataset.column ?? null)
    : null;
}

function renderColumns(result: Extract<AnalyzeResult, { ok: true }>): void {
  const tr = t();
  const list = byId('columns');
  const unknown = byId('unrecognised');
  const refocus = focusedColumn();
  clear(list);
  clear(unknown);
  const platform = byId('platform');
  platform.textContent = result.platform ? fillIn(tr.platformRead, { platform: result.platform.name }) : '';
  show(platform, result.platform !== null);
  for (const c of result.columns) {
    const percent = formatPercent(c.confidence, state.lang);
    const confidence = c.overridden ? tr.corrected : `${percent} ${tr.confidence}`;
    const notSummed = notSummedText(c);
    // Named with the header, so a screen reader says which column the menu is for.
    const name = c.header ? `${tr.column} ${c.letter}: ${c.header}` : `${tr.column} ${c.letter}`;
    const select = roleSelect(c.role, state.lang, tr, name);
    select.dataset.column = String(c.index);
    const noteId = `column-${c.index}-note`;
    select.addEventListener('change', () => {
      state.overrides = { ...state.overrides, [c.index]: roleFromValue(select.value) };
      void analyze();
    });
    // A column that names a measure but is not summed was recognised: it stays in the list, saying why.
    const recognised = c.role.kind !== 'ignored' || c.overridden || notSummed !== null;
    const head = el(
      'div',
      { class: 'head' },
      el('span', { class: 'letter', text: c.letter }),
      el('bdi', { class: 'name', text: c.header || '—', title: c.header }),
      notSummed !== null
        ? el('span', { id: noteId, class: 'conf off not-summed', text: notSummed })
        : recognised
          ? el('span', { id: noteId, class: confidenceClass(c.confidence, c.overridden), text: confidence })
          : null,
    );
    if (notSummed !== null || recognised) select.setAttribute('aria-describedby', noteId);
    (recognised ? list : unknown).append(el('li', { 'data-role': roleValue(c.role) }, head, select));
  }
  show(byId('unrecognised-box'), unknown.childElementCount > 0);
  for (const select of document.querySelectorAll<HTMLSelectElement>('#columns select, #unrecognised select'))
    fitOptions(select);
  if (refocus !== null)
    document.querySelector<HTMLSelectElement>(`select[data-column="${CSS.escape(refocus)}"]`)?.focus();
}

function renderOptions(result: Extract<AnalyzeResult, { ok: true }>): void {
  const tr = t();
  const group = byId<HTMLSelectElement>('group-by');
  clear(group);
  group.append(option('auto', tr.groupAuto, state.groupBy === undefined));
  group.append(option('none', tr.groupNone, state.groupBy === null));
  for (const c of result.columns) {
    const groupable =
      (c.role.kind === 'dimension' && c.role.dimension !== 'date') ||
      (c.role.kind === 'ignored' && c.header !== '');
    if (groupable)
      group.append(
        option(String(c.index), `${c.letter}${tr.separator}${c.header}`, state.groupBy === c.index),
      );
  }
  const period = byId<HTMLSelectElement>('period');
  clear(period);
  const current = state.period === undefined ? 'auto' : state.period === null ? 'none' : state.period;
  const periods: [string, UiKey][] = [
    ['auto', 'periodAuto'],
    ['none', 'periodNone'],
    ['day', 'periodDay'],
    ['week', 'periodWeek'],
    ['month', 'periodMonth'],
  ];
  for (const [value, key] of periods) period.append(option(value, tr[key], value === current));
  period.disabled = !result.hasDates;
  fitOptions(group);
  fitOptions(period);
  const placement = byId('placement-box');
  show(placement, result.existing !== null);
  if (result.existing)
    byId('placement-update').textContent = fillIn(tr.placementUpdate, { name: result.existing.name });
}

function kpiName(id: string, lang: Lang): string {
  return kpiById(id)?.names[lang] ?? id;
}

function renderPreview(result: Extract<AnalyzeResult, { ok: true }>): void {
  const tr = t();
  const kpis = byId('kpis');
  clear(kpis);
  for (const k of result.kpis) kpis.append(el('li', { text: kpiName(k.kpi, state.lang), 'data-kpi': k.kpi }));
  if (result.kpis.length === 0) kpis.append(el('li', { text: tr.noneComputable }));
  const missing = byId('missing');
  clear(missing);
  for (const m of result.notComputed) missing.append(el('li', { text: m.message, 'data-kpi': m.kpi }));
  show(byId('missing-box'), result.notComputed.length > 0);
  renderReading(result);
  renderProblems(byId('warnings'), tr.warningsTitle, [...state.pathsNotes, ...result.warnings]);
  byId<HTMLButtonElement>('generate').disabled = result.kpis.length === 0;
}

/** A command-line option in a note (--map "E=clicks", --decimal ,): kept left to right in Persian and Arabic text. */
const CLI_OPTION = /(--[a-z-]+(?: "[^"]*"| [^\s)]+)?)/;

/** A note as text nodes, its command-line options isolated left to right (still text, never markup). */
function noteNodes(message: string): (string | HTMLElement)[] {
  return message
    .split(CLI_OPTION)
    .map((part, i) => (i % 2 === 1 ? el('bdi', { dir: 'ltr', class: 'cli', text: part }) : part));
}

/** The engine's judgements, then the rows it leaves out (each reason's note names them). */
function renderReading(result: Extract<AnalyzeResult, { ok: true }>): void {
  const list = byId('reading');
  clear(list);
  for (const n of result.readNotes)
    list.append(el('li', n.column ? { 'data-column': n.column } : {}, ...noteNodes(n.message)));
  for (const g of result.excluded)
    list.append(
      el('li', { 'data-reason': g.reason, 'data-rows': g.rows.join(',') }, ...noteNodes(g.message)),
    );
  show(byId('reading-box'), list.childElementCount > 0);
}

/**
 * The header-row box, read by the shared number reader so ۳ and ٣ work like 3: the 0-based
 * row; undefined when empty (detect it); null when it is not a whole number ≥ 1.
 */
function headerRowInput(text: string): number | undefined | null {
  if (text.trim() === '') return undefined;
  const n = readNumber(text);
  return n.ok && !n.percent && !n.currency && Number.isInteger(n.value) && n.value >= 1 ? n.value - 1 : null;
}

function renderAnalysis(result: AnalyzeResult): void {
  const problems = byId('problems');
  show(byId('error'), false);
  if (!result.ok) {
    clearAnalysis();
    renderProblems(problems, t().problemsTitle, result.problems, result.error);
    byId<HTMLButtonElement>('generate').disabled = true;
    return;
  }
  show(problems, false);
  byId<HTMLInputElement>('header-row').value = String(result.headerRow + 1);
  show(byId('header-row-error'), false);
  byId('source-facts').textContent = sourceFacts(result);
  renderColumns(result);
  renderOptions(result);
  renderPreview(result);
}

/**
 * A source that cannot be analysed leaves nothing of the previous one on screen: its columns,
 * row count, platform, KPI chips and notes would describe a tab that is no longer the source.
 */
function clearAnalysis(): void {
  state.analysis = null;
  // The detected header row was the previous tab's; one the user typed stays (it may be the problem).
  if (state.headerRow === undefined) byId<HTMLInputElement>('header-row').value = '';
  byId('source-facts').textContent = '';
  show(byId('platform'), false);
  for (const id of ['columns', 'unrecognised', 'kpis', 'missing', 'reading']) clear(byId(id));
  for (const id of ['unrecognised-box', 'missing-box', 'reading-box', 'warnings', 'placement-box'])
    show(byId(id), false);
}

/** "248 data rows · row 250 left out (a total)": the count, and the rows left out of it named beside it. */
function sourceFacts(result: Extract<AnalyzeResult, { ok: true }>): string {
  const tr = t();
  const parts = [fillIn(result.rows === 1 ? tr.dataRowsOne : tr.dataRows, { n: fmt(result.rows) })];
  for (const g of result.excluded) {
    const rows = rowNumbers(g.rows);
    parts.push(
      fillIn(g.rows.length === 1 ? tr.leftOutOne : tr.leftOutMany, { rows, why: tr[LEFT_OUT[g.reason]] }),
    );
  }
  const facts = parts.join(tr.separator);
  return result.sampled ? `${facts}. ${tr.previewSampled}` : facts;
}

/** Why rows were left out, in a word or two beside the row count. */
const LEFT_OUT: Readonly<Record<ExcludedReason, UiKey>> = {
  total: 'leftOutTotal',
  summary: 'leftOutSummary',
  header: 'leftOutHeader',
  note: 'leftOutNote',
  section: 'leftOutSection',
};

/** Row numbers in the sidebar's digits, the first eight then "…". */
function rowNumbers(rows: readonly number[]): string {
  const shown = rows.slice(0, 8).map((r) => localNumber(String(r), state.lang));
  return `${shown.join(isRtl(state.lang) ? '، ' : ', ')}${rows.length > 8 ? '…' : ''}`;
}

/** A list of input problems: what, where (column, rows), what to do. */
function renderProblems(
  box: HTMLElement,
  title: string,
  problems: readonly InputProblem[],
  error?: ServerError,
): void {
  clear(box);
  const tr = t();
  if (problems.length === 0 && !error) {
    show(box, false);
    return;
  }
  box.append(el('strong', { text: title }));
  if (error) box.append(el('p', { text: errorText(error) }));
  if (error?.detail) box.append(el('small', { text: error.detail }));
  const list = el('ul');
  for (const p of problems) {
    const where: string[] = [];
    if (p.column) where.push(`${tr.column} ${p.column.letter} (${p.column.header})`);
    if (p.rows?.length) where.push(`${tr.rows} ${rowNumbers(p.rows)}`);
    list.append(
      el(
        'li',
        {},
        el('span', { text: p.message }),
        where.length ? el('small', { text: where.join(tr.separator) }) : null,
        p.hint ? el('div', { class: 'hint', text: `${tr.whatToDo}: ${p.hint}` }) : null,
      ),
    );
  }
  if (problems.length) box.append(list);
  show(box, true);
}

function errorText(error: ServerError): string {
  const tr = t();
  if (error.code === 'busy') return tr.errorBusy;
  if (error.code === 'source-missing') return tr.errorSourceMissing;
  if (error.code === 'template-missing') return fillIn(tr.errorTemplateMissing, { name: error.detail ?? '' });
  if (error.code === 'report-missing') return tr.errorReportMissing;
  if (error.code === 'paths-missing') return fillIn(tr.errorPathsMissing, { name: error.detail ?? '' });
  return tr.errorWriteFailed;
}

/** An error with no typed cause (a thrown exception, no connection): plain words plus the detail. */
function showError(serverError: ServerError | null, thrown?: unknown): void {
  const box = byId('error');
  clear(box);
  const tr = t();
  const detail =
    thrown instanceof Error ? thrown.message : thrown ? String(thrown) : (serverError?.detail ?? '');
  const offline = /network|NetworkError|failed to fetch/i.test(detail);
  box.append(
    el('p', { text: serverError ? errorText(serverError) : offline ? tr.errorOffline : tr.errorUnexpected }),
  );
  if (detail) box.append(el('small', { text: `${tr.details}: ${detail}` }));
  show(box, true);
}

let lastReport: { sheetId: number; name: string } | null = null;

function renderGenerated(result: GenerateResult, paths: PathsTab | null): void {
  const tr = t();
  if (!result.ok) {
    if (result.problems.length)
      renderProblems(byId('error'), tr.problemsTitle, result.problems, result.error);
    else showError(result.error ?? null);
    return;
  }
  lastReport = { sheetId: result.sheetId, name: result.sheetName };
  sayBuild(fillIn(result.replaced ? tr.doneReplaced : tr.done, { name: result.sheetName }), 'done');
  show(byId('result'), true);
  // A paths tab that could not be read: the report has no Attribution section, said first and
  // kept (with the reasons) while the preview is redrawn, until the choice changes.
  const why = result.warnings.filter((w) => w.code === 'bad-paths');
  state.pathsNotes =
    paths && why.length > 0
      ? [{ code: 'bad-paths', message: fillIn(tr.pathsLeftOut, { name: paths.name }), hint: '' }, ...why]
      : [];
  renderProblems(byId('warnings'), tr.warningsTitle, [...state.pathsNotes.slice(0, 1), ...result.warnings]);
  void reloadReports?.(); // the new tab joins "Reports in this spreadsheet"
  void analyze(); // the placement choice now knows the tab
}

async function openReport(): Promise<void> {
  if (!lastReport) return;
  const ok = await call('activateSheet', lastReport.sheetId).catch(() => false);
  if (!ok) showError(null, new Error(t().tabGone));
}

// ——— help and templates panels ———

function renderHelp(): void {
  const list = byId('help-list');
  clear(list);
  for (const k of KPIS) {
    const args = k.inputs.map((i) => (i.default !== undefined ? `[${i.name}]` : i.name)).join(', ');
    list.append(
      el('dt', { text: `${k.fn}(${args})` }),
      el('dd', { text: KPI_DESCRIPTIONS[k.id]?.[state.lang] ?? '' }),
    );
  }
}

let reloadTemplates: (() => Promise<void>) | null = null;
let reloadReports: (() => Promise<void>) | null = null;

/** The templates panel (src/sidebar/templates-panel.ts) when it is part of the build. */
async function mountTemplates(): Promise<void> {
  const name = 'panel';
  try {
    // A glob import: esbuild bundles the module if it exists, and the sidebar works without it.
    const mod = (await import(`./templates-${name}.ts`)) as {
      mountTemplatesPanel?: (container: HTMLElement, api: typeof rpc) => () => Promise<void>;
    };
    reloadTemplates = mod.mountTemplatesPanel?.(byId('templates-panel'), rpc) ?? null;
  } catch {
    // Not built in: the report panel works on its own.
  }
}

/** "Use" in the templates panel: that template in step 3, then a fresh preview. */
async function useTemplate(id: string): Promise<void> {
  if (state.server && !state.server.templates.some((t) => t.id === id)) {
    state.server = await call('getSidebarState'); // a template saved since the sidebar opened
  }
  state.templateId = id;
  if (state.server) renderChoices(state.server);
  showPanel('report');
  byId('step-report').scrollIntoView({ behavior: 'smooth' });
  await analyze();
}

function showPanel(panel: string): void {
  document.body.dataset.panel = panel;
  show(byId('report-panel'), panel === 'report' || panel === 'templates');
  show(byId('templates-panel'), panel !== 'help');
  show(byId('help-panel'), panel === 'help');
  if (panel === 'help') renderHelp();
  fitAll(); // selects measured while hidden were not fitted
  if (panel === 'templates') byId('templates-panel').scrollIntoView();
}

// ——— wiring ———

function wire(): void {
  byId<HTMLSelectElement>('ui-lang').addEventListener('change', (e) => {
    applyLanguage((e.target as HTMLSelectElement).value as Lang);
    // Remembered for this spreadsheet: the menu and KPI_STATUS follow it (Sheets has no Persian locale).
    // Then the template and profile names (and the profiles' group headings) come back in it.
    void call('setLanguage', state.lang)
      .then(() => call('getSidebarState'))
      .then((server) => {
        if (!state.server || server.lang !== state.lang) return;
        state.server = server;
        renderChoices(server);
      })
      .catch(() => undefined);
    if (state.server) {
      renderChoices(state.server);
      renderPaths(state.server);
    }
    if (document.body.dataset.panel === 'help') renderHelp();
    void reloadTemplates?.();
    void reloadReports?.();
    void analyze();
  });
  byId<HTMLSelectElement>('report-lang').addEventListener('change', (e) => {
    state.reportLang = (e.target as HTMLSelectElement).value as Lang;
    state.reportLangChosen = true;
    void analyze();
  });
  byId<HTMLSelectElement>('source').addEventListener('change', (e) => {
    state.sheetId = Number((e.target as HTMLSelectElement).value);
    if (state.server) renderPaths(state.server); // the source is not its own paths tab
    state.pathsNotes = [];
    state.headerRow = undefined;
    state.overrides = {};
    state.groupBy = undefined;
    state.period = undefined;
    void analyze();
  });
  byId<HTMLSelectElement>('paths').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    state.pathsId = v === 'none' ? null : Number(v);
    state.pathsNotes = [];
  });
  byId<HTMLInputElement>('header-row').addEventListener('change', (e) => {
    const row = headerRowInput((e.target as HTMLInputElement).value);
    show(byId('header-row-error'), row === null);
    if (row === null) return;
    state.headerRow = row;
    state.overrides = {};
    void analyze();
  });
  byId<HTMLSelectElement>('group-by').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    state.groupBy = v === 'auto' ? undefined : v === 'none' ? null : Number(v);
    void analyze();
  });
  byId<HTMLSelectElement>('period').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    state.period = v === 'auto' ? undefined : v === 'none' ? null : (v as Period);
    void analyze();
  });
  byId<HTMLSelectElement>('template').addEventListener('change', (e) => {
    state.templateId = (e.target as HTMLSelectElement).value || null;
    void analyze();
  });
  byId<HTMLSelectElement>('profile').addEventListener('change', (e) => {
    const v = (e.target as HTMLSelectElement).value;
    state.profileId = v === 'auto' ? undefined : v === 'none' ? null : v;
    void analyze();
  });
  byId('generate').addEventListener('click', () => void generate());
  byId('templates-panel').addEventListener('mizan:use-template', (e) => {
    const id = (e as CustomEvent<{ id?: unknown }>).detail?.id;
    if (typeof id === 'string') void useTemplate(id);
  });
  byId('open-report').addEventListener('click', () => void openReport());
  window.addEventListener('resize', fitAll); // a zoom changes the room each option has
}

async function start(): Promise<void> {
  wire();
  watchStickyBar(byId('step-generate'));
  const panel = document.body.dataset.panel ?? 'report';
  applyLanguage('en');
  try {
    const server = await call('getSidebarState');
    state.server = server;
    applyLanguage(server.lang);
    renderSources(server);
    renderPaths(server);
    renderChoices(server);
    setStatus('');
    showPanel(panel);
    void mountTemplates();
    reloadReports = mountReportTabs(byId('reports-box'), () => state.lang);
    await analyze();
  } catch (error) {
    setStatus('');
    show(byId('report-panel'), true);
    showError(null, error);
  }
}

void start();
