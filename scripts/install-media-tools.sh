#!/usr/bin/env bash
# Installs the media tools the asset bank runs on: libvips (images, PDF first pages; loaded in-process) with its
# CLI, and ffmpeg/ffprobe (video). Both the app and the tests need them. Idempotent: does nothing when present.
set -euo pipefail

if [[ -e /usr/lib/x86_64-linux-gnu/libvips.so.42 || -n "$(ldconfig -p 2>/dev/null | grep 'libvips.so.42')" ]] \
    && command -v vipsthumbnail >/dev/null && command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null; then
    exit 0
fi

SUDO=""
if [[ "$(id -u)" -ne 0 ]]; then SUDO="sudo"; fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libvips42 libvips-tools ffmpeg
