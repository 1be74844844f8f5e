<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>RegisterCaseDialog</name>
    <message>
        <source>Refer the finding as a violation report</source>
        <translation>ارجاع یافته به‌عنوان گزارش تخلف</translation>
    </message>
    <message>
        <source>Register a violation report</source>
        <translation>ثبت گزارش تخلف اداری</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>Employee&apos;s full name:</source>
        <translation>نام و نام خانوادگی کارمند:</translation>
    </message>
    <message>
        <source>National code:</source>
        <translation>کد ملی:</translation>
    </message>
    <message>
        <source>Post:</source>
        <translation>سمت:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Reported by:</source>
        <translation>گزارش‌دهنده:</translation>
    </message>
    <message>
        <source>Report date:</source>
        <translation>تاریخ گزارش:</translation>
    </message>
    <message>
        <source>Alleged violations (tick with Space):</source>
        <translation>تخلف‌های منتسب (با کلید فاصله علامت بزنید):</translation>
    </message>
    <message>
        <source>Summary of the report:</source>
        <translation>خلاصهٔ گزارش:</translation>
    </message>
    <message>
        <source>The case officer receives this report with a link to the visit&apos;s finding.</source>
        <translation>کارشناس پرونده‌های تخلف این گزارش را با پیوند به یافتهٔ بازدید دریافت می‌کند.</translation>
    </message>
    <message>
        <source>Register the case</source>
        <translation>ثبت پرونده</translation>
    </message>
    <message>
        <source>Send to the case officer</source>
        <translation>فرستادن برای کارشناس پرونده</translation>
    </message>
</context>
</TS>
