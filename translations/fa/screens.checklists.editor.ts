<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ChecklistEditor</name>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <source>Show the filled checklist as a PDF, ready to print</source>
        <translation>نمایش چک‌لیست پرشده به صورت PDF، آمادهٔ چاپ</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>خروجی اکسل…</translation>
    </message>
    <message>
        <source>Save this checklist as an Excel workbook to fill in outside the program</source>
        <translation>ذخیرهٔ این چک‌لیست به صورت کارپوشهٔ اکسل برای پر کردن بیرون از برنامه</translation>
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
        <source>Send for review</source>
        <translation>ارسال برای بررسی</translation>
    </message>
    <message>
        <source>Send this checklist to headquarters for review</source>
        <translation>فرستادن این چک‌لیست برای بررسی ستاد</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <source>Approve this checklist: its answers and figures are locked</source>
        <translation>تأیید این چک‌لیست: پاسخ‌ها و رقم‌هایش قفل می‌شوند</translation>
    </message>
    <message>
        <source>Return for correction…</source>
        <translation>بازگرداندن برای اصلاح…</translation>
    </message>
    <message>
        <source>Send this checklist back to the office with a note on what to correct</source>
        <translation>این چک‌لیست را با یادداشتی دربارهٔ آنچه باید اصلاح شود به اداره بازگردانید</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Undo the last saved edit (Ctrl+Z)</source>
        <translation>واگرد آخرین تغییر ذخیره‌شده (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ازنو</translation>
    </message>
    <message>
        <source>Save again the edit just undone (Ctrl+Shift+Z)</source>
        <translation>ذخیرهٔ دوبارهٔ ویرایشی که واگرد شد (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>0 to 100</source>
        <translation>۰ تا ۱۰۰</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>مقدار:</translation>
    </message>
    <message>
        <source>Records behind this figure…</source>
        <translation>سوابقِ پشتِ این عدد…</translation>
    </message>
    <message>
        <source>List the records this figure is computed from</source>
        <translation>فهرست سوابقی که این عدد از روی آن‌ها حساب شده است</translation>
    </message>
    <message>
        <source>Not asked in this period: the answer given earlier is kept, and completion leaves it out.</source>
        <translation>در این دوره پرسیده نمی‌شود: پاسخی که پیش‌تر داده شده نگه داشته می‌شود و در درصد تکمیل شمرده نمی‌شود.</translation>
    </message>
    <message>
        <source>Sub-tasks:</source>
        <translation>زیرفعالیت‌ها:</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>پیوست فایل…</translation>
    </message>
    <message>
        <source>Attach a document to this indicator</source>
        <translation>پیوست مستندی به این شاخص</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Open the selected document</source>
        <translation>باز کردن مستند برگزیده</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>برداشتن</translation>
    </message>
    <message>
        <source>Remove the selected document from this indicator</source>
        <translation>برداشتن مستند برگزیده از این شاخص</translation>
    </message>
    <message>
        <source>Previous indicator</source>
        <translation>شاخص قبلی</translation>
    </message>
    <message>
        <source>Ctrl+PgUp</source>
        <translation>Ctrl+PgUp</translation>
    </message>
    <message>
        <source>Next indicator</source>
        <translation>شاخص بعدی</translation>
    </message>
    <message>
        <source>Ctrl+PgDown</source>
        <translation>Ctrl+PgDown</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>مبنای قانونی:</translation>
    </message>
    <message>
        <source>Lead unit:</source>
        <translation>واحد مسئول:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Progress (%):</source>
        <translation>پیشرفت (٪):</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>مستندات:</translation>
    </message>
    <message>
        <source>&lt;b&gt;{template}&lt;/b&gt;&lt;br&gt;{unit} — {period} — {status}</source>
        <translation>&lt;b&gt;{template}&lt;/b&gt;&lt;br&gt;{unit} — {period} — {status}</translation>
    </message>
    <message>
        <source>Sent for review: read-only until headquarters approves it or returns it for correction.</source>
        <translation>برای بررسی ارسال شده است: تا ستاد آن را تأیید کند یا برای اصلاح بازگرداند، فقط خواندنی است.</translation>
    </message>
    <message>
        <source>Approved: the answers and figures are locked.</source>
        <translation>تأیید شده است: پاسخ‌ها و رقم‌ها قفل‌اند.</translation>
    </message>
    <message>
        <source>Returned for correction by headquarters: {note}</source>
        <translation>ستاد این چک‌لیست را برای اصلاح بازگرداند: {note}</translation>
    </message>
    <message>
        <source>A province&apos;s checklist: headquarters does not change its answers; return it for correction instead.</source>
        <translation>چک‌لیست استان: ستاد پاسخ‌های آن را تغییر نمی‌دهد؛ به جای آن، چک‌لیست را برای اصلاح بازگردانید.</translation>
    </message>
    <message>
        <source>Completion: {percent}</source>
        <translation>درصد تکمیل: {percent}</translation>
    </message>
    <message>
        <source>Computed: change the records behind it</source>
        <translation>محاسبه‌شده: سوابق پشت آن را اصلاح کنید</translation>
    </message>
    <message>
        <source>Target: {target}</source>
        <translation>هدف: {target}</translation>
    </message>
    <message>
        <source>Measure: {measure}</source>
        <translation>سنجه: {measure}</translation>
    </message>
    <message>
        <source>How it is measured: {rule}</source>
        <translation>شیوهٔ سنجش: {rule}</translation>
    </message>
    <message>
        <source>Approved figure: {value} (frozen with the checklist&apos;s approval).</source>
        <translation>عدد تأییدشده: {value} (با تأیید چک‌لیست ثابت شده است).</translation>
    </message>
    <message>
        <source>Programme {n}: {title}</source>
        <translation>برنامهٔ {n}: {title}</translation>
    </message>
    <message>
        <source>Quantitative goal:</source>
        <translation>هدف کمّی:</translation>
    </message>
    <message>
        <source>Expected outcomes:</source>
        <translation>پیامدها و دستاوردها:</translation>
    </message>
    <message>
        <source>General policies it carries out:</source>
        <translation>سیاست‌های کلی ناظر بر اجرای برنامه:</translation>
    </message>
    <message>
        <source>Main goals of the reform programme:</source>
        <translation>اهداف اصلی برنامهٔ جامع اصلاح نظام اداری:</translation>
    </message>
    <message>
        <source>Main strategies:</source>
        <translation>راهبردهای اصلی:</translation>
    </message>
    <message>
        <source>Computed from the records; it cannot be changed by hand.</source>
        <translation>از روی سوابق محاسبه می‌شود و دستی تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Formula: {formula}</source>
        <translation>فرمول: {formula}</translation>
    </message>
    <message>
        <source>{numerator} of {denominator}</source>
        <translation>{numerator} از {denominator}</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>ذخیره شد</translation>
    </message>
    <message>
        <source>Undone and saved</source>
        <translation>واگرد شد و ذخیره شد</translation>
    </message>
    <message>
        <source>Saved again</source>
        <translation>دوباره ذخیره شد</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>پیوست کردن مستند</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt *.ods *.txt);;All files (*)</source>
        <translation>سندها و تصویرها (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.odt *.ods *.txt);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Storing the file…</source>
        <translation>در حال ذخیرهٔ فایل…</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>برداشتن پیوست</translation>
    </message>
    <message>
        <source>Remove this file from the indicator?</source>
        <translation>این فایل از پیوست‌های شاخص برداشته شود؟</translation>
    </message>
    <message>
        <source>Send this checklist to headquarters for review?</source>
        <translation>این چک‌لیست برای بررسی به ستاد فرستاده شود؟</translation>
    </message>
    <message>
        <source>Approve this checklist? Its answers and computed figures are locked as they are.</source>
        <translation>این چک‌لیست تأیید شود؟ پاسخ‌ها و رقم‌های محاسبه‌شده‌اش همان‌گونه که هست قفل می‌شوند.</translation>
    </message>
    <message>
        <source>Return for correction</source>
        <translation>بازگرداندن برای اصلاح</translation>
    </message>
    <message>
        <source>What should the office correct? The note goes to the office with the checklist.</source>
        <translation>اداره چه چیزی را باید اصلاح کند؟ این یادداشت همراه چک‌لیست به اداره می‌رسد.</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>پیشرفت</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>پیوست</translation>
    </message>
</context>
</TS>
