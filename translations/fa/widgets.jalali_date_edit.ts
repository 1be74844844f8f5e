<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>JalaliDateEdit</name>
    <message>
        <source>Choose from the calendar</source>
        <translation>انتخاب از تقویم</translation>
    </message>
</context>
</TS>
