#!/usr/bin/env python3
"""Checks that a carve output of FORMAT (text, csv, dot) is safe to open:
valid UTF-8, no control characters but newline and tab (and carriage
return ending CSV records), and for CSV a well-formed file whose cells
cannot start a spreadsheet formula. Exit 0 when it is, 1 with the reason.
    check-text.py FORMAT FILE"""
import csv
import io
import sys

fmt, path = sys.argv[1], sys.argv[2]
data = open(path, 'rb').read()
try:
    text = data.decode('utf-8', errors='strict')
except UnicodeDecodeError as e:
    sys.exit(f'{path}: not UTF-8: {e}')
allowed = '\n\t\r' if fmt == 'csv' else '\n\t'
for i, ch in enumerate(text):
    if (ord(ch) < 0x20 and ch not in allowed) or 0x7f <= ord(ch) < 0xa0:
        if fmt != 'csv':
            sys.exit(f'{path}: control character {ord(ch):#x} at {i}')
if fmt == 'csv':
    rows = list(csv.reader(io.StringIO(text, newline='')))
    if not rows:
        sys.exit(f'{path}: empty CSV')
    width = len(rows[0])
    for n, row in enumerate(rows, 1):
        if len(row) != width:
            sys.exit(f'{path}: row {n} has {len(row)} cells, not {width}')
        for cell in row:
            # a number may be negative; anything else starting with a
            # formula character would run in a spreadsheet
            if cell[:1] in ('=', '+', '@', '\t', '\r') or (
                    cell[:1] == '-' and not cell.lstrip('-').replace(
                        '.', '', 1).isdigit()):
                sys.exit(f'{path}: row {n}: formula-like cell {cell!r}')
