/**
 * Column roles in the sidebar's dropdowns: each ColumnRole as a select value ("m:cost",
 * "d:campaign", "p:ctr", "x") and back. Measure and KPI names come from the registry.
 */
import type { Lang } from '../core/i18n/lang';
import { MEASURE_IDS, MEASURES, type MeasureId } from '../core/kpi/measures';
import { kpiById } from '../core/kpi/registry';
import type { ColumnRole } from '../core/report/model';
import type { UiStrings } from '../shared/ui-strings';
import { el, option } from './dom';

const DIMENSIONS = ['campaign', 'channel', 'date', 'text'] as const;
type Dimension = (typeof DIMENSIONS)[number];

export function roleValue(role: ColumnRole): string {
  switch (role.kind) {
    case 'measure':
      return `m:${role.measure}`;
    case 'dimension':
      return `d:${role.dimension}`;
    case 'precomputed':
      return `p:${role.kpi}`;
    case 'ignored':
      return 'x';
  }
}

export function roleFromValue(value: string): ColumnRole {
  const [kind, id = ''] = value.split(':');
  if (kind === 'm' && (MEASURE_IDS as readonly string[]).includes(id))
    return { kind: 'measure', measure: id as MeasureId };
  if (kind === 'd' && (DIMENSIONS as readonly string[]).includes(id))
    return { kind: 'dimension', dimension: id as Dimension };
  if (kind === 'p' && id) return { kind: 'precomputed', kpi: id };
  return { kind: 'ignored' };
}

const DIMENSION_LABEL: Readonly<Record<Dimension, keyof UiStrings>> = {
  campaign: 'roleCampaign',
  channel: 'roleChannel',
  date: 'roleDate',
  text: 'roleText',
};

/** The dropdown for one column, with its current role selected. */
export function roleSelect(current: ColumnRole, lang: Lang, t: UiStrings, label: string): HTMLSelectElement {
  const selected = roleValue(current);
  const select = el('select', { 'aria-label': label });
  const labels = el('optgroup', { label: t.groupDimensions });
  for (const d of DIMENSIONS) labels.append(option(`d:${d}`, t[DIMENSION_LABEL[d]], selected === `d:${d}`));
  const measures = el('optgroup', { label: t.groupMeasures });
  for (const id of MEASURE_IDS)
    measures.append(option(`m:${id}`, MEASURES[id].names[lang], selected === `m:${id}`));
  select.append(measures, labels);
  if (current.kind === 'precomputed') {
    const name = kpiById(current.kpi)?.names[lang] ?? current.kpi;
    select.append(option(selected, `${t.rolePrecomputed}: ${name}`, true));
  }
  select.append(option('x', t.roleIgnored, selected === 'x'));
  return select;
}
