#!/usr/bin/env bash
# Benchmark: the SLO probe's load generator (src/Shared/Probes/Load, closed model, run by bench/slo/SloBench)
# against Debian's `hey` on the same local endpoint of the sample service, at the same concurrency and request
# count, in the same run: several rounds, the two tools alternating (which goes first alternates too).
#
#   bash bench/slo/run.sh
#
# Two endpoints: "fast" is GET /healthz of a plain service (sub-millisecond answers: the clients' own cost and
# the machine's scheduling decide the figures) and "delayed" is the same path of a second service started with
# FAULT_LATENCY_MS (the server decides the latency, so the p95s show whether both clients measure it alike).
# Prints each round's requests/s, p95 and CPU time of both, then the medians and the ratios ours/hey. Targets
# (issue 13): requests/s at least 80 % of hey's, p95 within 10 % of hey's.
#
# Each tool reports its own figures: hey's "Requests/sec" and its "95% in" line (0.1 ms resolution); ours from
# its JSON (requests_per_second, latency.p95_ms). Both use keep-alive connections, one per worker. CPU seconds
# (user + system) and peak RSS of each whole process come from /usr/bin/time.
#
# Environment: BENCH_ROUNDS (5), BENCH_REQUESTS (20000, fast endpoint), BENCH_DELAYED_REQUESTS (3000),
#              BENCH_DELAY_MS (20), BENCH_CONCURRENCY (10), BENCH_PATH (/healthz), BENCH_SCENARIOS ("fast delayed"),
#              BENCH_WARMUP (1: ours sends its default untimed warm-up request per worker; 0: --no-warmup),
#              TAILPASTE_ARTIFACTS (default /tmp/art-slo-bench) for the Release builds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

rounds="${BENCH_ROUNDS:-5}"
requests="${BENCH_REQUESTS:-20000}"
delayed_requests="${BENCH_DELAYED_REQUESTS:-3000}"
delay_ms="${BENCH_DELAY_MS:-20}"
scenarios="${BENCH_SCENARIOS:-fast delayed}"
concurrency="${BENCH_CONCURRENCY:-10}"
path="${BENCH_PATH:-/healthz}"
warmup="${BENCH_WARMUP:-1}"
export TAILPASTE_ARTIFACTS="${TAILPASTE_ARTIFACTS:-/tmp/art-slo-bench}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

install_missing() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  if [[ "$(id -u)" != 0 ]]; then
    echo "error: $1 is missing; install the Debian package $2 (as root: apt-get install -y $2)" >&2
    exit 2
  fi
  echo "Installing $2 ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null 2>&1 \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null; }
}
install_missing hey hey
install_missing curl curl
[[ -x /usr/bin/time ]] || install_missing /usr/bin/time time
command -v dotnet >/dev/null 2>&1 || { echo "error: the .NET SDK (dotnet) is needed" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "error: python3 is needed for the summary" >&2; exit 2; }

work="$(mktemp -d /tmp/slo-bench.XXXXXX)"
service_pids=()
cleanup() {
  for pid in "${service_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building the sample service and the load generator (Release) ..."
dotnet build samples/paste-service/PasteService.csproj -c Release -nologo -v q >/dev/null
dotnet build bench/slo/SloBench/SloBench.csproj -c Release -nologo -v q >/dev/null
service_dll="$TAILPASTE_ARTIFACTS/bin/PasteService/release/PasteService.dll"
ours="$TAILPASTE_ARTIFACTS/bin/SloBench/release/slo-bench.dll"
[[ -f "$service_dll" && -f "$ours" ]] || { echo "error: builds not found under $TAILPASTE_ARTIFACTS" >&2; exit 1; }

# start_service NAME [VAR=VALUE...]: the sample service on a free loopback port; prints its URL.
start_service() {
  local name="$1"; shift
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  mkdir -p "$work/$name"
  env LISTEN_ADDRESS=127.0.0.1 LISTEN_PORT="$port" STORAGE_PATH="$work/$name" "$@" dotnet "$service_dll" >"$work/$name.log" 2>&1 &
  service_pids+=($!)
  local url="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do
    curl -fsS "$url/healthz" >/dev/null 2>&1 && break
    sleep 0.1
  done
  curl -fsS "$url/healthz" >/dev/null || { echo "error: the $name service did not answer on $url:" >&2; cat "$work/$name.log" >&2; exit 1; }
  echo "$url"
}

# timed OUT_PREFIX COMMAND...: runs it under /usr/bin/time; stdout to OUT_PREFIX.out, "cpu_seconds peak_kb" to OUT_PREFIX.time.
timed() {
  local out="$1"; shift
  /usr/bin/time -f "%U %S %M" -o "$out.rawtime" "$@" >"$out.out"
  awk '{ printf "%.3f %d\n", $1 + $2, $3 }' "$out.rawtime" >"$out.time"
}

: >"$work/runs.tsv"
for scenario in $scenarios; do
  case "$scenario" in
    fast) url="$(start_service fast)"; n="$requests" ;;
    delayed) url="$(start_service delayed FAULT_LATENCY_MS="$delay_ms")"; n="$delayed_requests" ;;
    *) echo "error: unknown scenario $scenario (expected fast or delayed)" >&2; exit 2 ;;
  esac

  # The service's own warm-up (JIT), the same for both tools: one short run of each, not counted.
  hey -n 500 -c "$concurrency" "$url$path" >/dev/null
  dotnet "$ours" --url "$url" --path "$path" --concurrency "$concurrency" --requests 500 >/dev/null

  ours_args=(--url "$url" --path "$path" --concurrency "$concurrency" --requests "$n")
  [[ "$warmup" == 1 ]] || ours_args+=(--no-warmup)
  for ((round = 1; round <= rounds; round++)); do
    echo "$scenario: round $round/$rounds"
    if ((round % 2)); then order=(hey ours); else order=(ours hey); fi
    for tool in "${order[@]}"; do
      prefix="$work/$scenario-$tool-$round"
      first_line=$(($(wc -l <"$work/$scenario.log") + 1))
      if [[ "$tool" == hey ]]; then timed "$prefix" hey -n "$n" -c "$concurrency" "$url$path"; else timed "$prefix" dotnet "$ours" "${ours_args[@]}"; fi
      sleep 0.5 # the service writes its access lines when each response has finished
      last_line=$(wc -l <"$work/$scenario.log")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scenario" "$round" "$tool" "$n" "$prefix" "$work/$scenario.log" "$first_line" "$last_line" >>"$work/runs.tsv"
    done
  done
done

echo
echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Tools: hey $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '?'), .NET $(dotnet --version); GET $path at concurrency $concurrency, $rounds rounds; delayed: FAULT_LATENCY_MS=$delay_ms; ours warm-up: $warmup"
python3 - "$work/runs.tsv" <<'PY'
import json, re, statistics, sys
from collections import defaultdict
runs = defaultdict(dict)
for line in open(sys.argv[1]):
    scenario, rnd, tool, n, prefix, log, first, last = line.rstrip("\n").split("\t")
    # The service's own view of the same requests: the duration field of its access lines (arrival to response finished).
    with open(log) as f:
        durations = sorted(float(l.rsplit(" ", 1)[1]) for i, l in enumerate(f, 1) if int(first) <= i <= int(last) and l.startswith("127.0.0.1 "))
    server_p95 = durations[max(0, -(-len(durations) * 95 // 100) - 1)] if durations else float("nan")
    cpu, rss = open(prefix + ".time").read().split()
    text = open(prefix + ".out").read()
    if tool == "hey":
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
        p95 = float(re.search(r"95% in ([\d.]+) secs", text).group(1)) * 1000
        ok = sum(int(k) for k in re.findall(r"\[2\d\d\]\s+(\d+) responses", text))
        assert ok == int(n), f"{scenario} round {rnd}: hey got {ok} 2xx of {n}"
    else:
        result = json.loads(text)
        assert result["requests"] == int(n) and result["failures"] == 0, f"{scenario} round {rnd}: ours {result['requests']} requests, {result['failures']} failed"
        rps, p95 = result["requests_per_second"], result["latency"]["p95_ms"]
    runs[(scenario, int(rnd))][tool] = (rps, p95, float(cpu), int(rss) / 1024, server_p95)
for scenario in dict.fromkeys(s for s, _ in runs):
    rounds = sorted(r for s, r in runs if s == scenario)
    print()
    print(f"{scenario}:")
    print()
    print("| round | ours req/s | hey req/s | ratio | ours p95 (ms) | hey p95 (ms) | ratio | service's p95 in ours / hey's run (ms) | ours CPU (s) | hey CPU (s) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    cols = defaultdict(list)
    for r in rounds:
        o, h = runs[(scenario, r)]["ours"], runs[(scenario, r)]["hey"]
        print(f"| {r} | {o[0]:,.0f} | {h[0]:,.0f} | {o[0] / h[0]:.2f} | {o[1]:.2f} | {h[1]:.2f} | {o[1] / h[1]:.2f} | {o[4]:.2f} / {h[4]:.2f} | {o[2]:.2f} | {h[2]:.2f} |")
        for i, v in enumerate(o + h):
            cols[i].append(v)
        cols["rps_ratio"].append(o[0] / h[0])
        cols["p95_ratio"].append(o[1] / h[1])
    med = {k: statistics.median(v) for k, v in cols.items()}
    print(f"| median | {med[0]:,.0f} | {med[5]:,.0f} | {med['rps_ratio']:.2f} | {med[1]:.2f} | {med[6]:.2f} | {med['p95_ratio']:.2f} | {med[4]:.2f} / {med[9]:.2f} | {med[2]:.2f} | {med[7]:.2f} |")
    print()
    print(f"peak RSS: ours {max(cols[3]):.0f} MB, hey {max(cols[8]):.0f} MB")
    print(f"requests/s: median ratio ours/hey {med['rps_ratio']:.2f} (target >= 0.80): {'met' if med['rps_ratio'] >= 0.8 else 'MISSED'}")
    print(f"p95: median ratio ours/hey {med['p95_ratio']:.2f} (target 0.90-1.10): {'met' if 0.9 <= med['p95_ratio'] <= 1.1 else 'MISSED'}")
PY
