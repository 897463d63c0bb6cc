# Cofnod: the only commands a newcomer needs.
#   make run    install what is missing, build, open the app (on its first start, the choice
#               between setting up a new council and the demo; with no display, make a demo
#               database in out/ and print the demo meeting's minutes)
#   make test   every test: Rust, UI, the real-window end-to-end tests under Xvfb, and the
#               installed .deb driven the same way
#   make package  the .deb and the AppImage (make/package.mk)
SHELL := /bin/bash
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(PATH)
CARGO ?= cargo
COFNOD := target/debug/cofnod
OUT ?= out

# Debian packages: building Tauri, the end-to-end tests, reading PDFs back, screenshots,
# packing the AppImage (mksquashfs), running it mounted as most computers do (squashfuse, fuse3)
# and checking the .deb's desktop entry.
APT_PACKAGES := libwebkit2gtk-4.1-dev build-essential file libxdo-dev libssl-dev \
	libayatana-appindicator3-dev librsvg2-dev webkit2gtk-driver xvfb xauth poppler-utils \
	imagemagick chromium fonts-dejavu-core pkg-config sqlite3 \
	squashfs-tools squashfuse fuse3 desktop-file-utils
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help deps system-deps rust-deps run run-headless test rust-test lint bindings-check cli

help:
	@echo "make run    install what is missing, build and open Cofnod (headless: print the demo minutes)"
	@echo "make test   run every test (Rust, UI, end-to-end under Xvfb, the installed .deb)"
	@echo "make package  build the .deb and the AppImage (target/release/bundle)"
	@echo "make bench  print the benchmarks, each against its baseline in the same run: minutes (LibreOffice), agenda pack (pdfunite), register (ripgrep)"

## Installing ---------------------------------------------------------------------------

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v node >/dev/null || { echo "Installing Node.js"; DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nodejs npm; }
	@command -v $(CARGO) >/dev/null || { echo "Rust is missing: install it from https://rustup.rs (stable), then run make again" >&2; exit 1; }

rust-deps: system-deps
	@command -v tauri-driver >/dev/null || { echo "Installing tauri-driver"; $(CARGO) install tauri-driver --locked; }
	$(CARGO) fetch --locked

deps: system-deps rust-deps ui-deps

## Running ------------------------------------------------------------------------------

cli: rust-deps
	$(CARGO) build --locked -p minutes-cli

run: deps
	@if [ -n "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  $(MAKE) --no-print-directory app-run; \
	else \
	  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset): doing the main job headless instead."; \
	  $(MAKE) --no-print-directory run-headless; \
	fi

# A demo database of its own in out/ (never the council's database in the user's data
# directory), and the demo meeting's minutes printed to PDF (English and Welsh).
DEMO_MEETING := 2015-01-05 --body "Scrutiny Committee (Social Care and Health)"
DEMO_DB := $(OUT)/demo.sqlite3
run-headless: cli
	@mkdir -p $(OUT)
	@db=$$($(COFNOD) --db $(DEMO_DB) init --demo) && echo "Database: $$db"
	@$(COFNOD) --db $(DEMO_DB) render $(DEMO_MEETING) --out $(OUT)/demo-minutes-2015-01-05.pdf
	@$(COFNOD) --db $(DEMO_DB) render $(DEMO_MEETING) --welsh --out $(OUT)/demo-minutes-2015-01-05-cy.pdf
	@$(COFNOD) --db $(DEMO_DB) pack $(DEMO_MEETING) --out $(OUT)/demo-agenda-pack-2015-01-05.pdf
	@$(COFNOD) --db $(DEMO_DB) minutes $(DEMO_MEETING) > $(OUT)/demo-minutes-2015-01-05.txt
	@echo "Wrote $(OUT)/demo-minutes-2015-01-05.txt (the same minutes as text)"

## Testing ------------------------------------------------------------------------------

lint: rust-deps ui-build
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings

rust-test: rust-deps ui-build
	$(CARGO) test --locked --workspace

# The TypeScript types are generated from the Rust types (ts-rs, by the core's tests), and the
# command map from the shell's command declarations (by its tests, in rust-test): a stale copy
# in the repository fails here.
bindings-check: rust-test
	$(CARGO) test --locked -p minutes-core --quiet >/dev/null
	@git diff --exit-code --stat -- ui/src/lib/ipc/bindings ui/src/lib/ipc/commands.ts || { echo "ui/src/lib/ipc is stale: run 'cargo test -p minutes-core -p cofnod-app' and commit the result" >&2; exit 1; }
	@untracked=$$(git ls-files --others --exclude-standard -- ui/src/lib/ipc/bindings ui/src/lib/ipc/commands.ts); \
	  [ -z "$$untracked" ] || { echo "new generated bindings not committed: $$untracked" >&2; exit 1; }

test: deps lint rust-test bindings-check ui-check ui-test site-test e2e package-test
	@echo "make test: all suites passed"

include make/app.mk
include make/package.mk
