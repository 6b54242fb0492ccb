#!/usr/bin/env python3
"""Django's tables of a repository, independently of carve.

Parses every Python file with the ast module, resolves each class's bases
through the file's imports (relative and absolute, following packages'
re-exports), and lists the table of every concrete model: a class whose
bases reach django.db.models.Model (or a known model base of a library:
MPTT, django.contrib.auth, taggit), not abstract, not a proxy. The table is
Meta.db_table, else "<app_label>_<class name in lower case>", where the app
label is Meta.app_label or the name of the package holding the models
module. ManyToManyFields without through= add Django's automatic join
table "<model table>_<field name>" (fields of abstract bases are
inherited). Test code (tests/ and test folders, test_*.py) and migrations
are skipped.

usage: oracle-tables-django.py REPO   (one table a line, sorted)
"""
import ast
import os
import sys

EXTERNAL_MODELS = {
    "django.db.models.Model",
    "django.db.models.base.Model",
    "mptt.models.MPTTModel",
    "django.contrib.auth.models.AbstractUser",
    "django.contrib.auth.models.AbstractBaseUser",
    "django.contrib.auth.base_user.AbstractBaseUser",
    "django.contrib.auth.models.PermissionsMixin",
    "django.contrib.auth.models.Group",
    "taggit.models.TagBase",
    "taggit.models.GenericTaggedItemBase",
    "taggit.models.TaggedItemBase",
    "taggit.models.ItemBase",
}


def skipped(rel):
    parts = rel.split("/")
    if any(p in ("tests", "test", "migrations", "node_modules") for p in parts[:-1]):
        return True
    base = parts[-1]
    return base.startswith("test_") or base.endswith("_test.py")


class Module:
    def __init__(self, name, path, tree, is_pkg):
        self.name = name
        self.path = path
        self.tree = tree
        self.is_pkg = is_pkg
        self.classes = {}
        self.imports = {}  # local name -> dotted target
        self.star = []  # modules imported with *
        pkg = name if is_pkg else name.rpartition(".")[0]
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                self.classes[node.name] = node
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = pkg.split(".")
                    up = up[: len(up) - (node.level - 1)]
                    base = ".".join(up + ([node.module] if node.module else []))
                for a in node.names:
                    if a.name == "*":
                        self.star.append(base)
                    else:
                        self.imports[a.asname or a.name] = base + "." + a.name
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname:
                        self.imports[a.asname] = a.name
                    else:
                        self.imports[a.name.split(".")[0]] = a.name.split(".")[0]


def load(repo):
    mods = {}
    for root, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "node_modules"]
        for f in files:
            if not f.endswith(".py"):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, repo)
            if skipped(rel):
                continue
            try:
                tree = ast.parse(open(path, encoding="utf-8").read())
            except (SyntaxError, UnicodeDecodeError):
                continue
            is_pkg = f == "__init__.py"
            dotted = rel[:-3].replace("/", ".")
            if is_pkg:
                dotted = dotted[: -len(".__init__")]
            # every suffix is a candidate module name (source roots vary)
            parts = dotted.split(".")
            m = Module(dotted, rel, tree, is_pkg)
            for i in range(len(parts)):
                mods.setdefault(".".join(parts[i:]), []).append(m)
    return mods


def find_module(mods, name, near):
    cands = mods.get(name, [])
    if not cands:
        return None
    # the candidate sharing the longest path with the importing file
    def common(m):
        a, b = m.path.split("/"), near.path.split("/")
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n
    return max(cands, key=lambda m: (common(m), -len(m.path)))


def lookup(mods, mod, name, seen=None):
    """The (module, ClassDef) named `name` in module `mod`, or a dotted
    external name (str) when it comes from outside the repository."""
    seen = seen or set()
    if (mod.path, name) in seen:
        return None
    seen.add((mod.path, name))
    if "." in name:
        head, _, rest = name.partition(".")
        target = mod.imports.get(head, head)
        full = target + "." + rest
        sub = find_module(mods, full.rpartition(".")[0], mod)
        if sub:
            r = lookup(mods, sub, full.rpartition(".")[2], seen)
            if r:
                return r
        return full
    if name in mod.classes:
        return (mod, mod.classes[name])
    if name in mod.imports:
        full = mod.imports[name]
        src = find_module(mods, full.rpartition(".")[0], mod)
        if src:
            r = lookup(mods, src, full.rpartition(".")[2], seen)
            if r:
                return r
        return full
    for star in mod.star:
        src = find_module(mods, star, mod)
        if src:
            r = lookup(mods, src, name, seen)
            if r and not isinstance(r, str):
                return r
    return None


def dotted(expr):
    if isinstance(expr, ast.Name):
        return expr.id
    if isinstance(expr, ast.Attribute):
        d = dotted(expr.value)
        return d and d + "." + expr.attr
    if isinstance(expr, ast.Subscript):
        return dotted(expr.value)
    return None


def meta(cls):
    out = {}
    for node in cls.body:
        if isinstance(node, ast.ClassDef) and node.name == "Meta":
            for st in node.body:
                if isinstance(st, ast.Assign) and isinstance(st.value, ast.Constant):
                    for t in st.targets:
                        if isinstance(t, ast.Name):
                            out[t.id] = st.value.value
    return out


def is_model(mods, mod, cls, depth=0):
    if depth > 30:
        return False
    for b in cls.bases:
        d = dotted(b)
        if not d:
            continue
        r = lookup(mods, mod, d)
        if isinstance(r, str):
            if r in EXTERNAL_MODELS:
                return True
        elif r and r[1] is not cls and is_model(mods, r[0], r[1], depth + 1):
            return True
    return False


def m2m_fields(mods, mod, cls, depth=0):
    out = []
    for st in cls.body:
        if not isinstance(st, ast.Assign) or not isinstance(st.value, ast.Call):
            continue
        f = dotted(st.value.func) or ""
        if f.split(".")[-1] != "ManyToManyField":
            continue
        if any(k.arg == "through" for k in st.value.keywords):
            continue
        for t in st.targets:
            if isinstance(t, ast.Name):
                out.append(t.id)
    if depth < 30:
        for b in cls.bases:
            d = dotted(b)
            r = d and lookup(mods, mod, d)
            if r and not isinstance(r, str) and meta(r[1]).get("abstract"):
                out += m2m_fields(mods, r[0], r[1], depth + 1)
    return out


def app_label(mod):
    parts = mod.name.split(".")
    if "models" in parts:
        # the package holding the (first) models module or package
        i = parts.index("models")
        return parts[i - 1] if i else parts[0]
    return parts[-2] if len(parts) > 1 else parts[0]


def main():
    repo = sys.argv[1]
    mods = load(repo)
    tables = set()
    done = set()
    for ms in mods.values():
        for mod in ms:
            if mod.path in done:
                continue
            done.add(mod.path)
            for cls in mod.classes.values():
                if not is_model(mods, mod, cls):
                    continue
                m = meta(cls)
                if m.get("abstract") or m.get("proxy"):
                    continue
                label = m.get("app_label") or app_label(mod)
                table = m.get("db_table") or "%s_%s" % (label, cls.name.lower())
                tables.add(table)
                for f in m2m_fields(mods, mod, cls):
                    tables.add(("%s_%s" % (table, f)).lower())
    for t in sorted(tables):
        print(t)


if __name__ == "__main__":
    main()
