<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>SyncExportTab</name>
    <message>
        <source>A bundle carries this office&apos;s changes to the other side on a USB stick or by mail. It is signed with the office key; it can also be encrypted so that only the recipient can open it.</source>
        <translation>بسته، تغییرات این اداره را با حافظهٔ USB یا نامه به طرف دیگر می‌برد. بسته با کلید اداره امضا می‌شود و می‌توان آن را چنان رمز کرد که فقط گیرنده بتواند بازش کند.</translation>
    </message>
    <message>
        <source>Bundle for:</source>
        <translation>بسته برای:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Choose where to save the bundle</source>
        <translation>برگزیدن جای ذخیرهٔ بسته</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>ذخیره در:</translation>
    </message>
    <message>
        <source>Everything the recipient may see (full bundle), not only the changes since the previous bundle</source>
        <translation>همهٔ آنچه گیرنده اجازهٔ دیدنش را دارد (بستهٔ کامل)، نه فقط تغییرات پس از بستهٔ پیشین</translation>
    </message>
    <message>
        <source>Encrypt for the recipient</source>
        <translation>رمز کردن برای گیرنده</translation>
    </message>
    <message>
        <source>Recipient&apos;s age key:</source>
        <translation>کلید age گیرنده:</translation>
    </message>
    <message>
        <source>Write the bundle…</source>
        <translation>نوشتن بسته…</translation>
    </message>
    <message>
        <source>Write a signed bundle of this office&apos;s changes</source>
        <translation>نوشتن بستهٔ امضاشده از تغییرهای این اداره</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>ذخیرهٔ بسته</translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation>جای ذخیرهٔ بسته را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Paste the recipient&apos;s age key (it starts with age1).</source>
        <translation>کلید age گیرنده را بچسبانید (با age1 آغاز می‌شود).</translation>
    </message>
    <message>
        <source>The bundle is signed with this office&apos;s key. Type the key passphrase.</source>
        <translation>بسته با کلید این اداره امضا می‌شود. عبارت عبور کلید را بنویسید.</translation>
    </message>
    <message>
        <source>Opening the office key…</source>
        <translation>باز کردن کلید اداره…</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>نوشتن بسته…</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <source>Bundle number {seq} written to:
{path}
{records} records ({counts}); {files} evidence files; {size} KB{encrypted}.</source>
        <translation>بستهٔ شمارهٔ {seq} نوشته شد در:
{path}
{records} رکورد ({counts})؛ {files} پروندهٔ مستند؛ {size} کیلوبایت{encrypted}.</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>، رمزشده</translation>
    </message>
</context>
</TS>
