import { measure, type Platform } from './types';

/** TikTok Ads Manager: "Clicks (destination)", "CTR (destination)", "Primary status". */
export const TIKTOK_ADS: Platform = {
  id: 'tiktok-ads',
  name: 'TikTok Ads Manager',
  signature: [
    'clicks destination',
    'ctr destination',
    'cpc destination',
    'primary status',
    'cost per conversion',
    'clicks all',
  ],
  minMatches: 3,
  required: ['clicks destination'],
  headers: [{ headers: ['clicks destination'], role: measure('clicks') }],
  prefer: { clicks: ['clicks destination', 'clicks all'] },
  profile: 'social',
};
