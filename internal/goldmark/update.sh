#!/usr/bin/env bash
# Copies github.com/yuin/goldmark (the packages pkg/markup needs, their
# tests and the files the tests read) into this folder and makes them part
# of pressroom's module: the import path github.com/yuin/goldmark becomes
# github.com/pressroom/pressroom/internal/goldmark, goldmark's go.mod is
# left out (no replace directive, so `go install …@version` works), and the
# patches in patches/ are applied in order (see PATCHES.md).
# Left out: fuzz/, _tools/, _benchmark/, .github/, the README and
# Makefile, and extra_test.go with its _test/extra.txt (its tests fail
# when a parse takes longer than 5 s: timed tests are not allowed in
# pressroom). PATCHES.md, update.sh and patches/ are pressroom's and stay.
#
#   internal/goldmark/update.sh [VERSION-or-DIR]   (default v1.8.7, from the module cache)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
arg=${1:-v1.8.7}
if [ -d "$arg" ]; then
  src=$(cd "$arg" && pwd)
else
  src=$(cd /tmp && go mod download -json "github.com/yuin/goldmark@$arg" | sed -n 's/.*"Dir": "\(.*\)",/\1/p')
fi
[ -f "$src/markdown.go" ] || { echo "update.sh: $src has no markdown.go" >&2; exit 1; }

# Remove what a previous copy brought, keep pressroom's own files.
find "$here" -mindepth 1 -maxdepth 1 ! -name PATCHES.md ! -name update.sh ! -name patches -exec rm -rf {} +

cp "$src/LICENSE" "$here/"
find "$src" -maxdepth 1 -type f -name '*.go' ! -name extra_test.go -exec cp {} "$here/" \;
mkdir -p "$here/_test"
cp "$src/_test/spec.json" "$src/_test/options.txt" "$here/_test/"
for d in ast extension extension/ast parser renderer renderer/html testutil text util; do
  mkdir -p "$here/$d"
  find "$src/$d" -maxdepth 1 -type f -name '*.go' -exec cp {} "$here/$d/" \;
done
mkdir -p "$here/extension/_test"
cp "$src"/extension/_test/*.txt "$here/extension/_test/"
chmod -R u+w "$here"

# One module: goldmark's import path becomes a path inside pressroom's.
grep -rl --include='*.go' 'github.com/yuin/goldmark' "$here" |
  xargs sed -i 's#"github.com/yuin/goldmark\(/[^"]*\)\{0,1\}"#"github.com/pressroom/pressroom/internal/goldmark\1"#g'

# pressroom's patches, each a diff against the copy made above.
for p in "$here"/patches/*.patch; do
  [ -e "$p" ] || continue
  (cd "$here" && patch -p1 --forward --quiet <"$p")
done
# Every test binary knows -update (see internal/golden), as pressroom's
# rules ask of each test package.
for d in $(cd "$here" && find . -name '*_test.go' ! -name update_test.go -exec dirname {} \; | sort -u); do
  pkg=$(sed -n 's/^package \([a-z0-9_]*\).*/\1/p' "$here/$d"/*_test.go | head -1)
  printf '%s\n\n%s\n%s\n' "package $pkg" "// Every test binary knows -update (see internal/golden)." \
    'import _ "github.com/pressroom/pressroom/internal/golden"' >"$here/$d/update_test.go"
done
gofmt -w "$here"
echo "update.sh: copied $src; now run go test ./internal/goldmark/... ./pkg/markup/..."
