/**
 * Conditional rules and status formulas from a KPI's judge (a user target or a benchmark's
 * thresholds), in priority order (the first rule a value meets gives its status), so they
 * agree with statusAgainst / statusAgainstTarget exactly.
 */
import { fairEdge } from '../benchmarks/status';
import type { Status } from '../benchmarks/types';
import { localNumber } from '../i18n/digits';
import { isRtl, type Lang } from '../i18n/lang';
import { label } from '../i18n/report-labels';
import type { Unit } from '../kpi/types';
import { quoted } from './formulas';
import type { Judge } from './kpi-plan';
import type { ConditionalRule } from './model';

export type When = ConditionalRule['when'];

export function statusRules(judge: Judge): { status: Status; when: When }[] {
  if (judge.kind === 'target') {
    const { op, value } = judge.target;
    const near = fairEdge(judge.target, judge.origin);
    if (op === '>=') {
      return [
        { status: 'good', when: ['>=', value] },
        { status: 'fair', when: ['>=', near] },
        { status: 'poor', when: ['<', near] },
      ];
    }
    return [
      { status: 'good', when: ['<=', value] },
      { status: 'fair', when: ['<=', near] },
      { status: 'poor', when: ['>', near] },
    ];
  }
  const t = judge.thresholds;
  switch (t.direction) {
    case 'higher':
      return [
        { status: 'good', when: ['>=', t.good] },
        { status: 'fair', when: ['>=', t.fair] },
        { status: 'poor', when: ['<', t.fair] },
      ];
    case 'lower':
      return [
        { status: 'good', when: ['<=', t.good] },
        { status: 'fair', when: ['<=', t.fair] },
        { status: 'poor', when: ['>', t.fair] },
      ];
    case 'band':
      return [
        { status: 'good', when: ['between', t.goodMin, t.goodMax] },
        { status: 'fair', when: ['between', t.fairMin, t.fairMax] },
        { status: 'poor', when: ['<', t.fairMin] },
        { status: 'poor', when: ['>', t.fairMax] },
      ];
  }
}

const condition = (cell: string, when: When): string =>
  when[0] === 'between' ? `AND(${cell}>=${when[1]},${cell}<=${when[2]})` : `${cell}${when[0]}${when[1]}`;

/** A formula giving the status word of the value in `cell` ("" when the cell is empty). */
export function statusFormula(cell: string, judge: Judge, lang: Lang): string {
  const rules = statusRules(judge);
  // Trailing "poor" rules are the fallback: whatever meets no earlier rule is poor.
  let end = rules.length;
  while (end > 0 && rules[end - 1]?.status === 'poor') end--;
  let text = quoted(label('poor', lang));
  for (let i = end - 1; i >= 0; i--) {
    const r = rules[i] as { status: Status; when: When };
    text = `IF(${condition(cell, r.when)},${quoted(label(r.status, lang))},${text})`;
  }
  return `IF(${cell}="","",${text})`;
}

/**
 * A threshold as text for the legend: "≥ 2.00% good · ≥ 1.00% fair"; one threshold when the fair
 * band is the good band. Persian and Arabic separate with " | ": a middle dot reads as their zero.
 */
export function thresholdText(judge: Judge, unit: Unit, lang: Lang): string {
  return isRtl(lang)
    ? `${ARABIC_LETTER_MARK}${thresholdWords(judge, unit, lang)}`
    : thresholdWords(judge, unit, lang);
}

/**
 * U+061C, invisible, of the bidi class of Arabic letters: at the start of a Persian threshold text
 * it makes the first number's percent sign sit where every later one does (left of the digits in
 * the right-to-left line). Without it, the first number, with no Arabic letter before it, keeps
 * "٪" on its right and the second (after "خوب") on its left: "6.66%" and "%5.00" in one cell
 * (Unicode bidi rules W2 and W5; checked in Chromium).
 */
const ARABIC_LETTER_MARK = '\u061c';

function thresholdWords(judge: Judge, unit: Unit, lang: Lang): string {
  // In the report's digits and percent sign, like every number in its text (docs/digits.md).
  const n = (v: number): string =>
    localNumber(unit === 'rate' ? `${(v * 100).toFixed(2)}%` : v.toFixed(2), lang);
  if (judge.kind === 'target')
    return label('target', lang, { op: judge.target.op === '>=' ? '≥' : '≤', v: n(judge.target.value) });
  const t = judge.thresholds;
  const g = label('good', lang);
  const f = label('fair', lang);
  const sep = label('separator', lang);
  if (t.direction === 'higher')
    return t.fair === t.good ? `≥ ${n(t.good)} ${g}` : `≥ ${n(t.good)} ${g}${sep}≥ ${n(t.fair)} ${f}`;
  if (t.direction === 'lower')
    return t.fair === t.good ? `≤ ${n(t.good)} ${g}` : `≤ ${n(t.good)} ${g}${sep}≤ ${n(t.fair)} ${f}`;
  return `${n(t.goodMin)}–${n(t.goodMax)} ${g}${sep}${n(t.fairMin)}–${n(t.fairMax)} ${f}`;
}
