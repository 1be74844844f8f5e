<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>InspectionVisitsTab</name>
    <message>
        <source>All periods</source>
        <translation>همهٔ دوره‌ها</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>همهٔ انواع</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>یافته‌ها</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>اقدام‌های باز</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>بازرسان</translation>
    </message>
    <message>
        <source>New ad hoc visit…</source>
        <translation>بازدید موردی تازه…</translation>
    </message>
    <message>
        <source>Record a visit that is not in the plan</source>
        <translation>ثبت بازدیدی که در برنامه نیست</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>باز کردن…</translation>
    </message>
    <message>
        <source>Open the selected visit</source>
        <translation>باز کردن بازدید برگزیده</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete the selected visit with its findings</source>
        <translation>حذف بازدید برگزیده با یافته‌هایش</translation>
    </message>
    <message>
        <source>{n} visits</source>
        <translation>{n} بازدید</translation>
    </message>
    <message>
        <source>Delete the visit of {unit} on {date} with its findings and actions?</source>
        <translation>بازدید {unit} در تاریخ {date} با یافته‌ها و اقدام‌هایش حذف شود؟</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>حذف بازدید</translation>
    </message>
</context>
</TS>
