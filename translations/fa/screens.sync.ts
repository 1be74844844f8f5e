<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync bundles (*.itb *.zip *.age);;All files (*)</source>
        <translation>بسته‌های همگام‌سازی (*.itb *.zip *.age);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Offices</source>
        <translation>اداره‌ها</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>واحدها</translation>
    </message>
    <message>
        <source>Lookup lists</source>
        <translation>فهرست‌های پایه</translation>
    </message>
    <message>
        <source>Checklist templates</source>
        <translation>الگوهای چک‌لیست</translation>
    </message>
    <message>
        <source>Template sections</source>
        <translation>بخش‌های الگو</translation>
    </message>
    <message>
        <source>Template items</source>
        <translation>بندهای الگو</translation>
    </message>
    <message>
        <source>Checklists</source>
        <translation>چک‌لیست‌ها</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>پاسخ‌های چک‌لیست</translation>
    </message>
    <message>
        <source>Inspectors</source>
        <translation>بازرسان</translation>
    </message>
    <message>
        <source>Inspection plans</source>
        <translation>برنامه‌های بازرسی</translation>
    </message>
    <message>
        <source>Plan items</source>
        <translation>بندهای برنامه</translation>
    </message>
    <message>
        <source>Inspection visits</source>
        <translation>بازدیدهای بازرسی</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>یافته‌ها</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>اقدام‌های اصلاحی</translation>
    </message>
    <message>
        <source>Violation cases</source>
        <translation>پرونده‌های تخلف</translation>
    </message>
    <message>
        <source>Case steps</source>
        <translation>مراحل پرونده</translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation>مستندات</translation>
    </message>
    <message>
        <source>Send a bundle</source>
        <translation>فرستادن بسته</translation>
    </message>
    <message>
        <source>Receive a bundle</source>
        <translation>دریافت بسته</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>تاریخچهٔ دریافت</translation>
    </message>
    <message>
        <source>Keys and trust</source>
        <translation>کلیدها و اعتماد</translation>
    </message>
    <message>
        <source>A bundle carries this office&apos;s changes to the other side on a USB stick or by mail. It is signed with the office key; it can also be encrypted so that only the recipient can open it.</source>
        <translation>بسته، تغییرات این اداره را با حافظهٔ USB یا نامه به طرف دیگر می‌برد. بسته با کلید اداره امضا می‌شود و می‌توان آن را چنان رمز کرد که فقط گیرنده بتواند بازش کند.</translation>
    </message>
    <message>
        <source>Bundle for:</source>
        <translation>بسته برای:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>ذخیره در:</translation>
    </message>
    <message>
        <source>Everything the recipient may see (full bundle), not only the changes since the previous bundle</source>
        <translation>همهٔ آنچه گیرنده اجازهٔ دیدنش را دارد (بستهٔ کامل)، نه فقط تغییرات پس از بستهٔ پیشین</translation>
    </message>
    <message>
        <source>Encrypt for the recipient</source>
        <translation>رمز کردن برای گیرنده</translation>
    </message>
    <message>
        <source>Recipient&apos;s age key:</source>
        <translation>کلید age گیرنده:</translation>
    </message>
    <message>
        <source>Write the bundle…</source>
        <translation>نوشتن بسته…</translation>
    </message>
    <message>
        <source>Save the bundle as</source>
        <translation>ذخیرهٔ بسته</translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation>جای ذخیرهٔ بسته را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Paste the recipient&apos;s age key (it starts with age1).</source>
        <translation>کلید age گیرنده را بچسبانید (با age1 آغاز می‌شود).</translation>
    </message>
    <message>
        <source>The bundle is signed with this office&apos;s key. Type the key passphrase.</source>
        <translation>بسته با کلید این اداره امضا می‌شود. عبارت عبور کلید را بنویسید.</translation>
    </message>
    <message>
        <source>Opening the office key…</source>
        <translation>باز کردن کلید اداره…</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>نوشتن بسته…</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>بدون تغییر</translation>
    </message>
    <message>
        <source>Bundle number {seq} written to:
{path}
{records} records ({counts}); {files} evidence files; {size} KB{encrypted}.</source>
        <translation>بستهٔ شمارهٔ {seq} نوشته شد در:
{path}
{records} رکورد ({counts})؛ {files} پروندهٔ مستند؛ {size} کیلوبایت{encrypted}.</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>، رمزشده</translation>
    </message>
    <message>
        <source>Choose a received bundle. It is checked first (signature, every file&apos;s hash) and a trial import shows what would change; nothing is written until you confirm.</source>
        <translation>بستهٔ دریافتی را انتخاب کنید. نخست بررسی می‌شود (امضا و چکیدهٔ همهٔ پرونده‌ها) و یک ورود آزمایشی نشان می‌دهد چه چیزی تغییر خواهد کرد؛ تا تأیید نکنید چیزی نوشته نمی‌شود.</translation>
    </message>
    <message>
        <source>Check the bundle</source>
        <translation>بررسی بسته</translation>
    </message>
    <message>
        <source>Bundle file:</source>
        <translation>پروندهٔ بسته:</translation>
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
        <source>Import it</source>
        <translation>وارد کن</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>وارد نکن</translation>
    </message>
    <message>
        <source>Choose a received bundle</source>
        <translation>انتخاب بستهٔ دریافتی</translation>
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
        <source>Bundle number {seq} from {office} was imported.</source>
        <translation>بستهٔ شمارهٔ {seq} از {office} وارد شد.</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>ورود بسته…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>پیش‌تر وارد شده</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>پذیرفته نشد</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>دریافت</translation>
    </message>
    <message>
        <source>From office</source>
        <translation>از اداره</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>ساخت</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>رکوردها</translation>
    </message>
    <message>
        <source>By</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>{n} bundles received</source>
        <translation>{n} بسته دریافت شده است</translation>
    </message>
    <message>
        <source>This office&apos;s keys</source>
        <translation>کلیدهای این اداره</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Save the public key file…</source>
        <translation>ذخیرهٔ پروندهٔ کلید عمومی…</translation>
    </message>
    <message>
        <source>Signing key fingerprint:</source>
        <translation>اثر انگشت کلید امضا:</translation>
    </message>
    <message>
        <source>Age recipient (for encrypted bundles):</source>
        <translation>گیرندهٔ age (برای بسته‌های رمزشده):</translation>
    </message>
    <message>
        <source>Offices whose bundles this store accepts</source>
        <translation>اداره‌هایی که بسته‌شان در این سامانه پذیرفته می‌شود</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>اداره</translation>
    </message>
    <message>
        <source>Key id</source>
        <translation>شناسهٔ کلید</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>اثر انگشت</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>افزوده شده</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Revoked {when}</source>
        <translation>باطل‌شده در {when}</translation>
    </message>
    <message>
        <source>Add the office&apos;s key from a .pub file…</source>
        <translation>افزودن کلید اداره از پروندهٔ ‎.pub…</translation>
    </message>
    <message>
        <source>Revoke the selected office&apos;s key…</source>
        <translation>باطل کردن کلید ادارهٔ انتخاب‌شده…</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>اداره:</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>ذخیرهٔ کلید عمومی</translation>
    </message>
    <message>
        <source>Public keys (*.pub)</source>
        <translation>کلیدهای عمومی (*.pub)</translation>
    </message>
    <message>
        <source>The file could not be written: {reason}</source>
        <translation>پرونده نوشته نشد: {reason}</translation>
    </message>
    <message>
        <source>Public key saved to {path}.</source>
        <translation>کلید عمومی در {path} ذخیره شد.</translation>
    </message>
    <message>
        <source>The office&apos;s public key file</source>
        <translation>پروندهٔ کلید عمومی اداره</translation>
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>کلیدهای عمومی (*.pub);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}</source>
        <translation>پرونده خوانده نشد: {reason}</translation>
    </message>
    <message>
        <source>Key {key} of {office} is trusted. Compare its fingerprint with that office over the phone: {fingerprint}</source>
        <translation>کلید {key} ({office}) پذیرفته شد. اثر انگشت آن را تلفنی با همان اداره مقایسه کنید: {fingerprint}</translation>
    </message>
    <message>
        <source>Select the office&apos;s key in the list first.</source>
        <translation>نخست کلید اداره را در فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>باطل کردن کلید</translation>
    </message>
    <message>
        <source>Revoke the key of {office}? Bundles signed with it will be refused from now on.</source>
        <translation>کلید {office} باطل شود؟ از این پس بسته‌هایی که با آن امضا شده باشند پذیرفته نمی‌شوند.</translation>
    </message>
    <message>
        <source>The key of {office} was revoked.</source>
        <translation>کلید {office} باطل شد.</translation>
    </message>
    <message>
        <source>Read the fingerprint aloud when the other office adds this key; give the age recipient to offices that send you encrypted bundles.</source>
        <translation>هنگامی که ادارهٔ دیگر این کلید را می‌افزاید، اثر انگشت را برایش بخوانید؛ گیرندهٔ age را به اداره‌هایی بدهید که برایتان بستهٔ رمزشده می‌فرستند.</translation>
    </message>
</context>
</TS>
