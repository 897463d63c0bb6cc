# The desktop app, its UI and their tests. Included by the Makefile.

APP := target/debug/cofnod-app
UI_STAMP := ui/node_modules/.package-lock.json

.PHONY: ui-deps ui-build app-build test-build app-run ui-check ui-test site-test e2e bench

# npm packages, at the locked versions. (`npm ci` refuses this lock file: npm here records only
# the optional platform packages of the machine that wrote it, e.g. rollup's linux-x64 build.)
$(UI_STAMP): ui/package.json ui/package-lock.json
	npm --prefix ui install --no-audit --no-fund
	@touch $@

ui-deps: $(UI_STAMP)

# The UI is embedded in the app binary, so it is built before any Rust that compiles the shell.
ui-build: ui-deps
	npm --prefix ui run build

app-build: rust-deps ui-build
	$(CARGO) build --locked -p cofnod-app

# Opens the app on the database in the user's data directory; with none there, on the first
# start's choice: set up a new council, or open the demo council.
app-run: app-build
	$(APP)

ui-check: ui-deps
	npm --prefix ui run check

# Unit tests of the UI's logic, then the screens in Debian's Chromium with the IPC mocked.
ui-test: ui-build
	npm --prefix ui test
	npm --prefix ui run browser

# The app and the command line built with every target of the workspace: the same features as
# `cargo test --workspace`, so after the Rust tests nothing but the final binaries is compiled
# again (`cargo build -p cofnod-app` alone unifies features differently and recompiles Tauri).
test-build: rust-deps ui-build
	$(CARGO) build --locked --workspace --all-targets

# The published website of the demo (`cofnod publish`), served by a static server and read in
# Debian's Chromium: the register's search, a referral followed, Welsh, axe-core on every page
# template, the journey by keyboard alone.
site-test: test-build ui-deps
	node --test --test-concurrency=1 tests/site/

# The real app under Xvfb, driven through tauri-driver and WebKitWebDriver.
e2e: test-build
	COFNOD_APP=$(CURDIR)/$(APP) xvfb-run -a --server-args="-screen 0 1280x800x24" \
	  node --test --test-concurrency=1 tests/e2e/

# Each benchmark measures its baseline in the same run: the minutes against LibreOffice converting
# the same document, the agenda pack (benches/pack.rs) against pdfunite merging the same reports,
# the register against ripgrep scanning the same text (the archive is generated once, into
# target/register-archive.sqlite3), and the app's start-up and memory against a minimal Tauri window.
bench: test-build
	@command -v soffice >/dev/null || { echo "Installing LibreOffice Writer (the benchmark's baseline)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libreoffice-writer-nogui; }
	$(CARGO) bench --locked -p minutes-pdf
	@command -v rg >/dev/null || { echo "Installing ripgrep (the register benchmark's baseline)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq ripgrep; }
	$(CARGO) bench --locked -p minutes-store --bench register
	# The app's start-up to a usable register on that archive and its memory after every screen,
	# against a minimal Tauri window (src-tauri/examples/minimal.rs): release builds, under Xvfb.
	$(CARGO) build --locked --release -p cofnod-app --bin cofnod-app --example minimal
	xvfb-run -a --server-args="-screen 0 1280x800x24" node tests/bench/startup.mjs
	# Publishing that archive as the public website, and searching it in Chromium.
	$(CARGO) build --locked --release -p minutes-cli
	$(CARGO) build --locked --release -p minutes-store --example sample_queries
	node tests/bench/site.mjs
