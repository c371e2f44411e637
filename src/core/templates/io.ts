/** Templates as JSON text: export for sharing, import with validation and migration. */
import type { Lang } from '../i18n/lang';
import { type MessageKey, templateMessage } from './messages';
import { migrateTemplate } from './migrate';
import { TEMPLATE_LIMITS, TEMPLATE_SCHEMA_VERSION, type Template, type TemplateCheck } from './schema';
import { nestingProblem, validateTemplate } from './validate';

export type ImportResult =
  | { readonly ok: true; readonly template: Template; readonly migratedFrom: number | null }
  | Extract<TemplateCheck, { ok: false }>;

/** Pretty JSON with a fixed key order (the schema's), so two exports of one template are equal. */
export function exportTemplate(t: Template): string {
  const checked = validateTemplate(t);
  if (!checked.ok)
    throw new Error(
      `not a valid template: ${checked.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return `${JSON.stringify(checked.template, null, 2)}\n`;
}

/**
 * Reads a template from text (pasted or a file): size, JSON, schema version (older versions are
 * migrated, newer refused), then every field. Pure: nothing is saved here, so a failure changes nothing.
 */
export function importTemplate(text: unknown, lang: Lang = 'en'): ImportResult {
  const fail = (key: MessageKey, vars: Record<string, string | number> = {}): ImportResult => ({
    ok: false,
    problems: [{ path: '', message: templateMessage(lang, key, vars) }],
  });
  if (typeof text !== 'string') return fail('pasteText');
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return fail('emptyText');
  if (body.length > TEMPLATE_LIMITS.text)
    return fail('textTooLong', { n: body.length, max: TEMPLATE_LIMITS.text });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    return fail('badJson', { where: whereJsonBreaks(body, e, lang) });
  }
  const deep = nestingProblem(parsed); // before migration, which walks the value too
  if (deep) return { ok: false, problems: [deep] };
  const migrated = migrateTemplate(parsed, lang);
  if (!migrated.ok) return migrated;
  const checked = validateTemplate(migrated.value, lang);
  if (!checked.ok) return checked;
  return {
    ok: true,
    template: checked.template,
    migratedFrom: migrated.from < TEMPLATE_SCHEMA_VERSION ? migrated.from : null,
  };
}

/**
 * Where the JSON breaks, in words ("near line 3, column 7"), not the engine's parser message
 * ("Unexpected token } in JSON at position 41"), whose wording differs between V8 versions.
 */
function whereJsonBreaks(body: string, error: unknown, lang: Lang): string {
  const said = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(said);
  if (!at) return templateMessage(lang, /end of (JSON )?input/i.test(said) ? 'cutShort' : 'punctuation');
  const before = body.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return templateMessage(lang, 'nearLine', { line, column });
}
