<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AuditScreen</name>
    <message>
        <source>Only the system administrator may read the audit log.</source>
        <translation>فقط مدیر سامانه می‌تواند گزارش رویدادها را ببیند.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>نمایش</translation>
    </message>
    <message>
        <source>Show the events that match these filters</source>
        <translation>نمایش رویدادهایی که با این شرط‌ها جورند</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>خروجی اکسل…</translation>
    </message>
    <message>
        <source>Save the events shown as an Excel workbook</source>
        <translation>ذخیرهٔ رویدادهای نمایش‌داده‌شده به صورت کارپوشهٔ اکسل</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>کاربر:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>کار:</translation>
    </message>
    <message>
        <source>Record type:</source>
        <translation>نوع رکورد:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>تا:</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>صفحهٔ پیش</translation>
    </message>
    <message>
        <source>Show the previous page of events</source>
        <translation>نمایش صفحهٔ پیشین رویدادها</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>صفحهٔ بعد</translation>
    </message>
    <message>
        <source>Show the next page of events</source>
        <translation>نمایش صفحهٔ بعد رویدادها</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>(همه)</translation>
    </message>
    <message>
        <source>Audit chain checked: %1 entries, no link broken.</source>
        <translation>زنجیرهٔ رویدادها بررسی شد: %1 رویداد، هیچ حلقه‌ای شکسته نیست.</translation>
    </message>
    <message>
        <source>The audit chain is broken at entry %1: the log was changed outside the program. Tell the directorate&apos;s security officer.</source>
        <translation>زنجیرهٔ رویدادها در رویداد %1 شکسته است: گزارش بیرون از برنامه تغییر کرده است. به مسئول حراست اداره کل خبر دهید.</translation>
    </message>
    <message>
        <source>Checking every record against its audit entries…</source>
        <translation>در حال سنجیدن هر رکورد با ردیف‌های رویدادنگار آن…</translation>
    </message>
    <message>
        <source>Every record matches its audit entries; %1 signed seals hold.</source>
        <translation>همهٔ رکوردها با رویدادنگار می‌خوانند؛ %1 مُهر امضاشده برقرار است.</translation>
    </message>
    <message>
        <source>The records or the log were changed outside the program (%1 problems). First: %2 Tell the directorate&apos;s security officer.</source>
        <translation>رکوردها یا رویدادنگار بیرون از برنامه تغییر کرده‌اند (%1 مورد). نخستین: %2 موضوع را به مسئول امنیت اداره کل بگویید.</translation>
    </message>
    <message>
        <source>Page %1 of %2 (%3 entries)</source>
        <translation>صفحهٔ %1 از %2 (%3 رویداد)</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>تغییرها:</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>پیش از:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>پس از:</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>خروجی گزارش رویدادها</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>کارپوشهٔ اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 entries were written to %2.</source>
        <translation>%1 رویداد در %2 نوشته شد.</translation>
    </message>
    <message>
        <source>The export failed unexpectedly; nothing was written.</source>
        <translation>خروجی به خطای پیش‌بینی‌نشده خورد؛ چیزی نوشته نشد.</translation>
    </message>
    <message>
        <source>Writing the audit log…</source>
        <translation>در حال نوشتن گزارش رویدادها…</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>No.</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>نوع رکورد</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>شناسهٔ رکورد</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>تغییرها</translation>
    </message>
</context>
</TS>
