<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>چک‌لیست‌ها</translation>
    </message>
    <message>
        <source>Violation cases</source>
        <translation>پرونده‌های تخلف</translation>
    </message>
    <message>
        <source>Inspections</source>
        <translation>بازرسی‌ها</translation>
    </message>
    <message>
        <source>Committee and training</source>
        <translation>کمیته و آموزش</translation>
    </message>
    <message>
        <source>Complaints and surveys</source>
        <translation>شکایات و نظرسنجی‌ها</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>همگام‌سازی</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>ناسازگاری‌ها</translation>
    </message>
    <message>
        <source>HQ console</source>
        <translation>پیشخوان ستاد</translation>
    </message>
    <message>
        <source>National dashboard</source>
        <translation>داشبورد ملی</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>الگوهای چک‌لیست</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>گزارش رویدادها</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Integrity Desktop — administrative health</source>
        <translation>سامانه سلامت اداری</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>تغییر گذرواژهٔ من…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>خروج از حساب</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>بستن برنامه</translation>
    </message>
    <message>
        <source>Help for this screen</source>
        <translation>راهنمای این صفحه</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
    <message>
        <source>About</source>
        <translation>دربارهٔ سامانه</translation>
    </message>
    <message>
        <source>User: {user} ({role})</source>
        <translation>کاربر: {user} ({role})</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>گذرواژهٔ شما تغییر کرد.</translation>
    </message>
    <message>
        <source>Integrity Desktop, version {version}
Administrative health and protection of people&apos;s rights
Technical and Vocational Training Organization</source>
        <translation>سامانه سلامت اداری، نسخهٔ {version}
سلامت نظام اداری و صیانت از حقوق مردم
سازمان آموزش فنی و حرفه‌ای کشور</translation>
    </message>
</context>
</TS>
