"""A .deb of the frozen Linux build in the UOS / deepin app-store layout, and its install test.

    python packaging/deb.py [BUNDLE_DIR] [--out DIR] [--arch amd64] [--check]

Layout (统信 UOS 应用商店打包规范; Kylin installs it the same way with dpkg):

    /opt/apps/<appid>/info                                   the store's JSON (appid, name, version, arch, permissions)
    /opt/apps/<appid>/files/                                 the frozen bundle (dangzhibu-desktop, _internal/)
    /opt/apps/<appid>/entries/applications/<appid>.desktop   the menu entry
    /opt/apps/<appid>/entries/icons/hicolor/scalable/apps/<appid>.svg (+ 256x256 .png)

Nothing outside /opt/apps/<appid>, no maintainer scripts: installing changes nothing else on the
system, removing takes everything away (UOS links the entries into the menu itself). ``--check``
then installs the package with ``dpkg -i`` (needs root), runs the installed program as a person
would — --version, demo, export shuzhi (.pdf), a screenshot of the 工作台 — in a clean HOME,
removes it with ``dpkg -r`` and checks nothing is left under /opt/apps/<appid>.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import buildinfo as bi  # noqa: E402

APP_ID = "cn.dangzhibu.desktop"
PACKAGE_NAME = APP_ID  # the store wants the package named as the appid
# What the bundle takes from the system (Qt's xcb platform and OpenGL, fonts config, D-Bus):
# the same list .ci/run installs for the window; glibc from the build root (2.31, Debian 11).
DEPENDS = ("libc6 (>= 2.31), libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1, "
           "libdbus-1-3, libxcb-cursor0 | libxcb-util1, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, "
           "libxcb-randr0, libxcb-render-util0, libxcb-image0, libxcb-xinerama0")
APPS = Path("/opt/apps") / APP_ID


def desktop_entry(version: str) -> str:
    exe = APPS / "files" / bi.EXE_NAME
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={bi.PRODUCT_NAME}",
        f"Name[zh_CN]={bi.PRODUCT_NAME}",
        "Comment=党支部台账、达标创星评估与年终材料（离线）",
        "Comment[zh_CN]=党支部台账、达标创星评估与年终材料（离线）",
        f"Exec={exe}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;",
        "Keywords=党支部;台账;三会一课;达标创星;述职;",
        "X-Deepin-Vendor=user-custom",
        f"X-AppVersion={version}",
        "",
    ])


def info_json(version: str, arch: str) -> str:
    return json.dumps({
        "appid": APP_ID, "name": bi.PRODUCT_NAME, "version": version, "arch": [arch],
        "permissions": {"autostart": False, "notification": False, "trayicon": False,
                        "clipboard": True, "account": False, "bluetooth": False, "camera": False,
                        "audio_record": False, "installed_apps": False},
    }, ensure_ascii=False, indent=2) + "\n"


def control(version: str, arch: str, installed_kb: int) -> str:
    return "\n".join([
        f"Package: {PACKAGE_NAME}",
        f"Version: {version}",
        f"Architecture: {arch}",
        "Maintainer: dangzhibu-desktop <dangzhibu-desktop@users.noreply.github.com>",
        f"Installed-Size: {installed_kb}",
        f"Depends: {DEPENDS}",
        "Section: utils",
        "Priority: optional",
        f"Description: {bi.PRODUCT_NAME}（党支部台账、达标创星评估与年终材料）",
        " 党支部书记用的离线桌面软件：党员和发展党员、三会一课及出勤、学时、志愿服务、先锋岗、",
        " 党费、整改事项记在一个本地台账文件里，对照达标创星查看达标情况，生成会议记录簿、",
        " 述职报告、自评报告、花名册等 Word 和 PDF 文档。",
        "",
    ])


def build_deb(bundle: Path, out_dir: Path, arch: str = "amd64") -> Path:
    version = bi.read_version()
    if not (bundle / bi.EXE_NAME).is_file():
        raise SystemExit(f"找不到打包结果：{bundle / bi.EXE_NAME}（先运行 python packaging/build.py）")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "root"
        app = root / APPS.relative_to("/")
        shutil.copytree(bundle, app / "files", symlinks=True)
        apps_dir = app / "entries" / "applications"
        apps_dir.mkdir(parents=True)
        (apps_dir / f"{APP_ID}.desktop").write_text(desktop_entry(version), "utf-8")
        icons = app / "entries" / "icons" / "hicolor"
        (icons / "scalable" / "apps").mkdir(parents=True)
        shutil.copyfile(bi.APP_ICON_SVG, icons / "scalable" / "apps" / f"{APP_ID}.svg")
        _ico, png = bi.render_icons(bi.APP_ICON_SVG, Path(tmp) / "icons")
        (icons / "256x256" / "apps").mkdir(parents=True)
        shutil.copyfile(png, icons / "256x256" / "apps" / f"{APP_ID}.png")
        (app / "info").write_text(info_json(version, arch), "utf-8")
        size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(control(version, arch, size_kb), "utf-8")
        for p in root.rglob("*"):  # dpkg wants 0755 folders and no group/other write
            if p.is_dir():
                p.chmod(0o755)
        out_dir.mkdir(parents=True, exist_ok=True)
        deb = out_dir / f"{PACKAGE_NAME}_{version}_{arch}.deb"
        # gzip: xz on ~200 MB takes minutes on two cores for a few MB less.
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(root), str(deb)],
                       check=True, stdout=subprocess.DEVNULL)
    return deb


def _run(argv, home: Path, timeout=180) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    return subprocess.run([str(a) for a in argv], env=env, cwd=str(home), capture_output=True, text=True,
                          timeout=timeout)


def check_deb(deb: Path) -> int:
    """Install, run, remove; one PASS/FAIL line per step; returns the number of failures."""
    failures = 0

    def step(name, ok, detail=""):
        nonlocal failures
        failures += not ok
        print(f"{'PASS' if ok else 'FAIL'} {name}" + (f": {detail}" if detail and not ok else ""))

    if APPS.exists():
        step("nothing installed before", False, f"{APPS} exists")
        return failures
    r = subprocess.run(["dpkg", "-i", str(deb)], capture_output=True, text=True)
    step("dpkg -i", r.returncode == 0, r.stderr[-400:])
    if r.returncode:
        return failures
    listed = subprocess.run(["dpkg", "-L", PACKAGE_NAME], capture_output=True, text=True).stdout.split()
    outside = [p for p in listed if not (p == "/opt" or p == "/opt/apps" or p.startswith(str(APPS)))
               and p not in ("/.",)]
    step("files only under /opt/apps/" + APP_ID, not outside, " ".join(outside[:5]))
    entry = APPS / "entries" / "applications" / f"{APP_ID}.desktop"
    step("menu entry", entry.is_file() and f"Exec={APPS}/files/" in entry.read_text("utf-8"))
    exe = APPS / "files" / bi.EXE_NAME
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        r = _run([exe, "--version"], home)
        step("--version", r.returncode == 0 and bi.PRODUCT_NAME in r.stdout, r.stderr[-300:])
        db = home / "示例台账.sqlite"
        r = _run([exe, "demo", "--db", db], home)
        step("demo", r.returncode == 0 and db.is_file(), r.stderr[-300:])
        pdf = home / "述职报告.pdf"
        r = _run([exe, "export", "shuzhi", "--db", db, "--out", pdf], home)
        step("export shuzhi .pdf", r.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 2000,
             r.stderr[-300:])
        shots = home / "截图"
        r = subprocess.run([str(exe), "--db", str(db), "--screenshot", str(shots)],
                           env={"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
                                "LANG": "C.UTF-8", "DANGZHIBU_SCREENSHOT_PAGES": "dashboard"},
                           cwd=str(home), capture_output=True, text=True, timeout=180)
        step("screenshot", r.returncode == 0 and any(shots.glob("*.png")), r.stderr[-300:])
    r = subprocess.run(["dpkg", "-r", PACKAGE_NAME], capture_output=True, text=True)
    step("dpkg -r", r.returncode == 0, r.stderr[-300:])
    step("removed cleanly", not APPS.exists(), f"{APPS} still there")
    return failures


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="build the UOS-layout .deb of the frozen Linux build")
    ap.add_argument("bundle", nargs="?", default=str(HERE / "dist" / bi.DIST_NAME))
    ap.add_argument("--out", default=str(HERE / "dist"))
    ap.add_argument("--arch", default="amd64")
    ap.add_argument("--check", action="store_true", help="install, run and remove it (root)")
    args = ap.parse_args(argv)
    deb = build_deb(Path(args.bundle), Path(args.out), args.arch)
    print(f"{deb} ({deb.stat().st_size / 1e6:.0f} MB)")
    if args.check:
        return 1 if check_deb(deb) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
