# folio — build, test, install.  Plain make over pkg-config.
VERSION   = 0.1.0
# The date of VERSION, and the manual the pages belong to: every man page's
# .TH line is stamped with them at build time (man/*.1 hold only the name
# and section), so that the pages never disagree.
VERSION_DATE = 2026-12-03
MANUAL    = folio manual
# libfolio.so.$(SOVERSION): raised when a change breaks programs linked before
SOVERSION = 0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
LIBDIR    = $(PREFIX)/lib
INCLUDEDIR = $(PREFIX)/include
PKGCONFIGDIR = $(LIBDIR)/pkgconfig
MANDIR    = $(PREFIX)/share/man/man1
DATADIR   = $(PREFIX)/share/folio

# Each tool links only what it uses: a filter that starts once per page
# should not load pango and cairo for nothing. pkg-config runs once.
PKGS_BASE = libxml-2.0 libzip zlib
PKGS_PDF  = pangocairo pangoft2 fontconfig harfbuzz cairo-pdf
PKGS_EPUB = libzip harfbuzz-subset fontconfig
PKGS      = $(PKGS_BASE) $(PKGS_PDF) $(PKGS_EPUB)
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS))
LIBS_ALL   := $(shell pkg-config --libs $(PKGS))
LIBS_BASE  := $(shell pkg-config --libs $(PKGS_BASE))
LIBS_PDF   := $(shell pkg-config --libs $(PKGS_BASE) $(PKGS_PDF))
LIBS_EPUB  := $(shell pkg-config --libs $(PKGS_BASE) $(PKGS_EPUB))

# The user's CFLAGS (default -O2 -g) come last and never replace the
# project's own: `make CFLAGS=-O0` still builds C11 with every warning.
CC       ?= cc
CFLAGS   ?= -O2 -g
FOLIO_CFLAGS = -std=c11 -Wall -Wextra -D_XOPEN_SOURCE=700 -DFOLIO_VERSION='"$(VERSION)"' -MMD -MP
FOLIO_CFLAGS += -Iformats -Itools -Iinclude $(PKG_CFLAGS)
# The library's objects go into libfolio.so as well: position-independent,
# and nothing visible outside it but what include/folio/ declares FOLIO_API.
LIB_CFLAGS = -fPIC -fvisibility=hidden

# FUZZ=1 builds the library and the fuzz targets of tests/fuzz/ with clang's
# libFuzzer, AddressSanitizer and UBSan, into build-fuzz/ and bin-fuzz/
# (`make fuzz` does it); SANITIZE=1 builds into build-san/ and bin-san/, so
# that no two builds mix.
FUZZ_CC ?= clang
ifeq ($(FUZZ),1)
CC       := $(FUZZ_CC)
FOLIO_CFLAGS += -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
OBJ_DIR   = build-fuzz
BIN_DIR   = bin-fuzz
else ifeq ($(SANITIZE),1)
FOLIO_CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
OBJ_DIR   = build-san
BIN_DIR   = bin-san
else
OBJ_DIR   = build
BIN_DIR   = bin
endif
ALL_CFLAGS = $(FOLIO_CFLAGS) $(CFLAGS)

# Objects are made again when the flags that made them change (another
# CFLAGS, SANITIZE, compiler): they are kept in $(OBJ_DIR)/cflags, which
# is written only when they differ from those of the last build.
CFLAGS_NOW := $(strip $(CC) $(ALL_CFLAGS) lib: $(LIB_CFLAGS))
CFLAGS_STAMP = $(OBJ_DIR)/cflags
ifneq ($(CFLAGS_NOW),$(strip $(shell cat $(CFLAGS_STAMP) 2>/dev/null)))
$(shell mkdir -p $(OBJ_DIR))
$(file >$(CFLAGS_STAMP),$(CFLAGS_NOW))
endif

# A quiet build: one line a file. V=1 shows the commands.
ifeq ($(V),1)
Q =
say = @:
else
Q = @
say = @printf '  %-6s %s\n'
endif

# The library: every stage under formats/, and its interface in include/.
# The tools' own support code (option parsing, batch runs) lives under
# tools/ and is no part of it.
LIB_SRC   := $(sort $(shell find formats -name '*.c'))
LIB_OBJ   = $(LIB_SRC:%.c=$(OBJ_DIR)/%.o)
# what the tools and tests link: every symbol, the internal ones too
LIB       = $(OBJ_DIR)/libfolio.a
# what is installed: the shared library, and an archive whose one object
# keeps every symbol but folio_ ones local, so that a program linking it
# statically meets no name of folio's internals
SO_NAME   = libfolio.so.$(SOVERSION)
SO_FILE   = $(OBJ_DIR)/libfolio.so.$(VERSION)
DIST_LIB  = $(OBJ_DIR)/dist/libfolio.a
PUBLIC_HEADERS := $(sort $(wildcard include/folio/*.h))
TOOL_SRC  := $(sort $(shell find tools -mindepth 2 -name '*.c'))
TOOL_OBJ  = $(TOOL_SRC:%.c=$(OBJ_DIR)/%.o)
TOOL_LIB  = $(OBJ_DIR)/libfolio-tools.a
TOOLS     = folio folio-clean folio-md folio-meta folio-pdf folio-epub folio-zhpunct folio-batch
TOOL_BINS = $(TOOLS:%=$(BIN_DIR)/%)
MAN_SRC   := $(sort $(wildcard man/*.1))
MAN_PAGES = $(MAN_SRC:%=$(OBJ_DIR)/%)
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS = $(UNIT_SRC:tests/unit/%.c=$(BIN_DIR)/tests/%)
BENCH_BINS = $(BIN_DIR)/tests/bench_clean $(BIN_DIR)/tests/bench_epub
# make fuzz runs each target FUZZ_SECONDS (tests/fuzz/run.sh)
FUZZ_SECONDS ?= 60
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS = $(filter-out %/fuzz_common,$(FUZZ_SRC:tests/fuzz/%.c=$(BIN_DIR)/fuzz/%))

DEBIAN_PKGS = build-essential pkg-config libxml2-dev libzip-dev zlib1g-dev cmark-gfm python3 time bc parallel
DEBIAN_PKGS += libpango1.0-dev libcairo2-dev libharfbuzz-dev fonts-noto-cjk fonts-arphic-ukai poppler-utils mupdf-tools qpdf python3-fonttools
DEBIAN_PKGS += libzip-dev libharfbuzz-dev libfontconfig-dev fonts-noto-cjk epubcheck default-jre-headless
# make fuzz: clang and its libFuzzer runtime (libclang_rt.fuzzer)
DEBIAN_PKGS += clang libclang-rt-14-dev

.PHONY: all check golden-update clean install uninstall deps demo bench eval fuzz fuzz-targets
# keep the objects make builds on the way, so nothing is built twice
.SECONDARY:
all: $(TOOL_BINS) $(SO_FILE) $(DIST_LIB) $(MAN_PAGES)

# A page's first line ".TH NAME SECTION" gets the date, version and manual.
# A page whose .TH holds more is refused: it would disagree with the others.
$(OBJ_DIR)/man/%: man/% Makefile
	$(say) MAN $<
	@mkdir -p $(dir $@)
	$(Q)sed -n '1{/^\.TH [A-Z][A-Z-]* [1-9]$$/!q1;}' $< || { echo "$<: line 1 must be '.TH NAME SECTION' only" >&2; exit 1; }
	$(Q)sed '1s/$$/ "$(VERSION_DATE)" "folio $(VERSION)" "$(MANUAL)"/' $< >$@

$(OBJ_DIR)/%.o: %.c $(CFLAGS_STAMP)
	$(say) CC $<
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) $(OBJ_CFLAGS) -c -o $@ $<
$(LIB_OBJ): OBJ_CFLAGS = $(LIB_CFLAGS)
$(LIB): $(LIB_OBJ)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^
$(SO_FILE): $(LIB_OBJ)
	$(say) LINK $@
	$(Q)$(CC) -shared -Wl,-soname,$(SO_NAME) -Wl,--no-undefined $(LDFLAGS) -o $@ $^ $(LIBS_ALL) $(LDLIBS)
$(DIST_LIB): $(LIB_OBJ)
	$(say) AR $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) -nostdlib -r -o $(@D)/libfolio.o $^
	$(Q)objcopy --localize-hidden $(@D)/libfolio.o
	$(Q)rm -f $@ && ar rcs $@ $(@D)/libfolio.o
$(TOOL_LIB): $(TOOL_OBJ)
	$(say) AR $@
	$(Q)rm -f $@ && ar rcs $@ $^
# the tools' default rules folder is the installed one: compiled in, and
# compiled again when PREFIX changes (kept in $(OBJ_DIR)/rules-dir as the
# flags are in $(OBJ_DIR)/cflags).
RULES_DEFAULT = $(DATADIR)/rules
RULES_STAMP = $(OBJ_DIR)/rules-dir
ifneq ($(RULES_DEFAULT),$(strip $(shell cat $(RULES_STAMP) 2>/dev/null)))
$(shell mkdir -p $(OBJ_DIR))
$(file >$(RULES_STAMP),$(RULES_DEFAULT))
endif
$(OBJ_DIR)/tools/common/rules_folder.o $(OBJ_DIR)/tools/folio-clean.o $(OBJ_DIR)/tools/folio-batch.o: \
	OBJ_CFLAGS = -DFOLIO_RULES_DEFAULT='"$(RULES_DEFAULT)"'
$(OBJ_DIR)/tools/common/rules_folder.o $(OBJ_DIR)/tools/folio-clean.o $(OBJ_DIR)/tools/folio-batch.o: $(RULES_STAMP)
$(BIN_DIR)/folio-pdf: TOOL_LIBS = $(LIBS_PDF)
$(BIN_DIR)/folio-epub: TOOL_LIBS = $(LIBS_EPUB)
$(BIN_DIR)/folio-batch: TOOL_LIBS = $(LIBS_ALL)
$(BIN_DIR)/%: $(OBJ_DIR)/tools/%.o $(TOOL_LIB) $(LIB)
	$(say) LINK $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(TOOL_LIB) $(LIB) $(or $(TOOL_LIBS),$(LIBS_BASE)) $(LDLIBS)
$(BIN_DIR)/tests/%: $(OBJ_DIR)/tests/unit/%.o $(TOOL_LIB) $(LIB)
	$(say) LINK $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(TOOL_LIB) $(LIB) $(LIBS_ALL) $(LDLIBS)
$(BIN_DIR)/fuzz/fuzz_%: $(OBJ_DIR)/tests/fuzz/fuzz_%.o $(OBJ_DIR)/tests/fuzz/fuzz_common.o $(LIB)
	$(say) LINK $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS_ALL) $(LDLIBS)
$(BIN_DIR)/tests/bench_%: $(OBJ_DIR)/tests/bench/bench_%.o $(LIB)
	$(say) LINK $@
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(LDFLAGS) -o $@ $< $(LIB) $(LIBS_ALL) $(LDLIBS)

-include $(shell find $(OBJ_DIR) -name '*.d' 2>/dev/null)

# T=PATTERN runs only the tests whose name holds PATTERN (tests/lib.sh).
check: all $(UNIT_BINS)
	@FOLIO_MAKE='$(MAKE)' CC='$(CC)' sh tests/run.sh $(BIN_DIR) '$(T)'

# Rewrite every golden case's expected output from this build.
golden-update: all
	@sh tests/golden-update.sh $(BIN_DIR) '$(T)'

demo: deps all
	@sh tests/demo.sh $(BIN_DIR) examples out

bench: all $(BENCH_BINS)
	@sh tests/bench.sh $(BIN_DIR)

# The fuzz targets, each run FUZZ_SECONDS; what they find is kept in
# bin-fuzz/fuzz-findings/.
fuzz:
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-targets
	@sh tests/fuzz/run.sh bin-fuzz $(FUZZ_SECONDS)
fuzz-targets: $(FUZZ_BINS)

# folio-clean against the corpus's ground truth, one line a set
eval: all
	@sh tests/eval.sh $(BIN_DIR)

deps:
	@if [ "$$(id -u)" = 0 ]; then \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DEBIAN_PKGS) >/dev/null || \
	  { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $(DEBIAN_PKGS) >/dev/null; }; \
	else echo "run as root: apt-get install -y $(DEBIAN_PKGS)"; fi
	@$(MAKE) --no-print-directory $(FANGSONG)

# The GB/T 9704 body face: FandolFang (GPL with the font exception), the
# one file taken out of Debian's texlive-lang-chinese, which is downloaded
# (apt-get download: no root, nothing installed) and never unpacked whole.
# fonts/folio-fonts.conf reads the fonts/ folder it sits in.
FANGSONG = fonts/FandolFang-Regular.otf
FANDOL_PATH = ./usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/FandolFang-Regular.otf
$(FANGSONG):
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	if (cd "$$tmp" && apt-get download -q texlive-lang-chinese >/dev/null 2>&1) || \
	   { [ "$$(id -u)" = 0 ] && apt-get update -q >/dev/null && (cd "$$tmp" && apt-get download -q texlive-lang-chinese >/dev/null); }; then \
	  dpkg-deb --fsys-tarfile "$$tmp"/texlive-lang-chinese_*.deb | tar -x -C "$$tmp" $(FANDOL_PATH) && \
	  mv "$$tmp/$(FANDOL_PATH)" $@.tmp.$$$$ && mv $@.tmp.$$$$ $@ && echo "deps: $@ from texlive-lang-chinese"; \
	else echo "deps: could not download texlive-lang-chinese; GB/T 9704 bodies stay in Song"; fi

# folio.pc is written at install time, for the PREFIX installed under.
PC_LIBDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))
PC_INCLUDEDIR = $(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(DATADIR)/rules
	install -m 755 $(TOOL_BINS) $(DESTDIR)$(BINDIR)/
	install -m 644 $(MAN_PAGES) $(DESTDIR)$(MANDIR)/
	install -m 644 fonts/* $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 rules/*.txt rules/README.md $(DESTDIR)$(DATADIR)/rules/
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) $(DESTDIR)$(INCLUDEDIR)/folio
	install -m 755 $(SO_FILE) $(DESTDIR)$(LIBDIR)/
	ln -sf libfolio.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SO_NAME)
	ln -sf $(SO_NAME) $(DESTDIR)$(LIBDIR)/libfolio.so
	install -m 644 $(DIST_LIB) $(DESTDIR)$(LIBDIR)/
	install -m 644 $(PUBLIC_HEADERS) $(DESTDIR)$(INCLUDEDIR)/folio/
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$(PC_LIBDIR)' 'includedir=$(PC_INCLUDEDIR)' '' \
	  'Name: folio' \
	  'Description: captured web pages to clean articles, Markdown, EPUB 3 and PDF' \
	  'Version: $(VERSION)' \
	  'Requires.private: $(sort $(PKGS))' \
	  'Cflags: -I$${includedir}' \
	  'Libs: -L$${libdir} -lfolio' >$(DESTDIR)$(PKGCONFIGDIR)/folio.pc
	if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then ldconfig; fi

uninstall:
	rm -f $(TOOLS:%=$(DESTDIR)$(BINDIR)/%) $(TOOLS:%=$(DESTDIR)$(MANDIR)/%.1)
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(LIBDIR)/libfolio.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SO_NAME)
	rm -f $(DESTDIR)$(LIBDIR)/libfolio.so $(DESTDIR)$(LIBDIR)/libfolio.a
	rm -f $(DESTDIR)$(PKGCONFIGDIR)/folio.pc
	rm -rf $(DESTDIR)$(INCLUDEDIR)/folio

clean:
	rm -rf build build-san build-fuzz bin bin-san bin-fuzz out
