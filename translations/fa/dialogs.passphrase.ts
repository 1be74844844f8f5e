<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Key passphrase</source>
        <translation>عبارت عبور کلید</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>ادامه</translation>
    </message>
    <message>
        <source>Office key passphrase:</source>
        <translation>عبارت عبور کلید اداره:</translation>
    </message>
</context>
</TS>
