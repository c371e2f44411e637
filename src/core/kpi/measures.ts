import type { Localized } from '../i18n/lang';

/**
 * The measures a campaign sheet can hold: the columns that are summed. KPI inputs name these,
 * the report engine maps source columns to them, and JSON output is keyed by these ids.
 */
export const MEASURE_IDS = [
  'cost',
  'impressions',
  'reach',
  'clicks',
  'sessions',
  'visitors',
  'bounces',
  'pageviews',
  'exits',
  'total_duration',
  'conversions',
  'leads',
  'orders',
  'revenue',
  'new_customers',
  'customers_start',
  'customers_end',
  'customers_lost',
  'emails_sent',
  'delivered',
  'opens',
  'email_clicks',
  'unsubscribes',
  'messages_sent',
  'responses',
  'engagements',
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];

/** count: whole things; money: in the column's currency; duration: seconds. */
export type MeasureKind = 'count' | 'money' | 'duration';

export interface MeasureDef {
  readonly id: MeasureId;
  readonly kind: MeasureKind;
  readonly names: Localized;
}

const m = (id: MeasureId, kind: MeasureKind, en: string, ar: string, fa: string): MeasureDef => ({
  id,
  kind,
  names: { en, ar, fa },
});

export const MEASURES: Readonly<Record<MeasureId, MeasureDef>> = {
  cost: m('cost', 'money', 'Cost', 'التكلفة', 'هزینه'),
  impressions: m('impressions', 'count', 'Impressions', 'مرات الظهور', 'نمایش'),
  reach: m('reach', 'count', 'Reach', 'الوصول', 'دسترسی'),
  clicks: m('clicks', 'count', 'Clicks', 'النقرات', 'کلیک'),
  sessions: m('sessions', 'count', 'Sessions', 'الجلسات', 'نشست'),
  visitors: m('visitors', 'count', 'Visitors', 'الزوار', 'بازدیدکننده'),
  bounces: m('bounces', 'count', 'Bounces', 'الارتدادات', 'پرش'),
  pageviews: m('pageviews', 'count', 'Page views', 'مشاهدات الصفحة', 'بازدید صفحه'),
  exits: m('exits', 'count', 'Exits', 'مرات الخروج', 'خروج'),
  total_duration: m(
    'total_duration',
    'duration',
    'Total session time',
    'إجمالي مدة الجلسات',
    'مجموع مدت نشست',
  ),
  conversions: m('conversions', 'count', 'Conversions', 'التحويلات', 'تبدیل'),
  leads: m('leads', 'count', 'Leads', 'العملاء المحتملون', 'سرنخ'),
  orders: m('orders', 'count', 'Orders', 'الطلبات', 'سفارش'),
  revenue: m('revenue', 'money', 'Revenue', 'الإيرادات', 'درآمد'),
  new_customers: m('new_customers', 'count', 'New customers', 'العملاء الجدد', 'مشتری جدید'),
  customers_start: m(
    'customers_start',
    'count',
    'Customers at start',
    'العملاء في البداية',
    'مشتریان ابتدای دوره',
  ),
  customers_end: m('customers_end', 'count', 'Customers at end', 'العملاء في النهاية', 'مشتریان انتهای دوره'),
  customers_lost: m('customers_lost', 'count', 'Customers lost', 'العملاء المفقودون', 'مشتریان از دست رفته'),
  emails_sent: m('emails_sent', 'count', 'Emails sent', 'الرسائل البريدية المرسلة', 'ایمیل ارسال‌شده'),
  delivered: m('delivered', 'count', 'Delivered', 'الرسائل المسلّمة', 'تحویل‌شده'),
  opens: m('opens', 'count', 'Unique opens', 'مرات الفتح', 'بازشدن'),
  email_clicks: m('email_clicks', 'count', 'Email clicks', 'نقرات البريد', 'کلیک ایمیل'),
  unsubscribes: m('unsubscribes', 'count', 'Unsubscribes', 'إلغاء الاشتراك', 'لغو اشتراک'),
  messages_sent: m('messages_sent', 'count', 'Messages sent', 'الرسائل المرسلة', 'پیام ارسال‌شده'),
  responses: m('responses', 'count', 'Responses', 'الردود', 'پاسخ'),
  engagements: m('engagements', 'count', 'Engagements', 'التفاعلات', 'تعامل'),
};
