//! The program at the front of Cofnod's AppImage (see the crate's documentation).
//!
//! `Cofnod.AppImage [ARGS]` mounts the image with `squashfuse` and runs its `AppRun`; where
//! FUSE or squashfuse is missing, or `APPIMAGE_EXTRACT_AND_RUN=1` is set, it unpacks the
//! image with `unsquashfs` into a temporary folder instead, and removes it when the app ends.
//! `--appimage-extract` unpacks it into ./squashfs-root, `--appimage-offset` prints where the
//! image starts, as the AppImage runtime does.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{exit, Command, ExitStatus};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use appimage_tools::{on_path, payload_offset};

const NEEDS: &str = "Cofnod's AppImage needs squashfuse (to mount itself) or squashfs-tools (to unpack itself): \
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

fn run() -> Result<i32, String> {
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
    let result = if fuse {
        match mount(&image, offset, &workdir) {
            Ok(()) => {
                let status = run_app(&image, &workdir, &args);
                unmount(&workdir);
                status
            }
            // FUSE may be present and still refuse (a container, no permission): unpack.
            Err(why) => {
                eprintln!("Cofnod AppImage: could not mount ({why}); unpacking instead");
                let root = workdir.join("root");
                unpack(&image, offset, &root).and_then(|()| run_app(&image, &root, &args))
            }
        }
    } else {
        let root = workdir.join("root");
        unpack(&image, offset, &root).and_then(|()| run_app(&image, &root, &args))
    };
    let _ = std::fs::remove_dir_all(&workdir);
    let status = result?;
    // Ended by a signal: the shell's convention, 128 + its number.
    Ok(status
        .code()
        .unwrap_or_else(|| 128 + std::os::unix::process::ExitStatusExt::signal(&status).unwrap_or(0)))
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

fn unmount(at: &Path) {
    for tool in ["fusermount3", "fusermount"] {
        if on_path(tool).is_some() {
            if let Ok(status) = Command::new(tool).arg("-u").arg(at).status() {
                if status.success() {
                    return;
                }
            }
        }
    }
    eprintln!("Cofnod AppImage: could not unmount {}", at.display());
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

/// The app the runtime started, to pass a stop signal on to (0: none yet).
static CHILD: AtomicI32 = AtomicI32::new(0);

extern "C" fn pass_on(signal: libc::c_int) {
    let pid = CHILD.load(Ordering::SeqCst);
    if pid > 0 {
        // SAFETY: kill(2) is async-signal-safe; the pid is the child's, which is not reaped
        // before wait() below returns.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

/// A stop signal sent to the AppImage (a desktop closing the session, a test driver ending
/// it) goes on to the app, and the runtime unmounts or cleans up once the app has ended.
fn pass_stop_signals_on() {
    for signal in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP, libc::SIGQUIT] {
        // SAFETY: the handler only reads an atomic and calls kill(2).
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = pass_on as extern "C" fn(libc::c_int) as libc::sighandler_t;
            action.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(signal, &action, std::ptr::null_mut());
        }
    }
}

/// Runs the AppDir's AppRun with the AppImage's environment and waits for it.
fn run_app(image: &Path, appdir: &Path, args: &[OsString]) -> Result<ExitStatus, String> {
    let mut command = Command::new(appdir.join("AppRun"));
    command
        .args(args)
        .env("APPIMAGE", image)
        .env("APPDIR", appdir)
        .env("ARGV0", std::env::args_os().next().unwrap_or_default());
    if let Ok(owd) = std::env::current_dir() {
        command.env("OWD", owd);
    }
    pass_stop_signals_on();
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", appdir.join("AppRun").display()))?;
    CHILD.store(i32::try_from(child.id()).unwrap_or(0), Ordering::SeqCst);
    let status = child.wait().map_err(|e| format!("lost the app: {e}"));
    CHILD.store(0, Ordering::SeqCst);
    status
}
