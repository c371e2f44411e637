import { notSummed, type Platform } from './types';

/**
 * Shopify's orders export: one row per line item; the order's money (Subtotal, Total) only on its
 * first row. Orders are distinct "Name"s (#1001), revenue each order's Total once.
 */
export const SHOPIFY: Platform = {
  id: 'shopify',
  name: 'Shopify',
  signature: [
    'financial status',
    'paid at',
    'fulfillment status',
    'lineitem quantity',
    'lineitem name',
    'lineitem price',
    'accepts marketing',
    'refunded amount',
  ],
  minMatches: 3,
  headers: [
    notSummed(
      ['subtotal', 'lineitem price', 'lineitem compare at price', 'discount amount'],
      'revenue',
      'lookalike',
    ),
    notSummed(['lineitem quantity'], 'orders', 'lookalike'),
  ],
  orders: { id: ['name'], total: ['total'], refunds: ['refunded amount'] },
  profile: 'ecommerce',
};
