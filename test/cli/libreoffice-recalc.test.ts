/**
 * The live formulas, proved by a spreadsheet engine nobody here wrote: LibreOffice recalculates
 * every formula of the .xlsx (whose cached values are first poisoned, so a value can only be right
 * if LibreOffice computed it) and each result must equal the engine's number to 1e-9 relative.
 * Skips loudly without soffice on a developer machine; fails without it on CI.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/cli/read-input';
import { profileById } from '../../src/core/benchmarks/profiles';
import type { Lang } from '../../src/core/i18n/lang';
import { buildReport } from '../../src/core/report';
import type { ReportModel } from '../../src/core/report/model';
import { reportSheetName, writeReportXlsx } from '../../src/xlsx/write-report';
import { sampleModel } from './fixtures/sample-model';
import { compareFormulas, formulaCells, poisonCaches } from './formula-check';
import { convertWithLibreOffice, sofficePath } from './libreoffice';

const soffice = sofficePath();
const onCi = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
const run = soffice !== null || onCi;
if (!run) {
  console.warn(
    '\n!!! SKIPPED: LibreOffice recalculation test: `soffice` not found (apt-get install libreoffice-calc-nogui). It runs on CI.\n',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'mizan-recalc-'));

/** Writes the model with poisoned caches, has LibreOffice recalculate it, compares every formula. */
async function recalcAndCompare(model: ReportModel, name: string, sheetName: string) {
  if (!soffice)
    throw new Error('CI is set but soffice (LibreOffice) is missing: install libreoffice-calc-nogui');
  const written = join(dir, `${name}.xlsx`);
  await writeReportXlsx(poisonCaches(model), written);
  const recalculated = convertWithLibreOffice(written, 'xlsx');
  return compareFormulas(model, recalculated, sheetName);
}

describe.skipIf(!run)('LibreOffice recalculates the live formulas to the engine’s numbers', () => {
  it('on the hand-built model (sums, SUMIFS, guarded ratios, empty results)', async () => {
    const model = sampleModel();
    const { compared, mismatches } = await recalcAndCompare(model, 'sample', 'KPI report – Campaigns');
    expect(compared).toBe(formulaCells(model).length);
    expect(compared).toBe(36);
    expect(mismatches).toEqual([]);
  });

  it('notices a wrong number (the comparison can fail)', async () => {
    const model = sampleModel();
    const lying: ReportModel = {
      ...model,
      blocks: model.blocks.map((b) =>
        b.id === 'totals'
          ? {
              ...b,
              cells: b.cells.map((row, r) =>
                r === 2 ? row.map((c, i) => (i === 1 ? { ...c, v: 251 } : c)) : row,
              ),
            }
          : b,
      ),
    };
    const { mismatches } = await recalcAndCompare(lying, 'lying', 'KPI report – Campaigns');
    expect(mismatches.map((m) => [m.ref, m.expected, m.got])).toEqual([['B6', 251, 250]]);
  });

  it.each(['en', 'ar', 'fa'] as Lang[])(
    'on the engine’s report of the %s example (every formula cell)',
    async (lang) => {
      const path = fileURLToPath(new URL(`../../examples/campaigns-${lang}.csv`, import.meta.url));
      const read = await readInput(path);
      if (!read.ok) throw new Error(read.message);
      const result = buildReport(read.data.table, {
        sourceName: read.data.sourceName,
        lang,
        formulaSource: 'recreated',
        profile: profileById('search') ?? null,
      });
      if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
      const model = result.model;
      const { compared, mismatches } = await recalcAndCompare(
        model,
        `example-${lang}`,
        reportSheetName(model),
      );
      expect(compared).toBeGreaterThan(100);
      expect(mismatches).toEqual([]);
    },
  );
});
