<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>HelpWindow</name>
    <message>
        <source>User guide</source>
        <translation>راهنمای کاربر</translation>
    </message>
</context>
</TS>
