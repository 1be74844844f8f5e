<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>SyncCommon</name>
    <message>
        <source>Sync bundles (*.itb *.zip *.age);;All files (*)</source>
        <translation>بسته‌های همگام‌سازی (*.itb *.zip *.age);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>اداره‌ها</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>واحدها</translation>
    </message>
    <message>
        <source>Lookup lists</source>
        <translation>فهرست‌های پایه</translation>
    </message>
    <message>
        <source>Checklist templates</source>
        <translation>الگوهای چک‌لیست</translation>
    </message>
    <message>
        <source>Template sections</source>
        <translation>بخش‌های الگو</translation>
    </message>
    <message>
        <source>Template items</source>
        <translation>بندهای الگو</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>چک‌لیست‌ها</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>پاسخ‌های چک‌لیست</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>بازرسان</translation>
    </message>
    <message>
        <source>Inspection plans</source>
        <translation>برنامه‌های بازرسی</translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation>بندهای برنامه</translation>
    </message>
    <message>
        <source>Inspection visits</source>
        <translation>بازدیدهای بازرسی</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>یافته‌ها</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>اقدام‌های اصلاحی</translation>
    </message>
    <message>
        <source>Violation cases</source>
        <translation>پرونده‌های تخلف</translation>
    </message>
    <message>
        <source>Case steps</source>
        <translation>مراحل پرونده</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>مستندات</translation>
    </message>
    <message>
        <source>Committee members</source>
        <translation>اعضای کمیته</translation>
    </message>
    <message>
        <source>Committee meetings</source>
        <translation>جلسه‌های کمیته</translation>
    </message>
    <message>
        <source>Committee resolutions</source>
        <translation>مصوبه‌های کمیته</translation>
    </message>
    <message>
        <source>Training courses</source>
        <translation>دوره‌های آموزشی</translation>
    </message>
    <message>
        <source>Complaints and people&apos;s letters</source>
        <translation>شکایات و نامه‌های مردمی</translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation>نظرسنجی‌های رضایت</translation>
    </message>
    <message>
        <source>Oversight letters</source>
        <translation>نامه‌های نهادهای نظارتی</translation>
    </message>
</context>
</TS>
