#!/usr/bin/env python3
"""Posts pastes to a Tailpaste service at a steady rate until stopped (SIGTERM; SIGSTOP/SIGCONT pause it), and
writes one line per request to the output file: the monotonic start time in ns, the latency in ms, and the
status (or the error). One request at a time; a request due while the last is still running goes right after it.

    writer.py <base-url> <output.tsv> [requests-per-second, default 50]
"""
import http.client
import signal
import sys
import time
import urllib.parse

stop = False


def on_term(*_):
    global stop
    stop = True


def main() -> None:
    url = urllib.parse.urlsplit(sys.argv[1])
    out = open(sys.argv[2], "w", buffering=1)
    signal.signal(signal.SIGTERM, on_term)
    rate = float(sys.argv[3]) if len(sys.argv) > 3 else 50.0
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    n = 0
    due = time.monotonic()
    while not stop:
        due += 1.0 / rate
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        elif pause < -1:
            due = time.monotonic()  # back from a pause: no burst to catch up
        body = f"bench writer paste {n} " + "x" * 400
        started = time.monotonic_ns()
        try:
            connection.request("POST", "/", body=body.encode(), headers={"Content-Type": "text/plain"})
            response = connection.getresponse()
            response.read()
            status = str(response.status)
        except Exception as error:  # noqa: BLE001 - every failure is a data point
            status = type(error).__name__
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        out.write(f"{started}\t{(time.monotonic_ns() - started) / 1e6:.3f}\t{status}\n")
        n += 1
    out.close()


if __name__ == "__main__":
    main()
