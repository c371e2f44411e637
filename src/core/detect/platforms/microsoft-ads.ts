import type { Platform } from './types';

/** Microsoft Advertising (Bing) reports: "Report Name:" title lines, "Spend" where Google says "Cost". */
export const MICROSOFT_ADS: Platform = {
  id: 'microsoft-ads',
  name: 'Microsoft Advertising',
  signature: [
    'accountname',
    'campaignname',
    'currencycode',
    'averagecpc',
    'adgroupname',
    'costperconversion',
    'impr',
    'avg cpc',
    'conv',
    'conv rate',
    'campaign status',
  ],
  minMatches: 2,
  required: ['spend'],
  profile: 'search',
};
