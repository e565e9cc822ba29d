#!/usr/bin/env bash
# The frozen Linux build for glibc 2.31 (Kylin V10 SP1, UOS 20, Debian 11), x86_64.
#
# A PyInstaller bundle needs every GLIBC_ symbol version of the machine it was built on, so it is
# built inside a Debian 11 "bullseye" root (glibc 2.31) made with debootstrap, with a Python 3.11
# compiled there and PySide6-Essentials 6.9.x (the last wheels for manylinux_2_28: 6.10+ need
# glibc 2.34). Needs root and a network; takes 20–40 minutes on 2 cores, so it is not a CI step:
# run it by hand and record packaging/glibc_needs.py's output in packaging/README.md.
#
# Usage: sudo bash packaging/build_oldglibc.sh          (ROOT=/var/tmp/dzb-bullseye by default)
# Result: $ROOT/src/packaging/dist/dangzhibu-desktop, smoke-tested inside the root, and the
#         glibc survey of it (exit 1 when any file needs more than 2.31).
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
ROOT=${ROOT:-/var/tmp/dzb-bullseye}
PY_VERSION=${PY_VERSION:-3.11.9}
PYSIDE=${PYSIDE:-"PySide6-Essentials>=6.9,<6.10"}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8

command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap >/dev/null
if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
  echo "== debootstrap bullseye into $ROOT"
  debootstrap --variant=minbase bullseye "$ROOT" "$MIRROR" >/dev/null
fi
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
trap 'umount "$ROOT/proc" 2>/dev/null || true' EXIT
in_root() { chroot "$ROOT" /usr/bin/env -i PATH=/opt/py311/bin:/usr/bin:/bin HOME=/root LC_ALL=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen "$@"; }

echo "== build tools, Qt's runtime libraries and fonts inside the root"
in_root apt-get update -qq
in_root apt-get install -y -qq --no-install-recommends build-essential wget ca-certificates binutils \
  libssl-dev zlib1g-dev libbz2-dev libreadline-dev libsqlite3-dev libffi-dev liblzma-dev uuid-dev \
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libxcb-cursor0 \
  libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
  libxcb-xinerama0 fonts-wqy-zenhei poppler-utils >/dev/null

if [ ! -x "$ROOT/opt/py311/bin/python3" ]; then
  echo "== Python $PY_VERSION built inside the root"
  in_root bash -c "cd /tmp && wget -q https://www.python.org/ftp/python/$PY_VERSION/Python-$PY_VERSION.tgz \
    && tar xzf Python-$PY_VERSION.tgz && cd Python-$PY_VERSION \
    && ./configure -q --prefix=/opt/py311 --enable-shared LDFLAGS=-Wl,-rpath=/opt/py311/lib >/dev/null \
    && make -s -j\$(nproc) >/dev/null 2>&1 && make -s install >/dev/null 2>&1"
fi

echo "== the project (git HEAD) into the root"
rm -rf "$ROOT/src" && mkdir -p "$ROOT/src"
git -C "$HERE" archive HEAD | tar -x -C "$ROOT/src"
in_root python3 -m pip install -q --upgrade pip
in_root python3 -m pip install -q "$PYSIDE" /src "pyinstaller>=6.10"
echo "== frozen build and smoke test (inside the root)"
in_root bash -c "cd /src && python3 packaging/build.py --smoke"
echo "== glibc needed by the bundle"
python3 "$HERE/packaging/glibc_needs.py" "$ROOT/src/packaging/dist/dangzhibu-desktop" --max 2.31
