//! Cofnod's AppImage, made from what Debian and crates.io provide.
//!
//! An AppImage (type 2) is an ELF program, the runtime, followed by a SquashFS image of an
//! AppDir. The runtime finds the image where its own ELF file ends, mounts it (or unpacks
//! it) and runs the AppDir's `AppRun`. Tauri's bundler makes the AppDir and then hands it to
//! linuxdeploy, which it downloads from GitHub; `appdir-pack` stands in for linuxdeploy
//! (`make package` puts it where the bundler looks), packs the AppDir with `mksquashfs` and
//! puts the runtime built here in front of it.
//!
//! What differs from linuxdeploy's AppImages: the libraries are not copied in. The image
//! uses the computer's own WebKitGTK (Debian's `libwebkit2gtk-4.1-0`), as the .deb does, and
//! its runtime mounts with `squashfuse` or unpacks with `unsquashfs` from the computer
//! rather than carrying a FUSE library of its own.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

/// Where the ELF file at the front of `bytes` ends: past its section headers and past the
/// last section with contents, whichever is further. The SquashFS image starts there.
///
/// `read_at(offset, buf)` fills `buf` from that offset of the file.
pub fn elf_end(
    mut read_at: impl FnMut(u64, &mut [u8]) -> Result<(), String>,
) -> Result<u64, String> {
    let mut header = [0u8; 64];
    read_at(0, &mut header)?;
    if header[..4] != [0x7f, b'E', b'L', b'F'] {
        return Err("not an ELF program (no \\x7fELF at its start)".into());
    }
    if header[4] != 2 {
        return Err("not a 64-bit ELF program".into());
    }
    if header[5] != 1 {
        return Err("not a little-endian ELF program".into());
    }
    let u16_at = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]);
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let u64_at = |b: &[u8], at: usize| {
        let mut v = [0u8; 8];
        v.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(v)
    };
    let shoff = u64_at(&header, 0x28);
    let shentsize = u64::from(u16_at(&header, 0x3a));
    let shnum = u64::from(u16_at(&header, 0x3c));
    let phoff = u64_at(&header, 0x20);
    let phentsize = u64::from(u16_at(&header, 0x36));
    let phnum = u64::from(u16_at(&header, 0x38));
    if shnum > 0 && shentsize < 64 {
        return Err(format!(
            "section header entries of {shentsize} bytes (a 64-bit ELF has 64)"
        ));
    }
    let overflow = || "the ELF header's offsets run past 2^64 bytes".to_string();
    let mut end = shoff
        .checked_add(shentsize.checked_mul(shnum).ok_or_else(overflow)?)
        .ok_or_else(overflow)?;
    end = end.max(
        phoff
            .checked_add(phentsize.checked_mul(phnum).ok_or_else(overflow)?)
            .ok_or_else(overflow)?,
    );
    let mut entry = vec![0u8; 64];
    for i in 0..shnum {
        read_at(shoff + i * shentsize, &mut entry)?;
        const SHT_NOBITS: u32 = 8;
        if u32_at(&entry, 4) == SHT_NOBITS {
            continue;
        }
        let section_end = u64_at(&entry, 0x18)
            .checked_add(u64_at(&entry, 0x20))
            .ok_or_else(overflow)?;
        end = end.max(section_end);
    }
    Ok(end)
}

/// Where the SquashFS image starts in the AppImage at `path`.
pub fn payload_offset(path: &Path) -> Result<u64, String> {
    let mut file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let len = file
        .metadata()
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .len();
    let end = elf_end(|offset, buf| {
        if offset.saturating_add(buf.len() as u64) > len {
            return Err(format!(
                "{} ends inside its own ELF headers",
                path.display()
            ));
        }
        file.seek(SeekFrom::Start(offset))
            .and_then(|_| file.read_exact(buf))
            .map_err(|e| format!("cannot read {}: {e}", path.display()))
    })?;
    if end >= len {
        return Err(format!(
            "{} has no image after its program (it is {len} bytes and the program ends at {end})",
            path.display()
        ));
    }
    let mut magic = [0u8; 4];
    file.seek(SeekFrom::Start(end))
        .and_then(|_| file.read_exact(&mut magic))
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if &magic != b"hsqs" {
        return Err(format!(
            "{} has no SquashFS image where its program ends (byte {end})",
            path.display()
        ));
    }
    Ok(end)
}

/// The first `name` on the PATH that is a file, as the shell would find it.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn this_program() -> PathBuf {
        std::env::current_exe().expect("the test binary's path")
    }

    #[test]
    fn the_image_is_found_where_the_runtime_ends() {
        let exe = std::fs::read(this_program()).expect("read the test binary");
        let dir = tempfile::tempdir().expect("temp dir");
        let image = dir.path().join("Test.AppImage");
        let mut f = File::create(&image).expect("create");
        f.write_all(&exe).expect("write");
        f.write_all(b"hsqs and the rest of an image")
            .expect("write");
        drop(f);
        assert_eq!(payload_offset(&image), Ok(exe.len() as u64));
    }

    #[test]
    fn a_program_with_nothing_after_it_is_refused() {
        let err = payload_offset(&this_program()).expect_err("no image");
        assert!(err.contains("has no image after its program"), "{err}");
    }

    #[test]
    fn a_program_followed_by_something_else_is_refused() {
        let exe = std::fs::read(this_program()).expect("read the test binary");
        let dir = tempfile::tempdir().expect("temp dir");
        let image = dir.path().join("Other.AppImage");
        std::fs::write(&image, [exe.as_slice(), b"PK\x03\x04 a zip file"].concat()).expect("write");
        let err = payload_offset(&image).expect_err("not squashfs");
        assert!(
            err.contains("has no SquashFS image where its program ends"),
            "{err}"
        );
    }

    #[test]
    fn a_file_that_is_not_elf_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let script = dir.path().join("script");
        std::fs::write(
            &script,
            "#!/bin/sh\necho hello, this is long enough to read a header from; ".repeat(4),
        )
        .expect("write");
        let err = payload_offset(&script).expect_err("not elf");
        assert!(err.contains("not an ELF program"), "{err}");
        let short = dir.path().join("short");
        std::fs::write(&short, b"\x7fELF").expect("write");
        let err = payload_offset(&short).expect_err("too short");
        assert!(err.contains("ends inside its own ELF headers"), "{err}");
    }
}
