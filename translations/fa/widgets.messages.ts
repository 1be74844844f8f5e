<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>Messages</name>
    <message>
        <source>An unexpected error happened. Nothing was saved by this action. Please send the log file to your administrator.</source>
        <translation>خطای پیش‌بینی‌نشده‌ای رخ داد. این کار چیزی را ذخیره نکرد. لطفاً پروندهٔ گزارش را برای مدیر سامانه بفرستید.</translation>
    </message>
    <message>
        <source>An unexpected error happened. Nothing was saved by this action. Please send the log file to your administrator; it is here:
%1</source>
        <translation>خطای پیش‌بینی‌نشده‌ای رخ داد و از این کار چیزی ذخیره نشد. پروندهٔ گزارش را برای مدیر سامانه بفرستید؛ این‌جاست:
%1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطا</translation>
    </message>
</context>
</TS>
