/** Templates as JSON text: export for sharing, import with validation and migration. */
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
export function importTemplate(text: unknown): ImportResult {
  if (typeof text !== 'string') return fail('', 'paste the template as text');
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '') return fail('', 'the text is empty; paste an exported template');
  if (body.length > TEMPLATE_LIMITS.text)
    return fail(
      '',
      `the text is ${body.length.toLocaleString('en')} characters; a template is at most ${TEMPLATE_LIMITS.text.toLocaleString('en')}`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    return fail(
      '',
      `not valid JSON (${e instanceof Error ? e.message : String(e)}); paste the exported text unchanged`,
    );
  }
  const deep = nestingProblem(parsed); // before migration, which walks the value too
  if (deep) return { ok: false, problems: [deep] };
  const migrated = migrateTemplate(parsed);
  if (!migrated.ok) return migrated;
  const checked = validateTemplate(migrated.value);
  if (!checked.ok) return checked;
  return {
    ok: true,
    template: checked.template,
    migratedFrom: migrated.from < TEMPLATE_SCHEMA_VERSION ? migrated.from : null,
  };
}

function fail(path: string, message: string): ImportResult {
  return { ok: false, problems: [{ path, message }] };
}
