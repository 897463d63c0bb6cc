//! The frame every page shares (skip link, header, navigation, the language switch, footer)
//! and the printed documents' lines (`minutes_core::render::Line`) as HTML: the same words the
//! PDF prints, in semantic markup.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use minutes_core::labels::that;
use minutes_core::render::{Line, MinutesDocument};
use minutes_core::Language;

use crate::words::{w, W};

/// "en" or "cy": the folder of a language's pages and its `lang` code.
pub fn code(lang: Language) -> &'static str {
    lang.pick("en", "cy")
}

/// The other language.
pub fn other(lang: Language) -> Language {
    lang.pick(Language::Cy, Language::En)
}

/// Where a page is and what surrounds it.
pub struct Frame<'a> {
    pub lang: Language,
    /// The page's path under its language's folder: "meeting/….html".
    pub path: String,
    /// The authority's name in this language.
    pub authority: &'a str,
    /// The trail above the title: (text, path under the language folder).
    pub crumbs: Vec<(String, String)>,
    /// The page's `h1` and `<title>`.
    pub title: String,
    /// The language of the title when it is not the page's (a body without a Welsh name).
    pub title_lang: Option<Language>,
}

impl Frame<'_> {
    /// From this page to the site's folder: "../" or "../../".
    pub fn root(&self) -> String {
        "../".repeat(1 + self.path.matches('/').count())
    }

    /// A link from this page to `path` under this language's folder.
    pub fn href(&self, path: &str) -> String {
        format!("{}{}/{path}", self.root(), code(self.lang))
    }

    /// A link from this page to a file under the site's folder ("pdf/…").
    pub fn file(&self, path: &str) -> String {
        format!("{}{path}", self.root())
    }

    /// The whole page, `main` holding `content`; its path under the site's folder, and HTML.
    pub fn page(&self, content: Markup) -> crate::SiteFile {
        let lang = self.lang;
        let alt = other(lang);
        let here = format!("{}/{}", code(lang), self.path);
        let there = format!("{}{}/{}", self.root(), code(alt), self.path);
        let nav = [
            (W::Home, "index.html"),
            (W::Committees, "committees.html"),
            (W::Calendar, "calendar.html"),
            (W::Register, "register.html"),
        ];
        let markup = html! {
            (DOCTYPE)
            html lang=(code(lang)) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    title { (self.title) " – " (self.authority) }
                    link rel="stylesheet" href=(self.file("assets/site.css"));
                    link rel="alternate" hreflang=(code(alt)) href=(there);
                }
                body {
                    a class="skip" href="#main" { (w(W::SkipToContent, lang)) }
                    header class="site" {
                        p class="authority" { a href=(self.href("index.html")) { (self.authority) } }
                        p class="language" {
                            a href=(there) lang=(code(alt)) hreflang=(code(alt)) { (w(W::OtherLanguage, lang)) }
                        }
                        nav aria-label=(w(W::SiteNav, lang)) {
                            ul {
                                @for (word, path) in nav {
                                    li {
                                        @if self.path == path {
                                            a href=(self.href(path)) aria-current="page" { (w(word, lang)) }
                                        } @else {
                                            a href=(self.href(path)) { (w(word, lang)) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    main id="main" tabindex="-1" {
                        @if !self.crumbs.is_empty() {
                            nav aria-label=(w(W::Breadcrumb, lang)) class="crumbs" {
                                ol {
                                    @for (text, path) in &self.crumbs {
                                        li { a href=(self.href(path)) { (text) } }
                                    }
                                }
                            }
                        }
                        h1 lang=[self.title_lang.map(code)] { (self.title) }
                        (content)
                    }
                    footer class="site" {
                        p { (w(W::PublishedWith, lang)) }
                        p { a href=(self.file("oparl/system.json")) { (w(W::OpenData, lang)) } }
                    }
                }
            }
        };
        crate::SiteFile::new(here, markup.into_string())
    }
}

/// `text` marked with its language where it is not the page's.
pub fn in_lang(text: &str, lang: Option<Language>) -> Markup {
    match lang {
        Some(l) => html! { span lang=(code(l)) { (text) } },
        None => html! { (text) },
    }
}

/// The house style's letter-spaced "T H A T" / "B O D" at the start of a limb, as a word
/// (read as one by a screen reader) spaced by the style sheet.
fn limb_text(text: &str, lang: Language) -> Markup {
    let spaced = that(lang);
    match text.strip_prefix(spaced) {
        Some(rest) => html! { span class="that" { (spaced.replace(' ', "")) } (rest) },
        None => html! { (text) },
    }
}

/// The lines of a printed document as HTML, headings starting at `level` (the minutes'
/// headings under the page's `h2`). `after_heading` adds links after a minute's heading
/// (its resolutions in the register), given the minute's number.
pub fn document(
    doc: &MinutesDocument,
    level: u8,
    after_heading: &dyn Fn(&str) -> Option<Markup>,
) -> Markup {
    let lang = doc.language;
    let h = |lvl: u8, id: Option<String>, body: Markup| -> Markup {
        let tag = format!("h{}", lvl.min(6));
        let id = id.map(|i| format!(" id=\"{}\"", maud::html! { (i) }.into_string()));
        PreEscaped(format!(
            "<{tag}{}>{}</{tag}>",
            id.unwrap_or_default(),
            body.into_string()
        ))
    };
    let mut out = String::new();
    // Limbs and their list items are gathered into one ordered list.
    let mut in_limbs = false;
    let mut in_list = false;
    let close = |out: &mut String, in_limbs: &mut bool, in_list: &mut bool| {
        if *in_list {
            out.push_str("</ul>");
            *in_list = false;
        }
        if *in_limbs {
            out.push_str("</li></ol>");
            *in_limbs = false;
        }
    };
    for line in &doc.lines {
        match line {
            Line::Limb { label, text } => {
                if in_list {
                    out.push_str("</ul>");
                    in_list = false;
                }
                if in_limbs {
                    out.push_str("</li>");
                } else {
                    out.push_str("<ol class=\"limbs\">");
                    in_limbs = true;
                }
                let body = html! {
                    @if !label.is_empty() { span class="label" { (label) } " " }
                    (limb_text(text, lang))
                };
                out.push_str("<li>");
                out.push_str(&body.into_string());
            }
            Line::ListItem {
                under_limb,
                level,
                marker,
                text,
            } => {
                if !*under_limb && in_limbs {
                    close(&mut out, &mut in_limbs, &mut in_list);
                }
                if !in_list {
                    out.push_str("<ul class=\"items\">");
                    in_list = true;
                }
                out.push_str(
                    &html! {
                        li class={ "level-" (level) } {
                            @if !marker.is_empty() { span class="label" { (marker) } " " }
                            (text)
                        }
                    }
                    .into_string(),
                );
            }
            other => {
                close(&mut out, &mut in_limbs, &mut in_list);
                let m = match other {
                    Line::Authority(t) | Line::Body(t) => html! { p class="lead" { (t) } },
                    Line::Title(t) => html! { p class="lead" { strong { (t) } } },
                    Line::Attendance { label, text } => {
                        html! { p { strong { (label) } " " (text) } }
                    }
                    Line::MinuteHeading { number, heading } => {
                        let id = (!number.is_empty()).then(|| format!("minute-{number}"));
                        let head = h(
                            level,
                            id,
                            html! {
                                @if !number.is_empty() { span class="number" { (number) } " " }
                                (heading)
                            },
                        );
                        html! { (head) @if let Some(extra) = after_heading(number) { (extra) } }
                    }
                    Line::Paragraph(t) => html! { p { (t) } },
                    Line::Keyword(t) => html! { p class="keyword" { strong { (t) } } },
                    Line::SubHeading(t) => h(level + 1, None, html! { (t) }),
                    Line::Decision { keyword, text } => html! {
                        p class="decision" { strong { (keyword) } " " (limb_text(text, lang)) }
                    },
                    Line::Signature { label, text } => html! { p { (label) " " (text) } },
                    Line::Notice(t) => html! { p class="notice" { (t) } },
                    Line::Field { label, text } => html! {
                        p class="field" { @if !label.is_empty() { strong { (label) } " " } (text) }
                    },
                    Line::PageBreak | Line::Lang(_) => html! {},
                    Line::Limb { .. } | Line::ListItem { .. } => html! {},
                };
                out.push_str(&m.into_string());
            }
        }
    }
    close(&mut out, &mut in_limbs, &mut in_list);
    PreEscaped(out)
}
