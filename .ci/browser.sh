#!/usr/bin/env bash
# Installs what the browser test (ServerBrowserIT) drives: Debian's chromium and its
# chromedriver, unless both are already there. CI runs as root on a fresh Debian machine.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "ci: the browser test needs chromium and chromium-driver: run as root, or install them" >&2
  exit 1
fi
echo "ci: installing chromium and chromium-driver for the browser test"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
