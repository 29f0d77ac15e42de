# goesc — see README.md.  `make` builds build/goesc; `make test` runs every
# test; `make asan` runs them again under AddressSanitizer+UBSan.

CC      ?= cc
WERROR  ?=
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -Wall -Wextra -Wshadow -Wno-unused-parameter $(WERROR)
ALLCFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) -MMD -MP
LDLIBS  := -lpthread -lm

B       ?= build
SRCS    := $(sort $(wildcard src/*/*.c))
LIBSRCS := $(filter-out src/cli/%,$(SRCS))
CLISRCS := $(filter src/cli/%,$(SRCS))
OBJS    := $(SRCS:%.c=$(B)/obj/%.o)
LIBOBJS := $(LIBSRCS:%.c=$(B)/obj/%.o)
CLIOBJS := $(CLISRCS:%.c=$(B)/obj/%.o)
UNITSRCS := $(sort $(wildcard tests/unit/*.c))
UNITOBJS := $(UNITSRCS:%.c=$(B)/obj/%.o)

.PHONY: all test asan unit check-warnings bench fuzz clean

all: $(B)/goesc

# V=1 shows the full commands.
Q := $(if $(V),,@)

$(B)/goesc: $(OBJS)
	@echo "  LINK  $@"
	$(Q)$(CC) $(ALLCFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(B)/unit: $(UNITOBJS) $(LIBOBJS)
	@echo "  LINK  $@"
	$(Q)$(CC) $(ALLCFLAGS) -o $@ $(UNITOBJS) $(LIBOBJS) $(LDLIBS)

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	$(Q)$(CC) $(ALLCFLAGS) -Isrc -c -o $@ $<

# Every test; the last line is "N passed, N failed".
test: $(B)/goesc $(B)/unit
	@GOESC=$(CURDIR)/$(B)/goesc UNIT=$(CURDIR)/$(B)/unit sh tests/run.sh

# The same tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (LeakSanitizer included), built into build/asan.
asan:
	$(MAKE) B=build/asan OPT=-O1 \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" test

# Warnings are errors for both compilers (what CI runs).
check-warnings:
	$(MAKE) B=build/gcc CC=gcc WERROR=-Werror build/gcc/goesc build/gcc/unit
	$(MAKE) B=build/clang CC=clang WERROR=-Werror build/clang/goesc build/clang/unit

bench: $(B)/goesc
	@GOESC=$(CURDIR)/$(B)/goesc sh tests/bench.sh

# Each target of tests/fuzz for FUZZ_SECONDS (tests/fuzz/run.sh).
FUZZ_TARGETS ?= syntax escape exportdata
fuzz:
	@for t in $(FUZZ_TARGETS); do FUZZ_TARGET=$$t sh tests/fuzz/run.sh || exit 1; done

clean:
	rm -rf build

-include $(OBJS:.o=.d) $(UNITOBJS:.o=.d)
