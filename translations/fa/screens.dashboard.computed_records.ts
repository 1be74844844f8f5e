<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ComputedRecordsDialog</name>
    <message>
        <source>Records behind indicator {code}</source>
        <translation>سوابقِ پشتِ شاخص {code}</translation>
    </message>
    <message>
        <source>Formula: {formula}</source>
        <translation>فرمول: {formula}</translation>
    </message>
    <message>
        <source>{counted} of {total} records count; the figure now is {value}.</source>
        <translation>{counted} سابقه از {total} سابقه شمرده می‌شود؛ عدد اکنون {value} است.</translation>
    </message>
    <message>
        <source>{total} records; the figure now is {value}.</source>
        <translation>{total} سابقه؛ عدد اکنون {value} است.</translation>
    </message>
    <message>
        <source>The checklist was approved with {value}.</source>
        <translation>چک‌لیست با عدد {value} تأیید شده است.</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Record</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>شمرده می‌شود</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
</context>
</TS>
