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
    <name>ImportProblemsDialog</name>
    <message>
        <source>The workbook was not imported</source>
        <translation>کارپوشه وارد نشد</translation>
    </message>
    <message>
        <source>Nothing was written. Correct these {count} cells in the workbook and import it again:</source>
        <translation>هیچ چیز نوشته نشد. این {count} خانه را در کارپوشه اصلاح کنید و دوباره وارد کنید:</translation>
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
