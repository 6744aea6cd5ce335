#!/usr/bin/env python3
"""Writes N access lines in the sample service's format (NCSA Combined Log Format plus the duration in ms):

    127.0.0.1 - - [23/Nov/2025:09:14:25 +0000] "GET /01dUPVYS5G HTTP/1.1" 200 12 "-" "curl/8.5.0" 7.808

Deterministic (seeded), so every run analyses the same file. The mix looks like a small paste service's day:
mostly reads of many distinct paste ids, uploads, probes and metrics scrapes, some 404s, 403s, 413s and 500s,
a few thousand clients. Usage: generate-access-log.py LINES OUTPUT
"""
import random
import string
import sys
from datetime import datetime, timedelta, timezone

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
AGENTS = ["curl/8.5.0", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
          "python-requests/2.32.3", "tailpaste-paste-service-probe", "Prometheus/3.0.1", "Go-http-client/1.1"]
ALPHABET = string.ascii_letters + string.digits


def main() -> None:
    lines, output = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(20251123)
    clients = [f"100.{rng.randrange(64, 128)}.{rng.randrange(256)}.{rng.randrange(1, 255)}" for _ in range(3000)]
    ids = ["".join(rng.choices(ALPHABET, k=10)) for _ in range(20000)]
    start = datetime(2025, 11, 23, tzinfo=timezone.utc)
    with open(output, "w", encoding="ascii", newline="\n") as out:
        buffer = []
        for i in range(lines):
            at = start + timedelta(milliseconds=i * 80)
            stamp = f"{at.day:02d}/{MONTHS[at.month - 1]}/{at.year}:{at:%H:%M:%S} +0000"
            client = rng.choice(clients)
            roll = rng.random()
            user = "-"
            if roll < 0.55:
                method, target, status, size = "GET", "/" + rng.choice(ids), 200, rng.randrange(20, 4000)
            elif roll < 0.70:
                method, target, status, size = "POST", "/", 200, 34
                user = "anonymous"
            elif roll < 0.80:
                method, target, status, size = "GET", "/healthz", 200, 3
            elif roll < 0.86:
                method, target, status, size = "GET", "/metrics", 200, rng.randrange(900, 2000)
            elif roll < 0.92:
                method, target, status, size = "GET", "/" + "".join(rng.choices(ALPHABET, k=10)), 404, 0
            elif roll < 0.95:
                method, target, status, size = "POST", "/", 403, 0
            elif roll < 0.97:
                method, target, status, size = "POST", "/", 413, 0
            elif roll < 0.99:
                method, target, status, size = "GET", "/" + rng.choice(ids), 500, 31
            else:
                method, target, status, size = "GET", "/readyz", 200, 6
            agent = rng.choice(AGENTS)
            duration = rng.expovariate(1 / 6.0)
            buffer.append(f'{client} - {user} [{stamp}] "{method} {target} HTTP/1.1" {status} {size} "-" "{agent}" {duration:.3f}\n')
            if len(buffer) == 10000:
                out.writelines(buffer)
                buffer.clear()
        out.writelines(buffer)


if __name__ == "__main__":
    main()
