<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>CommitteeScreen</name>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>اداره</translation>
    </message>
    <message>
        <source>● held   ○ planned   ✕ not held   – cancelled</source>
        <translation>● برگزارشده   ○ برنامه‌ریزی‌شده   ✕ برگزارنشده   – لغوشده</translation>
    </message>
    <message>
        <source>Year calendar</source>
        <translation>تقویم سال</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>تاریخ برنامه</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>تاریخ برگزاری</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>حاضران</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>حد نصاب</translation>
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
        <source>Minutes</source>
        <translation>صورتجلسه</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>دارد</translation>
    </message>
    <message>
        <source>Resolutions</source>
        <translation>مصوبه‌ها</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>معوق</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Plan a meeting…</source>
        <translation>برنامه‌ریزی جلسه…</translation>
    </message>
    <message>
        <source>Plan a meeting on the year&apos;s schedule</source>
        <translation>جلسه‌ای در برنامهٔ سال بگذارید</translation>
    </message>
    <message>
        <source>Open meeting…</source>
        <translation>باز کردن جلسه…</translation>
    </message>
    <message>
        <source>Open the selected meeting with its resolutions</source>
        <translation>جلسهٔ برگزیده را با مصوبه‌هایش باز کنید</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>جلسه‌ها</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>فقط معوق‌ها</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>جلسه</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>پیگیری…</translation>
    </message>
    <message>
        <source>Record a follow-up or the status of the selected resolution</source>
        <translation>پیگیری یا وضعیت مصوبهٔ برگزیده را ثبت کنید</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>سمت</translation>
    </message>
    <message>
        <source>Letter no.</source>
        <translation>شمارهٔ نامه</translation>
    </message>
    <message>
        <source>Letter date</source>
        <translation>تاریخ نامه</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>افزودن عضو…</translation>
    </message>
    <message>
        <source>Add a member appointed by a letter</source>
        <translation>عضوی را که با نامه ابلاغ شده است بیفزایید</translation>
    </message>
    <message>
        <source>Attach letter…</source>
        <translation>پیوست نامهٔ ابلاغ…</translation>
    </message>
    <message>
        <source>Attach the appointing letter of the selected member</source>
        <translation>نامهٔ ابلاغ عضو برگزیده را پیوست کنید</translation>
    </message>
    <message>
        <source>Open letter</source>
        <translation>باز کردن نامهٔ ابلاغ</translation>
    </message>
    <message>
        <source>Open the appointing letter of the selected member</source>
        <translation>نامهٔ ابلاغ عضو برگزیده را باز کنید</translation>
    </message>
    <message>
        <source>Edit member…</source>
        <translation>ویرایش عضو…</translation>
    </message>
    <message>
        <source>Edit the selected member or end the membership</source>
        <translation>عضو برگزیده را ویرایش کنید یا عضویتش را پایان دهید</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>اعضا</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>شرکت‌کنندگان</translation>
    </message>
    <message>
        <source>Person-hours</source>
        <translation>نفر-ساعت</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز اثربخشی</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>مدرس</translation>
    </message>
    <message>
        <source>Register a course…</source>
        <translation>ثبت دوره…</translation>
    </message>
    <message>
        <source>Register a course that was held</source>
        <translation>دوره‌ای را که برگزار شده است ثبت کنید</translation>
    </message>
    <message>
        <source>Attach attendance sheet…</source>
        <translation>پیوست برگهٔ حضور…</translation>
    </message>
    <message>
        <source>Attach the signed attendance sheet of the selected course</source>
        <translation>برگهٔ حضور امضاشدهٔ دورهٔ برگزیده را پیوست کنید</translation>
    </message>
    <message>
        <source>Open attendance sheet</source>
        <translation>باز کردن برگهٔ حضور</translation>
    </message>
    <message>
        <source>Open the attendance sheet of the selected course</source>
        <translation>برگهٔ حضور دورهٔ برگزیده را باز کنید</translation>
    </message>
    <message>
        <source>Edit course…</source>
        <translation>ویرایش دوره…</translation>
    </message>
    <message>
        <source>Edit the selected course or its evaluation</source>
        <translation>دورهٔ برگزیده یا سنجش اثربخشی آن را ویرایش کنید</translation>
    </message>
    <message>
        <source>Training register</source>
        <translation>دفتر دوره‌های آموزشی</translation>
    </message>
    <message>
        <source>{all} meetings: {held} held, {missed} not held, {planned} planned</source>
        <translation>{all} جلسه: {held} برگزارشده، {missed} برگزارنشده، {planned} برنامه‌ریزی‌شده</translation>
    </message>
    <message>
        <source>{n} resolutions, {late} overdue</source>
        <translation>{n} مصوبه، {late} معوق</translation>
    </message>
    <message>
        <source>{code}: {n} courses, {h} person-hours</source>
        <translation>{code}: {n} دوره، {h} نفر-ساعت</translation>
    </message>
    <message>
        <source>12/5: {e} of {n} evaluated ({p}), mean score {m}</source>
        <translation>سنجش اثربخشی (⁨۱۲/۵⁩): {e} دوره از {n} دوره ({p})، میانگین امتیاز {m}</translation>
    </message>
</context>
</TS>
