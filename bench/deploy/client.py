#!/usr/bin/env python3
"""A steady client for the deploy benchmark: WORKERS threads, each sending GET / to the URL over a kept-alive
connection, then pausing PAUSE seconds, until the stop file appears. One CSV line per request:
start (unix seconds), end, status (0 for no answer), retried (1 when it was sent again). The same client runs
against both deploy methods.

Like browsers, curl and Go's net/http, it sends a request once more on a new connection when a kept-alive
connection was closed or reset under it before any answer came (RFC 9112, section 9.3.1: a client may retry an
idempotent request then). nginx closes its idle kept-alive connections when a reload retires its old workers, and a
request arriving on one at that instant is reset, so a client that never retries sees each reload as failures that
no browser user would see. (.NET's SocketsHttpHandler resends only after a clean close, not after a reset.) Retries
are counted in the CSV."""
import http.client
import os
import sys
import threading
import time
import urllib.parse

url, out, stop_file = sys.argv[1], sys.argv[2], sys.argv[3]
workers = int(os.environ.get("BENCH_WORKERS", "4"))
pause = float(os.environ.get("BENCH_PAUSE", "0.02"))
parts = urllib.parse.urlsplit(url)
lines = []
lock = threading.Lock()


def send(conn):
    conn.request("GET", parts.path or "/", headers={"User-Agent": "tailpaste-bench-client"})
    response = conn.getresponse()
    response.read()
    return response


def work():
    conn = None
    while not os.path.exists(stop_file):
        start = time.time()
        status = 0
        retried = 0
        reused = conn is not None
        try:
            if conn is None:
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            try:
                response = send(conn)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if not reused:
                    raise
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
                retried = 1
                response = send(conn)
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            if conn is not None:
                conn.close()
            conn = None
        with lock:
            lines.append(f"{start:.4f},{time.time():.4f},{status},{retried}\n")
        time.sleep(pause)


threads = [threading.Thread(target=work) for _ in range(workers)]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(out, "w", encoding="utf-8") as f:
    f.writelines(lines)
