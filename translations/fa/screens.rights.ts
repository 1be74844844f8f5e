<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Complaint or people&apos;s letter</source>
        <translation>شکایت یا نامهٔ مردمی</translation>
    </message>
    <message>
        <source>Complaint and its answer</source>
        <translation>شکایت و پاسخ آن</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(هیچ)</translation>
    </message>
    <message>
        <source>(not answered yet)</source>
        <translation>(هنوز پاسخ داده نشده)</translation>
    </message>
    <message>
        <source>(not asked)</source>
        <translation>(پرسیده نشده)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Received on:</source>
        <translation>تاریخ دریافت:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>مجرای دریافت:</translation>
    </message>
    <message>
        <source>Tracking number:</source>
        <translation>شمارهٔ پیگیری:</translation>
    </message>
    <message>
        <source>Unit complained about:</source>
        <translation>واحدی که از آن شکایت شده:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>Person&apos;s name (confidential):</source>
        <translation>نام متقاضی (محرمانه):</translation>
    </message>
    <message>
        <source>Contact (confidential):</source>
        <translation>نشانی یا تلفن تماس (محرمانه):</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>شرح:</translation>
    </message>
    <message>
        <source>Answered on:</source>
        <translation>تاریخ پاسخ:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>نتیجهٔ رسیدگی:</translation>
    </message>
    <message>
        <source>Referred to:</source>
        <translation>ارجاع به:</translation>
    </message>
    <message>
        <source>Satisfaction with the answer:</source>
        <translation>رضایت از پاسخ:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>شرح پاسخ:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>ComplaintRegister</name>
    <message>
        <source>Search tracking number, subject or name…</source>
        <translation>جست‌وجوی شمارهٔ پیگیری، موضوع یا نام…</translation>
    </message>
    <message>
        <source>Search tracking number or subject…</source>
        <translation>جست‌وجوی شمارهٔ پیگیری یا موضوع…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>همهٔ انواع</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>همهٔ مجراها</translation>
    </message>
    <message>
        <source>All subjects</source>
        <translation>همهٔ موضوع‌ها</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>ثبت…</translation>
    </message>
    <message>
        <source>Register a complaint, letter or suggestion</source>
        <translation>ثبت شکایت، نامه یا پیشنهاد</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>ورود از اکسل…</translation>
    </message>
    <message>
        <source>Add or update complaints from an Excel file: nothing is written unless every row is valid</source>
        <translation>افزودن یا به‌روزکردن شکایت‌ها از یک فایل اکسل: تا همهٔ ردیف‌ها درست نباشد چیزی ثبت نمی‌شود</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} مورد</translation>
    </message>
    <message>
        <source>Red: not answered by its due date (answer period {days} days)</source>
        <translation>سرخ: تا مهلت پاسخ داده نشده (مهلت پاسخ {days} روز)</translation>
    </message>
    <message>
        <source>Your role does not see people&apos;s names and contacts: they are confidential.</source>
        <translation>نقش شما نام و نشانی تماس مردم را نمی‌بیند: این داده‌ها محرمانه است.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>در حال جست‌وجو…</translation>
    </message>
    <message>
        <source>Import complaints</source>
        <translation>ورود شکایات</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>کارپوشه‌های اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>{created} new, {updated} changed, {unchanged} unchanged.</source>
        <translation>{created} مورد تازه، {updated} مورد تغییر کرد، {unchanged} مورد بی‌تغییر.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>بررسی همهٔ ردیف‌ها…</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Tracking number</source>
        <translation>شمارهٔ پیگیری</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>مجرا</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>متقاضی</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>مهلت پاسخ</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>بی‌پاسخ</translation>
    </message>
    <message>
        <source>{date} ({days} days)</source>
        <translation>{date} ({days} روز)</translation>
    </message>
    <message>
        <source>Not answered and past its due date ({date})</source>
        <translation>پاسخ داده نشده و مهلت آن ({date}) گذشته است</translation>
    </message>
    <message>
        <source>Answered after its due date ({date})</source>
        <translation>پس از مهلت ({date}) پاسخ داده شده است</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <source>Letter from an oversight body</source>
        <translation>نامهٔ نهاد نظارتی</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>مرجع:</translation>
    </message>
    <message>
        <source>Letter number:</source>
        <translation>شمارهٔ نامه:</translation>
    </message>
    <message>
        <source>Letter date:</source>
        <translation>تاریخ نامه:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>Answer due (empty: 15 days):</source>
        <translation>مهلت پاسخ (خالی: ۱۵ روز):</translation>
    </message>
    <message>
        <source>Answer number:</source>
        <translation>شمارهٔ نامهٔ پاسخ:</translation>
    </message>
    <message>
        <source>Answer date:</source>
        <translation>تاریخ پاسخ:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message>
        <source>Body</source>
        <translation>مرجع</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>شمارهٔ نامه</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>تاریخ نامه</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Answer due</source>
        <translation>مهلت پاسخ</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>{number} on {date}</source>
        <translation>{number} در {date}</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Register a letter…</source>
        <translation>ثبت نامه…</translation>
    </message>
    <message>
        <source>Register a letter received from an oversight body</source>
        <translation>ثبت نامه‌ای که از یک نهاد نظارتی رسیده است</translation>
    </message>
    <message>
        <source>Record the answer…</source>
        <translation>ثبت پاسخ…</translation>
    </message>
    <message>
        <source>Record the answer sent to the selected letter</source>
        <translation>ثبت پاسخی که به نامهٔ برگزیده فرستاده شد</translation>
    </message>
    <message>
        <source>Letters from oversight bodies and their answers (16/2–16/8)</source>
        <translation>نامه‌های نهادهای نظارتی و پاسخ آن‌ها (۱۶/۲ تا ۱۶/۸)</translation>
    </message>
    <message>
        <source>{code} {name}: {rate} on time</source>
        <translation>{code} {name}: {rate} به‌موقع</translation>
    </message>
    <message>
        <source>No letters yet.</source>
        <translation>هنوز نامه‌ای ثبت نشده است.</translation>
    </message>
</context>
<context>
    <name>RightsScreen</name>
    <message>
        <source>Complaints and letters</source>
        <translation>شکایات و نامه‌های مردمی</translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation>نظرسنجی‌های رضایت</translation>
    </message>
    <message>
        <source>Oversight bodies</source>
        <translation>نهادهای نظارتی</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Satisfaction survey</source>
        <translation>نظرسنجی رضایت</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>کل اداره</translation>
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
        <source>Conducted on:</source>
        <translation>تاریخ انجام:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>روش:</translation>
    </message>
    <message>
        <source>Sample size:</source>
        <translation>اندازهٔ نمونه:</translation>
    </message>
    <message>
        <source>Mean score (0–100):</source>
        <translation>میانگین امتیاز (۰ تا ۱۰۰):</translation>
    </message>
    <message>
        <source>Actions taken on the results:</source>
        <translation>اقدام‌های انجام‌شده بر پایهٔ نتایج:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>SurveysPanel</name>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Whole office</source>
        <translation>کل اداره</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Conducted on</source>
        <translation>تاریخ انجام</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>روش</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>نمونه</translation>
    </message>
    <message>
        <source>Mean score</source>
        <translation>میانگین امتیاز</translation>
    </message>
    <message>
        <source>Actions taken</source>
        <translation>اقدام‌های انجام‌شده</translation>
    </message>
    <message>
        <source>Add a survey…</source>
        <translation>افزودن نظرسنجی…</translation>
    </message>
    <message>
        <source>Record a survey round of a unit and what was done about its results</source>
        <translation>ثبت یک دور نظرسنجی از یک واحد و اقدام‌های انجام‌شده بر پایهٔ نتایج آن</translation>
    </message>
    <message>
        <source>Satisfaction surveys (9/5) and actions taken on their results (9/7)</source>
        <translation>نظرسنجی‌های رضایت (۹/۵) و اقدام‌های انجام‌شده بر پایهٔ نتایج آن‌ها (۹/۷)</translation>
    </message>
</context>
</TS>
