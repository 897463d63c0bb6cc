//! An AppDir packed by appdir-pack as the bundler calls it, then run as a user runs an AppImage:
//! the app gets its arguments and the AppImage's environment, its exit code comes back, and
//! nothing is left in the temporary folder. Needs squashfs-tools (make system-deps).

use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;
use std::process::Command;

fn write_exec(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

fn appdir(root: &Path) -> std::path::PathBuf {
    appdir_running(
        root,
        "#!/bin/sh\necho \"args: $*\"\necho \"inside: $(cat \"$APPDIR/usr/bin/marker\")\"\necho \"image: $APPIMAGE\"\nexit 7\n",
    )
}

fn appdir_running(root: &Path, apprun: &str) -> std::path::PathBuf {
    let dir = root.join("Test.AppDir");
    std::fs::create_dir_all(dir.join("usr/bin")).expect("mkdir");
    write_exec(&dir.join("AppRun"), apprun);
    std::fs::write(dir.join("usr/bin/marker"), "the packed file").expect("write");
    std::fs::write(dir.join("Test.desktop"), "[Desktop Entry]\nName=Test\n").expect("write");
    std::fs::write(dir.join("Test.png"), b"png").expect("write");
    symlink("Test.png", dir.join(".DirIcon")).expect("symlink");
    dir
}

fn pack(root: &Path, dir: &Path) -> std::path::PathBuf {
    let image = root.join("Test_0.1.0_amd64.AppImage");
    let out = Command::new(env!("CARGO_BIN_EXE_appdir-pack"))
        .args(["--appimage-extract-and-run", "--verbosity", "1", "--appdir"])
        .arg(dir)
        .args(["--plugin", "gtk", "--output", "appimage"])
        .env("OUTPUT", &image)
        .output()
        .expect("run appdir-pack");
    assert!(
        out.status.success(),
        "appdir-pack failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    image
}

#[test]
fn the_packed_appimage_runs_its_app_and_cleans_up() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let runtime_dir = tmp.path().join("run");
    std::fs::create_dir(&runtime_dir).expect("mkdir");
    let image = pack(tmp.path(), &appdir(tmp.path()));
    assert_eq!(
        std::fs::metadata(&image)
            .expect("the AppImage")
            .permissions()
            .mode()
            & 0o111,
        0o111,
        "the AppImage can be run"
    );
    assert!(
        !tmp.path().join("Test_0.1.0_amd64.squashfs").exists(),
        "the packer's image file is removed"
    );

    for extract in ["1", "0"] {
        let out = Command::new(&image)
            .args(["first", "second"])
            .env("APPIMAGE_EXTRACT_AND_RUN", extract)
            .env("XDG_RUNTIME_DIR", &runtime_dir)
            .output()
            .expect("run the AppImage");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(7),
            "the app's exit code comes back; {stdout}"
        );
        assert!(stdout.contains("args: first second"), "{stdout}");
        assert!(stdout.contains("inside: the packed file"), "{stdout}");
        assert!(
            stdout.contains(&format!("image: {}", image.display())),
            "{stdout}"
        );
        // The cleaner removes the mount or the unpacked copy once the app has ended.
        let left = left_in(&runtime_dir, 10);
        assert!(left.is_empty(), "left behind: {left:?}");
    }
}

/// Names in `dir`, waiting up to `secs` for it to empty.
fn left_in(dir: &Path, secs: u64) -> Vec<std::ffi::OsString> {
    let until = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while std::fs::read_dir(dir).expect("read").count() > 0 && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    std::fs::read_dir(dir)
        .expect("read")
        .flatten()
        .map(|e| e.file_name())
        .collect()
}

/// As WebKit's helper processes do when the real app quits: something the app started still
/// uses the mounted image for a few seconds after the app itself has ended. The cleaner waits
/// for it rather than giving up and leaving the mount behind.
#[test]
fn a_mount_still_in_use_when_the_app_ends_is_still_cleaned_up() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let runtime_dir = tmp.path().join("run");
    std::fs::create_dir(&runtime_dir).expect("mkdir");
    let image = pack(
        tmp.path(),
        &appdir_running(
            tmp.path(),
            "#!/bin/sh\n(cd \"$APPDIR/usr/bin\" && sleep 3) </dev/null >/dev/null 2>&1 &\nexit 0\n",
        ),
    );
    // Not `output()`: the cleaner keeps the AppImage's stderr to report on, so that would wait
    // for the cleaner too.
    let status = Command::new(&image)
        .env("APPIMAGE_EXTRACT_AND_RUN", "0")
        .env("XDG_RUNTIME_DIR", &runtime_dir)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("run the AppImage");
    assert!(status.success(), "the app ended well: {status}");
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").expect("mountinfo");
    assert!(
        mounts.contains(&*runtime_dir.to_string_lossy()),
        "the image was mounted (squashfuse and /dev/fuse are here), and is still in use once the app has ended"
    );
    let left = left_in(&runtime_dir, 25);
    assert!(left.is_empty(), "left behind: {left:?}");
    let mounts = std::fs::read_to_string("/proc/self/mountinfo").expect("mountinfo");
    assert!(
        !mounts.contains(&*runtime_dir.to_string_lossy()),
        "nothing stays mounted"
    );
}

#[test]
fn appimage_extract_unpacks_into_squashfs_root() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let image = pack(tmp.path(), &appdir(tmp.path()));
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).expect("mkdir");
    let out = Command::new(&image)
        .arg("--appimage-extract")
        .current_dir(&work)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let marker =
        std::fs::read_to_string(work.join("squashfs-root/usr/bin/marker")).expect("unpacked file");
    assert_eq!(marker, "the packed file");
    assert!(work.join("squashfs-root/AppRun").is_file());
}

#[test]
fn an_appdir_without_apprun_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = appdir(tmp.path());
    std::fs::remove_file(dir.join("AppRun")).expect("rm");
    let image = tmp.path().join("Broken.AppImage");
    let out = Command::new(env!("CARGO_BIN_EXE_appdir-pack"))
        .args(["--appdir"])
        .arg(&dir)
        .args(["--output", "appimage"])
        .env("OUTPUT", &image)
        .output()
        .expect("run appdir-pack");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("AppRun is missing"), "{err}");
    assert!(!image.exists(), "no AppImage is written");
}
