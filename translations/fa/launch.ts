<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>Launch</name>
    <message>
        <source>Preparing the demo store (once, about a minute)…</source>
        <translation>آماده‌سازی پروندهٔ نمایشی (فقط یک بار، حدود یک دقیقه)…</translation>
    </message>
    <message>
        <source>Cannot open the store</source>
        <translation>پروندهٔ داده باز نشد</translation>
    </message>
    <message>
        <source>Demo store. Accounts: admin, inspector, officer, viewer, reviewer; password for all: demo-password</source>
        <translation>پروندهٔ نمایشی. حساب‌ها: admin، inspector، officer، viewer، reviewer؛ گذرواژهٔ همه: demo-password</translation>
    </message>
    <message>
        <source>Check the PC&apos;s clock</source>
        <translation>ساعت رایانه را بررسی کنید</translation>
    </message>
    <message>
        <source>an unexpected error (details in the log: %1)</source>
        <translation>خطایی پیش‌بینی‌نشده (جزئیات در پروندهٔ گزارش: %1)</translation>
    </message>
    <message>
        <source>Today&apos;s backup was not made: %1 Make a backup by hand, or ask your administrator.</source>
        <translation>پشتیبان امروز ساخته نشد: %1 پشتیبان را دستی بسازید یا از مدیر سامانه کمک بخواهید.</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>پشتیبان</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>بازگرداندن آخرین پشتیبان</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>بستن برنامه</translation>
    </message>
    <message>
        <source>Restoring a backup: sign in as an administrator of the backup.</source>
        <translation>بازگرداندن پشتیبان: با حساب مدیر سامانهٔ همان پشتیبان وارد شوید.</translation>
    </message>
</context>
</TS>
