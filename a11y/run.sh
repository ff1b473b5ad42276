#!/bin/sh
# a11y/run.sh: write the HTML page of every example with pressroom and
# check each with axe-core in Debian's headless Chromium (no violations,
# no scripts, no requests, no sideways scrolling on a phone). Then prove
# the checker still fails a page with known faults.
#
# Needs: go, node (>= 20, for playwright-core), npm; installs the npm packages (npm ci) and,
# as root on Debian, chromium when they are missing.
# Set SHOTS=DIR to keep full-page screenshots (desktop and phone).
set -eu
cd "$(dirname "$0")"

for tool in go node npm; do
	command -v "$tool" >/dev/null || { echo "a11y: $tool is not installed" >&2; exit 2; }
done
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
	echo "a11y: node $(node --version) is too old: playwright-core needs node 20 or later" >&2
	exit 2
fi
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "a11y: no Chromium at ${CHROMIUM:-/usr/bin/chromium}: apt-get install chromium" >&2; exit 2; }
if [ ! -d node_modules/axe-core ] || [ ! -d node_modules/playwright-core ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/html"
go build -o "$tmp/pressroom" ../cmd/pressroom

for f in ../examples/*.toml ../examples/*/*.toml; do
	[ -f "$f" ] || continue
	# A folder example keeps its brand's layout beside the statement.
	[ "$(basename "$f")" = layout.toml ] && continue
	name=$(echo "${f#../examples/}" | sed 's|/|-|g; s|\.toml$||')
	SOURCE_DATE_EPOCH=1734393600 "$tmp/pressroom" html "$f" -o "$tmp/html/$name.html" 2>/dev/null
done
# The seed statement in every built-in layout, so each palette is checked.
for l in ../layouts/*.toml; do
	name=$(basename "$l" .toml)
	SOURCE_DATE_EPOCH=1734393600 "$tmp/pressroom" html ../examples/seed-statement.toml --layout "$name" -o "$tmp/html/seed-in-$name.html" 2>/dev/null
done
ls "$tmp"/html/*.html >/dev/null 2>&1 || { echo "a11y: no examples were written" >&2; exit 1; }

node check.mjs ${SHOTS:+--screenshot "$SHOTS"} "$tmp"/html/*.html

if node check.mjs testdata/bad.html >/dev/null 2>&1; then
	echo "a11y: check.mjs passed testdata/bad.html, a page with known faults: the checker is broken" >&2
	exit 1
fi
echo "a11y: ok (and testdata/bad.html is rejected as it should be)"
