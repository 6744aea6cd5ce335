#!/usr/bin/env python3
"""The writer's requests that overlapped a time window: count, errors, p99 and max latency in ms.

    window-stats.py <writer.tsv> <start-ns> <end-ns>     (monotonic ns, as the writer records them)
"""
import sys


def main() -> None:
    path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    latencies, errors = [], 0
    with open(path) as lines:
        for line in lines:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            began, ms, status = int(parts[0]), float(parts[1]), parts[2]
            if began <= end and began + ms * 1e6 >= start:
                latencies.append(ms)
                errors += status != "200"
    latencies.sort()
    if not latencies:
        print("0 0 - -")
        return
    p99 = latencies[min(len(latencies) - 1, int(round(0.99 * (len(latencies) - 1))))]
    print(f"{len(latencies)} {errors} {p99:.1f} {latencies[-1]:.1f}")


if __name__ == "__main__":
    main()
