#!/usr/bin/env python3
"""oracle-routes-aspnet: the conventional and attribute routes of an
ASP.NET (MVC or Core) repository, independently of carve. A small C#
lexer (comments, "..." and @"..." strings, characters) finds calls of
MapRoute / MapLocalizedRoute / MapControllerRoute / MapHttpRoute (the URL
template is the second argument, or url:/pattern:), of
MapAreaControllerRoute (the third), and counts route attributes
([Route("x")], [HttpGet("x")] ...) so a repository that has some is
seen not to be covered by this list. Test projects (a folder or file
named *Tests*) are left out. Prints "METHOD PATH", sorted.

    oracle-routes-aspnet.py /work/repos/nopcommerce
"""
import os
import re
import sys

TOKEN = re.compile(r'''
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<verbatim>@"(?:[^"]|"")*")
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)+')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>[^\sA-Za-z0-9_])
''', re.S | re.X)


def tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup
        if kind in ("comment", "char"):
            continue
        v = m.group()
        if kind == "verbatim":
            out.append(("str", v[2:-1].replace('""', '"')))
        elif kind == "string":
            out.append(("str", v[1:-1]))
        else:
            out.append((kind, v))
    return out


def args(toks, i):
    """The arguments of the call whose '(' is at i: lists of tokens."""
    depth, cur, out = 0, [], []
    for k in range(i + 1, len(toks)):
        kind, v = toks[k]
        if v in "([{" and kind == "punct":
            depth += 1
        elif v in ")]}" and kind == "punct":
            if depth == 0:
                out.append(cur)
                return out
            depth -= 1
        elif v == "," and kind == "punct" and depth == 0:
            out.append(cur)
            cur = []
            continue
        cur.append((kind, v))
    return out


def template(a, nth):
    for x in a:
        if len(x) >= 3 and x[0][0] == "ident" and x[1][1] == ":" and \
                x[0][1] in ("url", "pattern", "template"):
            return x[2][1] if len(x) == 3 and x[2][0] == "str" else None
    pos = [x for x in a if not (len(x) >= 2 and x[0][0] == "ident" and x[1][1] == ":")]
    if len(pos) > nth and len(pos[nth]) == 1 and pos[nth][0][0] == "str":
        return pos[nth][0][1]
    return None


def main():
    out, attrs = set(), 0
    for d, dirs, files in os.walk(sys.argv[1]):
        dirs[:] = [x for x in dirs if x != ".git" and "Tests" not in x and x.lower() != "tests"]
        for f in files:
            if not f.endswith(".cs") or "Tests" in f:
                continue
            toks = tokens(open(os.path.join(d, f), encoding="utf-8-sig", errors="replace").read())
            for i in range(2, len(toks) - 1):
                kind, v = toks[i]
                if toks[i - 1][1] != "." or toks[i + 1][1] != "(":
                    if kind == "ident" and v in ("Route", "HttpGet", "HttpPost", "HttpPut",
                                                 "HttpDelete", "HttpPatch") and \
                            toks[i - 1][1] in ("[", ",") and toks[i + 1][1] == "(" and \
                            toks[i + 2][0] == "str":
                        attrs += 1
                    continue
                nth = {"MapRoute": 1, "MapLocalizedRoute": 1, "MapControllerRoute": 1,
                       "MapHttpRoute": 1, "MapAreaControllerRoute": 2}.get(v)
                if nth is None:
                    continue
                t = template(args(toks, i + 1), nth)
                if t is not None:
                    out.add("ANY /" + t.lstrip("/"))
    print(f"# route attributes with a template: {attrs}", file=sys.stderr)
    for line in sorted(out):
        print(line)


main()
