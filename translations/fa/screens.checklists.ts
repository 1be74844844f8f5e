<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ChecklistActions</name>
    <message>
        <source>Filled checklist</source>
        <translation>چک‌لیست تکمیل‌شده</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>در حال ساختن PDF…</translation>
    </message>
    <message>
        <source>Blank form</source>
        <translation>فرم خالی</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>خروجی اکسل</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>کارپوشهٔ اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>{rows} rows in {sheets} sheets were written to {path}.</source>
        <translation>{rows} ردیف در {sheets} برگه در {path} نوشته شد.</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>در حال نوشتن کارپوشه…</translation>
    </message>
    <message>
        <source>Import workbook</source>
        <translation>ورود کارپوشه</translation>
    </message>
    <message>
        <source>The workbook was imported: {updated} indicators changed, {unchanged} unchanged.</source>
        <translation>کارپوشه وارد شد: {updated} شاخص تغییر کرد و {unchanged} شاخص بی‌تغییر ماند.</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>در حال بررسی کارپوشه…</translation>
    </message>
</context>
<context>
    <name>ChecklistTableModel</name>
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
<context>
    <name>ChecklistsScreen</name>
    <message>
        <source>Back to the list</source>
        <translation>بازگشت به فهرست</translation>
    </message>
    <message>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <source>Search unit, template, period or notes…</source>
        <translation>جست‌وجو در واحد، الگو، دوره یا یادداشت‌ها…</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>جست‌وجو:</translation>
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
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
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
        <source>Import workbook…</source>
        <translation>ورود کارپوشهٔ اکسل…</translation>
    </message>
    <message>
        <source>No checklist matches. Create one with “New checklist…” or clear the filters.</source>
        <translation>هیچ چک‌لیستی با این صافی‌ها نیست. با «چک‌لیست تازه…» یکی بسازید یا صافی‌ها را پاک کنید.</translation>
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
    <name>ImportProblemsDialog</name>
    <message>
        <source>The workbook was not imported</source>
        <translation>کارپوشه وارد نشد</translation>
    </message>
    <message>
        <source>Nothing was written. Correct these {count} cells in the workbook and import it again:</source>
        <translation>هیچ چیز نوشته نشد. این {count} خانه را در کارپوشه اصلاح کنید و دوباره وارد کنید:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>NewChecklistDialog</name>
    <message>
        <source>New checklist</source>
        <translation>چک‌لیست تازه</translation>
    </message>
    <message>
        <source>{title} (version {version})</source>
        <translation>{title} (نسخهٔ {version})</translation>
    </message>
    <message>
        <source>The whole directorate</source>
        <translation>کل اداره‌کل</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>سه‌ماهه</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Half-year</source>
        <translation>نیم‌سال</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>سال</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>الگو:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Period kind:</source>
        <translation>نوع دوره:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>Jalali year:</source>
        <translation>سال (شمسی):</translation>
    </message>
    <message>
        <source>the whole year</source>
        <translation>کل سال</translation>
    </message>
</context>
<context>
    <name>ProblemModel</name>
    <message>
        <source>Sheet</source>
        <translation>برگه</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>خانه</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>ایراد</translation>
    </message>
</context>
</TS>
