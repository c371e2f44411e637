/**
 * What is wrong with a template, in words a marketer reads: English, Arabic and Persian. The
 * English texts are the validator's original ones. A problem's `path` stays a JSON path (for
 * tools and tests); `describePath` turns it into "Target 2 › value" for people.
 */
import type { Lang } from '../i18n/lang';
import { localDigits } from '../i18n/report-labels';

type Texts = Readonly<Record<Lang, string>>;

const MESSAGES = {
  missing: { en: 'is missing', ar: 'غير موجود', fa: 'وجود ندارد' },
  missingOneOf: {
    en: 'is missing; expected one of {allowed}',
    ar: 'غير موجود؛ القيم الممكنة: {allowed}',
    fa: 'وجود ندارد؛ مقدارهای ممکن: {allowed}',
  },
  unknownField: {
    en: 'unknown field; expected one of {keys}',
    ar: 'حقل غير معروف؛ الحقول الممكنة: {keys}',
    fa: 'فیلد ناشناخته؛ فیلدهای ممکن: {keys}',
  },
  notText: { en: 'must be text, not {v}', ar: 'يجب أن يكون نصًا، لا {v}', fa: 'باید متن باشد، نه {v}' },
  empty: { en: 'must not be empty', ar: 'يجب ألا يكون فارغًا', fa: 'نباید خالی باشد' },
  tooLong: {
    en: 'is {n} characters; at most {max}',
    ar: 'طوله {n} حرفًا؛ الحد الأقصى {max}',
    fa: '{n} نویسه است؛ حداکثر {max}',
  },
  hostile: {
    en: 'contains control or text-direction override characters',
    ar: 'يحتوي على محارف تحكم أو محارف تفرض اتجاه النص',
    fa: 'نویسه‌های کنترلی یا نویسه‌های تغییر جهت متن دارد',
  },
  notOneOf: {
    en: 'is {v}; expected one of {allowed}',
    ar: 'القيمة {v}؛ القيم الممكنة: {allowed}',
    fa: 'مقدار {v} است؛ مقدارهای ممکن: {allowed}',
  },
  notKpi: {
    en: '{v} is not a KPI id Mizan knows (e.g. "ctr", "conversion_rate")',
    ar: '{v} ليس معرّف مؤشر يعرفه ميزان (مثل "ctr" أو "conversion_rate")',
    fa: '{v} شناسه شاخصی نیست که میزان بشناسد (مانند "ctr" یا "conversion_rate")',
  },
  notList: { en: 'must be a list, not {v}', ar: 'يجب أن يكون قائمة، لا {v}', fa: 'باید فهرست باشد، نه {v}' },
  tooMany: {
    en: 'has {n} entries; at most {max}',
    ar: 'فيه {n} عنصرًا؛ الحد الأقصى {max}',
    fa: '{n} مورد دارد؛ حداکثر {max}',
  },
  notNumber: {
    en: 'must be a finite number, not {v}',
    ar: 'يجب أن يكون رقمًا محددًا، لا {v}',
    fa: 'باید یک عدد معین باشد، نه {v}',
  },
  ratePercent: {
    en: '{v} is more than 100%; write rates as fractions ({f} for {v}%)',
    ar: '{v} أكثر من 100%؛ اكتب النسب ككسور ({f} بدلًا من {v}%)',
    fa: '{v} بیش از 100% است؛ نرخ‌ها را کسری بنویسید ({f} به جای {v}%)',
  },
  outside: {
    en: '{v} is outside what {kpi} can be ({lo} to {hi})',
    ar: '{v} خارج القيم الممكنة لـ {kpi} (من {lo} إلى {hi})',
    fa: '{v} بیرون از مقدارهای ممکن {kpi} است (از {lo} تا {hi})',
  },
  any: { en: 'any', ar: 'أي قيمة', fa: 'هر مقدار' },
  targetShape: {
    en: 'must be an object like {"kpi": "conversion_rate", "op": ">=", "value": 0.05}',
    ar: 'يجب أن يكون بالشكل {"kpi": "conversion_rate", "op": ">=", "value": 0.05}',
    fa: 'باید به این شکل باشد: {"kpi": "conversion_rate", "op": ">=", "value": 0.05}',
  },
  noTarget: {
    en: '{kpi} has no better direction, so it takes no target',
    ar: 'ليس لـ {kpi} اتجاه أفضل، لذا لا يأخذ هدفًا',
    fa: '{kpi} جهت بهتری ندارد، پس هدف نمی‌گیرد',
  },
  targetHigher: {
    en: '{kpi} is better higher, so its target is ">="',
    ar: 'الأعلى أفضل في {kpi}، لذا يكون هدفه ">="',
    fa: 'در {kpi} بیشتر بهتر است، پس هدفش ">=" است',
  },
  targetLower: {
    en: '{kpi} is better lower, so its target is "<="',
    ar: 'الأقل أفضل في {kpi}، لذا يكون هدفه "<="',
    fa: 'در {kpi} کمتر بهتر است، پس هدفش "<=" است',
  },
  dueDate: {
    en: 'is {v}; give the due date as YYYY-MM-DD',
    ar: 'القيمة {v}؛ اكتب تاريخ الاستحقاق بالشكل YYYY-MM-DD',
    fa: 'مقدار {v} است؛ تاریخ سررسید را به شکل YYYY-MM-DD بنویسید',
  },
  thresholdShape: {
    en: 'must be an object like {"kpi": "ctr", "thresholds": {…}}',
    ar: 'يجب أن يكون بالشكل {"kpi": "ctr", "thresholds": {…}}',
    fa: 'باید به این شکل باشد: {"kpi": "ctr", "thresholds": {…}}',
  },
  thresholdsShape: {
    en: 'must be an object with direction and good / fair',
    ar: 'يجب أن يحتوي على direction و good / fair',
    fa: 'باید direction و good / fair داشته باشد',
  },
  noThresholds: {
    en: '{kpi} has no better direction, so it takes no thresholds',
    ar: 'ليس لـ {kpi} اتجاه أفضل، لذا لا يأخذ حدودًا',
    fa: '{kpi} جهت بهتری ندارد، پس آستانه نمی‌گیرد',
  },
  wrongDirection: {
    en: 'is {v}; {kpi} is "{dir}"',
    ar: 'القيمة {v}؛ اتجاه {kpi} هو "{dir}"',
    fa: 'مقدار {v} است؛ جهت {kpi} "{dir}" است',
  },
  bandOrder: {
    en: 'must satisfy fairMin ≤ goodMin ≤ goodMax ≤ fairMax',
    ar: 'يجب أن يكون fairMin ≤ goodMin ≤ goodMax ≤ fairMax',
    fa: 'باید fairMin ≤ goodMin ≤ goodMax ≤ fairMax باشد',
  },
  goodAtLeast: {
    en: 'good must be at least fair for {kpi}',
    ar: 'يجب أن تكون قيمة good على الأقل fair في {kpi}',
    fa: 'در {kpi} مقدار good باید دست‌کم برابر fair باشد',
  },
  goodAtMost: {
    en: 'good must be at most fair for {kpi}',
    ar: 'يجب أن تكون قيمة good على الأكثر fair في {kpi}',
    fa: 'در {kpi} مقدار good باید حداکثر برابر fair باشد',
  },
  brandShape: {
    en: 'must be an object like {"primary": "#1A73E8"}',
    ar: 'يجب أن يكون بالشكل {"primary": "#1A73E8"}',
    fa: 'باید به این شکل باشد: {"primary": "#1A73E8"}',
  },
  colour: {
    en: 'is {v}; give a colour as #RRGGBB',
    ar: 'القيمة {v}؛ اكتب اللون بالشكل #RRGGBB',
    fa: 'مقدار {v} است؛ رنگ را به شکل #RRGGBB بنویسید',
  },
  twice: { en: '"{kpi}" is listed twice', ar: '"{kpi}" مذكور مرتين', fa: '"{kpi}" دو بار آمده است' },
  notObject: {
    en: 'a template is a JSON object { … }',
    ar: 'القالب كائن JSON بالشكل { … }',
    fa: 'قالب یک شیء JSON به شکل { … } است',
  },
  schemaVersion: {
    en: 'is {v}; this reads schema {n} (migrate first)',
    ar: 'القيمة {v}؛ هذا الإصدار يقرأ المخطط {n} (حدّث القالب أولًا)',
    fa: 'مقدار {v} است؛ این نسخه طرح {n} را می‌خواند (ابتدا قالب را به‌روز کنید)',
  },
  id: {
    en: 'is {v}; use 1–48 lower-case letters, digits or "-", starting with a letter or digit',
    ar: 'القيمة {v}؛ استخدم من 1 إلى 48 حرفًا لاتينيًا صغيرًا أو رقمًا أو "-"، يبدأ بحرف أو رقم',
    fa: 'مقدار {v} است؛ ۱ تا ۴۸ حرف کوچک لاتین، رقم یا "-" به کار ببرید که با حرف یا رقم شروع شود',
  },
  namesShape: {
    en: 'must be an object like {"ar": "…", "fa": "…"}',
    ar: 'يجب أن يكون بالشكل {"ar": "…", "fa": "…"}',
    fa: 'باید به این شکل باشد: {"ar": "…", "fa": "…"}',
  },
  profile: {
    en: '{v} is not a benchmark profile; use null or a profile id',
    ar: '{v} ليس ملف معايير مرجعية؛ استخدم null أو معرّف ملف',
    fa: '{v} نمایه معیار نیست؛ null یا شناسه یک نمایه را بنویسید',
  },
  margin: {
    en: 'is {v}; a margin is a fraction above 0 and at most 1 (0.6 for 60%)',
    ar: 'القيمة {v}؛ الهامش كسر أكبر من 0 وأقصاه 1 (0.6 لـ 60%)',
    fa: 'مقدار {v} است؛ حاشیه سود کسری بزرگ‌تر از 0 و حداکثر 1 است (0.6 برای 60%)',
  },
  // io.ts: reading the text
  pasteText: { en: 'paste the template as text', ar: 'الصق القالب كنص', fa: 'قالب را به صورت متن بچسبانید' },
  emptyText: {
    en: 'the text is empty; paste an exported template',
    ar: 'النص فارغ؛ الصق قالبًا مُصدَّرًا',
    fa: 'متن خالی است؛ قالبی را که خروجی گرفته‌اید بچسبانید',
  },
  textTooLong: {
    en: 'the text is {n} characters; a template is at most {max}',
    ar: 'طول النص {n} حرفًا؛ القالب لا يتجاوز {max}',
    fa: 'متن {n} نویسه است؛ قالب حداکثر {max} نویسه است',
  },
  badJson: {
    en: 'not valid JSON ({where}); paste the exported text unchanged',
    ar: 'ليس JSON صالحًا ({where})؛ الصق النص المُصدَّر كما هو دون تغيير',
    fa: 'JSON معتبر نیست ({where})؛ متن خروجی را بدون تغییر بچسبانید',
  },
  nearLine: {
    en: 'near line {line}, column {column}',
    ar: 'قرب السطر {line}، العمود {column}',
    fa: 'نزدیک سطر {line}، ستون {column}',
  },
  cutShort: {
    en: 'the text ends too early; it may be cut short',
    ar: 'ينتهي النص مبكرًا؛ ربما نُسخ ناقصًا',
    fa: 'متن زود تمام می‌شود؛ شاید ناقص کپی شده باشد',
  },
  punctuation: {
    en: 'check the quotes, commas and brackets',
    ar: 'تحقق من علامات التنصيص والفواصل والأقواس',
    fa: 'گیومه‌ها، ویرگول‌ها و کروشه‌ها را بررسی کنید',
  },
  // migrate.ts: the schema version
  noVersion: {
    en: 'is missing or not a whole number: is this a Mizan template?',
    ar: 'غير موجود أو ليس عددًا صحيحًا: هل هذا قالب من ميزان؟',
    fa: 'وجود ندارد یا عدد صحیح نیست: آیا این قالب میزان است؟',
  },
  newerVersion: {
    en: 'is {v}: the template was made by a newer version of Mizan, and this one reads schema {n} and older; update Mizan to import it',
    ar: 'القيمة {v}: صُنع القالب بإصدار أحدث من ميزان، وهذا الإصدار يقرأ المخطط {n} وما قبله؛ حدّث ميزان لاستيراده',
    fa: 'مقدار {v} است: قالب با نسخه جدیدتری از میزان ساخته شده و این نسخه طرح {n} و قدیمی‌تر را می‌خواند؛ برای وارد کردن، میزان را به‌روز کنید',
  },
  noSuchVersion: {
    en: 'is {v}; no such version',
    ar: 'القيمة {v}؛ لا يوجد إصدار كهذا',
    fa: 'مقدار {v} است؛ چنین نسخه‌ای نیست',
  },
  noMigration: {
    en: 'no migration from version {v}',
    ar: 'لا يمكن التحديث من الإصدار {v}',
    fa: 'به‌روزرسانی از نسخه {v} ممکن نیست',
  },
  // src/server/template-store.ts: saving, renaming, deleting in the spreadsheet
  storeTooBig: {
    en: 'the template is {n} characters of JSON; at most {max}',
    ar: 'حجم القالب {n} حرفًا؛ الحد الأقصى {max}. احذف بعض المؤشرات أو الأهداف ثم احفظ',
    fa: 'قالب {n} نویسه است؛ حداکثر {max}. چند شاخص یا هدف را حذف کنید و دوباره ذخیره کنید',
  },
  storeBuiltinReplace: {
    en: '"{id}" is a built-in template; save your version under another name',
    ar: '"{id}" قالب مدمج في ميزان لا يمكن تغييره؛ احفظ نسختك باسم آخر',
    fa: '"{id}" قالب آماده میزان است و تغییر نمی‌کند؛ نسخه خود را با نام دیگری ذخیره کنید',
  },
  storeBuiltinDelete: {
    en: '"{id}" is a built-in template; it cannot be deleted',
    ar: '"{id}" قالب مدمج في ميزان؛ لا يمكن حذفه',
    fa: '"{id}" قالب آماده میزان است؛ حذف نمی‌شود',
  },
  storeBuiltinEdit: {
    en: '"{id}" is a built-in template; duplicate it to change it',
    ar: '"{id}" قالب مدمج في ميزان؛ انسخه لتعديله',
    fa: '"{id}" قالب آماده میزان است؛ برای تغییر، از آن کپی بگیرید',
  },
  storeFull: {
    en: 'this spreadsheet already has {n} saved templates; delete one first',
    ar: 'في هذا الجدول {n} قالبًا محفوظًا، وهو الحد الأقصى؛ احذف واحدًا أولًا',
    fa: 'این صفحه‌گسترده {n} قالب ذخیره‌شده دارد که بیشترین تعداد است؛ اول یکی را حذف کنید',
  },
  storeNoTemplate: {
    en: 'there is no template "{id}"',
    ar: 'لا يوجد قالب "{id}"؛ ربما حذفه شخص آخر. أعد فتح القائمة',
    fa: 'قالب "{id}" وجود ندارد؛ شاید کس دیگری آن را حذف کرده باشد. فهرست را دوباره باز کنید',
  },
  storeNoSaved: {
    en: 'there is no saved template "{id}"',
    ar: 'لا يوجد قالب محفوظ "{id}"؛ ربما حذفه شخص آخر. أعد فتح القائمة',
    fa: 'قالب ذخیره‌شده "{id}" وجود ندارد؛ شاید کس دیگری آن را حذف کرده باشد. فهرست را دوباره باز کنید',
  },
  storeBusy: {
    en: 'another Mizan action is running in this spreadsheet; try again in a moment',
    ar: 'يعمل إجراء آخر من ميزان في هذا الجدول الآن؛ أعد المحاولة بعد لحظات',
    fa: 'کار دیگری از میزان در همین صفحه‌گسترده در جریان است؛ کمی بعد دوباره امتحان کنید',
  },
  storeWriteFailed: {
    en: 'the templates could not be saved; nothing was changed',
    ar: 'تعذّر حفظ القوالب؛ لم يتغير شيء',
    fa: 'قالب‌ها ذخیره نشدند؛ چیزی تغییر نکرد',
  },
} as const satisfies Record<string, Texts>;

export type MessageKey = keyof typeof MESSAGES;

/** 40,012 in English; ۴۰٬۰۱۲ in Persian, ٤٠٬٠١٢ in Arabic (their own separators, not ","). */
function number(n: number, lang: Lang): string {
  const en = n.toLocaleString('en', { maximumFractionDigits: 12 });
  return lang === 'en' ? en : localDigits(en.replace(/,/g, '\u066C').replace(/\./g, '\u066B'), lang);
}

/**
 * A message in a language, with its {placeholders} filled. Numbers are written in the
 * language's digits; strings (a user's own values, KPI names) go in as they are.
 */
export function templateMessage(
  lang: Lang,
  key: MessageKey,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, k: string) => {
    const v = vars[k];
    if (v === undefined) return whole; // literal braces in examples such as {"kpi": …}
    return typeof v === 'number' ? number(v, lang) : v;
  });
}

/** Field names as people read them; keys not here (a typo) are shown in quotes. */
const FIELD_LABELS: Readonly<Record<string, Texts>> = {
  schemaVersion: { en: 'Schema version', ar: 'إصدار المخطط', fa: 'نسخه طرح' },
  id: { en: 'Id', ar: 'المعرّف', fa: 'شناسه' },
  name: { en: 'Name', ar: 'الاسم', fa: 'نام' },
  names: { en: 'Names', ar: 'الأسماء', fa: 'نام‌ها' },
  en: { en: 'English', ar: 'الإنجليزية', fa: 'انگلیسی' },
  ar: { en: 'Arabic', ar: 'العربية', fa: 'عربی' },
  fa: { en: 'Persian', ar: 'الفارسية', fa: 'فارسی' },
  description: { en: 'Description', ar: 'الوصف', fa: 'توضیح' },
  kpis: { en: 'KPIs', ar: 'المؤشرات', fa: 'شاخص‌ها' },
  groupBy: { en: 'Group by', ar: 'التجميع حسب', fa: 'گروه‌بندی بر اساس' },
  header: { en: 'column', ar: 'العمود', fa: 'ستون' },
  period: { en: 'Period', ar: 'الفترة', fa: 'دوره' },
  profile: { en: 'Benchmark profile', ar: 'ملف المعايير المرجعية', fa: 'نمایه معیار' },
  targets: { en: 'Targets', ar: 'الأهداف', fa: 'هدف‌ها' },
  thresholds: { en: 'Thresholds', ar: 'الحدود', fa: 'آستانه‌ها' },
  kpi: { en: 'KPI', ar: 'المؤشر', fa: 'شاخص' },
  op: { en: 'comparison', ar: 'المقارنة', fa: 'مقایسه' },
  value: { en: 'value', ar: 'القيمة', fa: 'مقدار' },
  by: { en: 'due date', ar: 'تاريخ الاستحقاق', fa: 'تاریخ سررسید' },
  direction: { en: 'direction', ar: 'الاتجاه', fa: 'جهت' },
  lang: { en: 'Language', ar: 'اللغة', fa: 'زبان' },
  formulas: { en: 'Formulas', ar: 'الصيغ', fa: 'فرمول‌ها' },
  grossMargin: { en: 'Gross margin', ar: 'هامش الربح الإجمالي', fa: 'حاشیه سود ناخالص' },
  brand: { en: 'Brand colours', ar: 'ألوان العلامة التجارية', fa: 'رنگ‌های برند' },
  primary: { en: 'main colour', ar: 'اللون الأساسي', fa: 'رنگ اصلی' },
  accent: { en: 'accent colour', ar: 'لون التمييز', fa: 'رنگ تأکید' },
};

/** One entry of a list: "KPI 2", "Target 1" (counted from 1, in the language's digits). */
const ITEM_LABELS: Readonly<Record<string, Texts>> = {
  kpis: { en: 'KPI {n}', ar: 'المؤشر {n}', fa: 'شاخص {n}' },
  targets: { en: 'Target {n}', ar: 'الهدف {n}', fa: 'هدف {n}' },
  thresholds: { en: 'Thresholds {n}', ar: 'الحدود {n}', fa: 'آستانه {n}' },
};

/**
 * Where a problem is, for people: "targets[1].value" → "Target 2 › value"; "" (the whole
 * template) → "". Names such as "good" or "fairMin" stay as written: they are the words in the JSON.
 */
export function describePath(path: string, lang: Lang): string {
  if (path === '') return '';
  return path
    .split('.')
    .map((part) => {
      const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(part);
      const key = m?.[1] ?? part;
      const index = m?.[2];
      if (index !== undefined) {
        const item = ITEM_LABELS[key]?.[lang] ?? `"${key}" {n}`;
        return item.replace('{n}', localDigits(String(Number(index) + 1), lang));
      }
      return FIELD_LABELS[key]?.[lang] ?? `"${key}"`;
    })
    .join(' › ');
}
