#!/usr/bin/env python3
"""Reads `dotnet list package --vulnerable --include-transitive --format json`, prints every vulnerable package
as a Markdown table (for $GITHUB_STEP_SUMMARY) and exits 1 when one has a severity named by --fail-on."""
import argparse
import json
import sys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--fail-on", default="High,Critical", help="severities that fail, comma-separated")
    args = parser.parse_args()
    failing = {s.strip().lower() for s in args.fail_on.split(",") if s.strip()}

    with open(args.report, encoding="utf-8") as handle:
        report = json.load(handle)
    rows = set()
    for project in report.get("projects", []):
        for framework in project.get("frameworks", []):
            for kind in ("topLevelPackages", "transitivePackages"):
                for package in framework.get(kind, []):
                    for advisory in package.get("vulnerabilities", []):
                        rows.add((package.get("id", "?"), package.get("resolvedVersion", "?"),
                                  advisory.get("severity", "?"), advisory.get("advisoryurl", "")))

    print("## Vulnerable packages\n")
    if not rows:
        print("None known.")
        return 0
    print("| package | version | severity | advisory |\n| --- | --- | --- | --- |")
    for package, version, severity, url in sorted(rows):
        print(f"| {package} | {version} | {severity} | {url} |")
    bad = sorted({package for package, _, severity, _ in rows if severity.lower() in failing})
    if bad:
        print(f"::error::vulnerable packages at {args.fail_on}: {', '.join(bad)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
