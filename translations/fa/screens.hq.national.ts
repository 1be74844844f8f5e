<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>NationalScreen</name>
    <message>
        <source>The national dashboard compares the provinces; it is used in the HQ store, where the provinces&apos; bundles arrive.</source>
        <translation>داشبورد ملی استان‌ها را با هم می‌سنجد و در پایگاه ستاد به کار می‌رود، جایی که بسته‌های استان‌ها می‌رسد.</translation>
    </message>
    <message>
        <source>Three-year programme</source>
        <translation>برنامهٔ سه‌ساله</translation>
    </message>
    <message>
        <source>Administrative reform programme</source>
        <translation>برنامهٔ جامع اصلاح نظام اداری</translation>
    </message>
    <message>
        <source>National report (PDF)…</source>
        <translation>گزارش ملی (PDF)…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>اکسل…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>برنامه:</translation>
    </message>
    <message>
        <source>Map and ranking</source>
        <translation>نقشه و رتبه‌بندی</translation>
    </message>
    <message>
        <source>Axes</source>
        <translation>محورها</translation>
    </message>
    <message>
        <source>Indicator across provinces</source>
        <translation>شاخص در استان‌ها</translation>
    </message>
    <message>
        <source>Late provinces and overdue items</source>
        <translation>استان‌های دیرکرد و موارد سررسیدگذشته</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>روند</translation>
    </message>
    <message>
        <source>The indicator chosen in «Indicator across provinces»</source>
        <translation>شاخص برگزیده در «شاخص در استان‌ها»</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>رتبه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>{province}: figures of {period}</source>
        <translation>{province}: رقم‌های {period}</translation>
    </message>
    <message>
        <source>No bundle of this province has arrived: it has no figures yet.</source>
        <translation>هنوز بسته‌ای از این استان نرسیده است و رقمی ندارد.</translation>
    </message>
    <message>
        <source>Completion {completion}; rank {rank}; targets met {met} of {targets}; overdue actions {actions}; overdue cases {cases}.</source>
        <translation>درصد تکمیل {completion}؛ رتبه {rank}؛ هدف‌های محقق‌شده {met} از {targets}؛ اقدام‌های سررسیدگذشته {actions}؛ پرونده‌های سررسیدگذشته {cases}.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>What the last bundle brought</source>
        <translation>آنچه آخرین بسته آورد</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>درصد تکمیل</translation>
    </message>
    <message>
        <source>Targets met</source>
        <translation>هدف‌های محقق‌شده</translation>
    </message>
    <message>
        <source>Bundle age (days)</source>
        <translation>عمر بسته (روز)</translation>
    </message>
    <message>
        <source>Colour by:</source>
        <translation>رنگ بر پایهٔ:</translation>
    </message>
    <message>
        <source>Point at a province for its figure; click it for all its figures.</source>
        <translation>نشانگر را روی استان ببرید تا رقمش را ببینید؛ برای همهٔ رقم‌های آن روی استان کلیک کنید.</translation>
    </message>
    <message>
        <source>Axis</source>
        <translation>محور</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>National completion</source>
        <translation>درصد تکمیل کشور</translation>
    </message>
    <message>
        <source>With a target</source>
        <translation>هدف‌دار</translation>
    </message>
    <message>
        <source>Met (country)</source>
        <translation>محقق (رقم کشور)</translation>
    </message>
    <message>
        <source>Met (province figures)</source>
        <translation>محقق (رقم استان‌ها)</translation>
    </message>
    <message>
        <source>National completion is computed from every province&apos;s answers (points over counted answers), not as a mean of the provinces&apos; percents.</source>
        <translation>درصد تکمیل کشور از همهٔ پاسخ‌های استان‌ها حساب می‌شود (جمع امتیازها ÷ پاسخ‌های شمرده‌شده)، نه میانگین درصد استان‌ها.</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>دستیابی</translation>
    </message>
    <message>
        <source>Trend over the year</source>
        <translation>روند در سال</translation>
    </message>
    <message>
        <source>Indicator:</source>
        <translation>شاخص:</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>آخرین بسته</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>اقدام سررسیدگذشته</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>اقدام باز</translation>
    </message>
    <message>
        <source>Overdue cases</source>
        <translation>پروندهٔ سررسیدگذشته</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>پروندهٔ باز</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>The country&apos;s completion in each quarter of this year and the last, and in each year.</source>
        <translation>درصد تکمیل کشور در هر سه‌ماههٔ امسال و پارسال و در هر سال.</translation>
    </message>
    <message>
        <source>Blue: a quarter; green: a whole year</source>
        <translation>ستون آبی: یک فصل؛ ستون سبز: یک سال کامل</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>شمارهٔ بسته</translation>
    </message>
    <message>
        <source>New</source>
        <translation>تازه</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <source>By type</source>
        <translation>به تفکیک نوع</translation>
    </message>
    <message>
        <source>What each province&apos;s newest bundle added and changed here, by record type, as the import recorded it.</source>
        <translation>آنچه آخرین بستهٔ هر استان در این پایگاه افزود و تغییر داد، به تفکیک نوع رکورد، همان‌گونه که دریافت بسته ثبت کرده است.</translation>
    </message>
    <message>
        <source>Computing the national figures of {period}…</source>
        <translation>در حال محاسبهٔ رقم‌های ملی {period}…</translation>
    </message>
    <message>
        <source>{received} of {total} provinces have sent bundles; {late} are late. National completion {completion}; targets met by the country&apos;s figures: {met} of {targets}. Overdue: {actions} corrective actions, {cases} cases.</source>
        <translation>{received} استان از {total} استان بسته فرستاده‌اند؛ {late} استان دیرکرد دارند. درصد تکمیل کشور {completion}؛ هدف‌های محقق‌شده با رقم کشور: {met} از {targets}. سررسیدگذشته: {actions} اقدام اصلاحی و {cases} پرونده.</translation>
    </message>
    <message>
        <source>{met} of {targets}</source>
        <translation>{met} از {targets}</translation>
    </message>
    <message>
        <source>Country: {value} ({method}). Target: {target}. Provinces counted: {n}.</source>
        <translation>رقم کشور: {value} ({method}). هدف: {target}. استان‌های شمرده‌شده: {n}.</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>کشور</translation>
    </message>
    <message>
        <source>no bundle</source>
        <translation>بسته‌ای نرسیده</translation>
    </message>
    <message>
        <source>Trend of {code}: {points}</source>
        <translation>روند {code}: {points}</translation>
    </message>
    <message>
        <source>Trend of {code}: computing…</source>
        <translation>روند {code}: در حال محاسبه…</translation>
    </message>
    <message>
        <source>Late: no bundle yet, or the newest was written {days} days ago or more (highlighted). Overdue cases have stayed in their state longer than its deadline.</source>
        <translation>دیرکرد: هنوز بسته‌ای نرسیده، یا آخرین بسته {days} روز یا بیشتر پیش نوشته شده است (رنگی). پروندهٔ سررسیدگذشته بیش از مهلت وضعیتش در آن مانده است.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>{days} days ago</source>
        <translation>{days} روز پیش</translation>
    </message>
    <message>
        <source>No indicator</source>
        <translation>بی‌شاخص</translation>
    </message>
    <message>
        <source>done 100, partly 50, not done 0</source>
        <translation>انجام شد ۱۰۰، تا حدی ۵۰، انجام نشد ۰</translation>
    </message>
    <message>
        <source>Save the national report</source>
        <translation>ذخیرهٔ گزارش ملی</translation>
    </message>
    <message>
        <source>Writing the national report…</source>
        <translation>در حال نوشتن گزارش ملی…</translation>
    </message>
</context>
</TS>
