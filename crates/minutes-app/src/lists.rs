//! The lists that grow with the archive, a page at a time: meetings, people, the audit logs
//! and the open referrals ("upcoming" and "overdue" judged on this council's today).

use minutes_core::{
    AuditPage, AuditQuery, MeetingPage, MeetingQuery, NoticeList, PersonPage, PersonQuery,
    ReferralPage, ReferralQuery,
};
use uuid::Uuid;

use crate::{Council, Result};

impl Council {
    /// A page of the meetings a search and its filters find, with how many they find in all.
    pub fn meetings_page(&self, query: &MeetingQuery) -> Result<MeetingPage> {
        let today = self.today();
        self.write(|s| s.meetings_page(query, today))
    }

    /// A page of the people whose names hold the search's words, by surname.
    pub fn people_page(&self, query: &PersonQuery) -> Result<PersonPage> {
        self.write(|s| s.people_page(query))
    }

    /// A page of a meeting's audit log, newest first.
    pub fn audit_page(&self, meeting_id: Uuid, query: &AuditQuery) -> Result<AuditPage> {
        self.write(|s| s.audit_page(meeting_id, query))
    }

    /// A page of the changes to bodies, memberships and sequences' starting numbers, newest first.
    pub fn setup_audit_page(&self, query: &AuditQuery) -> Result<AuditPage> {
        self.write(|s| s.setup_audit_page(query))
    }

    /// A page of the open referrals, overdue first, on today's date.
    pub fn referrals_page(&self, query: &ReferralQuery) -> Result<ReferralPage> {
        let today = self.today();
        self.write(|s| s.referrals_page(query, today))
    }

    /// The first `limit` notices of decisions needing attention today (overdue, or due within
    /// three working days; earliest due first), and how many need it in all: a council that
    /// brings in years of meetings without their notices has thousands overdue.
    pub fn notices_attention(&self, limit: u32) -> Result<NoticeList> {
        let mut items = self.notices_needing_attention()?;
        let total = u32::try_from(items.len()).unwrap_or(u32::MAX);
        items.truncate(minutes_core::page_size(Some(limit)) as usize);
        Ok(NoticeList { items, total })
    }
}
