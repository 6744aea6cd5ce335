#!/usr/bin/env python3
"""Writes a `git fast-import` stream for the benchmark repository, deterministic for a given seed.

A first commit with a source tree (--files files of word text, about 12 KiB each, a few executables and a
symlink) tagged v1.0.0, then --commits more commits that each rewrite one small "hot" file, with a mix of
messages as a real project has them: Conventional Commits with scopes, PR numbers, `!` and `BREAKING CHANGE:`
footers, chore/ci/docs, plain messages, and every 100th a merge of a one-commit side branch. The last commit
is tagged v2.0.0.

usage: python3 generate-repo.py [--commits 10000] [--files 3000] [--seed 7] | git fast-import --quiet
"""
import argparse
import random
import sys

WORDS = ("paste token store sqlite index expiry request handler server config metrics log health "
         "service deploy backup restore archive release version checksum install prefix rollback "
         "docker engine label container image volume network cleanup workflow action runner step "
         "output input summary report json yaml parser rule error warning notice quota limit cache").split()
SCOPES = ["api", "db", "ui", "cli", "store", "auth", "metrics", "deploy", "backup", "docs", "ci", "core"]
AUTHORS = [("Alice Example", "alice"), ("Bob Builder", "bob"), ("Carol Plain", "carol"), ("Dave Branch", "dave"),
           ("Erin Refactor", "erin"), ("Frank Ops", "frank"), ("Grace Hopper", "grace"), ("Heidi Klum", "heidi"),
           ("Ivan Petrov", "ivan"), ("Judy Test", "judy"), ("Mallory Sec", "mallory"), ("Zoë Ünicode", "zoe")]


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def message(rng, i):
    roll = rng.random()
    subject = words(rng, rng.randint(3, 9))
    pr = f" (#{rng.randint(1, 9999)})" if rng.random() < 0.3 else ""
    scope = f"({rng.choice(SCOPES)})" if rng.random() < 0.6 else ""
    body = ""
    if rng.random() < 0.3:
        body = "\n\n" + "\n".join(words(rng, 10) for _ in range(rng.randint(1, 4)))
    if roll < 0.33:
        header = f"feat{scope}: {subject}{pr}"
    elif roll < 0.58:
        header = f"fix{scope}: {subject}{pr}"
    elif roll < 0.63:
        header = f"perf{scope}: {subject}{pr}"
    elif roll < 0.66:
        header = f"refactor{scope}: {subject}{pr}"
    elif roll < 0.78:
        header = f"{rng.choice(['chore', 'ci', 'docs', 'test', 'build'])}{scope}: {subject}{pr}"
    elif roll < 0.79:
        header = f"feat{scope}!: {subject}{pr}"
    elif roll < 0.80:
        header = f"refactor{scope}: {subject}{pr}"
        body += f"\n\nBREAKING CHANGE: {words(rng, 6)}"
    else:
        header = f"{subject.capitalize()}{pr}"
    return f"{header}{body}\n"


def emit_data(out, payload: bytes):
    out.write(b"data %d\n" % len(payload))
    out.write(payload)
    out.write(b"\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout.buffer
    time = 1_700_000_000
    mark = 0

    def commit(ref, msg, changes, parent=None, merge=None):
        nonlocal mark, time
        mark += 1
        time += 60
        name, login = rng.choice(AUTHORS)
        out.write(f"commit {ref}\nmark :{mark}\n".encode())
        out.write(f"author {name} <{login}@example.test> {time} +0000\n".encode())
        out.write(f"committer {name} <{login}@example.test> {time} +0000\n".encode())
        emit_data(out, msg.encode())
        if parent:
            out.write(f"from :{parent}\n".encode())
        if merge:
            out.write(f"merge :{merge}\n".encode())
        for mode, path, payload in changes:
            out.write(f"M {mode} inline {path}\n".encode())
            emit_data(out, payload)
        return mark

    tree = []
    for f in range(args.files):
        depth = rng.randint(1, 4)
        path = "/".join(f"{rng.choice(WORDS)}{rng.randint(0, 9)}" for _ in range(depth)) + f"/file{f}.txt"
        lines = "\n".join(words(rng, 12) for _ in range(rng.randint(20, 300)))
        tree.append(("100644", path, (lines + "\n").encode()))
    for s in range(20):
        tree.append(("100755", f"scripts/tool{s}.sh", f"#!/bin/sh\necho tool {s}\n".encode()))
    tree.append(("120000", "link-to-readme", b"README.md"))
    tree.append(("100644", "README.md", b"# bench\n"))
    tree.append(("100644", ".gitattributes", b"ci-only export-ignore\n"))
    tree.append(("100644", "ci-only/pipeline.txt", b"not shipped\n"))

    head = commit("refs/heads/main", "chore: initial import\n", tree)
    out.write(f"reset refs/tags/v1.0.0\nfrom :{head}\n\n".encode())
    hot = [f"hot/h{n}.txt" for n in range(200)]
    made = 1
    while made < args.commits:
        if made % 100 == 0 and made + 2 <= args.commits:
            side = commit("refs/heads/side", message(rng, made), [("100644", f"side/s{made}.txt", words(rng, 8).encode())], parent=head)
            head = commit("refs/heads/main", "Merge branch 'side'\n", [], parent=head, merge=side)
            made += 2
            continue
        change = ("100644", rng.choice(hot), (words(rng, 20) + f" {made}\n").encode())
        head = commit("refs/heads/main", message(rng, made), [change], parent=head)
        made += 1
    out.write(f"reset refs/tags/v2.0.0\nfrom :{head}\n\n".encode())
    out.write(b"done\n")


if __name__ == "__main__":
    main()
