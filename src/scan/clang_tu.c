/*
 * Parsing one translation unit with libclang and reading off what carve
 * needs: the files read (for the cache), #include directives between
 * repository files, definitions in repository files, and references from
 * repository files to declarations. Declarations outside the repository
 * (the C library, system headers) are skipped subtree and all.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "carve/compdb.h"
#include "carve/libclang.h"
#include "carve/scan.h"
#include "carve/strbuf.h"
#include "carve/strmap.h"
#include "carve/symindex.h"
#include "carve/tu.h"
#include "carve/tucache.h"
#include "carve/u64map.h"
#include "carve/xmalloc.h"

/* What a referenced declaration resolves to, computed once per unit. */
struct decl_info {
	int skip; /* a local, a parameter, or nothing of the repository */
	unsigned sym;
	int target, decl;
};

struct visit {
	struct tu *tu;
	const struct tu_context *ctx;
	size_t root_len;
	struct u64map files; /* CXFile -> tu file index */
	struct u64map decls; /* referenced entity -> decl_info index */
	struct decl_info *info;
	size_t info_nr, info_alloc;
	struct u64map refs; /* (from, sym) -> tu ref index */
	struct u64map incs; /* (from, to) -> seen */
	struct strbuf sb;
};

unsigned tu_add_symbol(struct tu *tu, const char *usr, const char *name,
		       enum symbol_kind kind)
{
	struct tu_symbol *s;

	ALLOC_GROW(tu->syms, tu->syms_nr + 1, tu->syms_alloc);
	s = &tu->syms[tu->syms_nr];
	s->usr = arena_strdup(&tu->arena, usr);
	s->name = arena_strdup(&tu->arena, name);
	s->kind = kind;
	return (unsigned)tu->syms_nr++;
}

unsigned tu_add_file(struct tu *tu, const char *path, long file,
		     const char *stamp)
{
	struct tu_file *f;

	ALLOC_GROW(tu->files, tu->files_nr + 1, tu->files_alloc);
	f = &tu->files[tu->files_nr];
	f->path = arena_strdup(&tu->arena, path);
	f->file = file;
	snprintf(f->stamp, sizeof(f->stamp), "%s", stamp);
	return (unsigned)tu->files_nr++;
}

void tu_add_message(struct tu *tu, const char *msg)
{
	if (tu->messages_nr >= TU_MAX_MESSAGES)
		return;
	if (!tu->messages)
		tu->messages = arena_alloc(
			&tu->arena, TU_MAX_MESSAGES * sizeof(*tu->messages));
	tu->messages[tu->messages_nr++] = arena_strdup(&tu->arena, msg);
}

/* The unit's index of CXFile `f`, added on first sight. */
static unsigned file_index(struct visit *v, CXFile f)
{
	const struct tu_context *ctx = v->ctx;
	int added;
	struct u64map_entry *e = u64map_insert(&v->files, (uintptr_t)f, &added);
	CXString real = clang_File_tryGetRealPathName(f);
	const char *p = clang_getCString(real);
	char *resolved = NULL;
	const char *path;
	char stamp[48] = "";
	long file = -1;
	unsigned idx;

	if (!added) {
		clang_disposeString(real);
		return (unsigned)e->value;
	}
	if (!p || !*p) {
		CXString name = clang_getFileName(f);

		resolved = realpath(clang_getCString(name), NULL);
		if (!resolved)
			resolved = xstrdup(clang_getCString(name)
						   ? clang_getCString(name)
						   : "");
		clang_disposeString(name);
		p = resolved;
	}
	path = p;
	if (!strncmp(p, ctx->root, v->root_len) && p[v->root_len] == '/') {
		void *hit = strmap_get(ctx->by_path, p + v->root_len + 1);

		if (hit) {
			file = (long)((size_t)hit - 1);
			path = ctx->scan->files[file].path;
			snprintf(stamp, sizeof(stamp), "%s",
				 ctx->scan->files[file].blob);
		}
	}
	if (!*stamp)
		tucache_stamp(stamp, sizeof(stamp), p);
	idx = tu_add_file(v->tu, path, file, stamp);
	e->value = idx;
	clang_disposeString(real);
	free(resolved);
	return idx;
}

/* The unit's file of cursor c's expansion site, or -1 when none. */
static int cursor_file(struct visit *v, CXCursor c)
{
	CXFile f = NULL;

	clang_getExpansionLocation(clang_getCursorLocation(c), &f, NULL, NULL,
				   NULL);
	return f ? (int)file_index(v, f) : -1;
}

static int in_repo(const struct visit *v, int file)
{
	return file >= 0 && v->tu->files[file].file >= 0;
}

static int symbol_kind_of(enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_FunctionDecl:
	case CXCursor_CXXMethod:
	case CXCursor_Constructor:
	case CXCursor_Destructor:
	case CXCursor_ConversionFunction:
	case CXCursor_FunctionTemplate:
		return SYMBOL_FUNCTION;
	case CXCursor_VarDecl:
		return SYMBOL_VARIABLE;
	case CXCursor_StructDecl:
	case CXCursor_UnionDecl:
	case CXCursor_ClassDecl:
	case CXCursor_EnumDecl:
	case CXCursor_TypedefDecl:
	case CXCursor_TypeAliasDecl:
	case CXCursor_ClassTemplate:
	case CXCursor_TypeAliasTemplateDecl:
		return SYMBOL_TYPE;
	case CXCursor_EnumConstantDecl:
		return SYMBOL_CONSTANT;
	case CXCursor_MacroDefinition:
		return SYMBOL_MACRO;
	default:
		return -1;
	}
}

static int is_record(enum CXCursorKind k)
{
	return k == CXCursor_StructDecl || k == CXCursor_UnionDecl ||
	       k == CXCursor_ClassDecl || k == CXCursor_ClassTemplate;
}

/* Anonymous records have no name of their own to list. */
static int anonymous(const char *name)
{
	return !*name || strchr(name, '(') || strchr(name, ' ');
}

/* Whether definition cursor c counts: defines something others use. */
static int defines(CXCursor c, enum CXCursorKind k)
{
	switch (k) {
	case CXCursor_TypedefDecl:
	case CXCursor_TypeAliasDecl:
	case CXCursor_EnumConstantDecl:
	case CXCursor_MacroDefinition:
		return 1;
	case CXCursor_VarDecl:
		/* `int counter;` is a (tentative) definition too */
		return clang_getCursorLinkage(c) != CXLinkage_NoLinkage &&
		       (clang_isCursorDefinition(c) ||
			clang_Cursor_getStorageClass(c) != CX_SC_Extern);
	default:
		return clang_isCursorDefinition(c);
	}
}

static void record_def(struct visit *v, CXCursor c, enum CXCursorKind k,
		       int file)
{
	int kind = symbol_kind_of(k);
	CXString usr, name;
	struct tu_def *d;

	if (kind < 0 || !in_repo(v, file) || !defines(c, k))
		return;
	if (k == CXCursor_MacroDefinition && clang_Cursor_isMacroBuiltin(c))
		return;
	usr = clang_getCursorUSR(c);
	name = clang_getCursorSpelling(c);
	if (*clang_getCString(usr) &&
	    !(is_record(k) && anonymous(clang_getCString(name)))) {
		ALLOC_GROW(v->tu->defs, v->tu->defs_nr + 1, v->tu->defs_alloc);
		d = &v->tu->defs[v->tu->defs_nr++];
		d->sym = tu_add_symbol(v->tu, clang_getCString(usr),
				       clang_getCString(name),
				       (enum symbol_kind)kind);
		d->file = (unsigned)file;
	}
	clang_disposeString(usr);
	clang_disposeString(name);
}

/* Fills `info` for referenced entity r (a declaration or a macro). */
static void describe(struct visit *v, CXCursor r, struct decl_info *info)
{
	enum CXCursorKind k = clang_getCursorKind(r);
	CXCursor def;
	CXString usr, name;
	int kind;

	info->skip = 1;
	if (k == CXCursor_FieldDecl) {
		/* p->x depends on the record that holds x */
		r = clang_getCursorSemanticParent(r);
		k = clang_getCursorKind(r);
		if (!is_record(k))
			return;
	}
	kind = symbol_kind_of(k);
	if (kind < 0)
		return;
	if (k == CXCursor_VarDecl &&
	    clang_getCursorLinkage(r) == CXLinkage_NoLinkage)
		return; /* a local variable */
	def = clang_getCursorDefinition(r);
	info->target = clang_Cursor_isNull(def) ? -1 : cursor_file(v, def);
	if (!in_repo(v, info->target))
		info->target = -1;
	info->decl = cursor_file(v, r);
	if (!in_repo(v, info->decl))
		info->decl = -1;
	if (info->target < 0 && info->decl < 0)
		return; /* the C library, a system header, a -D macro */
	usr = clang_getCursorUSR(r);
	name = clang_getCursorSpelling(r);
	if (*clang_getCString(usr) && !anonymous(clang_getCString(name))) {
		info->sym = tu_add_symbol(v->tu, clang_getCString(usr),
					  clang_getCString(name),
					  (enum symbol_kind)kind);
		info->skip = 0;
	}
	clang_disposeString(usr);
	clang_disposeString(name);
}

static void record_ref(struct visit *v, CXCursor c)
{
	CXCursor r = clang_getCursorReferenced(c);
	struct decl_info *info;
	struct tu_ref *ref;
	struct u64map_entry *e;
	int added, from;

	if (clang_Cursor_isNull(r) || !r.data[0])
		return;
	e = u64map_insert(&v->decls, (uintptr_t)r.data[0], &added);
	if (added) {
		ALLOC_GROW(v->info, v->info_nr + 1, v->info_alloc);
		memset(&v->info[v->info_nr], 0, sizeof(*v->info));
		e->value = v->info_nr;
		describe(v, r, &v->info[v->info_nr]);
		info = &v->info[v->info_nr++];
	} else {
		info = &v->info[e->value];
	}
	if (info->skip)
		return;
	from = cursor_file(v, c);
	if (!in_repo(v, from))
		return;
	e = u64map_insert(&v->refs, (uint64_t)from << 32 | info->sym, &added);
	if (!added) {
		v->tu->refs[e->value].count++;
		return;
	}
	e->value = v->tu->refs_nr;
	ALLOC_GROW(v->tu->refs, v->tu->refs_nr + 1, v->tu->refs_alloc);
	ref = &v->tu->refs[v->tu->refs_nr++];
	ref->from = (unsigned)from;
	ref->sym = info->sym;
	ref->target = info->target;
	ref->decl = info->decl;
	ref->count = 1;
}

static void record_include(struct visit *v, CXCursor c, int from)
{
	CXFile f = clang_getIncludedFile(c);
	int to, added;

	if (!f || !in_repo(v, from))
		return;
	to = (int)file_index(v, f);
	if (!in_repo(v, to) || to == from)
		return;
	u64map_insert(&v->incs, (uint64_t)from << 32 | (unsigned)to, &added);
	if (!added)
		return;
	ALLOC_GROW(v->tu->incs, v->tu->incs_nr + 1, v->tu->incs_alloc);
	v->tu->incs[v->tu->incs_nr].from = (unsigned)from;
	v->tu->incs[v->tu->incs_nr++].to = (unsigned)to;
}

static int is_reference(enum CXCursorKind k)
{
	return k == CXCursor_DeclRefExpr || k == CXCursor_MemberRefExpr ||
	       k == CXCursor_TypeRef || k == CXCursor_MemberRef ||
	       k == CXCursor_MacroExpansion || k == CXCursor_TemplateRef;
}

/* Containers whose children are definitions others may use. */
static int holds_definitions(enum CXCursorKind k)
{
	return k == CXCursor_EnumDecl || k == CXCursor_Namespace ||
	       k == CXCursor_LinkageSpec || is_record(k);
}

static enum CXChildVisitResult visit_inner(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct visit *v = data;
	enum CXCursorKind k = clang_getCursorKind(c);

	if (is_reference(k)) {
		record_ref(v, c);
	} else if (holds_definitions(clang_getCursorKind(parent)) &&
		   symbol_kind_of(k) >= 0) {
		record_def(v, c, k, cursor_file(v, c));
	}
	return CXChildVisit_Recurse;
}

/*
 * Top level: the file decides. Whole subtrees in system headers are
 * skipped, which is most of a unit's declarations.
 */
static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent,
					 CXClientData data)
{
	struct visit *v = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	int file = cursor_file(v, c);

	(void)parent;
	if (!in_repo(v, file))
		return CXChildVisit_Continue;
	if (k == CXCursor_InclusionDirective) {
		record_include(v, c, file);
		return CXChildVisit_Continue;
	}
	if (k == CXCursor_MacroExpansion) {
		record_ref(v, c);
		return CXChildVisit_Continue;
	}
	record_def(v, c, k, file);
	clang_visitChildren(c, visit_inner, v);
	return CXChildVisit_Continue;
}

static void read_files(CXFile f, CXSourceLocation *stack, unsigned len,
		       CXClientData data)
{
	(void)stack;
	(void)len;
	file_index(data, f);
}

static void count_diagnostics(struct tu *tu, CXTranslationUnit unit)
{
	unsigned n = clang_getNumDiagnostics(unit);

	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(unit, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);

		if (sev >= CXDiagnostic_Error) {
			CXString s = clang_getDiagnosticSpelling(d);

			tu->errors++;
			tu_add_message(tu, clang_getCString(s));
			clang_disposeString(s);
		} else if (sev == CXDiagnostic_Warning) {
			tu->warnings++;
		}
		clang_disposeDiagnostic(d);
	}
}

int tu_parse(struct tu *tu, void *index, const struct compdb_entry *e,
	     const struct tu_context *ctx)
{
	unsigned flags = CXTranslationUnit_KeepGoing |
			 CXTranslationUnit_DetailedPreprocessingRecord;
	CXTranslationUnit unit = NULL;
	struct visit v = { 0 };
	enum CXErrorCode err;
	const char **argv = e->argv;
	int argc = e->argc;

	tu->main = arena_strdup(&tu->arena, e->file);
	if (ctx->overlay) {
		/* what the unit may open: see clang_scan.c */
		argv = xcalloc((size_t)e->argc + 3, sizeof(*argv));
		memcpy(argv, e->argv, (size_t)e->argc * sizeof(*argv));
		argv[argc++] = "-ivfsoverlay";
		argv[argc++] = ctx->overlay;
	}
	err = clang_parseTranslationUnit2FullArgv(index, NULL, argv, argc, NULL,
						  0, flags, &unit);
	if (argv != e->argv)
		free(argv);
	if (err != CXError_Success || !unit) {
		const struct scan_file *f = &ctx->scan->files[e->scan_index];
		struct strbuf path = STRBUF_INIT;
		char stamp[48];

		tu->status = err == CXError_Crashed ? TU_CRASHED : TU_FAILED;
		/* cached as such until the main file or the command changes */
		if (*f->blob) {
			snprintf(stamp, sizeof(stamp), "%s", f->blob);
		} else {
			strbuf_addf(&path, "%s/%s", ctx->root, f->path);
			tucache_stamp(stamp, sizeof(stamp), path.buf);
		}
		tu_add_file(tu, f->path, (long)e->scan_index, stamp);
		strbuf_release(&path);
		return 0;
	}
	tu->status = TU_PARSED;
	count_diagnostics(tu, unit);
	v.tu = tu;
	v.ctx = ctx;
	v.root_len = strlen(ctx->root);
	clang_getInclusions(unit, read_files, &v);
	clang_visitChildren(clang_getTranslationUnitCursor(unit), visit_top,
			    &v);
	clang_disposeTranslationUnit(unit);
	u64map_release(&v.files);
	u64map_release(&v.decls);
	u64map_release(&v.refs);
	u64map_release(&v.incs);
	free(v.info);
	strbuf_release(&v.sb);
	return 0;
}

void tu_release(struct tu *tu)
{
	if (!tu)
		return;
	free(tu->files);
	free(tu->syms);
	free(tu->defs);
	free(tu->refs);
	free(tu->incs);
	arena_release(&tu->arena);
	memset(tu, 0, sizeof(*tu));
}

void symindex_add_tu(struct symindex *ix, const struct tu *tu)
{
	for (size_t i = 0; i < tu->defs_nr; i++) {
		const struct tu_def *d = &tu->defs[i];
		const struct tu_symbol *s = &tu->syms[d->sym];

		symindex_add_def(ix, s->usr, s->name, s->kind,
				 (size_t)tu->files[d->file].file);
	}
	for (size_t i = 0; i < tu->refs_nr; i++) {
		const struct tu_ref *r = &tu->refs[i];
		const struct tu_symbol *s = &tu->syms[r->sym];
		struct symref ref;

		ref.from = (size_t)tu->files[r->from].file;
		ref.usr = s->usr;
		ref.name = s->name;
		ref.kind = s->kind;
		ref.target = r->target < 0 ? -1 : tu->files[r->target].file;
		ref.decl = r->decl < 0 ? -1 : tu->files[r->decl].file;
		ref.count = r->count;
		symindex_add_ref(ix, &ref);
	}
}
