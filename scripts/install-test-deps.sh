#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: libvips and ffmpeg (scripts/install-media-tools.sh), Debian's Chromium for the browser tests (Playwright cannot
# download its own browser here), axe-core for the accessibility checks, and s3rver, a small S3-compatible server
# the blob-storage tests run on loopback. Idempotent: does nothing when all are present.
set -euo pipefail

AXE_VERSION=4.14.1
S3RVER_VERSION=3.7.1
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$ROOT/scripts/install-media-tools.sh"

if [[ ! -x /usr/bin/chromium ]]; then
    SUDO=""
    if [[ "$(id -u)" -ne 0 ]]; then SUDO="sudo"; fi
    # The Noto fonts give CJK and Arabic glyphs, so screenshots of zh/ja/ar pages show text, not boxes.
    $SUDO apt-get update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        chromium fonts-noto-cjk fonts-noto-core
fi

if [[ ! -f "$ROOT/.tools/axe/node_modules/axe-core/axe.min.js" ]]; then
    npm install --prefix "$ROOT/.tools/axe" "axe-core@$AXE_VERSION" --save-exact --no-audit --no-fund
fi

if [[ ! -x "$ROOT/.tools/s3rver/node_modules/.bin/s3rver" ]]; then
    npm install --prefix "$ROOT/.tools/s3rver" "s3rver@$S3RVER_VERSION" --save-exact --no-audit --no-fund
fi

/usr/bin/chromium --version 2>/dev/null  # the Debian wrapper warns harmlessly when /dev/shm is mounted twice
echo "axe-core: $ROOT/.tools/axe/node_modules/axe-core/axe.min.js"
echo "s3rver:   $ROOT/.tools/s3rver/node_modules/.bin/s3rver"
