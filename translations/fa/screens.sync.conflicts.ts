<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>حذف‌شده</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>واحد</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>تأییدکننده</translation>
    </message>
    <message>
        <source>Return note</source>
        <translation>یادداشت بازگرداندن</translation>
    </message>
    <message>
        <source>Approved at</source>
        <translation>زمان تأیید</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>زمان ارسال</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>مهلت</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ترتیب</translation>
    </message>
    <message>
        <source>Progress (percent)</source>
        <translation>پیشرفت (درصد)</translation>
    </message>
    <message>
        <source>Sub-tasks done</source>
        <translation>زیرکارهای انجام‌شده</translation>
    </message>
    <message>
        <source>Computed from the registers</source>
        <translation>محاسبه از دفترها</translation>
    </message>
    <message>
        <source>Source of the computed figure</source>
        <translation>منبع رقم محاسبه‌شده</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>درصد تکمیل</translation>
    </message>
    <message>
        <source>Search text</source>
        <translation>متن جست‌وجو</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>الگو</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>چک‌لیست</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Approval stamp</source>
        <translation>مهر زمانی تأیید</translation>
    </message>
    <message>
        <source>Employee&apos;s name</source>
        <translation>نام کارمند</translation>
    </message>
    <message>
        <source>Employee&apos;s post</source>
        <translation>سمت کارمند</translation>
    </message>
    <message>
        <source>National code</source>
        <translation>کد ملی</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>گزارش‌دهنده</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>تاریخ گزارش</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>خلاصه</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>تخلف‌ها</translation>
    </message>
    <message>
        <source>Referred from a visit&apos;s finding</source>
        <translation>ارجاع از یافتهٔ بازدید</translation>
    </message>
    <message>
        <source>Training centre</source>
        <translation>مرکز آموزش</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>اداره</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>Take the set-aside value</source>
        <translation>برداشتن مقدار کنارگذاشته</translation>
    </message>
    <message>
        <source>Show resolved conflicts too</source>
        <translation>ناسازگاری‌های رسیدگی‌شده هم نشان داده شود</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>زمان یافتن</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>رکورد</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>کجا</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>علت</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Differing fields</source>
        <translation>فیلدهای متفاوت</translation>
    </message>
    <message>
        <source>Keep the applied version</source>
        <translation>نگه داشتن نسخهٔ اعمال‌شده</translation>
    </message>
    <message>
        <source>Keep the version in use now and close the conflict</source>
        <translation>نگه داشتن نسخه‌ای که اکنون به کار است و بستن ناسازگاری</translation>
    </message>
    <message>
        <source>Take the set-aside version</source>
        <translation>برداشتن نسخهٔ کنارگذاشته</translation>
    </message>
    <message>
        <source>Use the other office&apos;s version instead</source>
        <translation>به کار گرفتن نسخهٔ ادارهٔ دیگر به جای آن</translation>
    </message>
    <message>
        <source>Save the ticked fields (merge)</source>
        <translation>ذخیرهٔ فیلدهای علامت‌خورده (ادغام)</translation>
    </message>
    <message>
        <source>Take only the ticked fields from the set-aside version</source>
        <translation>برداشتن فقط فیلدهای علامت‌خورده از نسخهٔ کنارگذاشته</translation>
    </message>
    <message>
        <source>Differing fields are highlighted. Tick a field to take the set-aside value for it, then save the merge; or keep one version whole.</source>
        <translation>فیلدهای متفاوت رنگی شده‌اند. برای برداشتن مقدار کنارگذاشتهٔ یک فیلد آن را علامت بزنید و ادغام را ذخیره کنید؛ یا یکی از دو نسخه را کامل نگه دارید.</translation>
    </message>
    <message>
        <source>Only an administrator or an HQ reviewer reviews sync conflicts.</source>
        <translation>فقط مدیر سامانه یا کارشناس بازبینی ستاد به ناسازگاری‌های همگام‌سازی رسیدگی می‌کند.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>Applied version kept</source>
        <translation>نسخهٔ اعمال‌شده نگه داشته شد</translation>
    </message>
    <message>
        <source>Set-aside version taken</source>
        <translation>نسخهٔ کنارگذاشته برداشته شد</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>ادغام شد</translation>
    </message>
    <message>
        <source>{n} open conflicts</source>
        <translation>{n} ناسازگاری باز</translation>
    </message>
    <message>
        <source>No conflict is waiting for a decision.</source>
        <translation>ناسازگاری‌ای در انتظار تصمیم نیست.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{kind}&lt;/b&gt; — {why}. Found {when} while importing a bundle from {office}.</source>
        <translation>&lt;b&gt;{kind}&lt;/b&gt; — {why}. در {when} هنگام ورود بسته‌ای از {office} یافت شد.</translation>
    </message>
    <message>
        <source>Applied version</source>
        <translation>نسخهٔ اعمال‌شده</translation>
    </message>
    <message>
        <source>Set-aside version</source>
        <translation>نسخهٔ کنارگذاشته</translation>
    </message>
    <message>
        <source>The applied version was kept.</source>
        <translation>نسخهٔ اعمال‌شده نگه داشته شد.</translation>
    </message>
    <message>
        <source>The set-aside version was taken; it travels with the next bundle.</source>
        <translation>نسخهٔ کنارگذاشته برداشته شد؛ با بستهٔ بعدی فرستاده می‌شود.</translation>
    </message>
    <message>
        <source>The merged version was saved; it travels with the next bundle.</source>
        <translation>نسخهٔ ادغام‌شده ذخیره شد؛ با بستهٔ بعدی فرستاده می‌شود.</translation>
    </message>
</context>
</TS>
