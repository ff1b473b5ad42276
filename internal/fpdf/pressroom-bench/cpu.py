"""Medians of CPU time per document from the output of cpu.sh."""
import statistics
import sys

rows = {}
for line in open(sys.argv[1]):
    name, bench, n, user, system = line.split()
    rows.setdefault((name, bench, int(n)), []).append(float(user) + float(system))
for (name, bench, n), big in sorted(rows.items()):
    if n != 101:
        continue
    small = rows[(name, bench, 1)]
    per = [(b - s) / 100 * 1000 for b, s in zip(big, small)]
    print(f"{name:12s} {bench:22s} {statistics.median(per):6.2f} ms CPU/doc "
          f"(min {min(per):.2f}, max {max(per):.2f}, n={len(per)})")
