#!/bin/bash
# Orca with the app under Xvfb, all in one D-Bus session, for listening to Cofnod without a
# desktop: `dbus-run-session -- tools/orca/run.sh` from the repository's top, after
# `npm --prefix ui run build && cargo build -p cofnod-app`. Needs orca, at-spi2-core, Xvfb and
# tauri-driver. What Orca said is in $OUT/orca-debug.log ("SPEECH OUTPUT" lines); speech
# itself goes to speech-dispatcher, if there is one. Not part of `make test`.
set -eu
OUT=${OUT:-$(mktemp -d /tmp/cofnod-orca-XXXXXX)}
export XDG_RUNTIME_DIR=$OUT/runtime HOME=$OUT/home
mkdir -p "$XDG_RUNTIME_DIR" "$HOME" && chmod 700 "$XDG_RUNTIME_DIR"
Xvfb :87 -screen 0 1280x800x24 >"$OUT/xvfb.log" 2>&1 & xvfb=$!
export DISPLAY=:87 GTK_MODULES=gail:atk-bridge GNOME_ACCESSIBILITY=1
sleep 1
/usr/libexec/at-spi-bus-launcher --launch-immediately >"$OUT/atspi.log" 2>&1 & atspi=$!
sleep 2
orca --replace --debug-file="$OUT/orca-debug.log" >"$OUT/orca.log" 2>&1 & orca=$!
sleep 5
COFNOD_APP=${COFNOD_APP:-$PWD/target/debug/cofnod-app} node tools/orca/tour.mjs | tee "$OUT/tour.log" || true
sleep 2
kill "$orca" "$atspi" "$xvfb"
grep "SPEECH OUTPUT" "$OUT/orca-debug.log" | sed "s/.*SPEECH OUTPUT: //; s/{'established'.*//" > "$OUT/said.txt"
echo "Orca said (in order): $OUT/said.txt"
