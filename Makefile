# Quiet Room build. `make` alone lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

GO       ?= go
BIN      := bin/quietroom
PKG_MAIN := ./app/cmd/quietroom
DEV_DATA := .dev
SUDO     := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian packages for building and testing: gcc for cgo (SQLite, the race detector), the
# X11/GL headers that Fyne's desktop driver compiles against, and Xvfb with xwd for the smoke
# test that starts the real kiosk in a virtual display (xdotool drives it for a benchmark).
DEB_PACKAGES := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev \
	xvfb x11-apps xdotool poppler-utils qpdf

# Fyne reads the locale from LANG at start-up and complains about "C": give the program and the
# tests an English locale when none is set, and leave a person's own locale alone.
ifeq ($(filter-out C POSIX C.UTF-8 C.utf8,$(LANG)),)
export LANG := en_GB.UTF-8
endif

# Every build and test leaves out Fyne's emoji font: Fyne parses its 4 MB for each text style
# the first screen uses (about 40 ms each, on the way to the first frame), nobody types emoji
# on a kiosk, and the kiosk's own words keep to the fonts it brings
# (app/ui TestKioskWordsAreInItsOwnFonts). SQLite is built with its dbstat table, so that the
# tests can look at the database's pages as someone holding a copy of the data folder would.
export GOFLAGS += -tags=no_emoji,sqlite_dbstat

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
FUZZTIME    ?= 20s
ifndef BENCH_OUT
BENCH_OUT   := $(shell mktemp -u /tmp/quietroom-bench.XXXXXX)
endif

.PHONY: help deps run build test bench bench-deps lint fuzz soak

# The appliance's targets (deb, cross, image, system-test) live beside what they build.
include $(wildcard provisioning/*.mk)

help: ## Show this list of targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

deps: ## Install the Debian packages the build and tests need (does nothing when present)
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "deps: installing$$missing"; \
		export LANG=C.UTF-8; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps ## Build the kiosk program into bin/quietroom
	$(GO) build -o $(BIN) $(PKG_MAIN)

run: build ## Start the kiosk in development mode (demo data under .dev/)
	./$(BIN) run --dev --data $(DEV_DATA)

# Every package's tests run with the race detector but two, whose tests under it took most of
# make test's 9 to 23 minutes: the main program's run the real program in a real window (they
# skip under -short), and the UI's run on one goroutine but for those named in UI_RACE (the
# ticker, the PIN's wait for its "Checking…", the idle time-out, the privacy blank), which
# are the UI tests that start others. The last step runs both packages whole without it, so
# every test runs at least once. The soak's own test and the 10,000-character typing test run
# in make soak.
WINDOW_PKGS := ./app/ui ./app/cmd/quietroom
UI_RACE     := Ticker|Timer|PIN|Idle|Privacy
test: deps ## Run go vet and every test (the race detector on all but the real window and the UI's one-goroutine tests)
	$(GO) vet ./...
	$(GO) test -race -timeout 30m $$($(GO) list ./... | grep -v -x -e quietroom/app/ui -e quietroom/app/cmd/quietroom)
	$(GO) test -race -short -timeout 30m ./app/cmd/quietroom
	$(GO) test -race -timeout 30m -run '$(UI_RACE)' ./app/ui
	$(GO) test -timeout 30m $(WINDOW_PKGS)

# The soak drives the real program in Xvfb with seeded random touches, typing and keys, and
# scripted ways in to the deep screens, for SOAK_TIME; it fails on a window that is no longer
# 800x480, a UI that stops drawing, a screen that does not fit, a crash, or goroutines or memory
# that grow. A failure prints its seed: make soak QUIETROOM_SOAK_SEED=N replays it.
SOAK_TIME ?= 4m
soak: deps ## Drive the real program at random for SOAK_TIME (default 4m; SOAK_TIME=1h for the long run)
	QUIETROOM_SOAK=$(SOAK_TIME) $(GO) test -run '^(TestSoakCatchesFaults|TestKioskTypingWindow|TestKioskSoak)$$' -v -timeout 0 $(PKG_MAIN)

# Chromium is only the benchmark's yardstick (a web kiosk doing what the live screen does): when
# it cannot be installed, BenchmarkSideBySide leaves its row out and says so.
bench-deps: deps ## Install Chromium for the side-by-side benchmark (does nothing when present)
	@if ! dpkg-query -W -f='$${Status}' chromium 2>/dev/null | grep -q 'install ok installed'; then \
		echo "bench-deps: installing chromium"; \
		export LANG=C.UTF-8; \
		{ $(SUDO) apt-get update -qq && \
		  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium; } || \
		echo "bench-deps: chromium could not be installed; the benchmark leaves its row out"; \
	fi

bench: deps bench-deps ## Run the benchmarks and print a readable summary
	@set -o pipefail; $(GO) test -run '^$$' -bench . -benchmem -timeout 30m ./... | tee $(BENCH_OUT)
	@echo; echo "Summary (time per operation; extra figures as the benchmark reports them)"
	@awk -f .ci/bench-summary.awk $(BENCH_OUT)

lint: deps ## gofmt, go vet and staticcheck
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "lint: run gofmt -w on the files above"; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Only the packages whose tests declare a fuzz target are listed, so that `make fuzz` builds
# those few test binaries rather than every package's (the UI's take minutes); go test -list
# then names the targets the build really holds.
fuzz: ## Run every fuzz target for FUZZTIME each (default 20s; a count such as 20000x also works)
	@set -e; for pkg in $$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -r -n1 dirname | sort -u); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz' || true); do \
			echo "fuzz: $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg; \
		done; \
	done
