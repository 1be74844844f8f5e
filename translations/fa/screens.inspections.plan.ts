<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>InspectionPlanTab</name>
    <message>
        <source>Create the plan of this period</source>
        <translation>ساختن برنامهٔ این دوره</translation>
    </message>
    <message>
        <source>Make the inspection plan of the chosen period</source>
        <translation>ساختن برنامهٔ بازرسی دورهٔ برگزیده</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>تاریخ برنامه</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>بازدید</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>بازرسان</translation>
    </message>
    <message>
        <source>Checklist template</source>
        <translation>قالب چک‌لیست</translation>
    </message>
    <message>
        <source>Add planned inspection…</source>
        <translation>افزودن بازرسی برنامه‌ای…</translation>
    </message>
    <message>
        <source>Add an inspection to this period&apos;s plan</source>
        <translation>افزودن بازرسی به برنامهٔ این دوره</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Change the selected planned inspection</source>
        <translation>تغییر بازرسی برنامه‌ای برگزیده</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Remove the selected inspection from the plan</source>
        <translation>حذف بازرسی برگزیده از برنامه</translation>
    </message>
    <message>
        <source>Log the visit…</source>
        <translation>ثبت بازدید…</translation>
    </message>
    <message>
        <source>Record the visit of the selected planned inspection</source>
        <translation>ثبت بازدید بازرسی برنامه‌ای برگزیده</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>The grid shows the planned days of each month: ✓ visited; green: carried out; orange: the date has passed without a visit.</source>
        <translation>جدول، روزهای برنامه‌ریزی‌شدهٔ هر ماه را نشان می‌دهد: ✓ بازدیدشده؛ سبز: انجام‌شده؛ نارنجی: تاریخ گذشته و بازدیدی ثبت نشده است.</translation>
    </message>
    <message>
        <source>There is no inspection plan for this period yet.</source>
        <translation>برای این دوره هنوز برنامهٔ بازرسی ساخته نشده است.</translation>
    </message>
    <message>
        <source>{rate}%</source>
        <translation>{rate}٪</translation>
    </message>
    <message>
        <source>{title}: {items} inspections planned, {done} carried out; realisation rate (indicator 1/4): {rate}</source>
        <translation>{title}: {items} بازرسی برنامه‌ریزی‌شده، {done} انجام‌شده؛ میزان تحقق (شاخص ۱/۴): {rate}</translation>
    </message>
    <message>
        <source>Remove the inspection of {unit} on {date} from the plan?</source>
        <translation>بازرسی {unit} در تاریخ {date} از برنامه حذف شود؟</translation>
    </message>
    <message>
        <source>Remove planned inspection</source>
        <translation>حذف بازرسی برنامه‌ای</translation>
    </message>
</context>
</TS>
