/** Every platform Mizan recognises, one module each (see ./types.ts). */
import { GA4 } from './ga4';
import { GOOGLE_ADS } from './google-ads';
import { GOOGLE_BUSINESS_PROFILE } from './google-business-profile';
import { HUBSPOT } from './hubspot';
import { KLAVIYO } from './klaviyo';
import { LINKEDIN_ADS } from './linkedin-ads';
import { MAILCHIMP } from './mailchimp';
import { META_ADS } from './meta-ads';
import { MICROSOFT_ADS } from './microsoft-ads';
import { SEARCH_CONSOLE } from './search-console';
import { SHOPIFY } from './shopify';
import { SNAPCHAT_ADS } from './snapchat-ads';
import { TIKTOK_ADS } from './tiktok-ads';
import type { Platform } from './types';
import { WOOCOMMERCE } from './woocommerce';
import { X_ADS } from './x-ads';

export type { HeaderRule, NotSummedWhy, OrderExport, Platform } from './types';

export const PLATFORMS: readonly Platform[] = [
  GOOGLE_ADS,
  MICROSOFT_ADS,
  META_ADS,
  LINKEDIN_ADS,
  TIKTOK_ADS,
  SNAPCHAT_ADS,
  X_ADS,
  GA4,
  SEARCH_CONSOLE,
  GOOGLE_BUSINESS_PROFILE,
  MAILCHIMP,
  KLAVIYO,
  HUBSPOT,
  SHOPIFY,
  WOOCOMMERCE,
];
