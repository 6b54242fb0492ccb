#!/usr/bin/env python3
"""Holds a man page's OPTIONS section to a command's option table (the
lines of `carve COMMAND --list-options`: short, long, argument, default,
tab-separated). Every option of the table must have an item in the page
whose tag shows the same short flag and argument, and whose text gives
the same default near the word "default"; every item of the page must be
an option of the table. Prints one line per disagreement and exits 1
when there is any.
    check-options.py PAGE TABLE"""
import re
import sys

page, table = sys.argv[1], sys.argv[2]


def plain(line):
    """A roff line as the reader sees it: no macros, fonts or escapes."""
    line = re.sub(r'^\.(B|I|BR|RB|BI|IB|IR|RI)\s+', '', line)
    line = re.sub(r'\\f[BIRP]', '', line)
    line = line.replace(r'\(lq', "'").replace(r'\(rq', "'")
    line = line.replace(r'\(em', '-').replace(r'\-', '-').replace(r'\ ', ' ')
    line = line.replace(r'\&', '').replace('"', '')
    return line


# the OPTIONS section as items: (tag line, body lines)
items = []
section = None
tag_next = False
for line in open(page, encoding='utf-8').read().split('\n'):
    if line.startswith('.SH '):
        section = line[4:].strip().strip('"')
    elif section != 'OPTIONS':
        continue
    elif line.startswith('.TP'):
        tag_next = True
    elif tag_next:
        items.append([line, []])
        tag_next = False
    elif items and not line.startswith(('.PP', '.RS', '.RE', '.IP')):
        items[-1][1].append(plain(line))
items = [(tag, plain(tag), ' '.join(body)) for tag, body in items]

problems = []
seen = set()
for row in open(table, encoding='utf-8').read().splitlines():
    short, name, arg, default = (row.split('\t') + ['', '', '', ''])[:4]
    seen.add(name)
    found = [it for it in items
             if re.search(re.escape(name) + r'(?![a-z-])', it[1])]
    if not found:
        problems.append(f'{name}: not in OPTIONS')
        continue
    raw, tag, body = found[0]
    shorts = re.findall(r'(?:^|[\s,])(-[A-Za-z])(?![A-Za-z-])', tag)
    if short and short not in shorts:
        problems.append(f'{name}: the page does not give its short flag '
                        f'{short}')
    if not short and shorts:
        problems.append(f'{name}: the page gives a short flag {shorts[0]} '
                        f'the command does not take')
    words = re.findall(r'[A-Z][A-Z0-9/=_-]*', tag.split(name, 1)[1])
    if arg and arg not in words:
        problems.append(f'{name}: the page does not name its argument {arg}'
                        f' (it shows {" ".join(words) or "none"})')
    if not arg and words:
        problems.append(f'{name}: the page gives an argument {words[0]} to '
                        f'an option that takes none')
    if default:
        near = False
        for m in re.finditer(r'default', body):
            window = body[max(0, m.start() - 60):m.end() + 60]
            if default in window:
                near = True
        if not near:
            problems.append(f'{name}: the page does not give its default '
                            f'{default!r}')
for raw, tag, body in items:
    names = re.findall(r'--[a-z][a-z-]*', tag)
    if names and names[0] not in seen:
        problems.append(f'{names[0]}: in the page, not an option of the '
                        f'command')
for p in problems:
    print(f'{page}: {p}')
sys.exit(1 if problems else 0)
