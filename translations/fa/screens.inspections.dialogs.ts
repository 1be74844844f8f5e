<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Corrective action</source>
        <translation>اقدام اصلاحی</translation>
    </message>
    <message>
        <source>Edit corrective action</source>
        <translation>ویرایش اقدام اصلاحی</translation>
    </message>
</context>
<context>
    <name>ActionFields</name>
    <message>
        <source>Responsible unit:</source>
        <translation>واحد مسئول:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>اقدام:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>مهلت:</translation>
    </message>
</context>
<context>
    <name>CloseActionDialog</name>
    <message>
        <source>Close corrective action</source>
        <translation>بستن اقدام اصلاحی</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>اقدام:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>مهلت:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>نتیجه:</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>تاریخ انجام:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>توضیح:</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>Finding</source>
        <translation>یافته</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>ویرایش یافته</translation>
    </message>
    <message>
        <source>(no related indicator)</source>
        <translation>(بدون شاخص مرتبط) — شماره یا بخشی از عنوان شاخص را بنویسید</translation>
    </message>
    <message>
        <source>Type part of the indicator&apos;s number or title and pick it</source>
        <translation>بخشی از شماره یا عنوان شاخص را بنویسید و آن را از فهرست برگزینید</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>اقدام اصلاحی</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>شدت:</translation>
    </message>
    <message>
        <source>Related indicator:</source>
        <translation>شاخص مرتبط:</translation>
    </message>
    <message>
        <source>Finding and evidence:</source>
        <translation>یافته و مستندات:</translation>
    </message>
</context>
<context>
    <name>InspectionDialogs</name>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>InspectorDialog</name>
    <message>
        <source>Edit inspector</source>
        <translation>ویرایش بازرس</translation>
    </message>
    <message>
        <source>New inspector</source>
        <translation>بازرس تازه</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(بدون واحد)</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>National code:</source>
        <translation>کد ملی:</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>سمت:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Appointment letter no.:</source>
        <translation>شمارهٔ نامهٔ ابلاغ:</translation>
    </message>
    <message>
        <source>Appointed on:</source>
        <translation>تاریخ ابلاغ:</translation>
    </message>
    <message>
        <source>Term ends on:</source>
        <translation>پایان دوره:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
</context>
<context>
    <name>PlanItemDialog</name>
    <message>
        <source>Planned inspection — {period}</source>
        <translation>بازرسی برنامه‌ای — {period}</translation>
    </message>
    <message>
        <source>(no checklist)</source>
        <translation>(بدون چک‌لیست)</translation>
    </message>
    <message>
        <source>Dates from {start} to {end}.</source>
        <translation>تاریخ‌ها از {start} تا {end}.</translation>
    </message>
    <message>
        <source>Unit inspected:</source>
        <translation>واحد بازرسی‌شونده:</translation>
    </message>
    <message>
        <source>Planned date:</source>
        <translation>تاریخ برنامه:</translation>
    </message>
    <message>
        <source>Inspectors:</source>
        <translation>بازرسان:</translation>
    </message>
    <message>
        <source>Checklist template:</source>
        <translation>قالب چک‌لیست:</translation>
    </message>
</context>
</TS>
