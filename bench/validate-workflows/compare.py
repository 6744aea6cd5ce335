#!/usr/bin/env python3
"""Line-by-line agreement of validate-workflows with the reference (actionlint v1.7.7 via reference.sh).

For each workflow file given (or every *.yml/*.yaml under the folders given), prints the lines the reference
reports that validate-workflows does not ("missed") and the lines validate-workflows reports that the
reference does not ("extra"), then the totals. Only errors of the general rules count (no warnings, no
pipeline rules), and shellcheck/pyflakes findings of the reference are left out, as on the scored corpus.

  usage: python3 bench/validate-workflows/compare.py [--cli CMD] [--root DIR] [-v] PATH...
"""
import argparse, json, os, subprocess, sys

PIPELINE = {"pinned-actions", "permissions-declared", "docker-labels", "docker-cleanup-always", "deploy-after-backup"}
HERE = os.path.dirname(os.path.abspath(__file__))


def files_of(paths):
    for p in paths:
        if os.path.isdir(p):
            for d, _, names in os.walk(p):
                for n in sorted(names):
                    if n.endswith((".yml", ".yaml")) and n not in ("action.yml", "action.yaml"):
                        yield os.path.join(d, n)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=None, help="command that runs validate-workflows (default: dotnet run --project)")
    ap.add_argument("--root", default=".")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the messages of missed and extra lines")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = sorted(set(os.path.abspath(f) for f in files_of(args.paths)))
    cli = args.cli.split() if args.cli else ["dotnet", "run", "--project", os.path.join(HERE, "../../actions/validate-workflows"), "-c", "Release", "--"]
    ours = {}
    out = subprocess.run(cli + ["--format", "json", "--root", args.root] + files, capture_output=True, text=True).stdout
    for f in json.loads(out[out.index("["):out.rindex("]") + 1]):
        if f["severity"] != "error" or f["rule"] in PIPELINE:
            continue
        path = os.path.abspath(os.path.join(args.root, f["file"]))
        ours.setdefault(path, {}).setdefault(f["line"], []).append(f"{f['column']}: {f['message']} [{f['rule']}]")
    ref = {}
    out = subprocess.run(["bash", os.path.join(HERE, "reference.sh")] + files, capture_output=True, text=True).stdout
    for line in out.splitlines():
        path, ln, col, rest = line.split(":", 3)
        if rest.endswith(("[shellcheck]", "[pyflakes]")):
            continue
        ref.setdefault(os.path.abspath(path), {}).setdefault(int(ln), []).append(f"{col}:{rest}")
    hit = expected = extra_total = 0
    false_alarm_files = 0
    for f in files:
        r, o = ref.get(f, {}), ours.get(f, {})
        missed = sorted(set(r) - set(o))
        extra = sorted(set(o) - set(r))
        expected += len(r)
        hit += len(set(r) & set(o))
        extra_total += len(extra)
        if not r and o:
            false_alarm_files += 1
        if missed or extra:
            print(os.path.relpath(f))
            for ln in missed:
                print(f"  missed {ln}: " + (" | ".join(r[ln]) if args.verbose else r[ln][0][:150]))
            for ln in extra:
                print(f"  extra  {ln}: " + (" | ".join(o[ln]) if args.verbose else o[ln][0][:150]))
    clean = sum(1 for f in files if not ref.get(f))
    print(f"\nfiles {len(files)}; reference lines hit {hit}/{expected}; extra lines {extra_total}; files the reference finds clean but we flag {false_alarm_files}/{clean}")


if __name__ == "__main__":
    sys.exit(main())
