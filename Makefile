# GridRoom — two commands do all the set-up on a fresh machine: `make run` and `make test`.
SWIFT    ?= swift
DB       ?= gridroom.sqlite
BIN      := .build/debug/gridroom
# The last three are for the bulletin's end-to-end test: a real browser prints it, poppler reads it back.
PACKAGES := libncursesw5-dev libsqlite3-dev tmux chromium-headless-shell fonts-noto-cjk poppler-utils
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build run test unit e2e bench soak clean install

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
bench: deps
	$(SWIFT) build -c release
	@mkdir -p "$(BENCH_DIR)"
	@if [ ! -f "$(BENCH_DB)" ]; then \
	  .build/release/gridroom --db "$(BENCH_DB)" --now "$(BENCH_NOW)" init --demo >/dev/null && \
	  /usr/bin/time -f "generate: %e s, peak %M KB" .build/release/gridroom --db "$(BENCH_DB)" --now "$(BENCH_NOW)" demo generate; \
	fi
	.build/release/gridroom --db "$(BENCH_DB)" --now "$(BENCH_NOW)" bench
