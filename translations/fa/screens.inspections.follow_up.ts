<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>InspectionFollowUpTab</name>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>فقط معوق‌ها</translation>
    </message>
    <message>
        <source>All responsible units</source>
        <translation>همهٔ واحدهای مسئول</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>روز تأخیر</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>شدت</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>واحد مسئول</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>اقدام اصلاحی</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>بازدید</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>یافته</translation>
    </message>
    <message>
        <source>Close action…</source>
        <translation>بستن اقدام…</translation>
    </message>
    <message>
        <source>Record that the selected action was done</source>
        <translation>ثبت انجام اقدام برگزیده</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
    <message>
        <source>Reopen the selected closed action</source>
        <translation>باز کردن دوبارهٔ اقدام بسته‌شدهٔ برگزیده</translation>
    </message>
    <message>
        <source>Open visit…</source>
        <translation>باز کردن بازدید…</translation>
    </message>
    <message>
        <source>Open the visit of the selected action</source>
        <translation>باز کردن بازدید اقدام برگزیده</translation>
    </message>
    <message>
        <source>{n} actions, {late} overdue</source>
        <translation>{n} اقدام، {late} معوق</translation>
    </message>
</context>
</TS>
