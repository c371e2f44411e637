import { measure, notSummed, type Platform } from './types';

/**
 * Google Analytics 4 exports: a "# ----" preamble, then "Sessions", "Engaged sessions",
 * "Active users", "Key events". Users are counted once per row (a person on several pages or
 * days is several rows), so they are never summed; sessions are.
 */
export const GA4: Platform = {
  id: 'ga4',
  name: 'Google Analytics 4',
  signature: [
    'engaged sessions',
    'active users',
    'total users',
    'key events',
    'event count',
    'views per active user',
    'average engagement time per active user',
    'average engagement time',
    'session default channel group',
    'session source medium',
    'first user source medium',
    'page path and screen class',
    'engagement rate',
    'new users',
  ],
  minMatches: 2,
  headers: [
    notSummed(
      ['active users', 'total users', 'users', 'new users', 'returning users'],
      'visitors',
      'not-additive',
    ),
    notSummed(
      [
        'average engagement time per active user',
        'average engagement time',
        'average engagement time per session',
      ],
      'total_duration',
      'lookalike',
    ),
    { headers: ['key events', 'conversions'], role: measure('conversions') },
    { headers: ['views'], role: measure('pageviews') },
    notSummed(['event count'], 'engagements', 'lookalike'),
    notSummed(['engaged sessions'], 'sessions', 'lookalike'),
  ],
  prefer: { revenue: ['total revenue', 'purchase revenue', 'revenue'] },
  profile: 'website',
};
