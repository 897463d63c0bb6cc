//! Layout: the minutes' lines measured, broken and set on A4 pages.
//!
//! Text is measured with the embedded font's own advance widths (the `hmtx` table through
//! printpdf's parsed font) and broken greedily at spaces, ragged right, never inside the
//! letter-spaced "T H A T" nor before a closing dash. A word is broken inside only when it
//! alone is wider than the line (long URLs), preferably before a `/`, `.` or `-`. No line is
//! ever wider than its column, and no line is placed below the body area, so no text can
//! leave the margins.
//!
//! Pagination keeps a minute heading, a decision keyword or a sub-heading on the same page as
//! at least the first two lines of what follows, and avoids a single first line at the foot of
//! a page (orphan) or a single last line at the head of the next (widow).
//!
//! Coordinates are in points, measured from the top-left corner of the page; `y` of a run is
//! its baseline.

use std::sync::OnceLock;

use minutes_core::render::{Line, MinutesDocument};
use minutes_core::Language;
use printpdf::ParsedFont;

use crate::PdfError;

pub const PT_PER_MM: f32 = 72.0 / 25.4;
pub const PAGE_WIDTH: f32 = 210.0 * PT_PER_MM;
pub const PAGE_HEIGHT: f32 = 297.0 * PT_PER_MM;
pub const MARGIN_LEFT: f32 = 25.0 * PT_PER_MM;
pub const MARGIN_RIGHT: f32 = 25.0 * PT_PER_MM;
pub const TEXT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// Top of the body text; the running header sits above it, inside the top margin.
pub const BODY_TOP: f32 = 22.0 * PT_PER_MM;
/// Bottom of the body text; the footer sits below it, inside the bottom margin.
pub const BODY_BOTTOM: f32 = PAGE_HEIGHT - 22.0 * PT_PER_MM;

/// Body text size and line spacing.
pub const SIZE: f32 = 11.0;
pub const LEADING: f32 = 14.0;

pub(crate) const REGULAR_TTF: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// One font face and its advance widths.
pub struct Face {
    pub font: ParsedFont,
    units_per_em: f32,
    /// Advances of U+0000..U+0250 (Latin, with every Welsh circumflex), looked up once;
    /// `None` where the font has no glyph.
    latin: Vec<Option<u16>>,
}

impl Face {
    fn parse(bytes: &[u8], name: &'static str) -> Result<Self, &'static str> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(bytes, 0, &mut warnings).ok_or(name)?;
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(name);
        }
        let mut face = Self {
            font,
            units_per_em,
            latin: Vec::new(),
        };
        face.latin = (0..0x250u32)
            .map(|cp| {
                let gid = face.font.lookup_glyph_index(cp)?;
                Some(face.font.get_horizontal_advance(gid))
            })
            .collect();
        Ok(face)
    }

    fn lookup_advance(&self, c: char) -> u16 {
        let gid = self.font.lookup_glyph_index(c as u32).unwrap_or(0);
        self.font.get_horizontal_advance(gid)
    }

    /// `text` as it can be printed in this face: control characters (tabs, line breaks)
    /// become spaces, soft hyphens go, and a character the font lacks becomes U+FFFD, so
    /// that what is measured is what is drawn, and a reader sees that a character is missing.
    pub fn printable(&self, text: &str) -> String {
        let has = |c: char| match self.latin.get(c as usize) {
            Some(known) => known.is_some(),
            None => self.font.lookup_glyph_index(c as u32).is_some(),
        };
        let missing = if has('\u{fffd}') { '\u{fffd}' } else { '?' };
        text.chars()
            .filter(|c| *c != '\u{ad}') // soft hyphens: no hyphenation here
            .map(|c| match c {
                c if c.is_control() => ' ',
                c if has(c) => c,
                _ => missing,
            })
            .collect()
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                let adv = match self.latin.get(c as usize) {
                    Some(Some(adv)) => *adv,
                    _ => self.lookup_advance(c),
                };
                u32::from(adv)
            })
            .sum();
        units as f32 * size / self.units_per_em
    }
}

/// The two faces the minutes use.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

static FONTS: OnceLock<Result<Fonts, &'static str>> = OnceLock::new();

impl Fonts {
    /// The embedded fonts, parsed once per process.
    pub fn load() -> Result<&'static Fonts, PdfError> {
        let fonts = FONTS.get_or_init(|| {
            Ok(Fonts {
                regular: Face::parse(REGULAR_TTF, "Liberation Sans Regular")?,
                bold: Face::parse(BOLD_TTF, "Liberation Sans Bold")?,
            })
        });
        fonts.as_ref().map_err(|name| PdfError::Font(name))
    }

    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        self.face(weight).width(text, size)
    }

    /// `text` cut to fit `max` points, with an ellipsis when cut.
    pub fn truncate(&self, text: &str, weight: Weight, size: f32, max: f32) -> String {
        let face = self.face(weight);
        let text = face.printable(text);
        if face.width(&text, size) <= max {
            return text;
        }
        let mut room = max - face.width("\u{2026}", size);
        let mut out = String::new();
        for c in text.chars() {
            room -= face.width(c.encode_utf8(&mut [0; 4]), size);
            if room < 0.0 {
                break;
            }
            out.push(c);
        }
        format!("{}\u{2026}", out.trim_end())
    }
}

/// A piece of text on the page: `y` is its baseline, from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub weight: Weight,
    pub size: f32,
    pub text: String,
    /// The structure element (an index into [`Laid::elements`]) the run is content of.
    pub elem: usize,
    /// The run is a label ("701", "(1)", "Present:"), not the text after it.
    pub label: bool,
}

/// A structure element of the tagged PDF: a standard role ("H2", "P", "LI", ...), its parent
/// (an index into the same list; `None` for the `Document` element, always the first), and in a
/// bilingual document the language of the passage it is in. Parents come before children, and
/// elements are listed in reading order of their first content.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub role: &'static str,
    pub parent: Option<usize>,
    pub lang: Option<Language>,
}

/// The laid-out document: its pages and the structure elements their runs belong to.
#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub pages: Vec<Page>,
    pub elements: Vec<Element>,
}

/// The logical structure being built alongside the blocks: which list, heading or table is
/// open, so that the next line joins it or closes it.
struct Tree {
    elements: Vec<Element>,
    lang: Option<Language>,
    /// The open lists, outermost first: each list (`L`) and the body (`LBody`) of its last item.
    lists: Vec<(usize, usize)>,
    /// The title group (`H1`) open: the authority, body and title lines.
    title: Option<usize>,
    /// The open table of fields (`Table`) and the last value cell (`TD`) in it.
    table: Option<(usize, usize)>,
}

impl Tree {
    fn new() -> Self {
        Self {
            elements: vec![Element {
                role: "Document",
                parent: None,
                lang: None,
            }],
            lang: None,
            lists: Vec::new(),
            title: None,
            table: None,
        }
    }

    fn add(&mut self, role: &'static str, parent: usize) -> usize {
        self.elements.push(Element {
            role,
            parent: Some(parent),
            lang: self.lang,
        });
        self.elements.len() - 1
    }

    /// Closes every open list, title and table.
    fn close(&mut self) {
        self.lists.clear();
        self.title = None;
        self.table = None;
    }

    /// A new element at the top level, after closing what was open.
    fn top(&mut self, role: &'static str) -> usize {
        self.close();
        self.add(role, 0)
    }

    /// The element that holds what is set at list depth `depth` (0: the margin): the body of
    /// the enclosing item, or the document.
    fn container(&self, depth: usize) -> usize {
        match depth.min(self.lists.len()) {
            0 => 0,
            d => self.lists[d - 1].1,
        }
    }

    /// A list item at `depth` (1: the outermost list): returns its label (`Lbl`) and body
    /// (`LBody`) elements. It joins the list open at that depth, or opens one.
    fn item(&mut self, depth: usize) -> (usize, usize) {
        self.title = None;
        self.table = None;
        let depth = depth.max(1);
        self.lists.truncate(depth);
        let list = if self.lists.len() == depth {
            self.lists[depth - 1].0
        } else {
            let parent = self.container(depth - 1);
            let l = self.add("L", parent);
            self.lists.truncate(depth - 1);
            self.lists.push((l, 0));
            l
        };
        let li = self.add("LI", list);
        let lbl = self.add("Lbl", li);
        let body = self.add("LBody", li);
        if let Some(last) = self.lists.last_mut() {
            last.1 = body;
        }
        (lbl, body)
    }

    /// A further paragraph set at list depth `depth`: inside the body of the item it continues.
    fn paragraph_at(&mut self, depth: usize) -> usize {
        self.title = None;
        self.table = None;
        self.lists.truncate(depth);
        let parent = self.container(depth);
        self.add("P", parent)
    }
}

/// A horizontal rule (the line to sign on).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub x1: f32,
    pub x2: f32,
    pub y: f32,
}

/// One laid-out page of body text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub runs: Vec<Run>,
    pub rules: Vec<Rule>,
}

// ---- Line breaking -----------------------------------------------------------------------

/// Where a word too long for the line is best broken (URLs, paths), in the Chicago manner:
/// before `/ . , - _ ? # % ~`, after `:` and `//`, before or after `=` and `&`. Breaking before
/// a hyphen, not after it, keeps it from reading as a hyphenation hyphen.
fn break_before(chars: &[(usize, char)], i: usize) -> bool {
    const BEFORE: &[char] = &['.', ',', '-', '_', '?', '#', '%', '~'];
    let at = |j: usize| chars.get(j).map(|&(_, c)| c);
    let (Some(c), Some(prev)) = (at(i), i.checked_sub(1).and_then(at)) else {
        return false;
    };
    if BEFORE.contains(&prev) {
        return false; // a line never ends with one of these
    }
    let after_double_slash = prev == '/' && i >= 2 && at(i - 2) == Some('/');
    match c {
        '/' => prev != '/' && prev != ':' && at(i + 1) != Some('/'),
        '=' | '&' => true,
        c if BEFORE.contains(&c) => true,
        _ => matches!(prev, '=' | '&') || (prev == ':' && c != '/') || after_double_slash,
    }
}

/// Breaking between these two words is not allowed: inside "T H A T" or "B O D" (single
/// letters in a row), before a lone dash ("RECOMMENDED –"), or between a title or initials
/// and the name that follows ("Ms. R. Morgan", "Councillor R.J. Bowen", "Item No. 4").
fn no_break_between(prev: &str, next: &str) -> bool {
    let letter = |w: &str| {
        let mut c = w.chars();
        matches!((c.next(), c.next()), (Some(l), None) if l.is_alphabetic())
    };
    let initials = prev.len() >= 2
        && prev.ends_with('.')
        && prev.split('.').filter(|p| !p.is_empty()).all(|p| {
            let mut c = p.chars();
            matches!((c.next(), c.next()), (Some(l), None) if l.is_uppercase())
        });
    let title = matches!(
        prev,
        "Mr." | "Mrs." | "Ms." | "Miss" | "Dr." | "Cllr." | "No." | "Mr" | "Mrs" | "Ms" | "Dr"
    );
    (letter(prev) && letter(next))
        || matches!(next, "\u{2013}" | "\u{2014}" | "-")
        || ((initials || title) && !next.is_empty())
}

/// Breaks `text` into lines no wider than `first` (the first line) and `rest` (the others).
/// Runs of spaces inside a line are kept as written; spaces at a break are dropped.
pub fn wrap(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    size: f32,
    first: f32,
    rest: f32,
) -> Vec<String> {
    let face = fonts.face(weight);
    let width = |s: &str| face.width(s, size);
    let clean = face.printable(text);

    // Words, each with the spaces before it.
    let mut words: Vec<(&str, &str)> = Vec::new();
    let mut rest_text = clean.trim_matches(' ');
    while !rest_text.is_empty() {
        let gap_len = rest_text.len() - rest_text.trim_start_matches(' ').len();
        let (gap, after) = rest_text.split_at(gap_len);
        let word_len = after.find(' ').unwrap_or(after.len());
        let (word, tail) = after.split_at(word_len);
        words.push((gap, word));
        rest_text = tail;
    }

    // Units that stay together, each with the spaces before it. A group too wide for a line
    // is set word by word after all.
    let narrowest = first.min(rest);
    let mut units: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut j = i + 1;
        while j < words.len() && no_break_between(words[j - 1].1, words[j].1) {
            j += 1;
        }
        let mut unit = words[i].1.to_string();
        for (gap, word) in &words[i + 1..j] {
            unit.push_str(gap);
            unit.push_str(word);
        }
        if j - i > 1 && width(&unit) > narrowest {
            // Too wide for any line: word by word, but a dash still goes with its word.
            for (gap, word) in &words[i..j] {
                match units.last_mut() {
                    Some((_, last)) if no_break_between("", word) => {
                        last.push_str(gap);
                        last.push_str(word);
                    }
                    _ => units.push((gap.to_string(), word.to_string())),
                }
            }
        } else {
            units.push((words[i].0.to_string(), unit));
        }
        i = j;
    }

    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_w = 0.0;
    for (gap, unit) in units {
        let mut unit = unit;
        let mut unit_w = width(&unit);
        loop {
            let avail = if lines.is_empty() { first } else { rest };
            if cur.is_empty() {
                if unit_w <= avail {
                    cur = unit;
                    cur_w = unit_w;
                    break;
                }
                // The word alone is wider than the line: break inside it.
                let (head, tail) = split_word(&unit, avail, &width);
                lines.push(head);
                unit = tail;
                unit_w = width(&unit);
                if unit.is_empty() {
                    break;
                }
                continue;
            }
            let gap_w = width(&gap);
            if cur_w + gap_w + unit_w <= avail {
                cur.push_str(&gap);
                cur.push_str(&unit);
                cur_w += gap_w + unit_w;
                break;
            }
            lines.push(std::mem::take(&mut cur));
            cur_w = 0.0;
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The longest start of `word` that fits `avail` (at least one character), cut at the last
/// URL-like break point in its second half when there is one.
fn split_word(word: &str, avail: f32, width: &dyn Fn(&str) -> f32) -> (String, String) {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut fit = 0; // characters in the longest fitting start
    let mut soft = 0; // characters before the last good break point within it
    for (i, &(idx, c)) in chars.iter().enumerate() {
        let end = idx + c.len_utf8();
        if i > 0 && width(&word[..end]) > avail {
            break;
        }
        if break_before(&chars, i) {
            soft = i;
        }
        fit = i + 1;
    }
    let n = if soft * 2 >= fit && soft > 0 {
        soft
    } else {
        fit
    };
    let cut = chars.get(n).map_or(word.len(), |&(idx, _)| idx);
    let (head, tail) = word.split_at(cut);
    (head.trim_end().to_string(), tail.trim_start().to_string())
}

// ---- Blocks ------------------------------------------------------------------------------

/// One line of a block: its runs and rules, `y` relative to the line's top.
#[derive(Debug, Default)]
struct TextLine {
    height: f32,
    runs: Vec<Run>,
    rules: Vec<Rule>,
}

/// A paragraph-like unit: its lines are placed together, or split between pages when it is
/// breakable.
#[derive(Debug)]
struct Block {
    space_before: f32,
    lines: Vec<TextLine>,
    breakable: bool,
    /// A heading: must stay on the page with the start of the next block.
    keep_with_next: bool,
    /// A page break: what follows starts a new page.
    new_page: bool,
}

impl Block {
    fn height(&self) -> f32 {
        self.lines.iter().map(|l| l.height).sum()
    }
}

/// The baseline within a line box of `leading` for text of `size`, centring the font's
/// ascent (0.905 em) and descent (0.212 em) in the box.
fn baseline(size: f32, leading: f32) -> f32 {
    (leading - size * 1.117) / 2.0 + size * 0.905
}

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Centre,
}

/// Text style of a block.
#[derive(Clone, Copy)]
struct Style {
    weight: Weight,
    size: f32,
    leading: f32,
    align: Align,
}

const BODY: Style = Style {
    weight: Weight::Regular,
    size: SIZE,
    leading: LEADING,
    align: Align::Left,
};
const BOLD: Style = Style {
    weight: Weight::Bold,
    ..BODY
};

struct Builder<'a> {
    fonts: &'a Fonts,
    /// Width of the minute-number column.
    number_col: f32,
    /// Width of the limb-label column "(1)".
    limb_col: f32,
    /// Width of the attendance-label column "Present:".
    attendance_col: f32,
    /// Width of the field-label column "Response due:", right of the minute-number column.
    field_col: f32,
    /// Width of the list-marker column "(a)", "–" of a list in a limb or a paragraph.
    marker_col: f32,
}

impl Builder<'_> {
    /// Lines of `text` in `style`, optionally after a label in a hanging column of `col`
    /// points: the label sits at the left margin, the text at `col` on every line (or just
    /// after the label on the first line, when the label is wider than the column). A label
    /// wider than half the line is set on lines of its own above the text.
    fn lines(
        &self,
        text: &str,
        style: Style,
        label: Option<(&str, Weight)>,
        col: f32,
    ) -> Vec<TextLine> {
        self.lines_at(0.0, text, style, label, col)
    }

    /// [`Builder::lines`] on a narrower measure that starts `indent` points right of the margin.
    fn lines_at(
        &self,
        indent: f32,
        text: &str,
        style: Style,
        label: Option<(&str, Weight)>,
        col: f32,
    ) -> Vec<TextLine> {
        let left = MARGIN_LEFT + indent;
        let measure = TEXT_WIDTH - indent;
        let base = baseline(style.size, style.leading);
        let run = |x: f32, weight: Weight, text: String, label: bool| Run {
            x,
            y: base,
            weight,
            size: style.size,
            text,
            elem: 0,
            label,
        };
        let line = |runs: Vec<Run>| TextLine {
            height: style.leading,
            runs,
            rules: Vec::new(),
        };
        let mut out = Vec::new();
        let mut first_x = col;
        let mut label_run = None;
        if let Some((l, w)) = label {
            let l = self.fonts.face(w).printable(l);
            let l = l.trim();
            let space = self.fonts.width(" ", w, style.size);
            let width = self.fonts.width(l, w, style.size) + space;
            if width <= measure / 2.0 {
                first_x = col.max(width);
                label_run = Some(run(left, w, l.to_string(), true)).filter(|_| !l.is_empty());
            } else {
                for part in wrap(self.fonts, l, w, style.size, measure, measure) {
                    out.push(line(vec![run(left, w, part, true)]));
                }
            }
        }
        let wrapped = wrap(
            self.fonts,
            text,
            style.weight,
            style.size,
            measure - first_x,
            measure - col,
        );
        for (i, text) in wrapped.into_iter().enumerate() {
            let mut runs: Vec<Run> = label_run.take().into_iter().collect();
            let x = match style.align {
                Align::Left if i == 0 => left + first_x,
                Align::Left => left + col,
                Align::Centre => {
                    let w = self.fonts.width(&text, style.weight, style.size);
                    left + ((measure - w) / 2.0).max(0.0)
                }
            };
            if !text.is_empty() {
                runs.push(run(x, style.weight, text, false));
            }
            out.push(line(runs));
        }
        out
    }

    fn block(&self, space_before: f32, lines: Vec<TextLine>) -> Block {
        Block {
            space_before,
            lines,
            breakable: true,
            keep_with_next: false,
            new_page: false,
        }
    }

    fn heading(&self, space_before: f32, lines: Vec<TextLine>) -> Block {
        Block {
            space_before,
            lines,
            breakable: false,
            keep_with_next: true,
            new_page: false,
        }
    }

    /// The signature block: room to sign, a rule, then "Chairman: name" and "Date: date".
    /// Each entry is a paragraph (`P`) of the structure.
    fn signature(&self, entries: &[(&str, &str)], tree: &mut Tree) -> Block {
        let mut lines = vec![TextLine {
            height: 36.0,
            runs: Vec::new(),
            rules: vec![Rule {
                x1: MARGIN_LEFT,
                x2: MARGIN_LEFT + 75.0 * PT_PER_MM,
                y: 34.0,
            }],
        }];
        for (label, text) in entries {
            let label = format!("{label}:");
            let p = tree.top("P");
            let mut entry = self.lines(text, BODY, Some((&label, Weight::Bold)), 0.0);
            assign(&mut entry, p, p);
            lines.extend(entry);
        }
        Block {
            space_before: 24.0,
            lines,
            breakable: false,
            keep_with_next: false,
            new_page: false,
        }
    }
}

/// Column width for labels: the widest label plus a gap, within `min` and `max`.
fn column<'a>(
    fonts: &Fonts,
    labels: impl Iterator<Item = &'a str>,
    weight: Weight,
    gap: f32,
    min: f32,
    max: f32,
) -> f32 {
    labels
        .map(|l| fonts.width(l, weight, SIZE) + gap)
        .fold(min, f32::max)
        .min(max)
}

fn blocks(doc: &MinutesDocument, fonts: &Fonts) -> (Vec<Block>, Vec<Element>) {
    let b = Builder {
        fonts,
        number_col: column(
            fonts,
            doc.lines.iter().filter_map(|l| match l {
                Line::MinuteHeading { number, .. } => Some(number.as_str()),
                _ => None,
            }),
            Weight::Bold,
            14.0,
            14.0 * PT_PER_MM,
            0.3 * TEXT_WIDTH,
        ),
        limb_col: column(
            fonts,
            doc.lines.iter().filter_map(|l| match l {
                Line::Limb { label, .. } => Some(label.as_str()),
                _ => None,
            }),
            Weight::Regular,
            10.0,
            12.0 * PT_PER_MM,
            0.25 * TEXT_WIDTH,
        ),
        // A label too wide for the column ("Also present for Agenda Item Nos. 4 and 5:")
        // does not widen it: its text starts after it, as in a heading.
        attendance_col: column(
            fonts,
            doc.lines.iter().filter_map(|l| match l {
                Line::Attendance { label, .. }
                    if fonts.width(label, Weight::Bold, SIZE) + 12.0 <= 0.3 * TEXT_WIDTH =>
                {
                    Some(label.as_str())
                }
                _ => None,
            }),
            Weight::Bold,
            12.0,
            0.0,
            0.3 * TEXT_WIDTH,
        ),
        field_col: column(
            fonts,
            doc.lines.iter().filter_map(|l| match l {
                Line::Field { label, .. } => Some(label.as_str()),
                _ => None,
            }),
            Weight::Bold,
            10.0,
            0.0,
            0.3 * TEXT_WIDTH,
        ),
        marker_col: column(
            fonts,
            doc.lines.iter().filter_map(|l| match l {
                Line::ListItem { marker, .. } => Some(marker.as_str()),
                _ => None,
            }),
            Weight::Regular,
            8.0,
            8.0 * PT_PER_MM,
            0.15 * TEXT_WIDTH,
        ),
    };
    let mut out: Vec<Block> = Vec::new();
    // Which blocks are fields of an entry (for `keep_entries_together`).
    let mut fields: Vec<bool> = Vec::new();
    let mut signatures: Vec<(&str, &str)> = Vec::new();
    let mut tree = Tree::new();
    for line in &doc.lines {
        if let Line::Lang(l) = line {
            // A new passage: what was open closes, and what follows is in its language.
            tree.close();
            tree.lang = Some(*l);
            continue;
        }
        fields.resize(out.len(), false);
        fields.push(matches!(line, Line::Field { .. }));
        if let Line::Signature { label, text } = line {
            signatures.push((label, text));
            continue;
        }
        if !signatures.is_empty() {
            out.push(b.signature(&signatures, &mut tree));
            signatures.clear();
        }
        // The structure elements of the line's labels and of its text.
        let (label_elem, text_elem) = match line {
            Line::Authority(_) | Line::Body(_) | Line::Title(_) => {
                let h1 = match tree.title {
                    Some(h1) => h1,
                    None => {
                        let h1 = tree.top("H1");
                        tree.title = Some(h1);
                        h1
                    }
                };
                (h1, h1)
            }
            Line::MinuteHeading { .. } => {
                let h = tree.top("H2");
                (h, h)
            }
            Line::SubHeading(_) => {
                let h = tree.top("H3");
                (h, h)
            }
            Line::Limb { label, .. } if !label.is_empty() => tree.item(1),
            Line::ListItem {
                under_limb,
                level,
                marker,
                ..
            } => {
                let depth = usize::from(*under_limb) + (*level).max(1) as usize;
                if marker.is_empty() {
                    let p = tree.paragraph_at(depth - 1);
                    (p, p)
                } else {
                    tree.item(depth)
                }
            }
            Line::Field { label, .. } if label.is_empty() => {
                let p = match tree.table {
                    Some((_, td)) => tree.add("P", td),
                    None => tree.top("P"),
                };
                (p, p)
            }
            Line::Field { .. } => {
                let table = match tree.table {
                    Some((t, _)) => t,
                    None => tree.top("Table"),
                };
                let tr = tree.add("TR", table);
                let th = tree.add("TH", tr);
                let td = tree.add("TD", tr);
                tree.table = Some((table, td));
                (th, td)
            }
            Line::PageBreak => {
                tree.close();
                (0, 0)
            }
            _ => {
                let p = tree.top("P");
                (p, p)
            }
        };
        let mut block = match line {
            Line::Authority(t) => b.block(
                0.0,
                b.lines(
                    &t.to_uppercase(),
                    Style {
                        weight: Weight::Bold,
                        size: 15.0,
                        leading: 19.0,
                        align: Align::Centre,
                    },
                    None,
                    0.0,
                ),
            ),
            Line::Body(t) => b.block(
                2.0,
                b.lines(
                    &t.to_uppercase(),
                    Style {
                        weight: Weight::Bold,
                        size: 13.0,
                        leading: 17.0,
                        align: Align::Centre,
                    },
                    None,
                    0.0,
                ),
            ),
            Line::Title(t) => b.block(
                10.0,
                b.lines(
                    t,
                    Style {
                        align: Align::Centre,
                        ..BODY
                    },
                    None,
                    0.0,
                ),
            ),
            Line::Attendance { label, text } => b.block(
                10.0,
                b.lines(text, BODY, Some((label, Weight::Bold)), b.attendance_col),
            ),
            Line::MinuteHeading { number, heading } => b.heading(
                18.0,
                b.lines(heading, BOLD, Some((number, Weight::Bold)), b.number_col),
            ),
            Line::Paragraph(t) => b.block(8.0, b.lines(t, BODY, None, 0.0)),
            Line::Keyword(t) => b.heading(10.0, b.lines(t, BOLD, None, 0.0)),
            Line::Limb { label, text } if label.is_empty() => {
                b.block(7.0, b.lines(text, BODY, None, 0.0))
            }
            Line::Limb { label, text } => b.block(
                7.0,
                b.lines(text, BODY, Some((label, Weight::Regular)), b.limb_col),
            ),
            Line::Decision { keyword, text } => b.block(
                10.0,
                b.lines(text, BODY, Some((keyword, Weight::Bold)), 0.0),
            ),
            Line::ListItem {
                under_limb,
                level,
                marker,
                text,
            } => {
                let indent = if *under_limb { b.limb_col } else { 0.0 }
                    + level.saturating_sub(1) as f32 * b.marker_col;
                if marker.is_empty() {
                    b.block(7.0, b.lines_at(indent, text, BODY, None, 0.0))
                } else {
                    b.block(
                        3.0,
                        b.lines_at(
                            indent,
                            text,
                            BODY,
                            Some((marker, Weight::Regular)),
                            b.marker_col,
                        ),
                    )
                }
            }
            Line::SubHeading(t) => b.heading(10.0, b.lines(t, BOLD, None, 0.0)),
            Line::Field { label, text } if label.is_empty() => {
                b.block(4.0, b.lines_at(b.number_col, text, BODY, None, 0.0))
            }
            Line::Field { label, text } => b.block(
                4.0,
                b.lines_at(
                    b.number_col,
                    text,
                    BODY,
                    Some((label, Weight::Bold)),
                    b.field_col,
                ),
            ),
            // The notice that a document is a translation, under its title: centred, in bold.
            Line::Notice(t) => b.block(
                8.0,
                b.lines(
                    t,
                    Style {
                        align: Align::Centre,
                        ..BOLD
                    },
                    None,
                    0.0,
                ),
            ),
            Line::Signature { .. } | Line::Lang(_) => continue,
            Line::PageBreak => Block {
                space_before: 0.0,
                lines: Vec::new(),
                breakable: false,
                keep_with_next: false,
                new_page: true,
            },
        };
        assign(&mut block.lines, label_elem, text_elem);
        out.push(block);
    }
    if !signatures.is_empty() {
        out.push(b.signature(&signatures, &mut tree));
    }
    fields.resize(out.len(), false);
    keep_entries_together(&mut out, &fields);
    (out, tree.elements)
}

/// Sets the structure element of each run: `label` for the labels, `text` for the rest.
fn assign(lines: &mut [TextLine], label: usize, text: usize) {
    for r in lines.iter_mut().flat_map(|l| l.runs.iter_mut()) {
        r.elem = if r.label { label } else { text };
    }
}

/// An entry of a list (a heading and the fields after it) shorter than half a page is kept
/// on one page: each of its blocks but the last keeps with the next. Longer entries break
/// between and inside their fields like any text.
fn keep_entries_together(blocks: &mut [Block], fields: &[bool]) {
    let half_page = (BODY_BOTTOM - BODY_TOP) / 2.0;
    let mut i = 0;
    while i < blocks.len() {
        let mut end = i + 1;
        while end < blocks.len() && fields.get(end) == Some(&true) {
            end += 1;
        }
        if end - i > 1 && blocks[i].keep_with_next {
            let entry = &mut blocks[i..end];
            let height: f32 = entry
                .iter()
                .enumerate()
                .map(|(k, b)| b.height() + if k > 0 { b.space_before } else { 0.0 })
                .sum();
            if height <= half_page {
                let last = entry.len() - 1;
                for b in &mut entry[..last] {
                    b.keep_with_next = true;
                }
            }
        }
        i = end;
    }
}

// ---- Pagination --------------------------------------------------------------------------

/// The fewest lines of a breakable block worth leaving at the foot of a page.
fn min_lines(n: usize) -> usize {
    if n <= 3 {
        n
    } else {
        2
    }
}

/// The height that must fit below the cursor before block `i` is placed: the block itself
/// and, for a heading, the headings after it and the first lines of what follows.
fn keep_height(blocks: &[Block], i: usize) -> f32 {
    let mut h = blocks[i].height();
    let mut j = i;
    while blocks[j].keep_with_next && j + 1 < blocks.len() {
        j += 1;
        let next = &blocks[j];
        h += next.space_before;
        if next.breakable && !next.keep_with_next {
            let n = min_lines(next.lines.len());
            h += next.lines[..n].iter().map(|l| l.height).sum::<f32>();
        } else {
            h += next.height();
        }
    }
    h
}

struct Pages {
    pages: Vec<Page>,
    y: f32,
    empty: bool,
}

impl Pages {
    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = BODY_TOP;
        self.empty = true;
    }

    fn room(&self) -> f32 {
        BODY_BOTTOM - self.y
    }

    /// Places one line, starting a new page if it does not fit (the last resort that keeps
    /// every line inside the body area).
    fn place(&mut self, line: &TextLine) {
        if line.height > self.room() + 0.01 && !self.empty {
            self.new_page();
        }
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.runs.extend(line.runs.iter().map(|r| Run {
                y: y + r.y,
                ..r.clone()
            }));
            page.rules.extend(line.rules.iter().map(|r| Rule {
                y: y + r.y,
                ..r.clone()
            }));
        }
        self.y += line.height;
        self.empty = false;
    }

    fn skip(&mut self, space: f32) {
        if !self.empty {
            self.y += space;
        }
    }
}

/// Lays the document out on pages. There is always at least one page.
pub fn paginate(doc: &MinutesDocument, fonts: &Fonts) -> Vec<Page> {
    lay_out(doc, fonts).pages
}

/// Lays the document out on pages, with the structure elements the runs belong to (what the
/// tagged PDF's structure tree is made of).
pub fn lay_out(doc: &MinutesDocument, fonts: &Fonts) -> Laid {
    let (blocks, elements) = blocks(doc, fonts);
    let mut p = Pages {
        pages: vec![Page::default()],
        y: BODY_TOP,
        empty: true,
    };
    for (i, block) in blocks.iter().enumerate() {
        if block.new_page {
            if !p.empty {
                p.new_page();
            }
            continue;
        }
        let space = if p.empty { 0.0 } else { block.space_before };
        if !block.breakable || block.keep_with_next {
            if space + keep_height(&blocks, i) > p.room() + 0.01 && !p.empty {
                p.new_page();
            }
            p.skip(block.space_before);
            for line in &block.lines {
                p.place(line);
            }
            continue;
        }
        let mut start = 0;
        let mut space = space;
        while start < block.lines.len() {
            let rest = &block.lines[start..];
            let mut room = p.room() - space;
            let mut fit = 0;
            for line in rest {
                if line.height > room + 0.01 {
                    break;
                }
                room -= line.height;
                fit += 1;
            }
            let n = rest.len();
            let mut k = fit;
            if k < n {
                if n - k == 1 {
                    k = k.saturating_sub(1); // no widow: take one more line over
                }
                if k < min_lines(n) {
                    k = 0; // no orphan: move the whole remainder
                }
                if p.empty && k == 0 {
                    k = fit.max(1); // a fresh page always takes something
                }
            }
            if k > 0 {
                if start == 0 {
                    p.skip(block.space_before);
                }
                for line in &rest[..k] {
                    p.place(line);
                }
                start += k;
            }
            if start < block.lines.len() {
                p.new_page();
                space = 0.0;
            }
        }
    }
    Laid {
        pages: p.pages,
        elements,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "RECOMMENDED \u{2013} T H A T the report at \
        https://democracy.glantawe.gov.uk/documents/s12345/Appendix%20A%20-%20Safeguarding%20Action%20Plan%20for%20Looked%20After%20Children%20and%20Care%20Leavers.pdf \
        be noted, and that Ysgol Gymraeg Bryn-y-m\u{f4}r, Llŷn and Tŵr ŵ ŷ â ẁ ẃ ẅ ỳ be thanked \u{2013} with  two spaces.";

    fn fonts() -> &'static Fonts {
        Fonts::load().expect("the embedded fonts parse")
    }

    #[test]
    fn lines_never_exceed_their_width_and_keep_every_character() {
        let f = fonts();
        for width in (20..=460).step_by(7).map(|w| w as f32) {
            for weight in [Weight::Regular, Weight::Bold] {
                let lines = wrap(f, TEXT, weight, SIZE, width * 0.8, width);
                for (i, line) in lines.iter().enumerate() {
                    let avail = if i == 0 { width * 0.8 } else { width };
                    let w = f.width(line, weight, SIZE);
                    assert!(
                        w <= avail + 0.001 || line.chars().count() == 1,
                        "{line:?} is {w} wide in {avail}"
                    );
                    assert_eq!(line.trim(), line, "no spaces at a break");
                }
                let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
                let original: String = TEXT.chars().filter(|c| *c != ' ').collect();
                assert_eq!(joined, original, "width {width}");
            }
        }
    }

    #[test]
    fn letter_spaced_that_and_dashes_stay_with_their_words() {
        let f = fonts();
        // From the width of "RECOMMENDED –" up: narrower, that unit itself must break.
        for width in (100..=460).step_by(3).map(|w| w as f32) {
            let lines = wrap(f, TEXT, Weight::Regular, SIZE, width, width);
            for line in &lines {
                assert!(
                    !line.starts_with('\u{2013}'),
                    "a dash starts {line:?} at {width}: {lines:?}"
                );
                if line.contains("T H") || line.ends_with(" T") {
                    assert!(
                        line.contains("T H A T"),
                        "T H A T split at {width}: {lines:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn words_break_only_when_alone_too_wide_and_urls_break_before_separators() {
        let f = fonts();
        let lines = wrap(f, TEXT, Weight::Regular, SIZE, 300.0, 300.0);
        let url_lines: Vec<&String> = lines
            .iter()
            .filter(|l| l.contains("%20") || l.contains("https"))
            .collect();
        assert!(url_lines.len() >= 2, "{lines:?}");
        for l in &url_lines[1..] {
            let first = l.chars().next().unwrap_or(' ');
            assert!("/.,-_?#%~=&".contains(first), "{l:?} starts mid-word");
        }
        // Ordinary words are never broken.
        for l in &lines {
            for word in l.split(' ') {
                if !word.contains('/') && !word.contains('%') {
                    assert!(TEXT.split(' ').any(|w| w == word), "{word:?} was broken");
                }
            }
        }
        assert_eq!(
            wrap(f, "", Weight::Regular, SIZE, 100.0, 100.0),
            vec![String::new()]
        );
        assert_eq!(
            wrap(f, "  one\ttwo\n  ", Weight::Regular, SIZE, 400.0, 400.0),
            vec!["one two".to_string()]
        );
    }

    #[test]
    fn names_are_not_broken_after_titles_or_initials() {
        let f = fonts();
        let text = "Also present: Councillor G. John (Cabinet Member) and Ms. R. Morgan, with \
                    Councillor R.J. Bowen and Mrs. M. Prŷs, at Agenda Item No. 4.";
        for width in (120..=460).step_by(2).map(|w| w as f32) {
            for line in wrap(f, text, Weight::Regular, SIZE, width, width) {
                let last = line.rsplit(' ').next().unwrap_or("");
                assert!(
                    !matches!(last, "G." | "Ms." | "R." | "R.J." | "Mrs." | "M." | "No."),
                    "{line:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn truncation_fits_and_says_so() {
        let f = fonts();
        let t = f.truncate(TEXT, Weight::Bold, 9.0, 120.0);
        assert!(t.ends_with('\u{2026}'));
        assert!(f.width(&t, Weight::Bold, 9.0) <= 120.0);
        assert_eq!(f.truncate("Short", Weight::Bold, 9.0, 120.0), "Short");
    }

    #[test]
    fn measured_widths_are_the_font_advances() {
        // Liberation Sans is metric-compatible with Arial: "H" is 1479/2048 em, space 569.
        let f = fonts();
        assert!((f.width("H", Weight::Regular, 2048.0) - 1479.0).abs() < 0.01);
        assert!((f.width(" ", Weight::Regular, 2048.0) - 569.0).abs() < 0.01);
        assert!(f.width("ŵ", Weight::Regular, 11.0) > 0.0);
    }

    fn doc(lines: Vec<Line>) -> MinutesDocument {
        MinutesDocument {
            language: minutes_core::Language::En,
            bilingual: false,
            visibility: minutes_core::render::Visibility::Public,
            draft: true,
            running_head: String::new(),
            title: String::new(),
            author: String::new(),
            lines,
            minute_book_start: None,
        }
    }

    /// The runs of each page grouped into lines (by baseline).
    fn page_lines(page: &Page) -> Vec<Vec<&Run>> {
        let mut runs: Vec<&Run> = page.runs.iter().collect();
        runs.sort_by(|a, b| a.y.total_cmp(&b.y));
        let mut lines: Vec<Vec<&Run>> = Vec::new();
        for r in runs {
            match lines.last_mut() {
                Some(l) if (l[0].y - r.y).abs() < 0.5 => l.push(r),
                _ => lines.push(vec![r]),
            }
        }
        lines
    }

    #[test]
    fn headings_keep_with_what_follows_and_paragraphs_split_in_twos() {
        let f = fonts();
        let para = (1..=60)
            .map(|i| format!("alpha{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        for filler in 0..70 {
            let mut lines: Vec<Line> = (0..filler)
                .map(|i| Line::Paragraph(format!("Filler paragraph {i}.")))
                .collect();
            lines.push(Line::MinuteHeading {
                number: "701".into(),
                heading: "A HEADING THAT MUST NOT BE STRANDED \u{2013}".into(),
            });
            lines.push(Line::Keyword("RESOLVED \u{2013}".into()));
            lines.push(Line::Paragraph(para.clone()));
            lines.push(Line::SubHeading("Reasons for decisions".into()));
            lines.push(Line::Limb {
                label: "(1)".into(),
                text: "To keep Members informed.".into(),
            });
            let pages = paginate(&doc(lines), f);
            for (p, page) in pages.iter().enumerate() {
                for run in &page.runs {
                    assert!(run.y > BODY_TOP && run.y < BODY_BOTTOM, "{run:?}");
                }
                let lines = page_lines(page);
                let last = lines.last().expect("no empty page");
                assert!(
                    last.iter().any(|r| r.weight == Weight::Regular),
                    "filler {filler}: page {} ends with a heading {last:?}",
                    p + 1
                );
                let alpha = lines
                    .iter()
                    .filter(|l| l.iter().any(|r| r.text.contains("alpha")))
                    .count();
                assert!(
                    alpha == 0 || alpha >= 2,
                    "filler {filler}: {alpha} line alone"
                );
            }
        }
    }
}
