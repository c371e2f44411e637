import type { Platform } from './types';

/** Google Search Console performance exports: Clicks, Impressions, CTR, Position per query/page/device. */
export const SEARCH_CONSOLE: Platform = {
  id: 'search-console',
  name: 'Google Search Console',
  signature: [
    'position',
    'top queries',
    'top pages',
    'queries',
    'pages',
    'device',
    'country',
    'search appearance',
  ],
  minMatches: 2,
  required: ['position'],
};
