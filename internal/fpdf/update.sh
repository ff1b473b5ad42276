#!/usr/bin/env bash
# Copies a patched fpdf tree (a checkout of codeberg.org/go-pdf/fpdf with
# pressroom's patches applied, see PATCHES.md "Rebasing") into this folder,
# keeping only what pressroom and fpdf's own tests need, and makes it part
# of pressroom's module: the import path becomes
# github.com/pressroom/pressroom/internal/fpdf and fpdf's go.mod is left
# out. PATCHES.md, update.sh and pressroom-bench/ are pressroom's and stay.
#
#   internal/fpdf/update.sh DIR
set -euo pipefail
src=$(cd "${1:?usage: update.sh PATCHED-FPDF-DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
[ -f "$src/fpdf.go" ] || { echo "update.sh: $src has no fpdf.go" >&2; exit 1; }

# Remove what a previous copy brought, keep pressroom's own files.
find "$here" -mindepth 1 -maxdepth 1 ! -name PATCHES.md ! -name update.sh ! -name pressroom-bench -exec rm -rf {} +

# The package and its tests, the data its tests read, the licence.
cp "$src"/*.go "$src/LICENSE" "$src/.gitignore" "$src/.gitattribute" "$here/"
for d in font font_embed image text icc pdf/reference internal/example internal/files; do
  mkdir -p "$here/$d"
  find "$src/$d" -maxdepth 1 -type f -exec cp {} "$here/$d/" \;
done

# One module: fpdf's import path becomes a path inside pressroom's.
grep -rl --include='*.go' 'codeberg.org/go-pdf/fpdf' "$here" |
  xargs sed -i 's#"codeberg.org/go-pdf/fpdf#"github.com/pressroom/pressroom/internal/fpdf#g'
gofmt -w "$here"
echo "update.sh: copied; now run go test ./internal/fpdf/... and the render tests"
