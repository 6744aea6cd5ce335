#!/usr/bin/env python3
"""Reads a client CSV and prints: requests, failed requests, and p99 latency (ms) of the requests that ended within
WINDOW seconds either side of the cut-over (unix seconds), plus the failed requests' span."""
import sys

csv, cutover = sys.argv[1], float(sys.argv[2])
window = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
rows = [tuple(float(x) for x in line.split(",")) for line in open(csv, encoding="utf-8") if line.strip()]
retried = sum(1 for r in rows if r[3])
failed = [r for r in rows if not (200 <= r[2] < 300)]
near = sorted((r[1] - r[0]) * 1000 for r in rows if abs(r[1] - cutover) <= window)
p99 = near[min(len(near) - 1, int(len(near) * 0.99))] if near else float("nan")
first_failed = min((r[1] for r in failed), default=0)
last_failed = max((r[1] for r in failed), default=0)
print(f"requests={len(rows)} failed={len(failed)} retried={retried} p99_cutover_ms={p99:.1f} near_cutover={len(near)} first_failed_end={first_failed:.3f} last_failed_end={last_failed:.3f}")
# The moment the client's own error rate over the trailing 10 s first passed 5 % (with at least 20 requests in it):
# when a bad version's threshold was crossed as users saw it.
ends = sorted(rows, key=lambda r: r[1])
crossed = 0.0
lo = 0
bad = 0
for hi, r in enumerate(ends):
    bad += 0 if 200 <= r[2] < 300 else 1
    while ends[lo][1] < r[1] - 10:
        bad -= 0 if 200 <= ends[lo][2] < 300 else 1
        lo += 1
    n = hi - lo + 1
    if n >= 20 and bad / n > 0.05:
        crossed = r[1]
        break
print(f"threshold_crossed_at={crossed:.3f}")
