//! Stamping a merged report page with its pack page number, never over the report's text.
//!
//! The page's content stream is read far enough to know where it draws (text, paths,
//! images, forms): a small interpreter follows the transformation and text matrices and
//! takes a generous box for each piece of text (its width is estimated, since fonts are not
//! measured). If the band at the foot of the page as displayed (after `/Rotate`) is clear,
//! the stamp goes there. If not (a scanned page, a page printed to the edge), the page's
//! content is shrunk into a frame above the band, and its links and form fields with it.

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

/// An affine matrix in PDF order `[a b c d e f]`: (x, y) becomes (ax + cy + e, bx + dy + f).
pub type Matrix = [f32; 6];

pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `first` then `then`.
pub fn concat(first: &Matrix, then: &Matrix) -> Matrix {
    let [a, b, c, d, e, f] = *first;
    let [a2, b2, c2, d2, e2, f2] = *then;
    [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]
}

pub fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn invert(m: &Matrix) -> Option<Matrix> {
    let det = m[0] * m[3] - m[1] * m[2];
    if det.abs() < 1e-9 {
        return None;
    }
    let (a, b, c, d) = (m[3] / det, -m[1] / det, -m[2] / det, m[0] / det);
    Some([a, b, c, d, -(m[4] * a + m[5] * c), -(m[4] * b + m[5] * d)])
}

/// A box `[x0, y0, x1, y1]` with x0 <= x1 and y0 <= y1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect(pub [f32; 4]);

impl Rect {
    fn empty() -> Self {
        Rect([f32::MAX, f32::MAX, f32::MIN, f32::MIN])
    }
    fn is_empty(&self) -> bool {
        self.0[0] > self.0[2] || self.0[1] > self.0[3]
    }
    fn add(&mut self, (x, y): (f32, f32)) {
        if !x.is_finite() || !y.is_finite() {
            return;
        }
        self.0[0] = self.0[0].min(x);
        self.0[1] = self.0[1].min(y);
        self.0[2] = self.0[2].max(x);
        self.0[3] = self.0[3].max(y);
    }
    fn union(&mut self, other: &Rect) {
        if !other.is_empty() {
            self.add((other.0[0], other.0[1]));
            self.add((other.0[2], other.0[3]));
        }
    }
    /// The four corners of `self` through `m`, boxed.
    fn transform(&self, m: &Matrix) -> Rect {
        let mut r = Rect::empty();
        if self.is_empty() {
            return r;
        }
        let [x0, y0, x1, y1] = self.0;
        for (x, y) in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)] {
            r.add(apply(m, x, y));
        }
        r
    }
    fn from_object(o: &Object, doc: &Document) -> Option<Rect> {
        let arr = match o {
            Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok()?,
            o => o.as_array().ok()?,
        };
        let v: Vec<f32> = arr.iter().filter_map(|n| n.as_float().ok()).collect();
        let [a, b, c, d] = <[f32; 4]>::try_from(v).ok()?;
        Some(Rect([a.min(c), b.min(d), a.max(c), b.max(d)]))
    }
}

// ---- What a content stream draws ---------------------------------------------------------

enum Token<'a> {
    Number(f32),
    Name(&'a [u8]),
    /// A string's length in bytes, as shown (hex strings count two digits a byte).
    Str(usize),
    Op(&'a [u8]),
    Other,
}

struct Lexer<'a> {
    s: &'a [u8],
    i: usize,
}

fn is_delim(c: u8) -> bool {
    matches!(
        c,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Lexer<'a> {
    fn next(&mut self) -> Option<Token<'a>> {
        let s = self.s;
        loop {
            while self.i < s.len() && s[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
            if self.i < s.len() && s[self.i] == b'%' {
                while self.i < s.len() && s[self.i] != b'\n' && s[self.i] != b'\r' {
                    self.i += 1;
                }
                continue;
            }
            break;
        }
        let start = self.i;
        let c = *s.get(start)?;
        self.i += 1;
        match c {
            b'(' => {
                let mut depth = 1;
                let mut n = 0;
                while self.i < s.len() && depth > 0 {
                    match s[self.i] {
                        b'\\' => self.i += 1,
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    self.i += 1;
                    n += 1;
                }
                Some(Token::Str(n.max(1) - 1))
            }
            b'<' if s.get(self.i) == Some(&b'<') => {
                self.i += 1;
                Some(Token::Other)
            }
            b'<' => {
                let mut n: usize = 0;
                while self.i < s.len() && s[self.i] != b'>' {
                    if s[self.i].is_ascii_hexdigit() {
                        n += 1;
                    }
                    self.i += 1;
                }
                self.i += 1;
                Some(Token::Str(n.div_ceil(2)))
            }
            b'>' => {
                if s.get(self.i) == Some(&b'>') {
                    self.i += 1;
                }
                Some(Token::Other)
            }
            b'[' | b']' | b'{' | b'}' | b')' => Some(Token::Other),
            b'/' => {
                while self.i < s.len() && !s[self.i].is_ascii_whitespace() && !is_delim(s[self.i]) {
                    self.i += 1;
                }
                Some(Token::Name(&s[start + 1..self.i]))
            }
            _ => {
                while self.i < s.len() && !s[self.i].is_ascii_whitespace() && !is_delim(s[self.i]) {
                    self.i += 1;
                }
                let word = &s[start..self.i];
                if c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.') {
                    let n = std::str::from_utf8(word)
                        .ok()
                        .and_then(|w| w.parse::<f32>().ok());
                    Some(n.map_or(Token::Other, Token::Number))
                } else {
                    Some(Token::Op(word))
                }
            }
        }
    }

    /// Skips an inline image's data, up to and including `EI`.
    fn skip_inline_image(&mut self) {
        let s = self.s;
        while self.i + 2 < s.len() {
            if s[self.i].is_ascii_whitespace()
                && &s[self.i + 1..self.i + 3] == b"EI"
                && s.get(self.i + 3).is_none_or(|c| c.is_ascii_whitespace())
            {
                self.i += 3;
                return;
            }
            self.i += 1;
        }
        self.i = s.len();
    }
}

/// How to find the box of a form XObject named in the page's resources: its `/BBox` and
/// `/Matrix`; `None` for an image (drawn in the unit square).
pub type FormLookup<'a> = dyn Fn(&[u8]) -> Option<(Rect, Matrix)> + 'a;

/// The box, in the page's default user space, of everything `content` draws.
pub fn content_box(content: &[u8], forms: &FormLookup) -> Rect {
    let mut lx = Lexer { s: content, i: 0 };
    let mut nums: Vec<f32> = Vec::new();
    let mut last_name: Option<&[u8]> = None;
    let mut strs: usize = 0;
    let mut stack: Vec<Matrix> = Vec::new();
    let mut ctm = IDENTITY;
    let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
    let (mut size, mut leading) = (12.0f32, 0.0f32);
    let mut path = Rect::empty();
    let mut out = Rect::empty();
    let unit = Rect([0.0, 0.0, 1.0, 1.0]);

    while let Some(tok) = lx.next() {
        let op = match tok {
            Token::Number(n) => {
                nums.push(n);
                continue;
            }
            Token::Name(n) => {
                last_name = Some(n);
                continue;
            }
            Token::Str(n) => {
                strs += n;
                continue;
            }
            Token::Other => continue,
            Token::Op(op) => op,
        };
        let n = |i: usize| -> f32 {
            let k = nums.len();
            if i < k {
                nums[k - i - 1]
            } else {
                0.0
            }
        };
        let six = || -> Matrix { [n(5), n(4), n(3), n(2), n(1), n(0)] };
        match op {
            b"q" => stack.push(ctm),
            b"Q" => ctm = stack.pop().unwrap_or(IDENTITY),
            b"cm" => ctm = concat(&six(), &ctm),
            b"BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            b"Tf" => size = n(0).abs(),
            b"TL" => leading = n(0),
            b"Td" | b"TD" => {
                if op == b"TD" {
                    leading = -n(0);
                }
                tlm = concat(&[1.0, 0.0, 0.0, 1.0, n(1), n(0)], &tlm);
                tm = tlm;
            }
            b"Tm" => {
                tlm = six();
                tm = tlm;
            }
            b"T*" => {
                tlm = concat(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                tm = tlm;
            }
            b"Tj" | b"TJ" | b"'" | b"\"" => {
                if op == b"'" || op == b"\"" {
                    tlm = concat(&[1.0, 0.0, 0.0, 1.0, 0.0, -leading], &tlm);
                    tm = tlm;
                }
                shown(&mut tm, &ctm, size, strs, &mut out);
            }
            b"m" | b"l" => path.add(apply(&ctm, n(1), n(0))),
            b"c" => {
                for (x, y) in [(n(5), n(4)), (n(3), n(2)), (n(1), n(0))] {
                    path.add(apply(&ctm, x, y));
                }
            }
            b"v" | b"y" => {
                for (x, y) in [(n(3), n(2)), (n(1), n(0))] {
                    path.add(apply(&ctm, x, y));
                }
            }
            b"re" => {
                let (x, y, w, h) = (n(3), n(2), n(1), n(0));
                out_rect(&mut path, &Rect([x, y, x + w, y + h]), &ctm);
            }
            b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                out.union(&path);
                path = Rect::empty();
            }
            b"n" => path = Rect::empty(),
            b"Do" => {
                let r = match last_name.and_then(forms) {
                    Some((bbox, m)) => bbox.transform(&concat(&m, &ctm)),
                    None => unit.transform(&ctm),
                };
                out.union(&r);
            }
            b"BI" => {
                // The image dictionary, up to ID, then the data.
                while let Some(t) = lx.next() {
                    if matches!(t, Token::Op(b"ID")) {
                        break;
                    }
                }
                lx.skip_inline_image();
                out.union(&unit.transform(&ctm));
            }
            // A shading fills the clip: count the whole page.
            b"sh" => out.add((f32::MIN / 4.0, f32::MIN / 4.0)),
            _ => {}
        }
        if op == b"sh" {
            out.add((f32::MAX / 4.0, f32::MAX / 4.0));
        }
        nums.clear();
        strs = 0;
    }
    out
}

/// Text of `count` bytes shown at the text matrix: glyphs from the descender to the
/// ascender, generously wide; the text matrix moves past them.
fn shown(tm: &mut Matrix, ctm: &Matrix, size: f32, count: usize, out: &mut Rect) {
    let w = count as f32 * size * 0.6;
    let r = Rect([0.0, -0.3 * size, w.max(size * 0.5), size]);
    out.union(&r.transform(&concat(tm, ctm)));
    *tm = concat(&[1.0, 0.0, 0.0, 1.0, w, 0.0], tm);
}

fn out_rect(path: &mut Rect, r: &Rect, ctm: &Matrix) {
    path.union(&r.transform(ctm));
}

// ---- The page as displayed ----------------------------------------------------------------

/// A page's visible box and rotation: what the stamp is placed against.
pub struct Geometry {
    /// CropBox (or MediaBox) in default user space.
    pub crop: Rect,
    /// Width and height as displayed (swapped for a quarter turn).
    pub width: f32,
    pub height: f32,
    /// From display coordinates (origin bottom-left of the page as seen) to user space.
    pub to_user: Matrix,
}

impl Geometry {
    pub fn new(crop: Rect, rotate: i64) -> Self {
        let [x0, y0, x1, y1] = crop.0;
        let (w, h) = (x1 - x0, y1 - y0);
        let (width, height, to_user) = match rotate.rem_euclid(360) {
            90 => (h, w, [0.0, 1.0, -1.0, 0.0, x1, y0]),
            180 => (w, h, [-1.0, 0.0, 0.0, -1.0, x1, y1]),
            270 => (h, w, [0.0, -1.0, 1.0, 0.0, x0, y1]),
            _ => (w, h, [1.0, 0.0, 0.0, 1.0, x0, y0]),
        };
        Self {
            crop,
            width,
            height,
            to_user,
        }
    }
}

/// Height of the band at the foot of the displayed page that the stamp needs clear.
pub const BAND: f32 = 22.0;
const STAMP_SIZE: f32 = 9.0;
const STAMP_BASELINE: f32 = 8.5;

/// How a page was stamped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement {
    /// In the page's own bottom margin.
    Margin,
    /// The content was shrunk by this factor into a frame above the stamp.
    Shrunk(f32),
}

/// Decides where the stamp goes: the margin if nothing is drawn in the band, otherwise the
/// matrix (in user space) that shrinks the content above it.
pub fn placement(g: &Geometry, drawn: &Rect) -> (Placement, Option<Matrix>) {
    let mut visible = *drawn;
    let [cx0, cy0, cx1, cy1] = g.crop.0;
    visible.0 = [
        visible.0[0].max(cx0),
        visible.0[1].max(cy0),
        visible.0[2].min(cx1),
        visible.0[3].min(cy1),
    ];
    let Some(to_display) = invert(&g.to_user) else {
        return (Placement::Margin, None);
    };
    let seen = visible.transform(&to_display);
    if visible.is_empty() || seen.0[1] >= BAND {
        return (Placement::Margin, None);
    }
    // Shrink about the top centre so the content sits between the band and the top edge.
    let top_gap = 4.0;
    let s = ((g.height - BAND - top_gap) / g.height).clamp(0.1, 1.0);
    let shrink: Matrix = [
        s,
        0.0,
        0.0,
        s,
        g.width * (1.0 - s) / 2.0,
        BAND + (g.height - BAND - top_gap) - s * g.height,
    ];
    let m = concat(&concat(&to_display, &shrink), &g.to_user);
    (Placement::Shrunk(s), Some(m))
}

/// The content stream of the stamp, drawn in display coordinates through `to_user`:
/// `centre` in the middle of the band, `right` (the CONFIDENTIAL mark) at its right, and the
/// frame around shrunk content.
pub fn stamp_stream(
    g: &Geometry,
    font: &[u8],
    width_of: &dyn Fn(&str, f32) -> f32,
    centre: &str,
    right: &str,
    frame: Option<f32>,
) -> Vec<u8> {
    let m = g.to_user;
    let mut s = format!(
        "/Artifact <</Type /Pagination /Subtype /Footer>> BDC q {} {} {} {} {} {} cm\n",
        m[0], m[1], m[2], m[3], m[4], m[5]
    );
    if let Some(scale) = frame {
        let top_gap = 4.0;
        let w = g.width * scale;
        let h = g.height * scale;
        let x = (g.width - w) / 2.0;
        let y = BAND + (g.height - BAND - top_gap) - h;
        s.push_str(&format!("0.6 G 0.5 w {x:.2} {y:.2} {w:.2} {h:.2} re S\n"));
    }
    s.push_str("BT 0 g\n");
    let font = String::from_utf8_lossy(font);
    let escape = |t: &str| {
        t.chars()
            .filter(|c| c.is_ascii() && !c.is_ascii_control())
            .flat_map(|c| match c {
                '(' | ')' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect::<String>()
    };
    let w = width_of(centre, STAMP_SIZE);
    s.push_str(&format!(
        "/{font} {STAMP_SIZE} Tf 1 0 0 1 {:.2} {STAMP_BASELINE} Tm ({}) Tj\n",
        (g.width - w) / 2.0,
        escape(centre)
    ));
    if !right.is_empty() {
        let w = width_of(right, STAMP_SIZE);
        s.push_str(&format!(
            "1 0 0 1 {:.2} {STAMP_BASELINE} Tm ({}) Tj\n",
            (g.width - w - 14.0).max(0.0),
            escape(right)
        ));
    }
    s.push_str("ET Q EMC\n");
    s.into_bytes()
}

/// Reads a page's own or inherited attribute.
pub fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// Copies the attributes a page inherits from its page-tree ancestors onto the page, so that
/// it keeps them under a new parent.
pub fn materialise_inherited(doc: &mut Document, page_id: ObjectId) {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return;
    };
    let mut found = Vec::new();
    for key in [&b"Resources"[..], b"MediaBox", b"CropBox", b"Rotate"] {
        if page.has(key) {
            continue;
        }
        if let Some(v) = inherited(doc, page, key) {
            found.push((key.to_vec(), v.clone()));
        }
    }
    if let Ok(page) = doc.get_dictionary_mut(page_id) {
        for (k, v) in found {
            page.set(k, v);
        }
        if !page.has(b"Resources") {
            page.set("Resources", Dictionary::new());
        }
    }
}

/// Adds `font_id` to the page's font resources as `name`.
pub fn add_font_resource(doc: &mut Document, page_id: ObjectId, name: &[u8], font_id: ObjectId) {
    let res_ref = doc
        .get_dictionary(page_id)
        .ok()
        .and_then(|p| p.get(b"Resources").ok())
        .and_then(|r| r.as_reference().ok());
    let fonts_ref = {
        let res = match res_ref {
            Some(id) => doc.get_dictionary(id).ok(),
            None => doc
                .get_dictionary(page_id)
                .ok()
                .and_then(|p| p.get(b"Resources").ok())
                .and_then(|r| r.as_dict().ok()),
        };
        res.and_then(|r| r.get(b"Font").ok())
            .and_then(|f| f.as_reference().ok())
    };
    if let Some(id) = fonts_ref {
        if let Ok(fonts) = doc.get_dictionary_mut(id) {
            fonts.set(name.to_vec(), font_id);
            return;
        }
    }
    let res = match res_ref {
        Some(id) => doc.get_dictionary_mut(id).ok(),
        None => doc
            .get_dictionary_mut(page_id)
            .ok()
            .and_then(|p| p.get_mut(b"Resources").ok())
            .and_then(|r| r.as_dict_mut().ok()),
    };
    if let Some(res) = res {
        match res.get_mut(b"Font").and_then(|f| f.as_dict_mut()) {
            Ok(fonts) => fonts.set(name.to_vec(), font_id),
            Err(_) => res.set("Font", dictionary! { name.to_vec() => font_id }),
        }
    }
}

/// Wraps the page's content between `before` and `after` streams.
pub fn wrap_contents(doc: &mut Document, page_id: ObjectId, before: Vec<u8>, after: Vec<u8>) {
    let existing: Vec<Object> = doc
        .get_page_contents(page_id)
        .into_iter()
        .map(Object::Reference)
        .collect();
    let pre = doc.add_object(Stream::new(Dictionary::new(), before));
    let post = doc.add_object(Stream::new(Dictionary::new(), after));
    let mut contents = vec![Object::Reference(pre)];
    contents.extend(existing);
    contents.push(Object::Reference(post));
    if let Ok(page) = doc.get_dictionary_mut(page_id) {
        page.set("Contents", contents);
    }
}

/// Moves the page's annotations (links, form fields) by `m`, as its content was.
pub fn transform_annotations(doc: &mut Document, page_id: ObjectId, m: &Matrix) {
    let annots: Vec<ObjectId> = doc
        .get_dictionary(page_id)
        .ok()
        .and_then(|p| p.get(b"Annots").ok())
        .and_then(|a| match a {
            Object::Array(a) => Some(a.clone()),
            Object::Reference(id) => doc.get_object(*id).ok()?.as_array().ok().cloned(),
            _ => None,
        })
        .unwrap_or_default()
        .iter()
        .filter_map(|o| o.as_reference().ok())
        .collect();
    for id in annots {
        let rect = doc
            .get_dictionary(id)
            .ok()
            .and_then(|a| a.get(b"Rect").ok())
            .and_then(|r| Rect::from_object(r, doc));
        if let (Some(r), Ok(a)) = (rect, doc.get_dictionary_mut(id)) {
            let t = r.transform(m);
            a.set(
                "Rect",
                t.0.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
            );
        }
    }
}

/// The page's visible box.
pub fn page_geometry(doc: &Document, page_id: ObjectId) -> Geometry {
    let default = Rect([0.0, 0.0, 595.0, 842.0]);
    let Ok(page) = doc.get_dictionary(page_id) else {
        return Geometry::new(default, 0);
    };
    let media = inherited(doc, page, b"MediaBox")
        .and_then(|o| Rect::from_object(o, doc))
        .unwrap_or(default);
    let crop = inherited(doc, page, b"CropBox")
        .and_then(|o| Rect::from_object(o, doc))
        .map(|c| {
            Rect([
                c.0[0].max(media.0[0]),
                c.0[1].max(media.0[1]),
                c.0[2].min(media.0[2]),
                c.0[3].min(media.0[3]),
            ])
        })
        .filter(|c| !c.is_empty())
        .unwrap_or(media);
    let rotate = inherited(doc, page, b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0);
    Geometry::new(crop, rotate)
}

/// The forms a page's content can draw, by resource name.
pub fn form_boxes(doc: &Document, page_id: ObjectId) -> Vec<(Vec<u8>, Rect, Matrix)> {
    let mut out = Vec::new();
    let Ok(page) = doc.get_dictionary(page_id) else {
        return out;
    };
    let res = inherited(doc, page, b"Resources").and_then(|r| match r {
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        Object::Dictionary(d) => Some(d),
        _ => None,
    });
    let xobjects = res
        .and_then(|r| r.get(b"XObject").ok())
        .and_then(|x| match x {
            Object::Reference(id) => doc.get_dictionary(*id).ok(),
            Object::Dictionary(d) => Some(d),
            _ => None,
        });
    let Some(xobjects) = xobjects else {
        return out;
    };
    for (name, obj) in xobjects.iter() {
        let Ok(id) = obj.as_reference() else { continue };
        let Ok(Object::Stream(stream)) = doc.get_object(id) else {
            continue;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            continue;
        }
        let bbox = stream
            .dict
            .get(b"BBox")
            .ok()
            .and_then(|b| Rect::from_object(b, doc))
            .unwrap_or(Rect([
                f32::MIN / 4.0,
                f32::MIN / 4.0,
                f32::MAX / 4.0,
                f32::MAX / 4.0,
            ]));
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| m.as_array().ok())
            .and_then(|a| {
                let v: Vec<f32> = a.iter().filter_map(|n| n.as_float().ok()).collect();
                <[f32; 6]>::try_from(v).ok()
            })
            .unwrap_or(IDENTITY);
        out.push((name.clone(), bbox, matrix));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_forms(_: &[u8]) -> Option<(Rect, Matrix)> {
        None
    }

    #[test]
    fn text_and_images_are_boxed_where_they_are_drawn() {
        let r = content_box(b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET", &no_forms);
        assert!(r.0[1] > 690.0 && r.0[1] < 700.0, "{r:?}");
        assert!(r.0[0] >= 72.0 && r.0[2] > 100.0);
        // A full-page scan.
        let r = content_box(b"q 595 0 0 842 0 0 cm /Im0 Do Q", &no_forms);
        assert_eq!(r.0, [0.0, 0.0, 595.0, 842.0]);
        // Inline image data is skipped, and the text after it still counts.
        let r = content_box(
            b"q 10 0 0 10 100 20 cm BI /W 1 /H 1 ID \x00) Tj ( EI Q BT 1 0 0 1 50 400 Tm (x) Tj ET",
            &no_forms,
        );
        assert!(r.0[1] <= 20.0 && r.0[3] > 400.0, "{r:?}");
    }

    #[test]
    fn a_clear_foot_takes_the_stamp_and_a_full_page_is_shrunk() {
        let g = Geometry::new(Rect([0.0, 0.0, 595.0, 842.0]), 0);
        let text = content_box(b"BT /F1 11 Tf 72 60 Td (Body) Tj ET", &no_forms);
        assert_eq!(placement(&g, &text).0, Placement::Margin);
        let scan = content_box(b"q 595 0 0 842 0 0 cm /Im0 Do Q", &no_forms);
        let (p, m) = placement(&g, &scan);
        let Placement::Shrunk(s) = p else {
            panic!("{p:?}")
        };
        let m = m.unwrap();
        let shrunk = scan.transform(&m);
        assert!(shrunk.0[1] >= BAND - 0.01, "{shrunk:?}");
        assert!(shrunk.0[3] <= 842.0 && shrunk.0[0] >= 0.0 && shrunk.0[2] <= 595.0);
        assert!(s > 0.9);
    }

    #[test]
    fn rotated_pages_are_stamped_at_the_foot_as_seen() {
        // Portrait media turned a quarter clockwise: the foot as seen is the media's right
        // edge, so text near x = 595 is in the band and text mid-page is not.
        let g = Geometry::new(Rect([0.0, 0.0, 595.0, 842.0]), 90);
        assert_eq!((g.width, g.height), (842.0, 595.0));
        let (bx, by) = apply(&g.to_user, 0.0, 0.0);
        assert_eq!((bx, by), (595.0, 0.0));
        let near_foot = content_box(b"BT /F1 11 Tf 590 400 Td (x) Tj ET", &no_forms);
        assert!(matches!(placement(&g, &near_foot).0, Placement::Shrunk(_)));
        let clear = content_box(b"BT /F1 11 Tf 300 400 Td (x) Tj ET", &no_forms);
        assert_eq!(placement(&g, &clear).0, Placement::Margin);
    }
}
