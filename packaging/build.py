"""Build the one-folder frozen application on the current OS.

    python packaging/build.py                 build packaging/dist/dangzhibu-desktop/
    python packaging/build.py --smoke         … then run packaging/smoke_test.py on it
    python packaging/build.py --installer     … then (Windows) the Inno Setup installer

Needs PyInstaller (``pip install pyinstaller``) in the Python that has the application's
dependencies installed. Prints the build time and the unpacked size; exit status non-zero on failure.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import buildinfo as bi  # noqa: E402

SPEC = HERE / "dangzhibu.spec"
ISS = HERE / "windows" / "dangzhibu.iss"
DIST = HERE / "dist"
WORK = HERE / "build"
# The unpacked size the issue allows (MB); the build fails above it.
SIZE_LIMIT_MB = 250


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def bundle_dir() -> Path:
    return DIST / bi.DIST_NAME


def executable(bundle: Path | None = None, cli: bool = True) -> Path:
    """The executable to run from a shell (on Windows the console twin)."""
    bundle = bundle or bundle_dir()
    if sys.platform == "win32":
        return bundle / f"{bi.CLI_EXE_NAME if cli else bi.EXE_NAME}.exe"
    return bundle / bi.EXE_NAME


def run_pyinstaller(clean: bool) -> None:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SystemExit("PyInstaller is not installed: python -m pip install pyinstaller") from None
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        cmd.append("--clean")
    cmd.append(str(SPEC))
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=bi.ROOT)


def modules_missing_from_build() -> list[str]:
    """Modules of the package (forms included) that did not make it into the frozen archive."""
    toc = WORK / SPEC.stem / "PYZ-00.toc"
    bundled = set(re.findall(rf"'({bi.PACKAGE}(?:\.\w+)*)'", toc.read_text(encoding="utf-8")))
    wanted = set()
    for py in bi.PACKAGE_DIR.rglob("*.py"):
        parts = py.relative_to(bi.ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        elif parts[-1] == "__main__":
            continue
        wanted.add(".".join(parts))
    return sorted(wanted - bundled)


def build_installer(version: str) -> Path:
    """Windows: compile packaging/windows/dangzhibu.iss with Inno Setup's ISCC."""
    iscc = shutil.which("ISCC") or shutil.which("iscc")
    if not iscc:
        for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
            candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
            if base and candidate.is_file():
                iscc = str(candidate)
                break
    if not iscc:
        raise SystemExit("Inno Setup 6 (ISCC.exe) not found; install it from https://jrsoftware.org/isinfo.php")
    file_version = ".".join(str(n) for n in bi.version_tuple(version))
    icon = WORK / SPEC.stem / "generated" / "app.ico"  # rendered by the spec
    cmd = [iscc, f"/DMyAppVersion={version}", f"/DMyAppFileVersion={file_version}",
           f"/DSourceDir={bundle_dir()}", f"/DIconFile={icon}", f"/O{DIST}", str(ISS)]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return DIST / f"dangzhibu-desktop-{version}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Build the one-folder frozen application.")
    p.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    p.add_argument("--smoke", action="store_true", help="run smoke_test.py on the result")
    p.add_argument("--installer", action="store_true", help="Windows: also build the Inno Setup installer")
    args = p.parse_args(argv)

    version = bi.read_version()
    print(f"building {bi.PRODUCT_NAME} {version} for {sys.platform}", flush=True)
    started = time.monotonic()
    run_pyinstaller(args.clean)
    seconds = time.monotonic() - started
    bundle = bundle_dir()
    exe = executable(bundle)
    if not exe.is_file():
        print(f"build failed: {exe} missing", file=sys.stderr)
        return 1
    size_mb = folder_size(bundle) / 1e6
    print(f"built {bundle} in {seconds:.0f} s; unpacked size {size_mb:.1f} MB "
          f"({sum(1 for _ in bundle.rglob('*'))} files)", flush=True)
    status = 0
    missing = modules_missing_from_build()
    if missing:
        print("modules missing from the build: " + ", ".join(missing), file=sys.stderr)
        status = 1
    if size_mb > SIZE_LIMIT_MB:
        print(f"bundle is larger than {SIZE_LIMIT_MB} MB", file=sys.stderr)
        status = 1
    if args.installer:
        if sys.platform != "win32":
            print("--installer needs Windows (Inno Setup)", file=sys.stderr)
            status = 1
        else:
            print(f"installer: {build_installer(version)}")
    if args.smoke and status == 0:
        status = subprocess.run([sys.executable, str(HERE / "smoke_test.py"), str(bundle)]).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
