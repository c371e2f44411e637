/**
 * Every text the report engine writes, in English, Arabic and Persian: labels of the report and
 * the messages and hints of input problems and data notes. `{name}` placeholders are filled by
 * {@link label}.
 */
import type { Lang, Localized } from './lang';

const L = (en: string, ar: string, fa: string): Localized => ({ en, ar, fa });

export const REPORT_LABELS = {
  title: L('KPI report – {source}', 'تقرير مؤشرات الأداء – {source}', 'گزارش شاخص‌ها – {source}'),
  sheetPrefix: L('KPI report', 'تقرير المؤشرات', 'گزارش شاخص‌ها'),
  total: L('Total', 'الإجمالي', 'جمع کل'),
  rowsCount: L('{n} rows', '{n} صفًا', '{n} ردیف'),
  currency: L('Currency: {c}', 'العملة: {c}', 'واحد پول: {c}'),
  benchmarks: L('Benchmarks: {p}', 'المعايير: {p}', 'معیارها: {p}'),
  template: L('Template: {t}', 'القالب: {t}', 'قالب: {t}'),
  totals: L('Totals', 'الإجماليات', 'جمع‌ها'),
  byGroup: L('By {dim}', 'حسب {dim}', 'به تفکیک {dim}'),
  byDay: L('By day', 'حسب اليوم', 'روزانه'),
  byWeek: L('By week', 'حسب الأسبوع', 'هفتگی'),
  byMonth: L('By month', 'حسب الشهر', 'ماهانه'),
  metric: L('Metric', 'المقياس', 'شاخص'),
  value: L('Value', 'القيمة', 'مقدار'),
  status: L('Status', 'الحالة', 'وضعیت'),
  threshold: L('Benchmark / target', 'المعيار / الهدف', 'معیار / هدف'),
  ofTarget: L('Of target', 'من الهدف', 'از هدف'),
  rows: L('Rows', 'الصفوف', 'ردیف‌ها'),
  period: L('Period', 'الفترة', 'دوره'),
  change: L('Change: {name}', 'التغير: {name}', 'تغییر: {name}'),
  notComputed: L('KPIs not computed', 'مؤشرات لم تُحسب', 'شاخص‌های محاسبه‌نشده'),
  kpi: L('KPI', 'المؤشر', 'شاخص'),
  why: L('Why', 'السبب', 'دلیل'),
  legend: L('Where the colours come from', 'مصدر الألوان', 'منبع رنگ‌ها'),
  source: L('Source', 'المصدر', 'منبع'),
  notes: L('Notes on the data', 'ملاحظات على البيانات', 'یادداشت‌های داده'),
  mapping: L('Columns read', 'الأعمدة المقروءة', 'ستون‌های خوانده‌شده'),
  column: L('Column', 'العمود', 'ستون'),
  header: L('Header', 'العنوان', 'عنوان'),
  readAs: L('Read as', 'قُرئ كـ', 'خوانده‌شده به‌عنوان'),
  confidence: L('Confidence', 'الثقة', 'اطمینان'),
  good: L('good', 'جيد', 'خوب'),
  fair: L('fair', 'مقبول', 'متوسط'),
  poor: L('poor', 'ضعيف', 'ضعیف'),
  target: L('target {op} {v}', 'الهدف {op} {v}', 'هدف {op} {v}'),
  targetSource: L('your target', 'هدفك', 'هدف شما'),
  dimCampaign: L('campaign', 'الحملة', 'کمپین'),
  dimChannel: L('channel', 'القناة', 'کانال'),
  dimDate: L('date', 'التاريخ', 'تاریخ'),
  dimText: L('text (can group by)', 'نص (يمكن التجميع به)', 'متن (قابل گروه‌بندی)'),
  precomputed: L(
    '{kpi} computed by the platform (not summed)',
    '{kpi} محسوب من المنصة (لا يُجمع)',
    '{kpi} محاسبه‌شده توسط پلتفرم (جمع زده نمی‌شود)',
  ),
  ignored: L('not used', 'غير مستخدم', 'استفاده نشده'),
  or: L(' or ', ' أو ', ' یا '),
  and: L(', ', '، ', '، '),
  kpiNeeds: L(
    '{kpi} needs these columns: {needs}.',
    'يحتاج {kpi} إلى الأعمدة: {needs}.',
    '{kpi} به این ستون‌ها نیاز دارد: {needs}.',
  ),
  kpiOnlyRate: L(
    ' The sheet has the rate itself ({col}), which cannot be totalled.',
    ' في الورقة المعدل نفسه ({col})، ولا يمكن جمعه.',
    ' برگه خودِ نرخ را دارد ({col}) که جمع‌پذیر نیست.',
  ),
  kpiNote: L('{kpi} = {formula}', '{kpi} = {formula}', '{kpi} = {formula}'),
  // Problems: message, then hint.
  emptyMsg: L('The sheet is empty.', 'الورقة فارغة.', 'برگه خالی است.'),
  emptyHint: L(
    'Paste a campaign export (with its header row) into the sheet, then build the report again.',
    'الصق تصدير الحملة (مع صف العناوين) في الورقة، ثم أنشئ التقرير مجددًا.',
    'خروجی کمپین را (با ردیف عنوان‌ها) در برگه بچسبانید و دوباره گزارش بسازید.',
  ),
  noHeaderMsg: L(
    'No header row was found: no row names a column such as Cost, Clicks or Impressions.',
    'لم يُعثر على صف العناوين: لا يسمّي أي صف عمودًا مثل التكلفة أو النقرات أو مرات الظهور.',
    'ردیف عنوان پیدا نشد: هیچ ردیفی ستونی مانند هزینه، کلیک یا نمایش را نام نمی‌برد.',
  ),
  noHeaderHint: L(
    'Add a header row above the data, or choose the header row in the sidebar.',
    'أضف صف عناوين فوق البيانات، أو اختر صف العناوين من الشريط الجانبي.',
    'یک ردیف عنوان بالای داده‌ها اضافه کنید یا ردیف عنوان را در نوار کناری انتخاب کنید.',
  ),
  headerOnlyMsg: L(
    'Row {row} is a header, but no data rows follow it.',
    'الصف {row} صف عناوين، لكن لا تليه صفوف بيانات.',
    'ردیف {row} عنوان است، اما هیچ ردیف داده‌ای پس از آن نیست.',
  ),
  headerOnlyHint: L(
    'Paste the data rows under the header, then build the report again.',
    'الصق صفوف البيانات تحت العناوين، ثم أنشئ التقرير مجددًا.',
    'ردیف‌های داده را زیر عنوان‌ها بچسبانید و دوباره گزارش بسازید.',
  ),
  noMeasureMsg: L(
    'No column holds a measure that can be summed (cost, impressions, clicks, conversions, revenue…).',
    'لا يحتوي أي عمود على مقياس يمكن جمعه (التكلفة، مرات الظهور، النقرات، التحويلات، الإيرادات…).',
    'هیچ ستونی سنجه‌ای جمع‌پذیر ندارد (هزینه، نمایش، کلیک، تبدیل، درآمد…).',
  ),
  noMeasureHint: L(
    'Rename a header to a known name (e.g. "Clicks"), or tell Mizan what each column holds in the sidebar.',
    'غيّر اسم العنوان إلى اسم معروف (مثل "النقرات")، أو حدّد محتوى كل عمود من الشريط الجانبي.',
    'نام عنوان را به نامی شناخته‌شده (مثلاً «کلیک») تغییر دهید یا در نوار کناری مشخص کنید هر ستون چیست.',
  ),
  duplicateMsg: L(
    'Columns {cols} are both read as {role}.',
    'العمودان {cols} يُقرآن كلاهما كـ {role}.',
    'ستون‌های {cols} هر دو به‌عنوان {role} خوانده شدند.',
  ),
  duplicateHint: L(
    'Keep one: rename the other header, or choose in the sidebar which column is {role}.',
    'أبقِ واحدًا: غيّر اسم العنوان الآخر، أو اختر من الشريط الجانبي أي عمود هو {role}.',
    'یکی را نگه دارید: عنوان دیگری را تغییر دهید یا در نوار کناری انتخاب کنید کدام ستون {role} است.',
  ),
  mostlyTextMsg: L(
    'Column {col} ("{header}") should hold numbers ({role}), but {n} of its {m} filled cells are text (rows {rows}).',
    'العمود {col} ("{header}") يجب أن يحوي أرقامًا ({role})، لكن {n} من {m} خلية فيه نصوص (الصفوف {rows}).',
    'ستون {col} («{header}») باید عدد ({role}) داشته باشد، اما {n} از {m} خانهٔ پر آن متن است (ردیف‌های {rows}).',
  ),
  mostlyTextHint: L(
    'Check that this column is really {role}; if not, set it to "not used" in the sidebar, or fix the cells.',
    'تحقق من أن هذا العمود هو فعلًا {role}؛ وإلا فاجعله "غير مستخدم" من الشريط الجانبي أو صحّح الخلايا.',
    'بررسی کنید این ستون واقعاً {role} است؛ اگر نه، در نوار کناری «استفاده نشده» کنید یا خانه‌ها را اصلاح کنید.',
  ),
  zeroDenMsg: L(
    '{kpi} has no value: {den} is zero in every row (column {col}, "{header}").',
    'لا قيمة لـ {kpi}: {den} صفر في كل الصفوف (العمود {col}، "{header}").',
    '{kpi} مقداری ندارد: {den} در همهٔ ردیف‌ها صفر است (ستون {col}، «{header}»).',
  ),
  zeroDenHint: L(
    'Check that column {col} is the right one and that its numbers were pasted.',
    'تحقق من أن العمود {col} هو الصحيح وأن أرقامه لُصقت.',
    'بررسی کنید ستون {col} درست است و اعدادش چسبانده شده‌اند.',
  ),
  allZeroMsg: L(
    'No KPI can be computed: every denominator is zero.',
    'لا يمكن حساب أي مؤشر: كل المقامات صفر.',
    'هیچ شاخصی محاسبه‌پذیر نیست: همهٔ مخرج‌ها صفرند.',
  ),
  badOptionMsg: L(
    'Unknown option value: {what}.',
    'قيمة خيار غير معروفة: {what}.',
    'مقدار گزینهٔ ناشناخته: {what}.',
  ),
  badOptionHint: L('Choose a value from the list.', 'اختر قيمة من القائمة.', 'مقداری از فهرست انتخاب کنید.'),
  groupByMeasureMsg: L(
    'Cannot group by column {col} ("{header}"): it holds numbers (a measure: {role}).',
    'لا يمكن التجميع حسب العمود {col} ("{header}"): فيه أرقام (مقياس: {role}).',
    'گروه‌بندی بر اساس ستون {col} («{header}») ممکن نیست: عدد دارد (سنجهٔ {role}).',
  ),
  groupByMissingMsg: L(
    'Cannot group by column {col}: the sheet has no such column (the last one is {last}).',
    'لا يمكن التجميع حسب العمود {col}: لا يوجد عمود كهذا في الورقة (آخر عمود {last}).',
    'گروه‌بندی بر اساس ستون {col} ممکن نیست: برگه چنین ستونی ندارد (آخرین ستون {last} است).',
  ),
  groupByHint: L(
    'Group by a text column: {cols}.',
    'جمّع حسب عمود نصي: {cols}.',
    'بر اساس یک ستون متنی گروه‌بندی کنید: {cols}.',
  ),
  allZeroHint: L(
    'Check that columns {cols} are the right ones and that their numbers were pasted: they divide {kpis}.',
    'تحقق من أن الأعمدة {cols} هي الصحيحة وأن أرقامها لُصقت: هي مقامات {kpis}.',
    'بررسی کنید ستون‌های {cols} درست‌اند و اعدادشان چسبانده شده‌اند: مخرج {kpis} هستند.',
  ),
  fairRuleSource: L(
    "fair band: Mizan's rule (within {pct}%)",
    'النطاق المقبول: قاعدة ميزان (ضمن {pct}٪)',
    'بازهٔ متوسط: قاعدهٔ میزان (تا {pct}٪)',
  ),
  // Data notes.
  notNumbers: L(
    'Column {col} ("{header}"): {n} cells are not numbers and are left out of its sums (rows {rows}).',
    'العمود {col} ("{header}"): {n} خلايا ليست أرقامًا ولم تُحسب في مجموعه (الصفوف {rows}).',
    'ستون {col} («{header}»): {n} خانه عدد نیستند و در جمع آن حساب نشدند (ردیف‌های {rows}).',
  ),
  textNumbers: L(
    'Column {col} ("{header}") holds numbers written as text, which sheet formulas cannot add: the cells computed from it hold values, not formulas.',
    'العمود {col} ("{header}") يحوي أرقامًا مكتوبة كنص لا تجمعها صيغ الورقة: الخلايا المحسوبة منه قيم وليست صيغًا.',
    'ستون {col} («{header}») اعدادی دارد که به‌صورت متن نوشته شده‌اند و فرمول‌های برگه آن‌ها را جمع نمی‌زنند: خانه‌های وابسته به آن مقدارند، نه فرمول.',
  ),
  textDates: L(
    'Column {col} ("{header}") holds dates written as text: the period table holds values, not formulas.',
    'العمود {col} ("{header}") يحوي تواريخ مكتوبة كنص: جدول الفترات قيم وليس صيغًا.',
    'ستون {col} («{header}») تاریخ‌هایی به‌صورت متن دارد: جدول دوره‌ها مقدار است، نه فرمول.',
  ),
  tooManyFormulas: L(
    'The table has {n} rows over a large sheet: its cells hold values, not formulas, to keep the sheet fast.',
    'الجدول فيه {n} صفًا على ورقة كبيرة: خلاياه قيم وليست صيغًا حتى تبقى الورقة سريعة.',
    'جدول {n} ردیف روی برگه‌ای بزرگ دارد: خانه‌هایش مقدارند، نه فرمول، تا برگه کند نشود.',
  ),
  groupValues: L(
    'Some names in column {col} ("{header}") are written differently in different rows or start with = < >: their rows hold values, not formulas.',
    'بعض الأسماء في العمود {col} ("{header}") مكتوبة بأشكال مختلفة أو تبدأ بـ = < >: صفوفها قيم وليست صيغًا.',
    'برخی نام‌ها در ستون {col} («{header}») در ردیف‌ها متفاوت نوشته شده‌اند یا با = < > شروع می‌شوند: ردیف‌هایشان مقدار است، نه فرمول.',
  ),
  excludedTotal: L(
    'Total rows left out (not counted twice): rows {rows}.',
    'صفوف الإجمالي المستبعدة (لا تُحسب مرتين): الصفوف {rows}.',
    'ردیف‌های جمع کنار گذاشته شدند (دوبار شمرده نمی‌شوند): ردیف‌های {rows}.',
  ),
  excludedHeader: L(
    'Repeated header rows left out: rows {rows}.',
    'صفوف العناوين المكررة المستبعدة: الصفوف {rows}.',
    'ردیف‌های عنوانِ تکراری کنار گذاشته شدند: ردیف‌های {rows}.',
  ),
  excludedNote: L(
    'Rows without numbers left out (notes, labels): rows {rows}.',
    'صفوف بلا أرقام مستبعدة (ملاحظات، تسميات): الصفوف {rows}.',
    'ردیف‌های بدون عدد کنار گذاشته شدند (یادداشت، برچسب): ردیف‌های {rows}.',
  ),
  rateColumn: L(
    'Column {col} ("{header}") is a rate the platform computed; it is not summed or averaged: the report recomputes rates from the counts.',
    'العمود {col} ("{header}") معدل حسبته المنصة؛ لا يُجمع ولا يُحسب متوسطه: يعيد التقرير حساب المعدلات من الأعداد.',
    'ستون {col} («{header}») نرخی است که پلتفرم حساب کرده؛ جمع یا میانگین گرفته نمی‌شود: گزارش نرخ‌ها را از شمارش‌ها دوباره حساب می‌کند.',
  ),
  dayOrderAssumed: L(
    'Column {col} ("{header}"): every date could be read either way; read as {order}.',
    'العمود {col} ("{header}"): يمكن قراءة كل التواريخ بالطريقتين؛ قُرئت كـ {order}.',
    'ستون {col} («{header}»): همهٔ تاریخ‌ها به هر دو شکل خواندنی بودند؛ به‌صورت {order} خوانده شدند.',
  ),
  badDates: L(
    'Column {col} ("{header}"): {n} cells are not dates; those rows are in the totals but in no period (rows {rows}).',
    'العمود {col} ("{header}"): {n} خلايا ليست تواريخ؛ صفوفها في الإجماليات لكن في أي فترة (الصفوف {rows}).',
    'ستون {col} («{header}»): {n} خانه تاریخ نیستند؛ ردیف‌هایشان در جمع‌ها هستند اما در هیچ دوره‌ای نه (ردیف‌های {rows}).',
  ),
  reachSum: L(
    'Reach is the sum of the rows’ reach: people reached on several rows are counted more than once.',
    'الوصول هو مجموع وصول الصفوف: من وُصل إليهم في عدة صفوف يُحسبون أكثر من مرة.',
    'دسترسی جمعِ دسترسی ردیف‌هاست: افرادی که در چند ردیف آمده‌اند بیش از یک بار شمرده می‌شوند.',
  ),
  denominatorUsed: L(
    'There is no {preferred} column: {formula}.',
    'لا يوجد عمود {preferred}: {formula}.',
    'ستون {preferred} وجود ندارد: {formula}.',
  ),
} as const satisfies Record<string, Localized>;

export type LabelKey = keyof typeof REPORT_LABELS;

/** A label in `lang` with its `{name}` placeholders filled. */
export function label(
  key: LabelKey,
  lang: Lang,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  const text: string = REPORT_LABELS[key][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    // Counts and row numbers take the language's digits; names from the sheet stay as written.
    return typeof v === 'number' || name === 'rows' || name === 'row' ? localDigits(String(v), lang) : v;
  });
}

/** Western digits in Persian or Arabic-Indic form for fa and ar text. */
export function localDigits(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const zero = lang === 'fa' ? 0x06f0 : 0x0660;
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(zero + d.charCodeAt(0) - 48));
}
