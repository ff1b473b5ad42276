#!/bin/bash
# CPU time (user+sys) per seed-like render for a set of test binaries,
# robust to a loaded machine where wall-clock benchmark times are not.
#
# Build one test binary per commit to compare, e.g.
#   git -C ../.. worktree add /tmp/fpdf-at-X <commit>
#   (cd /tmp/fpdf-at-X/internal/fpdf && go test -c -o /tmp/bins/X.test .)   # third_party/fpdf before issue 18
# then run from internal/fpdf (the benchmarks read ../../fonts):
#   pressroom-bench/cpu.sh /tmp/bins/*.test > cpu.txt; python3 pressroom-bench/cpu.py cpu.txt
# Each binary runs 101 and 1 iterations with GOMAXPROCS=1; the difference
# over 100 is the CPU per document. Six rounds, interleaved.
set -e
for round in 1 2 3 4 5 6; do
  for bin in "$@"; do
    for b in 'PressroomSeed$' 'PressroomSeedParsed$'; do
      "$bin" -test.list "${b%$}" | grep -qx "Benchmark${b%$}" || continue
      for n in 1 101; do
        t=$( { /usr/bin/time -f "%U %S" "$bin" -test.run XXX -test.bench "$b" -test.benchtime ${n}x -test.cpu 1 >/dev/null; } 2>&1 | tail -1)
        echo "$(basename "$bin" .test) $b $n $t"
      done
    done
  done
done
