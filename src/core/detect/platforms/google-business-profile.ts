import { notSummed, type Platform } from './types';

/**
 * Google Business Profile performance reports: profile views per surface and interactions with
 * the profile (calls, directions, website clicks). None of them is an ad or sales measure, so
 * nothing is summed as one: views count people once per surface, website clicks are not ad
 * clicks, "Messages" are conversations started, "Food orders" are not the shop's orders.
 */
export const GOOGLE_BUSINESS_PROFILE: Platform = {
  id: 'google-business-profile',
  name: 'Google Business Profile',
  signature: [
    'store code',
    'business name',
    'google search mobile',
    'google search desktop',
    'google maps mobile',
    'google maps desktop',
    'calls',
    'directions',
    'website clicks',
    'food orders',
    'food menu clicks',
    'hotel bookings',
  ],
  minMatches: 4,
  headers: [
    notSummed(
      ['google search mobile', 'google search desktop', 'google maps mobile', 'google maps desktop'],
      'impressions',
      'not-additive',
    ),
    notSummed(['website clicks', 'food menu clicks'], 'clicks', 'lookalike'),
    notSummed(['messages'], 'messages_sent', 'lookalike'),
    notSummed(['food orders', 'bookings', 'hotel bookings'], 'orders', 'lookalike'),
    notSummed(['calls', 'directions'], 'engagements', 'lookalike'),
  ],
};
