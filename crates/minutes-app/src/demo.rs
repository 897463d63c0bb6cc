//! The demo council: what the app opens when the clerk chooses it on first start, and
//! `cofnod init --demo` loads.

use minutes_store::demo::{self, DemoIds};

use crate::print::issue_demo_agenda;
use crate::{AppError, Council, Result};

impl Council {
    /// Loads the demo council when the database holds no council yet (`cofnod init --demo`).
    /// The demo's ids when it loaded.
    pub fn ensure_demo(&self) -> Result<Option<DemoIds>> {
        if self.write(|s| Ok::<_, AppError>(s.authority().is_ok()))? {
            return Ok(None);
        }
        self.load_demo().map(Some)
    }

    /// Loads the demo council, all in one transaction: bodies, members, the scrutiny meeting
    /// of 5th January, 2015 with its minutes, the officer's report and appendix attached to
    /// its inspection item, and its agenda pack recorded as issued on 24th December, 2014.
    /// Refused when the database already holds a council.
    pub fn load_demo(&self) -> Result<DemoIds> {
        let today = self.today();
        let place = self
            .path()
            .map_or("This database".to_string(), |p| p.display().to_string());
        self.write(|store| {
            store.atomically(|s| {
                s.refuse_if_council(&place, "the demo loads")?;
                let ids = demo::load_demo(s)?;
                for r in demo::demo_reports(&ids) {
                    let pdf =
                        minutes_pdf::minutes_pdf(&r.document, &minutes_pdf::PdfOptions::default())
                            .map_err(|e| demo_failed(&e))?;
                    let pages = minutes_pdf::report_pages(&pdf)?;
                    s.attach_document(r.item_id, &r.title, r.kind, &pdf, pages)?;
                }
                issue_demo_agenda(s, ids.meeting, today).map_err(|e| match e {
                    AppError::Store(e) => e,
                    other => demo_failed(&other),
                })?;
                Ok(ids)
            })
        })
    }
}

fn demo_failed(e: &dyn std::fmt::Display) -> minutes_store::StoreError {
    minutes_store::StoreError::Io {
        context: "printing the demo's reports".into(),
        source: std::io::Error::other(e.to_string()),
    }
}
