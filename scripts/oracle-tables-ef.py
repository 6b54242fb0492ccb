#!/usr/bin/env python3
"""Entity Framework tables of a C# repository, independently of carve.

Entities are the concrete classes whose base chain (followed by class
name across the repository) reaches BaseEntity, plus the T of every
DbSet<T>. The table of an entity is, in order: ToTable("x") in its
EntityTypeConfiguration<T> (EF6) / IEntityTypeConfiguration<T> (EF Core)
class or in modelBuilder.Entity<T>(), [Table("x")] on the class, the
DbSet property's name (EF Core), else the class name (EF6 without the
pluralising convention, which nopCommerce removes). Many-to-many join
tables mapped with .Map(m => m.ToTable("x")) are tables too. Test
projects (a path part ending in Tests or Test) are skipped.

usage: oracle-tables-ef.py REPO   (one table a line, sorted)
"""
import os
import re
import sys

CLASS = re.compile(
    r"\b(?P<mods>(?:(?:public|internal|private|protected|partial|abstract|sealed|static)\s+)*)"
    r"class\s+(?P<name>\w+)(?:<[^>{]*>)?\s*(?::\s*(?P<bases>[^{]+?))?\s*(?:where\b[^{]*)?\{")
CONFIG = re.compile(r"EntityTypeConfiguration<\s*(?:\w+\.)*(\w+)\s*>")
TOTABLE = re.compile(r"ToTable\(\s*\"([^\"]+)\"")
MAP_TOTABLE = re.compile(r"\.Map\(\s*\w+\s*=>\s*\w+\.ToTable\(\s*\"([^\"]+)\"")
ENTITY_TOTABLE = re.compile(r"Entity<\s*(?:\w+\.)*(\w+)\s*>\(\)\s*\.ToTable\(\s*\"([^\"]+)\"")
ATTR_TABLE = re.compile(r"\[Table\(\s*\"([^\"]+)\"[^\]]*\]\s*(?:\[[^\]]*\]\s*)*"
                        r"(?:(?:public|internal|partial|sealed)\s+)*class\s+(\w+)")
DBSET = re.compile(r"(?<![\w])DbSet<\s*(?:\w+\.)*(\w+)\s*>\s+(\w+)\s*\{")
COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def main():
    repo = sys.argv[1]
    bases, abstract = {}, set()
    config, attr, dbset, joins = {}, {}, {}, set()
    for root, dirs, files in os.walk(repo):
        dirs[:] = [d for d in dirs if not d.startswith(".") and
                   not d.endswith(("Tests", "Test")) and d not in ("bin", "obj", "packages")]
        for f in files:
            if not f.endswith(".cs"):
                continue
            text = COMMENT.sub("", open(os.path.join(root, f), encoding="utf-8-sig",
                                        errors="replace").read())
            for m in CLASS.finditer(text):
                b = [re.sub(r"<.*", "", x.strip()).split(".")[-1]
                     for x in (m.group("bases") or "").split(",") if x.strip()]
                bases.setdefault(m.group("name"), set()).update(b)
                if "abstract" in m.group("mods") or "private" in m.group("mods"):
                    abstract.add(m.group("name"))
                cfg = CONFIG.search(m.group("bases") or "")
                if cfg:
                    # the configuration class's body: up to the next class
                    nxt = CLASS.search(text, m.end())
                    body = text[m.end(): nxt.start() if nxt else len(text)]
                    t = [x for x in TOTABLE.findall(body)]
                    joins.update(MAP_TOTABLE.findall(body))
                    own = [x for x in t if x not in joins]
                    if own:
                        config[cfg.group(1)] = own[0]
            for ent, table in ENTITY_TOTABLE.findall(text):
                config[ent] = table
            for table, cls in ATTR_TABLE.findall(text):
                attr[cls] = table
            for ent, prop in DBSET.findall(text):
                dbset[ent] = prop

    def reaches(c, seen=()):
        if c in seen:
            return False
        return any(b == "BaseEntity" or reaches(b, seen + (c,)) for b in bases.get(c, ()))

    entities = {c for c in bases if reaches(c) and c not in abstract} | set(dbset)
    tables = set(joins)
    for e in entities:
        tables.add(config.get(e) or attr.get(e) or dbset.get(e) or e)
    for t in sorted(tables):
        print(t)


if __name__ == "__main__":
    main()
