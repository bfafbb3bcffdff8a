#!/usr/bin/env bash
# Renders the example reports to PNG with headless Chromium, for the README (docs/img/).
#
#   scripts/screenshots.sh [OUT_DIR]        default OUT_DIR: docs/img
#
# What it does:
#   1. Writes the example pages: three tests write them when the system property mlops.examples
#      names a folder (no separate program to keep in step):
#        mlops-report   ExamplePagesTest -> toolkit.html (every chart and block of the toolkit)
#        mlops-drift    ReportHtmlTest   -> drift.html (the whole page of a drift report)
#        mlops-fairness ReportHtmlTest   -> fairness.html (the whole page), fairness-verdict.html,
#                                           fairness-charts.html (excerpts of the same report),
#                                           counterfactual.html, consistency.html
#      The fairness example is a COMPAS-like audit of synthetic, seeded data: the group sizes of
#      ProPublica's two-year file (7,214 rows, a group of 18), made-up labels and scores.
#      The drift example compares synthetic, seeded data (2,000 reference and 1,500 current rows):
#      a shifted numeric column, a steady one, a categorical one that gains a category, a binary
#      one, a small count (0..6, drawn and binned by value), a column without a value, a date
#      (time, on a calendar axis) a quarter later, a customer number (an identifier, skipped) and
#      a free-text column the caller left out (listed, not compared).
#   2. Screenshots each page with headless Chromium (no network, a throwaway profile), trims the
#      white margin (ImageMagick, if installed) and shrinks the PNG (pngquant, if installed).
#
# Needs: Java 17 and Maven, with mlops-api installed in the local repository
#        (mvn -B -ntp install -DskipTests once); Chromium from the distribution's packages:
#          apt-get update && apt-get install -y chromium          # Debian (chromium-browser: Ubuntu)
#        optional: apt-get install -y imagemagick pngquant
# Environment: MVN_ARGS (for example "-o" to stay offline), CHROMIUM (the browser's path).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/img}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# 1. the example pages
echo "writing the example pages to $work"
(cd "$root" && mvn -B -ntp -q ${MVN_ARGS:-} -pl mlops-report,mlops-drift,mlops-fairness test \
  -Dtest='ExamplePagesTest,ReportHtmlTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmlops.analyze.skip=true -Dspotless.check.skip=true -Dmlops.examples="$work")

# 2. the browser and the optional image tools
browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
  for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
  done
fi
if [ -z "$browser" ]; then
  echo "no Chromium found: apt-get install -y chromium (or set CHROMIUM)" >&2
  exit 1
fi
magick=""
for m in convert-im6.q16 magick convert; do
  if command -v "$m" >/dev/null 2>&1 && "$m" -version 2>/dev/null | grep -q ImageMagick; then
    magick=$m; break
  fi
done

# page.html -> out.png, with a window tall enough for the whole page (the margin is trimmed)
shot() {
  local page=$1 png=$2 height=$3 profile
  profile=$(mktemp -d)
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$profile" \
    --screenshot="$png" --window-size=1280,"$height" "file://$work/$page" >/dev/null 2>&1
  rm -rf "$profile"
  if [ -n "$magick" ]; then
    "$magick" "$png" -trim +repage -bordercolor white -border 16 "$png"
  fi
  if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --quality=70-95 --output "$png" -- "$png" || true
  fi
  local size
  size=$(wc -c <"$png")
  echo "$png: $((size / 1024)) KiB"
  if [ "$size" -gt 307200 ]; then
    echo "  larger than 300 KiB: install pngquant, or lower the window height" >&2
  fi
}

shot fairness-verdict.html "$out/fairness-verdict.png" 2200
shot fairness-charts.html "$out/fairness-charts.png" 1600
shot counterfactual.html "$out/counterfactual.png" 1600
shot drift.html "$out/drift-report.png" 2400
shot toolkit.html "$out/report-toolkit.png" 2400
