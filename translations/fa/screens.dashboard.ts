<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>DashboardScreen</name>
    <message>
        <source>Administrative health and protection of people&apos;s rights</source>
        <translation>سلامت نظام اداری و صیانت از حقوق مردم</translation>
    </message>
</context>
</TS>
