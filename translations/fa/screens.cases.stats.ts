<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>CaseStatsPanel</name>
    <message>
        <source>Whole year</source>
        <translation>کل سال</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>خروجی PDF…</translation>
    </message>
    <message>
        <source>Save these statistics as a PDF</source>
        <translation>ذخیرهٔ این آمار به صورت PDF</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>خروجی اکسل…</translation>
    </message>
    <message>
        <source>Save these statistics as an Excel workbook</source>
        <translation>ذخیرهٔ این آمار به صورت کارپوشهٔ اکسل</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
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
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>مهلت‌گذشته</translation>
    </message>
    <message>
        <source>Open cases by state and age since the report</source>
        <translation>پرونده‌های باز بر پایهٔ وضعیت و سن پرونده (از تاریخ گزارش)</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>در حال محاسبه…</translation>
    </message>
    <message>
        <source>Indicators 6/1–6/11 of {period}</source>
        <translation>شاخص‌های ۶/۱ تا ۶/۱۱ — {period}</translation>
    </message>
    <message>
        <source>All open cases</source>
        <translation>همهٔ پرونده‌های باز</translation>
    </message>
    <message>
        <source>Save the statistics</source>
        <translation>ذخیرهٔ آمار</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>آمار</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>ذخیره شد: {path}</translation>
    </message>
    <message>
        <source>Writing the statistics…</source>
        <translation>در حال ساختن گزارش آمار…</translation>
    </message>
</context>
</TS>
