/**
 * The words of the report's Attribution section (src/core/report/attribution-block.ts) and of the
 * path export's problems (src/core/attribution/report-section.ts), in English, Arabic and Persian.
 * Kept apart from REPORT_LABELS so the custom-function bundle, which imports neither, stays small.
 */
import type { AttributionModel } from '../attribution/models';
import { fill, L } from './benchmark-labels';
import type { Lang, Localized } from './lang';

/** Each model's column title. */
export const MODEL_NAMES: Readonly<Record<AttributionModel, Localized>> = {
  first_touch: L('First touch', 'اللمسة الأولى', 'اولین تماس'),
  last_touch: L('Last touch', 'اللمسة الأخيرة', 'آخرین تماس'),
  linear: L('Linear', 'خطي', 'خطی'),
  position_based: L('Position-based (40/20/40)', 'حسب الموضع (٤٠/٢٠/٤٠)', 'مبتنی بر موقعیت (۴۰/۲۰/۴۰)'),
  time_decay: L('Time decay', 'التناقص الزمني', 'کاهش زمانی'),
  markov: L('Markov (data-driven)', 'ماركوف (قائم على البيانات)', 'مارکوف (داده‌محور)'),
  shapley: L('Shapley (data-driven)', 'شابلي (قائم على البيانات)', 'شپلی (داده‌محور)'),
};

/** What each model assumes, one line each, for the section's notes. */
export const MODEL_ASSUMPTIONS: Readonly<Record<AttributionModel, Localized>> = {
  first_touch: L(
    'All credit to the channel that opened the journey: it assumes the introduction is what counts.',
    'كل الفضل للقناة التي بدأت الرحلة: يفترض أن التعريف الأول هو ما يهم.',
    'همهٔ اعتبار به کانالی که سفر را آغاز کرد: فرض می‌کند آشنایی نخست مهم‌ترین است.',
  ),
  last_touch: L(
    'All credit to the last channel before the conversion: it assumes the closing touch is what counts, and ignores every assist.',
    'كل الفضل لآخر قناة قبل التحويل: يفترض أن اللمسة الختامية هي ما يهم، ويتجاهل كل مساعدة.',
    'همهٔ اعتبار به آخرین کانال پیش از تبدیل: فرض می‌کند تماس پایانی مهم‌ترین است و هر کمکی را نادیده می‌گیرد.',
  ),
  linear: L(
    'Equal credit to every touch of a path: it assumes each step helped as much as any other.',
    'فضل متساوٍ لكل لمسة في المسار: يفترض أن كل خطوة ساعدت بالقدر نفسه.',
    'اعتبار برابر برای هر تماسِ مسیر: فرض می‌کند هر گام به یک اندازه کمک کرده است.',
  ),
  position_based: L(
    '40% to the first touch, 40% to the last, 20% shared by the touches between: it assumes opening and closing matter most.',
    '٤٠٪ للمسة الأولى و٤٠٪ للأخيرة و٢٠٪ تتقاسمها اللمسات بينهما: يفترض أن البداية والختام أهم ما في الرحلة.',
    '۴۰٪ برای اولین تماس، ۴۰٪ برای آخرین و ۲۰٪ میان تماس‌های میانی: فرض می‌کند آغاز و پایان مهم‌ترین‌اند.',
  ),
  time_decay: L(
    'A touch’s credit halves with every touch after it: it assumes touches nearer the conversion matter more.',
    'ينخفض فضل اللمسة إلى النصف مع كل لمسة بعدها: يفترض أن اللمسات الأقرب إلى التحويل أهم.',
    'اعتبار هر تماس با هر تماسِ پس از آن نصف می‌شود: فرض می‌کند تماس‌های نزدیک‌تر به تبدیل مهم‌ترند.',
  ),
  markov: L(
    'From the paths as a chain of steps: a channel’s credit is how much the chance of converting falls when it is removed (its removal effect), computed exactly; it uses the journeys that did not convert when the data has them.',
    'من المسارات كسلسلة خطوات: فضل القناة هو مقدار انخفاض فرصة التحويل عند حذفها (أثر الحذف)، محسوبًا بدقة؛ ويستعمل الرحلات التي لم تتحول إن وُجدت في البيانات.',
    'از مسیرها به‌صورت زنجیره‌ای از گام‌ها: اعتبار هر کانال به اندازهٔ افت احتمال تبدیل با حذف آن است (اثر حذف)، به‌طور دقیق؛ سفرهای بدون تبدیل را اگر در داده باشند به کار می‌گیرد.',
  ),
  shapley: L(
    'A channel’s credit is the conversions it adds on average over every order in which the channels could join (the exact Shapley value; a set of channels earns the conversions of the paths made only of them).',
    'فضل القناة هو متوسط التحويلات التي تضيفها عبر كل ترتيب ممكن لانضمام القنوات (قيمة شابلي الدقيقة؛ مجموعة القنوات تكسب تحويلات المسارات المكوّنة منها فقط).',
    'اعتبار هر کانال میانگین تبدیل‌هایی است که در هر ترتیب ممکنِ پیوستن کانال‌ها می‌افزاید (مقدار دقیق شپلی؛ هر مجموعه از کانال‌ها تبدیل‌های مسیرهایی را می‌برد که فقط از آن‌ها ساخته شده‌اند).',
  ),
};

export const ATTRIBUTION_LABELS = {
  section: L('Attribution: {sheet}', 'الإسناد: {sheet}', 'انتساب: {sheet}'),
  summary: L(
    '{paths} paths, {conv} conversions, columns {cols}',
    '{paths} مسارًا، {conv} تحويلًا، الأعمدة {cols}',
    '{paths} مسیر، {conv} تبدیل، ستون‌های {cols}',
  ),
  channel: L('Channel', 'القناة', 'کانال'),
  conversions: L('Conversions', 'التحويلات', 'تبدیل‌ها'),
  value: L('Value', 'القيمة', 'ارزش'),
  total: L('Total', 'الإجمالي', 'جمع کل'),
  vsLast: L(
    '{model} − last touch (conversions)',
    '{model} − اللمسة الأخيرة (التحويلات)',
    '{model} − آخرین تماس (تبدیل‌ها)',
  ),
  vsLastNote: L(
    'Conversions the data-driven model credits to the channel beyond (+) or below (−) last touch: a channel with + is undervalued by a last-touch report.',
    'التحويلات التي ينسبها النموذج القائم على البيانات للقناة فوق (+) أو دون (−) اللمسة الأخيرة: القناة ذات + يبخسها تقرير اللمسة الأخيرة حقها.',
    'تبدیل‌هایی که مدل داده‌محور بیش (+) یا کم (−) از آخرین تماس به کانال می‌دهد: کانالِ + در گزارش آخرین تماس کم دیده می‌شود.',
  ),
  costSection: L(
    'Cost per attributed conversion and ROAS by model',
    'تكلفة التحويل المُسند والعائد على الإنفاق حسب النموذج',
    'هزینهٔ هر تبدیلِ منتسب و بازده هزینهٔ تبلیغات به تفکیک مدل',
  ),
  cost: L('Cost ({sheet})', 'التكلفة ({sheet})', 'هزینه ({sheet})'),
  cpa: L('CPA: {model}', 'تكلفة الاكتساب: {model}', 'CPA: {model}'),
  roas: L('ROAS: {model}', 'ROAS: {model}', 'ROAS: {model}'),
  costNote: L(
    'Cost is the sum of column {col} ("{header}") of {sheet} over the rows whose channel (column {chcol}) is the path’s channel, compared trimmed and ignoring case. CPA = cost ÷ the model’s conversions; ROAS = the model’s value ÷ cost; empty where the divisor is 0.',
    'التكلفة مجموع العمود {col} ("{header}") من {sheet} على الصفوف التي قناتها (العمود {chcol}) هي قناة المسار، بعد حذف المسافات وبلا تمييز لحالة الأحرف. تكلفة الاكتساب = التكلفة ÷ تحويلات النموذج؛ العائد = قيمة النموذج ÷ التكلفة؛ فارغة حيث المقسوم عليه ٠.',
    'هزینه جمعِ ستون {col} («{header}») از {sheet} روی ردیف‌هایی است که کانالشان (ستون {chcol}) همان کانالِ مسیر است، بی‌فاصله‌های کناری و بی‌توجه به حروف بزرگ و کوچک. CPA = هزینه ÷ تبدیل‌های مدل؛ ROAS = ارزش مدل ÷ هزینه؛ جایی که مقسوم‌علیه ۰ است خالی.',
  ),
  noCost: L(
    'No cost in {sheet} for {channels}: their CPA and ROAS are empty.',
    'لا تكلفة في {sheet} لـ {channels}: تكلفة الاكتساب والعائد لها فارغة.',
    'در {sheet} هزینه‌ای برای {channels} نیست: CPA و ROAS آن‌ها خالی است.',
  ),
  models: L('What each model assumes', 'ما يفترضه كل نموذج', 'فرض هر مدل'),
  model: L('Model', 'النموذج', 'مدل'),
  assumes: L('Assumes', 'يفترض', 'فرض'),
  noNonConversions: L(
    'The paths have no column of journeys that did not convert: the Markov model sees only converting journeys, so a channel’s removal effect is the chance that a journey passes through it.',
    'لا عمود في المسارات للرحلات التي لم تتحول: يرى نموذج ماركوف الرحلات المتحولة فقط، فأثر حذف القناة هو احتمال مرور الرحلة بها.',
    'مسیرها ستونی برای سفرهای بدون تبدیل ندارند: مدل مارکوف فقط سفرهای تبدیل‌شده را می‌بیند، پس اثر حذف هر کانال احتمالِ گذر سفر از آن است.',
  ),
  excelValues: L(
    'Excel has no ATTRIBUTION function: the credits here are values computed by Mizan. In Google Sheets the same cells are live =ATTRIBUTION(…) formulas over the paths.',
    'لا توجد دالة ATTRIBUTION في Excel: الأرقام هنا قيم حسبها ميزان. في Google Sheets تكون الخلايا نفسها صيغ =ATTRIBUTION(…) حيّة على المسارات.',
    'Excel تابع ATTRIBUTION ندارد: اعداد اینجا مقدارهایی‌اند که میزان حساب کرده. در Google Sheets همین خانه‌ها فرمول‌های زندهٔ =ATTRIBUTION(…) روی مسیرها هستند.',
  ),
  liveNote: L(
    'Live =ATTRIBUTION(…) formulas over {sheet} rows {first}–{last}: a channel that is new to the paths needs the report rebuilt (it would spill into the cells below).',
    'صيغ =ATTRIBUTION(…) حيّة على {sheet} الصفوف {first}–{last}: القناة الجديدة في المسارات تحتاج إلى إعادة بناء التقرير (ستمتد إلى الخلايا أسفلها).',
    'فرمول‌های زندهٔ =ATTRIBUTION(…) روی {sheet} ردیف‌های {first} تا {last}: کانالی که تازه به مسیرها بیاید نیازمند ساخت دوبارهٔ گزارش است (به خانه‌های زیرین سرریز می‌کند).',
  ),
  rowsLeftOut: L(
    'Rows {rows} of {sheet} are not paths (a total or a note) and were left out; the credits are values, since a formula over the whole range would read them.',
    'الصفوف {rows} من {sheet} ليست مسارات (إجمالي أو ملاحظة) فاستُبعدت؛ الأرقام قيم، لأن صيغة على النطاق كله ستقرؤها.',
    'ردیف‌های {rows} از {sheet} مسیر نیستند (جمع یا یادداشت) و کنار گذاشته شدند؛ اعداد مقدارند، چون فرمولی روی کل بازه آن‌ها را هم می‌خواند.',
  ),
  modelSkipped: L(
    '{model} is not in the table: {why}',
    '{model} ليس في الجدول: {why}',
    '{model} در جدول نیست: {why}',
  ),
  // Problems.
  noPathColumn: L(
    'The sheet {sheet} has no column of conversion paths ("Search > Social > Email").',
    'لا يحوي {sheet} عمودًا لمسارات التحويل ("بحث > تواصل > بريد").',
    '{sheet} ستونی از مسیرهای تبدیل («جستجو > شبکه‌های اجتماعی > ایمیل») ندارد.',
  ),
  noPathColumnHint: L(
    'Pick the tab of a path export (GA4 Advertising → Attribution → Conversion paths, exported as CSV): a column of paths and one of conversions.',
    'اختر تبويب تصدير المسارات (GA4: الإعلانات ← الإسناد ← مسارات التحويل، مصدّرًا كـ CSV): عمود للمسارات وآخر للتحويلات.',
    'زبانهٔ خروجی مسیرها را انتخاب کنید (GA4: تبلیغات ← انتساب ← مسیرهای تبدیل، با خروجی CSV): یک ستون مسیر و یکی تبدیل.',
  ),
  noConversions: L(
    'Column {col} ("{header}") of {sheet} holds paths, but no column holds their conversions.',
    'العمود {col} ("{header}") من {sheet} يحوي مسارات، لكن لا عمود يحوي تحويلاتها.',
    'ستون {col} («{header}») از {sheet} مسیر دارد، اما ستونی تبدیل‌هایشان را ندارد.',
  ),
  noConversionsHint: L(
    'Add the conversions of each path in a column headed "Conversions" (or "Key events").',
    'أضف تحويلات كل مسار في عمود عنوانه "التحويلات".',
    'تبدیل‌های هر مسیر را در ستونی با عنوان «تبدیل» بیاورید.',
  ),
  badPath: L(
    'Cell {cell} of {sheet} ("{text}") is not a path: every step between ">" needs a channel name, and a path runs from the first touch to the last (">", "›" or "→", never "<" or "←").',
    'الخلية {cell} من {sheet} ("{text}") ليست مسارًا: كل خطوة بين ">" تحتاج اسم قناة، والمسار يسير من اللمسة الأولى إلى الأخيرة (">" أو "›" أو "→"، لا "<" ولا "←").',
    'خانهٔ {cell} از {sheet} («{text}») مسیر نیست: هر گام میان ">" نام کانال می‌خواهد و مسیر از اولین تماس تا آخرین است (">"، "›" یا "→"، نه "<" یا "←").',
  ),
  badNumber: L(
    'Cell {cell} of {sheet} ("{text}", {what}) is not a count or amount of 0 or more.',
    'الخلية {cell} من {sheet} ("{text}"، {what}) ليست عددًا أو مبلغًا من ٠ فأكثر.',
    'خانهٔ {cell} از {sheet} («{text}»، {what}) عدد یا مبلغی از ۰ به بالا نیست.',
  ),
  blankNumber: L(
    'Cell {cell} of {sheet} ({what}) is blank, but its row has a path.',
    'الخلية {cell} من {sheet} ({what}) فارغة، لكن صفها فيه مسار.',
    'خانهٔ {cell} از {sheet} ({what}) خالی است، اما ردیفش مسیر دارد.',
  ),
  numbersNoPath: L(
    'Row {row} of {sheet} has numbers but no path in column {col}.',
    'الصف {row} من {sheet} فيه أرقام لكن لا مسار في العمود {col}.',
    'ردیف {row} از {sheet} عدد دارد اما در ستون {col} مسیری ندارد.',
  ),
  fixPathsHint: L(
    'Correct the cell in the path export (write 0 for a path without conversions), then build the report again.',
    'صحّح الخلية في تصدير المسارات (اكتب ٠ لمسار بلا تحويلات)، ثم ابنِ التقرير من جديد.',
    'خانه را در خروجی مسیرها درست کنید (برای مسیر بدون تبدیل ۰ بنویسید)، سپس گزارش را دوباره بسازید.',
  ),
  pathsTabProblem: L(
    'In the paths ({sheet}): {message}',
    'في المسارات ({sheet}): {message}',
    'در مسیرها ({sheet}): {message}',
  ),
} as const satisfies Record<string, Localized>;

export type AttributionLabelKey = keyof typeof ATTRIBUTION_LABELS;

export function attributionLabel(
  key: AttributionLabelKey,
  lang: Lang,
  vars: Readonly<Record<string, string | number>> = {},
): string {
  return fill(ATTRIBUTION_LABELS[key][lang], lang, vars);
}

export const modelName = (model: AttributionModel, lang: Lang): string => MODEL_NAMES[model][lang];
