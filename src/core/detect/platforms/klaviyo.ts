import { measure, notSummed, type Platform } from './types';

/** Klaviyo campaign exports: "Unique Placed Order", "Successful Deliveries", "Spam Complaints". */
export const KLAVIYO: Platform = {
  id: 'klaviyo',
  name: 'Klaviyo',
  signature: [
    'unique placed order',
    'placed order rate',
    'spam complaints',
    'spam complaints rate',
    'campaign channel',
    'successful deliveries',
    'total recipients',
    'send weekday',
  ],
  minMatches: 3,
  required: ['unique placed order'],
  headers: [
    notSummed(['bounces', 'soft bounces', 'hard bounces'], 'bounces', 'lookalike'),
    { headers: ['unique placed order'], role: measure('orders') },
    // Unique clicks and opens are the email measures; the totals count repeat clicks and opens.
    notSummed(['total clicks'], 'email_clicks', 'lookalike'),
    notSummed(['total opens'], 'opens', 'lookalike'),
  ],
  profile: 'email',
};
