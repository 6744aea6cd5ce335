#!/usr/bin/env python3
"""Prints the test and coverage totals that eng/test.sh left under a results folder as a Markdown table, for
$GITHUB_STEP_SUMMARY: one row per test project (from the TRX files) and the merged line coverage."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

TRX = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def main() -> int:
    results = sys.argv[1] if len(sys.argv) > 1 else "artifacts/test-results"
    print("## Tests\n")
    trx_files = sorted(glob.glob(os.path.join(results, "**", "*.trx"), recursive=True))
    log = os.path.join(results, "dotnet-test.log")
    if trx_files:
        print("| project | passed | failed | skipped |\n| --- | ---: | ---: | ---: |")
        for path in trx_files:
            counters = ET.parse(path).getroot().find(f"{TRX}ResultSummary/{TRX}Counters")
            if counters is None:
                continue
            skipped = int(counters.get("notExecuted", "0"))
            print(f"| {os.path.basename(path)} | {counters.get('passed', '0')} | {counters.get('failed', '0')} | {skipped} |")
    elif os.path.isfile(log):
        # eng/test.sh ends its log with one closing line over every test assembly.
        with open(log, encoding="utf-8", errors="replace") as handle:
            lines = [line.strip() for line in handle if line.startswith(("Passed!", "Failed!"))]
        for line in lines:
            print(f"- `{line.replace('`', '')}`")
    else:
        print("No test results were written (the run stopped before the tests).")

    covered = total = 0
    for path in glob.glob(os.path.join(results, "**", "coverage.cobertura.xml"), recursive=True):
        root = ET.parse(path).getroot()
        covered += int(root.get("lines-covered", "0"))
        total += int(root.get("lines-valid", "0"))
    print("\n## Coverage\n")
    if total:
        print(f"Line coverage over the test projects' reports: **{100.0 * covered / total:.1f}%** "
              f"({covered} of {total} lines; the merged figure eng/coverage.py enforces is in the job log).")
    else:
        print("No coverage report was written.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
