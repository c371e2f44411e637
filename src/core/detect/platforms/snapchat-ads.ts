import { measure, type Platform } from './types';

/** Snapchat Ads Manager: "Swipe Ups", "Paid Impressions", "Purchases Value". */
export const SNAPCHAT_ADS: Platform = {
  id: 'snapchat-ads',
  name: 'Snapchat Ads Manager',
  signature: ['swipe ups', 'paid impressions', 'swipe up rate', 'ecpsu', 'story opens', 'ad squad name'],
  minMatches: 2,
  headers: [
    { headers: ['swipe ups'], role: measure('clicks') },
    { headers: ['paid impressions'], role: measure('impressions') },
    { headers: ['purchases'], role: measure('conversions') },
    { headers: ['purchases value'], role: measure('revenue') },
  ],
  // Paid impressions are what the spend bought; total impressions add earned (shared) views.
  prefer: { impressions: ['paid impressions', 'total impressions'] },
  profile: 'social',
};
