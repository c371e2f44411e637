/**
 * The benchmark profile a report is coloured by when the user chose none ("Automatic"): the
 * exporting platform's (a Google Ads export → search ads), else one the columns point to (email
 * opens → email, messages → messaging, orders → e-commerce, impressions + clicks + cost →
 * search). Said in the report's subtitle and notes, so a colour never comes from nowhere.
 */
import { profileById } from '../benchmarks/profiles';
import type { BenchmarkProfile } from '../benchmarks/types';
import type { Analysis } from '../detect/analyse';
import type { Lang } from '../i18n/lang';
import { label } from '../i18n/report-labels';
import { MEASURES, type MeasureId } from '../kpi/measures';

export interface ProfileChoice {
  readonly profile: BenchmarkProfile;
  /** Why, in the report's language: "a Google Ads export", "the columns Opens, Delivered". */
  readonly why: string;
}

/** Column signals, in order: the first whose measures are all present wins. */
const BY_COLUMNS: readonly { readonly profile: string; readonly needs: readonly MeasureId[] }[] = [
  { profile: 'email', needs: ['opens'] },
  { profile: 'messaging', needs: ['messages_sent'] },
  { profile: 'ecommerce', needs: ['orders'] },
  { profile: 'search', needs: ['impressions', 'clicks', 'cost'] },
];

export function chooseProfile(analysis: Analysis, lang: Lang): ProfileChoice | null {
  const platformProfile = analysis.platform?.profile ? profileById(analysis.platform.profile) : undefined;
  if (analysis.platform && platformProfile && platformProfile.benchmarks.length > 0) {
    return {
      profile: platformProfile,
      why: label('profileWhyPlatform', lang, { platform: analysis.platform.name }),
    };
  }
  const present = new Set(analysis.measures.map((m) => m.measure));
  for (const signal of BY_COLUMNS) {
    if (!signal.needs.every((m) => present.has(m))) continue;
    const profile = profileById(signal.profile);
    if (!profile || profile.benchmarks.length === 0) continue;
    const cols = signal.needs.map((m) => MEASURES[m].names[lang]).join(', ');
    return { profile, why: label('profileWhyColumns', lang, { cols }) };
  }
  return null;
}
