import { measure, notSummed, type Platform } from './types';

/**
 * Meta Ads Manager (Facebook, Instagram): "Amount spent (USD)", "Link clicks", "Results" with a
 * "Result indicator"; also the Marketing API's insights columns and the public Kaggle ads set.
 */
export const META_ADS: Platform = {
  id: 'meta-ads',
  name: 'Meta Ads Manager',
  signature: [
    'reporting starts',
    'reporting ends',
    'amount spent',
    'link clicks',
    'result indicator',
    'result type',
    'cost per results',
    'campaign delivery',
    'ad set name',
    'ad set delivery',
    'clicks all',
    'facebook account id',
    'fb campaign id',
    'xyz campaign id',
    'approved conversion',
    'purchases conversion value',
  ],
  minMatches: 2,
  headers: [
    notSummed(['frequency'], 'reach', 'not-additive'),
    { headers: ['approved conversion'], role: measure('conversions') },
    { headers: ['total conversion'], role: measure('leads') },
    { headers: ['purchases', 'website purchases'], role: measure('conversions') },
    {
      headers: ['purchases conversion value', 'website purchases conversion value'],
      role: measure('revenue'),
    },
    notSummed(['oned view purchases', 'oned click purchases'], 'conversions', 'lookalike'),
    { headers: ['leads form', 'leads'], role: measure('leads') },
  ],
  prefer: { clicks: ['link clicks', 'clicks all', 'outbound clicks', 'clicks'] },
  profile: 'social',
};
