//! What a report attached to an agenda item must be before it is stored: a readable,
//! unencrypted PDF with pages, which the pack can merge. The store keeps the bytes and the
//! page count counted here; it never reads a PDF itself.

use minutes_core::DomainError;

/// Largest report accepted, in bytes (the store refuses larger ones too).
const MAX_REPORT_BYTES: usize = 512 * 1024 * 1024;

/// Reads a report far enough to count its pages, refusing, with the reason, what cannot be
/// merged into a pack: a file that is not a PDF, a damaged or an encrypted PDF, or one with
/// no pages.
pub fn report_pages(pdf: &[u8]) -> Result<u32, DomainError> {
    if pdf.len() > MAX_REPORT_BYTES {
        return Err(DomainError::invalid("Document", "is larger than 512 MB"));
    }
    if !pdf.starts_with(b"%PDF-") {
        return Err(DomainError::invalid(
            "Document",
            "is not a PDF file (it does not start with %PDF-)",
        ));
    }
    let doc = lopdf::Document::load_mem(pdf).map_err(|e| {
        DomainError::invalid(
            "Document",
            format!("is a damaged PDF that cannot be read ({e})"),
        )
    })?;
    if doc.is_encrypted() {
        return Err(DomainError::invalid(
            "Document",
            "is an encrypted (password-protected) PDF; save an unprotected copy and attach that",
        ));
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(DomainError::invalid("Document", "is a PDF with no pages"));
    }
    u32::try_from(pages).map_err(|_| DomainError::invalid("Document", "has too many pages"))
}
