<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ChecklistsScreen</name>
    <message>
        <source>Back to the list</source>
        <translation>بازگشت به فهرست</translation>
    </message>
    <message>
        <source>Back to the list of checklists (Alt+Left)</source>
        <translation>بازگشت به فهرست چک‌لیست‌ها (Alt+Left)</translation>
    </message>
</context>
</TS>
