<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>SyncImportTab</name>
    <message>
        <source>Choose a received bundle. It is checked first (signature, every file&apos;s hash) and a trial import shows what would change; nothing is written until you confirm.</source>
        <translation>بستهٔ دریافتی را انتخاب کنید. نخست بررسی می‌شود (امضا و چکیدهٔ همهٔ پرونده‌ها) و یک ورود آزمایشی نشان می‌دهد چه چیزی تغییر خواهد کرد؛ تا تأیید نکنید چیزی نوشته نمی‌شود.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Choose the bundle file you received</source>
        <translation>برگزیدن پروندهٔ بستهٔ دریافتی</translation>
    </message>
    <message>
        <source>Check the bundle</source>
        <translation>بررسی بسته</translation>
    </message>
    <message>
        <source>Verify the bundle and show what importing it would change; nothing is written</source>
        <translation>بررسی بسته و نمایش آنچه ورود آن تغییر می‌دهد؛ چیزی نوشته نمی‌شود</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>ورود یک پوشه…</translation>
    </message>
    <message>
        <source>Check every bundle in a folder, in order per province, then import them</source>
        <translation>همهٔ بسته‌های یک پوشه را به ترتیب شماره برای هر استان بررسی و سپس وارد کنید</translation>
    </message>
    <message>
        <source>Bundle file:</source>
        <translation>پروندهٔ بسته:</translation>
    </message>
    <message>
        <source>If the bundle was encrypted for another age key, open it with that key&apos;s identity file.</source>
        <translation>اگر بسته برای کلید age دیگری رمز شده است، آن را با پروندهٔ همان کلید باز کنید.</translation>
    </message>
    <message>
        <source>Choose an age identity file…</source>
        <translation>انتخاب پروندهٔ کلید age…</translation>
    </message>
    <message>
        <source>Open a bundle encrypted for another age key with that key&apos;s file</source>
        <translation>باز کردن بستهٔ رمزشده برای کلید age دیگر با پروندهٔ همان کلید</translation>
    </message>
    <message>
        <source>Trust this office&apos;s key…</source>
        <translation>اعتماد به کلید این اداره…</translation>
    </message>
    <message>
        <source>Choose the office&apos;s public key file, compare its fingerprint and trust it</source>
        <translation>پروندهٔ کلید عمومی اداره را انتخاب کنید، اثر انگشت آن را مقایسه کنید و به آن اعتماد کنید</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>نوع رکورد</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>تازه</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>به‌روزشده</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>بی‌تغییر</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>ناسازگاری</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>ردشده</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>نگه‌داشته</translation>
    </message>
    <message>
        <source>File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>اداره</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Import it</source>
        <translation>وارد کن</translation>
    </message>
    <message>
        <source>Import the checked bundle</source>
        <translation>وارد کردن بستهٔ بررسی‌شده</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>وارد نکن</translation>
    </message>
    <message>
        <source>Leave the bundle without importing it</source>
        <translation>کنار گذاشتن بسته بی‌آن‌که وارد شود</translation>
    </message>
    <message>
        <source>Choose a received bundle</source>
        <translation>انتخاب بستهٔ دریافتی</translation>
    </message>
    <message>
        <source>Choose an age identity file</source>
        <translation>انتخاب پروندهٔ کلید age</translation>
    </message>
    <message>
        <source>Age identity files (*.txt *.key *.age-key);;All files (*)</source>
        <translation>پرونده‌های کلید age (*.txt *.key *.age-key);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Choose the bundle file first.</source>
        <translation>نخست پروندهٔ بسته را انتخاب کنید.</translation>
    </message>
    <message>
        <source>This bundle is encrypted for this office. Type the key passphrase to open it.</source>
        <translation>این بسته برای این اداره رمز شده است. برای باز کردنش عبارت عبور کلید را بنویسید.</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>بررسی بسته…</translation>
    </message>
    <message>
        <source>Checking the signature and every file of the bundle…</source>
        <translation>بررسی امضا و همهٔ پرونده‌های بسته…</translation>
    </message>
    <message>
        <source>Merging the records…</source>
        <translation>ادغام رکوردها…</translation>
    </message>
    <message>
        <source>This bundle (number {seq} from {office}) was imported before; importing it again changes nothing.</source>
        <translation>این بسته (شمارهٔ {seq} از {office}) پیش‌تر وارد شده است؛ ورود دوباره‌اش چیزی را تغییر نمی‌دهد.</translation>
    </message>
    <message>
        <source>Bundle number {seq} from {office}: nothing in it is new for this store; importing it changes nothing.</source>
        <translation>بستهٔ شمارهٔ {seq} از {office}: چیز تازه‌ای برای این سامانه ندارد؛ ورودش چیزی را تغییر نمی‌دهد.</translation>
    </message>
    <message>
        <source>Trial import of bundle number {seq} from {office}: this is what importing it would do. Nothing has been written yet.</source>
        <translation>ورود آزمایشی بستهٔ شمارهٔ {seq} از {office}: ورود آن چنین نتیجه‌ای خواهد داشت. هنوز چیزی نوشته نشده است.</translation>
    </message>
    <message>
        <source>The store is kept for this import for up to {minutes} minutes; meanwhile nothing else can be saved. Import it or choose «Do not import».</source>
        <translation>پایگاه داده تا {minutes} دقیقه برای این ورود نگه داشته می‌شود و در این مدت چیز دیگری ذخیره نمی‌شود. آن را وارد کنید یا «وارد نکن» را بزنید.</translation>
    </message>
    <message>
        <source>Bundle number {seq} from {office} was imported.</source>
        <translation>بستهٔ شمارهٔ {seq} از {office} وارد شد.</translation>
    </message>
    <message>
        <source>{type}: {count} held, waiting for {what}</source>
        <translation>{type}: {count} رکورد نگه داشته شد، در انتظار {what}</translation>
    </message>
    <message>
        <source>their time (the sending computer&apos;s clock is ahead)</source>
        <translation>رسیدن زمانشان (ساعت رایانهٔ فرستنده جلو است)</translation>
    </message>
    <message>
        <source>Writing the checked bundle…</source>
        <translation>نوشتن بستهٔ بررسی‌شده…</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>ورود بسته…</translation>
    </message>
    <message>
        <source>Choose the folder of received bundles</source>
        <translation>پوشهٔ بسته‌های دریافتی را انتخاب کنید</translation>
    </message>
    <message>
        <source>Some bundles are encrypted for this office. Type the key passphrase to open them.</source>
        <translation>برخی بسته‌ها برای این اداره رمز شده‌اند. برای باز کردن آن‌ها عبارت عبور کلید را بنویسید.</translation>
    </message>
    <message>
        <source>Bundle {index} of {count}: {file}</source>
        <translation>بستهٔ {index} از {count}: {file}</translation>
    </message>
    <message>
        <source>Checking the bundles…</source>
        <translation>بررسی بسته‌ها…</translation>
    </message>
    <message>
        <source>Trial import of {count} bundles: {accepted} to import, {replay} imported before, {refused} refused. Nothing has been written yet.</source>
        <translation>ورود آزمایشی {count} بسته: {accepted} بسته برای ورود، {replay} بسته پیش‌تر وارد شده، {refused} بسته پذیرفته نشد. هنوز چیزی نوشته نشده است.</translation>
    </message>
    <message>
        <source>{accepted} of {count} bundles were imported ({replay} imported before, {refused} refused).</source>
        <translation>{accepted} بسته از {count} بسته وارد شد ({replay} بسته پیش‌تر وارد شده بود، {refused} بسته پذیرفته نشد).</translation>
    </message>
    <message>
        <source>In all: {created} records new, {updated} updated, {conflicts} conflicts, {held} held.</source>
        <translation>در مجموع: {created} رکورد تازه، {updated} رکورد به‌روزشده، {conflicts} ناسازگاری، {held} رکورد نگه‌داشته.</translation>
    </message>
    <message>
        <source>To import</source>
        <translation>برای ورود</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <source>Imported before</source>
        <translation>پیش‌تر وارد شده</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>پذیرفته نشد</translation>
    </message>
    <message>
        <source>Get the public key file (.pub) of {office} from that office, compare its fingerprint with them (for example by phone), then trust it here.</source>
        <translation>پروندهٔ کلید عمومی ‎(.pub)‎ {office} را از همان اداره بگیرید، اثر انگشت آن را با ایشان (مثلاً تلفنی) مقایسه کنید و سپس همین‌جا به آن اعتماد کنید.</translation>
    </message>
    <message>
        <source>The office&apos;s public key</source>
        <translation>کلید عمومی اداره</translation>
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>کلیدهای عمومی (*.pub);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Trust this key for {office}?

Key id: {key_id}
Fingerprint: {fingerprint}

Confirm only if the office read you the same fingerprint.</source>
        <translation>به این کلید برای {office} اعتماد شود؟

شناسهٔ کلید: {key_id}
اثر انگشت: {fingerprint}

فقط اگر اداره همین اثر انگشت را برایتان خوانده است تأیید کنید.</translation>
    </message>
    <message>
        <source>Trust the office&apos;s key</source>
        <translation>اعتماد به کلید اداره</translation>
    </message>
</context>
</TS>
