#!/usr/bin/env python3
"""oracle-routes-aspnet: the conventional and attribute routes of an
ASP.NET (MVC or Core) repository, independently of carve. A small C#
lexer (comments, #region and other directives, "..." and @"..." strings,
characters) finds calls of
MapRoute / MapLocalizedRoute / MapControllerRoute / MapHttpRoute (the URL
template is the second argument, or url:/pattern:), of
MapAreaControllerRoute (the third), and counts route attributes
([Route("x")], [HttpGet("x")] ...) so a repository that has some is
seen not to be covered by this list. A route whose defaults name a
literal controller and action (new { controller = "Catalog", action =
"Product" }, namespaces new[] { "Nop.Web.Controllers" }) has the methods
of that action: every public method of the controller class so named
(or [ActionName]d) in those namespaces, its [HttpPost]-style and
[AcceptVerbs(HttpVerbs.Post)] attributes; "ANY" when an overload has
none or no action is found; [NonAction] and [ChildActionOnly] methods
are not actions. Test projects (a folder or file named *Tests*) are left
out. Prints "METHOD PATH", sorted.

    oracle-routes-aspnet.py /work/repos/nopcommerce
"""
import os
import re
import sys

TOKEN = re.compile(r'''
    (?P<comment>//[^\n]*|/\*.*?\*/|^[ \t]*\#[^\n]*)
  | (?P<verbatim>@"(?:[^"]|"")*")
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)+')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>[^\sA-Za-z0-9_])
''', re.S | re.X | re.M)


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


VERBS = {"HttpGet": "GET", "HttpPost": "POST", "HttpPut": "PUT",
         "HttpDelete": "DELETE", "HttpPatch": "PATCH", "HttpHead": "HEAD",
         "HttpOptions": "OPTIONS"}
ACTIONS = {}  # (namespace, class) -> {action: set of methods, "ANY" included}


def controllers(toks):
    depth, ns, classes, pending, public = 0, "", [], [], False
    i = 0
    while i < len(toks):
        kind, v = toks[i]
        prev = toks[i - 1][1] if i else ";"
        if v == "namespace" and kind == "ident":
            j = i + 1
            parts = []
            while j < len(toks) and (toks[j][0] == "ident" or toks[j][1] == "."):
                parts.append(toks[j][1])
                j += 1
            ns = "".join(parts)
            i = j
            continue
        if v == "[" and prev in (";", "{", "}", "]"):
            d, j = 0, i
            while j < len(toks):
                if toks[j][1] == "[":
                    d += 1
                elif toks[j][1] == "]":
                    d -= 1
                    if d == 0:
                        break
                j += 1
            pending.append(toks[i + 1:j])
            i = j + 1
            continue
        if v == "class" and kind == "ident" and i + 1 < len(toks):
            classes.append((toks[i + 1][1], depth + 1))
            pending = []
            i += 2
            continue
        if kind == "ident" and i + 1 < len(toks) and toks[i + 1][1] == "(" and \
                classes and depth == classes[-1][1] and public:
            name, methods, routable = v, set(), True
            for group in pending:
                for k, (gk, gv) in enumerate(group):
                    if gk != "ident":
                        continue
                    if gv in VERBS and (k == 0 or group[k - 1][1] in (",", "[")):
                        methods.add(VERBS[gv])
                    elif gv == "ActionName":
                        name = group[k + 2][1]
                    elif gv in ("NonAction", "ChildActionOnly"):
                        routable = False
                    elif gv == "AcceptVerbs":
                        for a, b in zip(group[k:], group[k + 1:]):
                            if a[1] == "." and b[0] == "ident":
                                methods.add(b[1].upper())
                            elif b[0] == "str":
                                methods.add(b[1].upper())
            if routable:
                ACTIONS.setdefault((ns, classes[-1][0]), {}).setdefault(
                    name, set()).update(methods or {"ANY"})
            pending, public = [], False
            # skip the parameter list
            d, j = 0, i + 1
            while j < len(toks):
                if toks[j][1] == "(":
                    d += 1
                elif toks[j][1] == ")":
                    d -= 1
                    if d == 0:
                        break
                j += 1
            i = j + 1
            continue
        if v == "public" and kind == "ident":
            public = True
        elif v in ("=",) or (v == "class" and kind == "ident"):
            public = False
        if v in (";", "{", "}") and kind == "punct":
            pending, public = [], False
            if v == "{":
                depth += 1
            elif v == "}":
                depth -= 1
                while classes and depth < classes[-1][1]:
                    classes.pop()
        i += 1


def defaults(a):
    ctl = act = ns = None
    for x in a:
        for k in range(len(x) - 2):
            if x[k] == ("ident", "controller") and x[k + 1][1] == "=" and x[k + 2][0] == "str":
                ctl = x[k + 2][1]
            if x[k] == ("ident", "action") and x[k + 1][1] == "=" and x[k + 2][0] == "str":
                act = x[k + 2][1]
            if x[k] == ("ident", "new") and x[k + 1][1] == "[" and len(x) > k + 4 and \
                    x[k + 4][0] == "str":
                ns = x[k + 4][1]
    return ctl, act, ns


def methods_of(ctl, act, ns):
    found = set()
    for (cns, cls), acts in ACTIONS.items():
        if cls != ctl + "Controller" or act not in acts:
            continue
        if ns and not (cns == ns or cns.startswith(ns + ".")):
            continue
        found |= acts[act]
    if not found or "ANY" in found:
        return ["ANY"]
    return sorted(found)


def main():
    out, attrs = set(), 0
    parsed = []
    for d, dirs, files in os.walk(sys.argv[1]):
        dirs[:] = [x for x in dirs if x != ".git" and "Tests" not in x and x.lower() != "tests"]
        for f in files:
            if not f.endswith(".cs") or "Tests" in f:
                continue
            toks = tokens(open(os.path.join(d, f), encoding="utf-8-sig", errors="replace").read())
            controllers(toks)
            parsed.append(toks)
    for toks in parsed:
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
            a = args(toks, i + 1)
            t = template(a, nth)
            if t is not None:
                ctl, act, ns = defaults(a)
                for m in methods_of(ctl, act, ns) if ctl and act else ["ANY"]:
                    out.add(m + " /" + t.lstrip("/"))
    print(f"# route attributes with a template: {attrs}", file=sys.stderr)
    for line in sorted(out):
        print(line)


main()
