/** The templates Mizan ships, one per common report. Data: KPI ids from the registry, profiles from profiles.ts. */
import type { Localized } from '../i18n/lang';
import { TEMPLATE_SCHEMA_VERSION, type Template, type TemplateGroupBy } from './schema';

function builtin(
  id: string,
  names: Localized,
  kpis: readonly string[],
  profile: string | null,
  groupBy: TemplateGroupBy,
): Template {
  const { en, ...others } = names;
  return {
    schemaVersion: TEMPLATE_SCHEMA_VERSION,
    id,
    name: en,
    names: { en, ...others },
    kpis,
    groupBy,
    period: 'auto',
    profile,
    targets: [],
    lang: 'sheet',
    formulas: 'live',
  };
}

export const BUILTIN_TEMPLATES: readonly Template[] = [
  builtin(
    'paid-search',
    { en: 'Paid search', ar: 'إعلانات البحث المدفوعة', fa: 'تبلیغات جستجوی پولی' },
    ['ctr', 'cpc', 'conversion_rate', 'cpa', 'cpl', 'roas', 'roi'],
    'search',
    'campaign',
  ),
  builtin(
    'paid-social',
    { en: 'Paid social', ar: 'إعلانات التواصل الاجتماعي المدفوعة', fa: 'تبلیغات پولی شبکه‌های اجتماعی' },
    ['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'cpl', 'roas', 'roi'],
    'social',
    'campaign',
  ),
  builtin(
    'email-newsletter',
    { en: 'Email newsletter', ar: 'النشرة البريدية', fa: 'خبرنامه ایمیلی' },
    ['open_rate', 'click_to_open_rate', 'unsubscribe_rate', 'conversion_rate', 'roi'],
    'email',
    'campaign',
  ),
  builtin(
    'ecommerce-sales',
    { en: 'E-commerce sales', ar: 'مبيعات المتجر الإلكتروني', fa: 'فروش فروشگاه اینترنتی' },
    ['conversion_rate', 'aov', 'cpa', 'cac', 'roas', 'roi'],
    'ecommerce',
    'channel',
  ),
  builtin(
    'messaging-campaign',
    { en: 'WhatsApp / messaging campaign', ar: 'حملة واتساب / المراسلة', fa: 'کمپین واتس‌اپ / پیام‌رسان' },
    ['response_rate', 'conversion_rate', 'cpa', 'roi'],
    'messaging',
    'campaign',
  ),
  builtin(
    'website-seo',
    { en: 'Website & SEO traffic', ar: 'زيارات الموقع وتحسين محركات البحث', fa: 'ترافیک وب‌سایت و سئو' },
    ['bounce_rate', 'exit_rate', 'avg_session_duration', 'conversion_rate', 'engagement_rate'],
    'website',
    'channel',
  ),
  // Across channels no single benchmark applies: no profile, so only targets colour.
  builtin(
    'full-funnel',
    { en: 'Full funnel', ar: 'القمع الكامل', fa: 'قیف کامل فروش' },
    ['ctr', 'cpc', 'cpm', 'conversion_rate', 'cpa', 'cac', 'aov', 'roas', 'roi'],
    null,
    'channel',
  ),
];

export function builtinTemplate(id: string): Template | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
