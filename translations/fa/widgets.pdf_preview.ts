<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>پیش‌نمایش چاپ</translation>
    </message>
    <message>
        <source>{pages} pages</source>
        <translation>{pages} صفحه</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <source>Print the document (Ctrl+P)</source>
        <translation>چاپ سند (Ctrl+P)</translation>
    </message>
    <message>
        <source>Open in the system viewer</source>
        <translation>باز کردن با نمایشگر سیستم</translation>
    </message>
    <message>
        <source>Open the PDF in the system&apos;s own viewer</source>
        <translation>باز کردن PDF در برنامهٔ نمایش سیستم</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Close the preview</source>
        <translation>بستن پیش‌نمایش</translation>
    </message>
    <message>
        <source>Sending the pages to the printer…</source>
        <translation>فرستادن صفحه‌ها به چاپگر…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>چاپ</translation>
    </message>
    <message>
        <source>Page {page} of {total}…</source>
        <translation>صفحهٔ {page} از {total}…</translation>
    </message>
</context>
</TS>
