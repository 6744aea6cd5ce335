#!/usr/bin/env python3
"""Regenerates popular-actions.json: the inputs and outputs of the most used actions, per major version.

For each `owner/repo[/path]@vN` below it downloads the action's action.yml at that tag from GitHub, keeps
each input's `required`, `default` (whether there is one) and `deprecationMessage`, the output names and
`runs.using`, and writes the table with the source URL of every entry and the date it was fetched. Majors
whose runtime GitHub no longer runs (node12, node16) or whose service GitHub retired are listed under
"outdated" with the reason. Run it on a machine that reaches github.com, review the diff, commit it:

  python3 actions/validate-workflows/Schema/refresh-popular-actions.py
"""
import datetime, json, os, sys, urllib.request

import yaml  # Debian: python3-yaml

ACTIONS = [
    "actions/checkout@v4", "actions/checkout@v5", "actions/cache@v4", "actions/cache/restore@v4", "actions/cache/save@v4",
    "actions/upload-artifact@v4", "actions/download-artifact@v4", "actions/github-script@v7",
    "actions/setup-node@v4", "actions/setup-python@v5", "actions/setup-go@v5",
]

# Majors that no longer run: the runtime in runs.using was removed from the runners (node12 in 2023,
# node16 in 2024), or the service behind them was shut down (artifact and cache v1-v3 in 2024-2025).
OUTDATED = {
    "actions/checkout": ["v1", "v2", "v3"], "actions/cache": ["v1", "v2", "v3"],
    "actions/upload-artifact": ["v1", "v2", "v3"], "actions/download-artifact": ["v1", "v2", "v3"],
    "actions/github-script": ["v1", "v2", "v3", "v4", "v5", "v6"], "actions/setup-node": ["v1", "v2", "v3"],
    "actions/setup-python": ["v1", "v2", "v3"], "actions/setup-go": ["v1", "v2", "v3"],
    "actions/setup-java": ["v1", "v2", "v3"], "actions/setup-dotnet": ["v1", "v2", "v3"],
}


def fetch(spec):
    name, ref = spec.split("@")
    owner, repo, *path = name.split("/")
    for file in ("action.yml", "action.yaml"):
        url = f"https://raw.githubusercontent.com/{owner}/{repo}/{ref}/{'/'.join(path + [file])}"
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                return url, yaml.safe_load(r.read())
        except OSError:
            continue
    sys.exit(f"cannot fetch the action.yml of {spec}")


def main():
    table = {"generated": datetime.date.today().isoformat(), "actions": {}, "outdated": OUTDATED}
    for spec in ACTIONS:
        url, meta = fetch(spec)
        inputs = {}
        for name, body in (meta.get("inputs") or {}).items():
            body = body or {}
            inputs[name] = {
                "required": str(body.get("required", False)).lower() == "true",
                "default": "default" in body,
                **({"deprecated": body["deprecationMessage"]} if body.get("deprecationMessage") else {}),
            }
        table["actions"][spec] = {"source": url, "using": meta["runs"]["using"], "inputs": inputs, "outputs": sorted((meta.get("outputs") or {}).keys())}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "popular-actions.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(table, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
