/*
 * libclang, loaded when a scan needs it (dlopen), not when carve starts:
 * linking it would map and relocate libLLVM in every run of every
 * command (+55 MB resident, +60 ms), the lexical scans included. The
 * src/scan/clang_*.c files include this header instead of clang-c's and
 * call libclang's functions by their names, through the table below.
 */
#ifndef CARVE_LIBCLANG_H
#define CARVE_LIBCLANG_H

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>

/* The libclang functions carve calls. */
#define LIBCLANG_FUNCTIONS(X)                              \
	X(clang_CompilationDatabase_dispose)               \
	X(clang_CompilationDatabase_fromDirectory)         \
	X(clang_CompilationDatabase_getAllCompileCommands) \
	X(clang_CompileCommand_getArg)                     \
	X(clang_CompileCommand_getDirectory)               \
	X(clang_CompileCommand_getFilename)                \
	X(clang_CompileCommand_getNumArgs)                 \
	X(clang_CompileCommands_dispose)                   \
	X(clang_CompileCommands_getCommand)                \
	X(clang_CompileCommands_getSize)                   \
	X(clang_Cursor_getStorageClass)                    \
	X(clang_Cursor_isMacroBuiltin)                     \
	X(clang_Cursor_isNull)                             \
	X(clang_File_tryGetRealPathName)                   \
	X(clang_createIndex)                               \
	X(clang_disposeDiagnostic)                         \
	X(clang_disposeIndex)                              \
	X(clang_disposeString)                             \
	X(clang_disposeTranslationUnit)                    \
	X(clang_getCString)                                \
	X(clang_getClangVersion)                           \
	X(clang_getCursorDefinition)                       \
	X(clang_getCursorKind)                             \
	X(clang_getCursorLinkage)                          \
	X(clang_getCursorLocation)                         \
	X(clang_getCursorReferenced)                       \
	X(clang_getCursorSemanticParent)                   \
	X(clang_getCursorSpelling)                         \
	X(clang_getCursorUSR)                              \
	X(clang_getDiagnostic)                             \
	X(clang_getDiagnosticSeverity)                     \
	X(clang_getDiagnosticSpelling)                     \
	X(clang_getExpansionLocation)                      \
	X(clang_getFileName)                               \
	X(clang_getIncludedFile)                           \
	X(clang_getInclusions)                             \
	X(clang_getNumDiagnostics)                         \
	X(clang_getTranslationUnitCursor)                  \
	X(clang_isCursorDefinition)                        \
	X(clang_parseTranslationUnit2FullArgv)             \
	X(clang_visitChildren)

struct libclang_api {
#define LIBCLANG_MEMBER(f) __typeof__(&f) f;
	LIBCLANG_FUNCTIONS(LIBCLANG_MEMBER)
#undef LIBCLANG_MEMBER
};

/* The functions, once libclang_load() has succeeded. */
extern struct libclang_api libclang;

/*
 * Loads libclang ($CARVE_LIBCLANG, else the one of the LLVM carve was
 * built with, else libclang.so.1 from the library path) once; thread-
 * safe. Returns 0, or CARVE_ENOTFOUND after an error naming the library.
 */
int libclang_load(void);
/* The file of the libclang loaded, or NULL. */
const char *libclang_path(void);

/* Calls by libclang's own names go through the table. */
#ifndef LIBCLANG_NO_MACROS
#define clang_CompilationDatabase_dispose \
	libclang.clang_CompilationDatabase_dispose
#define clang_CompilationDatabase_fromDirectory \
	libclang.clang_CompilationDatabase_fromDirectory
#define clang_CompilationDatabase_getAllCompileCommands \
	libclang.clang_CompilationDatabase_getAllCompileCommands
#define clang_CompileCommand_getArg libclang.clang_CompileCommand_getArg
#define clang_CompileCommand_getDirectory \
	libclang.clang_CompileCommand_getDirectory
#define clang_CompileCommand_getFilename \
	libclang.clang_CompileCommand_getFilename
#define clang_CompileCommand_getNumArgs libclang.clang_CompileCommand_getNumArgs
#define clang_CompileCommands_dispose libclang.clang_CompileCommands_dispose
#define clang_CompileCommands_getCommand \
	libclang.clang_CompileCommands_getCommand
#define clang_CompileCommands_getSize libclang.clang_CompileCommands_getSize
#define clang_Cursor_getStorageClass libclang.clang_Cursor_getStorageClass
#define clang_Cursor_isMacroBuiltin libclang.clang_Cursor_isMacroBuiltin
#define clang_Cursor_isNull libclang.clang_Cursor_isNull
#define clang_File_tryGetRealPathName libclang.clang_File_tryGetRealPathName
#define clang_createIndex libclang.clang_createIndex
#define clang_disposeDiagnostic libclang.clang_disposeDiagnostic
#define clang_disposeIndex libclang.clang_disposeIndex
#define clang_disposeString libclang.clang_disposeString
#define clang_disposeTranslationUnit libclang.clang_disposeTranslationUnit
#define clang_getCString libclang.clang_getCString
#define clang_getClangVersion libclang.clang_getClangVersion
#define clang_getCursorDefinition libclang.clang_getCursorDefinition
#define clang_getCursorKind libclang.clang_getCursorKind
#define clang_getCursorLinkage libclang.clang_getCursorLinkage
#define clang_getCursorLocation libclang.clang_getCursorLocation
#define clang_getCursorReferenced libclang.clang_getCursorReferenced
#define clang_getCursorSemanticParent libclang.clang_getCursorSemanticParent
#define clang_getCursorSpelling libclang.clang_getCursorSpelling
#define clang_getCursorUSR libclang.clang_getCursorUSR
#define clang_getDiagnostic libclang.clang_getDiagnostic
#define clang_getDiagnosticSeverity libclang.clang_getDiagnosticSeverity
#define clang_getDiagnosticSpelling libclang.clang_getDiagnosticSpelling
#define clang_getExpansionLocation libclang.clang_getExpansionLocation
#define clang_getFileName libclang.clang_getFileName
#define clang_getIncludedFile libclang.clang_getIncludedFile
#define clang_getInclusions libclang.clang_getInclusions
#define clang_getNumDiagnostics libclang.clang_getNumDiagnostics
#define clang_getTranslationUnitCursor libclang.clang_getTranslationUnitCursor
#define clang_isCursorDefinition libclang.clang_isCursorDefinition
#define clang_parseTranslationUnit2FullArgv \
	libclang.clang_parseTranslationUnit2FullArgv
#define clang_visitChildren libclang.clang_visitChildren

#endif /* LIBCLANG_NO_MACROS */

#endif
