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
    "actions/setup-node@v4", "actions/setup-python@v5", "actions/setup-go@v5", "actions/setup-java@v4", "actions/setup-dotnet@v4",
    "actions/configure-pages@v5", "actions/deploy-pages@v4", "actions/upload-pages-artifact@v3", "actions/stale@v9",
    "actions/labeler@v5", "actions/attest-build-provenance@v1", "actions/attest-build-provenance@v2", "actions/first-interaction@v1",
    "docker/login-action@v3", "docker/setup-buildx-action@v3", "docker/setup-qemu-action@v3", "docker/build-push-action@v5",
    "docker/build-push-action@v6", "docker/metadata-action@v5", "softprops/action-gh-release@v2",
    "peter-evans/create-pull-request@v6", "peter-evans/create-pull-request@v7", "azure/login@v2", "google-github-actions/auth@v2",
    "Swatinem/rust-cache@v2", "JamesIves/github-pages-deploy-action@v4", "peaceiris/actions-gh-pages@v4",
]

# Actions that set outputs their action.yml does not declare (core.setOutput from a user script).
DYNAMIC_OUTPUTS = {"actions/github-script@v7"}

# Majors that no longer run: the runtime in runs.using was removed from the runners (node12 in 2023,
# node16 in 2024), or the service behind them was shut down (artifact and cache v1-v3 in 2024-2025). Kept by
# hand in the table's "outdated" section (cross-checked against actionlint's table, see the table's note).
OUTDATED = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "popular-actions.json"), encoding="utf-8"))["outdated"]


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
    table = {"generated": datetime.date.today().isoformat(), "actions": {}, "outdated": OUTDATED,
             "note": "written from each action's action.yml at the tag (source); regenerate with refresh-popular-actions.py"}
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
        table["actions"][spec] = {"source": url, "using": meta["runs"]["using"], "inputs": inputs, "outputs": sorted((meta.get("outputs") or {}).keys()),
                                  **({"dynamic-outputs": True} if spec in DYNAMIC_OUTPUTS else {})}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "popular-actions.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(table, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
