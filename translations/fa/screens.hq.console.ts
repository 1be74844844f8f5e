<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>HqConsoleScreen</name>
    <message>
        <source>The HQ console shows every province side by side; it is used in the HQ store, where the provinces&apos; bundles arrive.</source>
        <translation>پیشخوان ستاد همهٔ استان‌ها را کنار هم نشان می‌دهد؛ در سامانهٔ ستاد به کار می‌رود که بسته‌های استان‌ها به آن می‌رسد.</translation>
    </message>
    <message>
        <source>Only offices gone quiet</source>
        <translation>فقط اداره‌های ساکت</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>اکسل…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Checklist period:</source>
        <translation>دورهٔ چک‌لیست:</translation>
    </message>
    <message>
        <source>Bundles, actions and cases</source>
        <translation>بسته‌ها، اقدام‌ها و پرونده‌ها</translation>
    </message>
    <message>
        <source>Checklist completion</source>
        <translation>تکمیل چک‌لیست‌ها</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>میانگین</translation>
    </message>
    <message>
        <source>Axis {n}</source>
        <translation>محور {n}</translation>
    </message>
    <message>
        <source>No bundle from this province yet.</source>
        <translation>هنوز بسته‌ای از این استان نرسیده است.</translation>
    </message>
    <message>
        <source>Indicators and targets</source>
        <translation>شاخص‌ها و هدف‌ها</translation>
    </message>
    <message>
        <source>Save the provinces&apos; figures as an Excel workbook</source>
        <translation>ذخیرهٔ رقم‌های استان‌ها به صورت کارپوشهٔ اکسل</translation>
    </message>
    <message>
        <source>Save the provinces&apos; figures as a PDF</source>
        <translation>ذخیرهٔ رقم‌های استان‌ها به صورت PDF</translation>
    </message>
    <message>
        <source>Latest bundle written</source>
        <translation>آخرین بسته (زمان ساخت)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>هنوز نرسیده</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>عمر (روز)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Never arrived</source>
        <translation>نرسیده‌ها</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>اقدام اصلاحی باز</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>سررسید گذشته</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>پرونده‌ها</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>پرونده‌های باز</translation>
    </message>
    <message>
        <source>Cases by state</source>
        <translation>پرونده‌ها به تفکیک وضعیت</translation>
    </message>
    <message>
        <source>Highlighted: no bundle yet, or none written for {days} days or more.</source>
        <translation>رنگی: هنوز بسته‌ای نرسیده یا {days} روز یا بیشتر بستهٔ تازه‌ای ساخته نشده است.</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>نمودار:</translation>
    </message>
    <message>
        <source>Figures computed from each province&apos;s own records as it computes them, and the indicators with a target: green met, red not met, amber changed since the approval.</source>
        <translation>عددهایی که از سوابق خود هر استان، همان‌گونه که خود استان حساب می‌کند، محاسبه می‌شوند و شاخص‌های هدف‌دار: سبز محقق‌شده، سرخ محقق‌نشده، نارنجی تغییرکرده پس از تأیید.</translation>
    </message>
    <message>
        <source>{received} of {total} provinces have sent bundles; {quiet} have gone quiet. Open corrective actions: {actions}; open cases: {cases}.</source>
        <translation>{received} استان از {total} استان بسته فرستاده‌اند؛ {quiet} استان ساکت مانده‌اند. اقدام‌های اصلاحی باز: {actions}؛ پرونده‌های باز: {cases}.</translation>
    </message>
    <message>
        <source>{period}: checklists received from {n} provinces.</source>
        <translation>{period}: چک‌لیست {n} استان رسیده است.</translation>
    </message>
    <message>
        <source>{period}: no province has sent a checklist for this period yet.</source>
        <translation>{period}: هنوز هیچ استانی چک‌لیست این دوره را نفرستاده است.</translation>
    </message>
    <message>
        <source>Mean of all axes</source>
        <translation>میانگین همهٔ محورها</translation>
    </message>
    <message>
        <source>Completion (%)</source>
        <translation>درصد تکمیل</translation>
    </message>
    <message>
        <source>Save the provinces report</source>
        <translation>ذخیرهٔ گزارش استان‌ها</translation>
    </message>
    <message>
        <source>Writing the provinces report…</source>
        <translation>ساختن گزارش استان‌ها…</translation>
    </message>
</context>
</TS>
