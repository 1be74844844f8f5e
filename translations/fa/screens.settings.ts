<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>کاربر تازه</translation>
    </message>
    <message>
        <source>Username (Latin):</source>
        <translation>نام کاربری (لاتین):</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>نقش:</translation>
    </message>
    <message>
        <source>First password:</source>
        <translation>گذرواژهٔ نخست:</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>واحدها</translation>
    </message>
    <message>
        <source>Data store</source>
        <translation>پروندهٔ داده</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>کاربر تازه…</translation>
    </message>
    <message>
        <source>Add a user of this office</source>
        <translation>افزودن کاربری برای این اداره</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>بازنشانی گذرواژه…</translation>
    </message>
    <message>
        <source>Give the selected user a new password</source>
        <translation>دادن گذرواژهٔ تازه به کاربر برگزیده</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>بازنشانی گذرواژه</translation>
    </message>
    <message>
        <source>New password for {user}:</source>
        <translation>گذرواژهٔ تازه برای {user}:</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>New unit…</source>
        <translation>واحد تازه…</translation>
    </message>
    <message>
        <source>Add an office or a training centre</source>
        <translation>افزودن دفتر یا مرکز آموزش</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>واحد تازه</translation>
    </message>
    <message>
        <source>Unit name:</source>
        <translation>نام واحد:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>پروندهٔ داده:</translation>
    </message>
    <message>
        <source>Files folder:</source>
        <translation>پوشهٔ پرونده‌ها:</translation>
    </message>
    <message>
        <source>Log file:</source>
        <translation>پروندهٔ گزارش:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>نسخه:</translation>
    </message>
    <message>
        <source>Training centre</source>
        <translation>مرکز آموزش</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>دفتر</translation>
    </message>
</context>
</TS>
