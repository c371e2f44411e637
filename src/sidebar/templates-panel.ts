/**
 * The sidebar's templates panel: built-in and saved templates, with use, rename, duplicate,
 * delete, export (JSON text to copy) and import (paste, validate, save). Mounted by the sidebar's
 * main module: `mountTemplatesPanel(container, rpc)`. "Use" dispatches a `mizan:use-template`
 * event (detail: { id }) on the container, for the report panel to pick up.
 * Every text from a template goes in through textContent (names may hold anything).
 */
import type { Lang } from '../core/i18n/lang';
import { localDigits } from '../core/i18n/report-labels';
import { describePath } from '../core/templates/messages';
import type { TemplateProblem } from '../core/templates/schema';
import type {
  TemplateResult,
  TemplateRpc,
  TemplateSummary,
  TemplatesView,
} from '../shared/template-rpc-types';
import { clear, el, uid } from './dom';

/** The part of the sidebar's RPC the panel needs: the untyped door, typed here by TemplateRpc. */
export interface PanelRpc {
  callServer(name: string, ...args: unknown[]): Promise<unknown>;
}

type Calls = {
  [K in keyof TemplateRpc]: (...a: Parameters<TemplateRpc[K]>) => Promise<ReturnType<TemplateRpc[K]>>;
};

function typed(rpc: PanelRpc): Calls {
  const call =
    <K extends keyof TemplateRpc>(name: K) =>
    (...args: Parameters<TemplateRpc[K]>) =>
      rpc.callServer(name, ...args) as Promise<ReturnType<TemplateRpc[K]>>;
  return {
    listTemplates: call('listTemplates'),
    getTemplate: call('getTemplate'),
    saveTemplate: call('saveTemplate'),
    renameTemplate: call('renameTemplate'),
    duplicateTemplate: call('duplicateTemplate'),
    deleteTemplate: call('deleteTemplate'),
    exportTemplateText: call('exportTemplateText'),
    importTemplateText: call('importTemplateText'),
  };
}

const STRINGS = {
  en: {
    title: 'Templates',
    builtin: 'Built-in',
    saved: 'Saved in this spreadsheet',
    none: 'No saved templates yet: duplicate a built-in one or import one.',
    use: 'Use',
    rename: 'Rename',
    duplicate: 'Duplicate',
    delete: 'Delete',
    export: 'Export',
    import: 'Import',
    importHint: 'Paste a template exported from Mizan:',
    newName: 'New name:',
    confirmDelete: 'Delete the template "{name}"?',
    exported: 'Copy this text and import it in another spreadsheet:',
    imported: 'Imported "{name}".',
    migrated: 'Imported "{name}" (updated from an older version).',
    unreadable: 'Row {row} of the "Mizan templates" sheet could not be read:',
    kpis: '{n} KPIs',
    failed: 'Something went wrong: {message}',
  },
  ar: {
    title: 'القوالب',
    builtin: 'القوالب المدمجة',
    saved: 'المحفوظة في هذا الجدول',
    none: 'لا توجد قوالب محفوظة بعد: انسخ قالبًا مدمجًا أو استورد قالبًا.',
    use: 'استخدام',
    rename: 'إعادة تسمية',
    duplicate: 'نسخ',
    delete: 'حذف',
    export: 'تصدير',
    import: 'استيراد',
    importHint: 'الصق قالبًا مُصدَّرًا من ميزان:',
    newName: 'الاسم الجديد:',
    confirmDelete: 'حذف القالب "{name}"؟',
    exported: 'انسخ هذا النص واستورده في جدول آخر:',
    imported: 'تم استيراد "{name}".',
    migrated: 'تم استيراد "{name}" (حُدِّث من إصدار أقدم).',
    unreadable: 'تعذّرت قراءة الصف {row} من ورقة "Mizan templates":',
    kpis: '{n} مؤشرات',
    failed: 'حدث خطأ: {message}',
  },
  fa: {
    title: 'قالب‌ها',
    builtin: 'قالب‌های آماده',
    saved: 'ذخیره‌شده در این صفحه‌گسترده',
    none: 'هنوز قالبی ذخیره نشده: از یک قالب آماده کپی بگیرید یا قالبی وارد کنید.',
    use: 'استفاده',
    rename: 'تغییر نام',
    duplicate: 'کپی',
    delete: 'حذف',
    export: 'خروجی',
    import: 'ورود',
    importHint: 'قالبی را که از میزان خروجی گرفته‌اید اینجا بچسبانید:',
    newName: 'نام جدید:',
    confirmDelete: 'قالب «{name}» حذف شود؟',
    exported: 'این متن را کپی کنید و در صفحه‌گسترده دیگری وارد کنید:',
    imported: '«{name}» وارد شد.',
    migrated: '«{name}» وارد شد (از نسخه قدیمی‌تر به‌روز شد).',
    unreadable: 'ردیف {row} برگه «Mizan templates» خوانده نشد:',
    kpis: '{n} شاخص',
    failed: 'مشکلی پیش آمد: {message}',
  },
} as const;
type Strings = { readonly [K in keyof (typeof STRINGS)['en']]: string };

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

function langOf(container: HTMLElement): Lang {
  const l = (container.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang).slice(0, 2);
  return l === 'ar' || l === 'fa' ? l : 'en';
}

/** Each problem as "Target 2 › value: …" in the panel's language (the message comes translated). */
function problemList(problems: readonly TemplateProblem[], lang: Lang): HTMLElement {
  const line = (p: TemplateProblem) => {
    const where = describePath(p.path, lang);
    return where ? `${where}: ${p.message}` : p.message;
  };
  return el('ul', { class: 'problems' }, ...problems.map((p) => el('li', { text: line(p) })));
}

/** JSON is code: left to right even in the right-to-left sidebar, so braces and quotes stay in place. */
const JSON_BOX = { dir: 'ltr', spellcheck: 'false' } as const;

/** Mounts the panel into `container` and loads the list. Returns a function that reloads it. */
export function mountTemplatesPanel(container: HTMLElement, rpc: PanelRpc): () => Promise<void> {
  const api = typed(rpc);
  const status = el('div', { class: 'status', role: 'status' });
  const list = el('div', { class: 'template-list' });
  const output = el('div', { class: 'template-output' });
  const importBox = el('textarea', {
    rows: '4',
    class: 'template-import',
    id: uid('template-import'),
    ...JSON_BOX,
  });
  const importButton = el('button', { type: 'button' });
  let s: Strings = STRINGS.en;
  let lang: Lang = 'en';

  const say = (node: Node | string | null) => {
    clear(status);
    if (node) status.append(typeof node === 'string' ? document.createTextNode(node) : node);
  };
  /** A count in the panel's language: ۷ in Persian, ٧ in Arabic. */
  const digits = (n: number) => localDigits(String(n), lang);
  const failed = (e: unknown) => say(fill(s.failed, { message: e instanceof Error ? e.message : String(e) }));

  /** Runs a change; on problems shows them, on success reloads the list. */
  async function act<T>(run: () => Promise<TemplateResult<T>>, done?: (r: T) => void) {
    try {
      const r = await run();
      if (!r.ok) return say(problemList(r.problems, lang));
      say(null);
      done?.(r);
      await reload();
    } catch (e) {
      failed(e);
    }
  }

  function row(t: TemplateSummary): HTMLElement {
    const nameId = uid('template-name');
    // Named "Use Paid search": the visible word first (speech input), then which template.
    const button = (label: string, onClick: () => void) => {
      const id = uid('template-action');
      const b = el('button', { type: 'button', id, 'aria-labelledby': `${id} ${nameId}`, text: label });
      b.addEventListener('click', onClick);
      return b;
    };
    const actions = [
      button(s.use, () =>
        container.dispatchEvent(
          new CustomEvent('mizan:use-template', { detail: { id: t.id }, bubbles: true }),
        ),
      ),
      !t.builtin &&
        button(s.rename, () => {
          const name = window.prompt(s.newName, t.name);
          if (name !== null) void act(() => api.renameTemplate(t.id, name));
        }),
      button(s.duplicate, () => void act(() => api.duplicateTemplate(t.id))),
      !t.builtin &&
        button(s.delete, () => {
          if (window.confirm(fill(s.confirmDelete, { name: t.name })))
            void act(() => api.deleteTemplate(t.id));
        }),
      button(
        s.export,
        () =>
          void act(
            () => api.exportTemplateText(t.id),
            (r: { text: string }) => {
              const text = el('textarea', {
                rows: '8',
                readonly: 'true',
                class: 'template-export',
                id: uid('template-export'),
                ...JSON_BOX,
              });
              text.value = r.text;
              clear(output);
              output.append(el('label', { for: text.id, class: 'template-caption', text: s.exported }), text);
              text.select();
            },
          ),
      ),
    ];
    return el(
      'li',
      { 'data-id': t.id },
      el('span', { class: 'template-name', id: nameId, text: t.name }),
      el('span', { class: 'template-meta', text: fill(s.kpis, { n: digits(t.kpis.length) }) }),
      el('span', { class: 'template-actions' }, ...actions),
    );
  }

  /** Which template's which button has focus: a redrawn list would drop it to the page body. */
  function focusedAction(): { id: string; index: number } | null {
    const active = document.activeElement;
    const item = active instanceof HTMLButtonElement ? active.closest<HTMLElement>('li[data-id]') : null;
    if (!item || !list.contains(item)) return null;
    return {
      id: item.dataset.id ?? '',
      index: [...item.querySelectorAll('button')].indexOf(active as HTMLButtonElement),
    };
  }

  /** The same button again, or the panel's title when its template is gone (deleted). */
  function refocus(was: { id: string; index: number } | null): void {
    if (!was) return;
    const item = list.querySelector(`li[data-id="${CSS.escape(was.id)}"]`);
    const again = item?.querySelectorAll<HTMLButtonElement>('button')[was.index];
    if (again) again.focus();
    else title.focus();
  }

  function render(view: TemplatesView): void {
    const was = focusedAction();
    clear(list);
    list.append(
      el('h3', { text: s.builtin }),
      el('ul', {}, ...view.builtin.map(row)),
      el('h3', { text: s.saved }),
    );
    list.append(
      view.saved.length ? el('ul', { class: 'saved' }, ...view.saved.map(row)) : el('p', { text: s.none }),
    );
    for (const u of view.unreadable)
      list.append(
        el('p', { text: fill(s.unreadable, { row: digits(u.row) }) }),
        problemList(u.problems, lang),
      );
    refocus(was);
  }

  async function reload(): Promise<void> {
    const next = langOf(container);
    if (next !== lang) {
      // A message or export caption from before the switch would stay in the old language.
      say(null);
      clear(output);
    }
    lang = next;
    s = STRINGS[lang];
    container.dir = lang === 'en' ? 'ltr' : 'rtl';
    importButton.textContent = s.import;
    hint.textContent = s.importHint;
    title.textContent = s.title;
    try {
      render(await api.listTemplates(lang));
    } catch (e) {
      failed(e);
    }
  }

  const title = el('h2', { tabindex: '-1' });
  const hint = el('label', { for: importBox.id });
  importButton.addEventListener(
    'click',
    () =>
      void act(
        () => api.importTemplateText(importBox.value, lang),
        (r: { template: { name: string }; migratedFrom: number | null }) => {
          importBox.value = '';
          say(fill(r.migratedFrom === null ? s.imported : s.migrated, { name: r.template.name }));
        },
      ),
  );
  clear(container);
  container.append(
    title,
    list,
    output,
    el('div', { class: 'template-import-box' }, hint, importBox, importButton),
    status,
  );
  void reload();
  return reload;
}
