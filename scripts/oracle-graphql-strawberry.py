#!/usr/bin/env python3
"""oracle-graphql-strawberry: the root fields of a strawberry GraphQL
schema, found with Python's ast (independently of carve): classes
decorated @strawberry.type whose name, or name= argument, ends in Query,
Mutation or Subscription; their annotated attributes and methods not
starting with "_". Test folders are left out. Prints "KIND field", sorted.

    oracle-graphql-strawberry.py /work/repos/netbox/netbox
"""
import ast
import os
import sys

KINDS = (("Query", "QUERY"), ("Queries", "QUERY"), ("Mutation", "MUTATION"),
         ("Mutations", "MUTATION"), ("Subscription", "SUBSCRIPTION"),
         ("Subscriptions", "SUBSCRIPTION"))


def kind_of(name):
    for suffix, kind in KINDS:
        if name.endswith(suffix):
            return kind
    return None


def root_kind(cls):
    for d in cls.decorator_list:
        call = d if isinstance(d, ast.Call) else None
        f = call.func if call else d
        if not (isinstance(f, ast.Attribute) and f.attr == "type" and
                isinstance(f.value, ast.Name) and f.value.id == "strawberry"):
            continue
        for k in call.keywords if call else []:
            if k.arg == "name" and isinstance(k.value, ast.Constant):
                return kind_of(k.value.value)
        return kind_of(cls.name)
    return None


out = set()
for d, dirs, files in os.walk(sys.argv[1]):
    dirs[:] = [x for x in dirs if x not in (".git", "tests", "node_modules")]
    for f in files:
        if not f.endswith(".py"):
            continue
        try:
            tree = ast.parse(open(os.path.join(d, f), encoding="utf-8").read())
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for c in ast.walk(tree):
            if not isinstance(c, ast.ClassDef) or not root_kind(c):
                continue
            for s in c.body:
                name = None
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name):
                    name = s.target.id
                elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    name = s.name
                if name and not name.startswith("_"):
                    out.add(f"{root_kind(c)} {name}")
for line in sorted(out):
    print(line)
