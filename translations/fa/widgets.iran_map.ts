<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>IranMap</name>
    <message>
        <source>no figure</source>
        <translation>بی‌رقم</translation>
    </message>
</context>
</TS>
