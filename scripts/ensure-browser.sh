#!/usr/bin/env bash
# First step of `npm test` (and of .ci/run): the end-to-end tests drive Debian's Chromium and
# firefox-esr, and need a CJK font or Chinese renders as boxes in the screenshots. Installs them
# when missing and this is root with apt (a fresh machine, CI); otherwise says what to install.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
[ -x "$firefox" ] || missing+=(firefox-esr)
# Captured first: with pipefail, `grep -q` closing the pipe early would fail fc-list.
fonts="$(fc-list 2>/dev/null || true)"
grep -qi 'Noto Sans CJK' <<<"$fonts" || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "The end-to-end tests need ${missing[*]}: run  sudo apt-get install -y chromium firefox-esr fonts-noto-cjk  (or set CHROMIUM_PATH, FIREFOX_PATH)" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} for the end-to-end tests (apt-get)…"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium firefox-esr fonts-noto-cjk fontconfig
fi
"$chromium" --version
"$firefox" --version
