<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>JalaliCalendarWidget</name>
    <message>
        <source>Previous month</source>
        <translation>ماه پیش</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>ماه بعد</translation>
    </message>
    <message>
        <source>Choose the month</source>
        <translation>برگزیدن ماه</translation>
    </message>
    <message>
        <source>Choose the year</source>
        <translation>برگزیدن سال</translation>
    </message>
</context>
<context>
    <name>JalaliDateEdit</name>
    <message>
        <source>Choose from the calendar</source>
        <translation>انتخاب از تقویم</translation>
    </message>
</context>
</TS>
