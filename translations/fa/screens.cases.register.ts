<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>CaseRegister</name>
    <message>
        <source>All states</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>همهٔ سال‌ها</translation>
    </message>
    <message>
        <source>Search the employee&apos;s name…</source>
        <translation>جست‌وجوی نام کارمند…</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>فقط مهلت‌گذشته‌ها</translation>
    </message>
    <message>
        <source>Register a report…</source>
        <translation>ثبت گزارش تخلف…</translation>
    </message>
    <message>
        <source>Register a new violation report as a case</source>
        <translation>ثبت گزارش تخلف تازه به صورت پرونده</translation>
    </message>
    <message>
        <source>Open case file</source>
        <translation>باز کردن پرونده</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>باز کردن پروندهٔ برگزیده</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>Rows in red: the next step is overdue</source>
        <translation>ردیف‌های سرخ: مهلت مرحلهٔ بعد گذشته است</translation>
    </message>
    <message>
        <source>Your role sees counts only: names and national codes are confidential.</source>
        <translation>نقش شما فقط شمار پرونده‌ها را می‌بیند: نام‌ها و کدهای ملی محرمانه است.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>در حال جست‌وجو…</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>{n} پرونده</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>شمارهٔ پرونده</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>تاریخ گزارش</translation>
    </message>
    <message>
        <source>Last step</source>
        <translation>آخرین مرحله</translation>
    </message>
    <message>
        <source>Next step due</source>
        <translation>مهلت مرحلهٔ بعد</translation>
    </message>
    <message>
        <source>The next step was due on {date}</source>
        <translation>مهلت مرحلهٔ بعد {date} بود</translation>
    </message>
</context>
<context>
    <name>CasesScreen</name>
    <message>
        <source>Register</source>
        <translation>دفتر پرونده‌ها</translation>
    </message>
    <message>
        <source>Statistics (6/1–6/11)</source>
        <translation>آمار (۶/۱ تا ۶/۱۱)</translation>
    </message>
</context>
</TS>
