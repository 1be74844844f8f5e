; Windows installer for Integrity Desktop (NSIS 3, Unicode, MUI2, Persian pages).
;   makensis -DVERSION=0.1.0 -DPAYLOAD=..\..\dist\integrity-desktop -DEXE=integrity-desktop.exe installer\windows\integrity-desktop.nsi
; Installs per machine, adds Start-menu and desktop shortcuts, registers .itb bundles so a
; double-click opens the import screen, and uninstalls without touching the user's data
; (%LOCALAPPDATA%\IntegrityDesktop).
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\integrity-desktop"
!endif
!ifndef EXE
  !define EXE "integrity-desktop.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\IntegrityDesktop-Setup-${VERSION}.exe"
!endif
!ifdef FAST
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif

!define APPNAME "سامانه سلامت اداری"
!define REGKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\IntegrityDesktop"

Name "${APPNAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\IntegrityDesktop"
InstallDirRegKey HKLM "Software\IntegrityDesktop" "InstallDir"
RequestExecutionLevel admin
BrandingText "سازمان آموزش فنی و حرفه‌ای کشور"
!define MUI_ICON "..\..\resources\icons\integrity-desktop.ico"
!define MUI_UNICON "..\..\resources\icons\integrity-desktop.ico"
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Farsi"
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_FARSI} "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_FARSI} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_FARSI} "CompanyName" "سازمان آموزش فنی و حرفه‌ای کشور"
VIAddVersionKey /LANG=${LANG_FARSI} "FileDescription" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_FARSI} "LegalCopyright" "سازمان آموزش فنی و حرفه‌ای کشور"

Section "Install"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  WriteRegStr HKLM "Software\IntegrityDesktop" "InstallDir" "$INSTDIR"
  CreateDirectory "$SMPROGRAMS\${APPNAME}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APPNAME}\حذف ${APPNAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  ; Sync bundles (.itb): a double-click opens the import screen.
  WriteRegStr HKCR ".itb" "" "IntegrityDesktop.Bundle"
  WriteRegStr HKCR "IntegrityDesktop.Bundle" "" "بستهٔ همگام‌سازی سامانه سلامت اداری"
  WriteRegStr HKCR "IntegrityDesktop.Bundle\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr HKCR "IntegrityDesktop.Bundle\shell\open\command" "" '"$INSTDIR\${EXE}" --open "%1"'
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${REGKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${REGKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${REGKEY}" "Publisher" "سازمان آموزش فنی و حرفه‌ای کشور"
  WriteRegStr HKLM "${REGKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKLM "${REGKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${REGKEY}" "NoModify" 1
  WriteRegDWORD HKLM "${REGKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  ; Only the program: the stores, backups and evidence in %LOCALAPPDATA%\IntegrityDesktop stay.
  RMDir /r "$INSTDIR"
  Delete "$DESKTOP\${APPNAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APPNAME}"
  DeleteRegKey HKCR ".itb"
  DeleteRegKey HKCR "IntegrityDesktop.Bundle"
  DeleteRegKey HKLM "${REGKEY}"
  DeleteRegKey HKLM "Software\IntegrityDesktop"
SectionEnd
