# carve: one non-recursive Makefile, out-of-tree build in build/.
#   make            build build/carve
#   make check      install missing dependencies, build, run every test
#   make check-style clang-format of the last change, and the layers
#   make check-asan the test suite under AddressSanitizer + UBSan
#   make demo       build and run the main job on the bundled sample
#   make bench      benchmarks against reference tools (see BENCHMARKS.md)
#   make fuzz       every libFuzzer target for FUZZ_TIME seconds (clang)
#   make fuzz-smoke the same for FUZZ_SMOKE_TIME seconds (CI)
#   make check-valgrind  end-to-end tests under valgrind memcheck
#   make install    PREFIX=/usr/local DESTDIR= (binary, man pages, completions)
#   make uninstall  the same PREFIX and DESTDIR: removes what install wrote
#   make dist       build/carve-VERSION.tar.gz from the last commit
#   make distcheck  that tarball built, checked and installed in a clean dir
#   make deb        the Debian package (dpkg-buildpackage, lintian, install)

PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
DOCDIR = $(PREFIX)/share/doc/carve
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
B ?= build

CC ?= cc
PKGS = libgit2 libcjson libcgraph libgvc igraph
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)
# PNG charts: librsvg renders carve's SVG onto a cairo surface. Their
# headers (and glib's) are system headers, kept out of our warnings.
RSVG_PKGS = librsvg-2.0 cairo
RSVG_CFLAGS := $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(RSVG_PKGS) 2>/dev/null))
RSVG_LIBS := $(shell pkg-config --libs $(RSVG_PKGS) 2>/dev/null)
# libclang (LLVM 14) has no pkg-config file: llvm-config says where it is.
LLVM_CONFIG ?= llvm-config-14
LLVM_PREFIX := $(shell $(LLVM_CONFIG) --prefix 2>/dev/null || echo /usr/lib/llvm-14)
LLVM_VERSION := $(shell $(LLVM_CONFIG) --version 2>/dev/null || echo 14.0.6)
CLANG_CFLAGS = -isystem $(LLVM_PREFIX)/include
# loaded when a scan needs it (src/scan/clang_load.c), not linked
CLANG_LIBRARY = $(LLVM_PREFIX)/lib/libclang.so.1
CLANG_RESOURCE_DIR = $(LLVM_PREFIX)/lib/clang/$(LLVM_VERSION)

VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)
WARN = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
       -Wno-sign-compare -Wno-missing-field-initializers -Wformat=2 -Werror
CFLAGS ?= -O2 -g
# Functions carve does not call (strcpy, sprintf, strtok, gmtime, ...)
# are a compile error in every file built here: include/carve/banned.h.
BANNED = -include carve/banned.h
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -pthread -Iinclude $(BANNED) $(WARN) \
	     -DCARVE_VERSION='"$(VERSION)"' $(PKG_CFLAGS) $(CLANG_CFLAGS) $(CFLAGS)
LDLIBS = $(PKG_LIBS) $(RSVG_LIBS) -ldl -pthread -lm

ifneq ($(V),1)
Q = @
say = @printf '  %-6s %s\n' $(1) $(2);
endif

# The library: everything but main and the commands, layer by layer
# (docs/ARCHITECTURE.md), lowest first.
LIB_OBJS =
LIB_OBJS += $(B)/src/core/arena.o
LIB_OBJS += $(B)/src/core/calendar.o
LIB_OBJS += $(B)/src/core/error.o
LIB_OBJS += $(B)/src/core/glob.o
LIB_OBJS += $(B)/src/core/oidmap.o
LIB_OBJS += $(B)/src/core/options.o
LIB_OBJS += $(B)/src/core/outfile.o
LIB_OBJS += $(B)/src/core/pool.o
LIB_OBJS += $(B)/src/core/progress.o
LIB_OBJS += $(B)/src/core/seal.o
LIB_OBJS += $(B)/src/core/strbuf.o
LIB_OBJS += $(B)/src/core/strmap.o
LIB_OBJS += $(B)/src/core/u64map.o
LIB_OBJS += $(B)/src/core/utf8.o
LIB_OBJS += $(B)/src/core/xmalloc.o
LIB_OBJS += $(B)/src/model/api_json.o
LIB_OBJS += $(B)/src/model/burndown_json.o
LIB_OBJS += $(B)/src/model/check_json.o
LIB_OBJS += $(B)/src/model/config.o
LIB_OBJS += $(B)/src/model/data_json.o
LIB_OBJS += $(B)/src/model/estimate_json.o
LIB_OBJS += $(B)/src/model/history_json.o
LIB_OBJS += $(B)/src/model/json.o
LIB_OBJS += $(B)/src/model/language.o
LIB_OBJS += $(B)/src/model/model_clang.o
LIB_OBJS += $(B)/src/model/model_json.o
LIB_OBJS += $(B)/src/model/model_load.o
LIB_OBJS += $(B)/src/model/model_merge.o
LIB_OBJS += $(B)/src/model/model_scan.o
LIB_OBJS += $(B)/src/model/partition.o
LIB_OBJS += $(B)/src/model/plan.o
LIB_OBJS += $(B)/src/model/roadmap_json.o
LIB_OBJS += $(B)/src/model/roadmap_load.o
LIB_OBJS += $(B)/src/model/seams_json.o
LIB_OBJS += $(B)/src/model/symindex.o
LIB_OBJS += $(B)/src/scan/blind.o
LIB_OBJS += $(B)/src/scan/clang_cache.o
LIB_OBJS += $(B)/src/scan/clang_compdb.o
LIB_OBJS += $(B)/src/scan/clang_load.o
LIB_OBJS += $(B)/src/scan/clang_scan.o
LIB_OBJS += $(B)/src/scan/clang_tu.o
LIB_OBJS += $(B)/src/scan/data_extract.o
LIB_OBJS += $(B)/src/scan/depcache.o
LIB_OBJS += $(B)/src/scan/depnames.o
LIB_OBJS += $(B)/src/scan/deps.o
LIB_OBJS += $(B)/src/scan/deps_c.o
LIB_OBJS += $(B)/src/scan/deps_csharp.o
LIB_OBJS += $(B)/src/scan/deps_go.o
LIB_OBJS += $(B)/src/scan/deps_java.o
LIB_OBJS += $(B)/src/scan/deps_js.o
LIB_OBJS += $(B)/src/scan/deps_other.o
LIB_OBJS += $(B)/src/scan/deps_python.o
LIB_OBJS += $(B)/src/scan/deps_ruby.o
LIB_OBJS += $(B)/src/scan/deps_views.o
LIB_OBJS += $(B)/src/scan/exclude.o
LIB_OBJS += $(B)/src/scan/filelist.o
LIB_OBJS += $(B)/src/scan/linecount.o
LIB_OBJS += $(B)/src/scan/module.o
LIB_OBJS += $(B)/src/scan/orm_csharp.o
LIB_OBJS += $(B)/src/scan/orm_go.o
LIB_OBJS += $(B)/src/scan/orm_java.o
LIB_OBJS += $(B)/src/scan/orm_js.o
LIB_OBJS += $(B)/src/scan/orm_python.o
LIB_OBJS += $(B)/src/scan/orm_ruby.o
LIB_OBJS += $(B)/src/scan/resolve.o
LIB_OBJS += $(B)/src/scan/resolve_c.o
LIB_OBJS += $(B)/src/scan/resolve_csharp.o
LIB_OBJS += $(B)/src/scan/resolve_go.o
LIB_OBJS += $(B)/src/scan/resolve_java.o
LIB_OBJS += $(B)/src/scan/resolve_js.o
LIB_OBJS += $(B)/src/scan/resolve_other.o
LIB_OBJS += $(B)/src/scan/resolve_paths.o
LIB_OBJS += $(B)/src/scan/resolve_python.o
LIB_OBJS += $(B)/src/scan/resolve_ruby.o
LIB_OBJS += $(B)/src/scan/resolve_views.o
LIB_OBJS += $(B)/src/scan/role.o
LIB_OBJS += $(B)/src/scan/routes.o
LIB_OBJS += $(B)/src/scan/routes_csharp.o
LIB_OBJS += $(B)/src/scan/routes_django.o
LIB_OBJS += $(B)/src/scan/routes_go.o
LIB_OBJS += $(B)/src/scan/routes_graphql.o
LIB_OBJS += $(B)/src/scan/routes_java.o
LIB_OBJS += $(B)/src/scan/routes_js.o
LIB_OBJS += $(B)/src/scan/routes_python.o
LIB_OBJS += $(B)/src/scan/routes_ruby.o
LIB_OBJS += $(B)/src/scan/scan.o
LIB_OBJS += $(B)/src/scan/scancache.o
LIB_OBJS += $(B)/src/scan/sql.o
LIB_OBJS += $(B)/src/scan/srctok.o
LIB_OBJS += $(B)/src/scan/stdlib.o
LIB_OBJS += $(B)/src/history/authors.o
LIB_OBJS += $(B)/src/history/blobcount.o
LIB_OBJS += $(B)/src/history/coupling.o
LIB_OBJS += $(B)/src/history/histcache.o
LIB_OBJS += $(B)/src/history/histstate.o
LIB_OBJS += $(B)/src/history/histsummary.o
LIB_OBJS += $(B)/src/history/history.o
LIB_OBJS += $(B)/src/history/log.o
LIB_OBJS += $(B)/src/history/mine.o
LIB_OBJS += $(B)/src/history/numstat.o
LIB_OBJS += $(B)/src/history/rename.o
LIB_OBJS += $(B)/src/history/snapdeps.o
LIB_OBJS += $(B)/src/history/snapshots.o
LIB_OBJS += $(B)/src/history/summary.o
LIB_OBJS += $(B)/src/history/treediff.o
LIB_OBJS += $(B)/src/history/walk.o
LIB_OBJS += $(B)/src/analysis/api.o
LIB_OBJS += $(B)/src/analysis/check.o
LIB_OBJS += $(B)/src/analysis/cluster.o
LIB_OBJS += $(B)/src/analysis/clustercache.o
LIB_OBJS += $(B)/src/analysis/compare.o
LIB_OBJS += $(B)/src/analysis/contexts.o
LIB_OBJS += $(B)/src/analysis/data.o
LIB_OBJS += $(B)/src/analysis/extractcache.o
LIB_OBJS += $(B)/src/analysis/graph.o
LIB_OBJS += $(B)/src/analysis/init_detect.o
LIB_OBJS += $(B)/src/analysis/init_moves.o
LIB_OBJS += $(B)/src/analysis/mojo.o
LIB_OBJS += $(B)/src/analysis/rank.o
LIB_OBJS += $(B)/src/analysis/seams.o
LIB_OBJS += $(B)/src/analysis/seams_graph.o
LIB_OBJS += $(B)/src/analysis/seams_domain.o
LIB_OBJS += $(B)/src/analysis/seams_names.o
LIB_OBJS += $(B)/src/analysis/seams_symbols.o
LIB_OBJS += $(B)/src/analysis/seams_split.o
LIB_OBJS += $(B)/src/plan/burndown.o
LIB_OBJS += $(B)/src/plan/burndown_plan.o
LIB_OBJS += $(B)/src/plan/burndown_run.o
LIB_OBJS += $(B)/src/plan/calibrate.o
LIB_OBJS += $(B)/src/plan/cocomo.o
LIB_OBJS += $(B)/src/plan/dist.o
LIB_OBJS += $(B)/src/plan/estimate.o
LIB_OBJS += $(B)/src/plan/estimate_input.o
LIB_OBJS += $(B)/src/plan/estimate_scan.o
LIB_OBJS += $(B)/src/plan/estimate_sizes.o
LIB_OBJS += $(B)/src/plan/montecarlo.o
LIB_OBJS += $(B)/src/plan/plan_input.o
LIB_OBJS += $(B)/src/plan/rates.o
LIB_OBJS += $(B)/src/plan/roadmap.o
LIB_OBJS += $(B)/src/plan/roadmap_source.o
LIB_OBJS += $(B)/src/plan/scheduler.o
LIB_OBJS += $(B)/src/render/api_out.o
LIB_OBJS += $(B)/src/render/api_text.o
LIB_OBJS += $(B)/src/render/assumptions_text.o
LIB_OBJS += $(B)/src/render/burndown_chart.o
LIB_OBJS += $(B)/src/render/burndown_csv.o
LIB_OBJS += $(B)/src/render/burndown_text.o
LIB_OBJS += $(B)/src/render/chart_png.o
LIB_OBJS += $(B)/src/render/chart_svg.o
LIB_OBJS += $(B)/src/render/check_export.o
LIB_OBJS += $(B)/src/render/check_sarif.o
LIB_OBJS += $(B)/src/render/check_text.o
LIB_OBJS += $(B)/src/render/csv.o
LIB_OBJS += $(B)/src/render/data_csv.o
LIB_OBJS += $(B)/src/render/data_dot.o
LIB_OBJS += $(B)/src/render/data_text.o
LIB_OBJS += $(B)/src/render/dot.o
LIB_OBJS += $(B)/src/render/dot_gvc.o
LIB_OBJS += $(B)/src/render/dot_ids.o
LIB_OBJS += $(B)/src/render/estimate_csv.o
LIB_OBJS += $(B)/src/render/estimate_text.o
LIB_OBJS += $(B)/src/render/graph_graphml.o
LIB_OBJS += $(B)/src/render/graph_json.o
LIB_OBJS += $(B)/src/render/graph_mermaid.o
LIB_OBJS += $(B)/src/render/graph_text.o
LIB_OBJS += $(B)/src/render/history_text.o
LIB_OBJS += $(B)/src/render/html.o
LIB_OBJS += $(B)/src/render/init_config_json.o
LIB_OBJS += $(B)/src/render/merge_text.o
LIB_OBJS += $(B)/src/render/report.o
LIB_OBJS += $(B)/src/render/report_appendix.o
LIB_OBJS += $(B)/src/render/report_burndown.o
LIB_OBJS += $(B)/src/render/report_check.o
LIB_OBJS += $(B)/src/render/report_contexts.o
LIB_OBJS += $(B)/src/render/report_cycles.o
LIB_OBJS += $(B)/src/render/report_data.o
LIB_OBJS += $(B)/src/render/report_dsm.o
LIB_OBJS += $(B)/src/render/report_estimate.o
LIB_OBJS += $(B)/src/render/report_graph.o
LIB_OBJS += $(B)/src/render/report_history.o
LIB_OBJS += $(B)/src/render/report_inventory.o
LIB_OBJS += $(B)/src/render/report_roadmap.o
LIB_OBJS += $(B)/src/render/report_summary.o
LIB_OBJS += $(B)/src/render/roadmap_dot.o
LIB_OBJS += $(B)/src/render/roadmap_mermaid.o
LIB_OBJS += $(B)/src/render/roadmap_pm.o
LIB_OBJS += $(B)/src/render/roadmap_text.o
LIB_OBJS += $(B)/src/render/scan_cloc.o
LIB_OBJS += $(B)/src/render/scan_csv.o
LIB_OBJS += $(B)/src/render/scan_text.o
LIB_OBJS += $(B)/src/render/seams_dot.o
LIB_OBJS += $(B)/src/render/seams_text.o
LIB_OBJS += $(B)/src/render/table.o
LIB_OBJS += $(B)/src/cli/input.o
LIB_OBJS += $(B)/src/cli/opt.o
LIB_OBJS += $(B)/src/cli/pipeline.o
LIB_OBJS += $(B)/src/cli/version.o

CMD_OBJS =
CMD_OBJS += $(B)/src/main.o
CMD_OBJS += $(B)/src/cmd/burndown.o
CMD_OBJS += $(B)/src/cmd/api.o
CMD_OBJS += $(B)/src/cmd/check.o
CMD_OBJS += $(B)/src/cmd/estimate.o
CMD_OBJS += $(B)/src/cmd/data.o
CMD_OBJS += $(B)/src/cmd/graph.o
CMD_OBJS += $(B)/src/cmd/history.o
CMD_OBJS += $(B)/src/cmd/init.o
CMD_OBJS += $(B)/src/cmd/merge.o
CMD_OBJS += $(B)/src/cmd/roadmap.o
CMD_OBJS += $(B)/src/cmd/report.o
CMD_OBJS += $(B)/src/cmd/scan.o
CMD_OBJS += $(B)/src/cmd/seams.o

UNIT_TESTS =
UNIT_TESTS += $(B)/tests/unit/test_burndown
UNIT_TESTS += $(B)/tests/unit/test_calendar
UNIT_TESTS += $(B)/tests/unit/test_clang
UNIT_TESTS += $(B)/tests/unit/test_cli
UNIT_TESTS += $(B)/tests/unit/test_cluster
UNIT_TESTS += $(B)/tests/unit/test_config
UNIT_TESTS += $(B)/tests/unit/test_deps_c
UNIT_TESTS += $(B)/tests/unit/test_deps_csharp
UNIT_TESTS += $(B)/tests/unit/test_dot_layout
UNIT_TESTS += $(B)/tests/unit/test_deps_go
UNIT_TESTS += $(B)/tests/unit/test_deps_java
UNIT_TESTS += $(B)/tests/unit/test_deps_js
UNIT_TESTS += $(B)/tests/unit/test_deps_other
UNIT_TESTS += $(B)/tests/unit/test_deps_views
UNIT_TESTS += $(B)/tests/unit/test_depnames
UNIT_TESTS += $(B)/tests/unit/test_deps_python
UNIT_TESTS += $(B)/tests/unit/test_estimate
UNIT_TESTS += $(B)/tests/unit/test_glob
UNIT_TESTS += $(B)/tests/unit/test_graph
UNIT_TESTS += $(B)/tests/unit/test_history
UNIT_TESTS += $(B)/tests/unit/test_html
UNIT_TESTS += $(B)/tests/unit/test_language
UNIT_TESTS += $(B)/tests/unit/test_linecount
UNIT_TESTS += $(B)/tests/unit/test_mojo
UNIT_TESTS += $(B)/tests/unit/test_sql
UNIT_TESTS += $(B)/tests/unit/test_outfile
UNIT_TESTS += $(B)/tests/unit/test_roadmap
UNIT_TESTS += $(B)/tests/unit/test_role
UNIT_TESTS += $(B)/tests/unit/test_seams_graph
UNIT_TESTS += $(B)/tests/unit/test_seams_symbols
UNIT_TESTS += $(B)/tests/unit/test_scheduler
UNIT_TESTS += $(B)/tests/unit/test_stdlib
UNIT_TESTS += $(B)/tests/unit/test_seal
UNIT_TESTS += $(B)/tests/unit/test_strbuf
UNIT_TESTS += $(B)/tests/unit/test_scancache
UNIT_TESTS += $(B)/tests/unit/test_strmap
UNIT_TESTS += $(B)/tests/unit/test_u64map

TOOLS =
TOOLS += $(B)/bench/readfloor
TOOLS += $(B)/bench/seamsgen

# libFuzzer targets (fuzz/fuzz_NAME.c). The normal build links each with
# fuzz/replay.c as $(B)/fuzz/replay_NAME, which the test suite runs over
# the corpora and tests/fixtures/fuzz/NAME/ (t9000).
FUZZ_TARGETS =
FUZZ_TARGETS += blobcache
FUZZ_TARGETS += clustercache
FUZZ_TARGETS += compdb
FUZZ_TARGETS += compdb_args
FUZZ_TARGETS += config
FUZZ_TARGETS += depcache
FUZZ_TARGETS += extractcache
FUZZ_TARGETS += deps
FUZZ_TARGETS += glob
FUZZ_TARGETS += histcache
FUZZ_TARGETS += linecount
FUZZ_TARGETS += model
FUZZ_TARGETS += partition
FUZZ_TARGETS += routes
FUZZ_TARGETS += scancache
FUZZ_TARGETS += tucache
TOOLS += $(patsubst %,$(B)/fuzz/replay_%,$(FUZZ_TARGETS))

LIB = $(B)/libcarve.a
PROG = $(B)/carve

all: $(PROG)

$(PROG): $(CMD_OBJS) $(LIB)
	$(call say,LINK,$@)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(CMD_OBJS) $(LIB) $(LDLIBS)

$(LIB): $(LIB_OBJS)
	$(call say,AR,$@)rm -f $@ && ar rcs $@ $(LIB_OBJS)

# The scan cache is valid only for the code that wrote it: its header
# carries a checksum of the sources that decide a file's results.
SCAN_RULES_ID := $(shell cat src/scan/*.c src/model/language.c include/carve/*.h | cksum | cut -d' ' -f1)
$(B)/src/scan/scancache.o: ALL_CFLAGS += -DSCAN_RULES_ID='"$(SCAN_RULES_ID)"'
# The dependency lexers and resolvers a first scan spends most on
# (issue 18): -O3 where the build optimises at -O2 (the default), so a
# debugging or sanitizer build keeps its own level.
HOT_OBJS = deps_csharp deps_views depnames deps resolve resolve_csharp \
	   resolve_views
$(patsubst %,$(B)/src/scan/%.o,$(HOT_OBJS)): \
	ALL_CFLAGS += $(if $(findstring -O2,$(CFLAGS)),-O3)
$(B)/src/scan/scancache.o: $(wildcard src/scan/*.c src/model/language.c include/carve/*.h)
$(B)/src/render/chart_png.o: ALL_CFLAGS += $(RSVG_CFLAGS)
$(B)/src/cli/version.o: ALL_CFLAGS += $(RSVG_CFLAGS) \
	-DCARVE_LLVM_VERSION='"$(LLVM_VERSION)"'
$(B)/src/scan/clang_compdb.o: ALL_CFLAGS += -DCARVE_CLANG_RESOURCE_DIR='"$(CLANG_RESOURCE_DIR)"'
$(B)/src/scan/clang_load.o: ALL_CFLAGS += -DCARVE_LIBCLANG='"$(CLANG_LIBRARY)"'

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

# What the unit tests share (tests/unit/dep_fixture.c), linked into each.
UNIT_HELPERS = $(B)/tests/unit/dep_fixture.o
$(UNIT_HELPERS): $(B)/tests/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/unit/%: tests/unit/%.c $(UNIT_HELPERS) $(LIB)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -MMD -MP -o $@ $< $(UNIT_HELPERS) \
		$(LIB) $(CMOCKA_LIBS) $(LDLIBS)

$(B)/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) -o $@ $<

$(B)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/fuzz_util.c fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< fuzz/replay.c \
		fuzz/fuzz_util.c $(LIB) $(LDLIBS)

# libFuzzer builds: the library compiled by clang with coverage and
# ASan+UBSan in build-fuzz/, each target linked with -fsanitize=fuzzer.
FUZZ_CC = clang
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_TIME ?= 60
FUZZ_SMOKE_TIME ?= 30
$(B)/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_util.c fuzz/fuzz.h $(LIB)
	@mkdir -p $(dir $@)
	$(call say,LINK,$@)$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer $(FUZZ_SAN) \
		-o $@ $< fuzz/fuzz_util.c $(LIB) $(LDLIBS)

fuzz-build: deps
	$(Q)$(MAKE) --no-print-directory B=build-fuzz CC=$(FUZZ_CC) \
		CFLAGS='-O1 -g -fno-omit-frame-pointer -Wno-format-nonliteral -fsanitize=fuzzer-no-link $(FUZZ_SAN)' \
		$(patsubst %,build-fuzz/fuzz/fuzz_%,$(FUZZ_TARGETS))

fuzz: fuzz-build
	$(Q)scripts/fuzz $(FUZZ_TIME) $(FUZZ_TARGETS)

fuzz-smoke: fuzz-build
	$(Q)scripts/fuzz $(FUZZ_SMOKE_TIME) $(FUZZ_TARGETS)

deps:
	$(Q)scripts/install-deps

# CARVE is the binary under test; TAP from cmocka and the shell scripts.
check: deps check-layers
	$(Q)$(MAKE) --no-print-directory all tests
	$(Q)python3 scripts/check-layers --objects $(B)
	$(Q)CARVE=$(CURDIR)/$(PROG) CARVE_SRC=$(CURDIR) CMOCKA_MESSAGE_OUTPUT=TAP \
		prove -j2 $(UNIT_TESTS) tests/cli/t*.sh

tests: $(UNIT_TESTS) $(TOOLS)

# The same suite under ASan+UBSan (leaks included), in its own build dir.
check-asan: deps
	$(Q)$(MAKE) --no-print-directory B=build-asan \
		CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' all tests
	$(Q)CARVE=$(CURDIR)/build-asan/carve CARVE_SRC=$(CURDIR) CMOCKA_MESSAGE_OUTPUT=TAP \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 CARVE_TIME_SCALE=4 \
		prove -j2 $(patsubst $(B)/%,build-asan/%,$(UNIT_TESTS)) tests/cli/t*.sh

# End-to-end tests under valgrind memcheck (tests/valgrind-carve runs
# carve): invalid accesses and definite leaks fail them. A chosen set,
# about four minutes on two cores; CI runs it (.ci/run).
VALGRIND_TESTS =
VALGRIND_TESTS += tests/cli/t1001-scan-basic.sh
VALGRIND_TESTS += tests/cli/t1002-scan-bad-input.sh
VALGRIND_TESTS += tests/cli/t2001-graph-model.sh
VALGRIND_TESTS += tests/cli/t2101-seams-model.sh
VALGRIND_TESTS += tests/cli/t2201-check.sh
VALGRIND_TESTS += tests/cli/t3001-history-numstat.sh
VALGRIND_TESTS += tests/cli/t9005-readonly-tree.sh
check-valgrind: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)CARVE=$(CURDIR)/tests/valgrind-carve CARVE_REAL=$(CURDIR)/$(PROG) \
		CARVE_SRC=$(CURDIR) CARVE_TIME_SCALE=10 prove -j2 $(VALGRIND_TESTS)

# No #include "carve/..." runs up the layers (docs/ARCHITECTURE.md).
check-layers:
	$(Q)python3 scripts/check-layers

# Style of what changed since BASE (default HEAD~1), with the tree's
# .clang-format, as git checks its own patches (git clang-format); and
# over the whole tree: no string literal split inside a word, banned.h
# in every C file compiled, and no include running up the layers.
check-style: check-layers
	$(Q)out=$$(git clang-format --diff --extensions c,h $${BASE:-HEAD~1} \
		-- src include tests/unit bench); \
	if printf '%s\n' "$$out" | grep -q '^diff'; then \
		printf '%s\n' "$$out"; exit 1; fi
	$(Q)scripts/split-literals $$(git ls-files '*.c' '*.h')
	$(Q)scripts/check-banned
	@echo "check-style: clean"

demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)scripts/demo $(CURDIR)/$(PROG)

bench: all $(TOOLS)
	$(Q)scripts/bench $(CURDIR)/$(PROG) $(CURDIR)/$(B)/bench

# Shell completions generated from the option tables of the carve built.
COMPLETIONS = $(B)/completions/carve.bash $(B)/completions/_carve \
	$(B)/completions/carve.fish
completions: $(COMPLETIONS)
$(B)/completions/carve.bash: $(PROG) completions/generate
	$(call say,GEN,$(B)/completions)completions/generate $(PROG) $(B)/completions
$(B)/completions/_carve $(B)/completions/carve.fish: $(B)/completions/carve.bash

install: all completions
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(BASHCOMPDIR) \
		$(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/carve
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1/
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5/
	install -m 644 $(B)/completions/carve.bash $(DESTDIR)$(BASHCOMPDIR)/carve
	install -m 644 $(B)/completions/_carve $(DESTDIR)$(ZSHCOMPDIR)/_carve
	install -m 644 $(B)/completions/carve.fish $(DESTDIR)$(FISHCOMPDIR)/carve.fish
	install -m 644 docs/carve-model.schema.json $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/carve
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(wildcard man/*.1))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(wildcard man/*.5))
	rm -f $(DESTDIR)$(BASHCOMPDIR)/carve $(DESTDIR)$(ZSHCOMPDIR)/_carve \
		$(DESTDIR)$(FISHCOMPDIR)/carve.fish \
		$(DESTDIR)$(DOCDIR)/carve-model.schema.json
	-rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null

# The source tarball of the last commit (git archive), and the check that
# it builds, passes a smoke test, installs and uninstalls in a clean
# directory (scripts/check-dist). CI runs both, and make deb.
DIST = $(B)/carve-$(VERSION).tar.gz
dist:
	@mkdir -p $(B)
	$(call say,DIST,$(DIST))git archive --format=tar.gz \
		--prefix=carve-$(VERSION)/ -o $(DIST) HEAD

distcheck: dist
	$(Q)scripts/check-dist $(DIST)

# The Debian package from the tarball (debian/), checked by lintian and
# installed: scripts/check-deb. Slow (a full build): not part of check.
deb: dist
	$(Q)scripts/check-deb $(DIST)

clean:
	rm -rf $(B) build-asan build-fuzz

.PHONY: all check check-asan check-layers check-style demo bench install clean deps tests \
	fuzz fuzz-build fuzz-smoke check-valgrind completions uninstall dist distcheck deb
.DELETE_ON_ERROR:

-include $(shell find $(B) -name '*.d' 2>/dev/null)
