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
        <source>Demo store. Accounts: {accounts}; password for all: {password}</source>
        <translation>پروندهٔ نمایشی. حساب‌ها: {accounts}؛ گذرواژهٔ همه: {password}</translation>
    </message>
    <message>
        <source>The program is already open on this store: its window was brought forward.</source>
        <translation>برنامه روی این پروندهٔ داده از پیش باز است: پنجرهٔ آن پیش آورده شد.</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>برنامه از پیش باز است</translation>
    </message>
    <message>
        <source>The program is already open on this store but does not answer. Wait a moment and try again, or close the other window first.</source>
        <translation>برنامه روی این پروندهٔ داده از پیش باز است اما پاسخ نمی‌دهد. کمی صبر کنید و دوباره بکوشید، یا نخست پنجرهٔ دیگر را ببندید.</translation>
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
        <source>The backup is encrypted: an administrator&apos;s name and password open it.</source>
        <translation>پشتیبان رمزنگاری شده است: نام کاربری و گذرواژهٔ یکی از مدیران سامانه آن را باز می‌کند.</translation>
    </message>
    <message>
        <source>Opening the backup</source>
        <translation>باز کردن پشتیبان</translation>
    </message>
    <message>
        <source>Restoring a backup: sign in as an administrator of the backup.</source>
        <translation>بازگرداندن پشتیبان: با حساب مدیر سامانهٔ همان پشتیبان وارد شوید.</translation>
    </message>
</context>
</TS>
