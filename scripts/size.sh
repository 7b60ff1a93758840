#!/usr/bin/env bash
# Prints the bytes of what a first visit to a page with the widget downloads: raw and gzip -9.
# The widget's CSS is compiled into the wasm; its own share is shown on a separate line.
# The second bundle, which can read a host's own checklist, is only downloaded by pages that
# give one, so it is listed on its own.
set -euo pipefail
dist=${1:-dist}

gz() { gzip -9 -n -c "$1" | wc -c; }
row() { printf '%-40s %9s %9s\n' "$1" "$2" "$3"; }

# Prints the rows for a set of files and their total.
files() {
  local label=$1 total_raw=0 total_gz=0
  shift
  for file in "$@"; do
    local path="$dist/$file"
    [ -f "$path" ] || { echo "missing $path: run make dist" >&2; exit 1; }
    local raw zipped
    raw=$(wc -c < "$path")
    zipped=$(gz "$path")
    row "  $file" "$raw" "$zipped"
    total_raw=$((total_raw + raw))
    total_gz=$((total_gz + zipped))
  done
  row "  total $label" "$total_raw" "$total_gz"
}

row "file" "raw" "gzip -9"
echo "first visit:"
files "(first visit)" email-troubleshooter.js email_troubleshooter.js email_troubleshooter_bg.wasm
css=$(ls -t target/wasm32-unknown-unknown/release/build/email_troubleshooter-*/out/widget.min.css 2>/dev/null | head -n 1 || true)
if [ -n "$css" ]; then
  row "  of which CSS (inside the wasm)" "$(wc -c < "$css")" "$(gz "$css")"
fi
echo "instead, on pages that give their own checklist:"
files "(custom checklist)" email-troubleshooter.js email_troubleshooter_custom.js email_troubleshooter_custom_bg.wasm
