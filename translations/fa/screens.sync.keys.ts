<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>SyncKeysTab</name>
    <message>
        <source>This office&apos;s keys</source>
        <translation>کلیدهای این اداره</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Copy the fingerprint, to read it out over the phone</source>
        <translation>رونوشت اثر انگشت، برای خواندن تلفنی</translation>
    </message>
    <message>
        <source>Copy the age recipient for offices that send you encrypted bundles</source>
        <translation>رونوشت گیرندهٔ age برای اداره‌هایی که برایتان بستهٔ رمزشده می‌فرستند</translation>
    </message>
    <message>
        <source>Save the public key file…</source>
        <translation>ذخیرهٔ پروندهٔ کلید عمومی…</translation>
    </message>
    <message>
        <source>Save this office&apos;s public key to give to the other side</source>
        <translation>ذخیرهٔ کلید عمومی این اداره برای دادن به طرف دیگر</translation>
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
        <source>Add the office&apos;s key from a {ext} file…</source>
        <translation>افزودن کلید اداره از پروندهٔ {ext}…</translation>
    </message>
    <message>
        <source>Trust another office&apos;s key from its public key file</source>
        <translation>اعتماد به کلید ادارهٔ دیگر از پروندهٔ کلید عمومی آن</translation>
    </message>
    <message>
        <source>Revoke the selected office&apos;s key…</source>
        <translation>باطل کردن کلید ادارهٔ انتخاب‌شده…</translation>
    </message>
    <message>
        <source>Refuse the selected office&apos;s bundles from now on</source>
        <translation>نپذیرفتن بسته‌های ادارهٔ برگزیده از این پس</translation>
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
