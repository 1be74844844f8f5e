<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Administrative health and protection of people&apos;s rights</source>
        <translation>سلامت نظام اداری و صیانت از حقوق مردم</translation>
    </message>
    <message>
        <source>How is completion computed?</source>
        <translation>درصد تکمیل چگونه حساب می‌شود؟</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>برنامه:</translation>
    </message>
    <message>
        <source>How the completion percentages are computed</source>
        <translation>روش محاسبهٔ درصدهای تکمیل</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Completion per axis&lt;/b&gt;</source>
        <translation>&lt;b&gt;درصد تکمیل هر محور&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trend across the year&lt;/b&gt;</source>
        <translation>&lt;b&gt;روند در طول سال&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicators still open&lt;/b&gt;</source>
        <translation>&lt;b&gt;شاخص‌های هنوز باز&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Indicators still open</source>
        <translation>شاخص‌های هنوز باز</translation>
    </message>
    <message>
        <source>Figures and targets</source>
        <translation>عددها و هدف‌ها</translation>
    </message>
    <message>
        <source>Both programmes together</source>
        <translation>دو برنامه در کنار هم</translation>
    </message>
    <message>
        <source>Three-year programme</source>
        <translation>برنامهٔ سه‌ساله</translation>
    </message>
    <message>
        <source>Administrative reform</source>
        <translation>اصلاح نظام اداری</translation>
    </message>
    <message>
        <source>Every published version of the programme&apos;s template counts.</source>
        <translation>همهٔ نسخه‌های منتشرشدهٔ الگوی برنامه شمرده می‌شوند.</translation>
    </message>
    <message>
        <source>Latest period with checklists</source>
        <translation>آخرین دوره‌ای که چک‌لیست دارد</translation>
    </message>
    <message>
        <source>Computing the figures of {period}…</source>
        <translation>در حال محاسبهٔ رقم‌های {period}…</translation>
    </message>
    <message>
        <source>{period}: average completion of the axes {percent}; {open} indicators still open.</source>
        <translation>{period}: میانگین تکمیل محورها {percent}؛ {open} شاخص هنوز باز است.</translation>
    </message>
    <message>
        <source>Targets met: {met} of {all}.</source>
        <translation>هدف‌های محقق‌شده: {met} از {all}.</translation>
    </message>
    <message>
        <source>{period}: no checklist of this programme has been filled in for this period yet. Choose another period, or create one under Checklists.</source>
        <translation>{period}: هنوز هیچ چک‌لیستی از این برنامه برای این دوره پر نشده است. دورهٔ دیگری برگزینید یا در «چک‌لیست‌ها» یکی بسازید.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Indicators still open&lt;/b&gt; ({count})</source>
        <translation>&lt;b&gt;شاخص‌های هنوز باز&lt;/b&gt; ({count})</translation>
    </message>
    <message>
        <source>No figures for this period.</source>
        <translation>برای این دوره رقمی نیست.</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>درصد تکمیل</translation>
    </message>
    <message>
        <source>Completion per axis, {period} (%)</source>
        <translation>درصد تکمیل هر محور، {period} (٪)</translation>
    </message>
    <message>
        <source>Axis number</source>
        <translation>شمارهٔ محور</translation>
    </message>
    <message>
        <source>Average completion</source>
        <translation>میانگین تکمیل</translation>
    </message>
    <message>
        <source>Average completion per period (%)</source>
        <translation>میانگین درصد تکمیل در هر دوره (٪)</translation>
    </message>
    <message>
        <source>Quarter of {year}</source>
        <translation>سه‌ماهه‌های سال {year}</translation>
    </message>
    <message>
        <source>Month of {year}</source>
        <translation>ماه‌های سال {year}</translation>
    </message>
    <message>
        <source>Half-year of {year}</source>
        <translation>نیمه‌های سال {year}</translation>
    </message>
    <message>
        <source>How completion is computed</source>
        <translation>درصد تکمیل چگونه حساب می‌شود</translation>
    </message>
</context>
<context>
    <name>OpenIndicatorModel</name>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>واحد مسئول</translation>
    </message>
    <message>
        <source>Open in</source>
        <translation>باز در</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>کجا</translation>
    </message>
    <message>
        <source>{open} of {all}</source>
        <translation>{open} از {all}</translation>
    </message>
</context>
</TS>
