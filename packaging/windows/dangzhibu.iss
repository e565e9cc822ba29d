; Inno Setup 6 script: installs the one-folder build of 党支部工作台 (dangzhibu-desktop).
;
; Build it through packaging/build.py --installer (on Windows), which passes the version from
; dangzhibu_desktop/__init__.py:
;   ISCC /DMyAppVersion=0.1.0 /DMyAppFileVersion=0.1.0.0 /DSourceDir=..\dist\dangzhibu-desktop
;        /DIconFile=..\build\dangzhibu\generated\app.ico /O..\dist dangzhibu.iss
;
; The user's ledgers, backups and settings live in %APPDATA%\dangzhibu-desktop (or, in portable
; mode, in data\ beside the executable). The installer never creates them and the uninstaller
; never deletes them: this script has no [UninstallDelete] entries, and [InstallDelete] only
; clears the previous version's program files ({app}\_internal) before an upgrade.
; This file is UTF-8 with a byte-order mark, as Inno Setup wants for non-ASCII text.

#ifndef MyAppVersion
  #error Pass the version: ISCC /DMyAppVersion=X.Y.Z (packaging/build.py --installer does)
#endif
#ifndef MyAppFileVersion
  #define MyAppFileVersion MyAppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\dangzhibu-desktop"
#endif

#define MyAppName "党支部工作台"
#define MyAppExeName "dangzhibu-desktop.exe"
#define MyAppPublisher "dangzhibu-desktop"
#define MyAppDirName "dangzhibu-desktop"

[Setup]
; AppId identifies the application across versions (upgrades, uninstall): never change it.
AppId={{107AB5A5-38FB-4E65-B82B-B91E3C74814C}
AppName={#MyAppName}
AppVersion={#MyAppVersion}
AppVerName={#MyAppName} {#MyAppVersion}
AppPublisher={#MyAppPublisher}
VersionInfoVersion={#MyAppFileVersion}
VersionInfoProductName={#MyAppName}
VersionInfoDescription={#MyAppName} 安装程序
; ASCII folder name: some old tools on office PCs still stumble over Chinese paths.
DefaultDirName={autopf}\{#MyAppDirName}
DefaultGroupName={#MyAppName}
DisableProgramGroupPage=yes
; Office PCs often give no administrator rights: install for the current user unless the
; person chooses to install for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=dangzhibu-desktop-{#MyAppVersion}-setup
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
UninstallDisplayIcon={app}\{#MyAppExeName}
UninstallDisplayName={#MyAppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; Close a running copy before replacing its files; do not restart it behind the person's back.
CloseApplications=yes
RestartApplications=no

[Languages]
; Simplified Chinese is an unofficial Inno Setup translation: put ChineseSimplified.isl beside
; this script or into Inno Setup's Languages folder (see packaging/README.md). Without it the
; wizard's own buttons are English; the texts below stay Chinese.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "chs"; MessagesFile: "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "chs"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
chs.DesktopIcon=在桌面创建快捷方式
chs.ShortcutGroup=快捷方式：
chs.DemoShortcut=党支部工作台（示例台账）
chs.UninstallShortcut=卸载党支部工作台
chs.LaunchNow=立即运行党支部工作台

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:ShortcutGroup}"

[InstallDelete]
; The previous version's libraries and Qt plugins: stale ones could be loaded by the new version.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs; Excludes: "\portable,\portable.txt,\data"

[Icons]
Name: "{group}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; WorkingDir: "{app}"
Name: "{group}\{cm:DemoShortcut}"; Filename: "{app}\{#MyAppExeName}"; Parameters: "--demo"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallShortcut}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#MyAppName}"; Filename: "{app}\{#MyAppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#MyAppExeName}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent
