<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>New store</source>
        <translation>پروندهٔ دادهٔ تازه</translation>
    </message>
    <message>
        <source>This computer has no data store yet. Choose your office and set the administrator password and the passphrase that protects this office&apos;s signing key. The passphrase is never stored: keep it safe, it is needed to send bundles.</source>
        <translation>این رایانه هنوز پروندهٔ داده ندارد. ادارهٔ خود را برگزینید و گذرواژهٔ مدیر سامانه و عبارت عبوری را که از کلید امضای این اداره نگهداری می‌کند تعیین کنید. عبارت عبور هرگز ذخیره نمی‌شود: آن را در جای امنی نگه دارید؛ برای فرستادن بسته‌ها به آن نیاز است.</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>اداره:</translation>
    </message>
    <message>
        <source>Administrator password (user admin):</source>
        <translation>گذرواژهٔ مدیر سامانه (کاربر admin):</translation>
    </message>
    <message>
        <source>Repeat the password:</source>
        <translation>تکرار گذرواژه:</translation>
    </message>
    <message>
        <source>Key passphrase:</source>
        <translation>عبارت عبور کلید:</translation>
    </message>
    <message>
        <source>Repeat the passphrase:</source>
        <translation>تکرار عبارت عبور:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>دو عبارت عبور یکسان نیستند.</translation>
    </message>
    <message>
        <source>Creating the store and its keys…</source>
        <translation>در حال ساختن پروندهٔ داده و کلیدهای آن…</translation>
    </message>
</context>
</TS>
