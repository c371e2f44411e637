/**
 * The sidebar's template functions (TemplateRpc). Thin: each opens the store on the active
 * spreadsheet with the document lock and returns plain JSON. Added to `entryPoints` in main.ts.
 */

import type { Lang } from '../core/i18n/lang';
import { BUILTIN_TEMPLATES } from '../core/templates/builtin';
import { templateMessage } from '../core/templates/messages';
import { type Template, templateName } from '../core/templates/schema';
import type { TemplateRpc, TemplateSummary, TemplatesView } from '../shared/template-rpc-types';
import { spreadsheetLang } from './sheet-language';
import { TemplateStore } from './template-store';

function summary(t: Template, lang: Lang, builtin: boolean, updated: string | null): TemplateSummary {
  return {
    id: t.id,
    name: templateName(t, lang),
    builtin,
    kpis: t.kpis,
    profile: t.profile,
    targets: t.targets.length,
    updated,
  };
}

/** The RPC over a given store (tests pass a store on a fake spreadsheet). */
export function makeTemplateRpc(store: () => TemplateStore): TemplateRpc {
  return {
    listTemplates(lang: Lang): TemplatesView {
      const { saved, unreadable } = store().list();
      return {
        builtin: BUILTIN_TEMPLATES.map((t) => summary(t, lang, true, null)),
        saved: saved.map((s) => summary(s.template, lang, false, s.updated)),
        unreadable,
      };
    },
    getTemplate(id) {
      const template = store().load(id);
      return template
        ? { ok: true, template }
        : {
            ok: false,
            problems: [
              { path: 'id', message: templateMessage(spreadsheetLang(), 'storeNoTemplate', { id }) },
            ],
          };
    },
    saveTemplate: (template, replace) => store().save(template, replace === true),
    renameTemplate: (id, name) => store().rename(id, name),
    duplicateTemplate: (id) => store().duplicate(id),
    deleteTemplate: (id) => store().delete(id),
    exportTemplateText: (id) => store().exportText(id),
    importTemplateText: (text, lang) =>
      store().importText(text, lang === 'ar' || lang === 'fa' ? lang : 'en'),
  };
}

/** The live RPC: the active spreadsheet and its document lock. */
export const templateRpc: TemplateRpc = makeTemplateRpc(
  () => new TemplateStore(SpreadsheetApp.getActiveSpreadsheet(), () => LockService.getDocumentLock()),
);
