/**
 * Order exports (Shopify, WooCommerce): one row per line item, so neither a row count nor a sum
 * of the order total is right. Orders are the distinct order ids; revenue counts each order's
 * total once (Shopify writes it on the order's first row only, WooCommerce on every item row).
 * Both measures are derived, so writers show them as values, never as a SUM over the column.
 */
import type { Lang } from '../i18n/lang';
import { label } from '../i18n/report-labels';
import { keysOf } from './platform';
import type { OrderExport } from './platforms';

/**
 * Any order export, whatever the platform: an order id column and an order total column by these
 * names (a store's own export, Salla or Zid in Arabic, a Persian shop). Platform files may say more.
 */
export const GENERIC_ORDERS: OrderExport = {
  id: ['order id', 'order number', 'order no', 'رقم الطلب', 'شماره سفارش', 'کد سفارش'],
  total: ['order total', 'إجمالي الطلب', 'مبلغ كل سفارش', 'مبلغ کل سفارش', 'جمع کل سفارش'],
  refunds: ['refunded amount', 'refund total', 'المبلغ المسترد'],
};

export interface OrderColumns {
  readonly id: number;
  readonly total: number;
  readonly refunds: number | null;
}

/** The columns an order export needs, by header key; null when the id or the total is missing. */
export function findOrderColumns(
  spec: OrderExport,
  keys: readonly (readonly string[])[],
): OrderColumns | null {
  const find = (list: readonly string[]) => {
    const wanted = keysOf(list);
    return keys.findIndex((k) => k.some((key) => wanted.includes(key)));
  };
  const id = find(spec.id);
  const total = find(spec.total);
  if (id < 0 || total < 0) return null;
  const refunds = spec.refunds ? find(spec.refunds) : -1;
  return { id, total, refunds: refunds < 0 ? null : refunds };
}

/**
 * Orders (1 on an order's first row, 0 on its other rows) and revenue (the order's first total,
 * NaN on its other rows), per data row, from the id column's values and the read totals.
 */
export function orderMeasures(
  ids: readonly unknown[],
  totals: Float64Array,
): { orders: Float64Array; revenue: Float64Array; distinct: number } {
  const n = ids.length;
  const orders = new Float64Array(n);
  const revenue = new Float64Array(n).fill(Number.NaN);
  const hasTotal = new Set<string>();
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const raw = ids[i];
    const id = raw === null || raw === undefined ? '' : String(raw).trim();
    if (id === '') continue;
    if (!seen.has(id)) {
      seen.add(id);
      orders[i] = 1;
    }
    const t = totals[i] as number;
    if (!Number.isNaN(t) && !hasTotal.has(id)) {
      hasTotal.add(id);
      revenue[i] = t;
    }
  }
  return { orders, revenue, distinct: seen.size };
}

export function ordersNote(
  lang: Lang,
  cols: OrderColumns,
  headers: readonly string[],
  letters: (c: number) => string,
  distinct: number,
): string {
  return label('ordersRead', lang, {
    n: distinct,
    idCol: letters(cols.id),
    idHeader: headers[cols.id] as string,
    totalCol: letters(cols.total),
    totalHeader: headers[cols.total] as string,
  });
}
