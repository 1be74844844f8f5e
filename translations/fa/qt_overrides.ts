<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Don't Save</source>
        <translation>ذخیره نشود</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>جست‌وجو در:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>نوع پرونده:</translation>
    </message>
    <message>
        <source>Confirm Delete</source>
        <translation>تأیید حذف</translation>
    </message>
</context>
</TS>
