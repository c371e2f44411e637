/**
 * Every relative link in README.md and docs/*.md points at a file or folder inside the
 * repository that a fresh clone has (not outside it, not git-ignored), so the docs never send a
 * reader to a file only the authors' machines hold. Web links are not fetched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Markdown files the test covers, relative to the root. */
const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Link targets of inline links and images, outside fenced code blocks and code spans. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  const out: string[] = [];
  for (const m of prose.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    out.push(m[1] as string);
  // Reference definitions: [label]: target
  for (const m of prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) out.push(m[1] as string);
  return out;
}

const isWeb = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');

function ignoredByGit(path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '-q', path], { cwd: ROOT, stdio: 'ignore' });
    return true; // exit 0: ignored
  } catch {
    return false;
  }
}

/** Why a relative link from `file` to `target` does not resolve in a clone ('' when it does). */
function problem(file: string, target: string): string {
  const path = decodeURIComponent(target.split('#')[0] as string);
  if (path === '') return ''; // an anchor on the same page
  const absolute = resolve(dirname(join(ROOT, file)), path);
  const inRepo = relative(ROOT, absolute);
  if (inRepo.startsWith('..') || resolve(ROOT, inRepo) !== absolute) return 'points outside the repository';
  if (!existsSync(absolute)) return 'no such file';
  if (inRepo !== '' && ignoredByGit(inRepo)) return 'git-ignored, so not in a clone';
  return '';
}

describe('relative Markdown links', () => {
  it('the link reader finds inline links, images and reference definitions, not code', () => {
    const text = [
      'See [a](docs/a.md), ![shot](docs/s.png "title") and [web](https://example.com).',
      '`[not](code.md)` and',
      '```',
      '[nor](fenced.md)',
      '```',
      '[ref]: ../outside.md',
    ].join('\n');
    expect(linkTargets(text)).toEqual(['docs/a.md', 'docs/s.png', 'https://example.com', '../outside.md']);
  });

  it('a link outside the repository, or to a missing or ignored file, is a problem', () => {
    expect(problem('README.md', '../shared/docs/kpi-reference.md')).toBe('points outside the repository');
    expect(problem('README.md', 'docs/no-such-file.md')).toBe('no such file');
    expect(problem('README.md', 'node_modules/')).toBe('git-ignored, so not in a clone');
    expect(problem('docs/architecture.md', '../README.md#development')).toBe('');
  });

  it.each(FILES)('%s links only to files in the repository', (file) => {
    const targets = linkTargets(readFileSync(join(ROOT, file), 'utf8')).filter((t) => !isWeb(t));
    const broken = targets.flatMap((t) => {
      const why = problem(file, t);
      return why ? [`${t}: ${why}`] : [];
    });
    expect(broken, file).toEqual([]);
  });
});
