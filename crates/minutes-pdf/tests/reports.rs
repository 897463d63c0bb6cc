//! A report is checked before it is attached: a file that is not a PDF, a damaged PDF and a
//! password-protected one are refused with the reason, and nothing reaches the store; a
//! readable one is stored with its pages counted.

mod common;

use common::{report_pdf, ReportSpec};
use minutes_core::input::NewAgendaItem;
use minutes_core::BodyKind;
use minutes_core::{DocumentInfo, DocumentKind};
use minutes_pdf::report_pages;
use minutes_store::testing::{bare_store, d, new_body, new_meeting, one_page_pdf};
use minutes_store::Store;

/// What the app does with a file the clerk chose: count its pages, then attach it.
fn attach(store: &mut Store, item: uuid::Uuid, pdf: &[u8]) -> Result<DocumentInfo, String> {
    let pages = report_pages(pdf).map_err(|e| e.to_string())?;
    store
        .attach_document(item, "Report", DocumentKind::Report, pdf, pages)
        .map_err(|e| e.to_string())
}

fn documents(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM document", [], |r| r.get(0))
        .expect("count")
}

/// A one-page report encrypted (RC4, 128-bit) with a password needed to open it.
fn encrypted_pdf() -> Vec<u8> {
    use lopdf::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = lopdf::Document::load_mem(&report_pdf(&ReportSpec::a4("LOCKED", 1))).unwrap();
    let file_id = lopdf::Object::string_literal(b"0123456789abcdef".to_vec());
    doc.trailer.set("ID", vec![file_id.clone(), file_id]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn attachments_must_be_readable_pdfs() {
    let (mut store, seq) = bare_store();
    let body = new_body(&mut store, "Scrutiny", BodyKind::Scrutiny, seq.id);
    let meeting = new_meeting(&mut store, body.id, d(2015, 6, 1));
    let item = store
        .add_agenda_item(meeting.id, &NewAgendaItem::report("Inspection"))
        .unwrap()
        .id;

    let not_pdf = attach(&mut store, item, b"Dear Clerk, this is a letter").unwrap_err();
    assert!(not_pdf.contains("is not a PDF file"), "{not_pdf}");
    let damaged = attach(&mut store, item, b"%PDF-1.7\n garbage").unwrap_err();
    assert!(damaged.contains("damaged PDF"), "{damaged}");
    // A real PDF cut short in transfer: its pages are gone.
    let whole = report_pdf(&ReportSpec::a4("CUT", 1));
    let truncated = attach(&mut store, item, &whole[..whole.len() / 3]).unwrap_err();
    assert!(
        truncated.contains("damaged PDF") || truncated.contains("no pages"),
        "{truncated}"
    );
    // Password-protected: refused with what to do about it.
    let locked = attach(&mut store, item, &encrypted_pdf()).unwrap_err();
    assert!(locked.contains("encrypted"), "{locked}");
    assert!(locked.contains("unprotected copy"), "{locked}");
    assert_eq!(documents(&store), 0, "nothing refused is saved");

    let pdf = one_page_pdf();
    let doc = attach(&mut store, item, &pdf).unwrap();
    assert_eq!(doc.page_count, 1);
    assert_eq!(doc.sha256.len(), 64);
    assert_eq!(store.document_pdf(doc.id).unwrap(), pdf);
    assert_eq!(documents(&store), 1);
}
