#!/usr/bin/env bash
# Renders the demo asset corpus in content/assets/files/ from nothing: every picture is an SVG written here and
# rasterised by libvips (librsvg + Pango, so Chinese and Arabic text is shaped properly), the videos are drawn by
# ffmpeg's lavfi sources over frames made the same way, and the H5 page is written inline and zipped.
# Nothing is downloaded; all people, companies, products and places-as-drawn are fictional illustrations.
#
# The outputs are committed next to this script, so the app never needs ffmpeg to create them; re-run the script
# only to change them (then commit both). Runs are deterministic: no timestamps, fixed noise seeds, bit-exact
# ffmpeg flags, single-threaded x264, fixed zip entry times.
#
#   content/assets/make-demo-assets.sh            # everything
#   content/assets/make-demo-assets.sh bogie_rig  # only the named asset functions (see the list in main)
#
# Needs: vips (8.14, with svg/webp support), ffmpeg (libx264 + aac), python3 (standard library only: it writes
# the EXIF APP1 segment and the one-page PDF, which none of the other tools can), zip, and the Noto fonts
# (fonts-noto-cjk for Chinese, fonts-noto-core for Latin/Cyrillic/Arabic).
set -euo pipefail
export LC_ALL=C.UTF-8 TZ=UTC

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$HERE/files"
WORK="$(mktemp -d)"
trap '[[ -n ${KEEP_WORK:-} ]] || rm -rf "$WORK"' EXIT   # KEEP_WORK=1 keeps the SVGs for inspection
if [[ -n ${KEEP_WORK:-} ]]; then echo "work folder: $WORK"; fi

CJK="Noto Sans CJK SC"     # Simplified-Chinese forms of the CJK glyphs
LATIN="Noto Sans"
ARABIC="Noto Naskh Arabic"

check_tools() {
    local tool
    for tool in vips ffmpeg python3 zip fc-list; do
        command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 1; }
    done
    # Without the CJK font Pango silently draws boxes, which would be committed as "finished" art.
    fc-list "$CJK" | grep -q . || { echo "font '$CJK' missing: apt-get install -y fonts-noto-cjk fonts-noto-core" >&2; exit 1; }
    fc-list "$LATIN" | grep -q . || { echo "font '$LATIN' missing: apt-get install -y fonts-noto-core" >&2; exit 1; }
}

# ---------------------------------------------------------------------------------------------------------------
# Small deterministic random numbers (a linear congruential generator in shell arithmetic) for scattered details:
# bash's own $RANDOM sequence is not promised to stay the same across bash versions.
SEED=1
srand() { SEED=$1; }
# rnd N -> sets R to an integer in [0, N)
rnd() { SEED=$(( (SEED * 1103515245 + 12345) % 2147483648 )); R=$(( (SEED / 65536) % $1 )); }

# Key=value arguments for the drawing helpers: `person x=100 y=900 shirt=#123` sets the caller-declared locals.
kv() { local a; for a in "$@"; do printf -v "${a%%=*}" '%s' "${a#*=}"; done; }

# ---------------------------------------------------------------------------------------------------------------
# SVG building blocks. Every helper prints an SVG fragment drawn in its own local coordinates (ground at y=0,
# facing right) and placed with translate/scale, so scenes read as a list of props.

svg_begin() { # width height
    cat <<EOF
<svg xmlns="http://www.w3.org/2000/svg" width="$1" height="$2" viewBox="0 0 $1 $2">
<defs>
  <linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d8f1ff"/><stop offset="1" stop-color="#6fa8c9"/></linearGradient>
  <linearGradient id="steel" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f6f8"/><stop offset=".45" stop-color="#9aa5b1"/><stop offset=".55" stop-color="#6b7785"/><stop offset="1" stop-color="#c9d1d9"/></linearGradient>
  <linearGradient id="steelh" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#5d6875"/><stop offset=".3" stop-color="#e9eef2"/><stop offset=".6" stop-color="#8c97a3"/><stop offset="1" stop-color="#4a5360"/></linearGradient>
  <linearGradient id="scrim" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".62"/></linearGradient>
  <radialGradient id="vignette" cx=".5" cy=".5" r=".75"><stop offset=".6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity=".35"/></radialGradient>
  <filter id="blur4" x="-20%" y="-20%" width="140%" height="140%"><feGaussianBlur stdDeviation="4"/></filter>
  <filter id="blur12" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="12"/></filter>
  <filter id="blur30" x="-80%" y="-80%" width="260%" height="260%"><feGaussianBlur stdDeviation="30"/></filter>
</defs>
EOF
}
svg_end() { echo "</svg>"; }

# A vertical three-stop gradient filling the canvas (sky, wall, studio backdrop).
backdrop() { # id width height top middle bottom
    echo "<linearGradient id=\"$1\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\"><stop offset=\"0\" stop-color=\"$4\"/><stop offset=\".6\" stop-color=\"$5\"/><stop offset=\"1\" stop-color=\"$6\"/></linearGradient>"
    echo "<rect width=\"$2\" height=\"$3\" fill=\"url(#$1)\"/>"
}

# Darkened edges and a bottom scrim with the bilingual credit band: brand colour bar, Chinese line, English line.
# Every raster carries it, so a rendition seen out of context still says whose (fictional) picture it is.
credit_band() { # width height accent zh en
    local w=$1 h=$2 accent=$3 zh=$4 en=$5
    echo "<rect width=\"$w\" height=\"$h\" fill=\"url(#vignette)\"/>"
    echo "<rect y=\"$((h - 190))\" width=\"$w\" height=\"190\" fill=\"url(#scrim)\"/>"
    echo "<rect x=\"48\" y=\"$((h - 104))\" width=\"8\" height=\"66\" fill=\"$accent\"/>"
    echo "<text x=\"72\" y=\"$((h - 72))\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"30\" fill=\"#fff\">$zh</text>"
    echo "<text x=\"72\" y=\"$((h - 40))\" font-family=\"$LATIN\" font-size=\"21\" fill=\"#e8e8e8\">$en</text>"
}

# A standing worker, ~190 units tall, feet at y=0. pose: stand | point (right arm raised) | tablet | notebook | wave.
# coat=1 draws a knee-length lab coat; vest=1 a high-visibility vest with reflective stripes; hair=pony a ponytail.
person() {
    local x=0 y=0 s=1 shirt='#34495e' hat=none skin='#e0ac69' pose=stand legs='#2d3142' hair='#2b1d14' \
          style=short coat=0 vest=0 screen='#7be0ad' flip=1
    kv "$@"
    echo "<g transform=\"translate($x $y) scale($(awk "BEGIN{print $flip*$s}") $s)\">"
    echo "<ellipse cx=\"0\" cy=\"0\" rx=\"34\" ry=\"7\" fill=\"#000\" opacity=\".22\"/>"
    echo "<rect x=\"-15\" y=\"-90\" width=\"13\" height=\"86\" rx=\"6\" fill=\"$legs\"/><rect x=\"2\" y=\"-90\" width=\"13\" height=\"86\" rx=\"6\" fill=\"$legs\"/>"
    echo "<rect x=\"-18\" y=\"-9\" width=\"17\" height=\"9\" rx=\"4\" fill=\"#1b1b1b\"/><rect x=\"1\" y=\"-9\" width=\"17\" height=\"9\" rx=\"4\" fill=\"#1b1b1b\"/>"
    if [[ $style == pony ]]; then echo "<ellipse cx=\"-16\" cy=\"-170\" rx=\"7\" ry=\"16\" fill=\"$hair\" transform=\"rotate(20 -16 -170)\"/>"; fi
    # arms behind the torso for the poses where they hang down
    local arm="<rect x=\"-31\" y=\"-154\" width=\"10\" height=\"62\" rx=\"5\" fill=\"$shirt\"/><circle cx=\"-26\" cy=\"-92\" r=\"5.5\" fill=\"$skin\"/>"
    local armr="<rect x=\"21\" y=\"-154\" width=\"10\" height=\"62\" rx=\"5\" fill=\"$shirt\"/><circle cx=\"26\" cy=\"-92\" r=\"5.5\" fill=\"$skin\"/>"
    case $pose in
        stand) echo "$arm$armr" ;;
        point) echo "$arm<g transform=\"rotate(-118 26 -150)\">$armr</g>" ;;
        wave)  echo "$arm<g transform=\"rotate(-160 26 -150)\">$armr</g>" ;;
        shake) echo "$arm<g transform=\"rotate(-70 26 -150)\">$armr</g>" ;;
    esac
    if [[ $coat == 1 ]]; then
        echo "<path d=\"M-23 -152 Q-23 -160 -10 -160 L10 -160 Q23 -160 23 -152 L26 -60 L-26 -60 Z\" fill=\"#f4f6f7\"/><line x1=\"0\" y1=\"-150\" x2=\"0\" y2=\"-60\" stroke=\"#cfd6db\" stroke-width=\"2\"/>"
        echo "<path d=\"M-8 -160 L0 -140 L8 -160 Z\" fill=\"$shirt\"/>"
    else
        echo "<path d=\"M-22 -88 L-23 -146 Q-23 -160 -9 -160 L9 -160 Q23 -160 23 -146 L22 -88 Z\" fill=\"$shirt\"/>"
    fi
    if [[ $vest == 1 ]]; then
        echo "<path d=\"M-22 -92 L-22 -146 Q-22 -158 -12 -158 L-5 -158 L-5 -92 Z M22 -92 L22 -146 Q22 -158 12 -158 L5 -158 L5 -92 Z\" fill=\"#ff7b00\"/>"
        echo "<rect x=\"-22\" y=\"-122\" width=\"17\" height=\"5\" fill=\"#eef3f5\"/><rect x=\"5\" y=\"-122\" width=\"17\" height=\"5\" fill=\"#eef3f5\"/>"
        echo "<rect x=\"-22\" y=\"-106\" width=\"17\" height=\"5\" fill=\"#eef3f5\"/><rect x=\"5\" y=\"-106\" width=\"17\" height=\"5\" fill=\"#eef3f5\"/>"
    fi
    case $pose in
        tablet)   # forearms forward holding a tablet whose screen shows a trace
            echo "<rect x=\"-31\" y=\"-154\" width=\"10\" height=\"40\" rx=\"5\" fill=\"$shirt\"/><rect x=\"21\" y=\"-154\" width=\"10\" height=\"40\" rx=\"5\" fill=\"$shirt\"/>"
            echo "<rect x=\"-20\" y=\"-136\" width=\"40\" height=\"28\" rx=\"3\" fill=\"#1d1f24\" transform=\"rotate(-8 0 -122)\"/><rect x=\"-16\" y=\"-132\" width=\"32\" height=\"20\" fill=\"#0d2b36\" transform=\"rotate(-8 0 -122)\"/>"
            echo "<polyline points=\"-14,-121 -9,-121 -7,-128 -5,-116 -2,-121 4,-121 6,-130 8,-118 10,-121 14,-121\" fill=\"none\" stroke=\"$screen\" stroke-width=\"1.6\" transform=\"rotate(-8 0 -122)\"/>"
            echo "<circle cx=\"-22\" cy=\"-116\" r=\"5.5\" fill=\"$skin\"/><circle cx=\"22\" cy=\"-120\" r=\"5.5\" fill=\"$skin\"/>" ;;
        notebook)
            echo "<rect x=\"-31\" y=\"-154\" width=\"10\" height=\"62\" rx=\"5\" fill=\"$shirt\"/><circle cx=\"-26\" cy=\"-92\" r=\"5.5\" fill=\"$skin\"/>"
            echo "<rect x=\"21\" y=\"-154\" width=\"10\" height=\"38\" rx=\"5\" fill=\"$shirt\"/>"
            echo "<rect x=\"2\" y=\"-134\" width=\"26\" height=\"32\" rx=\"2\" fill=\"#f5e6c8\" stroke=\"#7a5c3a\" stroke-width=\"1.5\"/><circle cx=\"24\" cy=\"-114\" r=\"5.5\" fill=\"$skin\"/>" ;;
    esac
    echo "<rect x=\"-5\" y=\"-166\" width=\"10\" height=\"9\" fill=\"$skin\"/>"
    echo "<circle cx=\"0\" cy=\"-178\" r=\"15\" fill=\"$skin\"/>"
    if [[ $hat == none ]]; then
        case $style in
            pony)  echo "<path d=\"M-16 -178 Q-16 -197 0 -197 Q16 -197 16 -180 Q6 -188 -16 -178 Z\" fill=\"$hair\"/>" ;;
            scarf) echo "<path d=\"M-18 -176 Q-18 -200 0 -200 Q18 -200 18 -176 L20 -152 L-20 -152 Z\" fill=\"$hair\"/><circle cx=\"0\" cy=\"-176\" r=\"11\" fill=\"$skin\"/>" ;;
            grey)  echo "<path d=\"M-15 -180 Q-15 -196 0 -196 Q15 -196 15 -180 Q0 -186 -15 -180 Z\" fill=\"#b8b8b8\"/>" ;;
            *)     echo "<path d=\"M-15 -180 Q-15 -196 0 -196 Q15 -196 15 -180 Q0 -188 -15 -180 Z\" fill=\"$hair\"/>" ;;
        esac
    else
        echo "<path d=\"M-16 -182 A16 15 0 0 1 16 -182 Z\" fill=\"$hat\"/><rect x=\"-20\" y=\"-184\" width=\"40\" height=\"5\" rx=\"2.5\" fill=\"$hat\"/>"
        echo "<path d=\"M-3 -196 L3 -196 L3 -184 L-3 -184 Z\" fill=\"#000\" opacity=\".12\"/>"
    fi
    echo "</g>"
}

# A mid-size crawler excavator, ~460 units long, tracks on y=0. c = paint, cd = darker shade.
# arm=down: bucket near the ground; arm=up: bucket raised (as when dropping a ball into a barrel).
excavator() {
    local x=0 y=0 s=1 c='#f2a900' cd='#c98b00' flip=1 arm=down
    kv "$@"
    echo "<g transform=\"translate($x $y) scale($(awk "BEGIN{print $flip*$s}") $s)\">"
    echo "<ellipse cx=\"130\" cy=\"0\" rx=\"170\" ry=\"12\" fill=\"#000\" opacity=\".25\"/>"
    echo "<rect x=\"-10\" y=\"-46\" width=\"250\" height=\"46\" rx=\"23\" fill=\"#262626\"/><rect x=\"4\" y=\"-38\" width=\"222\" height=\"30\" rx=\"15\" fill=\"#474747\"/>"
    local cx; for cx in 25 70 115 160 205; do echo "<circle cx=\"$cx\" cy=\"-23\" r=\"10\" fill=\"#6d6d6d\"/><circle cx=\"$cx\" cy=\"-23\" r=\"4\" fill=\"#2e2e2e\"/>"; done
    echo "<rect x=\"40\" y=\"-60\" width=\"150\" height=\"14\" fill=\"#333\"/>"
    echo "<rect x=\"-30\" y=\"-120\" width=\"46\" height=\"62\" rx=\"14\" fill=\"$cd\"/>"
    echo "<path d=\"M-20 -60 L-20 -120 Q-20 -130 -8 -130 L152 -130 L152 -60 Z\" fill=\"$c\"/>"
    echo "<g stroke=\"$cd\" stroke-width=\"3\"><line x1=\"20\" y1=\"-122\" x2=\"20\" y2=\"-104\"/><line x1=\"32\" y1=\"-122\" x2=\"32\" y2=\"-104\"/><line x1=\"44\" y1=\"-122\" x2=\"44\" y2=\"-104\"/><line x1=\"56\" y1=\"-122\" x2=\"56\" y2=\"-104\"/></g>"
    echo "<rect x=\"-20\" y=\"-92\" width=\"172\" height=\"8\" fill=\"#1b2a4a\"/>"
    echo "<path d=\"M150 -60 L150 -204 L206 -204 Q216 -204 218 -194 L232 -124 L232 -60 Z\" fill=\"$c\"/>"
    echo "<path d=\"M160 -194 L204 -194 L219 -128 L160 -128 Z\" fill=\"url(#glass)\"/>"
    echo "<rect x=\"70\" y=\"-142\" width=\"8\" height=\"14\" fill=\"#333\"/>"
    if [[ $arm == up ]]; then
        echo "<path d=\"M205 -98 L228 -128 L372 -300 L388 -280 L244 -94 Z\" fill=\"$c\"/>"
        echo "<line x1=\"196\" y1=\"-84\" x2=\"300\" y2=\"-216\" stroke=\"url(#steelh)\" stroke-width=\"9\" stroke-linecap=\"round\"/>"
        echo "<path d=\"M366 -300 L390 -296 L450 -170 L430 -162 Z\" fill=\"$c\"/>"
        echo "<line x1=\"360\" y1=\"-318\" x2=\"418\" y2=\"-214\" stroke=\"url(#steelh)\" stroke-width=\"7\" stroke-linecap=\"round\"/>"
        echo "<path d=\"M428 -176 L462 -186 L490 -150 Q478 -126 450 -130 Z\" fill=\"#3a3a3a\"/>"
    else
        echo "<path d=\"M205 -98 L228 -128 L352 -266 L366 -244 L244 -94 Z\" fill=\"$c\"/>"
        echo "<line x1=\"196\" y1=\"-84\" x2=\"292\" y2=\"-200\" stroke=\"url(#steelh)\" stroke-width=\"9\" stroke-linecap=\"round\"/>"
        echo "<path d=\"M342 -264 L366 -268 L432 -96 L412 -88 Z\" fill=\"$c\"/>"
        echo "<line x1=\"336\" y1=\"-284\" x2=\"396\" y2=\"-160\" stroke=\"url(#steelh)\" stroke-width=\"7\" stroke-linecap=\"round\"/>"
        echo "<path d=\"M408 -98 L444 -106 L468 -58 Q450 -36 420 -46 Z\" fill=\"#3a3a3a\"/>"
        echo "<path d=\"M424 -46 L420 -36 M436 -44 L434 -34 M448 -46 L448 -36\" stroke=\"#222\" stroke-width=\"4\"/>"
    fi
    echo "</g>"
}

# A power transformer, ~330 units wide: tank with ribs, radiator banks, conservator and three porcelain bushings.
transformer() {
    local x=0 y=0 s=1 c='#7f8c8d' cl='#a3b1b2' bush='#8a4f2a'
    kv "$@"
    echo "<g transform=\"translate($x $y) scale($s)\">"
    echo "<ellipse cx=\"130\" cy=\"0\" rx=\"210\" ry=\"12\" fill=\"#000\" opacity=\".25\"/>"
    local i
    for i in 0 1 2 3 4 5 6 7; do
        echo "<rect x=\"$((-70 + i * 8))\" y=\"-190\" width=\"5\" height=\"160\" fill=\"$cl\"/><rect x=\"$((265 + i * 8))\" y=\"-190\" width=\"5\" height=\"160\" fill=\"$cl\"/>"
    done
    echo "<rect x=\"-72\" y=\"-196\" width=\"66\" height=\"8\" fill=\"$c\"/><rect x=\"263\" y=\"-196\" width=\"66\" height=\"8\" fill=\"$c\"/>"
    echo "<rect x=\"0\" y=\"-214\" width=\"260\" height=\"204\" rx=\"6\" fill=\"$c\"/>"
    for i in 1 2 3 4 5 6 7; do echo "<rect x=\"$((i * 32))\" y=\"-206\" width=\"6\" height=\"188\" fill=\"$cl\" opacity=\".6\"/>"; done
    echo "<rect x=\"-12\" y=\"-14\" width=\"284\" height=\"14\" fill=\"#2f3538\"/>"
    echo "<rect x=\"190\" y=\"-290\" width=\"10\" height=\"80\" fill=\"$c\"/><rect x=\"40\" y=\"-290\" width=\"10\" height=\"80\" fill=\"$c\"/>"
    echo "<rect x=\"20\" y=\"-318\" width=\"200\" height=\"42\" rx=\"21\" fill=\"$cl\"/>"
    local bx k
    for bx in 70 130 190; do
        echo "<rect x=\"$((bx - 6))\" y=\"-380\" width=\"12\" height=\"170\" fill=\"$bush\"/>"
        for k in 0 1 2 3 4 5 6 7 8 9; do echo "<ellipse cx=\"$bx\" cy=\"$((-228 - k * 15))\" rx=\"$((17 - k / 2))\" ry=\"5\" fill=\"$bush\"/>"; done
        echo "<rect x=\"$((bx - 9))\" y=\"-392\" width=\"18\" height=\"14\" rx=\"3\" fill=\"url(#steelh)\"/>"
    done
    echo "<rect x=\"96\" y=\"-120\" width=\"68\" height=\"40\" rx=\"3\" fill=\"#ecf0f1\"/><rect x=\"104\" y=\"-110\" width=\"52\" height=\"4\" fill=\"#7f8c8d\"/><rect x=\"104\" y=\"-100\" width=\"36\" height=\"4\" fill=\"#7f8c8d\"/>"
    echo "</g>"
}

# A lattice transmission tower of height h with two cross-arms (outline and bracing).
pylon() {
    local x=0 y=0 h=400 c='#2c3e50' w=2
    kv "$@"
    local b=$((h / 5)) t=$((h / 16))
    echo "<g transform=\"translate($x $y)\" stroke=\"$c\" stroke-width=\"$w\" fill=\"none\">"
    echo "<path d=\"M-$b 0 L-$t -$h L$t -$h L$b 0\"/>"
    local i yy hw
    for i in 1 2 3 4 5 6 7; do
        yy=$((h * i / 8)); hw=$(( b - (b - t) * i / 8 ))
        echo "<line x1=\"-$hw\" y1=\"-$yy\" x2=\"$hw\" y2=\"-$yy\"/><line x1=\"-$hw\" y1=\"-$yy\" x2=\"$(( b - (b - t) * (i - 1) / 8 ))\" y2=\"-$((h * (i - 1) / 8))\"/>"
    done
    echo "<line x1=\"-$((h / 4))\" y1=\"-$((h * 7 / 8))\" x2=\"$((h / 4))\" y2=\"-$((h * 7 / 8))\" stroke-width=\"$((w * 2))\"/>"
    echo "<line x1=\"-$((h / 5))\" y1=\"-$((h * 3 / 4))\" x2=\"$((h / 5))\" y2=\"-$((h * 3 / 4))\" stroke-width=\"$((w * 2))\"/>"
    echo "</g>"
}

# A two-axle rail bogie seen from the side, ~330 units long, rail head at y=0.
bogie() {
    local x=0 y=0 s=1 c='#b3242b' cd='#7e1a1f'
    kv "$@"
    echo "<g transform=\"translate($x $y) scale($s)\">"
    local wx
    for wx in 0 260; do
        echo "<circle cx=\"$wx\" cy=\"-48\" r=\"48\" fill=\"#30343a\"/><circle cx=\"$wx\" cy=\"-48\" r=\"40\" fill=\"url(#steel)\"/><circle cx=\"$wx\" cy=\"-48\" r=\"14\" fill=\"#444b55\"/>"
        echo "<rect x=\"$((wx - 24))\" y=\"-74\" width=\"48\" height=\"34\" rx=\"5\" fill=\"#3d434b\"/>"
        echo "<polyline points=\"$((wx - 14)),-80 $((wx + 14)),-88 $((wx - 14)),-96 $((wx + 14)),-104 $((wx - 14)),-112 $((wx + 14)),-120\" fill=\"none\" stroke=\"#f0c419\" stroke-width=\"6\" stroke-linecap=\"round\"/>"
    done
    echo "<path d=\"M-60 -120 L320 -120 L320 -150 L220 -150 L190 -178 L70 -178 L40 -150 L-60 -150 Z\" fill=\"$c\"/>"
    echo "<path d=\"M-60 -150 L40 -150 L70 -178 L190 -178 L220 -150 L320 -150\" fill=\"none\" stroke=\"$cd\" stroke-width=\"4\"/>"
    echo "<rect x=\"80\" y=\"-112\" width=\"100\" height=\"56\" rx=\"8\" fill=\"#4a5059\"/><rect x=\"92\" y=\"-104\" width=\"76\" height=\"8\" fill=\"#646b75\"/><rect x=\"92\" y=\"-88\" width=\"76\" height=\"8\" fill=\"#646b75\"/>"
    echo "<rect x=\"100\" y=\"-204\" width=\"60\" height=\"26\" rx=\"6\" fill=\"#2f343b\"/>"
    echo "</g>"
}

# A six-axis industrial robot arm standing on a plinth (base at y=0), reaching to the right.
robot_arm() {
    local x=0 y=0 s=1 c='#f07f13' flip=1
    kv "$@"
    echo "<g transform=\"translate($x $y) scale($(awk "BEGIN{print $flip*$s}") $s)\">"
    echo "<rect x=\"-50\" y=\"-30\" width=\"100\" height=\"30\" fill=\"#3b3f45\"/><rect x=\"-38\" y=\"-84\" width=\"76\" height=\"56\" rx=\"10\" fill=\"$c\"/>"
    echo "<line x1=\"0\" y1=\"-84\" x2=\"70\" y2=\"-260\" stroke=\"$c\" stroke-width=\"36\" stroke-linecap=\"round\"/>"
    echo "<line x1=\"70\" y1=\"-260\" x2=\"236\" y2=\"-214\" stroke=\"$c\" stroke-width=\"28\" stroke-linecap=\"round\"/>"
    echo "<circle cx=\"0\" cy=\"-84\" r=\"16\" fill=\"#3b3f45\"/><circle cx=\"70\" cy=\"-260\" r=\"20\" fill=\"#3b3f45\"/><circle cx=\"236\" cy=\"-214\" r=\"12\" fill=\"#3b3f45\"/>"
    echo "<rect x=\"240\" y=\"-222\" width=\"30\" height=\"16\" fill=\"#5a6068\"/>"
    echo "<path d=\"M270 -232 L290 -232 L290 -222 L280 -222 L280 -206 L290 -206 L290 -196 L270 -196 Z\" fill=\"#2b2f34\"/>"
    echo "</g>"
}

# An upright laboratory microscope, ~120 units tall, base at y=0.
microscope() {
    local x=0 y=0 s=1 flip=1
    kv "$@"
    echo "<g transform=\"translate($x $y) scale($(awk "BEGIN{print $flip*$s}") $s)\">"
    echo "<rect x=\"-45\" y=\"-14\" width=\"90\" height=\"14\" rx=\"4\" fill=\"#2d3436\"/>"
    echo "<path d=\"M10 -14 Q40 -60 18 -110 L4 -104 Q22 -60 -4 -14 Z\" fill=\"#dfe6e9\"/>"
    echo "<rect x=\"-40\" y=\"-58\" width=\"60\" height=\"8\" fill=\"#2d3436\"/>"
    echo "<rect x=\"-22\" y=\"-112\" width=\"22\" height=\"46\" rx=\"4\" fill=\"#dfe6e9\" transform=\"rotate(-20 -11 -90)\"/>"
    echo "<rect x=\"-32\" y=\"-140\" width=\"12\" height=\"30\" rx=\"3\" fill=\"#2d3436\" transform=\"rotate(-20 -26 -125)\"/>"
    echo "<rect x=\"-14\" y=\"-72\" width=\"8\" height=\"16\" fill=\"#636e72\"/>"
    echo "</g>"
}

# Rasterise an SVG: flatten onto white (JPEG has no alpha) and save with the file type's settings.
# grain=N adds fixed-seed gaussian noise of sigma N, which breaks up banding in large gradients and gives
# a printed-photo texture; the seed keeps the output byte-identical from run to run.
render() { # svg out [grain]
    local svg=$1 out=$2 grain=${3:-0} base=$WORK/$(basename "${2%.*}")
    vips flatten "$svg" "$base-flat.v" --background "255 255 255"
    if [[ $grain != 0 ]]; then
        local w h
        w=$(vipsheader -f width "$base-flat.v"); h=$(vipsheader -f height "$base-flat.v")
        vips gaussnoise "$base-noise.v" "$w" "$h" --sigma "$grain" --mean 0 --seed 7
        vips add "$base-flat.v" "$base-noise.v" "$base-sum.v"
        vips cast "$base-sum.v" "$base-final.v" uchar
    else
        cp "$base-flat.v" "$base-final.v"
    fi
    case $out in
        *.jpg)  vips jpegsave "$base-final.v" "$out" --Q 82 --optimize-coding --strip ;;
        *.webp) vips webpsave "$base-final.v" "$out" --Q 80 --effort 6 --strip ;;
        *.png)  vips pngsave "$base-final.v" "$out" --compression 9 --palette --Q 90 --effort 10 --dither 0.6 --strip ;;
    esac
    echo "  $(basename "$out"): $(stat -c %s "$out") bytes"
}


# ---------------------------------------------------------------------------------------------------------------
# The two things neither vips nor ffmpeg can write, as small standard-library python programs.
write_python_helpers() {
    # exif.py: inserts an EXIF APP1 segment (a little-endian TIFF structure with IFD0, the Exif sub-IFD and the
    # GPS sub-IFD) right after the JFIF APP0 segment of a baseline JPEG written by vips. Tags written:
    # IFD0 Make, Model, Orientation, DateTime, Artist, Copyright; Exif DateTimeOriginal, ExposureTime, FNumber,
    # ISOSpeedRatings, FocalLength, ExifVersion; GPS VersionID, Latitude(+Ref), Longitude(+Ref), Altitude(+Ref).
    cat > "$WORK/exif.py" <<'PYEOF'
import argparse, struct

BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED = 1, 2, 3, 4, 5, 7
SIZES = {BYTE: 1, ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8, UNDEFINED: 1}

def ascii_(text): return (ASCII, len(text) + 1, text.encode("ascii") + b"\0")
def short(v): return (SHORT, 1, struct.pack("<H", v))
def long_(v): return (LONG, 1, struct.pack("<I", v))
def rationals(*pairs): return (RATIONAL, len(pairs), b"".join(struct.pack("<II", n, d) for n, d in pairs))

def ifd(entries, offset):
    """Serialise one IFD that starts at `offset` (relative to the TIFF header); values longer than 4 bytes
    follow the IFD. Returns the bytes."""
    entries = sorted(entries.items())
    data_at = offset + 2 + 12 * len(entries) + 4
    head, data = struct.pack("<H", len(entries)), b""
    for tag, (typ, count, raw) in entries:
        if len(raw) <= 4:
            head += struct.pack("<HHI", tag, typ, count) + raw.ljust(4, b"\0")
        else:
            head += struct.pack("<HHII", tag, typ, count, data_at + len(data))
            data += raw + (b"\0" if len(raw) % 2 else b"")   # keep offsets word-aligned
    return head + struct.pack("<I", 0) + data

def dms(value):
    value = abs(value)
    d = int(value); m = int((value - d) * 60); s = round(((value - d) * 60 - m) * 60 * 100)
    return rationals((d, 1), (m, 1), (s, 100))

def main():
    p = argparse.ArgumentParser()
    for name in ("src", "dst"): p.add_argument(name)
    for name in ("--make", "--model", "--artist", "--copyright", "--datetime"): p.add_argument(name, required=True)
    for name in ("--lat", "--lon", "--alt"): p.add_argument(name, type=float, required=True)
    a = p.parse_args()

    exif = {0x829A: rationals((1, 250)), 0x829D: rationals((56, 10)), 0x8827: short(200),
            0x9000: (UNDEFINED, 4, b"0232"), 0x9003: ascii_(a.datetime), 0x920A: rationals((35, 1))}
    gps = {0x0000: (BYTE, 4, bytes([2, 3, 0, 0])),
           0x0001: ascii_("N" if a.lat >= 0 else "S"), 0x0002: dms(a.lat),
           0x0003: ascii_("E" if a.lon >= 0 else "W"), 0x0004: dms(a.lon),
           0x0005: (BYTE, 1, b"\0"), 0x0006: rationals((round(a.alt * 10), 10))}
    ifd0 = {0x010F: ascii_(a.make), 0x0110: ascii_(a.model), 0x0112: short(1), 0x0132: ascii_(a.datetime),
            0x013B: ascii_(a.artist), 0x8298: ascii_(a.copyright), 0x8769: long_(0), 0x8825: long_(0)}

    size0 = len(ifd(ifd0, 8))                      # the pointers are fixed-size, so sizes do not change
    exif_at = 8 + size0
    gps_at = exif_at + len(ifd(exif, exif_at))
    ifd0[0x8769], ifd0[0x8825] = long_(exif_at), long_(gps_at)
    tiff = b"II*\0" + struct.pack("<I", 8) + ifd(ifd0, 8) + ifd(exif, exif_at) + ifd(gps, gps_at)
    payload = b"Exif\0\0" + tiff
    app1 = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload

    jpeg = open(a.src, "rb").read()
    assert jpeg[:2] == b"\xff\xd8", "not a JPEG"
    at = 2
    if jpeg[2:4] == b"\xff\xe0":                  # keep JFIF APP0 first, as the JFIF spec asks
        at = 4 + struct.unpack(">H", jpeg[4:6])[0]
    open(a.dst, "wb").write(jpeg[:at] + app1 + jpeg[at:])

main()
PYEOF

    # pdf.py: wraps one JPEG into a one-page PDF 1.4 (the image is the page, passed through with DCTDecode,
    # so it is not re-encoded). The document title goes into /Info as UTF-16 so Chinese survives; no dates,
    # so the file is the same on every run.
    cat > "$WORK/pdf.py" <<'PYEOF'
import struct, sys

src, dst, title, author, subject = sys.argv[1:6]
jpeg = open(src, "rb").read()
i, width, height = 2, None, None
while i < len(jpeg):                               # find the frame header for the pixel size
    marker, length = jpeg[i + 1], struct.unpack(">H", jpeg[i + 2:i + 4])[0]
    if marker in (0xC0, 0xC1, 0xC2):
        height, width = struct.unpack(">HH", jpeg[i + 5:i + 9]); break
    i += 2 + length

def text(value):
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode() + b">"

page_w = 595.28                                    # A4 width in points; height follows the picture
page_h = round(page_w * height / width, 2)
content = f"q {page_w} 0 0 {page_h} 0 0 cm /Im0 Do Q\n".encode()
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {page_w} {page_h}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".encode(),
    f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpeg)} >>\nstream\n".encode() + jpeg + b"\nendstream",
    f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream",
    b"<< /Title " + text(title) + b" /Author " + text(author) + b" /Subject " + text(subject) + b" /Creator (content/assets/make-demo-assets.sh) >>",
]
out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
offsets = []
for n, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
xref = len(out)
out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
open(dst, "wb").write(out)
PYEOF
}

# ===============================================================================================================
# The assets. One function per file; the comment says which story image or which demo case it exists for.

# Story image for "Mr Zhou of the Andes" (asset:demo-1): the engineer explains a hydraulic system to local
# technicians at a high-altitude mine in Peru. Wide 3:2 photo format.
andes_briefing() {
    local W=1600 H=1067 svg=$WORK/andes_briefing.svg
    {
        svg_begin $W $H
        backdrop sky $W $H '#2a64ad' '#8dbbe6' '#e3eef6'
        echo '<ellipse cx="1250" cy="150" rx="260" ry="40" fill="#fff" opacity=".55" filter="url(#blur12)"/><ellipse cx="380" cy="110" rx="200" ry="30" fill="#fff" opacity=".45" filter="url(#blur12)"/>'
        # far range with snow caps
        echo '<path d="M0 520 L120 380 L210 430 L330 250 L420 350 L520 300 L640 420 L760 280 L880 200 L990 330 L1100 260 L1230 380 L1350 240 L1480 340 L1600 300 L1600 560 L0 560 Z" fill="#7e93ad"/>'
        echo '<path d="M330 250 L300 300 L330 290 L355 310 L378 298 Z M880 200 L845 255 L875 244 L900 262 L930 250 Z M1350 240 L1318 290 L1346 280 L1372 296 L1394 276 Z M760 280 L740 312 L765 305 L784 316 Z" fill="#f7fbff"/>'
        echo '<path d="M0 560 L160 470 L300 520 L460 450 L620 530 L800 470 L980 540 L1160 460 L1340 520 L1600 470 L1600 600 L0 600 Z" fill="#8a7462"/>'
        # open-pit benches
        echo '<path d="M0 600 L1600 580 L1600 640 L0 660 Z" fill="#b08463"/><path d="M0 660 L1600 640 L1600 700 L0 722 Z" fill="#9a7154"/>'
        echo '<path d="M0 722 L1600 700 L1600 770 L0 790 Z" fill="#b98f6c"/>'
        echo '<g stroke="#7a573f" stroke-width="3" opacity=".6"><line x1="0" y1="660" x2="1600" y2="640"/><line x1="0" y1="722" x2="1600" y2="700"/><line x1="0" y1="790" x2="1600" y2="770"/></g>'
        excavator x=1180 y=640 s=0.32 flip=-1
        excavator x=240 y=700 s=0.28
        echo '<linearGradient id="ground" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#a27d5c"/><stop offset="1" stop-color="#5e4431"/></linearGradient><path d="M0 790 L1600 770 L1600 1067 L0 1067 Z" fill="url(#ground)"/>'
        # the site container where the weekend class is held
        echo '<g transform="translate(40 560)"><rect width="420" height="190" fill="#2f6f9f"/>'
        local i; for i in $(seq 12 18 408); do echo "<rect x=\"$i\" y=\"6\" width=\"8\" height=\"178\" fill=\"#285f88\"/>"; done
        echo '<rect x="0" y="0" width="420" height="10" fill="#245577"/><rect x="300" y="40" width="90" height="150" fill="#1d3f5a"/><rect x="310" y="50" width="70" height="50" fill="#f6d37a" opacity=".85"/></g>'
        excavator x=980 y=900 s=1.3 flip=1
        # easel board with a hydraulic schematic
        echo '<g transform="translate(470 520)">'
        echo '<line x1="40" y1="200" x2="10" y2="380" stroke="#5b4636" stroke-width="10"/><line x1="300" y1="200" x2="330" y2="380" stroke="#5b4636" stroke-width="10"/>'
        echo '<rect x="-8" y="-8" width="356" height="236" rx="6" fill="#3d4b5c"/><rect width="340" height="220" fill="#fbfcfd"/>'
        echo "<text x=\"14\" y=\"28\" font-family=\"$CJK\" font-size=\"17\" fill=\"#1b2a4a\">液压原理图 · Esquema hidráulico</text>"
        echo '<g fill="none" stroke="#1b2a4a" stroke-width="3">'
        echo '<circle cx="60" cy="150" r="22"/><path d="M60 132 L48 156 L72 156 Z" fill="#1b2a4a"/>'
        echo '<rect x="130" y="80" width="120" height="44"/><line x1="170" y1="80" x2="170" y2="124"/><line x1="210" y1="80" x2="210" y2="124"/>'
        echo '<path d="M142 112 L158 92 M186 92 L194 112 M224 112 L238 92"/>'
        echo '<rect x="272" y="46" width="56" height="26"/><line x1="252" y1="59" x2="290" y2="59"/>'
        echo '<path d="M36 200 L36 210 L84 210 L84 200"/><line x1="60" y1="172" x2="60" y2="200"/><line x1="190" y1="124" x2="190" y2="205"/><line x1="190" y1="205" x2="84" y2="205"/></g>'
        echo '<path d="M60 128 L60 102 L150 102 M230 80 L230 59 L272 59" fill="none" stroke="#d7263d" stroke-width="4"/>'
        echo '<path d="M262 54 L272 59 L262 64" fill="none" stroke="#d7263d" stroke-width="3"/></g>'
        # the engineer (navy jacket, white helmet) points at the board; three technicians in hi-vis listen
        person x=900 y=930 s=1.6 shirt='#1b2a4a' hat='#f5f5f5' skin='#e2b07a' pose=point flip=-1 legs='#2a3550'
        person x=130 y=1000 s=1.75 shirt='#5b3d2e' hat='#ffd23f' skin='#a8704a' vest=1 legs='#3a3f4a' flip=1
        person x=290 y=985 s=1.7 shirt='#3a4d39' hat='#f5f5f5' skin='#b57b50' vest=1 legs='#30343f'
        person x=410 y=1020 s=1.8 shirt='#6b2f2f' hat='#ffd23f' skin='#8d5a3b' vest=1 legs='#2f3340' pose=notebook
        credit_band $W $H '#f2a900' '湘江重工 · 秘鲁矿区液压系统讲解' 'Xiangjiang Heavy Machinery · Hydraulics class at a mine in Peru · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/xiangjiang-andes-hydraulics-class.jpg" 1.5
}


# A rigid dump truck for mine scenes, ~300 units long, wheels on y=0.
haul_truck() {
    local x=0 y=0 s=1 c='#f2a900' flip=1
    kv "$@"
    echo "<g transform=\"translate($x $y) scale($(awk "BEGIN{print $flip*$s}") $s)\">"
    echo "<path d=\"M0 -150 L210 -150 L240 -200 L-10 -190 Z\" fill=\"#8b6a4d\"/><path d=\"M-10 -70 L220 -70 L240 -160 L-20 -160 Z\" fill=\"$c\"/>"
    echo "<rect x=\"220\" y=\"-140\" width=\"70\" height=\"80\" rx=\"6\" fill=\"$c\"/><rect x=\"236\" y=\"-130\" width=\"42\" height=\"32\" fill=\"url(#glass)\"/>"
    echo "<rect x=\"-10\" y=\"-80\" width=\"300\" height=\"16\" fill=\"#333\"/>"
    local wx; for wx in 40 240; do echo "<circle cx=\"$wx\" cy=\"-40\" r=\"40\" fill=\"#222\"/><circle cx=\"$wx\" cy=\"-40\" r=\"16\" fill=\"#777\"/>"; done
    echo "</g>"
}

# Cover for "Mr Zhou of the Andes": yellow excavators and a haul truck on the benches of an open-pit mine at dawn.
andes_open_pit() {
    local W=1600 H=1067 svg=$WORK/andes_open_pit.svg
    {
        svg_begin $W $H
        backdrop sky $W $H '#34528a' '#e6a872' '#f7d9a8'
        echo '<circle cx="1180" cy="430" r="70" fill="#fff3c4"/><circle cx="1180" cy="430" r="170" fill="#ffd98a" opacity=".45" filter="url(#blur30)"/>'
        echo '<path d="M0 470 L150 330 L260 390 L400 210 L520 330 L640 280 L780 400 L900 250 L1020 350 L1150 300 L1290 420 L1420 280 L1600 380 L1600 520 L0 520 Z" fill="#6f6f8f"/>'
        echo '<path d="M400 210 L368 262 L398 250 L425 270 L448 250 Z M900 250 L872 294 L900 284 L924 300 L944 282 Z M1420 280 L1392 320 L1420 312 L1444 326 L1460 306 Z" fill="#fbf3ee"/>'
        echo '<path d="M0 520 L200 440 L380 500 L560 430 L760 500 L980 440 L1200 510 L1400 450 L1600 500 L1600 560 L0 560 Z" fill="#7b5e55"/>'
        # benches stepping down into the pit: each ring is a lighter top face and a darker wall
        local i top wall yy inset
        for i in 0 1 2 3 4 5; do
            yy=$((560 + i * 62)); inset=$((i * 110))
            top=$(printf '#%02x%02x%02x' $((190 - i * 12)) $((146 - i * 10)) $((108 - i * 8)))
            wall=$(printf '#%02x%02x%02x' $((150 - i * 12)) $((108 - i * 10)) $((80 - i * 8)))
            echo "<path d=\"M$inset $yy L$((1600 - inset)) $yy L$((1600 - inset - 40)) $((yy + 20)) L$((inset + 40)) $((yy + 20)) Z\" fill=\"$top\"/>"
            echo "<path d=\"M$((inset + 40)) $((yy + 20)) L$((1600 - inset - 40)) $((yy + 20)) L$((1600 - inset - 70)) $((yy + 62)) L$((inset + 70)) $((yy + 62)) Z\" fill=\"$wall\"/>"
        done
        echo '<path d="M0 560 L660 1067 L0 1067 Z" fill="#8d6a50" opacity=".85"/><path d="M1600 560 L940 1067 L1600 1067 Z" fill="#7f5e46" opacity=".85"/>'
        excavator x=520 y=640 s=0.3
        haul_truck x=760 y=640 s=0.28 flip=-1
        excavator x=930 y=760 s=0.38 flip=-1
        haul_truck x=560 y=885 s=0.4
        excavator x=1000 y=1010 s=0.72 flip=-1
        credit_band $W $H '#f2a900' '湘江重工 · 安第斯高原矿区' 'Xiangjiang Heavy Machinery · Excavators at an open-pit mine in the Andes · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/xiangjiang-andes-open-pit.jpg" 1.5
}

# The EXIF demo: an assembly-hall picture that leaves the "camera" with GPS position, make/model and copyright
# embedded, so the app can show that public renditions drop GPS and camera but keep the copyright notice.
excavator_line() {
    local W=1600 H=1067 svg=$WORK/excavator_line.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#4b5866' '#8896a3' '#b7c2cb'
        # roof trusses converging to the vanishing point (800,430) and skylight strips
        echo '<path d="M0 0 L1600 0 L1120 250 L480 250 Z" fill="#3a4450"/>'
        local i; for i in 0 1 2 3 4 5 6 7 8; do echo "<line x1=\"$((i * 200))\" y1=\"0\" x2=\"$((480 + i * 80))\" y2=\"250\" stroke=\"#56616d\" stroke-width=\"6\"/>"; done
        echo '<path d="M520 0 L1080 0 L960 250 L640 250 Z" fill="#dfefff" opacity=".55"/>'
        echo '<path d="M0 0 L480 250 L480 620 L0 1067 Z" fill="#6d7b88"/><path d="M1600 0 L1120 250 L1120 620 L1600 1067 Z" fill="#66737f"/>'
        for i in 0 1 2; do echo "<path d=\"M$((60 + i * 140)) $((110 + i * 55)) L$((160 + i * 140)) $((160 + i * 52)) L$((160 + i * 140)) $((420 + i * 20)) L$((60 + i * 140)) $((440 + i * 22)) Z\" fill=\"#cfe5f7\" opacity=\".6\"/>"; done
        echo '<rect x="480" y="250" width="640" height="370" fill="#95a3af"/>'
        echo '<rect x="560" y="300" width="480" height="70" fill="#b3241f"/>'
        echo "<text x=\"800\" y=\"336\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"30\" fill=\"#fff\">精益制造 · 品质立身</text>"
        echo "<text x=\"800\" y=\"362\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"18\" fill=\"#ffe9c2\">Lean manufacturing, quality first</text>"
        echo '<path d="M0 1067 L480 620 L1120 620 L1600 1067 Z" fill="#5f7f73"/>'
        echo '<g stroke="#f2c200" stroke-width="8"><line x1="260" y1="1067" x2="700" y2="620"/><line x1="1340" y1="1067" x2="900" y2="620"/></g>'
        # overhead gantry crane
        echo '<rect x="0" y="200" width="1600" height="34" fill="#f2a900"/><rect x="0" y="228" width="1600" height="6" fill="#b07b00"/><rect x="930" y="234" width="70" height="40" fill="#474f58"/><line x1="965" y1="274" x2="965" y2="470" stroke="#333" stroke-width="4"/><path d="M952 470 L978 470 L978 490 Q965 510 958 492" fill="none" stroke="#333" stroke-width="6"/>'
        for i in 0 1 2 3; do echo "<ellipse cx=\"$((560 + i * 160))\" cy=\"262\" rx=\"26\" ry=\"8\" fill=\"#fffbe6\"/><ellipse cx=\"$((560 + i * 160))\" cy=\"268\" rx=\"60\" ry=\"20\" fill=\"#fffbe6\" opacity=\".35\" filter=\"url(#blur12)\"/>"; done
        excavator x=760 y=640 s=0.26
        excavator x=580 y=735 s=0.52
        excavator x=120 y=960 s=1.0
        person x=880 y=700 s=0.62 shirt='#1b2a4a' hat='#f2a900' skin='#e0ac69'
        person x=1040 y=800 s=0.85 shirt='#1b2a4a' hat='#f2a900' skin='#d9a066' pose=tablet
        person x=1190 y=900 s=1.05 shirt='#1b2a4a' hat='#ffffff' skin='#e5b887' pose=notebook flip=-1
        credit_band $W $H '#f2a900' '湘江重工 · 挖掘机总装车间' 'Xiangjiang Heavy Machinery · Excavator assembly hall · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$WORK/excavator-line-plain.jpg" 1.5
    # Pretend the picture came off a camera on the factory floor (Changsha ETDZ, roughly): write EXIF APP1 with
    # GPS, make/model, artist and copyright. vips' CLI cannot set individual EXIF tags, hence the python step.
    python3 "$WORK/exif.py" "$WORK/excavator-line-plain.jpg" "$OUT/xiangjiang-excavator-assembly-hall.jpg" \
        --make "Fictocam" --model "FX-20 Demo" --artist "Li Mingyuan (fictional)" \
        --copyright "Copyright 2023 Xiangjiang Heavy Machinery (fictional demo company)" \
        --datetime "2023:09:14 10:21:37" --lat 28.2478 --lon 113.0852 --alt 52
    echo "  xiangjiang-excavator-assembly-hall.jpg: $(stat -c %s "$OUT/xiangjiang-excavator-assembly-hall.jpg") bytes (with EXIF)"
}


# A round pressure gauge (radius r) with ticks and a needle at angle a (degrees, 0 = straight up).
gauge() { # cx cy r angle
    local cx=$1 cy=$2 r=$3 a=$4 t
    echo "<circle cx=\"$cx\" cy=\"$cy\" r=\"$((r + 6))\" fill=\"url(#steelh)\"/><circle cx=\"$cx\" cy=\"$cy\" r=\"$r\" fill=\"#fdfdfd\"/>"
    for t in -120 -90 -60 -30 0 30 60 90 120; do
        echo "<line x1=\"$cx\" y1=\"$((cy - r + 4))\" x2=\"$cx\" y2=\"$((cy - r + 12))\" stroke=\"#333\" stroke-width=\"2\" transform=\"rotate($t $cx $cy)\"/>"
    done
    echo "<line x1=\"$cx\" y1=\"$cy\" x2=\"$cx\" y2=\"$((cy - r + 10))\" stroke=\"#d7263d\" stroke-width=\"3\" transform=\"rotate($a $cx $cy)\"/><circle cx=\"$cx\" cy=\"$cy\" r=\"4\" fill=\"#333\"/>"
}

# Cover for "joint hydraulics lab opens", and the WebP in the corpus: a hydraulic valve test rig under the lab's
# bilingual name board, with a pressure/flow trace on a monitor.
hydraulics_lab() {
    local W=1600 H=1067 svg=$WORK/hydraulics_lab.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#e6edf2' '#cdd8e0' '#b9c6d0'
        echo '<rect y="780" width="1600" height="287" fill="#9eabb5"/>'
        local i; for i in $(seq -800 160 2400); do echo "<line x1=\"800\" y1=\"780\" x2=\"$i\" y2=\"1067\" stroke=\"#8d9aa4\" stroke-width=\"2\"/>"; done
        echo '<line x1="0" y1="850" x2="1600" y2="850" stroke="#8d9aa4" stroke-width="2"/><line x1="0" y1="950" x2="1600" y2="950" stroke="#8d9aa4" stroke-width="2"/>'
        echo '<rect x="300" y="70" width="1000" height="120" rx="6" fill="#1b2a4a"/><rect x="300" y="184" width="1000" height="6" fill="#f2a900"/>'
        echo "<text x=\"800\" y=\"128\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"42\" fill=\"#fff\">高精密液压传动联合实验室</text>"
        echo "<text x=\"800\" y=\"166\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"22\" fill=\"#dfe6ee\">High-Precision Hydraulic Transmission Joint Laboratory</text>"
        # safety markings around the rig
        echo '<path d="M380 800 L1080 800 L1130 880 L330 880 Z" fill="none" stroke="#f2c200" stroke-width="8" stroke-dasharray="30 18"/>'
        # hydraulic power unit (tank + motor) and the blue test frame
        echo '<rect x="440" y="690" width="560" height="120" rx="8" fill="#52606d"/><rect x="460" y="710" width="200" height="80" rx="40" fill="url(#steel)"/><rect x="680" y="720" width="40" height="60" fill="#3e4852"/>'
        echo '<g fill="none" stroke="#1f5fa8" stroke-width="20"><rect x="470" y="290" width="500" height="400"/><line x1="470" y1="470" x2="970" y2="470"/></g>'
        echo '<rect x="610" y="360" width="230" height="170" rx="6" fill="url(#steel)"/>'
        for i in 0 1 2 3; do echo "<circle cx=\"$((640 + i * 56))\" cy=\"380\" r=\"6\" fill=\"#59636e\"/><circle cx=\"$((640 + i * 56))\" cy=\"510\" r=\"6\" fill=\"#59636e\"/>"; done
        for i in 0 1 2; do
            echo "<rect x=\"$((640 + i * 62))\" y=\"300\" width=\"40\" height=\"60\" fill=\"url(#steelh)\"/><rect x=\"$((634 + i * 62))\" y=\"262\" width=\"52\" height=\"44\" rx=\"6\" fill=\"#222\"/><rect x=\"$((644 + i * 62))\" y=\"274\" width=\"32\" height=\"10\" fill=\"#f2a900\"/>"
        done
        echo '<g fill="none" stroke="#1c1c1c" stroke-width="16" stroke-linecap="round"><path d="M640 530 Q620 640 560 700"/><path d="M720 530 Q740 620 700 700"/><path d="M810 530 Q880 610 900 700"/><path d="M840 420 Q930 420 960 330"/></g>'
        gauge 520 360 44 40
        gauge 915 330 38 -30
        gauge 915 560 38 75
        # monitor with the trace
        echo '<rect x="1150" y="250" width="16" height="560" fill="#59636e"/><rect x="1060" y="300" width="420" height="260" rx="10" fill="#1e2329"/><rect x="1076" y="316" width="388" height="228" fill="#0d1b24"/>'
        for i in 0 1 2 3 4; do echo "<line x1=\"1076\" y1=\"$((340 + i * 44))\" x2=\"1464\" y2=\"$((340 + i * 44))\" stroke=\"#1f3a48\" stroke-width=\"1\"/>"; done
        echo '<polyline points="1080,520 1120,500 1150,420 1180,380 1220,372 1260,376 1300,370 1340,374 1380,371 1420,373 1460,372" fill="none" stroke="#ff5e5b" stroke-width="4"/>'
        echo '<polyline points="1080,530 1130,528 1170,470 1210,460 1250,470 1290,456 1330,470 1370,458 1410,468 1460,462" fill="none" stroke="#4fd1c5" stroke-width="3"/>'
        echo "<text x=\"1090\" y=\"342\" font-family=\"$LATIN\" font-size=\"18\" fill=\"#ff8e8b\">p = 31.5 MPa</text><text x=\"1290\" y=\"342\" font-family=\"$LATIN\" font-size=\"18\" fill=\"#7fe3d9\">Q = 180 L/min</text>"
        person x=320 y=960 s=1.7 shirt='#1b2a4a' hat='#ffffff' skin='#e0ac69' pose=point
        person x=1260 y=990 s=1.75 shirt='#6c7a89' coat=1 skin='#f0c8a0' pose=tablet style=pony hair='#3b2314' flip=-1 legs='#3d4452'
        credit_band $W $H '#f2a900' '湘江重工 · 液压联合实验室测试台' 'Xiangjiang Heavy Machinery · Valve test rig in the joint hydraulics lab · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/xiangjiang-hydraulics-joint-lab.webp" 1.5
}

# Cover for the skills-contest story (campaign xiangjiang-operator-skills-contest-2023): the "threading the needle"
# event, an excavator dropping a tennis ball into a narrow-necked barrel in front of a full grandstand.
contest_arena() {
    local W=1600 H=1067 svg=$WORK/contest_arena.svg
    {
        svg_begin $W $H
        backdrop sky $W $H '#3f86d4' '#9fcdf2' '#d9eefb'
        echo '<ellipse cx="300" cy="120" rx="220" ry="40" fill="#fff" opacity=".6" filter="url(#blur12)"/>'
        # grandstand with spectators (fixed pseudo-random colours)
        echo '<path d="M60 560 L60 360 L1540 360 L1540 560 Z" fill="#8a96a3"/>'
        local row col cx cy colours=('#d7263d' '#f2a900' '#1b98e0' '#2e294e' '#f46036' '#1b998b' '#ffffff' '#e2c044' '#6a4c93')
        srand 11
        for row in 0 1 2 3 4; do
            echo "<rect x=\"60\" y=\"$((372 + row * 38))\" width=\"1480\" height=\"6\" fill=\"#6f7b88\"/>"
            for col in $(seq 0 57); do
                rnd 9; cx=$((80 + col * 25 + (row % 2) * 12)); cy=$((394 + row * 38))
                echo "<circle cx=\"$cx\" cy=\"$((cy - 12))\" r=\"6\" fill=\"#5b3a29\"/><rect x=\"$((cx - 8))\" y=\"$((cy - 6))\" width=\"16\" height=\"16\" rx=\"6\" fill=\"${colours[$R]}\"/>"
            done
        done
        echo '<rect x="240" y="250" width="1120" height="100" rx="6" fill="#1b2a4a"/><rect x="240" y="344" width="1120" height="6" fill="#f2a900"/>'
        echo "<text x=\"800\" y=\"298\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"38\" fill=\"#fff\">2023 湘江重工全球操作手技能大赛</text>"
        echo "<text x=\"800\" y=\"332\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"21\" fill=\"#ffe3a3\">Xiangjiang Global Operator Skills Contest 2023</text>"
        # bunting
        echo '<path d="M0 200 Q400 250 800 225 Q1200 200 1600 240" fill="none" stroke="#444" stroke-width="2"/>'
        local i x1 yb
        for i in $(seq 0 31); do
            x1=$((i * 50 + 10)); yb=$(awk "BEGIN{t=$x1/1600; printf \"%d\", (t<.5)? 200+ (t*2)*30 - (t*2)*(t*2)*5 : 225 + (t-.5)*2*15}")
            echo "<path d=\"M$x1 $yb L$((x1 + 30)) $((yb + 1)) L$((x1 + 15)) $((yb + 34)) Z\" fill=\"${colours[$((i % 9))]}\"/>"
        done
        echo '<rect y="560" width="1600" height="507" fill="#c99a68"/><path d="M0 560 L1600 560 L1600 600 L0 620 Z" fill="#b88756"/>'
        echo '<g stroke="#fff" stroke-width="5" stroke-dasharray="40 26" opacity=".8"><line x1="0" y1="700" x2="1600" y2="690"/><line x1="0" y1="960" x2="1600" y2="950"/></g>'
        echo '<path d="M60 690 L420 684 L430 720 L50 728 Z" fill="#6d4a2f"/>'
        excavator x=120 y=660 s=0.5 c='#f2a900'
        excavator x=560 y=935 s=1.05 arm=up
        # the barrel, and the ball just released from the bucket above its narrow neck
        echo '<rect x="1040" y="862" width="90" height="80" rx="10" fill="#1b98e0"/><rect x="1070" y="830" width="30" height="36" fill="#1672a8"/><rect x="1040" y="886" width="90" height="8" fill="#0f5d8a"/>'
        echo '<circle cx="1085" cy="817" r="11" fill="#d9f04a"/>'
        # timer board and a judge
        echo '<rect x="1420" y="520" width="10" height="330" fill="#555"/><rect x="1300" y="430" width="250" height="110" rx="8" fill="#15181c"/>'
        echo "<text x=\"1425\" y=\"492\" text-anchor=\"middle\" font-family=\"DejaVu Sans Mono\" font-weight=\"700\" font-size=\"48\" fill=\"#7CFC00\">00:47.3</text>"
        echo "<text x=\"1425\" y=\"526\" text-anchor=\"middle\" font-family=\"$CJK\" font-size=\"20\" fill=\"#ddd\">3号赛道 · Lane 3</text>"
        person x=1370 y=990 s=1.45 shirt='#b3241f' hat='#ffffff' skin='#e0ac69' pose=notebook flip=-1
        credit_band $W $H '#f2a900' '湘江重工 · 全球操作手技能大赛“穿针引线”项目' 'Xiangjiang Heavy Machinery · Skills contest, “threading the needle” event · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/xiangjiang-skills-contest-arena.jpg" 1.5
}


# Campaign poster for xiangjiang-operator-skills-contest-2023 (portrait JPEG, big bilingual title).
contest_poster() {
    local W=1080 H=1527 svg=$WORK/contest_poster.svg
    {
        svg_begin $W $H
        backdrop bg $W $H '#0e1a31' '#1b2a4a' '#27406b'
        echo '<circle cx="900" cy="1195" r="190" fill="none" stroke="#f2a900" stroke-width="24" opacity=".9"/><circle cx="900" cy="1195" r="145" fill="#f2a900" opacity=".14"/>'
        excavator x=1110 y=1330 s=0.95 flip=-1 arm=up
        echo '<clipPath id="band"><rect y="1330" width="1080" height="197"/></clipPath><g clip-path="url(#band)"><rect y="1330" width="1080" height="197" fill="#f2a900"/>'
        local i; for i in $(seq -200 90 1200); do echo "<path d=\"M$i 1527 L$((i + 45)) 1527 L$((i + 245)) 1330 L$((i + 200)) 1330 Z\" fill=\"#1b2a4a\"/>"; done
        echo '</g>'
        echo "<text x=\"70\" y=\"230\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"190\" fill=\"none\" stroke=\"#f2a900\" stroke-width=\"5\">2023</text>"
        echo "<text x=\"70\" y=\"400\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"128\" fill=\"#ffffff\">全球操作手</text>"
        echo "<text x=\"70\" y=\"545\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"128\" fill=\"#ffffff\">技能大赛</text>"
        echo "<text x=\"74\" y=\"630\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"58\" fill=\"#f2a900\">GLOBAL OPERATOR</text>"
        echo "<text x=\"74\" y=\"696\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"58\" fill=\"#f2a900\">SKILLS CONTEST</text>"
        echo '<rect x="74" y="730" width="120" height="8" fill="#ffffff"/>'
        echo "<text x=\"74\" y=\"800\" font-family=\"$CJK\" font-size=\"36\" fill=\"#ffffff\">10.16 — 10.22 · 长沙经济技术开发区</text>"
        echo "<text x=\"74\" y=\"844\" font-family=\"$LATIN\" font-size=\"26\" fill=\"#c9d6ea\">Changsha Economic and Technological Development Zone</text>"
        echo "<text x=\"74\" y=\"930\" font-family=\"$CJK\" font-size=\"30\" fill=\"#ffffff\">精准挖掘 · 穿针引线 · 故障排除 · 安全操作</text>"
        echo "<text x=\"74\" y=\"970\" font-family=\"$LATIN\" font-size=\"22\" fill=\"#c9d6ea\">Precision digging · Threading the needle · Troubleshooting · Safe operation</text>"
        echo "<text x=\"74\" y=\"1060\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"34\" fill=\"#f2a900\">#XiangjiangSkills2023</text>"
        echo "<text x=\"74\" y=\"1280\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"34\" fill=\"#ffffff\">湘江重工 · Xiangjiang Heavy Machinery</text>"
        echo "<text x=\"74\" y=\"1318\" font-family=\"$CJK\" font-size=\"18\" fill=\"#c9d6ea\">演示海报 · demo poster, fictional company</text>"
        svg_end
    } > "$svg"
    render "$svg" "$OUT/xiangjiang-skills-contest-poster.jpg" 1.5
}

# The four chains as round badges, used on the Open Day poster and the long infographic.
chain_badge() { # cx cy r kind zh en
    local cx=$1 cy=$2 r=$3 kind=$4 zh=$5 en=$6 s
    s=$(awk "BEGIN{print $r/200}")
    echo "<circle cx=\"$cx\" cy=\"$cy\" r=\"$r\" fill=\"#ffffff\" stroke=\"#a4161a\" stroke-width=\"6\"/>"
    case $kind in
        excavator)   excavator x=$(awk "BEGIN{print $cx-170*$s}") y=$(awk "BEGIN{print $cy+70*$s}") s=$(awk "BEGIN{print .62*$s}") ;;
        bogie)       bogie x=$(awk "BEGIN{print $cx-105*$s}") y=$(awk "BEGIN{print $cy+70*$s}") s=$(awk "BEGIN{print .82*$s}") ;;
        transformer) transformer x=$(awk "BEGIN{print $cx-72*$s}") y=$(awk "BEGIN{print $cy+110*$s}") s=$(awk "BEGIN{print .55*$s}") ;;
        bearing)
            echo "<g transform=\"translate($cx $cy) scale($s)\"><circle r=\"120\" fill=\"url(#steel)\"/><circle r=\"92\" fill=\"#fff\"/><circle r=\"84\" fill=\"url(#steelh)\"/><circle r=\"58\" fill=\"#fff\"/>"
            local a; for a in 0 30 60 90 120 150 180 210 240 270 300 330; do echo "<circle cx=\"106\" cy=\"0\" r=\"11\" fill=\"#59636e\" transform=\"rotate($a)\"/>"; done
            echo "</g>" ;;
    esac
    echo "<text x=\"$cx\" y=\"$((cy + r + 52))\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"$((r / 4))\" fill=\"#5a0e10\">$zh</text>"
    echo "<text x=\"$cx\" y=\"$((cy + r + 52 + r / 5))\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"$((r / 6))\" fill=\"#7a3b2e\">$en</text>"
}

# Campaign poster for hunan-parks-open-day-2023, delivered as a one-page PDF (the centre's own asset).
open_day_poster_pdf() {
    local W=1080 H=1527 svg=$WORK/open_day_poster.svg
    {
        svg_begin $W $H
        backdrop bg $W $H '#fff6e6' '#ffe2b3' '#ffc987'
        echo '<rect width="1080" height="360" fill="#a4161a"/><path d="M0 360 Q540 440 1080 360 L1080 300 L0 300 Z" fill="#a4161a"/>'
        echo "<text x=\"540\" y=\"120\" text-anchor=\"middle\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"64\" fill=\"#ffd27a\">2023</text>"
        echo "<text x=\"540\" y=\"240\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"104\" fill=\"#ffffff\">湖南园区名企开放日</text>"
        echo "<text x=\"540\" y=\"320\" text-anchor=\"middle\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"52\" fill=\"#ffe8c2\">Hunan Parks Open Day 2023</text>"
        chain_badge 300 600 150 excavator '工程机械' 'Construction machinery'
        chain_badge 780 600 150 bogie '轨道交通装备' 'Rail transit equipment'
        chain_badge 300 1000 150 transformer '输变电装备' 'Power equipment'
        chain_badge 780 1000 150 bearing '新材料' 'New materials'
        echo '<rect x="90" y="1290" width="900" height="4" fill="#a4161a"/>'
        echo "<text x=\"540\" y=\"1358\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"46\" fill=\"#5a0e10\">6月1日 — 6月30日 · 走进园区，遇见湖南</text>"
        echo "<text x=\"540\" y=\"1404\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"30\" fill=\"#7a3b2e\">1–30 June · Step inside the parks, meet Hunan</text>"
        echo "<text x=\"540\" y=\"1452\" text-anchor=\"middle\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"30\" fill=\"#a4161a\">#HunanParksOpenDay</text>"
        echo "<text x=\"540\" y=\"1500\" text-anchor=\"middle\" font-family=\"$CJK\" font-size=\"19\" fill=\"#7a3b2e\">湖南园区企业国际传播中心 · Hunan Industrial Parks International Communication Centre · demo poster</text>"
        svg_end
    } > "$svg"
    render "$svg" "$WORK/open-day-poster.jpg"
    python3 "$WORK/pdf.py" "$WORK/open-day-poster.jpg" "$OUT/centre-parks-open-day-poster.pdf" \
        "2023湖南园区名企开放日 · Hunan Parks Open Day 2023" \
        "湖南园区企业国际传播中心 (demo)" "Campaign poster, demo asset rendered by make-demo-assets.sh"
    echo "  centre-parks-open-day-poster.pdf: $(stat -c %s "$OUT/centre-parks-open-day-poster.pdf") bytes"
}


# Story image for "The engineer who listens to transformers" (asset:demo-2): the test-station head reads
# partial-discharge data on a tablet in front of a large transformer in the high-voltage test hall.
hv_test_hall() {
    local W=1600 H=1067 svg=$WORK/hv_test_hall.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#16222f' '#273b4f' '#3a536a'
        local i
        for i in 0 1 2 3; do echo "<path d=\"M$((200 + i * 360)) 0 L$((260 + i * 360)) 0 L$((380 + i * 360)) 780 L$((120 + i * 360)) 780 Z\" fill=\"#bfe3ff\" opacity=\".05\"/>"; done
        echo '<rect y="770" width="1600" height="297" fill="#46545f"/>'
        for i in $(seq 0 200 1600); do echo "<line x1=\"$i\" y1=\"770\" x2=\"$(( (i - 800) * 2 + 800 ))\" y2=\"1067\" stroke=\"#3b4852\" stroke-width=\"2\"/>"; done
        # voltage-divider / test columns with grading rings
        local cx
        for cx in 1420 180; do
            echo "<rect x=\"$((cx - 22))\" y=\"250\" width=\"44\" height=\"520\" fill=\"#c9c2b8\"/>"
            for i in $(seq 0 24); do echo "<ellipse cx=\"$cx\" cy=\"$((760 - i * 21))\" rx=\"38\" ry=\"8\" fill=\"#e2ddd5\"/>"; done
            echo "<ellipse cx=\"$cx\" cy=\"236\" rx=\"110\" ry=\"30\" fill=\"none\" stroke=\"url(#steelh)\" stroke-width=\"22\"/><ellipse cx=\"$cx\" cy=\"470\" rx=\"80\" ry=\"20\" fill=\"none\" stroke=\"url(#steelh)\" stroke-width=\"14\"/>"
        done
        transformer x=760 y=800 s=1.35 c='#6f7f86' cl='#93a3aa'
        echo '<path d="M1071 271 Q1250 160 1420 226" fill="none" stroke="url(#steelh)" stroke-width="12"/>'
        # wall display: phase-resolved partial-discharge pattern
        echo '<rect x="330" y="170" width="380" height="250" rx="8" fill="#0b1117" stroke="#445566" stroke-width="4"/>'
        echo "<text x=\"350\" y=\"204\" font-family=\"$CJK\" font-size=\"22\" fill=\"#9fe6c8\">局部放电 · Partial discharge</text>"
        echo '<line x1="350" y1="320" x2="690" y2="320" stroke="#2a3a48" stroke-width="2"/>'
        echo '<path d="M350 320 C400 230 450 230 520 320 S640 410 690 320" fill="none" stroke="#4da3ff" stroke-width="3"/>'
        srand 5
        local px py
        for i in $(seq 1 40); do rnd 60; px=$((380 + R)); rnd 50; py=$((250 + R)); echo "<circle cx=\"$px\" cy=\"$py\" r=\"3\" fill=\"#ffd166\"/>"; done
        for i in $(seq 1 30); do rnd 60; px=$((550 + R)); rnd 40; py=$((335 + R)); echo "<circle cx=\"$px\" cy=\"$py\" r=\"3\" fill=\"#ffd166\"/>"; done
        echo "<text x=\"350\" y=\"404\" font-family=\"$LATIN\" font-size=\"20\" fill=\"#9fe6c8\">PD 38 pC · U = 1.5 Um</text>"
        # safety fence in front of the specimen
        echo '<g stroke="#f2c200" stroke-width="6"><line x1="640" y1="880" x2="1400" y2="880" stroke-dasharray="26 14"/></g>'
        for i in 640 830 1020 1210 1400; do echo "<rect x=\"$((i - 5))\" y=\"840\" width=\"10\" height=\"60\" fill=\"#f2c200\"/><rect x=\"$((i - 14))\" y=\"896\" width=\"28\" height=\"8\" fill=\"#333\"/>"; done
        person x=1480 y=820 s=0.8 shirt='#0f8b8d' hat='#ffffff' skin='#e0ac69' flip=-1
        person x=520 y=960 s=1.8 shirt='#0f8b8d' hat='#ffffff' skin='#f0c8a0' pose=tablet style=pony hair='#20130b' legs='#263544' screen='#ffd166'
        credit_band $W $H '#0f8b8d' '雁回电气 · 高压试验大厅局部放电测试' 'Yanhui Power Equipment · Partial-discharge test in the high-voltage hall · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/yanhui-hv-test-hall.jpg" 1.5
}

# Cover for the supplier story, and the PNG in the corpus: a flat-colour (poster-style, no gradients, so PNG
# stays small) view of the transformer yard at dusk with transmission towers and the factory behind.
transformer_yard_png() {
    local W=1600 H=1067 svg=$WORK/transformer_yard.svg
    {
        svg_begin $W $H
        local i colours=('#2b2d5c' '#46407a' '#6e4f8c' '#a45f8a' '#d9777a' '#f2a067' '#f7c873')
        for i in 0 1 2 3 4 5 6; do echo "<rect y=\"$((i * 90))\" width=\"$W\" height=\"90\" fill=\"${colours[$i]}\"/>"; done
        echo '<circle cx="1180" cy="560" r="90" fill="#ffe5a0"/>'
        echo '<path d="M0 560 Q200 470 420 540 T900 520 T1400 500 T1600 520 L1600 680 L0 680 Z" fill="#5b4a7a"/>'
        echo '<path d="M0 640 Q300 580 600 630 T1200 610 T1600 640 L1600 700 L0 700 Z" fill="#3f3760"/>'
        # factory: sawtooth roof and the name board
        echo '<rect x="880" y="470" width="640" height="230" fill="#2e3a4f"/>'
        for i in 0 1 2 3 4 5 6 7; do echo "<path d=\"M$((880 + i * 80)) 470 L$((880 + i * 80)) 420 L$((960 + i * 80)) 470 Z\" fill=\"#3b4a63\"/><rect x=\"$((890 + i * 80))\" y=\"430\" width=\"8\" height=\"38\" fill=\"#ffd98a\"/>"; done
        for i in 0 1 2 3 4 5 6 7 8 9; do echo "<rect x=\"$((905 + i * 60))\" y=\"560\" width=\"34\" height=\"22\" fill=\"#ffd98a\"/>"; done
        echo '<rect x="910" y="490" width="580" height="52" fill="#0f8b8d"/>'
        echo "<text x=\"1200\" y=\"526\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"30\" fill=\"#fff\">雁回电气 · Yanhui Power Equipment</text>"
        echo '<rect y="700" width="1600" height="367" fill="#2a2540"/>'
        pylon x=220 y=720 h=520 c='#1d1a2e' w=3
        pylon x=760 y=710 h=380 c='#1d1a2e' w=3
        echo '<g fill="none" stroke="#1d1a2e" stroke-width="2"><path d="M90 265 Q490 380 855 377"/><path d="M350 265 Q560 360 665 377"/><path d="M116 330 Q470 440 836 425"/><path d="M324 330 Q560 420 684 425"/><path d="M855 377 Q1300 480 1600 430"/><path d="M836 425 Q1250 520 1600 490"/></g>'
        transformer x=120 y=930 s=0.85 c='#4f6470' cl='#6d8592' bush='#7a4a2a'
        transformer x=560 y=900 s=0.7 c='#4f6470' cl='#6d8592' bush='#7a4a2a'
        transformer x=960 y=880 s=0.55 c='#4f6470' cl='#6d8592' bush='#7a4a2a'
        echo '<g stroke="#8a86a8" stroke-width="3">'
        for i in $(seq 0 40 1600); do echo "<line x1=\"$i\" y1=\"960\" x2=\"$i\" y2=\"1010\"/>"; done
        echo '<line x1="0" y1="968" x2="1600" y2="968"/><line x1="0" y1="1000" x2="1600" y2="1000"/></g>'
        echo '<rect y="1010" width="1600" height="57" fill="#1b1830"/>'
        echo '<rect x="40" y="930" width="760" height="100" rx="8" fill="#000" opacity=".55"/><rect x="56" y="950" width="8" height="62" fill="#0f8b8d"/>'
        echo "<text x=\"80\" y=\"978\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"28\" fill=\"#fff\">雁回电气 · 衡阳高新区变压器试验场</text>"
        echo "<text x=\"80\" y=\"1010\" font-family=\"$LATIN\" font-size=\"19\" fill=\"#e8e8e8\">Yanhui Power Equipment · Transformer yard, Hengyang · demo illustration</text>"
        svg_end
    } > "$svg"
    render "$svg" "$OUT/yanhui-transformer-yard.png"
}

# A small school building with solar panels on the roof (door centred at x=0, ground y=0), lit or in daylight.
school() {
    local x=0 y=0 s=1 lit=1 sign=1
    kv "$@"
    local win='#9cc9e8'; [[ $lit == 1 ]] && win='#ffd66b'
    echo "<g transform=\"translate($x $y) scale($s)\">"
    local i
    for i in 0 1 2 3 4 5; do echo "<path d=\"M$((-330 + i * 112)) -262 L$((-240 + i * 112)) -262 L$((-256 + i * 112)) -300 L$((-346 + i * 112)) -300 Z\" fill=\"#1d3b6e\" stroke=\"#9fb7d9\" stroke-width=\"2\"/><line x1=\"$((-285 + i * 112))\" y1=\"-262\" x2=\"$((-301 + i * 112))\" y2=\"-300\" stroke=\"#9fb7d9\" stroke-width=\"2\"/><rect x=\"$((-300 + i * 112))\" y=\"-262\" width=\"6\" height=\"12\" fill=\"#888\"/>"; done
    echo "<rect x=\"-360\" y=\"-250\" width=\"720\" height=\"250\" fill=\"#f1e4cf\"/><rect x=\"-372\" y=\"-258\" width=\"744\" height=\"14\" fill=\"#d8c3a0\"/><rect x=\"-360\" y=\"-30\" width=\"720\" height=\"30\" fill=\"#c98f5a\"/>"
    for i in -300 -200 -100 100 200 300; do
        [[ $lit == 1 ]] && echo "<rect x=\"$((i - 40))\" y=\"-200\" width=\"80\" height=\"120\" fill=\"#ffd66b\" opacity=\".5\" filter=\"url(#blur12)\"/>"
        echo "<path d=\"M$((i - 30)) -90 L$((i - 30)) -170 A30 30 0 0 1 $((i + 30)) -170 L$((i + 30)) -90 Z\" fill=\"$win\"/><line x1=\"$i\" y1=\"-198\" x2=\"$i\" y2=\"-90\" stroke=\"#8a6a45\" stroke-width=\"3\"/>"
    done
    echo "<path d=\"M-40 0 L-40 -130 A40 40 0 0 1 40 -130 L40 0 Z\" fill=\"#1f6f8b\"/>"
    [[ $sign == 1 ]] && echo "<rect x=\"-70\" y=\"-232\" width=\"140\" height=\"44\" rx=\"4\" fill=\"#1f6f8b\"/><text x=\"0\" y=\"-202\" text-anchor=\"middle\" font-family=\"$ARABIC\" font-size=\"26\" fill=\"#fff\">مدرسة</text>"
    echo "<rect x=\"380\" y=\"-90\" width=\"60\" height=\"90\" fill=\"#b7bdc4\"/><path d=\"M414 -72 L400 -46 L412 -46 L404 -22 L424 -52 L412 -52 L420 -72 Z\" fill=\"#f2c200\"/>"
    echo "</g>"
}

palm() { # x y s
    echo "<g transform=\"translate($1 $2) scale($3)\"><path d=\"M0 0 Q-10 -120 20 -240\" fill=\"none\" stroke=\"#6b4b2e\" stroke-width=\"16\"/>"
    local a; for a in -150 -110 -60 -20 20 60; do echo "<path d=\"M20 -240 q60 -30 110 20 q-60 -10 -110 -20 z\" fill=\"#2f6b3a\" transform=\"rotate($a 20 -240)\"/>"; done
    echo "</g>"
}

# Cover for "Lights on the edge of the desert" (portrait 4:5): the village school at dusk, windows lit,
# solar panels on the roof, pupils walking in for evening class.
village_school() {
    local W=1080 H=1350 svg=$WORK/village_school.svg
    {
        svg_begin $W $H
        backdrop sky $W $H '#0b1d3a' '#3b3a6b' '#e9905f'
        srand 3
        local i sx sy
        for i in $(seq 1 70); do rnd 1080; sx=$R; rnd 560; sy=$R; rnd 3; echo "<circle cx=\"$sx\" cy=\"$sy\" r=\"$((R + 1))\" fill=\"#fff\" opacity=\".8\"/>"; done
        echo '<circle cx="840" cy="200" r="46" fill="#fff6d6"/><circle cx="862" cy="186" r="42" fill="#16264a"/>'
        echo '<path d="M0 830 Q270 760 540 820 T1080 800 L1080 1350 L0 1350 Z" fill="#c68642"/>'
        echo '<path d="M0 900 Q300 860 600 910 T1080 890 L1080 1350 L0 1350 Z" fill="#d9a066"/>'
        palm 900 930 1.1
        palm 50 920 0.8
        school x=540 y=980 s=1.0 lit=1
        echo '<rect x="116" y="760" width="8" height="220" fill="#444"/><circle cx="120" cy="756" r="14" fill="#fff2b0"/><circle cx="120" cy="756" r="60" fill="#fff2b0" opacity=".35" filter="url(#blur12)"/>'
        echo '<path d="M0 1050 Q400 1000 1080 1060 L1080 1350 L0 1350 Z" fill="#b5793f"/>'
        person x=380 y=1110 s=0.75 shirt='#d7263d' skin='#a8704a' hair='#1a1a1a' flip=-1
        person x=470 y=1130 s=0.7 shirt='#1b98e0' skin='#8d5a3b' style=scarf hair='#f2a900' flip=-1
        person x=640 y=1120 s=0.8 shirt='#1b998b' skin='#b57b50' hair='#1a1a1a' pose=wave
        credit_band $W $H '#0f8b8d' '雁回电气 · 摩洛哥南部乡村学校' 'Yanhui Power Equipment · Village school, southern Morocco · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/yanhui-village-school-solar.jpg" 1.5
}

# The territories + limited-use demo (press licence, CN and MA only): handover ceremony in the schoolyard,
# with pupils in the picture, which is why the licence is narrow.
school_handover() {
    local W=1600 H=1067 svg=$WORK/school_handover.svg
    {
        svg_begin $W $H
        backdrop sky $W $H '#5aa0e0' '#b9dcf5' '#f3e6cf'
        echo '<path d="M0 640 Q400 600 800 630 T1600 620 L1600 1067 L0 1067 Z" fill="#e2b98a"/>'
        palm 1420 720 1.2
        palm 160 700 0.9
        school x=800 y=720 s=1.15 lit=0 sign=0
        echo '<rect x="470" y="424" width="660" height="96" fill="#0f8b8d"/>'
        echo "<text x=\"800\" y=\"454\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"24\" fill=\"#fff\">太阳能照明系统交接仪式</text>"
        echo "<text x=\"800\" y=\"482\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"19\" fill=\"#fff\">Cérémonie de remise du système d’éclairage solaire</text>"
        echo "<text x=\"800\" y=\"510\" text-anchor=\"middle\" font-family=\"$ARABIC\" font-size=\"20\" fill=\"#fff\">حفل تسليم نظام الإنارة الشمسية</text>"
        echo '<rect y="720" width="1600" height="347" fill="#d9ad7c"/>'
        echo '<path d="M760 760 Q800 740 840 760" fill="none" stroke="#d7263d" stroke-width="6"/>'
        local x i shirts=('#d7263d' '#1b98e0' '#f2a900' '#1b998b' '#6a4c93' '#f46036' '#2e294e' '#e2c044')
        local skins=('#8d5a3b' '#a8704a' '#b57b50' '#c68642')
        for i in 0 1 2 3 4 5 6 7; do
            x=$((180 + i * 70)); [[ $i -ge 4 ]] && x=$((1010 + (i - 4) * 90))
            if (( i % 3 == 1 )); then
                person x=$x y=$((840 + (i % 2) * 20)) s=0.72 shirt="${shirts[$i]}" skin="${skins[$((i % 4))]}" style=scarf hair='#f1e4cf' pose=wave
            else
                person x=$x y=$((840 + (i % 2) * 20)) s=0.7 shirt="${shirts[$i]}" skin="${skins[$((i % 4))]}" hair='#1a1a1a' pose=wave
            fi
        done
        person x=730 y=930 s=1.45 shirt='#0f8b8d' skin='#e0ac69' pose=shake
        person x=870 y=930 s=1.42 shirt='#7a3b5e' coat=0 skin='#b57b50' style=scarf hair='#f2f2f2' pose=shake flip=-1 legs='#7a3b5e'
        credit_band $W $H '#0f8b8d' '雁回电气 · 乡村学校光伏系统交接（仅限新闻报道使用）' 'Yanhui Power Equipment · Solar system handover at a village school · press use only · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/yanhui-school-handover.jpg" 1.5
}


# Cover for "bogie test centre opens": a bogie under two hydraulic actuators in a steel reaction frame, sensors
# cabled to a data cabinet, the control room behind glass.
bogie_rig() {
    local W=1600 H=1067 svg=$WORK/bogie_rig.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#cfd6dc' '#b4bec7' '#9aa6b0'
        echo '<rect x="0" y="60" width="1600" height="16" fill="#8b97a2"/>'
        echo '<rect x="470" y="96" width="660" height="84" fill="#c8102e"/>'
        echo "<text x=\"800\" y=\"138\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"36\" fill=\"#fff\">转向架综合试验中心</text>"
        echo "<text x=\"800\" y=\"168\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"20\" fill=\"#ffe1e1\">Integrated Bogie Test Centre</text>"
        # control room window
        echo '<rect x="1270" y="250" width="300" height="200" fill="#24313d"/><rect x="1282" y="262" width="276" height="176" fill="#3c5a73"/>'
        echo '<rect x="1300" y="330" width="110" height="70" fill="#0d1b24"/><rect x="1425" y="330" width="110" height="70" fill="#0d1b24"/>'
        echo '<path d="M1305 365 Q1320 340 1335 365 T1365 365 T1395 365" fill="none" stroke="#4fd1c5" stroke-width="3"/><path d="M1430 380 L1450 350 L1470 370 L1490 345 L1530 360" fill="none" stroke="#ffb703" stroke-width="3"/>'
        echo '<rect y="780" width="1600" height="287" fill="#6e7b86"/><rect x="300" y="760" width="1000" height="40" fill="#3b434b"/>'
        echo '<rect x="380" y="788" width="840" height="10" fill="url(#steelh)"/>'
        # reaction frame and actuators
        echo '<rect x="360" y="200" width="70" height="580" fill="#3d5a80"/><rect x="1170" y="200" width="70" height="580" fill="#3d5a80"/><rect x="330" y="180" width="940" height="80" fill="#35506f"/>'
        echo '<g stroke="#2c435e" stroke-width="4"><line x1="360" y1="300" x2="430" y2="300"/><line x1="1170" y1="300" x2="1240" y2="300"/></g>'
        bogie x=560 y=788 s=1.5 c='#c8102e' cd='#8b0c20'
        local ax
        for ax in 680 920; do
            echo "<rect x=\"$((ax - 34))\" y=\"260\" width=\"68\" height=\"170\" rx=\"6\" fill=\"url(#steelh)\"/><rect x=\"$((ax - 12))\" y=\"430\" width=\"24\" height=\"90\" fill=\"#d9dee3\"/><rect x=\"$((ax - 40))\" y=\"514\" width=\"80\" height=\"14\" fill=\"#555\"/>"
            echo "<rect x=\"$((ax - 40))\" y=\"300\" width=\"80\" height=\"18\" fill=\"#f2c200\"/>"
        done
        # sensors and cables to the data cabinet
        echo '<rect x="1300" y="560" width="150" height="220" rx="6" fill="#2b3138"/>'
        local i; for i in 0 1 2 3 4 5; do echo "<circle cx=\"1330\" cy=\"$((590 + i * 28))\" r=\"5\" fill=\"#7CFC00\"/><rect x=\"1350\" y=\"$((584 + i * 28))\" width=\"80\" height=\"12\" fill=\"#404850\"/>"; done
        echo '<g fill="none" stroke="#f07f13" stroke-width="4"><path d="M600 560 Q700 700 1300 620"/><path d="M990 560 Q1100 650 1300 660"/><path d="M820 540 Q1000 740 1300 700"/></g>'
        echo '<rect x="590" y="548" width="22" height="16" fill="#222"/><rect x="980" y="548" width="22" height="16" fill="#222"/><rect x="810" y="530" width="22" height="16" fill="#222"/>'
        person x=250 y=980 s=1.7 shirt='#5b6770' hat='#ffffff' skin='#e0ac69' pose=tablet legs='#2f353b'
        person x=1490 y=990 s=1.7 shirt='#c8102e' hat='#ffffff' skin='#d9a066' pose=point flip=-1 legs='#2f353b'
        credit_band $W $H '#c8102e' '神农轨道装备 · 转向架构架疲劳试验' 'Shennong Rail Equipment · Bogie frame fatigue test in the new test centre · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/shennong-bogie-test-rig.jpg" 1.5
}

# Cover for the Almaty intern story (campaign my-hunan-park-story-2023), portrait 4:5: the intern with a torque
# wrench in front of the bogie assembly line, a robot arm behind him, the campaign name as an overlay.
intern_portrait() {
    local W=1080 H=1350 svg=$WORK/intern_portrait.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#dfe4e8' '#c3ccd3' '#a7b2bb'
        local i; for i in 0 1 2; do echo "<path d=\"M$((180 + i * 340)) 0 L$((180 + i * 340)) 120\" stroke=\"#555\" stroke-width=\"3\"/><path d=\"M$((130 + i * 340)) 120 L$((230 + i * 340)) 120 L$((210 + i * 340)) 150 L$((150 + i * 340)) 150 Z\" fill=\"#4a5560\"/><ellipse cx=\"$((180 + i * 340))\" cy=\"160\" rx=\"70\" ry=\"20\" fill=\"#fffbe6\" opacity=\".6\" filter=\"url(#blur12)\"/>"; done
        for i in 0 1 2 3; do echo "<rect x=\"$((40 + i * 260))\" y=\"260\" width=\"220\" height=\"300\" fill=\"#eef6fb\"/><line x1=\"$((150 + i * 260))\" y1=\"260\" x2=\"$((150 + i * 260))\" y2=\"560\" stroke=\"#b8c4cd\" stroke-width=\"6\"/>"; done
        echo '<rect x="560" y="600" width="460" height="70" fill="#c8102e"/>'
        echo "<text x=\"790\" y=\"640\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"28\" fill=\"#fff\">转向架装配线 · 工位 07</text>"
        echo "<text x=\"790\" y=\"662\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"17\" fill=\"#ffe1e1\">Bogie assembly line · Station 07</text>"
        echo '<rect y="860" width="1080" height="490" fill="#8c98a2"/><rect y="860" width="1080" height="14" fill="#f2c200"/>'
        robot_arm x=90 y=860 s=0.75
        bogie x=620 y=880 s=1.05 c='#c8102e' cd='#8b0c20'
        echo '<rect x="540" y="880" width="480" height="30" fill="#4a5059"/>'
        person x=430 y=1250 s=3.0 shirt='#5b6770' hat='#ffffff' skin='#e3b48c' legs='#2f353b'
        echo '<rect x="440" y="835" width="92" height="34" rx="4" fill="#fff"/><rect x="440" y="835" width="92" height="10" rx="3" fill="#c8102e"/>'
        echo "<text x=\"485\" y=\"864\" text-anchor=\"middle\" font-family=\"$CJK\" font-size=\"13\" fill=\"#222\">实习生 Intern</text>"
        echo '<g transform="rotate(-35 508 974)"><rect x="500" y="900" width="16" height="150" rx="6" fill="url(#steelh)"/><rect x="494" y="880" width="28" height="34" rx="6" fill="#333"/><rect x="502" y="1040" width="12" height="30" fill="#c8102e"/></g>'
        echo '<rect x="60" y="60" width="10" height="112" fill="#c8102e"/>'
        echo "<text x=\"90\" y=\"110\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"46\" fill=\"#1f2a33\">我的湖南园区故事</text>"
        echo "<text x=\"90\" y=\"160\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"34\" fill=\"#c8102e\">My Hunan Park Story</text>"
        credit_band $W $H '#c8102e' '神农轨道装备 · 转向架装配线上的留学生实习生' 'Shennong Rail Equipment · An international intern on the bogie line · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/shennong-intern-bogie-line.jpg" 1.5
}

# The "submitted" demo: an enterprise picture waiting for the centre curator. Traction motors on the line.
traction_line() {
    local W=1600 H=1067 svg=$WORK/traction_line.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#eef1f3' '#d3dae0' '#b9c3cb'
        echo '<rect y="720" width="1600" height="347" fill="#7d8a94"/>'
        echo '<rect x="520" y="120" width="560" height="76" fill="#5b6770"/>'
        echo "<text x=\"800\" y=\"160\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"32\" fill=\"#fff\">牵引部件装配线</text>"
        echo "<text x=\"800\" y=\"186\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"18\" fill=\"#e6ebef\">Traction sub-assembly line</text>"
        local i x s
        for i in 0 1 2; do
            x=$((160 + i * 470)); s=1
            echo "<g transform=\"translate($x 760)\"><rect x=\"20\" y=\"-40\" width=\"20\" height=\"40\" fill=\"#3b434b\"/><rect x=\"260\" y=\"-40\" width=\"20\" height=\"40\" fill=\"#3b434b\"/><rect x=\"0\" y=\"-50\" width=\"300\" height=\"14\" fill=\"#3b434b\"/>"
            echo "<rect x=\"20\" y=\"-250\" width=\"260\" height=\"200\" rx=\"30\" fill=\"url(#steel)\"/>"
            local k; for k in 0 1 2 3 4 5 6 7; do echo "<rect x=\"$((40 + k * 30))\" y=\"-246\" width=\"10\" height=\"192\" fill=\"#8792a0\" opacity=\".6\"/>"; done
            echo "<ellipse cx=\"20\" cy=\"-150\" rx=\"30\" ry=\"100\" fill=\"#5d6875\"/><circle cx=\"-4\" cy=\"-150\" r=\"22\" fill=\"url(#steelh)\"/><rect x=\"110\" y=\"-290\" width=\"80\" height=\"40\" rx=\"6\" fill=\"#c8102e\"/></g>"
        done
        echo '<rect x="0" y="236" width="1600" height="24" fill="#f2c200"/><rect x="1040" y="260" width="60" height="30" fill="#3b434b"/><line x1="1070" y1="290" x2="1070" y2="430" stroke="#333" stroke-width="4"/>'
        person x=1180 y=960 s=1.7 shirt='#c8102e' hat='#ffffff' skin='#e0ac69' pose=point flip=-1
        person x=420 y=980 s=1.7 shirt='#5b6770' hat='#ffffff' skin='#c68642' pose=notebook
        credit_band $W $H '#c8102e' '神农轨道装备 · 牵引部件装配线' 'Shennong Rail Equipment · Traction sub-assembly line · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/shennong-traction-line.jpg" 1.5
}

# Cover for the one-window-services story (the centre's own asset, usable by every member): a park government
# service hall under the two reform slogans.
service_hall() {
    local W=1600 H=1067 svg=$WORK/service_hall.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#f7f3ec' '#ece3d6' '#d9cbb8'
        local i
        for i in 0 1 2 3 4; do echo "<rect x=\"$((120 + i * 290))\" y=\"30\" width=\"200\" height=\"24\" rx=\"4\" fill=\"#fffdf5\"/><ellipse cx=\"$((220 + i * 290))\" cy=\"60\" rx=\"140\" ry=\"20\" fill=\"#fffbe6\" opacity=\".7\" filter=\"url(#blur12)\"/>"; done
        echo '<rect x="200" y="110" width="1200" height="90" rx="6" fill="#1d1d1d"/>'
        echo "<text x=\"800\" y=\"152\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"36\" fill=\"#ff4d4d\">一件事一次办 · 园区事园区办</text>"
        echo "<text x=\"800\" y=\"186\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"22\" fill=\"#ffb3b3\">One visit for one matter · Park business settled in the park</text>"
        echo '<rect x="1220" y="250" width="300" height="160" rx="8" fill="#123c69"/>'
        echo "<text x=\"1370\" y=\"300\" text-anchor=\"middle\" font-family=\"$CJK\" font-size=\"26\" fill=\"#fff\">请 A023 号到 3 号窗口</text>"
        echo "<text x=\"1370\" y=\"336\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"22\" fill=\"#bfe0ff\">A023 → Window 3</text>"
        echo "<text x=\"1370\" y=\"380\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"18\" fill=\"#8fb8e0\">Waiting: 2</text>"
        echo '<rect y="760" width="1600" height="307" fill="#c9b89f"/>'
        for i in 0 1 2 3; do
            local x=$((80 + i * 280))
            person x=$((x + 100)) y=700 s=1.05 shirt='#1d4e89' skin='#e0ac69' hair='#1a1a1a' style=$([[ $i == 1 ]] && echo pony || echo short)
            echo "<rect x=\"$x\" y=\"560\" width=\"240\" height=\"210\" fill=\"#f2ebe0\"/><rect x=\"$x\" y=\"550\" width=\"240\" height=\"18\" fill=\"#8a6a45\"/>"
            echo "<line x1=\"$((x + 90))\" y1=\"200\" x2=\"$((x + 90))\" y2=\"400\" stroke=\"#999\" stroke-width=\"2\"/><line x1=\"$((x + 150))\" y1=\"200\" x2=\"$((x + 150))\" y2=\"400\" stroke=\"#999\" stroke-width=\"2\"/>"
            echo "<rect x=\"$((x + 70))\" y=\"396\" width=\"100\" height=\"40\" rx=\"4\" fill=\"#a4161a\"/><text x=\"$((x + 120))\" y=\"425\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"22\" fill=\"#fff\">$((i + 1)) 号窗口</text>"
            echo "<rect x=\"$((x + 150))\" y=\"505\" width=\"60\" height=\"46\" fill=\"#2b2b2b\"/>"
        done
        echo '<g transform="translate(1250 760)"><rect x="-30" y="-70" width="60" height="70" fill="#8a5a3b"/><circle cx="0" cy="-110" r="50" fill="#3f8f4f"/><circle cx="-35" cy="-90" r="35" fill="#2f7a3f"/><circle cx="35" cy="-90" r="35" fill="#4aa05a"/></g>'
        person x=930 y=860 s=1.55 shirt='#c8102e' skin='#d9a066' pose=notebook flip=-1
        person x=660 y=880 s=1.6 shirt='#45525e' skin='#e3b48c' style=pony hair='#2b1d14' flip=-1
        person x=1450 y=960 s=1.7 shirt='#2e4057' skin='#e0ac69' pose=tablet
        credit_band $W $H '#a4161a' '园区政务服务中心 · 一窗受理（示意）' 'Park government service centre, one-window service (illustrative) · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/centre-one-window-service-hall.jpg" 1.5
}

# The expired-licence demo (a freelance picture licensed until 2025-06-30): an industrial park on the river at dawn.
river_dawn() {
    local W=1600 H=1067 svg=$WORK/river_dawn.svg
    {
        svg_begin $W $H
        backdrop sky $W $H '#24385f' '#d98b6a' '#f9d9a0'
        echo '<circle cx="420" cy="560" r="60" fill="#fff1c9"/><circle cx="420" cy="560" r="180" fill="#ffd38a" opacity=".45" filter="url(#blur30)"/>'
        # wind turbines on the far hill
        echo '<path d="M0 600 Q300 520 640 580 T1300 560 T1600 580 L1600 640 L0 640 Z" fill="#7c6a86"/>'
        local tx; for tx in 1440 1540; do echo "<g transform=\"translate($tx 575)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"-130\" stroke=\"#e9e4ef\" stroke-width=\"5\"/><g stroke=\"#e9e4ef\" stroke-width=\"4\"><line x1=\"0\" y1=\"-130\" x2=\"0\" y2=\"-190\"/><line x1=\"0\" y1=\"-130\" x2=\"52\" y2=\"-100\"/><line x1=\"0\" y1=\"-130\" x2=\"-52\" y2=\"-100\"/></g></g>"; done
        # skyline: halls, a tower, two cranes, a chimney-free modern park
        echo '<g fill="#3e3a57">'
        echo '<rect x="40" y="520" width="220" height="120"/><rect x="260" y="560" width="160" height="80"/><rect x="560" y="420" width="90" height="220"/><rect x="650" y="500" width="260" height="140"/><rect x="910" y="540" width="180" height="100"/><rect x="1090" y="510" width="300" height="130"/>'
        echo '<path d="M650 500 L690 470 L730 500 L770 470 L810 500 L850 470 L890 500 Z"/></g>'
        echo '<g fill="#f9d9a0" opacity=".8">'; local i; for i in 0 1 2 3 4 5 6; do echo "<rect x=\"575\" y=\"$((440 + i * 26))\" width=\"60\" height=\"8\"/>"; done; echo '</g>'
        echo '<g stroke="#3e3a57" stroke-width="6" fill="none"><path d="M1000 540 L1000 380 L1160 380"/><path d="M980 380 L1000 360 L1020 380"/><line x1="1140" y1="380" x2="1140" y2="440"/><path d="M300 560 L300 430 L180 430"/></g>'
        # the river with broken reflections, and a bridge
        echo '<rect y="640" width="1600" height="427" fill="#5b5f86"/>'
        srand 9
        local ry rx rw
        for i in $(seq 1 70); do rnd 400; ry=$((650 + R)); rnd 200; rx=$((320 + R)); rnd 90; rw=$((20 + R)); echo "<rect x=\"$rx\" y=\"$ry\" width=\"$rw\" height=\"3\" fill=\"#ffe3a8\" opacity=\".55\"/>"; done
        for i in $(seq 1 60); do rnd 1600; rx=$R; rnd 420; ry=$((650 + R)); rnd 60; echo "<rect x=\"$rx\" y=\"$ry\" width=\"$((R + 20))\" height=\"2\" fill=\"#8d8fb5\" opacity=\".7\"/>"; done
        echo '<path d="M0 700 L1600 700 L1600 720 L0 720 Z" fill="#2f2b44"/>'
        for i in 0 1 2 3 4 5 6 7; do echo "<path d=\"M$((i * 200)) 720 Q$((i * 200 + 100)) 640 $((i * 200 + 200)) 720\" fill=\"none\" stroke=\"#2f2b44\" stroke-width=\"10\"/><rect x=\"$((i * 200 - 8))\" y=\"720\" width=\"16\" height=\"60\" fill=\"#2f2b44\"/>"; done
        echo '<path d="M1380 900 L1560 900 L1540 930 L1400 930 Z" fill="#2f2b44"/><rect x="1450" y="870" width="40" height="30" fill="#2f2b44"/>'
        credit_band $W $H '#a4161a' '湘江畔的产业园区 · 晨（2022）' 'An industrial park on the Xiang River at dawn (2022) · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/centre-river-park-dawn-2022.jpg" 1.5
}


# A metallographic micrograph: a jittered grid of polygonal grains in etched greys, clipped to a w x h window.
grains() { # x y w h seed
    local x=$1 y=$2 w=$3 h=$4 cols=10 rows=7 i j
    srand "$5"
    local -a px py
    for ((j = 0; j <= rows; j++)); do for ((i = 0; i <= cols; i++)); do
        rnd 40; px[j * 11 + i]=$(( x + i * w / cols + ( (i > 0 && i < cols) ? R - 20 : 0 ) ))
        rnd 40; py[j * 11 + i]=$(( y + j * h / rows + ( (j > 0 && j < rows) ? R - 20 : 0 ) ))
    done; done
    echo "<clipPath id=\"grainclip$5\"><rect x=\"$x\" y=\"$y\" width=\"$w\" height=\"$h\"/></clipPath><g clip-path=\"url(#grainclip$5)\" stroke=\"#2b2b2b\" stroke-width=\"2.5\">"
    local a b c d g
    for ((j = 0; j < rows; j++)); do for ((i = 0; i < cols; i++)); do
        a=$((j * 11 + i)); b=$((a + 1)); c=$((a + 12)); d=$((a + 11)); rnd 70; g=$((150 + R))
        echo "<path d=\"M${px[a]} ${py[a]} L${px[b]} ${py[b]} L${px[c]} ${py[c]} L${px[d]} ${py[d]} Z\" fill=\"rgb($g,$((g - 8)),$((g - 24)))\"/>"
    done; done
    echo "</g>"
}

# A lotus flower (petals fanned from the base), Xiangtan's emblem, for the open-lab-night pictures.
lotus() { # x y s
    echo "<g transform=\"translate($1 $2) scale($3)\">"
    local a; for a in -60 -35 -12 12 35 60; do echo "<ellipse cx=\"0\" cy=\"-50\" rx=\"18\" ry=\"50\" fill=\"#f29bb5\" stroke=\"#e56b8a\" stroke-width=\"2\" transform=\"rotate($a 0 0)\"/>"; done
    echo "<ellipse cx=\"0\" cy=\"-54\" rx=\"16\" ry=\"54\" fill=\"#f7b9cb\"/><ellipse cx=\"0\" cy=\"6\" rx=\"70\" ry=\"12\" fill=\"#3f8f4f\"/></g>"
}

# Story image for "Lotus City nights" (asset:demo-3): international students at microscopes in the metallography
# lab; the grain structure of bearing steel is on the big screen and the open-lab-night poster is on the wall.
metallography_lab() {
    local W=1600 H=1067 svg=$WORK/metallography_lab.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#e9e4ee' '#d8d2e0' '#c4bdd0'
        # night window and the event poster
        echo '<rect x="60" y="110" width="300" height="380" fill="#14213d"/><rect x="60" y="296" width="300" height="8" fill="#c4bdd0"/><rect x="206" y="110" width="8" height="380" fill="#c4bdd0"/>'
        echo '<circle cx="290" cy="170" r="22" fill="#fff6d6"/>'
        echo '<rect x="420" y="120" width="240" height="330" fill="#fff3f6" stroke="#e56b8a" stroke-width="4"/>'
        lotus 540 290 1.0
        echo "<text x=\"540\" y=\"350\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"26\" fill=\"#b03a5b\">莲城开放实验室之夜</text>"
        echo "<text x=\"540\" y=\"380\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"17\" fill=\"#b03a5b\">Lotus City Open Lab Night</text>"
        echo "<text x=\"540\" y=\"420\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"15\" fill=\"#7a4a5a\">17 June · Hunan Parks Open Day</text>"
        # the screen with the micrograph
        echo '<rect x="780" y="100" width="620" height="400" rx="10" fill="#1e1e24"/>'
        grains 800 120 580 340 21
        echo "<text x=\"810\" y=\"485\" font-family=\"$LATIN\" font-size=\"17\" fill=\"#e6e6e6\">GCr15 · 500× · nital etch</text><rect x=\"1250\" y=\"476\" width=\"100\" height=\"6\" fill=\"#fff\"/><text x=\"1300\" y=\"470\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"14\" fill=\"#fff\">20 µm</text>"
        # bench with two microscopes and a sample tray
        echo '<rect y="760" width="1600" height="307" fill="#a9a1b8"/>'
        echo '<rect x="300" y="640" width="1100" height="26" fill="#f7f7f7"/><rect x="320" y="666" width="1060" height="190" fill="#8c8fa3"/><g stroke="#767a8f" stroke-width="3"><line x1="585" y1="680" x2="585" y2="850"/><line x1="850" y1="680" x2="850" y2="850"/><line x1="1115" y1="680" x2="1115" y2="850"/></g>'
        microscope x=560 y=640 s=1.5
        microscope x=1080 y=640 s=1.5 flip=-1
        echo '<rect x="760" y="624" width="160" height="16" rx="3" fill="#59636e"/>'
        local i; for i in 0 1 2 3; do echo "<ellipse cx=\"$((782 + i * 38))\" cy=\"622\" rx=\"14\" ry=\"6\" fill=\"url(#steelh)\"/>"; done
        person x=470 y=1000 s=1.75 shirt='#2e86ab' coat=1 skin='#f2d0b0' style=pony hair='#6b3e26' pose=notebook
        person x=700 y=1010 s=1.8 shirt='#6a4c93' coat=1 skin='#f5d6c6' hair='#c9a86a' flip=-1
        person x=1190 y=1000 s=1.75 shirt='#1b998b' coat=1 skin='#8d5a3b' hair='#1a1a1a' pose=point flip=1
        person x=1420 y=1010 s=1.78 shirt='#e56b8a' coat=1 skin='#e0ac69' pose=tablet flip=-1
        credit_band $W $H '#e56b8a' '莲城新材 · 留学生走进金相实验室' 'Liancheng Advanced Materials · International students in the metallography lab · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/liancheng-metallography-lab.jpg" 1.5
}

# A temperature-curve screen on a stand: heat, hold at 860 °C, quench, temper.
temperature_screen() { # x y (top-left of a 360x240 screen)
    local x=$1 y=$2
    echo "<rect x=\"$((x + 170))\" y=\"$((y + 240))\" width=\"20\" height=\"$((760 - y - 240))\" fill=\"#444\"/>"
    echo "<rect x=\"$x\" y=\"$y\" width=\"360\" height=\"240\" rx=\"8\" fill=\"#1c1c1c\"/><rect x=\"$((x + 12))\" y=\"$((y + 12))\" width=\"336\" height=\"216\" fill=\"#0d1418\"/>"
    echo "<g transform=\"translate($((x + 12)) $((y + 12)))\"><line x1=\"30\" y1=\"190\" x2=\"326\" y2=\"190\" stroke=\"#5c6b73\" stroke-width=\"2\"/><line x1=\"30\" y1=\"20\" x2=\"30\" y2=\"190\" stroke=\"#5c6b73\" stroke-width=\"2\"/>"
    echo "<polyline points=\"30,180 90,60 180,56 196,170 230,170 250,130 320,130\" fill=\"none\" stroke=\"#ff8c42\" stroke-width=\"4\"/>"
    echo "<line x1=\"30\" y1=\"58\" x2=\"326\" y2=\"58\" stroke=\"#ff8c42\" stroke-width=\"1\" stroke-dasharray=\"6 6\" opacity=\".6\"/>"
    echo "<text x=\"100\" y=\"46\" font-family=\"$LATIN\" font-size=\"18\" fill=\"#ffd0a8\">860 °C</text><text x=\"250\" y=\"120\" font-family=\"$LATIN\" font-size=\"15\" fill=\"#ffd0a8\">180 °C</text>"
    echo "<text x=\"36\" y=\"210\" font-family=\"$CJK\" font-size=\"14\" fill=\"#9fb3bd\">温度曲线 · Temperature / time</text></g>"
}

# Story image for "The furnace master and his apprentices" (asset:demo-4): the grey-haired master points at the
# temperature curve while his apprentice takes notes; the furnace door is open and glowing.
heat_treatment() {
    local W=1600 H=1067 svg=$WORK/heat_treatment.svg
    {
        svg_begin $W $H
        backdrop wall $W $H '#1f1b1a' '#302824' '#3d322b'
        echo '<rect y="770" width="1600" height="297" fill="#4a3f38"/>'
        echo '<ellipse cx="1110" cy="840" rx="420" ry="70" fill="#ff8c42" opacity=".35" filter="url(#blur30)"/>'
        # the furnace: steel casing, raised door, glowing chamber with a load of rings
        echo '<rect x="840" y="180" width="540" height="600" fill="#56616b"/><rect x="880" y="120" width="460" height="110" fill="#6b7782"/><rect x="940" y="60" width="16" height="70" fill="#444"/><rect x="1264" y="60" width="16" height="70" fill="#444"/>'
        echo '<radialGradient id="fire" cx=".5" cy=".6" r=".7"><stop offset="0" stop-color="#fff4c2"/><stop offset=".4" stop-color="#ffb347"/><stop offset="1" stop-color="#d9480f"/></radialGradient>'
        echo '<rect x="920" y="300" width="380" height="360" fill="url(#fire)"/><rect x="900" y="280" width="420" height="400" fill="#ffb347" opacity=".4" filter="url(#blur30)"/>'
        local i; for i in 0 1 2 3; do echo "<ellipse cx=\"1110\" cy=\"$((600 - i * 60))\" rx=\"120\" ry=\"26\" fill=\"none\" stroke=\"#ffe08a\" stroke-width=\"16\"/>"; done
        echo '<rect x="1100" y="340" width="20" height="300" fill="#c0561c"/>'
        echo '<rect x="840" y="660" width="540" height="120" fill="#48525b"/><rect x="870" y="690" width="120" height="60" fill="#2f363c"/><circle cx="1300" cy="720" r="16" fill="#d7263d"/>'
        temperature_screen 360 330
        person x=260 y=960 s=1.8 shirt='#3b4a5a' skin='#e0ac69' style=grey pose=point
        person x=720 y=980 s=1.75 shirt='#e56b8a' hat='#ffffff' skin='#f0c8a0' style=pony hair='#20130b' pose=notebook flip=-1
        credit_band $W $H '#e56b8a' '莲城新材 · 热处理车间的师傅与学徒' 'Liancheng Advanced Materials · Master and apprentice in the heat-treatment workshop · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/liancheng-heat-treatment-workshop.jpg" 1.5
}

# Cover for the furnace-master story: a rack of glowing bearing rings lifted out of the furnace over the quench tank.
quench_glow() {
    local W=1600 H=1067 svg=$WORK/quench_glow.svg
    {
        svg_begin $W $H
        backdrop bg $W $H '#0d0a09' '#1c1410' '#2a1d16'
        echo '<rect x="1060" y="0" width="540" height="420" fill="#ff9a3c" opacity=".35" filter="url(#blur30)"/><rect x="1150" y="60" width="420" height="320" fill="#ffcf7a" opacity=".5" filter="url(#blur30)"/>'
        echo '<line x1="760" y1="0" x2="760" y2="170" stroke="#777" stroke-width="10"/><rect x="560" y="170" width="400" height="20" fill="#666"/><line x1="600" y1="190" x2="600" y2="640" stroke="#666" stroke-width="12"/><line x1="920" y1="190" x2="920" y2="640" stroke="#666" stroke-width="12"/><line x1="760" y1="190" x2="760" y2="640" stroke="#666" stroke-width="12"/>'
        echo '<linearGradient id="hot" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#ff6a00"/><stop offset=".5" stop-color="#fff0a8"/><stop offset="1" stop-color="#ff7b1c"/></linearGradient>'
        local i yy
        for i in 0 1 2 3 4; do
            yy=$((260 + i * 85))
            echo "<ellipse cx=\"760\" cy=\"$yy\" rx=\"230\" ry=\"46\" fill=\"none\" stroke=\"#ff8c1a\" stroke-width=\"40\" opacity=\".45\" filter=\"url(#blur12)\"/>"
            echo "<ellipse cx=\"760\" cy=\"$yy\" rx=\"220\" ry=\"42\" fill=\"none\" stroke=\"url(#hot)\" stroke-width=\"24\"/>"
        done
        echo '<rect x="380" y="760" width="760" height="307" fill="#1a1512"/><rect x="380" y="750" width="760" height="24" fill="#3a2d24"/><ellipse cx="760" cy="790" rx="360" ry="16" fill="#ff9a3c" opacity=".35" filter="url(#blur12)"/>'
        srand 17
        local sx sy len
        for i in $(seq 1 60); do rnd 700; sx=$((410 + R)); rnd 520; sy=$((180 + R)); rnd 30; len=$((8 + R)); echo "<line x1=\"$sx\" y1=\"$sy\" x2=\"$((sx + len))\" y2=\"$((sy - len / 2))\" stroke=\"#ffd36b\" stroke-width=\"2\" opacity=\".85\"/>"; done
        credit_band $W $H '#e56b8a' '莲城新材 · 出炉淬火的轴承套圈' 'Liancheng Advanced Materials · Bearing rings lifted from the furnace for quenching · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/liancheng-bearing-rings-quench.jpg" 1.5
}

# Cover for "From seven industry chains to one bearing": a studio still life of finished bearing-steel rings
# and rollers on a dark reflective surface.
bearing_still_life() {
    local W=1600 H=1067 svg=$WORK/bearing_still_life.svg
    {
        svg_begin $W $H
        echo '<radialGradient id="studio" cx=".5" cy=".35" r=".8"><stop offset="0" stop-color="#3a4a63"/><stop offset="1" stop-color="#0c1220"/></radialGradient><rect width="1600" height="1067" fill="url(#studio)"/>'
        echo '<rect y="700" width="1600" height="367" fill="#0a0f1a"/><rect y="700" width="1600" height="4" fill="#24324a"/>'
        # a standing outer ring (a thick circle), its reflection, and a stack of flat rings
        local r
        echo '<g><circle cx="900" cy="420" r="270" fill="none" stroke="url(#steel)" stroke-width="70"/><circle cx="900" cy="420" r="230" fill="none" stroke="#2b3445" stroke-width="8"/><circle cx="900" cy="420" r="306" fill="none" stroke="#d9e2ec" stroke-width="3" opacity=".7"/></g>'
        echo '<g opacity=".18" transform="translate(0 1400) scale(1 -1)"><circle cx="900" cy="420" r="270" fill="none" stroke="url(#steel)" stroke-width="70"/></g>'
        for r in 0 1 2; do echo "<ellipse cx=\"380\" cy=\"$((700 - r * 46))\" rx=\"200\" ry=\"54\" fill=\"none\" stroke=\"url(#steelh)\" stroke-width=\"38\"/>"; done
        # tapered rollers and balls
        local i
        for i in 0 1 2 3 4; do echo "<path d=\"M$((1240 + i * 60)) 760 L$((1280 + i * 60)) 760 L$((1284 + i * 60)) 690 L$((1236 + i * 60)) 690 Z\" fill=\"url(#steelh)\"/>"; done
        for i in 0 1 2 3 4 5; do echo "<circle cx=\"$((620 + i * 44))\" cy=\"790\" r=\"20\" fill=\"url(#steel)\"/>"; done
        echo "<text x=\"80\" y=\"150\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"64\" fill=\"#ffffff\">轴承钢</text>"
        echo "<text x=\"84\" y=\"200\" font-family=\"$LATIN\" font-size=\"34\" fill=\"#b8c7db\">Bearing steel</text><rect x=\"84\" y=\"226\" width=\"90\" height=\"6\" fill=\"#e56b8a\"/>"
        credit_band $W $H '#e56b8a' '莲城新材 · 高性能轴承钢套圈与滚子' 'Liancheng Advanced Materials · High-performance bearing-steel rings and rollers · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/liancheng-bearing-steel-rings.jpg" 1.5
}

# The "internal" demo (enterprise library only, never shared): R&D samples of carbon-ceramic discs, portrait.
carbon_ceramic_samples() {
    local W=1080 H=1350 svg=$WORK/carbon_ceramic.svg
    {
        svg_begin $W $H
        backdrop bg $W $H '#eceff1' '#dfe3e6' '#cfd5da'
        echo '<rect x="90" y="220" width="900" height="900" rx="16" fill="#b0bac2"/><rect x="110" y="240" width="860" height="860" rx="10" fill="#c5cdd3"/>'
        local i j cx cy k
        for j in 0 1 2; do for i in 0 1; do
            cx=$((330 + i * 420)); cy=$((380 + j * 290)); k=$((j * 2 + i + 1))
            echo "<circle cx=\"$cx\" cy=\"$((cy + 8))\" r=\"118\" fill=\"#000\" opacity=\".18\"/><circle cx=\"$cx\" cy=\"$cy\" r=\"116\" fill=\"#2f3438\"/><circle cx=\"$cx\" cy=\"$cy\" r=\"44\" fill=\"#c5cdd3\"/>"
            local a; for a in 0 45 90 135 180 225 270 315; do echo "<circle cx=\"$((cx + 78))\" cy=\"$cy\" r=\"7\" fill=\"#1b1e21\" transform=\"rotate($((a + k * 10)) $cx $cy)\"/>"; done
            echo "<rect x=\"$((cx - 50))\" y=\"$((cy + 126))\" width=\"100\" height=\"28\" fill=\"#fff\"/><text x=\"$cx\" y=\"$((cy + 147))\" text-anchor=\"middle\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"18\" fill=\"#333\">CC-0$k</text>"
        done; done
        echo '<rect x="140" y="1150" width="800" height="40" fill="#f2d16b"/>'
        for i in $(seq 0 40); do echo "<line x1=\"$((150 + i * 19))\" y1=\"1150\" x2=\"$((150 + i * 19))\" y2=\"$(( i % 5 == 0 ? 1175 : 1164 ))\" stroke=\"#333\" stroke-width=\"2\"/>"; done
        echo '<g transform="rotate(-12 820 150)"><rect x="620" y="100" width="400" height="110" rx="10" fill="none" stroke="#c0392b" stroke-width="8"/>'
        echo "<text x=\"820\" y=\"150\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"40\" fill=\"#c0392b\">内部资料</text><text x=\"820\" y=\"192\" text-anchor=\"middle\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"30\" fill=\"#c0392b\">INTERNAL</text></g>"
        credit_band $W $H '#e56b8a' '莲城新材 · 碳陶复合材料试样（内部）' 'Liancheng Advanced Materials · Carbon-ceramic composite samples (internal) · demo illustration'
        svg_end
    } > "$svg"
    render "$svg" "$OUT/liancheng-carbon-ceramic-samples.jpg" 1.5
}


# The long image ("长图", 750 x 6000, the width phones show at 1:1): the centre's "Hunan's parks in figures", stacked
# sections with a bar chart drawn from rectangles. Every figure is one the demo stories already cite from the seeds.
long_infographic() {
    local W=750 H=6000 svg=$WORK/long_infographic.svg
    local T="font-family=\"$CJK\"" L="font-family=\"$LATIN\""
    {
        svg_begin $W $H
        echo '<rect width="750" height="6000" fill="#fbf6ee"/>'
        # 1 title band with a machinery skyline
        backdrop title 750 900 '#6d0f12' '#a4161a' '#c8553d'
        echo "<text x=\"375\" y=\"170\" text-anchor=\"middle\" $L font-weight=\"700\" font-size=\"40\" fill=\"#ffd27a\">2022</text>"
        echo "<text x=\"375\" y=\"290\" text-anchor=\"middle\" $T font-weight=\"700\" font-size=\"96\" fill=\"#fff\">数说湖南园区</text>"
        echo "<text x=\"375\" y=\"360\" text-anchor=\"middle\" $L font-weight=\"700\" font-size=\"38\" fill=\"#ffe8c2\">Hunan's industrial parks</text>"
        echo "<text x=\"375\" y=\"408\" text-anchor=\"middle\" $L font-weight=\"700\" font-size=\"38\" fill=\"#ffe8c2\">in figures</text>"
        echo '<path d="M0 900 L0 760 L750 760 L750 900 Z" fill="#5a0e10"/>'
        pylon x=90 y=760 h=260 c='#5a0e10' w=3
        excavator x=170 y=760 s=0.42 c='#5a0e10' cd='#5a0e10'
        transformer x=430 y=760 s=0.42 c='#5a0e10' cl='#5a0e10' bush='#5a0e10'
        bogie x=610 y=760 s=0.35 c='#5a0e10' cd='#5a0e10'
        # 2 the parks
        echo "<text x=\"375\" y=\"1180\" text-anchor=\"middle\" $L font-weight=\"700\" font-size=\"220\" fill=\"#a4161a\">139</text>"
        echo "<text x=\"375\" y=\"1270\" text-anchor=\"middle\" $T font-weight=\"700\" font-size=\"40\" fill=\"#3b2a20\">家省级及以上产业园区</text>"
        echo "<text x=\"375\" y=\"1320\" text-anchor=\"middle\" $L font-size=\"27\" fill=\"#6b5646\">industrial parks at provincial level and above</text>"
        local i
        echo '<line x1="60" y1="1560" x2="690" y2="1560" stroke="#e2d3bf" stroke-width="3"/>'
        # 3 the bar chart: share of land, GDP, imports and exports
        echo "<text x=\"60\" y=\"1680\" $T font-weight=\"700\" font-size=\"44\" fill=\"#3b2a20\">以约 0.5% 的土地</text>"
        echo "<text x=\"60\" y=\"1740\" $T font-weight=\"700\" font-size=\"44\" fill=\"#3b2a20\">贡献全省</text>"
        echo "<text x=\"60\" y=\"1800\" $L font-size=\"27\" fill=\"#6b5646\">On about 0.5% of the province's land, the parks</text>"
        echo "<text x=\"60\" y=\"1838\" $L font-size=\"27\" fill=\"#6b5646\">generate a large share of its economy</text>"
        for i in 0 25 50 75 100; do echo "<line x1=\"$((60 + i * 6))\" y1=\"1900\" x2=\"$((60 + i * 6))\" y2=\"2620\" stroke=\"#e2d3bf\" stroke-width=\"2\"/><text x=\"$((60 + i * 6))\" y=\"2660\" text-anchor=\"middle\" $L font-size=\"22\" fill=\"#8b7763\">$i%</text>"; done
        local bars=("0.5|3|国土面积|Land area|#c9a27f" "36.3|218|地区生产总值|GDP|#d9733a" "83|498|进出口总额|Imports and exports|#a4161a")
        local b v w zh en c y0=1940
        for b in "${bars[@]}"; do
            IFS='|' read -r v w zh en c <<<"$b"
            echo "<text x=\"60\" y=\"$((y0 + 10))\" $T font-size=\"30\" fill=\"#3b2a20\">$zh <tspan $L font-size=\"24\" fill=\"#8b7763\">$en</tspan></text>"
            echo "<rect x=\"60\" y=\"$((y0 + 30))\" width=\"$w\" height=\"110\" rx=\"4\" fill=\"$c\"/>"
            echo "<text x=\"$((60 + w + 16))\" y=\"$((y0 + 104))\" $L font-weight=\"700\" font-size=\"46\" fill=\"$c\">$v%</text>"
            y0=$((y0 + 230))
        done
        echo "<text x=\"60\" y=\"2720\" $L font-size=\"22\" fill=\"#8b7763\">Shares of Hunan's totals, 2022</text>"
        echo '<rect y="2800" width="750" height="1100" fill="#2f3640"/>'
        # 4 seven new-materials chains and the revenue target
        echo "<text x=\"60\" y=\"2930\" $L font-weight=\"700\" font-size=\"150\" fill=\"#f29bb5\">7</text>"
        echo "<text x=\"180\" y=\"2880\" $T font-weight=\"700\" font-size=\"40\" fill=\"#fff\">条新材料特色产业链</text>"
        echo "<text x=\"180\" y=\"2926\" $L font-size=\"26\" fill=\"#c8ced6\">distinctive new-materials industry chains</text>"
        local chains=("先进储能材料|Advanced energy-storage materials" "化工新材料|New chemical materials" "先进有色金属材料|Advanced non-ferrous metals" "先进陶瓷材料|Advanced ceramics" "碳基材料|Carbon-based materials" "先进钢铁材料|Advanced steel" "建材与装配式建筑|Building materials and prefabricated construction")
        local k=0 ch
        for ch in "${chains[@]}"; do
            echo "<rect x=\"60\" y=\"$((3000 + k * 86))\" width=\"16\" height=\"56\" fill=\"#f29bb5\" opacity=\"$(awk "BEGIN{print 1 - $k * 0.1}")\"/>"
            echo "<text x=\"96\" y=\"$((3026 + k * 86))\" $T font-size=\"30\" fill=\"#fff\">${ch%%|*}</text><text x=\"96\" y=\"$((3056 + k * 86))\" $L font-size=\"21\" fill=\"#aab3bd\">${ch#*|}</text>"
            k=$((k + 1))
        done
        echo "<text x=\"60\" y=\"3720\" $T font-weight=\"700\" font-size=\"64\" fill=\"#f29bb5\">8000 亿元</text>"
        echo "<text x=\"60\" y=\"3776\" $T font-size=\"30\" fill=\"#fff\">“十四五”期间全产业营收目标</text>"
        echo "<text x=\"60\" y=\"3816\" $L font-size=\"24\" fill=\"#c8ced6\">RMB 800 billion revenue target, 2021–2025</text>"
        # 5 reach: a globe of meridians and parallels
        echo '<g transform="translate(375 4230)"><circle r="200" fill="#dcebf5" stroke="#1b2a4a" stroke-width="4"/>'
        for i in 60 120 170; do echo "<ellipse rx=\"$i\" ry=\"200\" fill=\"none\" stroke=\"#1b2a4a\" stroke-width=\"2\" opacity=\".6\"/>"; done
        for i in -140 -70 0 70 140; do echo "<line x1=\"-$(awk "BEGIN{printf \"%d\", sqrt(40000 - $i * $i)}")\" y1=\"$i\" x2=\"$(awk "BEGIN{printf \"%d\", sqrt(40000 - $i * $i)}")\" y2=\"$i\" stroke=\"#1b2a4a\" stroke-width=\"2\" opacity=\".6\"/>"; done
        srand 23
        local dx dy
        for i in $(seq 1 34); do rnd 340; dx=$((R - 170)); rnd 340; dy=$((R - 170)); (( dx * dx + dy * dy < 32400 )) || continue; echo "<circle cx=\"$dx\" cy=\"$dy\" r=\"9\" fill=\"#f2a900\" stroke=\"#fff\" stroke-width=\"2\"/>"; done
        echo '</g>'
        echo "<text x=\"375\" y=\"4580\" text-anchor=\"middle\" $L font-weight=\"700\" font-size=\"110\" fill=\"#f2a900\">100+</text>"
        echo "<text x=\"375\" y=\"4650\" text-anchor=\"middle\" $T font-size=\"32\" fill=\"#3b2a20\">湖南工程机械集群的产品和服务</text>"
        echo "<text x=\"375\" y=\"4694\" text-anchor=\"middle\" $T font-size=\"32\" fill=\"#3b2a20\">遍及全球 100 多个国家和地区</text>"
        echo "<text x=\"375\" y=\"4740\" text-anchor=\"middle\" $L font-size=\"24\" fill=\"#6b5646\">Products and services of Hunan's construction-machinery</text>"
        echo "<text x=\"375\" y=\"4772\" text-anchor=\"middle\" $L font-size=\"24\" fill=\"#6b5646\">cluster reach more than 100 countries and regions</text>"
        # 6 the gap: local supporting rate
        echo '<rect x="40" y="4860" width="670" height="480" rx="20" fill="#fff" stroke="#e2d3bf" stroke-width="3"/>'
        echo "<text x=\"80\" y=\"4950\" $T font-weight=\"700\" font-size=\"36\" fill=\"#3b2a20\">本地配套率 Local supply</text>"
        echo '<rect x="80" y="5000" width="590" height="56" rx="8" fill="#f1e6d6"/><rect x="80" y="5000" width="160" height="56" rx="8" fill="#d9733a"/><line x1="257" y1="4985" x2="257" y2="5140" stroke="#3b2a20" stroke-width="3" stroke-dasharray="8 6"/>'
        echo "<text x=\"257\" y=\"5170\" text-anchor=\"middle\" $L font-weight=\"700\" font-size=\"26\" fill=\"#3b2a20\">30%</text>"
        echo "<text x=\"80\" y=\"5230\" $T font-size=\"28\" fill=\"#3b2a20\">多数先进制造业集群低于 30%，轨道交通除外</text>"
        echo "<text x=\"80\" y=\"5272\" $L font-size=\"22\" fill=\"#6b5646\">Most advanced-manufacturing clusters source under 30%</text>"
        echo "<text x=\"80\" y=\"5302\" $L font-size=\"22\" fill=\"#6b5646\">of their parts locally; rail transit is the exception</text>"
        # 7 footer
        echo '<rect y="5440" width="750" height="560" fill="#a4161a"/>'
        chain_badge 140 5560 70 excavator '' ''
        chain_badge 290 5560 70 bogie '' ''
        chain_badge 440 5560 70 transformer '' ''
        chain_badge 590 5560 70 bearing '' ''
        echo "<text x=\"375\" y=\"5740\" text-anchor=\"middle\" $T font-weight=\"700\" font-size=\"34\" fill=\"#fff\">湖南园区企业国际传播中心</text>"
        echo "<text x=\"375\" y=\"5784\" text-anchor=\"middle\" $L font-size=\"23\" fill=\"#ffe8c2\">Hunan Industrial Parks International Communication Centre</text>"
        echo "<text x=\"375\" y=\"5860\" text-anchor=\"middle\" $T font-size=\"20\" fill=\"#ffd5c2\">数据来源：关于湖南园区的研究文章（2020—2023）· 演示长图</text>"
        echo "<text x=\"375\" y=\"5894\" text-anchor=\"middle\" $L font-size=\"19\" fill=\"#ffd5c2\">Figures: research articles on Hunan's parks, 2020–2023 · demo long image</text>"
        echo "<text x=\"375\" y=\"5950\" text-anchor=\"middle\" $L font-weight=\"700\" font-size=\"24\" fill=\"#ffd27a\">#HunanParksOpenDay</text>"
        svg_end
    } > "$svg"
    render "$svg" "$OUT/centre-hunan-parks-in-figures.png"
}


# The H5 package: a small self-contained page for the Open Day campaign. Four "tap to flip" cards (one per
# member enterprise) and a three-stop timeline, Chinese and English with a language switch, one image, no
# external URLs, relative paths only, separate CSS/JS files (the bank serves H5 sandboxed, where a strict CSP
# may refuse inline script). Entry times in the zip are fixed so the archive is byte-identical on every run.
h5_package() {
    local dir=$WORK/h5
    rm -rf "$dir"; mkdir -p "$dir/css" "$dir/js" "$dir/img"
    # the one image: a machinery skyline banner rendered here
    {
        svg_begin 750 360
        backdrop b 750 360 '#6d0f12' '#a4161a' '#e07b53'
        echo '<circle cx="600" cy="120" r="50" fill="#ffd27a" opacity=".9"/>'
        echo '<rect y="300" width="750" height="60" fill="#5a0e10"/>'
        pylon x=70 y=300 h=200 c='#5a0e10' w=3
        excavator x=140 y=300 s=0.36 c='#5a0e10' cd='#5a0e10'
        transformer x=370 y=300 s=0.36 c='#5a0e10' cl='#5a0e10' bush='#5a0e10'
        bogie x=560 y=300 s=0.36 c='#5a0e10' cd='#5a0e10'
        echo "<text x=\"30\" y=\"60\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"34\" fill=\"#fff\">湖南园区名企开放日</text>"
        echo "<text x=\"30\" y=\"96\" font-family=\"$LATIN\" font-size=\"22\" fill=\"#ffe8c2\">Hunan Parks Open Day 2023</text>"
        svg_end
    } > "$WORK/h5-banner.svg"
    vips flatten "$WORK/h5-banner.svg" "$WORK/h5-banner.v" --background "255 255 255"
    vips jpegsave "$WORK/h5-banner.v" "$dir/img/banner.jpg" --Q 80 --optimize-coding --strip

    cat > "$dir/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>2023湖南园区名企开放日 · Hunan Parks Open Day 2023</title>
<link rel="stylesheet" href="css/style.css">
</head>
<body>
<header>
  <img src="img/banner.jpg" width="750" height="360" alt="">
  <h1><span lang="zh-CN">2023湖南园区名企开放日</span><span lang="en">Hunan Parks Open Day 2023</span></h1>
  <p class="intro"><span lang="zh-CN">点击卡片，认识四家会员企业（均为演示用虚构企业）。</span><span lang="en">Tap a card to meet four member enterprises (fictional demo companies).</span></p>
  <button type="button" id="lang" aria-label="切换语言 / Switch language">English</button>
</header>
<main>
  <ul class="cards">
    <li><button type="button" class="card" aria-pressed="false">
      <span class="face front"><b lang="zh-CN">湘江重工</b><b lang="en">Xiangjiang Heavy Machinery</b>
        <small lang="zh-CN">长沙经开区 · 工程机械</small><small lang="en">Changsha ETDZ · Construction machinery</small></span>
      <span class="face back"><span lang="zh-CN">液压联合实验室：三年内核心液压件自主或本地配套率目标 60%。</span><span lang="en">Joint hydraulics lab: 60% of core hydraulic parts made in-house or locally within three years.</span></span>
    </button></li>
    <li><button type="button" class="card" aria-pressed="false">
      <span class="face front"><b lang="zh-CN">神农轨道装备</b><b lang="en">Shennong Rail Equipment</b>
        <small lang="zh-CN">株洲高新区 · 轨道交通装备</small><small lang="en">Zhuzhou High-tech Zone · Rail transit equipment</small></span>
      <span class="face back"><span lang="zh-CN">约 8000 平方米的转向架综合试验中心，按成本价向本地配套企业开放。</span><span lang="en">An 8,000 m² bogie test centre, open to local suppliers at cost.</span></span>
    </button></li>
    <li><button type="button" class="card" aria-pressed="false">
      <span class="face front"><b lang="zh-CN">雁回电气</b><b lang="en">Yanhui Power Equipment</b>
        <small lang="zh-CN">衡阳高新区 · 输变电装备</small><small lang="en">Hengyang High-tech Zone · Power equipment</small></span>
      <span class="face back"><span lang="zh-CN">每台变压器出厂前，都要在高压试验大厅做一次全面“体检”。</span><span lang="en">Every transformer gets a full check-up in the high-voltage test hall before it ships.</span></span>
    </button></li>
    <li><button type="button" class="card" aria-pressed="false">
      <span class="face front"><b lang="zh-CN">莲城新材</b><b lang="en">Liancheng Advanced Materials</b>
        <small lang="zh-CN">湘潭高新区 · 新材料</small><small lang="en">Xiangtan High-tech Zone · New materials</small></span>
      <span class="face back"><span lang="zh-CN">开放实验室之夜：60 多名留学生走进金相实验室。</span><span lang="en">Open lab night: more than 60 international students in the metallography lab.</span></span>
    </button></li>
  </ul>
  <h2><span lang="zh-CN">活动日程</span><span lang="en">Timeline</span></h2>
  <ol class="timeline">
    <li><time datetime="2023-06-01">6.1</time><span lang="zh-CN">开放日启动</span><span lang="en">Open Day begins</span></li>
    <li><time datetime="2023-06-17">6.17</time><span lang="zh-CN">莲城开放实验室之夜</span><span lang="en">Lotus City Open Lab Night</span></li>
    <li><time datetime="2023-06-30">6.30</time><span lang="zh-CN">开放日闭幕</span><span lang="en">Open Day closes</span></li>
  </ol>
</main>
<footer><span lang="zh-CN">湖南园区企业国际传播中心 · 演示 H5</span><span lang="en">Hunan Industrial Parks International Communication Centre · demo H5</span> · #HunanParksOpenDay</footer>
<script src="js/app.js"></script>
</body>
</html>
HTML

    cat > "$dir/css/style.css" <<'CSS'
:root { --red: #a4161a; --ink: #3b2a20; --paper: #fbf6ee; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", sans-serif; color: var(--ink); background: var(--paper); }
header { position: relative; text-align: center; padding-bottom: 1rem; }
header img { display: block; width: 100%; height: auto; }
h1 { margin: .8rem 1rem .3rem; font-size: 1.6rem; color: var(--red); }
h2 { margin: 1.5rem 1rem .5rem; font-size: 1.2rem; }
.intro { margin: 0 1rem; }
#lang { position: absolute; top: .75rem; right: .75rem; border: 0; border-radius: 999px; padding: .4rem .9rem; background: #fff; color: var(--red); font: inherit; font-weight: 700; }
/* only the active language shows; the html element's lang attribute says which */
html[lang="zh-CN"] [lang="en"], html[lang="en"] [lang="zh-CN"] { display: none; }
main { max-width: 720px; margin: 0 auto; padding: 0 .75rem; }
.cards { list-style: none; margin: 1rem 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: .75rem; }
.card { position: relative; width: 100%; height: 9.5rem; border: 0; padding: 0; background: none; font: inherit; color: inherit; perspective: 800px; cursor: pointer; }
.face { position: absolute; inset: 0; display: flex; flex-direction: column; justify-content: center; gap: .4rem; padding: .8rem; border-radius: 14px; backface-visibility: hidden; transition: transform .5s ease; box-shadow: 0 2px 6px rgba(0,0,0,.12); }
.front { background: #fff; border-top: 6px solid var(--red); }
.front b { font-size: 1.05rem; }
.back { background: var(--red); color: #fff; transform: rotateY(180deg); font-size: .95rem; line-height: 1.4; }
.card[aria-pressed="true"] .front { transform: rotateY(180deg); }
.card[aria-pressed="true"] .back { transform: rotateY(360deg); }
.card:focus-visible { outline: 3px solid #f2a900; outline-offset: 3px; border-radius: 14px; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1.2rem; border-left: 4px solid var(--red); }
.timeline li { margin: 0 0 1rem; padding-left: .6rem; }
.timeline time { display: inline-block; min-width: 3.2rem; font-weight: 700; color: var(--red); }
footer { margin-top: 2rem; padding: 1rem; text-align: center; background: var(--red); color: #fff; font-size: .85rem; }
@media (prefers-reduced-motion: reduce) { .face { transition: none; } }
CSS

    cat > "$dir/js/app.js" <<'JS'
// Tap to flip: each card is a toggle button (aria-pressed); the CSS turns the faces.
document.querySelectorAll(".card").forEach(function (card) {
  card.addEventListener("click", function () {
    card.setAttribute("aria-pressed", card.getAttribute("aria-pressed") === "true" ? "false" : "true");
  });
});
// Language switch: zh-CN <-> en on the html element; the CSS hides the other language.
(function () {
  var root = document.documentElement, button = document.getElementById("lang");
  function show(lang) {
    root.lang = lang;
    button.textContent = lang === "zh-CN" ? "English" : "中文";
    document.title = lang === "zh-CN" ? "2023湖南园区名企开放日" : "Hunan Parks Open Day 2023";
  }
  button.addEventListener("click", function () { show(root.lang === "zh-CN" ? "en" : "zh-CN"); });
  if ((navigator.language || "").toLowerCase().indexOf("zh") !== 0) { show("en"); }
})();
JS

    local out=$OUT/centre-open-day-flip-cards.zip
    rm -f "$out"
    find "$dir" -exec touch -h -d "2023-06-01 00:00:00 UTC" {} +
    (cd "$dir" && TZ=UTC zip -q -X -D -9 "$out" index.html css/style.css js/app.js img/banner.jpg)
    echo "  $(basename "$out"): $(stat -c %s "$out") bytes"
}


# ffmpeg settings shared by both clips: bit-exact muxing without metadata, single-threaded x264 (identical output
# on any machine), yuv420p + High profile for every browser and phone, the index at the front for streaming.
FFMPEG=(ffmpeg -hide_banner -loglevel error -y)
X264=(-c:v libx264 -preset slow -profile:v high -pix_fmt yuv420p -threads 1 -g 50
      -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -map_metadata -1 -movflags +faststart)

# Teaser for the skills contest (1280x720, 6 s, 25 fps, H.264 + AAC): 0-2 s a title card over slowly turning
# lavfi gradients, then a pan across the arena with a contest clock running from 0 (drawtext) (drawtext) and a lower third;
# a soft A-major chord from aevalsrc underneath. posterSecond in the manifest points into the arena part.
contest_teaser() {
    local svg=$WORK/pano.svg i
    {   # the arena as a 2560-wide panorama the camera pans across
        svg_begin 2560 720
        backdrop sky 2560 720 '#3f86d4' '#9fcdf2' '#d9eefb'
        echo '<path d="M40 420 L40 250 L2520 250 L2520 420 Z" fill="#8a96a3"/>'
        local row col cx cy colours=('#d7263d' '#f2a900' '#1b98e0' '#2e294e' '#f46036' '#1b998b' '#ffffff' '#e2c044' '#6a4c93')
        srand 11
        for row in 0 1 2 3; do
            echo "<rect x=\"40\" y=\"$((260 + row * 38))\" width=\"2480\" height=\"6\" fill=\"#6f7b88\"/>"
            for col in $(seq 0 98); do
                rnd 9; cx=$((60 + col * 25 + (row % 2) * 12)); cy=$((282 + row * 38))
                echo "<circle cx=\"$cx\" cy=\"$((cy - 12))\" r=\"6\" fill=\"#5b3a29\"/><rect x=\"$((cx - 8))\" y=\"$((cy - 6))\" width=\"16\" height=\"16\" rx=\"6\" fill=\"${colours[$R]}\"/>"
            done
        done
        for i in 0 1; do
            echo "<rect x=\"$((220 + i * 1300))\" y=\"150\" width=\"820\" height=\"90\" rx=\"6\" fill=\"#1b2a4a\"/>"
            echo "<text x=\"$((630 + i * 1300))\" y=\"194\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"34\" fill=\"#fff\">2023 湘江重工全球操作手技能大赛</text>"
            echo "<text x=\"$((630 + i * 1300))\" y=\"226\" text-anchor=\"middle\" font-family=\"$LATIN\" font-size=\"19\" fill=\"#ffe3a3\">Xiangjiang Global Operator Skills Contest 2023</text>"
        done
        for i in $(seq 0 50); do echo "<path d=\"M$((i * 50 + 10)) 110 L$((i * 50 + 40)) 110 L$((i * 50 + 25)) 140 Z\" fill=\"${colours[$((i % 9))]}\"/>"; done
        echo '<line x1="0" y1="110" x2="2560" y2="110" stroke="#444" stroke-width="2"/>'
        echo '<rect y="420" width="2560" height="300" fill="#c99a68"/><g stroke="#fff" stroke-width="5" stroke-dasharray="40 26" opacity=".8"><line x1="0" y1="520" x2="2560" y2="520"/></g>'
        echo '<path d="M120 560 L560 552 L570 600 L110 610 Z" fill="#6d4a2f"/>'
        excavator x=150 y=560 s=0.7
        excavator x=900 y=690 s=0.85 arm=up
        echo '<rect x="1310" y="640" width="76" height="66" rx="8" fill="#1b98e0"/><rect x="1334" y="614" width="28" height="30" fill="#1672a8"/><circle cx="1348" cy="600" r="10" fill="#d9f04a"/>'
        excavator x=1720 y=690 s=0.8
        person x=1560 y=700 s=1.1 shirt='#b3241f' hat='#ffffff' skin='#e0ac69' pose=notebook flip=-1
        person x=2400 y=700 s=1.1 shirt='#1b2a4a' hat='#ffffff' skin='#8d5a3b' pose=wave
        svg_end
    } > "$svg"
    vips flatten "$svg" "$WORK/pano.png" --background "255 255 255"
    {   # title card text (transparent PNG over the gradients)
        svg_begin 1280 720
        echo '<rect x="0" y="230" width="1280" height="260" fill="#0e1a31" opacity=".55"/>'
        echo "<text x=\"640\" y=\"330\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"84\" fill=\"#fff\">全球操作手技能大赛</text>"
        echo "<text x=\"640\" y=\"400\" text-anchor=\"middle\" font-family=\"$LATIN\" font-weight=\"700\" font-size=\"44\" fill=\"#f2a900\">GLOBAL OPERATOR SKILLS CONTEST 2023</text>"
        echo "<text x=\"640\" y=\"452\" text-anchor=\"middle\" font-family=\"$CJK\" font-size=\"28\" fill=\"#dfe6ee\">湘江重工 · Xiangjiang Heavy Machinery · demo video</text>"
        svg_end
    } > "$WORK/title.svg"
    vips copy "$WORK/title.svg" "$WORK/title.png"
    {   # lower third
        svg_begin 1280 720
        echo '<rect x="0" y="590" width="760" height="90" fill="#1b2a4a" opacity=".9"/><rect x="0" y="590" width="12" height="90" fill="#f2a900"/>'
        echo "<text x=\"36\" y=\"628\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"30\" fill=\"#fff\">10.16—10.22 · 长沙经济技术开发区</text>"
        echo "<text x=\"36\" y=\"664\" font-family=\"$LATIN\" font-size=\"22\" fill=\"#f2d27a\">48 operators · 11 countries · #XiangjiangSkills2023</text>"
        svg_end
    } > "$WORK/lower.svg"
    vips copy "$WORK/lower.svg" "$WORK/lower.png"

    local mono; mono=$(fc-match -f '%{file}' 'DejaVu Sans Mono:bold')
    "${FFMPEG[@]}" \
        -f lavfi -i "gradients=s=1280x720:r=25:d=6:c0=0x0e1a31:c1=0x3d5a80:nb_colors=2:x0=0:y0=0:x1=1280:y1=720:speed=0.05:seed=1" \
        -loop 1 -framerate 25 -t 6 -i "$WORK/pano.png" \
        -loop 1 -framerate 25 -t 6 -i "$WORK/title.png" \
        -loop 1 -framerate 25 -t 6 -i "$WORK/lower.png" \
        -f lavfi -i "aevalsrc=0.10*sin(2*PI*220*t)+0.07*sin(2*PI*277.18*t)+0.07*sin(2*PI*329.63*t)|0.10*sin(2*PI*220*t)+0.07*sin(2*PI*277.18*t)+0.07*sin(2*PI*440*t):s=48000:d=6" \
        -filter_complex "\
[1:v]crop=1280:720:x='min(1280\,max(0\,(t-2)*320))':y=0,format=rgba,fade=t=in:st=1.8:d=0.5:alpha=1[pano];\
[2:v]format=rgba,fade=t=in:st=0.2:d=0.6:alpha=1,fade=t=out:st=1.7:d=0.4:alpha=1[title];\
[3:v]format=rgba,fade=t=in:st=3:d=0.5:alpha=1[lower];\
[0:v][title]overlay=0:0[a];[a][pano]overlay=0:0[b];[b][lower]overlay=0:0,\
drawtext=fontfile=$mono:text='%{pts\:hms\:-2.3}':x=w-tw-40:y=40:fontsize=34:fontcolor=0x7CFC00:box=1:boxcolor=0x15181c@0.85:boxborderw=12:enable='gte(t\,2.3)',\
format=yuv420p[v];\
[4:a]afade=t=in:d=0.5,afade=t=out:st=5:d=1[au]" \
        -map "[v]" -map "[au]" -t 6 -r 25 "${X264[@]}" -crf 27 -c:a aac -b:a 96k -ac 2 \
        "$OUT/xiangjiang-skills-contest-teaser.mp4"
    echo "  xiangjiang-skills-contest-teaser.mp4: $(stat -c %s "$OUT/xiangjiang-skills-contest-teaser.mp4") bytes"
}

# Vertical "aerial footage" clip (720x1280, 4 s, no sound track, as drone footage often comes): the camera flies
# (with a slow sideways drift) up a top-down map of a rail depot, factory roofs, a road and the river, drawn here as one tall picture.
aerial_clip() {
    local svg=$WORK/aerial.svg i
    {
        svg_begin 900 2400
        echo '<rect width="900" height="2400" fill="#7aa35a"/>'
        srand 31
        local x y r
        for i in $(seq 1 160); do rnd 900; x=$R; rnd 2400; y=$R; rnd 18; r=$((10 + R)); echo "<circle cx=\"$x\" cy=\"$y\" r=\"$r\" fill=\"#4f7f3a\"/>"; done
        # the river across the top, a road along the left
        echo '<path d="M0 180 C300 120 600 300 900 220 L900 420 C600 500 300 320 0 380 Z" fill="#4d7fa8"/><path d="M0 200 C300 140 600 320 900 240" fill="none" stroke="#8fb9d8" stroke-width="6" opacity=".6"/>'
        echo '<rect x="60" y="0" width="70" height="2400" fill="#5d5d5d"/><line x1="95" y1="0" x2="95" y2="2400" stroke="#e8e8e8" stroke-width="3" stroke-dasharray="30 30"/>'
        for i in $(seq 0 9); do rnd 2300; echo "<rect x=\"$((70 + (i % 2) * 32))\" y=\"$R\" width=\"20\" height=\"36\" rx=\"4\" fill=\"$([[ $((i % 3)) == 0 ]] && echo '#d7263d' || echo '#f2f2f2')\"/>"; done
        # the depot: a fan of tracks with two trains
        echo '<rect x="200" y="1300" width="640" height="1000" fill="#8c8574"/>'
        for i in $(seq 0 7); do echo "<line x1=\"$((240 + i * 76))\" y1=\"1300\" x2=\"$((240 + i * 76))\" y2=\"2300\" stroke=\"#4a4238\" stroke-width=\"10\"/><line x1=\"$((252 + i * 76))\" y1=\"1300\" x2=\"$((252 + i * 76))\" y2=\"2300\" stroke=\"#4a4238\" stroke-width=\"3\"/>"; done
        for i in 0 1 2 3 4; do echo "<rect x=\"$((226 + 2 * 76))\" y=\"$((1500 + i * 104))\" width=\"40\" height=\"98\" rx=\"6\" fill=\"#c8102e\"/><rect x=\"$((226 + 5 * 76))\" y=\"$((1800 + i * 104))\" width=\"40\" height=\"98\" rx=\"6\" fill=\"#e6e6e6\"/>"; done
        # factory halls with skylight strips and the company name on a roof
        for i in 0 1 2; do
            echo "<rect x=\"200\" y=\"$((520 + i * 250))\" width=\"640\" height=\"200\" fill=\"#b9c1c8\"/>"
            local k; for k in 0 1 2 3 4 5 6; do echo "<rect x=\"$((230 + k * 88))\" y=\"$((540 + i * 250))\" width=\"20\" height=\"160\" fill=\"#dfe9f1\"/>"; done
        done
        echo "<rect x=\"300\" y=\"595\" width=\"440\" height=\"50\" fill=\"#c8102e\"/><text x=\"520\" y=\"632\" text-anchor=\"middle\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"34\" fill=\"#fff\">神农轨道装备</text>"
        echo '<rect x="200" y="1270" width="640" height="20" fill="#5d5d5d"/>'
        svg_end
    } > "$svg"
    vips flatten "$svg" "$WORK/aerial.png" --background "255 255 255"
    {
        svg_begin 720 1280
        echo '<rect x="0" y="1090" width="720" height="190" fill="#000" opacity=".45"/><rect x="40" y="1130" width="8" height="100" fill="#c8102e"/>'
        echo "<text x=\"66\" y=\"1170\" font-family=\"$CJK\" font-weight=\"700\" font-size=\"34\" fill=\"#fff\">株洲 · 动力谷（航拍示意）</text>"
        echo "<text x=\"66\" y=\"1212\" font-family=\"$LATIN\" font-size=\"24\" fill=\"#eee\">Zhuzhou Power Valley · aerial, illustrative</text>"
        svg_end
    } > "$WORK/aerial-label.svg"
    vips copy "$WORK/aerial-label.svg" "$WORK/aerial-label.png"
    "${FFMPEG[@]}" \
        -loop 1 -framerate 25 -t 4 -i "$WORK/aerial.png" \
        -loop 1 -framerate 25 -t 4 -i "$WORK/aerial-label.png" \
        -filter_complex "\
[0:v]crop=w=810:h=1440:x='45+30*sin(t*0.8)':y='960*(1-t/4)',scale=720:1280:flags=bicubic,setsar=1[bg];\
[bg][1:v]overlay=0:0,format=yuv420p[v]" \
        -map "[v]" -t 4 -r 25 "${X264[@]}" -crf 28 -an "$OUT/shennong-power-valley-aerial.mp4"
    echo "  shennong-power-valley-aerial.mp4: $(stat -c %s "$OUT/shennong-power-valley-aerial.mp4") bytes"
}


# ===============================================================================================================
ALL=(
    # xiangjiang-heavy
    andes_briefing andes_open_pit excavator_line hydraulics_lab contest_arena contest_poster contest_teaser
    # yanhui-power
    hv_test_hall transformer_yard_png village_school school_handover
    # shennong-rail
    bogie_rig intern_portrait traction_line aerial_clip
    # liancheng-materials
    metallography_lab heat_treatment quench_glow bearing_still_life carbon_ceramic_samples
    # the provincial centre
    service_hall river_dawn open_day_poster_pdf long_infographic h5_package
)

main() {
    check_tools
    mkdir -p "$OUT"
    write_python_helpers
    local list=("$@")
    if [[ ${#list[@]} -eq 0 ]]; then
        list=("${ALL[@]}")
        rm -f "$OUT"/*          # a full run leaves exactly the files it makes
    fi
    local f
    for f in "${list[@]}"; do echo "$f"; "$f"; done
    echo "total: $(du -cb "$OUT"/* | tail -1 | cut -f1) bytes in $OUT"
}

main "$@"
