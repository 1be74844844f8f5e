<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>InspectionsScreen</name>
    <message>
        <source>Inspectors</source>
        <translation>بازرسان</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>بازدیدها</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>پیگیری</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>Search name or national code</source>
        <translation>جست‌وجوی نام یا کد ملی</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>شمارهٔ ابلاغ</translation>
    </message>
    <message>
        <source>Appointed on</source>
        <translation>تاریخ ابلاغ</translation>
    </message>
    <message>
        <source>Term ends</source>
        <translation>پایان دوره</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>New inspector…</source>
        <translation>بازرس تازه…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>{n} inspectors</source>
        <translation>{n} بازرس</translation>
    </message>
    <message>
        <source>Create the plan of this period</source>
        <translation>ساختن برنامهٔ این دوره</translation>
    </message>
    <message>
        <source>Planned date</source>
        <translation>تاریخ برنامه</translation>
    </message>
    <message>
        <source>Checklist template</source>
        <translation>قالب چک‌لیست</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>بازدید</translation>
    </message>
    <message>
        <source>Add planned inspection…</source>
        <translation>افزودن بازرسی برنامه‌ای…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Log the visit…</source>
        <translation>ثبت بازدید…</translation>
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
    <message>
        <source>All periods</source>
        <translation>همهٔ دوره‌ها</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>همهٔ انواع</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>یافته‌ها</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>اقدام‌های باز</translation>
    </message>
    <message>
        <source>New ad hoc visit…</source>
        <translation>بازدید موردی تازه…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>باز کردن…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>{n} visits</source>
        <translation>{n} بازدید</translation>
    </message>
    <message>
        <source>Delete the visit of {unit} on {date} with its findings and actions?</source>
        <translation>بازدید {unit} در تاریخ {date} با یافته‌ها و اقدام‌هایش حذف شود؟</translation>
    </message>
    <message>
        <source>Delete visit</source>
        <translation>حذف بازدید</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>فقط معوق‌ها</translation>
    </message>
    <message>
        <source>All responsible units</source>
        <translation>همهٔ واحدهای مسئول</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>روز تأخیر</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>واحد مسئول</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>اقدام اصلاحی</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>شدت</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>یافته</translation>
    </message>
    <message>
        <source>Close action…</source>
        <translation>بستن اقدام…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
    <message>
        <source>Open visit…</source>
        <translation>باز کردن بازدید…</translation>
    </message>
    <message>
        <source>{n} actions, {late} overdue</source>
        <translation>{n} اقدام، {late} معوق</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>کل اداره</translation>
    </message>
    <message>
        <source>Preview PDF…</source>
        <translation>پیش‌نمایش PDF…</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>ذخیره به صورت اکسل…</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>گزارش:</translation>
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
