/**
 * The report language when --lang is not given: Persian or Arabic when the first rows are
 * written in Arabic script (told apart by the letters and digits only one of them uses),
 * English otherwise.
 */
import type { Lang } from '../core/i18n/lang';
import { asTable, type Grid, headRows, type Table } from '../core/table/table';

/** پ چ ژ گ ک ی and Extended Arabic-Indic (Persian) digits ۰–۹. */
const PERSIAN_ONLY = /[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06f0-\u06f9]/gu;
/** ي ك ة and Arabic-Indic digits ٠–٩. */
const ARABIC_ONLY = /[\u064a\u0643\u0629\u0660-\u0669]/gu;
const ARABIC_SCRIPT = /[\u0600-\u06ff]/u;

export function guessLang(cells: Grid | Table, rows = 30): Lang {
  let persian = 0;
  let arabic = 0;
  let script = false;
  for (const row of headRows(asTable(cells), rows)) {
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      if (ARABIC_SCRIPT.test(cell)) script = true;
      persian += cell.match(PERSIAN_ONLY)?.length ?? 0;
      arabic += cell.match(ARABIC_ONLY)?.length ?? 0;
    }
  }
  if (!script) return 'en';
  return persian >= arabic && persian > 0 ? 'fa' : 'ar';
}
