<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>نام کاربری:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <source>Opening the store; you will be signed in in a moment…</source>
        <translation>پایگاه داده در حال باز شدن است؛ چند لحظه دیگر وارد می‌شوید…</translation>
    </message>
    <message>
        <source>You must choose a new password before you can continue.</source>
        <translation>پیش از ادامه باید گذرواژهٔ تازه‌ای برگزینید.</translation>
    </message>
</context>
</TS>
