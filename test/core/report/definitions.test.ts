/**
 * The definitions block (issue 12): one row per KPI in the report with its formula in words and
 * the columns of this file that fed it, so a reader can check every number by hand. The expected
 * letters are read off the test grids by eye (A is the first column).
 */
import { describe, expect, it } from 'vitest';
import { profileById } from '../../../src/core/benchmarks/profiles';
import type { BenchmarkProfile } from '../../../src/core/benchmarks/types';
import type { Lang } from '../../../src/core/i18n/lang';
import { buildReport } from '../../../src/core/report/index';
import type { Block, Cell, ReportModel } from '../../../src/core/report/model';
import { layoutReport } from '../../../src/server/report-layout';

function build(grid: unknown[][], lang: Lang, profile?: string): ReportModel {
  const r = buildReport(grid, {
    sourceName: 'Data',
    lang,
    ...(profile ? { profile: profileById(profile) as BenchmarkProfile } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.model;
}

function definitions(m: ReportModel): Block {
  const block = m.blocks.find((b) => b.kind === 'definitions');
  if (!block) throw new Error('no definitions block');
  return block;
}

/** A list line without the empty cells its long texts run into (layout.ts spreads list columns). */
const filled = (l: readonly Cell[]): Cell[] => l.filter((c) => c.v !== '');

/** The block's line for a KPI, by its name in the report's language: [name, formula, columns]. */
function line(m: ReportModel, name: string): string[] {
  const found = definitions(m).cells.find((l) => l[0]?.v === name);
  if (!found) throw new Error(`no line for ${name}`);
  return filled(found).map((c) => String(c.v));
}

// Conversion rate has no sessions here: it falls back to clicks (column B).
const PER_CLICKS = [
  ['Campaign', 'Clicks', 'Conversions'],
  ['A', 200, 5],
];
// With sessions (column C), conversion rate is per session; clicks still feed nothing else of it.
const WITH_SESSIONS = [
  ['Campaign', 'Clicks', 'Sessions', 'Conversions'],
  ['A', 200, 100, 5],
];
// The same columns with Persian headers, as a Persian export has them.
const WITH_SESSIONS_FA = [
  ['کمپین', 'کلیک', 'نشست', 'تبدیل'],
  ['الف', 200, 100, 5],
];

describe('the definitions block', () => {
  it('en: conversion rate per clicks names columns C and B', () => {
    expect(line(build(PER_CLICKS, 'en'), 'Conversion rate')).toEqual([
      'Conversion rate',
      'Conversion rate = Conversions ÷ Clicks',
      'Conversions (column C) ÷ Clicks (column B)',
    ]);
  });

  it('en: conversion rate per sessions names columns D and C, not the clicks column', () => {
    const m = build(WITH_SESSIONS, 'en');
    expect(line(m, 'Conversion rate')).toEqual([
      'Conversion rate',
      'Conversion rate = Conversions ÷ Sessions',
      'Conversions (column D) ÷ Sessions (column C)',
    ]);
  });

  it('fa: the labels in Persian, the sheet’s own headers kept as written', () => {
    const m = build(WITH_SESSIONS_FA, 'fa');
    const block = definitions(m);
    expect(block.cells[0]?.[0]?.v).toBe('نحوهٔ محاسبهٔ هر شاخص');
    expect(filled(block.cells[1] ?? []).map((c) => c.v)).toEqual([
      'شاخص',
      'فرمول',
      'ستون‌های این فایل که به کار رفت',
    ]);
    expect(line(m, 'نرخ تبدیل')).toEqual([
      'نرخ تبدیل',
      'نرخ تبدیل = تبدیل ÷ نشست',
      'تبدیل (ستون D) ÷ نشست (ستون C)',
    ]);
  });

  it('fa: conversion rate per clicks when there are no sessions', () => {
    expect(line(build(PER_CLICKS, 'fa'), 'نرخ تبدیل')).toEqual([
      'نرخ تبدیل',
      'نرخ تبدیل = تبدیل ÷ کلیک',
      'Conversions (ستون C) ÷ Clicks (ستون B)',
    ]);
  });

  it('one line per KPI of the report, in the report’s order, the columns cell marked as user text', () => {
    const m = build(
      [
        ['Campaign', 'Impr.', 'Link clicks', 'Amount spent'],
        ['A', 1000, 50, 100],
      ],
      'en',
    );
    const block = definitions(m);
    expect(block.headerRows).toBe(2);
    const lines = block.cells.slice(2);
    // CTR, CPC and CPM are the KPIs of impressions, clicks and cost.
    expect(m.kpis).toEqual(['ctr', 'cpc', 'cpm']);
    expect(lines.map((l) => l[0]?.v)).toEqual([
      'Click-through rate (CTR)',
      'Cost per click (CPC)',
      'Cost per mille (CPM)',
    ]);
    expect(lines.map((l) => filled(l)[2]?.v)).toEqual([
      'Link clicks (column C) ÷ Impr. (column B)',
      'Amount spent (column D) ÷ Link clicks (column C)',
      'Amount spent (column D) ÷ Impr. (column B) × 1000',
    ]);
    for (const l of lines) expect(filled(l)[2]?.userText).toBe(true);
  });

  it('fa and ar: a formula’s constant in the language’s digits in both columns, headers as written', () => {
    // "Spend 2025" carries digits of its own: the sheet's text, not Mizan's, so it stays Latin.
    const grid = [
      ['Campaign', 'Impr.', 'Link clicks', 'Spend 2025'],
      ['A', 1000, 50, 100],
    ];
    expect(line(build(grid, 'fa'), 'هزینه هر هزار نمایش (CPM)')).toEqual([
      'هزینه هر هزار نمایش (CPM)',
      'هزینه هر هزار نمایش (CPM) = هزینه ÷ نمایش × ۱۰۰۰',
      'Spend 2025 (ستون D) ÷ Impr. (ستون B) × ۱۰۰۰',
    ]);
    expect(line(build(grid, 'ar'), 'تكلفة الألف ظهور (CPM)')).toEqual([
      'تكلفة الألف ظهور (CPM)',
      'تكلفة الألف ظهور (CPM) = التكلفة ÷ مرات الظهور × ١٠٠٠',
      'Spend 2025 (العمود D) ÷ Impr. (العمود B) × ١٠٠٠',
    ]);
    expect(line(build(grid, 'en'), 'Cost per mille (CPM)')[2]).toBe(
      'Spend 2025 (column D) ÷ Impr. (column B) × 1000',
    );
  });

  it('sits after the legend and before the notes, overlapping no other block', () => {
    const m = build(WITH_SESSIONS, 'en', 'search');
    const ids = m.blocks.map((b) => b.id);
    const at = ids.indexOf('definitions');
    expect(ids.indexOf('legend')).toBeGreaterThan(-1);
    expect(at).toBe(ids.indexOf('legend') + 1);
    const spans = [...m.blocks].sort((a, b) => a.row - b.row);
    for (let i = 1; i < spans.length; i++) {
      const prev = spans[i - 1] as Block;
      expect((spans[i] as Block).row).toBeGreaterThan(prev.row + prev.cells.length - 1);
    }
  });

  it('the Sheets layout writes the lines as literal text where the block is placed', () => {
    const m = build(PER_CLICKS, 'en');
    const block = definitions(m);
    const values = layoutReport(m).values;
    const r = block.cells.findIndex((l) => l[0]?.v === 'Conversion rate');
    // Sheets' apostrophe prefix: the text is stored as typed, never parsed as a formula or number.
    expect(values[block.row + r]?.filter((v) => v !== '').slice(0, 3)).toEqual([
      "'Conversion rate",
      "'Conversion rate = Conversions ÷ Clicks",
      "'Conversions (column C) ÷ Clicks (column B)",
    ]);
  });
});
