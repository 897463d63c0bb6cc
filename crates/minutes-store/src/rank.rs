//! `register_rank`: the register's relevance, as FTS5's bm25 computes it, with the inverse
//! document frequencies given by the caller.
//!
//! FTS5's own `bm25()` starts every query by counting, for each phrase, every document in the
//! table that holds it, to weigh rare words above common ones. For a common word or a short
//! typed prefix that count reads hundreds of thousands of entries (3 to 20 ms over 200,000
//! resolutions), however few rows are then ranked. `register_rank(register_fts, w1, w2, w3,
//! idf1, idf2, ...)` scores a row exactly as `bm25(register_fts, w1, w2, w3)` does
//! (k1 = 1.2, b = 0.75, column weights, document length against the average), but takes each
//! phrase's IDF as an argument (1.0 when not given), so it costs the same for any word. With
//! one phrase the IDF only scales every score alike, and the order is bm25's exactly; with
//! several, the caller estimates them (see `register::phrase_idfs`).
//!
//! `register_phrase(register_fts)` tells, in an all-words query, the rows holding the words
//! as a phrase, so one read of the index serves both (see `register::search_limited`).

use std::ffi::{c_int, c_void, CStr};
use std::ptr;

use rusqlite::ffi;
use rusqlite::Connection;

use crate::{Result, StoreError};

const NAME: &CStr = c"register_rank";

type Fts5Function = unsafe extern "C" fn(
    *const ffi::Fts5ExtensionApi,
    *mut ffi::Fts5Context,
    *mut ffi::sqlite3_context,
    c_int,
    *mut *mut ffi::sqlite3_value,
);

/// Registers `register_rank` on this connection (every connection that searches the register).
pub(crate) fn register(conn: &Connection) -> Result<()> {
    // SAFETY: `handle` is this open connection's own pointer, used on this thread only while
    // `conn` is borrowed. The statement is finalised on every path. `fts5(?1)` with a bound
    // "fts5_api_ptr" pointer is SQLite's documented way to reach the FTS5 API, and the API
    // lives as long as the connection; the function registered keeps no user data.
    unsafe {
        let db = conn.handle();
        let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
        let rc = ffi::sqlite3_prepare_v2(
            db,
            c"SELECT fts5(?1)".as_ptr(),
            -1,
            &mut stmt,
            ptr::null_mut(),
        );
        if rc != ffi::SQLITE_OK {
            return Err(fail("the full-text index is not available"));
        }
        let mut api: *mut ffi::fts5_api = ptr::null_mut();
        let rc = ffi::sqlite3_bind_pointer(
            stmt,
            1,
            (&mut api as *mut *mut ffi::fts5_api).cast::<c_void>(),
            c"fts5_api_ptr".as_ptr(),
            None,
        );
        let stepped = if rc == ffi::SQLITE_OK {
            ffi::sqlite3_step(stmt)
        } else {
            rc
        };
        ffi::sqlite3_finalize(stmt);
        if stepped != ffi::SQLITE_ROW || api.is_null() || (*api).iVersion < 2 {
            return Err(fail("the full-text index is not available"));
        }
        let Some(create) = (*api).xCreateFunction else {
            return Err(fail("the full-text index cannot take a ranking function"));
        };
        for (name, f) in [
            (NAME, register_rank as Fts5Function),
            (c"register_phrase", register_phrase as Fts5Function),
        ] {
            if create(api, name.as_ptr(), ptr::null_mut(), Some(f), None) != ffi::SQLITE_OK {
                return Err(fail("the full-text index refused the ranking functions"));
            }
        }
    }
    Ok(())
}

fn fail(what: &str) -> StoreError {
    StoreError::Sqlite(rusqlite::Error::SqliteFailure(
        ffi::Error::new(ffi::SQLITE_ERROR),
        Some(format!("setting up the register search: {what}")),
    ))
}

/// One FTS5 API call's result code, as a Result.
fn ok(rc: c_int) -> std::result::Result<(), c_int> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rc)
    }
}

/// The score of the current row; lower is better, as bm25() returns it.
///
/// # Safety
/// Called by FTS5 only, with its API, the row's context, and `n_val` argument values.
unsafe fn score(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) -> std::result::Result<f64, c_int> {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let missing = ffi::SQLITE_MISUSE;
    let (Some(phrase_count), Some(inst_count), Some(inst), Some(column_size)) =
        (api.xPhraseCount, api.xInstCount, api.xInst, api.xColumnSize)
    else {
        return Err(missing);
    };
    let (Some(row_count), Some(total_size)) = (api.xRowCount, api.xColumnTotalSize) else {
        return Err(missing);
    };
    let arg = |i: c_int, default: f64| -> f64 {
        if i < n_val {
            // SAFETY: FTS5 passes `n_val` valid values.
            unsafe { ffi::sqlite3_value_double(*vals.add(i as usize)) }
        } else {
            default
        }
    };
    let phrases = phrase_count(fts).max(0) as usize;
    let mut freq = vec![0.0f64; phrases];
    let mut n_inst: c_int = 0;
    ok(inst_count(fts, &mut n_inst))?;
    for i in 0..n_inst {
        let (mut ip, mut ic, mut io) = (0, 0, 0);
        ok(inst(fts, i, &mut ip, &mut ic, &mut io))?;
        if let Some(f) = freq.get_mut(ip.max(0) as usize) {
            *f += arg(ic, 1.0);
        }
    }
    let mut tokens: c_int = 0;
    ok(column_size(fts, -1, &mut tokens))?;
    let (mut rows, mut all_tokens) = (0i64, 0i64);
    ok(row_count(fts, &mut rows))?;
    ok(total_size(fts, -1, &mut all_tokens))?;
    let avgdl = if rows > 0 && all_tokens > 0 {
        all_tokens as f64 / rows as f64
    } else {
        1.0
    };
    let d = tokens as f64;
    let mut score = 0.0;
    for (i, f) in freq.iter().enumerate() {
        let idf = arg(3 + i as c_int, 1.0);
        score += idf * (f * (K1 + 1.0)) / (f + K1 * (1.0 - B + B * d / avgdl));
    }
    Ok(-score)
}

unsafe extern "C" fn register_rank(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_val: c_int,
    vals: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 calls this with its API, the current row's context and the arguments.
    let result = match api.as_ref() {
        Some(api) => unsafe { score(api, fts, n_val, vals) },
        None => Err(ffi::SQLITE_MISUSE),
    };
    match result {
        Ok(s) => unsafe { ffi::sqlite3_result_double(ctx, s) },
        Err(rc) => unsafe { ffi::sqlite3_result_error_code(ctx, rc) },
    }
}

/// `register_phrase(register_fts)`: 1 when the current row holds the query's phrases one
/// after another, in order, in one column (the words typed, as a phrase), else 0. Lets one
/// all-words query tell the exact matches from the others.
unsafe extern "C" fn register_phrase(
    api: *const ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    _n_val: c_int,
    _vals: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 calls this with its API and the current row's context.
    let result = match api.as_ref() {
        Some(api) => unsafe { in_order(api, fts) },
        None => Err(ffi::SQLITE_MISUSE),
    };
    match result {
        Ok(b) => unsafe { ffi::sqlite3_result_int(ctx, c_int::from(b)) },
        Err(rc) => unsafe { ffi::sqlite3_result_error_code(ctx, rc) },
    }
}

/// Whether the phrases of the query follow one another in one column of the current row.
///
/// # Safety
/// Called by FTS5 only, with its API and the row's context.
unsafe fn in_order(
    api: &ffi::Fts5ExtensionApi,
    fts: *mut ffi::Fts5Context,
) -> std::result::Result<bool, c_int> {
    let (Some(phrase_count), Some(phrase_size), Some(inst_count), Some(inst)) =
        (api.xPhraseCount, api.xPhraseSize, api.xInstCount, api.xInst)
    else {
        return Err(ffi::SQLITE_MISUSE);
    };
    let phrases = phrase_count(fts).max(0) as usize;
    // Where each phrase must start, relative to the first.
    let mut shift = Vec::with_capacity(phrases);
    let mut at = 0;
    for p in 0..phrases {
        shift.push(at);
        at += phrase_size(fts, p as c_int).max(0);
    }
    let mut n: c_int = 0;
    ok(inst_count(fts, &mut n))?;
    let mut places: Vec<std::collections::HashSet<(c_int, c_int)>> =
        vec![Default::default(); phrases];
    for i in 0..n {
        let (mut ip, mut ic, mut io) = (0, 0, 0);
        ok(inst(fts, i, &mut ip, &mut ic, &mut io))?;
        if let (Some(set), Some(s)) = (
            places.get_mut(ip.max(0) as usize),
            shift.get(ip.max(0) as usize),
        ) {
            set.insert((ic, io - s));
        }
    }
    let Some((first, rest)) = places.split_first() else {
        return Ok(false);
    };
    Ok(first
        .iter()
        .any(|start| rest.iter().all(|set| set.contains(start))))
}
