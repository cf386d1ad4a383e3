#!/usr/bin/env bash
# Re-fetch the JavaScript libraries the review report vendors (no CDN: the report opens from disk
# with no network). Pinned versions; each file is kept with its licence. Run from the repository root.
set -euo pipefail
dest=src/extract/report_assets
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fetch() {  # package version file-in-package target
  (cd "$tmp" && npm pack --silent "$1@$2" >/dev/null && mkdir -p "$1" && tar -xzf "$1"-"$2".tgz -C "$1")
  cp "$tmp/$1/package/$3" "$dest/$4"
  cp "$tmp/$1/package/LICENSE"* "$dest/$4.LICENSE.txt" 2>/dev/null || cp "$tmp/$1/package/LICENSE.md" "$dest/$4.LICENSE.txt"
}
fetch cytoscape 3.35.0 dist/cytoscape.min.js cytoscape.min.js
fetch chart.js 4.6.1 dist/chart.umd.min.js chart.umd.min.js
ls -l "$dest"
