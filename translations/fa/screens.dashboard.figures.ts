<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>DashboardFigures</name>
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
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>دستیابی</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>computed</source>
        <translation>محاسبه‌شده</translation>
    </message>
    <message>
        <source>checklists</source>
        <translation>چک‌لیست‌ها</translation>
    </message>
    <message>
        <source>Since approval</source>
        <translation>پس از تأیید</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Reform programme</source>
        <translation>برنامهٔ اصلاح نظام اداری</translation>
    </message>
    <message>
        <source>Its completion</source>
        <translation>درصد تکمیل آن</translation>
    </message>
    <message>
        <source>Three-year axes</source>
        <translation>محورهای برنامهٔ سه‌ساله</translation>
    </message>
    <message>
        <source>Their completion</source>
        <translation>درصد تکمیل آن‌ها</translation>
    </message>
</context>
</TS>
