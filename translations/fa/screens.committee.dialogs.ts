<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>CommitteeFiles</name>
    <message>
        <source>Files to attach</source>
        <translation>پرونده‌های پیوست</translation>
    </message>
    <message>
        <source>Attaching files…</source>
        <translation>در حال پیوست پرونده‌ها…</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>Training course</source>
        <translation>دورهٔ آموزشی</translation>
    </message>
    <message>
        <source>Optional: one name a line</source>
        <translation>اختیاری: هر نام در یک سطر</translation>
    </message>
    <message>
        <source>(not evaluated)</source>
        <translation>(سنجیده نشده)</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Indicator served:</source>
        <translation>شاخصی که دوره برای آن است:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>از تاریخ:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>تا تاریخ:</translation>
    </message>
    <message>
        <source>Hours per participant:</source>
        <translation>ساعت آموزش هر شرکت‌کننده:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>شمار شرکت‌کنندگان:</translation>
    </message>
    <message>
        <source>Trainer:</source>
        <translation>مدرس:</translation>
    </message>
    <message>
        <source>Participants&apos; names:</source>
        <translation>نام شرکت‌کنندگان:</translation>
    </message>
    <message>
        <source>Effectiveness evaluation:</source>
        <translation>روش سنجش اثربخشی:</translation>
    </message>
    <message>
        <source>Score (of 100):</source>
        <translation>امتیاز (از ۱۰۰):</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow up a resolution</source>
        <translation>پیگیری مصوبه</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>مصوبه:</translation>
    </message>
    <message>
        <source>Follow-ups so far:</source>
        <translation>پیگیری‌های تاکنون:</translation>
    </message>
    <message>
        <source>New follow-up note:</source>
        <translation>یادداشت پیگیری تازه:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Done on:</source>
        <translation>تاریخ انجام:</translation>
    </message>
    <message>
        <source>Reason for dropping:</source>
        <translation>دلیل کنار گذاشتن:</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Committee meeting</source>
        <translation>جلسهٔ کمیته</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>Work out from the attendance</source>
        <translation>از روی حاضران تعیین شود</translation>
    </message>
    <message>
        <source>Quorum met</source>
        <translation>حد نصاب داشت</translation>
    </message>
    <message>
        <source>No quorum</source>
        <translation>حد نصاب نداشت</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Planned date:</source>
        <translation>تاریخ برنامه:</translation>
    </message>
    <message>
        <source>Held on:</source>
        <translation>تاریخ برگزاری:</translation>
    </message>
    <message>
        <source>Attendees:</source>
        <translation>حاضران:</translation>
    </message>
    <message>
        <source>Quorum:</source>
        <translation>حد نصاب:</translation>
    </message>
    <message>
        <source>Minutes:</source>
        <translation>متن صورتجلسه:</translation>
    </message>
</context>
<context>
    <name>MeetingView</name>
    <message>
        <source>No.</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>روزهای تأخیر</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>واحد مسئول</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>مصوبه</translation>
    </message>
    <message>
        <source>Add resolution…</source>
        <translation>افزودن مصوبه…</translation>
    </message>
    <message>
        <source>Add a resolution of this meeting</source>
        <translation>مصوبه‌ای برای این جلسه بیفزایید</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>پیگیری…</translation>
    </message>
    <message>
        <source>Attach minutes…</source>
        <translation>پیوست صورتجلسه…</translation>
    </message>
    <message>
        <source>Attach the signed minutes (PDF or a scan)</source>
        <translation>صورتجلسهٔ امضاشده (PDF یا تصویر اسکن) را پیوست کنید</translation>
    </message>
    <message>
        <source>Open minutes file</source>
        <translation>باز کردن پروندهٔ صورتجلسه</translation>
    </message>
    <message>
        <source>Open the newest attached minutes</source>
        <translation>تازه‌ترین صورتجلسهٔ پیوست‌شده را باز کنید</translation>
    </message>
    <message>
        <source>Edit meeting…</source>
        <translation>ویرایش جلسه…</translation>
    </message>
    <message>
        <source>Edit the date, attendees and minutes</source>
        <translation>تاریخ، حاضران و صورتجلسه را ویرایش کنید</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>این پنجره را ببندید</translation>
    </message>
    <message>
        <source>Meeting of {day}</source>
        <translation>جلسهٔ {day}</translation>
    </message>
    <message>
        <source>Planned: {p}    Held: {h}    State: {s}</source>
        <translation>تاریخ برنامه: {p}    تاریخ برگزاری: {h}    وضعیت: {s}</translation>
    </message>
    <message>
        <source>Attendees: {n} of {all} members; quorum: {q}</source>
        <translation>حاضران: {n} از {all} عضو؛ حد نصاب: {q}</translation>
    </message>
    <message>
        <source>met</source>
        <translation>داشت</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>نداشت</translation>
    </message>
    <message>
        <source>Attached files: {n}</source>
        <translation>پرونده‌های پیوست: {n}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit committee member</source>
        <translation>ویرایش عضو کمیته</translation>
    </message>
    <message>
        <source>New committee member</source>
        <translation>عضو تازهٔ کمیته</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(بی‌واحد)</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>Role in the committee:</source>
        <translation>نقش در کمیته:</translation>
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
        <source>Appointing letter no.:</source>
        <translation>شمارهٔ نامهٔ ابلاغ:</translation>
    </message>
    <message>
        <source>Letter date:</source>
        <translation>تاریخ نامهٔ ابلاغ:</translation>
    </message>
    <message>
        <source>Member from:</source>
        <translation>آغاز عضویت:</translation>
    </message>
    <message>
        <source>Member until:</source>
        <translation>پایان عضویت:</translation>
    </message>
</context>
<context>
    <name>ResolutionDialog</name>
    <message>
        <source>Resolution</source>
        <translation>مصوبه</translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation>(بی‌واحد)</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>مصوبه:</translation>
    </message>
    <message>
        <source>Responsible unit:</source>
        <translation>واحد مسئول:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>مهلت اجرا:</translation>
    </message>
</context>
</TS>
