# GridRoom — two commands do all the set-up on a fresh machine: `make run` and `make test`.
SWIFT    ?= swift
DB       ?= gridroom.sqlite
BIN      := .build/debug/gridroom
# The last three are for the bulletin's end-to-end test: a real browser prints it, poppler reads it back.
PACKAGES := libncursesw5-dev libsqlite3-dev tmux chromium-headless-shell fonts-noto-cjk poppler-utils
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test unit e2e bench bench-district bench-years soak clean install

## deps: install the system packages GridRoom needs, if any is missing (Debian/Ubuntu, apt-get).
deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

## run: build, create the demo database if absent, start the console.
run: build
	@# The set-up messages (demo staff, where the file is) stay readable: the console waits for Enter first.
	@[ -f "$(DB)" ] || { $(BIN) --db "$(DB)" init --demo --activity && printf '\nPress Enter to open the console… ' && read _; }
	$(BIN) --db "$(DB)"

## install: build, then copy the program to $(PREFIX)/bin (default ~/.local/bin) so `gridroom` is on the PATH.
PREFIX ?= $(HOME)/.local
install: build
	install -d "$(PREFIX)/bin"
	install -m 755 $(BIN) "$(PREFIX)/bin/gridroom"
	@echo "installed $(PREFIX)/bin/gridroom"

## test: every test, unit and end-to-end.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

unit: deps
	$(SWIFT) test --skip EndToEndTests

e2e: deps
	$(SWIFT) test --filter EndToEndTests

## soak: the crash tests with 2000 kills each (SOAK_KILLS=N to change) and a 120 s concurrency run.
SOAK_KILLS ?= 2000
soak: deps
	$(SWIFT) build --build-tests
	GRIDROOM_SOAK_KILLS=$(SOAK_KILLS) GRIDROOM_CONCURRENCY_SECONDS=120 \
	  $(SWIFT) test --skip-build --filter 'EndToEndTests.(CrashTests|ConcurrencyTests)'

clean:
	rm -rf .build

## bench: a full-size database (built once, cached outside git) and `gridroom bench` on it.
BENCH_DIR ?= $(HOME)/.cache/gridroom
BENCH_DB  ?= $(BENCH_DIR)/full.sqlite
BENCH_NOW ?= 2026-11-22T10:00:00+08:00
# More options for the bench command, e.g. BENCH_ARGS="--format json".
BENCH_ARGS ?=
REL       := .build/release/gridroom
# $(call bench-file,PATH,GENERATE-OPTIONS): generates PATH once (init --demo, then demo generate). It is built
# under PATH.part and renamed when complete, so a file under the real name is always a finished one.
define bench-file
	@if [ ! -f "$(1)" ]; then \
	  rm -f "$(1).part" "$(1).part-wal" "$(1).part-shm" && \
	  $(REL) --db "$(1).part" --now "$(BENCH_NOW)" init --demo >/dev/null && \
	  /usr/bin/time -f "$(notdir $(1)) generate: %e s, peak %M KB" $(REL) --db "$(1).part" --now "$(BENCH_NOW)" demo generate $(2) && \
	  for x in -wal -shm; do if [ -f "$(1).part$$x" ]; then mv "$(1).part$$x" "$(1)$$x"; fi; done && \
	  mv "$(1).part" "$(1)"; \
	fi
	@# A cached file from an earlier build is upgraded here, by any command that opens it: `--compare` opens its
	@# file read-only, and a read-only open refuses a file that needs a migration.
	@$(REL) --db "$(1)" --now "$(BENCH_NOW)" settings show >/dev/null
endef
bench: deps
	$(SWIFT) build -c release
	@mkdir -p "$(BENCH_DIR)"
	$(call bench-file,$(BENCH_DB),)
	$(REL) --db "$(BENCH_DB)" --now "$(BENCH_NOW)" bench $(BENCH_ARGS)

## bench-district: the district size (3,000 grids, 6,000 workers) over 12 and 36 months, each built once and
## cached beside full.sqlite; the bench on three years, with each screen compared with one year (flatness).
DISTRICT12 ?= $(BENCH_DIR)/district12.sqlite
DISTRICT36 ?= $(BENCH_DIR)/district36.sqlite
TOWN36     ?= $(BENCH_DIR)/town36.sqlite
bench-district: deps
	$(SWIFT) build -c release
	@mkdir -p "$(BENCH_DIR)"
	$(call bench-file,$(DISTRICT12),--grids 3000 --workers 6000 --matters 1000000 --patrols 1000000 --months 12)
	$(call bench-file,$(DISTRICT36),--grids 3000 --workers 6000 --matters 3000000 --patrols 3000000 --months 36)
	$(REL) --db "$(DISTRICT36)" --now "$(BENCH_NOW)" bench --runs 100 --compare "$(DISTRICT12)" $(BENCH_ARGS)

## bench-years: the township size over 36 months against `make bench`'s 12 (same registry): the bench on three
## years, with each screen compared with one year.
bench-years: deps
	$(SWIFT) build -c release
	@mkdir -p "$(BENCH_DIR)"
	$(call bench-file,$(BENCH_DB),)
	$(call bench-file,$(TOWN36),--grids 1000 --workers 2000 --matters 3000000 --patrols 3000000 --months 36)
	$(REL) --db "$(TOWN36)" --now "$(BENCH_NOW)" bench --runs 100 --compare "$(BENCH_DB)" $(BENCH_ARGS)
