<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>TrendChart</name>
    <message>
        <source>No figures yet</source>
        <translation>هنوز رقمی نیست</translation>
    </message>
</context>
</TS>
