<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>OpenEvidence</name>
    <message>
        <source>No program on this computer opens «{name}». Install a program for this kind of file, then try again.</source>
        <translation>هیچ برنامه‌ای در این رایانه «{name}» را باز نمی‌کند؛ برنامه‌ای برای این گونه پرونده نصب کنید و دوباره بکوشید.</translation>
    </message>
</context>
</TS>
