//! Stands in for linuxdeploy when Tauri's bundler makes Cofnod's AppImage (see the crate's
//! documentation). The bundler runs it as
//! `linuxdeploy --appimage-extract-and-run --verbosity N --appdir DIR --plugin gtk --output appimage`
//! with the AppImage's path in `OUTPUT`; it checks the AppDir, packs it with `mksquashfs` and
//! writes the runtime (the file `appimage-runtime` beside this program) followed by the image.

use std::fs::{File, OpenOptions};
use std::io::{copy, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{exit, Command};

use appimage_tools::{on_path, payload_offset};

fn main() {
    if let Err(message) = run() {
        eprintln!("appdir-pack: {message}");
        exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut appdir = None;
    let mut output = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--appdir") => appdir = args.next().map(PathBuf::from),
            Some("--output") => output = args.next(),
            // linuxdeploy's plugins copy GTK's and GStreamer's libraries in: this image uses
            // the computer's own, as the .deb does.
            Some("--plugin") => {
                let plugin = args.next().unwrap_or_default();
                eprintln!(
                    "appdir-pack: plugin {} not run (the host's GTK and WebKitGTK are used)",
                    plugin.to_string_lossy()
                );
            }
            Some("--verbosity") => {
                args.next();
            }
            Some("--appimage-extract-and-run") => {}
            _ => return Err(format!("unknown argument {}", arg.to_string_lossy())),
        }
    }
    let appdir = appdir.ok_or("no --appdir given")?;
    if output.as_deref().and_then(|o| o.to_str()) != Some("appimage") {
        return Err("only --output appimage is supported".into());
    }
    let target =
        PathBuf::from(std::env::var_os("OUTPUT").ok_or("OUTPUT (the AppImage's path) is not set")?);
    check_appdir(&appdir)?;

    let runtime = std::env::current_exe()
        .map_err(|e| format!("cannot find its own file: {e}"))?
        .with_file_name("appimage-runtime");
    if !runtime.is_file() {
        return Err(format!(
            "the runtime {} is missing (make package builds it)",
            runtime.display()
        ));
    }
    if on_path("mksquashfs").is_none() {
        return Err("mksquashfs is missing: sudo apt install squashfs-tools".into());
    }

    let image = target.with_extension("squashfs");
    let status = Command::new("mksquashfs")
        .arg(&appdir)
        .arg(&image)
        .args([
            "-root-owned",
            "-noappend",
            "-no-progress",
            "-quiet",
            "-comp",
            "zstd",
        ])
        .status()
        .map_err(|e| format!("mksquashfs did not start: {e}"))?;
    if !status.success() {
        return Err(format!("mksquashfs {status}"));
    }
    let written = write_appimage(&runtime, &image, &target);
    let _ = std::fs::remove_file(&image);
    written?;
    let offset = payload_offset(&target)?;
    eprintln!(
        "appdir-pack: wrote {} (image at byte {offset})",
        target.display()
    );
    Ok(())
}

/// What an AppDir must hold for the runtime and desktops to use it.
fn check_appdir(appdir: &Path) -> Result<(), String> {
    let apprun = appdir.join("AppRun");
    let mode = std::fs::metadata(&apprun)
        .map_err(|e| format!("{} is missing: {e}", apprun.display()))?
        .permissions()
        .mode();
    if mode & 0o111 == 0 {
        return Err(format!(
            "{} cannot be run (not executable)",
            apprun.display()
        ));
    }
    let entries =
        std::fs::read_dir(appdir).map_err(|e| format!("cannot read {}: {e}", appdir.display()))?;
    let has = |ext: &str, names: &[PathBuf]| {
        names
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == ext))
    };
    let names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    if !has("desktop", &names) {
        return Err(format!(
            "{} has no .desktop file at its top",
            appdir.display()
        ));
    }
    if !appdir.join(".DirIcon").exists() {
        return Err(format!("{} has no .DirIcon", appdir.display()));
    }
    Ok(())
}

fn write_appimage(runtime: &Path, image: &Path, target: &Path) -> Result<(), String> {
    let open = |p: &Path| File::open(p).map_err(|e| format!("cannot open {}: {e}", p.display()));
    let mut out = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o755)
        .open(target)
        .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", target.display());
    copy(&mut open(runtime)?, &mut out).map_err(fail)?;
    copy(&mut open(image)?, &mut out).map_err(fail)?;
    out.flush().map_err(fail)?;
    std::fs::set_permissions(target, std::fs::Permissions::from_mode(0o755)).map_err(fail)?;
    Ok(())
}
