#!/usr/bin/env python3
"""routes-compare: precision and recall of carve api's endpoints against an
oracle list ("METHOD PATH" per line, from scripts/oracle-routes-*).

    carve api -f csv REPO > carve.csv
    routes-compare.py ORACLE.txt carve.csv [FILE-REGEX] [-v]

Pairs (method, path) are compared as sets; in paths every parameter
(<int:pk>, {id}, :id, (?P<x>...)) is "{}", and leading and trailing
slashes are ignored. A combined method ("GET,POST") counts as each.
Only carve rows whose file matches FILE-REGEX count (default: all);
GraphQL fields (QUERY, MUTATION, SUBSCRIPTION) count only when the
oracle lists some, and only they when it lists nothing else.
"""
import csv
import re
import sys


def norm(path):
    p = re.sub(r"\(\?P<[^>]*>[^)]*\)", "{}", path)
    p = re.sub(r"<[^>]*>|\{[^}]*\}|:[A-Za-z_][A-Za-z0-9_]*", "{}", p)
    p = re.sub(r"/+", "/", p).strip("/")
    return p


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    want = set()
    for line in open(args[0]):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m, _, p = line.partition(" ")
        want.add((m, norm(p)))
    rx = re.compile(args[2]) if len(args) > 2 else None
    gql = {"QUERY", "MUTATION", "SUBSCRIPTION"}
    with_gql = any(m in gql for m, _ in want)
    only_gql = all(m in gql for m, _ in want)
    got = set()
    with open(args[1], newline="") as f:
        for row in csv.DictReader(f):
            if rx and not rx.search(row["file"]):
                continue
            for m in row["method"].split(","):
                if (m in gql and not with_gql) or (m not in gql and only_gql):
                    continue
                got.add((m, norm(row["path"])))
    tp = len(want & got)
    prec = tp / len(got) if got else 0.0
    rec = tp / len(want) if want else 0.0
    print(f"oracle {len(want)}  carve {len(got)}  both {tp}  "
          f"precision {100 * prec:.1f}%  recall {100 * rec:.1f}%")
    if verbose:
        for m, p in sorted(got - want):
            print("  extra ", m, "/" + p)
        for m, p in sorted(want - got):
            print("  missed", m, "/" + p)


main()
