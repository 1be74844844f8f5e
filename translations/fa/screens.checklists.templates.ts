<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>ItemDialog</name>
    <message>
        <source>Edit indicator</source>
        <translation>ویرایش شاخص</translation>
    </message>
    <message>
        <source>New indicator</source>
        <translation>شاخص تازه</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>جداشده با ویرگول</translation>
    </message>
    <message>
        <source>one sub-task per line</source>
        <translation>هر زیرفعالیت در یک سطر</translation>
    </message>
    <message>
        <source>e.g. meeting, course, percent</source>
        <translation>مثلاً جلسه، دوره، درصد</translation>
    </message>
    <message>
        <source>empty: no target</source>
        <translation>خالی: بی‌هدف</translation>
    </message>
    <message>
        <source>how the programme says it is measured (optional)</source>
        <translation>شیوهٔ سنجش به گفتهٔ برنامه (اختیاری)</translation>
    </message>
    <message>
        <source>Axis:</source>
        <translation>محور:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>کد:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
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
        <source>Partner units:</source>
        <translation>واحدهای همکار:</translation>
    </message>
    <message>
        <source>Sub-tasks:</source>
        <translation>زیرفعالیت‌ها:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Frequency:</source>
        <translation>تناوب:</translation>
    </message>
    <message>
        <source>Better when:</source>
        <translation>بهتر است:</translation>
    </message>
    <message>
        <source>from</source>
        <translation>از</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Accepted values:</source>
        <translation>مقدارهای پذیرفتنی:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>هدف:</translation>
    </message>
    <message>
        <source>Measurement rule:</source>
        <translation>شیوهٔ سنجش:</translation>
    </message>
    <message>
        <source>{what} must be a number; write it with digits or leave it empty.</source>
        <translation>{what} باید عدد باشد؛ آن را با رقم بنویسید یا خالی بگذارید.</translation>
    </message>
    <message>
        <source>The lower bound</source>
        <translation>کران پایین</translation>
    </message>
    <message>
        <source>The upper bound</source>
        <translation>کران بالا</translation>
    </message>
    <message>
        <source>The target</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>Add an axis to the template first.</source>
        <translation>نخست محوری به الگو بیفزایید.</translation>
    </message>
</context>
<context>
    <name>NewTemplateDialog</name>
    <message>
        <source>New template</source>
        <translation>الگوی تازه</translation>
    </message>
    <message>
        <source>Code (Latin):</source>
        <translation>کد (لاتین):</translation>
    </message>
    <message>
        <source>Persian title:</source>
        <translation>عنوان فارسی:</translation>
    </message>
    <message>
        <source>English title:</source>
        <translation>عنوان انگلیسی:</translation>
    </message>
</context>
<context>
    <name>SectionDialog</name>
    <message>
        <source>New axis</source>
        <translation>محور تازه</translation>
    </message>
    <message>
        <source>Axis number:</source>
        <translation>شمارهٔ محور:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Write the axis number as a whole number, for example 9.</source>
        <translation>شمارهٔ محور را به صورت عدد درست بنویسید، مثلاً ۹.</translation>
    </message>
</context>
<context>
    <name>TemplatesScreen</name>
    <message>
        <source>catalogue</source>
        <translation>فهرست مرجع</translation>
    </message>
    <message>
        <source>authored at HQ</source>
        <translation>نوشتهٔ ستاد</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>published</source>
        <translation>منتشرشده</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>شاخص‌ها</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>به کار رفته</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>خاستگاه</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>شاخص</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>واحد مسئول</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>سنجه</translation>
    </message>
    <message>
        <source>New template…</source>
        <translation>الگوی تازه…</translation>
    </message>
    <message>
        <source>Make a new template from scratch</source>
        <translation>ساختن الگویی تازه از صفر</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>نسخهٔ تازه…</translation>
    </message>
    <message>
        <source>Make an editable copy of the selected template</source>
        <translation>ساختن نسخهٔ ویرایش‌پذیر از الگوی برگزیده</translation>
    </message>
    <message>
        <source>Add axis…</source>
        <translation>افزودن محور…</translation>
    </message>
    <message>
        <source>Add an axis to the draft</source>
        <translation>افزودن محور به پیش‌نویس</translation>
    </message>
    <message>
        <source>Add indicator…</source>
        <translation>افزودن شاخص…</translation>
    </message>
    <message>
        <source>Add an indicator to the selected axis</source>
        <translation>افزودن شاخص به محور برگزیده</translation>
    </message>
    <message>
        <source>Edit indicator…</source>
        <translation>ویرایش شاخص…</translation>
    </message>
    <message>
        <source>Change the selected indicator</source>
        <translation>تغییر شاخص برگزیده</translation>
    </message>
    <message>
        <source>Remove indicator</source>
        <translation>حذف شاخص</translation>
    </message>
    <message>
        <source>Remove the selected indicator from the draft</source>
        <translation>حذف شاخص برگزیده از پیش‌نویس</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>انتشار</translation>
    </message>
    <message>
        <source>Publish the draft; a published version never changes</source>
        <translation>انتشار پیش‌نویس؛ نسخهٔ منتشرشده دیگر تغییر نمی‌کند</translation>
    </message>
    <message>
        <source>Blank form…</source>
        <translation>فرم خالی…</translation>
    </message>
    <message>
        <source>A printable blank form of the selected template</source>
        <translation>فرم خالی چاپی الگوی برگزیده</translation>
    </message>
    <message>
        <source>A version that has been published or used by a checklist never changes; to change it, make a new version. Provinces receive templates from headquarters through sync.</source>
        <translation>نسخه‌ای که منتشر شده یا در چک‌لیستی به کار رفته است هرگز تغییر نمی‌کند؛ برای تغییر، نسخهٔ تازه‌ای بسازید. استان‌ها الگوها را با همگام‌سازی از ستاد می‌گیرند.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;version {version}: {axes} axes, {items} indicators</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;&lt;br&gt;نسخهٔ {version}: {axes} محور، {items} شاخص</translation>
    </message>
    <message>
        <source>Remove indicator {code} from this draft?</source>
        <translation>شاخص {code} از این پیش‌نویس حذف شود؟</translation>
    </message>
    <message>
        <source>After publishing, this version can no longer change. Publish it?</source>
        <translation>پس از انتشار، این نسخه دیگر تغییر نمی‌کند. منتشر شود؟</translation>
    </message>
</context>
</TS>
