<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>SyncScreen</name>
    <message>
        <source>Send a bundle</source>
        <translation>فرستادن بسته</translation>
    </message>
    <message>
        <source>Receive a bundle</source>
        <translation>دریافت بسته</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>تاریخچهٔ دریافت</translation>
    </message>
    <message>
        <source>Keys and trust</source>
        <translation>کلیدها و اعتماد</translation>
    </message>
</context>
</TS>
