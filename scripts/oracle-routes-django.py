#!/usr/bin/env python3
"""oracle-routes-django: the endpoints a Django project serves, found with
Python's ast (independently of carve's token reader) by following the
URLconf from ROOT_URLCONF:

- module-level lists of path()/re_path()/url() and path helpers (any
  name ending in "path", e.g. zulip's rest_path(route, GET=f, POST=g):
  one endpoint per upper-case HTTP keyword, else "ANY");
- list arithmetic (=, +=, +, list(x), .append, .extend, i18n_patterns(*x)),
  in if-branches too; a non-literal route (settings.BASE_PATH) is "";
- include("mod.urls") into that module's urlpatterns, include(list),
  include((list, "ns")), include(router.urls); an include of a call
  (netbox's get_model_urls()) serves its mount point ("ANY");
- Django REST framework routers: router.register(prefix, ViewSet) as
  DRF routes it: the list route (list GET, create POST, and NetBox's
  bulk_update PUT, bulk_partial_update PATCH, bulk_destroy DELETE) and
  the detail route (retrieve GET, update PUT, partial_update PATCH,
  destroy DELETE) when the viewset's class hierarchy (read with ast from
  every .py file, plus DRF's own mixins) defines the method, @action
  routes, http_method_names, and the API root view of a DefaultRouter;
- a route to a class-based view (X.as_view()) has the handlers (get,
  post, put, patch, delete) its class hierarchy defines, Django's and
  DRF's generic views built in, "ANY" when none is known; a route to a
  function view, the methods its decorators say (@require_POST,
  @require_GET, @require_safe, zulip's @require_post,
  @require_http_methods, DRF's @api_view).

Prints "METHOD PATH", sorted.

    oracle-routes-django.py SRC_ROOT ROOT_URLCONF [EXTRA_URLCONF ...]
    oracle-routes-django.py /work/repos/netbox/netbox netbox.urls
    oracle-routes-django.py /work/repos/zulip zproject.urls \
        analytics.urls corporate.urls zilencer.urls
"""
import ast
import os
import sys

SRC = sys.argv[1]
OUT = set()
DRF = {
    "ModelViewSet": ["list", "create", "retrieve", "update", "partial_update", "destroy"],
    "ReadOnlyModelViewSet": ["list", "retrieve"],
    "ListModelMixin": ["list"], "CreateModelMixin": ["create"],
    "RetrieveModelMixin": ["retrieve"],
    "UpdateModelMixin": ["update", "partial_update"],
    "DestroyModelMixin": ["destroy"],
}
# Django's and DRF's class-based views: the handlers they define
# (RedirectView answers every method and is left out: ANY)
VIEWS = {
    "TemplateView": ["get"], "ListView": ["get"], "DetailView": ["get"],
    "ArchiveIndexView": ["get"], "FormView": ["get", "post", "put"],
    "CreateView": ["get", "post", "put"], "UpdateView": ["get", "post", "put"],
    "DeleteView": ["get", "post", "delete"], "LoginView": ["get", "post"],
    "LogoutView": ["post"], "ListAPIView": ["get"], "CreateAPIView": ["post"],
    "RetrieveAPIView": ["get"], "DestroyAPIView": ["delete"],
    "UpdateAPIView": ["put", "patch"], "ListCreateAPIView": ["get", "post"],
    "RetrieveUpdateAPIView": ["get", "put", "patch"],
    "RetrieveDestroyAPIView": ["get", "delete"],
    "RetrieveUpdateDestroyAPIView": ["get", "put", "patch", "delete"],
}
HANDLERS = ["get", "post", "put", "patch", "delete"]
LIST_ROUTE = [("list", "GET"), ("create", "POST"), ("bulk_update", "PUT"),
              ("bulk_partial_update", "PATCH"), ("bulk_destroy", "DELETE")]
DETAIL_ROUTE = [("retrieve", "GET"), ("update", "PUT"),
                ("partial_update", "PATCH"), ("destroy", "DELETE")]
VERBS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
CLASSES = {}
FUNCS = {}  # function views whose decorators say their methods


def name_of(e):
    if isinstance(e, ast.Name):
        return e.id
    if isinstance(e, ast.Attribute):
        return e.attr
    return None


def decorated_methods(fn):
    """@require_POST, @require_GET, @require_safe, @require_post,
    @require_http_methods([...]), @api_view([...]) (alone: GET)."""
    out = set()
    for d in fn.decorator_list:
        call = d if isinstance(d, ast.Call) else None
        name = name_of(call.func if call else d)
        if name in ("require_POST", "require_post"):
            out.add("POST")
        elif name in ("require_GET", "require_safe"):
            out.add("GET")
        elif name in ("require_http_methods", "api_view"):
            listed = []
            if call and call.args and isinstance(call.args[0], (ast.List, ast.Tuple)):
                listed = [e.value.upper() for e in call.args[0].elts
                          if isinstance(e, ast.Constant)]
            if not listed and name == "api_view":
                listed = ["GET"]
            out.update(listed)
    return out


def index_classes():
    for d, dirs, files in os.walk(SRC):
        dirs[:] = [x for x in dirs if x not in (".git", "node_modules", "tests")]
        for f in files:
            if not f.endswith(".py"):
                continue
            try:
                tree = ast.parse(open(os.path.join(d, f), encoding="utf-8").read())
            except (SyntaxError, UnicodeDecodeError, ValueError):
                continue
            for fn in tree.body:
                if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    methods = decorated_methods(fn)
                    if methods:
                        FUNCS.setdefault(fn.name, set()).update(methods)
            for c in ast.walk(tree):
                if not isinstance(c, ast.ClassDef):
                    continue
                info = {"bases": [name_of(b) for b in c.bases], "defs": set(),
                        "actions": [], "http": None}
                for s in c.body:
                    if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        info["defs"].add(s.name)
                        for dec in s.decorator_list:
                            if isinstance(dec, ast.Call) and name_of(dec.func) == "action":
                                kw = {k.arg: k.value for k in dec.keywords}
                                detail = isinstance(kw.get("detail"), ast.Constant) and kw["detail"].value is True
                                methods = ["get"]
                                if isinstance(kw.get("methods"), (ast.List, ast.Tuple)):
                                    methods = [m.value for m in kw["methods"].elts]
                                up = kw["url_path"].value if isinstance(kw.get("url_path"), ast.Constant) else s.name
                                info["actions"].append((detail, methods, up))
                    if isinstance(s, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id == "http_method_names" for t in s.targets):
                        if isinstance(s.value, (ast.List, ast.Tuple)):
                            info["http"] = [m.value for m in s.value.elts]
                CLASSES.setdefault(c.name, []).append(info)


def mro(name, seen=None):
    seen = seen if seen is not None else []
    if not name or name in seen or len(seen) > 30:
        return seen
    seen.append(name)
    for info in CLASSES.get(name, []):
        for b in info["bases"]:
            mro(b, seen)
    return seen


def viewset_routes(prefix, cls):
    defs, actions, http = set(), [], None
    for c in mro(cls):
        # a name defined in several modules: any of them may be the base
        for info in CLASSES.get(c, []):
            defs |= info["defs"]
            actions += info["actions"]
            if http is None:
                http = info["http"]
        if c not in CLASSES:
            defs |= set(DRF.get(c, []))
    lst = prefix.rstrip("/") + "/"
    det = lst + "{pk}/"

    def add(m, p):
        if http is None or m.lower() in http:
            OUT.add((m, p))
    for d, m in LIST_ROUTE:
        if d in defs:
            add(m, lst)
    for d, m in DETAIL_ROUTE:
        if d in defs:
            add(m, det)
    for detail, methods, up in actions:
        for m in methods:
            add(m.upper(), (det if detail else lst) + up + "/")


def view_methods(cls):
    """GET, POST ... of a class-based view; ["ANY"] when none is known."""
    defs, http = set(), None
    for c in mro(cls):
        for info in CLASSES.get(c, []):
            defs |= info["defs"]
            if http is None:
                http = info["http"]
        if c not in CLASSES:
            defs |= set(VIEWS.get(c, []))
    out = [h.upper() for h in HANDLERS if h in defs and (http is None or h in http)]
    return out or ["ANY"]


def module_file(mod):
    base = os.path.join(SRC, *mod.split("."))
    for f in (base + ".py", os.path.join(base, "__init__.py")):
        if os.path.exists(f):
            return f
    return None


def join(a, b):
    return a + b


class Module:
    def __init__(self, mod):
        self.lists = {}
        self.routers = {}
        self.imports = {}
        f = module_file(mod)
        self.tree = ast.parse(open(f, encoding="utf-8").read()) if f else None
        if self.tree:
            self.stmts(self.tree.body)

    def stmts(self, body):
        for s in body:
            if isinstance(s, ast.If):
                self.stmts(s.body)
                self.stmts(s.orelse)
            elif isinstance(s, ast.ImportFrom) and s.module:
                for a in s.names:
                    self.imports[a.asname or a.name] = s.module
            elif isinstance(s, (ast.Assign, ast.AnnAssign)):
                targets = s.targets if isinstance(s, ast.Assign) else [s.target]
                for t in targets:
                    if isinstance(t, ast.Name) and s.value is not None:
                        if isinstance(s.value, ast.Call) and (name_of(s.value.func) or "").endswith("Router"):
                            self.routers[t.id] = {"cls": name_of(s.value.func), "regs": []}
                        else:
                            self.lists[t.id] = self.expr(s.value)
            elif isinstance(s, ast.AugAssign) and isinstance(s.target, ast.Name):
                self.lists.setdefault(s.target.id, []).extend(self.expr(s.value))
            elif isinstance(s, ast.Expr) and isinstance(s.value, ast.Call):
                f = s.value.func
                if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
                    v = f.value.id
                    if f.attr in ("append", "insert"):
                        self.lists.setdefault(v, []).extend(self.expr(s.value.args[-1], single=True))
                    elif f.attr == "extend":
                        self.lists.setdefault(v, []).extend(self.expr(s.value.args[0]))
                    elif f.attr == "register" and v in self.routers:
                        a = s.value.args
                        if len(a) >= 2 and isinstance(a[0], ast.Constant):
                            self.routers[v]["regs"].append((a[0].value, name_of(a[1])))

    def expr(self, e, single=False):
        """A list of entries: ("route", path, methods) / ("include", path, target)."""
        if isinstance(e, (ast.List, ast.Tuple)):
            out = []
            for x in e.elts:
                out += self.expr(x, single=True)
            return out
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add):
            return self.expr(e.left) + self.expr(e.right)
        if isinstance(e, ast.Starred):
            return self.expr(e.value)
        if isinstance(e, ast.Name):
            return [("list", "", e.id)]
        if isinstance(e, ast.Attribute) and e.attr == "urls" and isinstance(e.value, ast.Name):
            return [("router", "", e.value.id)]
        if isinstance(e, ast.Call):
            fn = name_of(e.func) or ""
            if fn in ("list", "i18n_patterns") and e.args:
                out = []
                for a in e.args:
                    out += self.expr(a)
                return out
            if fn.endswith("path") or fn == "url":
                return self.route(e)
        return []

    def route(self, call):
        a = call.args
        methods = [k.arg for k in call.keywords if k.arg in VERBS]
        if not a or (len(a) < 2 and not methods):
            return []
        lit = isinstance(a[0], ast.Constant) and isinstance(a[0].value, str)
        path = a[0].value if lit else ""
        view = a[1] if len(a) > 1 else None
        if isinstance(view, ast.Call) and name_of(view.func) == "include":
            arg = view.args[0]
            if isinstance(arg, ast.Tuple):
                arg = arg.elts[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                return [("module", path, arg.value)]
            if isinstance(arg, ast.Call):
                return [("route", path, ["ANY"])] if lit else []
            return [("sub", path, self.expr(arg))]
        if not lit:
            return []
        if not methods:
            for k in call.keywords:
                if k.arg == "methods" and isinstance(k.value, (ast.Tuple, ast.List)):
                    methods = [m.value for m in k.value.elts]
        if not methods and isinstance(view, (ast.Name, ast.Attribute)):
            # a function view: what its decorators say
            m = FUNCS.get(name_of(view))
            if m:
                methods = [x for x in ("GET", "POST", "PUT", "PATCH", "DELETE") if x in m]
        if not methods and view is not None:
            # views.OrderView.as_view(...), possibly wrapped in a decorator call
            for node in ast.walk(view):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                        and node.func.attr == "as_view":
                    methods = view_methods(name_of(node.func.value))
                    break
        return [("route", path, methods or ["ANY"])]


MODULES = {}


def module(mod):
    if mod not in MODULES:
        MODULES[mod] = Module(mod)
    return MODULES[mod]


def clean(p):
    return p[1:] if p.startswith("^") else p


def walk(mod, entries, prefix, depth=0):
    if depth > 10:
        return
    for kind, path, x in entries:
        path = clean(path).rstrip("$") if kind != "list" else ""
        p = join(prefix, path)
        if kind == "route":
            for m in x:
                OUT.add((m, "/" + p))
        elif kind == "list":
            if x in mod.lists:
                walk(mod, mod.lists[x], p, depth + 1)
            elif x in mod.imports:  # from app.urls import patterns
                sub = module(mod.imports[x])
                if x in sub.lists:
                    walk(sub, sub.lists[x], p, depth + 1)
            elif x in mod.routers:
                walk(mod, [("router", "", x)], p, depth + 1)
        elif kind == "sub":
            walk(mod, x, p, depth + 1)
        elif kind == "router":
            r = mod.routers.get(x)
            if not r:
                continue
            if "DefaultRouter" in mro(r["cls"]):
                OUT.add(("GET", "/" + p))
            for prefix_, cls in r["regs"]:
                viewset_routes("/" + p + prefix_, cls)
        elif kind == "module":
            sub = module(x)
            walk(sub, [("list", "", "urlpatterns")], p, depth + 1)


def main():
    index_classes()
    for root in sys.argv[2:]:
        walk(module(root), [("list", "", "urlpatterns")], "")
    for m, p in sorted(OUT):
        print(m, p.replace("//", "/"))


main()
