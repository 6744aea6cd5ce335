#!/usr/bin/env python3
"""Writes a Tailpaste database of about the given size (the sample service's schema, WAL mode).

    generate-db.py <path> [--mb 1024]

Pastes of 200 to 1,800 bytes of text with ids, times, hosts and users shaped as the service writes them.
Deterministic (seeded), so two runs make the same file.
"""
import argparse
import random
import sqlite3
import string
from datetime import datetime, timedelta, timezone

ALPHABET = string.ascii_letters + string.digits


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--mb", type=int, default=1024)
    args = parser.parse_args()
    rng = random.Random(12)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9))) for _ in range(5000)]
    target = args.mb * 1024 * 1024
    db = sqlite3.connect(args.path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(
        "CREATE TABLE IF NOT EXISTS pastes (id TEXT PRIMARY KEY, content TEXT NOT NULL, created_at TIMESTAMP NOT NULL,"
        " source_host TEXT NOT NULL, source_user TEXT NOT NULL)")
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    written = 0
    n = 0
    while written < target:
        rows = []
        for _ in range(10_000):
            size = rng.randint(200, 1800)
            text = []
            length = 0
            while length < size:
                word = rng.choice(words)
                text.append(word)
                length += len(word) + 1
            content = " ".join(text)[:size]
            created = (start + timedelta(seconds=n * 7)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
            rows.append(("".join(rng.choice(ALPHABET) for _ in range(10)), content, created, f"10.0.{n % 250}.{n % 200}", "anonymous"))
            written += size + 60
            n += 1
        db.executemany("INSERT OR IGNORE INTO pastes VALUES (?, ?, ?, ?, ?)", rows)
        db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    print(f"{n} pastes")


if __name__ == "__main__":
    main()
