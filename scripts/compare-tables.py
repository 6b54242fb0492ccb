#!/usr/bin/env python3
"""Precision and recall of carve data's tables against an oracle's list.

carve's tables are those of `carve data -f json` that are not marked
dropped and that some file outside test code names (a table only tests
or only migrations mention is not in the current schema of the
application). Names compare case-sensitively, as the database spells
them.

usage: compare-tables.py CARVE.json ORACLE.txt [-v]
"""
import json
import re
import sys

TEST = re.compile(r"(^|/)(tests?|spec|testdata|test_utils)/|(^|/)test_[^/]*$|"
                  r"_test\.go$|_spec\.rb$|Tests?/|\.Tests?\b")
MIGRATION = re.compile(r"(^|/)(migrations|migrate|Migrations)/")


def main():
    data = json.load(open(sys.argv[1]))["data"]
    oracle = {l.strip() for l in open(sys.argv[2]) if l.strip()}
    carve = set()
    for t in data["tables"]:
        if t.get("dropped"):
            continue
        paths = [f["path"] for f in t["files"]]
        if any(not TEST.search(p) and not MIGRATION.search(p) for p in paths):
            carve.add(t["name"])
    tp = carve & oracle
    p = len(tp) / len(carve) if carve else 0.0
    r = len(tp) / len(oracle) if oracle else 0.0
    print("carve %d, oracle %d, both %d: precision %.1f%%, recall %.1f%%"
          % (len(carve), len(oracle), len(tp), 100 * p, 100 * r))
    if "-v" in sys.argv:
        print("only carve:", " ".join(sorted(carve - oracle)))
        print("only oracle:", " ".join(sorted(oracle - carve)))


if __name__ == "__main__":
    main()
