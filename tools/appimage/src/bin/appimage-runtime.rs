//! The program at the front of Cofnod's AppImage (see the crate's documentation).
//!
//! `Cofnod.AppImage [ARGS]` mounts the image with `squashfuse` and becomes its `AppRun`; where
//! FUSE or squashfuse is missing, or `APPIMAGE_EXTRACT_AND_RUN=1` is set, it unpacks the
//! image with `unsquashfs` into a temporary folder instead. A cleaner process unmounts the
//! image or removes the folder once the app has ended, however it ended.
//! `--appimage-extract` unpacks it into ./squashfs-root, `--appimage-offset` prints where the
//! image starts, as the AppImage runtime does.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{exit, Command, Stdio};
use std::time::{Duration, Instant};

use appimage_tools::{on_path, payload_offset};

const NEEDS: &str =
    "Cofnod's AppImage needs squashfuse (to mount itself) or squashfs-tools (to unpack itself): \
                     sudo apt install squashfuse fuse3, or sudo apt install squashfs-tools";

fn main() {
    match run() {
        Ok(code) => exit(code),
        Err(message) => {
            eprintln!("Cofnod AppImage: {message}");
            exit(127);
        }
    }
}

/// The hidden first argument that makes the runtime the cleaner (see `start_cleaner`).
const CLEANUP: &str = "--appimage-cleanup-after";

fn run() -> Result<i32, String> {
    let raw: Vec<OsString> = std::env::args_os().collect();
    if raw.get(1).is_some_and(|a| a == CLEANUP) && raw.len() == 5 {
        let pid = raw[2].to_string_lossy();
        return Ok(clean_up_after(
            &pid,
            Path::new(&raw[3]),
            raw[4] == "mounted",
        ));
    }
    let image = std::env::current_exe().map_err(|e| format!("cannot find its own file: {e}"))?;
    let offset = payload_offset(&image)?;
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match args.first().and_then(|a| a.to_str()) {
        Some("--appimage-offset") => {
            println!("{offset}");
            return Ok(0);
        }
        Some("--appimage-extract") => {
            let target = PathBuf::from("squashfs-root");
            unpack(&image, offset, &target)?;
            println!("{}", target.display());
            return Ok(0);
        }
        Some("--appimage-help") => {
            println!(
                "{}\n  --appimage-extract   unpack the image into ./squashfs-root\n  --appimage-offset    print where the image starts\n  APPIMAGE_EXTRACT_AND_RUN=1   unpack into a temporary folder instead of mounting",
                image.display()
            );
            return Ok(0);
        }
        _ => {}
    }

    let workdir = private_dir()?;
    let extract = std::env::var_os("APPIMAGE_EXTRACT_AND_RUN").is_some_and(|v| v == "1");
    let fuse = !extract && Path::new("/dev/fuse").exists() && on_path("squashfuse").is_some();
    let (appdir, mounted) = match fuse.then(|| mount(&image, offset, &workdir)) {
        Some(Ok(())) => (workdir.clone(), true),
        failed => {
            // FUSE may be present and still refuse (a container, no permission): unpack.
            if let Some(Err(why)) = failed {
                eprintln!("Cofnod AppImage: could not mount ({why}); unpacking instead");
            }
            let root = workdir.join("root");
            if let Err(e) = unpack(&image, offset, &root) {
                let _ = std::fs::remove_dir_all(&workdir);
                return Err(e);
            }
            (root, false)
        }
    };
    if let Err(e) = start_cleaner(&image, &workdir, mounted) {
        if mounted {
            unmount(&workdir);
        }
        let _ = std::fs::remove_dir_all(&workdir);
        return Err(e);
    }
    // Only returns if the app could not be started; the cleaner then tidies up.
    Err(exec_app(&image, &appdir, &args))
}

/// A new folder only this user can read, under XDG_RUNTIME_DIR or the temporary folder.
fn private_dir() -> Result<PathBuf, String> {
    use std::os::unix::fs::DirBuilderExt;
    let base = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_dir())
        .unwrap_or_else(std::env::temp_dir);
    let pid = std::process::id();
    for attempt in 0..100u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(attempt);
        let dir = base.join(format!(".mount_Cofnod-{pid}-{nanos:x}-{attempt}"));
        match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("cannot make a folder in {}: {e}", base.display())),
        }
    }
    Err(format!("cannot make a new folder in {}", base.display()))
}

fn mount(image: &Path, offset: u64, at: &Path) -> Result<(), String> {
    let status = Command::new("squashfuse")
        .arg("-o")
        .arg(format!("ro,offset={offset}"))
        .arg(image)
        .arg(at)
        .status()
        .map_err(|e| format!("squashfuse did not start: {e}"))?;
    if !status.success() {
        return Err(format!("squashfuse {status}"));
    }
    let until = Instant::now() + Duration::from_secs(10);
    while !at.join("AppRun").exists() {
        if Instant::now() > until {
            unmount(at);
            return Err("the mounted image shows no AppRun".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(())
}

/// Unmounts the image. Processes the app started (WebKit's web and network processes) can
/// hold it for a moment after the app itself has ended, so a busy mount is tried again for a
/// while, and then detached lazily: the kernel lets go of it once the last of them ends.
fn unmount(at: &Path) -> bool {
    let until = Instant::now() + Duration::from_secs(15);
    loop {
        if fusermount(at, false) {
            return true;
        }
        if Instant::now() > until {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    if fusermount(at, true) {
        return true;
    }
    eprintln!("Cofnod AppImage: could not unmount {}", at.display());
    false
}

/// `fusermount3 -u` (or `fusermount -u`), quietly; `lazy` adds `-z`.
fn fusermount(at: &Path, lazy: bool) -> bool {
    ["fusermount3", "fusermount"]
        .into_iter()
        .filter(|tool| on_path(tool).is_some())
        .any(|tool| {
            let mut command = Command::new(tool);
            command.arg(if lazy { "-uz" } else { "-u" });
            command
                .arg(at)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
}

fn unpack(image: &Path, offset: u64, into: &Path) -> Result<(), String> {
    if on_path("unsquashfs").is_none() {
        return Err(NEEDS.into());
    }
    let output = Command::new("unsquashfs")
        .args(["-no-progress", "-quiet", "-force", "-offset"])
        .arg(offset.to_string())
        .arg("-dest")
        .arg(into)
        .arg(image)
        .output()
        .map_err(|e| format!("unsquashfs did not start: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "unsquashfs could not unpack the image ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    if !into.join("AppRun").exists() {
        return Err("the image holds no AppRun".into());
    }
    Ok(())
}

/// Becomes the AppDir's AppRun (exec: the app keeps the AppImage's process, so whoever
/// started it can stop it), with the AppImage's environment. Returns only if that fails.
fn exec_app(image: &Path, appdir: &Path, args: &[OsString]) -> String {
    let mut command = Command::new(appdir.join("AppRun"));
    command
        .args(args)
        .env("APPIMAGE", image)
        .env("APPDIR", appdir)
        .env("ARGV0", std::env::args_os().next().unwrap_or_default());
    if let Ok(owd) = std::env::current_dir() {
        command.env("OWD", owd);
    }
    let err = command.exec();
    format!("cannot start {}: {err}", appdir.join("AppRun").display())
}

/// Starts the cleaner: a process of its own (its own process group, so stopping the app's
/// group leaves it) that waits for this process, which is about to become the app, to end,
/// and then unmounts the image or removes what was unpacked.
fn start_cleaner(image: &Path, workdir: &Path, mounted: bool) -> Result<(), String> {
    Command::new(image)
        .arg(CLEANUP)
        .arg(std::process::id().to_string())
        .arg(workdir)
        .arg(if mounted { "mounted" } else { "unpacked" })
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .process_group(0)
        .spawn()
        .map(drop)
        .map_err(|e| format!("cannot start its cleaner: {e}"))
}

/// The cleaner's work (see `start_cleaner`).
fn clean_up_after(pid: &str, workdir: &Path, mounted: bool) -> i32 {
    while running(pid) {
        std::thread::sleep(Duration::from_millis(250));
    }
    if mounted && !unmount(workdir) {
        return 1;
    }
    match std::fs::remove_dir_all(workdir) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!(
                "Cofnod AppImage: could not remove {}: {e}",
                workdir.display()
            );
            1
        }
    }
}

/// Whether the process `pid` is still running (not ended, nor ended and waiting to be reaped).
fn running(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command's name in brackets: "1234 (AppRun) S ...".
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state != "Z" && state != "X"),
        Err(_) => false,
    }
}
