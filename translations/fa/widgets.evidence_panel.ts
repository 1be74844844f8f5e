<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Attach files…</source>
        <translation>پیوست پرونده…</translation>
    </message>
    <message>
        <source>Attach photos or documents to this record</source>
        <translation>پیوست عکس یا سند به این رکورد</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Open the selected file</source>
        <translation>باز کردن پروندهٔ برگزیده</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Remove the selected file from this record</source>
        <translation>حذف پروندهٔ برگزیده از این رکورد</translation>
    </message>
    <message>
        <source>{title} ({n})</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>پیوست پرونده</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods *.txt);;All files (*)</source>
        <translation>عکس‌ها و اسناد (*.jpg *.jpeg *.png *.tif *.tiff *.pdf *.doc *.docx *.xls *.xlsx *.odt *.ods *.txt);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Storing the files…</source>
        <translation>ذخیرهٔ پرونده‌ها…</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>حذف پرونده</translation>
    </message>
    <message>
        <source>Remove «{name}» from this record?</source>
        <translation>«{name}» از این رکورد حذف شود؟</translation>
    </message>
</context>
</TS>
