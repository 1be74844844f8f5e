<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>تغییر گذرواژهٔ من</translation>
    </message>
    <message>
        <source>Your account was made or reset by the administrator: choose your own password before you continue. A long sentence you remember is better than a short complicated word.</source>
        <translation>حساب شما را مدیر سامانه ساخته یا بازنشانی کرده است: پیش از ادامه، گذرواژهٔ خودتان را برگزینید. یک جملهٔ بلند و به‌یادماندنی بهتر از واژه‌ای کوتاه و پیچیده است.</translation>
    </message>
    <message>
        <source>A long sentence you remember is better than a short complicated word.</source>
        <translation>یک جملهٔ بلند و به‌یادماندنی بهتر از واژه‌ای کوتاه و پیچیده است.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>گذرواژهٔ کنونی:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>گذرواژهٔ تازه:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>تکرار گذرواژهٔ تازه:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>تغییر گذرواژه</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>دو گذرواژهٔ تازه یکسان نیستند.</translation>
    </message>
</context>
</TS>
