#!/usr/bin/env python3
"""Precision and recall of carve data's tables against an oracle's list.

carve's tables are those of `carve data -f json` that are not marked
dropped (or a view) and that some file carve does not set aside names (a table only
migrations, tests, fixtures or seeding code mention is not in the
application's current schema). Names compare case-sensitively, as the
database spells them.

usage: compare-tables.py CARVE.json ORACLE.txt [-v]
"""
import json
import sys


def main():
    data = json.load(open(sys.argv[1]))["data"]
    oracle = {l.strip() for l in open(sys.argv[2]) if l.strip()}
    carve = set()
    for t in data["tables"]:
        if t.get("dropped") or t.get("view"):
            continue
        if any("set_aside" not in f for f in t["files"]):
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
