import { measure, type Platform } from './types';

/** LinkedIn Campaign Manager: "Total Spent", "Campaign Group Name", "Total Engagements". */
export const LINKEDIN_ADS: Platform = {
  id: 'linkedin-ads',
  name: 'LinkedIn Campaign Manager',
  signature: [
    'total spent',
    'campaign group name',
    'average ctr',
    'total engagements',
    'start date in utc',
    'leads',
    'lead form opens',
    'campaign id',
  ],
  minMatches: 3,
  headers: [{ headers: ['total engagements'], role: measure('engagements') }],
  profile: 'social-leads',
};
