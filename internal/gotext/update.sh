#!/usr/bin/env bash
# Copies github.com/go-text/typesetting (the packages pressroom's shaper
# needs and what they import) into this folder and makes them part of
# pressroom's module: the import path github.com/go-text/typesetting
# becomes github.com/pressroom/pressroom/internal/gotext, go-text's go.mod
# is left out (no replace directive, so `go install …@version` works), and
# the patches in patches/ are applied in order (see PATCHES.md).
# Upstream's tests, testdata, fontscan, shaping, di and the
# Ragel sources (*.rl) are left out. PATCHES.md, update.sh and patches/
# are pressroom's and stay.
#
#   internal/gotext/update.sh [VERSION-or-DIR]   (default v0.3.5, from the module cache)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
arg=${1:-v0.3.5}
if [ -d "$arg" ]; then
  src=$(cd "$arg" && pwd)
else
  src=$(cd /tmp && go mod download -json "github.com/go-text/typesetting@$arg" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
fi
[ -f "$src/harfbuzz/harfbuzz.go" ] || { echo "update.sh: $src has no harfbuzz/harfbuzz.go" >&2; exit 1; }

# Remove what a previous copy brought, keep pressroom's own files.
find "$here" -mindepth 1 -maxdepth 1 ! -name PATCHES.md ! -name update.sh ! -name patches -exec rm -rf {} +

cp "$src/LICENSE" "$here/"
for d in bidi font font/cff font/cff/interpreter font/opentype font/opentype/tables \
  harfbuzz internal/unicodedata language segmenter; do
  mkdir -p "$here/$d"
  find "$src/$d" -maxdepth 1 -type f -name '*.go' ! -name '*_test.go' -exec cp {} "$here/$d/" \;
done
[ -f "$src/harfbuzz/LICENSE" ] && cp "$src/harfbuzz/LICENSE" "$here/harfbuzz/"
chmod -R u+w "$here"

# One module: go-text's import path becomes a path inside pressroom's.
grep -rl --include='*.go' 'github.com/go-text/typesetting' "$here" |
  xargs sed -i 's#"github.com/go-text/typesetting/#"github.com/pressroom/pressroom/internal/gotext/#g'

# pressroom's patches, each a diff against the copy made above.
for p in "$here"/patches/*.patch; do
  [ -e "$p" ] || continue
  (cd "$here" && patch -p1 --forward --quiet <"$p")
done
# Every test binary knows -update (see internal/golden), as pressroom's
# rules ask of each test package.
for d in $(cd "$here" && find . -name '*_test.go' -exec dirname {} \; | sort -u); do
  pkg=$(sed -n 's/^package \([a-z0-9_]*\).*/\1/p' "$here/$d"/*_test.go | head -1)
  printf '%s\n\n%s\n%s\n' "package $pkg" "// Every test binary knows -update (see internal/golden)." \
    'import _ "github.com/pressroom/pressroom/internal/golden"' >"$here/$d/update_test.go"
done
gofmt -w "$here"
echo "update.sh: copied $src; now run go test ./internal/gotext/... ./pkg/shaping/..."
