import { notSummed, type Platform } from './types';

/** WooCommerce order exports, one row per item: the order total repeats on every item row. */
export const WOOCOMMERCE: Platform = {
  id: 'woocommerce',
  name: 'WooCommerce',
  signature: [
    'order id',
    'order number',
    'order total',
    'order currency',
    'item name',
    'item quantity',
    'item subtotal',
    'item total',
    'payment method',
    'shipping total',
    // WooCommerce Analytics → Orders export: one row per order.
    'items sold',
    'net sales',
    'customer type',
    'coupon',
  ],
  minMatches: 3,
  headers: [
    notSummed(
      ['item subtotal', 'item total', 'shipping total', 'tax total', 'discount total'],
      'revenue',
      'lookalike',
    ),
    notSummed(['item quantity'], 'orders', 'lookalike'),
  ],
  orders: {
    id: ['order id', 'order number', 'order'],
    total: ['order total', 'net sales'],
    refunds: ['refund total', 'refunded total'],
  },
  profile: 'ecommerce',
};
