/**
 * --template: a built-in template's id, or a template JSON file (as the add-on exports it),
 * imported with the same validation and migration as a paste into the sidebar.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Lang } from '../core/i18n/lang';
import { BUILTIN_TEMPLATES, builtinTemplate, importTemplate, type Template } from '../core/templates';

export type TemplateLoad =
  | { readonly ok: true; readonly template: Template }
  | { readonly ok: false; readonly message: string };

/** A name with a path separator or ending in .json is a file; anything else a built-in id. */
export function looksLikeFile(spec: string): boolean {
  return /[/\\]/.test(spec) || spec.toLowerCase().endsWith('.json');
}

/** `lang`: the language of the template's problems (the CLI's own messages are English). */
export async function loadTemplate(spec: string, cwd: string, lang: Lang = 'en'): Promise<TemplateLoad> {
  if (!looksLikeFile(spec)) {
    const template = builtinTemplate(spec);
    if (template) return { ok: true, template };
    const ids = BUILTIN_TEMPLATES.map((t) => t.id).join(', ');
    return {
      ok: false,
      message: `--template: no built-in template "${spec}" (built-in: ${ids}), and no file of that name`,
    };
  }
  const path = resolve(cwd, spec);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      message: `--template: ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    };
  }
  const imported = importTemplate(text, lang);
  if (imported.ok) return { ok: true, template: imported.template };
  const problems = imported.problems.map((p) => `  • ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
  return { ok: false, message: `--template: ${path} is not a valid template:\n${problems}` };
}
