# Makefile for plan. `make` builds build/plan; `make test` runs every test;
# `make asan` runs them under AddressSanitizer and UBSan; see README.md.

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
LOCALEDIR ?= $(PREFIX)/share/locale
MANDIR    ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
VERSION   := 0.1.0

CC      ?= cc
PKGS    := libxml-2.0 libutf8proc
CFLAGS  ?= -O2 -g
# Flags the build needs whatever CFLAGS the caller gives (make asan passes its own).
PLAN_CFLAGS := -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra \
           -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS)) \
           -DLOCALEDIR='"$(LOCALEDIR)"' -DPLAN_VERSION='"$(VERSION)"'
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -pthread
BUILD   ?= build

LIB_SRCS := $(wildcard src/util/*.c src/load/*.c src/parse/*.c src/model/*.c \
                       src/data/*.c src/validate/*.c src/emit/*.c)
CLI_SRCS := $(wildcard src/cli/*.c)
LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/obj/%.o)
DEFS     := $(wildcard src/validate/catalogue/*.def)

MOFILES  := $(patsubst po/%.po,$(BUILD)/locale/%/LC_MESSAGES/plan.mo,$(wildcard po/*.po))

TEST_SRCS := $(wildcard tests/unit/test_*.c)
TEST_BINS := $(TEST_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: fuzz all test unit-tests cli-tests asan valgrind clean pot docs check-docs install golden \
        uninstall bench FORCE

all: $(BUILD)/plan $(MOFILES)

$(BUILD)/plan: $(CLI_OBJS) $(BUILD)/libplan.a
	$(CC) $(PLAN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJS) $(BUILD)/libplan.a $(LDLIBS)

$(BUILD)/libplan.a: $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $(LIB_OBJS)

$(BUILD)/obj/%.o: %.c $(wildcard include/plan/*.h) $(DEFS) $(wildcard src/*/*.h)
	@mkdir -p $(@D)
	$(CC) $(PLAN_CFLAGS) $(CFLAGS) -c -o $@ $<

# LOCALEDIR is compiled into main.o: record it, and rebuild main.o when it
# changes (`make install PREFIX=/usr` after a plain `make`).
$(BUILD)/localedir.stamp: FORCE
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@
$(BUILD)/obj/src/cli/main.o: $(BUILD)/localedir.stamp
FORCE:

$(BUILD)/locale/%/LC_MESSAGES/plan.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libplan.a
	@mkdir -p $(@D)
	$(CC) $(PLAN_CFLAGS) $(CFLAGS) $(LDFLAGS) $(shell pkg-config --cflags cmocka) -o $@ $< $(BUILD)/libplan.a \
	    $(LDLIBS) $(shell pkg-config --libs cmocka)

# The collation oracle: ICU (libicu-dev) is linked into this test only.
$(BUILD)/tests/test_collate_icu: tests/unit/test_collate_icu.c $(BUILD)/libplan.a
	@mkdir -p $(@D)
	$(CC) $(PLAN_CFLAGS) $(CFLAGS) $(LDFLAGS) $(shell pkg-config --cflags cmocka icu-uc icu-i18n) \
	    -o $@ $< $(BUILD)/libplan.a $(LDLIBS) $(shell pkg-config --libs cmocka icu-uc icu-i18n)

# Every test: unit tests (cmocka), then the CLI, rule-case, golden and
# schema tests. The last line printed is "N passed, N failed".
test: all $(TEST_BINS)
	@BUILD=$(BUILD) bash tests/run.sh $(TEST_BINS)

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer.
ASAN_BUILD ?= build-asan
asan:
	$(MAKE) BUILD=$(ASAN_BUILD) CC=clang \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" test

# The same suite under valgrind (memcheck, leaks are errors).
valgrind: all $(TEST_BINS)
	@BUILD=$(BUILD) PLAN_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
	    bash tests/run.sh $(TEST_BINS)

# The benchmark of docs/performance.md: writes the corpus of bench/gen-corpus.py
# into $(BUILD)/bench and prints one table, plan against xmllint (minutes).
bench: all
	@BUILD=$(BUILD) PLAN=$(BUILD)/plan sh bench/run.sh

# libFuzzer over load, parse, build, validate and emit; seeds from plans/ and tests/.
# Undefined behaviour stops the run like a crash (an artifact in build-fuzz/),
# not a line in the log that the run goes past.
FUZZ_SECONDS ?= 60
fuzz:
	@mkdir -p build-fuzz/corpus
	clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	    $(PLAN_CFLAGS) -o build-fuzz/fuzz_plan \
	    tests/fuzz/fuzz_plan.c $(LIB_SRCS) $(LDLIBS)
	for f in plans/*.xml tests/seeds/*.xml tests/cases/*/*.xml tests/fuzz/crashes/*; do \
	    [ -f "$$f" ] && cp "$$f" "build-fuzz/corpus/$$(echo "$$f" | tr / _)" || true; done
	build-fuzz/fuzz_plan -dict=tests/fuzz/plan.dict -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=build-fuzz/ build-fuzz/corpus

pot:
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	    --package-name=plan -o po/plan.pot $(LIB_SRCS) $(CLI_SRCS) $(DEFS)
	for p in po/*.po; do msgmerge --quiet --update --backup=none $$p po/plan.pot; done

# docs/rules.md is generated from the rule table; check-docs fails when stale.
docs: $(BUILD)/plan
	LANGUAGE=en LC_ALL=C.UTF-8 $(BUILD)/plan rules --format=markdown > docs/rules.md

check-docs: $(BUILD)/plan
	@LANGUAGE=en LC_ALL=C.UTF-8 $(BUILD)/plan rules --format=markdown | cmp -s - docs/rules.md \
	    || { echo "docs/rules.md is stale: run 'make docs'"; exit 1; }

# tests/golden/ holds every output of every plan in plans/; tests/run.sh
# compares them with a fresh compile. Regenerate after a deliberate change
# of a renderer or a plan, then read the diff before committing it.
golden: $(BUILD)/plan
	rm -f tests/golden/*
	LANGUAGE=en LC_ALL=C.UTF-8 $(BUILD)/plan compile -q plans -o tests/golden
	rm -f tests/golden/.plan-stamps

# make install [PREFIX=/usr/local] [DESTDIR=]: the binary, plan(1), the message
# catalogs and the bash completion; make uninstall removes exactly those.
LANGS := $(patsubst po/%.po,%,$(wildcard po/*.po))
install: all
	install -d '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' '$(DESTDIR)$(BASHCOMPDIR)'
	install -m 755 $(BUILD)/plan '$(DESTDIR)$(BINDIR)/plan'
	install -m 644 docs/plan.1 '$(DESTDIR)$(MANDIR)/man1/plan.1'
	install -m 644 completions/plan.bash '$(DESTDIR)$(BASHCOMPDIR)/plan'
	for l in $(LANGS); do \
	    install -d '$(DESTDIR)$(LOCALEDIR)'/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/plan.mo \
	        '$(DESTDIR)$(LOCALEDIR)'/$$l/LC_MESSAGES/plan.mo || exit 1; \
	done

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/plan' '$(DESTDIR)$(MANDIR)/man1/plan.1' \
	    '$(DESTDIR)$(BASHCOMPDIR)/plan'
	for l in $(LANGS); do rm -f '$(DESTDIR)$(LOCALEDIR)'/$$l/LC_MESSAGES/plan.mo; done

clean:
	rm -rf build build-asan
