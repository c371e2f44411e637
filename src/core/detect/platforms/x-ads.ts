import { measure, type Platform } from './types';

/** X (Twitter) Ads: "Billed charge", "Link clicks", "Engagements". */
export const X_ADS: Platform = {
  id: 'x-ads',
  name: 'X Ads',
  signature: [
    'billed charge',
    'billed engagements',
    'tweet id',
    'post id',
    'promoted tweet',
    'url clicks',
    'app clicks',
    'funding source name',
    'retweets',
    'reposts',
    'follows',
    'replies',
  ],
  minMatches: 2,
  headers: [
    { headers: ['billed charge', 'billed charge local micro'], role: measure('cost') },
    { headers: ['url clicks', 'link clicks'], role: measure('clicks') },
  ],
  profile: 'social',
};
