<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Quarter</source>
        <translation>سه‌ماهه</translation>
    </message>
    <message>
        <source>Half year</source>
        <translation>نیم‌سال</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>سال کامل</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>گزارش</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>قالب‌ها</translation>
    </message>
    <message>
        <source>The whole office</source>
        <translation>کل اداره</translation>
    </message>
    <message>
        <source>the record&apos;s identifier</source>
        <translation>شناسهٔ رکورد</translation>
    </message>
    <message>
        <source>Make the report…</source>
        <translation>ساختن گزارش…</translation>
    </message>
    <message>
        <source>Make the chosen report with these settings</source>
        <translation>ساختن گزارش برگزیده با این تنظیم‌ها</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>قالب:</translation>
    </message>
    <message>
        <source>Choose a report from the list.</source>
        <translation>گزارشی را از فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>ذخیرهٔ گزارش</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>ساختن گزارش…</translation>
    </message>
</context>
</TS>
