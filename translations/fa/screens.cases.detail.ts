<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AddEventDialog</name>
    <message>
        <source>Record step: {step}</source>
        <translation>ثبت مرحله: {step}</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>مرحله:</translation>
    </message>
    <message>
        <source>Date of the step:</source>
        <translation>تاریخ مرحله:</translation>
    </message>
    <message>
        <source>Penalty (the verdict):</source>
        <translation>مجازات (نتیجهٔ رأی):</translation>
    </message>
    <message>
        <source>Deciding board:</source>
        <translation>مرجع رأی:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>مدارک:</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>ثبت</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>(choose)</source>
        <translation>(برگزینید)</translation>
    </message>
    <message>
        <source>Attaching documents…</source>
        <translation>در حال پیوست مدارک…</translation>
    </message>
</context>
<context>
    <name>CaseDetailWidget</name>
    <message>
        <source>← Back to the register</source>
        <translation>بازگشت به دفتر پرونده‌ها</translation>
    </message>
    <message>
        <source>Back to the list of cases</source>
        <translation>بازگشت به فهرست پرونده‌ها</translation>
    </message>
    <message>
        <source>Case file PDF…</source>
        <translation>PDF پرونده…</translation>
    </message>
    <message>
        <source>Save the case file as a PDF to print</source>
        <translation>ذخیرهٔ پرونده به صورت PDF برای چاپ</translation>
    </message>
    <message>
        <source>Employee:</source>
        <translation>کارمند:</translation>
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
        <source>State:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Next step due:</source>
        <translation>مهلت مرحلهٔ بعد:</translation>
    </message>
    <message>
        <source>Alleged violations:</source>
        <translation>تخلف‌های منتسب:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>خلاصهٔ گزارش:</translation>
    </message>
    <message>
        <source>Referred from:</source>
        <translation>ارجاع از:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>مرحلهٔ بعد:</translation>
    </message>
    <message>
        <source>Timeline of the case</source>
        <translation>روند پرونده</translation>
    </message>
    <message>
        <source>the finding of the visit to {unit} on {date}</source>
        <translation>یافتهٔ بازدید از {unit} در {date}</translation>
    </message>
    <message>
        <source>Open the visit</source>
        <translation>باز کردن بازدید</translation>
    </message>
    <message>
        <source>Case {number}</source>
        <translation>پروندهٔ {number}</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>مهلت گذشته</translation>
    </message>
    <message>
        <source>Record this as the next step of the case</source>
        <translation>ثبت این مرحله به عنوان مرحلهٔ بعد پرونده</translation>
    </message>
    <message>
        <source>This case has no further step.</source>
        <translation>این پرونده مرحلهٔ بعدی ندارد.</translation>
    </message>
    <message>
        <source>Withdraw a step</source>
        <translation>ابطال مرحله</translation>
    </message>
    <message>
        <source>Why was «{step}» recorded by mistake?</source>
        <translation>چرا «{step}» به اشتباه ثبت شده است؟</translation>
    </message>
    <message>
        <source>Documents to attach</source>
        <translation>مدارک برای پیوست</translation>
    </message>
    <message>
        <source>Save the case file</source>
        <translation>ذخیرهٔ پرونده</translation>
    </message>
    <message>
        <source>Case file PDF</source>
        <translation>PDF پرونده</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>ذخیره شد: {path}</translation>
    </message>
    <message>
        <source>Writing the case file…</source>
        <translation>در حال ساختن پرونده…</translation>
    </message>
</context>
<context>
    <name>CorrectEventDialog</name>
    <message>
        <source>Correct step: {step}</source>
        <translation>اصلاح مرحله: {step}</translation>
    </message>
    <message>
        <source>The step stays in the file as it was; the correction is recorded as a new event.</source>
        <translation>مرحله همان‌گونه که ثبت شده در پرونده می‌ماند؛ اصلاحیه به صورت رویدادی تازه ثبت می‌شود.</translation>
    </message>
    <message>
        <source>Date of the step:</source>
        <translation>تاریخ مرحله:</translation>
    </message>
    <message>
        <source>Penalty (the verdict):</source>
        <translation>مجازات (نتیجهٔ رأی):</translation>
    </message>
    <message>
        <source>Deciding board:</source>
        <translation>مرجع رأی:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <source>Record correction</source>
        <translation>ثبت اصلاحیه</translation>
    </message>
</context>
<context>
    <name>DocumentsPicker</name>
    <message>
        <source>Add file…</source>
        <translation>افزودن فایل…</translation>
    </message>
    <message>
        <source>Choose a document to attach</source>
        <translation>برگزیدن مدرکی برای پیوست</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>برداشتن</translation>
    </message>
    <message>
        <source>Remove the selected document from the list</source>
        <translation>برداشتن مدرک برگزیده از فهرست</translation>
    </message>
    <message>
        <source>Documents to attach</source>
        <translation>مدارک برای پیوست</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <source>Recorded by:</source>
        <translation>ثبت‌کننده:</translation>
    </message>
    <message>
        <source>Penalty:</source>
        <translation>مجازات:</translation>
    </message>
    <message>
        <source>Deciding board:</source>
        <translation>مرجع رأی:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>مدارک:</translation>
    </message>
    <message>
        <source>{name} ({size} KB)</source>
        <translation>{name} ({size} کیلوبایت)</translation>
    </message>
    <message>
        <source>Open {name}</source>
        <translation>باز کردن {name}</translation>
    </message>
    <message>
        <source>Open this document with the system&apos;s viewer</source>
        <translation>باز کردن این مدرک با برنامهٔ نمایش سیستم</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>اصلاح…</translation>
    </message>
    <message>
        <source>Correct a mistake in this step; what was first recorded is kept</source>
        <translation>اصلاح اشتباهی در این مرحله؛ آنچه نخست ثبت شده بود هم می‌ماند</translation>
    </message>
    <message>
        <source>Attach document…</source>
        <translation>پیوست مدرک…</translation>
    </message>
    <message>
        <source>Attach letters or documents to this step</source>
        <translation>پیوست نامه یا مدرک به این مرحله</translation>
    </message>
    <message>
        <source>Withdraw (recorded by mistake)…</source>
        <translation>ابطال (ثبت اشتباه)…</translation>
    </message>
    <message>
        <source>Set aside a step that should not have been recorded; it is not deleted</source>
        <translation>کنار گذاشتن مرحله‌ای که نباید ثبت می‌شد؛ پاک نمی‌شود</translation>
    </message>
</context>
</TS>
