<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>InspectionReportsTab</name>
    <message>
        <source>Whole office</source>
        <translation>کل اداره</translation>
    </message>
    <message>
        <source>Preview PDF…</source>
        <translation>پیش‌نمایش PDF…</translation>
    </message>
    <message>
        <source>Show the chosen report as a PDF, ready to print</source>
        <translation>نمایش گزارش برگزیده به صورت PDF، آمادهٔ چاپ</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>ذخیره به صورت اکسل…</translation>
    </message>
    <message>
        <source>Save the chosen report as an Excel workbook</source>
        <translation>ذخیرهٔ گزارش برگزیده به صورت کارپوشهٔ اکسل</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>گزارش:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>Inspector:</source>
        <translation>بازرس:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>The inspection reports are not installed yet.</source>
        <translation>گزارش‌های بازرسی هنوز نصب نشده‌اند.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>ذخیرهٔ گزارش</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>کارپوشهٔ اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>در حال ساختن گزارش…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>ذخیره شد: {path}</translation>
    </message>
</context>
</TS>
