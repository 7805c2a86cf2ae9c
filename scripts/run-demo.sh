#!/usr/bin/env bash
# Sets up and runs the app on its embedded default (SQLite in ./data) with the demo recipe on first start.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

port="${PORT:-5080}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Platform__DataFolder="${Platform__DataFolder:-$root/data}"

bash scripts/install-media-tools.sh  # libvips + ffmpeg for the asset bank
dotnet build src/ParkGlobalMedia.Web -c Release -nologo -v quiet
cat <<INFO

  ParkGlobalMedia is starting on http://127.0.0.1:${port}
    admin UI   http://127.0.0.1:${port}/admin
    a site     http://127.0.0.1:${port}/yanhui-power   (negotiates the language; sitemap: /sitemap.xml)
    API        http://127.0.0.1:${port}/api/v1/stories?culture=en   (OpenAPI: /openapi/v1.json)
    health     http://127.0.0.1:${port}/healthz
  Demo sign-ins (Development only; created by recipes/demo.recipe.json):
    editor     editor@xiangjiang.demo    / Demo-Editor-2026
    reviewer   reviewer@xiangjiang.demo  / Demo-Reviewer-2026
    admin      admin@demo.local          / Demo-Admin-2026
  Data lives in ${Platform__DataFolder}; delete it to start over.

INFO
exec dotnet run --project src/ParkGlobalMedia.Web -c Release --no-build --no-launch-profile --urls "http://127.0.0.1:${port}"
