<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ProvinceFilter</name>
    <message>
        <source>Show the records of one province</source>
        <translation>نمایش رکوردهای یک استان</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همهٔ استان‌ها</translation>
    </message>
</context>
</TS>
