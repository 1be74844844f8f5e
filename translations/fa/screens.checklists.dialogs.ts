<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>NewChecklistDialog</name>
    <message>
        <source>New checklist</source>
        <translation>چک‌لیست تازه</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title} (نسخهٔ {version})</translation>
    </message>
    <message>
        <source>The whole directorate</source>
        <translation>کل اداره‌کل</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>سه‌ماهه</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>نیم‌سال</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>الگو:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Period kind:</source>
        <translation>نوع دوره:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>Jalali year:</source>
        <translation>سال (شمسی):</translation>
    </message>
    <message>
        <source>the whole year</source>
        <translation>کل سال</translation>
    </message>
</context>
</TS>
