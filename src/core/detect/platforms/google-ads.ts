import { measure, notSummed, type Platform } from './types';

/** Google Ads reports (campaign, ad group, keyword): "Impr.", "Interactions", "Conv." headers. */
export const GOOGLE_ADS: Platform = {
  id: 'google-ads',
  name: 'Google Ads',
  signature: [
    'impr',
    'interactions',
    'interaction rate',
    'avg cpc',
    'avg cost',
    'cost conv',
    'conv rate',
    'campaign type',
    'currency code',
    'search impr share',
    'all conv',
    'conv platform comparable',
    'match type',
    'keyword status',
  ],
  minMatches: 3,
  required: ['cost'],
  headers: [
    // Interactions are clicks, views or engagements depending on the ad format: not engagements.
    notSummed(['interactions'], 'engagements', 'lookalike'),
    { headers: ['conversions'], role: measure('conversions') },
  ],
  prefer: { conversions: ['conversions', 'conv platform comparable', 'all conv'] },
  profile: 'search',
};
