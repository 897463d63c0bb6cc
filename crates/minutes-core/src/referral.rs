//! The referral lifecycle: issued -> scheduled at the target -> considered (with an outcome)
//! -> reported back -> closed. A referral is overdue when it is still waiting for the target
//! body after its response was due.

use chrono::{Datelike, Months, NaiveDate};

use crate::error::DomainError;
use crate::model::{Referral, ReferralPurpose, ReferralStatus};

/// Whether a referral may move from `from` to `to`.
///
/// A deferred referral goes back from considered to scheduled; nothing moves backwards
/// otherwise, and nothing leaves `Closed`.
pub fn can_move(from: ReferralStatus, to: ReferralStatus) -> bool {
    use ReferralStatus::*;
    matches!(
        (from, to),
        (Issued, Scheduled)
            | (Issued, Considered)
            | (Scheduled, Considered)
            | (Considered, Scheduled)
            | (Considered, ReportedBack)
            | (Considered, Closed)
            | (ReportedBack, Closed)
    )
}

pub fn check_move(from: ReferralStatus, to: ReferralStatus) -> Result<(), DomainError> {
    if can_move(from, to) {
        Ok(())
    } else {
        Err(DomainError::Transition {
            what: "A referral".into(),
            from: from.as_str().replace('_', " "),
            to: to.as_str().replace('_', " "),
        })
    }
}

/// The last day for the target body's response.
///
/// A period of two months *beginning with* the day it was sent (LGA 2000 s.21B) ends the day
/// before the corresponding date two months on: sent 10 January, due 9 March. Where that
/// month has no corresponding date (sent 31 December), the period ends on its last day.
/// Every purpose uses the same rule unless a due date is given explicitly.
pub fn response_due(sent_on: NaiveDate, _purpose: ReferralPurpose) -> NaiveDate {
    match sent_on.checked_add_months(Months::new(2)) {
        Some(corresponding) if corresponding.day() == sent_on.day() => {
            corresponding.pred_opt().unwrap_or(corresponding)
        }
        Some(last_day_of_month) => last_day_of_month,
        None => sent_on,
    }
}

/// Still waiting for the target after the due date.
pub fn is_overdue(status: ReferralStatus, due: NaiveDate, today: NaiveDate) -> bool {
    matches!(status, ReferralStatus::Issued | ReferralStatus::Scheduled) && today > due
}

// Written here rather than in `model`, so that the model imports none of the rules.
impl Referral {
    /// Late: still waiting for the target body after the response was due.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        is_overdue(self.status, self.response_due, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReferralStatus::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn s21b_two_months_beginning_with_the_day_sent() {
        let due = response_due(d(2015, 1, 10), ReferralPurpose::S21Report);
        assert_eq!(due, d(2015, 3, 9));
        assert!(!is_overdue(Issued, due, d(2015, 3, 9)));
        assert!(is_overdue(Issued, due, d(2015, 3, 10)));
        assert!(is_overdue(Scheduled, due, d(2015, 3, 10)));
        assert!(!is_overdue(Considered, due, d(2015, 3, 10)));
        assert!(!is_overdue(Closed, due, d(2016, 1, 1)));
    }

    #[test]
    fn no_corresponding_date_ends_on_the_last_day_of_the_month() {
        assert_eq!(
            response_due(d(2014, 12, 31), ReferralPurpose::ForDecision),
            d(2015, 2, 28)
        );
        assert_eq!(
            response_due(d(2015, 12, 31), ReferralPurpose::ForDecision),
            d(2016, 2, 29)
        );
    }

    #[test]
    fn lifecycle_moves_only_forward() {
        let all = ReferralStatus::ALL;
        let allowed: Vec<_> = all
            .iter()
            .flat_map(|a| all.iter().map(move |b| (*a, *b)))
            .filter(|(a, b)| can_move(*a, *b))
            .collect();
        assert_eq!(allowed.len(), 7);
        assert!(check_move(Issued, Closed).is_err());
        assert!(check_move(Closed, Issued).is_err());
        assert!(check_move(ReportedBack, Considered).is_err());
        assert!(
            check_move(Considered, Scheduled).is_ok(),
            "a deferral reschedules"
        );
        let msg = check_move(Closed, Issued).unwrap_err().to_string();
        assert_eq!(msg, "A referral cannot move from closed to issued");
    }
}
