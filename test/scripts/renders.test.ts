/**
 * scripts/renders.ts tells the report sheet's pages from the PDF's sheet bookmarks: checked on
 * pdftohtml's XML for a workbook whose report takes pages 1–3 and whose source data follows.
 */
import { describe, expect, it } from 'vitest';
import { firstSheetPages, pdfBookmarks } from '../../scripts/renders';

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<pdf2xml producer="poppler" version="22.12.0">
<page number="1" position="absolute" top="0" left="0" height="595" width="842"></page>
<outline>
<item page="1">تقرير المؤشرات – campaigns-ar</item>
<item page="4">campaigns-ar &amp; more</item>
</outline>
</pdf2xml>`;

describe('renders: the report sheet pages', () => {
  it('reads the bookmarks and their first pages', () => {
    expect(pdfBookmarks(XML)).toEqual([
      { title: 'تقرير المؤشرات – campaigns-ar', page: 1 },
      { title: 'campaigns-ar & more', page: 4 },
    ]);
  });

  it('takes the first sheet up to the page before the next one, or to the end', () => {
    expect(firstSheetPages(pdfBookmarks(XML), 9)).toEqual({
      title: 'تقرير المؤشرات – campaigns-ar',
      first: 1,
      last: 3,
    });
    expect(firstSheetPages([{ title: 'only', page: 1 }], 2)).toEqual({ title: 'only', first: 1, last: 2 });
  });

  it('refuses a PDF without sheet bookmarks rather than guess', () => {
    expect(() => firstSheetPages(pdfBookmarks('<pdf2xml></pdf2xml>'), 5)).toThrow(/no sheet bookmarks/);
  });
});
