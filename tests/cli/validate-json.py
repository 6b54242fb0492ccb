#!/usr/bin/env python3
"""Validates JSON documents against a JSON Schema with python3-jsonschema
(Debian's), the draft the schema's "$schema" names, formats checked.
Prints the first errors of each document (path: message) and exits 1
when any document is invalid, 2 when the schema itself is.
    validate-json.py SCHEMA FILE..."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding='utf-8'))
cls = jsonschema.validators.validator_for(schema)
try:
    cls.check_schema(schema)
except jsonschema.SchemaError as e:
    print('%s: not a valid schema: %s' % (sys.argv[1], e.message))
    sys.exit(2)
v = cls(schema, format_checker=jsonschema.FormatChecker())
bad = 0
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding='utf-8'))
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:5]:
        print('%s: %s: %s' % (path, '/'.join(map(str, e.absolute_path)),
                              e.message[:300]))
    bad += bool(errors)
sys.exit(1 if bad else 0)
