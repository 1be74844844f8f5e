<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ChecklistListPage</name>
    <message>
        <source>Search unit, template, period or notes…</source>
        <translation>جست‌وجو در واحد، الگو، دوره یا یادداشت‌ها…</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>جست‌وجو:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>الگو:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>New checklist…</source>
        <translation>چک‌لیست تازه…</translation>
    </message>
    <message>
        <source>Make a checklist for a unit and a period (Ctrl+N)</source>
        <translation>ساختن چک‌لیست برای یک واحد و یک دوره (Ctrl+N)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Open the selected checklist to fill it in</source>
        <translation>باز کردن چک‌لیست برگزیده برای تکمیل</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <source>Show the selected checklist as a PDF, ready to print</source>
        <translation>نمایش چک‌لیست برگزیده به صورت PDF، آمادهٔ چاپ</translation>
    </message>
    <message>
        <source>Blank form…</source>
        <translation>فرم خالی…</translation>
    </message>
    <message>
        <source>A paper form of the chosen template for a visit</source>
        <translation>فرم کاغذی الگوی برگزیده برای بازدید</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>خروجی اکسل…</translation>
    </message>
    <message>
        <source>Save the listed checklists as an Excel workbook</source>
        <translation>ذخیرهٔ چک‌لیست‌های فهرست به صورت کارپوشهٔ اکسل</translation>
    </message>
    <message>
        <source>Import workbook…</source>
        <translation>ورود کارپوشهٔ اکسل…</translation>
    </message>
    <message>
        <source>Read back a workbook filled in outside the program</source>
        <translation>خواندن کارپوشه‌ای که بیرون از برنامه پر شده است</translation>
    </message>
    <message>
        <source>No checklist matches. Create one with “New checklist…” or clear the filters.</source>
        <translation>هیچ چک‌لیستی با این صافی‌ها نیست. با «چک‌لیست تازه…» یکی بسازید یا صافی‌ها را پاک کنید.</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همهٔ استان‌ها</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>همهٔ واحدها</translation>
    </message>
    <message>
        <source>The whole directorate</source>
        <translation>کل اداره‌کل</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>همهٔ دوره‌ها</translation>
    </message>
    <message>
        <source>All templates</source>
        <translation>همهٔ الگوها</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>{count} checklists</source>
        <translation>{count} چک‌لیست</translation>
    </message>
    <message>
        <source>Blank form</source>
        <translation>فرم خالی</translation>
    </message>
    <message>
        <source>Choose a template in the filter, or a checklist in the list.</source>
        <translation>الگویی را در صافی یا چک‌لیستی را در فهرست برگزینید.</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>خروجی اکسل</translation>
    </message>
    <message>
        <source>There is no checklist to export.</source>
        <translation>چک‌لیستی برای خروجی نیست.</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>الگو</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>درصد تکمیل</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>آخرین تغییر</translation>
    </message>
</context>
</TS>
