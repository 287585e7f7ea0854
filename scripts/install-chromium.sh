#!/bin/sh
# Install headless Chromium (Debian package) for tests/test_browser.py.
# Idempotent: exits 0 at once when /usr/bin/chromium is already there.
# Non-interactive and quiet; needs root (or password-less sudo).
#   Usage: sh scripts/install-chromium.sh
set -eu

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

if [ -x "$CHROMIUM" ]; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install-chromium.sh: need root (or password-less sudo) to apt-get install chromium" >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium.sh: apt-get not found; install Chromium with your package manager" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Update the package lists only when installing straight away fails (lists missing/stale).
if ! $SUDO apt-get install -y -q -o Dpkg::Use-Pty=0 chromium >/dev/null 2>&1; then
    $SUDO apt-get update -q >/dev/null
    $SUDO apt-get install -y -q -o Dpkg::Use-Pty=0 chromium >/dev/null
fi

if [ ! -x "$CHROMIUM" ]; then
    echo "install-chromium.sh: apt-get finished but $CHROMIUM is missing" >&2
    exit 1
fi
