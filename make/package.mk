# The packages a council installs: a .deb and an AppImage, made by Tauri's bundler from a
# release build with the UI embedded. Included by the Makefile.
#
#   make package        → $(BUNDLE)/deb/Cofnod_<version>_amd64.deb and
#                         $(BUNDLE)/appimage/Cofnod_<version>_amd64.AppImage
#   make package-test   the .deb installed on this machine, the installed app driven through
#                       a clerk's journey under Xvfb (tests/installed), the AppImage started,
#                       and the .deb removed again

.PHONY: package package-tools package-test

# Cargo's target folder (CARGO_TARGET_DIR when set), where the bundler also writes.
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
RELEASE := $(TARGET_DIR)/release
BUNDLE := $(RELEASE)/bundle
TAURI := ui/node_modules/.bin/tauri
ARCH := $(shell uname -m)

# Tauri's bundler downloads linuxdeploy, its plugins and an AppRun from GitHub into its cache
# ($$XDG_CACHE_HOME/tauri) unless they are there already. Here they are made instead, in a
# cache of this build's own: appdir-pack stands in for linuxdeploy (it packs the AppDir the
# bundler made with mksquashfs, behind the runtime built from tools/appimage) and AppRun is
# tools/appimage/AppRun. linuxdeploy's GTK and GStreamer plugins are not run: the AppImage
# uses the computer's own WebKitGTK, as the .deb does (see tools/appimage/src/lib.rs).
TAURI_CACHE := $(TARGET_DIR)/tauri-cache
TAURI_TOOLS := $(TAURI_CACHE)/tauri

# The bundler of @tauri-apps/cli 2.12 looks for linuxdeploy as linuxdeploy-07333c6-<arch>.AppImage
# (the build it pins; earlier ones as linuxdeploy-<arch>.AppImage), writes the GTK and GStreamer
# plugin scripts it carries itself, and tries to download linuxdeploy's AppImage plugin when it
# is missing (optional: a placeholder saves the attempt).
package-tools:
	@mkdir -p $(TAURI_TOOLS)
	install -m 755 $(RELEASE)/appdir-pack $(TAURI_TOOLS)/linuxdeploy-07333c6-$(ARCH).AppImage
	install -m 755 $(RELEASE)/appdir-pack $(TAURI_TOOLS)/linuxdeploy-$(ARCH).AppImage
	install -m 755 $(RELEASE)/appimage-runtime $(TAURI_TOOLS)/appimage-runtime
	install -m 755 tools/appimage/AppRun $(TAURI_TOOLS)/AppRun-$(ARCH)
	@printf '#!/bin/sh\necho "not used: appdir-pack packs the AppDir (make/package.mk)" >&2\nexit 1\n' \
	  > $(TAURI_TOOLS)/linuxdeploy-plugin-appimage.AppImage
	@chmod 755 $(TAURI_TOOLS)/linuxdeploy-plugin-appimage.AppImage

# One cargo build for the app, the command line and the AppImage's tools (features unified
# once), then the bundler on those binaries; /usr/bin/cofnod comes from this build's target
# folder (bundle.linux.deb.files in src-tauri/tauri.conf.json names the default one).
package: system-deps ui-build
	@start=$$(date +%s); \
	$(CARGO) build --locked --release -p cofnod-app -p minutes-cli -p appimage-tools && \
	echo "Release build: $$(( $$(date +%s) - start )) s"
	$(MAKE) --no-print-directory package-tools
	@start=$$(date +%s); \
	XDG_CACHE_HOME=$(TAURI_CACHE) $(TAURI) bundle --ci --bundles deb,appimage \
	  --config '{"bundle":{"linux":{"deb":{"files":{"/usr/bin/cofnod":"$(RELEASE)/cofnod"}}}}}' && \
	echo "Bundling: $$(( $$(date +%s) - start )) s"
	@ls -l $(BUNDLE)/deb/*.deb $(BUNDLE)/appimage/*.AppImage

# The .deb installed as IT would install it, checked, driven, and removed again (also when a
# step fails, so the machine is left as it was found).
package-test: package rust-deps
	@deb=$$(ls -t $(BUNDLE)/deb/Cofnod_*.deb | head -n 1); \
	appimage=$$(ls -t $(BUNDLE)/appimage/Cofnod_*.AppImage | head -n 1); \
	was=""; dpkg-query -W -f='$${Status}' cofnod 2>/dev/null | grep -q "install ok installed" && was=yes; \
	[ -z "$$was" ] || echo "package-test: cofnod was installed here before; it is replaced by this build and left installed"; \
	echo "Installing $$deb"; \
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --reinstall "$$deb" || exit 1; \
	[ -n "$$was" ] || trap 'echo "Removing cofnod"; DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get remove -y -qq cofnod' EXIT; \
	files=$$(dpkg -L cofnod); \
	for f in /usr/bin/cofnod-app /usr/bin/cofnod /usr/share/applications/Cofnod.desktop \
	         /usr/share/icons/hicolor/128x128/apps/cofnod-app.png; do \
	  grep -qx "$$f" <<< "$$files" || { echo "package-test: the .deb does not install $$f" >&2; exit 1; }; \
	done; \
	desktop-file-validate /usr/share/applications/Cofnod.desktop || exit 1; \
	grep -qx 'Comment\[cy\]=.*' /usr/share/applications/Cofnod.desktop || { echo "package-test: no Welsh comment in the desktop entry" >&2; exit 1; }; \
	/usr/bin/cofnod --version || exit 1; \
	COFNOD_APP=/usr/bin/cofnod-app COFNOD_APPIMAGE="$$appimage" \
	  xvfb-run -a --server-args="-screen 0 1280x800x24" \
	  node --test --test-concurrency=1 tests/installed/
