<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>VisitEditor</name>
    <message>
        <source>New inspection visit</source>
        <translation>بازدید بازرسی تازه</translation>
    </message>
    <message>
        <source>(no checklist)</source>
        <translation>(بدون چک‌لیست)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Plan item:</source>
        <translation>ردیف برنامه:</translation>
    </message>
    <message>
        <source>Visit date:</source>
        <translation>تاریخ بازدید:</translation>
    </message>
    <message>
        <source>Unit inspected:</source>
        <translation>واحد بازرسی‌شونده:</translation>
    </message>
    <message>
        <source>Inspectors:</source>
        <translation>بازرسان:</translation>
    </message>
    <message>
        <source>Checklist template:</source>
        <translation>قالب چک‌لیست:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>خلاصه:</translation>
    </message>
    <message>
        <source>Recommendations:</source>
        <translation>پیشنهادها:</translation>
    </message>
    <message>
        <source>Photos and documents are attached once the visit is saved.</source>
        <translation>عکس‌ها و اسناد پس از ذخیرهٔ بازدید پیوست می‌شوند.</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>بازدید</translation>
    </message>
    <message>
        <source>Add finding…</source>
        <translation>افزودن یافته…</translation>
    </message>
    <message>
        <source>Write down a finding of this visit</source>
        <translation>ثبت یافته‌ای از این بازدید</translation>
    </message>
    <message>
        <source>Remove finding</source>
        <translation>حذف یافته</translation>
    </message>
    <message>
        <source>Remove the selected finding</source>
        <translation>حذف یافتهٔ برگزیده</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>یافته‌ها</translation>
    </message>
    <message>
        <source>Save visit</source>
        <translation>ذخیرهٔ بازدید</translation>
    </message>
    <message>
        <source>Save the visit and its findings</source>
        <translation>ذخیرهٔ بازدید و یافته‌های آن</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Close without saving the visit</source>
        <translation>بستن بدون ذخیرهٔ بازدید</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>شدت</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>اقدام‌های اصلاحی</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>یافته</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>ذخیرهٔ تغییرات</translation>
    </message>
    <message>
        <source>Save the status, summary and suggestions</source>
        <translation>ذخیرهٔ وضعیت، خلاصه و پیشنهادها</translation>
    </message>
    <message>
        <source>Photos and documents of the visit</source>
        <translation>عکس‌ها و اسناد بازدید</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>اقدام‌های باز</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>پیوست</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>واحد مسئول</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>تاریخ انجام</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>اقدام</translation>
    </message>
    <message>
        <source>Photos and documents of the finding</source>
        <translation>عکس‌ها و اسناد یافته</translation>
    </message>
    <message>
        <source>Edit finding…</source>
        <translation>ویرایش یافته…</translation>
    </message>
    <message>
        <source>Correct the selected finding</source>
        <translation>اصلاح یافتهٔ برگزیده</translation>
    </message>
    <message>
        <source>Add corrective action…</source>
        <translation>افزودن اقدام اصلاحی…</translation>
    </message>
    <message>
        <source>Add a corrective action for the selected finding</source>
        <translation>افزودن اقدام اصلاحی برای یافتهٔ برگزیده</translation>
    </message>
    <message>
        <source>Edit action…</source>
        <translation>ویرایش اقدام…</translation>
    </message>
    <message>
        <source>Correct the selected open corrective action</source>
        <translation>اصلاح اقدام اصلاحی باز برگزیده</translation>
    </message>
    <message>
        <source>Close action…</source>
        <translation>بستن اقدام…</translation>
    </message>
    <message>
        <source>Record that the selected action was done</source>
        <translation>ثبت انجام اقدام برگزیده</translation>
    </message>
    <message>
        <source>Report as a violation…</source>
        <translation>گزارش به‌عنوان تخلف…</translation>
    </message>
    <message>
        <source>Send the selected finding to the case officer as a violation report</source>
        <translation>یافتهٔ برگزیده را به‌عنوان گزارش تخلف برای کارشناس پرونده‌ها بفرستید</translation>
    </message>
    <message>
        <source>Findings and actions</source>
        <translation>یافته‌ها و اقدام‌ها</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>چک‌لیست</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Close this visit</source>
        <translation>بستن این بازدید</translation>
    </message>
    <message>
        <source>Visit of {unit} on {date}</source>
        <translation>بازدید {unit} در تاریخ {date}</translation>
    </message>
    <message>
        <source>{kind} inspection of {unit} on {date} by {inspectors}</source>
        <translation>بازرسی {kind} از {unit} در تاریخ {date}، بازرسان: {inspectors}</translation>
    </message>
    <message>
        <source>No checklist was filled during this visit.</source>
        <translation>در این بازدید چک‌لیستی پر نشده است.</translation>
    </message>
    <message>
        <source>The checklist of this visit is filled on the checklists screen.</source>
        <translation>چک‌لیست این بازدید در صفحهٔ چک‌لیست‌ها پر می‌شود.</translation>
    </message>
    <message>
        <source>Open the checklist</source>
        <translation>باز کردن چک‌لیست</translation>
    </message>
    <message>
        <source>Open the checklist of this visit</source>
        <translation>باز کردن چک‌لیست این بازدید</translation>
    </message>
    <message>
        <source>Choose a finding first.</source>
        <translation>نخست یک یافته را برگزینید.</translation>
    </message>
    <message>
        <source>This finding was already reported as case {number}.</source>
        <translation>این یافته پیش‌تر با پروندهٔ {number} گزارش شده است.</translation>
    </message>
    <message>
        <source>Choose a corrective action first.</source>
        <translation>نخست یک اقدام اصلاحی را برگزینید.</translation>
    </message>
    <message>
        <source>Only an open corrective action can be edited.</source>
        <translation>فقط اقدام اصلاحی باز را می‌توان ویرایش کرد.</translation>
    </message>
    <message>
        <source>Choose an open corrective action first.</source>
        <translation>نخست یک اقدام اصلاحی باز را برگزینید.</translation>
    </message>
</context>
</TS>
