/**
 * Every text the report engine writes, in English, Arabic and Persian: labels of the report and
 * the messages and hints of input problems and data notes. `{name}` placeholders are filled by
 * {@link label}.
 */
import { BENCHMARK_LABELS, fill, L } from './benchmark-labels';
import type { Lang, Localized } from './lang';

export { localDigits } from './benchmark-labels';

export const REPORT_LABELS = {
  ...BENCHMARK_LABELS,
  title: L('KPI report – {source}', 'تقرير مؤشرات الأداء – {source}', 'گزارش شاخص‌ها – {source}'),
  /** Between parts of a line: the middle dot reads as a zero (٠ ۰) in Arabic and Persian. */
  separator: L(' · ', ' | ', ' | '),
  sheetPrefix: L('KPI report', 'تقرير المؤشرات', 'گزارش شاخص‌ها'),
  total: L('Total', 'الإجمالي', 'جمع کل'),
  // Arabic counts agree with the number (صف، صفان، صفوف، صفًا): a label before it fits every n.
  rowsCount: L('{n} rows', 'عدد الصفوف: {n}', '{n} ردیف'),
  rowsCountOne: L('{n} row', 'عدد الصفوف: {n}', '{n} ردیف'),
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
  // The definitions block: each KPI's formula and the columns of this file that fed it.
  definitions: L('How each KPI is computed', 'كيف يُحسب كل مؤشر', 'نحوهٔ محاسبهٔ هر شاخص'),
  formula: L('Formula', 'الصيغة', 'فرمول'),
  fedBy: L('Columns of this file used', 'أعمدة هذا الملف المستخدمة', 'ستون‌های این فایل که به کار رفت'),
  fedByColumn: L('{header} (column {col})', '{header} (العمود {col})', '{header} (ستون {col})'),
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
  noKpiMsg: L(
    'No KPI can be computed from the columns read: {cols}. A KPI divides one measure by another (clicks ÷ impressions, cost ÷ conversions, revenue ÷ cost).',
    'لا يمكن حساب أي مؤشر من الأعمدة المقروءة: {cols}. المؤشر يقسم مقياسًا على آخر (النقرات ÷ مرات الظهور، التكلفة ÷ التحويلات، الإيرادات ÷ التكلفة).',
    'از ستون‌های خوانده‌شده هیچ شاخصی محاسبه نمی‌شود: {cols}. هر شاخص یک سنجه را بر دیگری تقسیم می‌کند (کلیک ÷ نمایش، هزینه ÷ تبدیل، درآمد ÷ هزینه).',
  ),
  noKpiHint: L(
    'Check that the export has the columns a KPI needs; if a column was read as something else, correct it in the sidebar.',
    'تحقق من أن الملف يحوي الأعمدة التي يحتاجها المؤشر؛ وإن قُرئ عمود على غير حقيقته فصحّحه من الشريط الجانبي.',
    'بررسی کنید خروجی ستون‌هایی را که شاخص لازم دارد داشته باشد؛ اگر ستونی نادرست خوانده شد، در نوار کناری اصلاحش کنید.',
  ),
  noKpiHintCli: L(
    'Check that the export has the columns a KPI needs; if a column was read as something else, correct it with --map "<column>=<measure>".',
    'تحقق من أن الملف يحوي الأعمدة التي يحتاجها المؤشر؛ وإن قُرئ عمود على غير حقيقته فصحّحه بالخيار --map "<العمود>=<المقياس>".',
    'بررسی کنید خروجی ستون‌هایی را که شاخص لازم دارد داشته باشد؛ اگر ستونی نادرست خوانده شد، با --map "<ستون>=<سنجه>" اصلاحش کنید.',
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
  noHeaderHintCli: L(
    'Add a header row above the data, or give its row number with --header-row N.',
    'أضف صف عناوين فوق البيانات، أو حدّد رقم صفه بالخيار --header-row N.',
    'یک ردیف عنوان بالای داده‌ها اضافه کنید یا شماره ردیفش را با --header-row N بدهید.',
  ),
  noMeasureHintCli: L(
    'Rename a header to a known name (e.g. "Clicks"), or say what a column holds with --map "<header or letter>=<measure>" (e.g. --map "F=clicks").',
    'غيّر اسم العنوان إلى اسم معروف (مثل "النقرات")، أو حدّد محتوى العمود بالخيار --map "<العنوان أو الحرف>=<المقياس>" (مثل --map "F=clicks").',
    'نام عنوان را به نامی شناخته‌شده (مثلاً «کلیک») تغییر دهید یا محتوای ستون را با --map "<عنوان یا حرف>=<سنجه>" بگویید (مثلاً --map "F=clicks").',
  ),
  duplicateHintCli: L(
    'Keep one: rename the other header, or choose with --map, e.g. --map "{letter}=ignore".',
    'أبقِ واحدًا: غيّر اسم العنوان الآخر، أو اختر بالخيار --map، مثل --map "{letter}=ignore".',
    'یکی را نگه دارید: عنوان دیگری را تغییر دهید یا با --map انتخاب کنید، مثلاً --map "{letter}=ignore".',
  ),
  mostlyTextHintCli: L(
    'Check that this column is really {role}; if not, leave it out with --map "{letter}=ignore", or fix the cells.',
    'تحقق من أن هذا العمود هو فعلًا {role}؛ وإلا فاستبعده بالخيار --map "{letter}=ignore" أو صحّح الخلايا.',
    'بررسی کنید این ستون واقعاً {role} است؛ اگر نه، با --map "{letter}=ignore" کنارش بگذارید یا خانه‌ها را اصلاح کنید.',
  ),
  stackedMsg: L(
    'The file holds more than one table: the table under the header on row {header} ends at row {end}, and another begins after a "#" comment block at row {at}.',
    'يحوي الملف أكثر من جدول: الجدول تحت صف العناوين {header} ينتهي عند الصف {end}، ويبدأ جدول آخر بعد كتلة تعليق "#" عند الصف {at}.',
    'فایل بیش از یک جدول دارد: جدول زیر ردیف عنوان {header} در ردیف {end} تمام می‌شود و جدول دیگری پس از بلوک توضیح «#» در ردیف {at} شروع می‌شود.',
  ),
  stackedHint: L(
    'Keep one table per file (export each report on its own, or delete the other table), or choose the table with --header-row (the sidebar: the header row box). Mizan does not guess which one you meant.',
    'أبقِ جدولًا واحدًا في كل ملف (صدّر كل تقرير وحده أو احذف الجدول الآخر)، أو اختر الجدول بالخيار --header-row (في الشريط الجانبي: خانة صف العناوين). لا يخمّن ميزان أيهما تقصد.',
    'در هر فایل یک جدول نگه دارید (هر گزارش را جدا خروجی بگیرید یا جدول دیگر را پاک کنید)، یا جدول را با --header-row انتخاب کنید (در نوار کناری: کادر ردیف عنوان). میزان حدس نمی‌زند منظورتان کدام است.',
  ),
  headerRowPastEnd: L(
    'Row {row} is past the last row of the sheet ({last}).',
    'الصف {row} بعد آخر صف في الورقة ({last}).',
    'ردیف {row} بعد از آخرین ردیف برگه ({last}) است.',
  ),
  headerRowPastEndHint: L(
    'Choose the row that holds the headers, from 1 to {last}.',
    'اختر الصف الذي فيه العناوين، من 1 إلى {last}.',
    'ردیفی را که عنوان‌ها در آن است انتخاب کنید، از ۱ تا {last}.',
  ),
  headerRowPastEndHintCli: L(
    'Give the row that holds the headers with --header-row N, N from 1 to {last}.',
    'حدّد صف العناوين بالخيار --header-row N، حيث N من 1 إلى {last}.',
    'ردیف عنوان‌ها را با --header-row N بدهید، N از ۱ تا {last}.',
  ),
  raggedMsg: L(
    'Row {rows} has {n} fields where the header (row {header}) has {m}: its values would land under the wrong headers.',
    'الصف {rows} فيه {n} حقلًا بينما صف العناوين (الصف {header}) فيه {m}: ستقع قيمه تحت عناوين خاطئة.',
    'ردیف {rows} {n} فیلد دارد در حالی که ردیف عنوان (ردیف {header}) {m} فیلد دارد: مقدارهایش زیر عنوان‌های نادرست می‌افتند.',
  ),
  raggedHint: L(
    'Open the file in a text editor at that line: a delimiter inside an unquoted name, or a missing or extra field, is the usual cause. Mizan does not guess which value belongs where.',
    'افتح الملف في محرر نصوص عند ذلك السطر: السبب المعتاد فاصل داخل اسم غير محاط بعلامات اقتباس، أو حقل ناقص أو زائد. لا يخمّن ميزان أي قيمة تنتمي إلى أي عمود.',
    'فایل را در یک ویرایشگر متن در همان خط باز کنید: معمولاً جداکننده‌ای درون نامی بی‌گیومه، یا فیلدی کم یا زیاد علت است. میزان حدس نمی‌زند کدام مقدار مال کدام ستون است.',
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
  // Data notes.
  notNumbers: L(
    'Column {col} ("{header}"): {n} cells are not numbers and are left out of its sums (rows {rows}).',
    'العمود {col} ("{header}"): {n} خلايا ليست أرقامًا ولم تُحسب في مجموعه (الصفوف {rows}).',
    'ستون {col} («{header}»): {n} خانه عدد نیستند و در جمع آن حساب نشدند (ردیف‌های {rows}).',
  ),
  errorCells: L(
    'Column {col} ("{header}") holds error values ({errors}) in rows {rows}: a sheet formula over it would show the error, so the cells computed from it hold values, not formulas. Fix those cells and build the report again for live formulas.',
    'العمود {col} ("{header}") يحوي قيم خطأ ({errors}) في الصفوف {rows}: أي صيغة في الورقة عليه ستُظهر الخطأ، لذا الخلايا المحسوبة منه قيم وليست صيغًا. صحّح هذه الخلايا وأنشئ التقرير مجددًا لتحصل على صيغ حية.',
    'ستون {col} («{header}») در ردیف‌های {rows} مقدار خطا ({errors}) دارد: هر فرمول برگه روی آن همان خطا را نشان می‌دهد، پس خانه‌های وابسته به آن مقدارند، نه فرمول. این خانه‌ها را درست کنید و گزارش را دوباره بسازید تا فرمول‌ها زنده شوند.',
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
  excludedTotalOne: L(
    'Total row left out (not counted twice): row {rows}.',
    'صف الإجمالي المستبعد (لا يُحسب مرتين): الصف {rows}.',
    'ردیف جمع کنار گذاشته شد (دوبار شمرده نمی‌شود): ردیف {rows}.',
  ),
  excludedSummaryOne: L(
    'Summary row left out: row {rows} equals the sum of all the other rows, so it is the platform’s own total, whatever its label.',
    'صف ملخص مستبعد: الصف {rows} يساوي مجموع كل الصفوف الأخرى، فهو إجمالي المنصة نفسها أيًّا كانت تسميته.',
    'ردیف خلاصه کنار گذاشته شد: ردیف {rows} برابر جمع همه ردیف‌های دیگر است، پس جمعِ خود پلتفرم است، با هر برچسبی.',
  ),
  excludedSectionOne: L(
    'The table ends at row {first}: row {rows} comes after a "#" comment block (another table of the export) and is left out.',
    'ينتهي الجدول عند الصف {first}: الصف {rows} يأتي بعد كتلة تعليق "#" (جدول آخر في الملف) وهو مستبعد.',
    'جدول در ردیف {first} تمام می‌شود: ردیف {rows} پس از یک بلوک توضیح «#» (جدول دیگری از خروجی) آمده و کنار گذاشته شد.',
  ),
  excludedSummary: L(
    'Summary rows left out: row {rows} equals the sum of all the other rows, so it is the platform’s own total, whatever its label.',
    'صفوف ملخص مستبعدة: الصف {rows} يساوي مجموع كل الصفوف الأخرى، فهو إجمالي المنصة نفسها أيًّا كانت تسميته.',
    'ردیف‌های خلاصه کنار گذاشته شدند: ردیف {rows} برابر جمع همه ردیف‌های دیگر است، پس جمعِ خود پلتفرم است، با هر برچسبی.',
  ),
  excludedSection: L(
    'The table ends at row {first}: rows {rows} come after a "#" comment block (another table of the export) and are left out.',
    'ينتهي الجدول عند الصف {first}: الصفوف {rows} تأتي بعد كتلة تعليق "#" (جدول آخر في الملف) وهي مستبعدة.',
    'جدول در ردیف {first} تمام می‌شود: ردیف‌های {rows} پس از یک بلوک توضیح «#» (جدول دیگری از خروجی) آمده‌اند و کنار گذاشته شدند.',
  ),
  decimalRead: L(
    'Numbers written as text were read with "{mark}" as the decimal mark ({example}), {basis}.',
    'قُرئت الأرقام المكتوبة نصًّا بعلامة عشرية "{mark}" ({example})، {basis}.',
    'عددهای نوشته‌شده به‌صورت متن با «{mark}» به‌عنوان ممیز خوانده شدند ({example})، {basis}.',
  ),
  decimalBasisForced: L('as asked (--decimal)', 'كما طُلب (--decimal)', 'همان‌طور که خواسته شد (--decimal)'),
  decimalBasisValues: L(
    'judged from values that can only be read one way',
    'استنادًا إلى قيم لا تُقرأ إلا بطريقة واحدة',
    'بر پایه مقدارهایی که فقط یک‌جور خوانده می‌شوند',
  ),
  decimalBasisCounts: L(
    'judged from count columns, whose values would otherwise be fractions',
    'استنادًا إلى أعمدة الأعداد، التي كانت قيمها ستصبح كسورًا لولا ذلك',
    'بر پایه ستون‌های شمارشی، که وگرنه مقدارهایشان کسری می‌شد',
  ),
  decimalBasisDelimiter: L(
    'a guess from the ";" delimiter (nothing in the values settles it): if that is wrong, run again with --decimal .',
    'تخمينًا من الفاصل ";" (لا شيء في القيم يحسم ذلك): إن كان خطأً فأعد التشغيل مع --decimal .',
    'حدسی از جداکننده «;» (هیچ مقداری آن را قطعی نمی‌کند): اگر نادرست است، با --decimal . دوباره اجرا کنید',
  ),
  decimalBasisDefault: L(
    'a guess (nothing in the values settles it): if that is wrong, run again with --decimal ,',
    'تخمينًا (لا شيء في القيم يحسم ذلك): إن كان خطأً فأعد التشغيل مع --decimal ,',
    'حدسی (هیچ مقداری آن را قطعی نمی‌کند): اگر نادرست است، با --decimal , دوباره اجرا کنید',
  ),
  chosenColumn: L(
    'Column {col} ("{header}") is read as {role}; {others} also fit and are shown but not summed. To use another, choose it in the sidebar or run with --map "{otherLetter}={measure}".',
    'العمود {col} ("{header}") يُقرأ كـ {role}؛ {others} تناسب أيضًا وتُعرض دون جمع. لاستخدام غيره اختره من الشريط الجانبي أو شغّل مع --map "{otherLetter}={measure}".',
    'ستون {col} («{header}») به‌عنوان {role} خوانده شد؛ {others} هم می‌خورند و نشان داده می‌شوند ولی جمع نمی‌شوند. برای انتخاب دیگری، در نوار کناری انتخاب کنید یا با --map "{otherLetter}={measure}" اجرا کنید.',
  ),
  lookalike: L(
    'Column {col} ("{header}") looks like {role} but is not: it is not summed.',
    'العمود {col} ("{header}") يشبه {role} لكنه ليس كذلك: لا يُجمع.',
    'ستون {col} («{header}») شبیه {role} است ولی نیست: جمع نمی‌شود.',
  ),
  notAdditive: L(
    'Column {col} ("{header}") counts people once per row, so a sum would count a person on several rows several times: it is not summed. To sum it anyway, run with --map "{col}={measure}" (or choose it in the sidebar).',
    'العمود {col} ("{header}") يعدّ الأشخاص مرة في كل صف، فالجمع يعدّ الشخص نفسه في عدة صفوف عدة مرات: لا يُجمع. لجمعه رغم ذلك شغّل مع --map "{col}={measure}" (أو اختره من الشريط الجانبي).',
    'ستون {col} («{header}») افراد را در هر ردیف یک بار می‌شمارد، پس جمعش یک نفر را در چند ردیف چند بار می‌شمارد: جمع نمی‌شود. برای جمع کردنش با این حال، با --map "{col}={measure}" اجرا کنید (یا در نوار کناری انتخاب کنید).',
  ),
  resultsMixed: L(
    'Column {col} ("{header}") counts different results on different rows ({types}): their sum means nothing, so it is not summed.',
    'العمود {col} ("{header}") يعدّ نتائج مختلفة في صفوف مختلفة ({types}): مجموعها بلا معنى، فلا يُجمع.',
    'ستون {col} («{header}») در ردیف‌های مختلف نتیجه‌های متفاوتی می‌شمارد ({types}): جمعشان معنایی ندارد، پس جمع نمی‌شود.',
  ),
  resultsRead: L(
    'Column {col} ("{header}") is read as {role}: every row’s result type is {types}.',
    'العمود {col} ("{header}") يُقرأ كـ {role}: نوع النتيجة في كل صف هو {types}.',
    'ستون {col} («{header}») به‌عنوان {role} خوانده شد: نوع نتیجه در همه ردیف‌ها {types} است.',
  ),
  ordersRead: L(
    'One row per line item: orders are the {n} distinct order ids of column {idCol} ("{idHeader}"), and revenue counts each order’s {totalHeader} (column {totalCol}) once.',
    'صف لكل بند في الطلب: الطلبات هي {n} معرّفًا مختلفًا في العمود {idCol} ("{idHeader}")، والإيراد يحسب {totalHeader} لكل طلب (العمود {totalCol}) مرة واحدة.',
    'هر ردیف یک قلم سفارش است: سفارش‌ها {n} شناسه متمایز ستون {idCol} («{idHeader}») هستند و درآمد، {totalHeader} هر سفارش (ستون {totalCol}) را یک بار می‌شمارد.',
  ),
  refundsNote: L(
    'Refunds of {amount} (column {col}, "{header}") are not subtracted: revenue is what the orders charged.',
    'المبالغ المستردة {amount} (العمود {col}، "{header}") لا تُطرح: الإيراد هو ما دُفع للطلبات.',
    'بازپرداخت‌ها به مبلغ {amount} (ستون {col}، «{header}») کم نمی‌شوند: درآمد همان مبلغ پرداخت‌شده سفارش‌هاست.',
  ),
  profileWhyPlatform: L('a {platform} export', 'ملف مُصدَّر من {platform}', 'خروجی {platform}'),
  profileWhyColumns: L(
    'chosen from the columns {cols}',
    'اختير من الأعمدة {cols}',
    'از روی ستون‌های {cols} انتخاب شد',
  ),
  profileChosen: L(
    'Colours compare with the {p} benchmarks, chosen by Mizan ({why}). Choose another profile, or none, in the sidebar or with --profile (--profile none for no colours).',
    'الألوان تقارن بمعايير {p}، اختارها ميزان ({why}). اختر ملفًا آخر أو لا شيء من الشريط الجانبي أو بالخيار --profile (‏--profile none بلا ألوان).',
    'رنگ‌ها با معیارهای {p} مقایسه می‌شوند که میزان انتخاب کرد ({why}). نمایه دیگری یا هیچ را در نوار کناری یا با --profile انتخاب کنید (‏--profile none برای بی‌رنگ).',
  ),
  platformRead: L(
    'Read as a {platform} export.',
    'قُرئ كملف مُصدَّر من {platform}.',
    'به‌عنوان خروجی {platform} خوانده شد.',
  ),
  excludedHeader: L(
    'Repeated header rows left out: rows {rows}.',
    'صفوف العناوين المكررة المستبعدة: الصفوف {rows}.',
    'ردیف‌های عنوانِ تکراری کنار گذاشته شدند: ردیف‌های {rows}.',
  ),
  excludedHeaderOne: L(
    'Repeated header row left out: row {rows}.',
    'صف العناوين المكرر المستبعد: الصف {rows}.',
    'ردیف عنوانِ تکراری کنار گذاشته شد: ردیف {rows}.',
  ),
  excludedNoteOne: L(
    'Row without numbers left out (a note, a label): row {rows}.',
    'صف بلا أرقام مستبعد (ملاحظة، تسمية): الصف {rows}.',
    'ردیف بدون عدد کنار گذاشته شد (یادداشت، برچسب): ردیف {rows}.',
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
  return fill(REPORT_LABELS[key][lang], lang, vars);
}
