<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>InspectorsTab</name>
    <message>
        <source>Search name or national code</source>
        <translation>جست‌وجوی نام یا کد ملی</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>شمارهٔ ابلاغ</translation>
    </message>
    <message>
        <source>Appointed on</source>
        <translation>تاریخ ابلاغ</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>پایان دوره</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>New inspector…</source>
        <translation>بازرس تازه…</translation>
    </message>
    <message>
        <source>Add an inspector</source>
        <translation>افزودن بازرس</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Change the selected inspector&apos;s details</source>
        <translation>تغییر مشخصات بازرس برگزیده</translation>
    </message>
    <message>
        <source>{n} inspectors</source>
        <translation>{n} بازرس</translation>
    </message>
</context>
</TS>
