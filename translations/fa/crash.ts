<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>Crash</name>
    <message>
        <source>An unexpected error happened and this action was not completed; what was saved before is safe. The details are in the log file:
%1
Please send that file to your administrator. If the program does not work properly, close it and open it again.</source>
        <translation>یک خطای پیش‌بینی‌نشده رخ داد و این کار انجام نشد؛ آنچه پیش‌تر ذخیره شده بود سالم است. جزئیات در پروندهٔ گزارش است:
%1
این پرونده را برای مدیر سامانه بفرستید. اگر برنامه درست کار نمی‌کند، آن را ببندید و دوباره باز کنید.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطای پیش‌بینی‌نشده</translation>
    </message>
</context>
</TS>
