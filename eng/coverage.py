#!/usr/bin/env python3
"""Merges the Cobertura files coverlet wrote (one per test project) and enforces a line-coverage floor.

A line counts as covered when any test project covered it, so code exercised by another action's tests
(src/Shared, the sample service) is credited once, not diluted per project.
"""
import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--floor", type=float, default=85.0)
    args = parser.parse_args()

    lines: dict[tuple[str, str], bool] = {}
    files = glob.glob(os.path.join(args.results, "**", "coverage.cobertura.xml"), recursive=True)
    if not files:
        print("coverage: no coverage.cobertura.xml under " + args.results, file=sys.stderr)
        return 1
    for path in files:
        root = ET.parse(path).getroot()
        # coverlet writes file names relative to the report's common source folder, which differs per test
        # project (src/Shared/ alone, or the repository root): resolve them so the same file merges once.
        sources = [s.text or "" for s in root.iter("source")]
        for cls in root.iter("class"):
            source = resolve(cls.get("filename", ""), sources)
            for line in cls.iter("line"):
                key = (source, line.get("number", ""))
                lines[key] = lines.get(key, False) or int(line.get("hits", "0")) > 0

    per_module: dict[str, list[int]] = {}
    for (source, _), hit in lines.items():
        module = module_of(source)
        counts = per_module.setdefault(module, [0, 0])
        counts[0] += hit
        counts[1] += 1
    covered = sum(c[0] for c in per_module.values())
    total = sum(c[1] for c in per_module.values())
    percent = 100.0 * covered / total if total else 100.0

    print("| module | covered lines | lines | line coverage |")
    print("| --- | ---: | ---: | ---: |")
    for module, (hit, count) in sorted(per_module.items()):
        print(f"| {module} | {hit} | {count} | {100.0 * hit / count:.1f} % |")
    print(f"| **all** | {covered} | {total} | **{percent:.1f} %** |")
    # coverlet skips an assembly silently (for example when a source generator's files are not on disk):
    # a product project with no lines at all is a broken measurement, not 100 %.
    root_dir = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    expected = sorted("/".join(p.split("/")[-3:-1]) for folder in ("src", "actions")
                      for p in glob.glob(os.path.join(root_dir, folder, "*", "*.csproj")))
    missing = [m for m in expected if m not in per_module]
    if missing:
        print("coverage: no coverage data for " + ", ".join(missing) + " (did coverlet skip the assembly?)", file=sys.stderr)
        return 1
    if percent + 1e-9 < args.floor:
        print(f"coverage: {percent:.1f} % of lines covered, below the floor of {args.floor:.0f} %", file=sys.stderr)
        return 1
    print(f"coverage: {percent:.1f} % of lines covered (floor {args.floor:.0f} %)")
    return 0


def resolve(filename: str, sources: list[str]) -> str:
    if os.path.isabs(filename):
        return filename
    for folder in sources:
        candidate = os.path.join(folder, filename)
        if os.path.exists(candidate):
            return candidate
    return os.path.join(sources[0], filename) if sources else filename


def module_of(source: str) -> str:
    parts = source.replace("\\", "/").split("/")
    for anchor in ("actions", "samples", "src"):
        if anchor in parts:
            i = parts.index(anchor)
            return "/".join(parts[i:i + 2])
    return parts[0] if parts else source


if __name__ == "__main__":
    sys.exit(main())
