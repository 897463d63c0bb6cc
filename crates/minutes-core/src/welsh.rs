//! Welsh grammar for the generated sentences: the mutations of a word's first letter and the
//! words that cause them, so a sentence is built from base forms ("paragraff", "Rhan",
//! "Deddf") rather than from fixed strings that cannot agree with what follows them.
//!
//! What is implemented (each with tests of real words below):
//! - soft mutation (treiglad meddal): p>b, t>d, c>g, b>f, d>dd, g>(dropped), m>f, ll>l, rh>r;
//! - nasal mutation (treiglad trwynol): p>mh, t>nh, c>ngh, b>m, d>n, g>ng;
//! - aspirate mutation (treiglad llaes): p>ph, t>th, c>ch;
//! - the digraphs ch, dd, ff, ng, ph, th never mutate (so "chwip" stays "chwip", "ffurflen"
//!   stays "ffurflen"), and ll and rh mutate only softly;
//! - the contexts the minutes need: "yn/ym/yng" (nasal, "ym mharagraff", "yng Nghaerdydd"),
//!   "o" and "i" and "gan" (soft, "o Ran", "i Ddeddf"), "a/ac" (aspirate, "a chyfarfod";
//!   "ac" before a vowel), the article "y/yr/'r" (feminine singular nouns soft-mutate, ll and
//!   rh excepted: "y Gadair", "y rhaglen"), an adjective after a feminine singular noun (soft:
//!   "yr eitem fusnes ganlynol"), and numbers with nouns ("dau ddiwrnod", "dwy wythnos", "tri
//!   chyfarfod", "tair wythnos", "un wythnos", "pum niwrnod").
//!
//! Not implemented, because no generated sentence needs it (a clerk's own text is printed as
//! typed): the h-prothesis after "ei" (her), "ein", "eu" ("ei henw"); the mixed mutation after
//! "ni"/"na" on verbs (the fixed "Ni dderbyniwyd", "Ni phasiwyd" are written out); mutation of
//! adjectives after "yn" predicative ("yn unfrydol" does not change); the soft mutation of
//! "tsi-" and loan words (they resist: "y tsiec"); and the mutation of personal names, which
//! minutes do not mutate ("a Mrs. J. Williams", "gan y Cynghorydd T. Parry"), nor initials
//! and acronyms.

/// The gender of a Welsh noun, which decides its mutation after the article and numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// A noun kept in its base form, with the forms a sentence prints derived from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Noun {
    pub base: &'static str,
    pub gender: Gender,
}

impl Noun {
    pub const fn masc(base: &'static str) -> Noun {
        Noun {
            base,
            gender: Gender::Masculine,
        }
    }
    pub const fn fem(base: &'static str) -> Noun {
        Noun {
            base,
            gender: Gender::Feminine,
        }
    }
    pub fn soft(&self) -> String {
        soft(self.base)
    }
    pub fn nasal(&self) -> String {
        nasal(self.base)
    }
    pub fn aspirate(&self) -> String {
        aspirate(self.base)
    }
    /// With the definite article, as a singular noun: "y Gadair", "yr eitem", "y rhaglen".
    pub fn the(&self) -> String {
        article_singular(*self)
    }
}

/// The nouns of the generated sentences.
pub mod nouns {
    use super::Noun;
    pub const PARAGRAFF: Noun = Noun::masc("paragraff");
    pub const PARAGRAFFAU: Noun = Noun::masc("paragraffau");
    pub const RHAN: Noun = Noun::fem("Rhan");
    pub const ATODLEN: Noun = Noun::fem("Atodlen");
    pub const DEDDF: Noun = Noun::fem("Deddf");
    pub const ADRAN: Noun = Noun::fem("Adran");
    pub const EITEM: Noun = Noun::fem("eitem");
    pub const EITEMAU: Noun = Noun::fem("eitemau");
    pub const CYFARFOD: Noun = Noun::masc("cyfarfod");
    pub const DIWRNOD: Noun = Noun::masc("diwrnod");
    pub const WYTHNOS: Noun = Noun::fem("wythnos");
    pub const AELOD: Noun = Noun::masc("aelod");
    pub const BUDDIANT: Noun = Noun::masc("buddiant");
    pub const CADAIR: Noun = Noun::fem("Cadair");
    pub const PLEIDLAIS: Noun = Noun::fem("pleidlais");
}

/// The mutation a word takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mutation {
    Soft,
    Nasal,
    Aspirate,
}

/// The word with its first letter mutated. The case of the first letter is kept ("Rhan" >
/// "Ran", "paragraff" > "mharagraff", "Caerdydd" > "Nghaerdydd").
pub fn mutate(word: &str, m: Mutation) -> String {
    let lower = word.to_lowercase();
    // Digraphs first: only ll and rh mutate, and only softly.
    for d in ["ch", "dd", "ff", "ng", "ph", "th"] {
        if lower.starts_with(d) {
            return word.to_string();
        }
    }
    let (len, with): (usize, &str) = if lower.starts_with("ll") || lower.starts_with("rh") {
        match m {
            Mutation::Soft => (2, if lower.starts_with("ll") { "l" } else { "r" }),
            _ => return word.to_string(),
        }
    } else {
        let Some(first) = lower.chars().next() else {
            return String::new();
        };
        let to = match (m, first) {
            (Mutation::Soft, 'p') => "b",
            (Mutation::Soft, 't') => "d",
            (Mutation::Soft, 'c') => "g",
            (Mutation::Soft, 'b') => "f",
            (Mutation::Soft, 'd') => "dd",
            (Mutation::Soft, 'g') => "",
            (Mutation::Soft, 'm') => "f",
            (Mutation::Nasal, 'p') => "mh",
            (Mutation::Nasal, 't') => "nh",
            (Mutation::Nasal, 'c') => "ngh",
            (Mutation::Nasal, 'b') => "m",
            (Mutation::Nasal, 'd') => "n",
            (Mutation::Nasal, 'g') => "ng",
            (Mutation::Aspirate, 'p') => "ph",
            (Mutation::Aspirate, 't') => "th",
            (Mutation::Aspirate, 'c') => "ch",
            _ => return word.to_string(),
        };
        (1, to)
    };
    let capital = word.chars().next().is_some_and(char::is_uppercase);
    let rest: String = word.chars().skip(len).collect();
    let out = format!("{with}{rest}");
    if capital {
        capitalise(&out)
    } else {
        out
    }
}

pub fn soft(word: &str) -> String {
    mutate(word, Mutation::Soft)
}
pub fn nasal(word: &str) -> String {
    mutate(word, Mutation::Nasal)
}
pub fn aspirate(word: &str) -> String {
    mutate(word, Mutation::Aspirate)
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Whether a word starts with a vowel (w and y count: "ac wyth", "yr ysgol").
pub fn starts_with_vowel(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| "AEIOUWYaeiouwyÂÊÎÔÛŴŶâêîôûŵŷÁÉÍÓÚáéíóú".contains(c))
}

/// The first word of a phrase with the mutation, the rest as it is.
fn mutate_phrase(phrase: &str, m: Mutation) -> String {
    match phrase.split_once(' ') {
        Some((first, rest)) => format!("{} {rest}", mutate(first, m)),
        None => mutate(phrase, m),
    }
}

/// "in" before a noun or place: nasal mutation, "yn" becoming "ym" before m/mh and "yng"
/// before ng/ngh: "ym mharagraff 14", "ym Mangor", "yng Nghaerdydd", "yn Nhreforys", "yn
/// Ninbych", "yn Eitem Agenda Rhif 5", "yn Siambr y Cyngor".
pub fn yn(phrase: &str) -> String {
    let mutated = mutate_phrase(phrase, Mutation::Nasal);
    let lower = mutated.to_lowercase();
    let prep = if lower.starts_with("ng") {
        "yng"
    } else if lower.starts_with('m') {
        "ym"
    } else {
        "yn"
    };
    format!("{prep} {mutated}")
}

/// The head words of a Welsh place or building that "yn" mutates when the venue of a meeting
/// follows it. English words and names not listed are left as they are ("yn Council Chamber"
/// until the clerk gives the Welsh venue), as Welsh writers leave most non-Welsh names.
const PLACE_WORDS: [&str; 22] = [
    "Canolfan",
    "Cyngor",
    "Caerdydd",
    "Caerfyrddin",
    "Caernarfon",
    "Casnewydd",
    "Castell",
    "Capel",
    "Coleg",
    "Tŷ",
    "Theatr",
    "Pencadlys",
    "Penarth",
    "Pontypridd",
    "Porthaethwy",
    "Bangor",
    "Biwmares",
    "Bodlondeb",
    "Dinbych",
    "Treforys",
    "Tregaron",
    "Glantawe",
];

/// "yn" before a meeting's venue: mutated where the venue starts with a Welsh word known to
/// be a place or building ("yng Nghanolfan Ddinesig", "yn Nhŷ Penalltau"), otherwise as typed.
pub fn yn_place(venue: &str) -> String {
    let first = venue.split([' ', ',']).next().unwrap_or_default();
    if PLACE_WORDS.contains(&first) {
        yn(venue)
    } else {
        format!("yn {venue}")
    }
}

/// "of": soft mutation, "o Ran 4", "o Atodlen 12A", "o Ddeddf Llywodraeth Leol 1972".
pub fn o(phrase: &str) -> String {
    format!("o {}", mutate_phrase(phrase, Mutation::Soft))
}

/// "to": soft mutation, "i Ddeddf Llywodraeth Leol 1972", "i bwyllgor".
pub fn i(phrase: &str) -> String {
    format!("i {}", mutate_phrase(phrase, Mutation::Soft))
}

/// "by/from": soft mutation, "gan bwyllgor"; a phrase starting with the article or a name
/// does not change ("gan y Cynghorydd X").
pub fn gan(phrase: &str) -> String {
    format!("gan {}", mutate_phrase(phrase, Mutation::Soft))
}

/// "and" before a common word: "ac" before a vowel, otherwise "a" with the aspirate mutation:
/// "a chyfarfod", "a thrwy", "a phwyllgor", "ac Atodlen".
pub fn and(phrase: &str) -> String {
    if starts_with_vowel(phrase) {
        format!("ac {phrase}")
    } else {
        format!("a {}", mutate_phrase(phrase, Mutation::Aspirate))
    }
}

/// "and" before a name, a number or an initial, which do not mutate: "ac I.W. Thomas", "a
/// Mrs. J. Williams", "a 14", "ac 18".
pub fn and_name(name: &str) -> String {
    let vowel = starts_with_vowel(name) || starts_with_vowel_sound_number(name);
    format!("{} {name}", if vowel { "ac" } else { "a" })
}

/// Numbers read with a vowel first: 8 (wyth), 11 (un ar ddeg), 18 (deunaw is not; "ac 18"
/// is not written), 1 (un), 80... Only "un" and "wyth" matter for the paragraph numbers.
fn starts_with_vowel_sound_number(s: &str) -> bool {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    matches!(digits.as_str(), "1" | "8" | "11" | "80" | "81" | "88")
}

/// Joins items with commas and "a/ac" before the last: "12 a 14", "12, 13 ac 8",
/// "Y Cynghorwyr A. Hopkins ac I.W. Thomas". Names and numbers, so nothing mutates.
pub fn join_names(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {}", init.join(", "), and_name(last)),
    }
}

/// The definite article before a singular noun: "yr" before a vowel or h, "y" otherwise; a
/// feminine noun soft-mutates except after ll and rh: "y Gadair", "yr eitem", "y rhaglen",
/// "y llaw", "y pwyllgor" (masculine).
pub fn article_singular(n: Noun) -> String {
    let lower = n.base.to_lowercase();
    let resists = lower.starts_with("ll") || lower.starts_with("rh");
    let word = if n.gender == Gender::Feminine && !resists {
        soft(n.base)
    } else {
        n.base.to_string()
    };
    format!("{} {word}", article_for(&word))
}

/// The definite article for a word as it is printed: "yr" before a vowel or h, "y" otherwise.
/// After a word ending in a vowel it is written "'r" (see [`after_vowel`]).
pub fn article_for(word: &str) -> &'static str {
    if starts_with_vowel(word) || word.to_lowercase().starts_with('h') {
        "yr"
    } else {
        "y"
    }
}

/// An adjective after a noun: soft-mutated after a feminine singular noun ("yr eitem
/// ganlynol", "pleidlais fwrw"), as it is after a masculine one or a plural ("y cyfarfod
/// canlynol", "yr eitemau canlynol").
pub fn adjective(noun: Noun, plural: bool, adj: &str) -> String {
    if noun.gender == Gender::Feminine && !plural {
        soft(adj)
    } else {
        adj.to_string()
    }
}

/// A number of things in words, as the minutes write small counts before a noun: "un aelod",
/// "un wythnos", "dau ddiwrnod", "dwy wythnos", "tri chyfarfod", "tair wythnos", "pedwar
/// diwrnod", "pum niwrnod", "chwe chyfarfod", "deg diwrnod"; from 11 the figure and the
/// singular noun, which does not mutate: "12 aelod", "87 diwrnod".
pub fn count(n: u32, noun: Noun) -> String {
    let fem = noun.gender == Gender::Feminine;
    let base = noun.base;
    // "diwrnod", "blynedd" and "blwydd" take the nasal mutation after 5, 7, 8, 9, 10.
    let nasal_after = matches!(base, "diwrnod" | "blynedd" | "blwydd");
    match n {
        1 if fem && !(base.starts_with("ll") || base.starts_with("rh")) => {
            format!("un {}", soft(base))
        }
        1 => format!("un {base}"),
        2 if fem => format!("dwy {}", soft(base)),
        2 => format!("dau {}", soft(base)),
        3 if fem => format!("tair {base}"),
        3 => format!("tri {}", aspirate(base)),
        4 if fem => format!("pedair {base}"),
        4 => format!("pedwar {base}"),
        6 => format!("chwe {}", aspirate(base)),
        5 | 7 | 8 | 9 | 10 => {
            let w = match n {
                5 => "pum",
                7 => "saith",
                8 => "wyth",
                9 => "naw",
                _ => "deg",
            };
            // "deg diwrnod" is usual; "deng niwrnod" is literary.
            if nasal_after && n != 10 {
                format!("{w} {}", nasal(base))
            } else {
                format!("{w} {base}")
            }
        }
        _ => format!("{n} {base}"),
    }
}

/// A number of working days: "tri diwrnod gwaith", "pum niwrnod gwaith", "12 diwrnod gwaith".
pub fn working_days(n: u32) -> String {
    format!("{} gwaith", count(n, nouns::DIWRNOD))
}

/// "paragraph 14" / "paragraphs 12 and 14" after "in", as the exclusion wording and the
/// notice of an exempt item cite them: "ym mharagraff 14", "ym mharagraffau 12 a 14".
pub fn in_paragraphs(paras: &[String]) -> String {
    let noun = if paras.len() > 1 {
        nouns::PARAGRAFFAU
    } else {
        nouns::PARAGRAFF
    };
    yn(&format!("{} {}", noun.base, join_names(paras)))
}

/// The part of Schedule 12A that lists the categories of exempt information: Part 4 in Wales
/// (as substituted by SI 2007/969), Part 1 in England.
pub fn schedule_12a_part(j: crate::model::Jurisdiction) -> u32 {
    match j {
        crate::model::Jurisdiction::Wales => 4,
        crate::model::Jurisdiction::England => 1,
    }
}

/// "o Ran 4 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972" (with `act`), or "… i'r Ddeddf"
/// where the Act was named before.
pub fn of_part_of_schedule_12a(j: crate::model::Jurisdiction, act_named_before: bool) -> String {
    let act = if act_named_before {
        format!("i'r {}", nouns::DEDDF.soft())
    } else {
        i(&format!("{} Llywodraeth Leol 1972", nouns::DEDDF.base))
    };
    format!(
        "{} {} {act}",
        o(&format!("{} {}", nouns::RHAN.base, schedule_12a_part(j))),
        o(&format!("{} 12A", nouns::ATODLEN.base)),
    )
}

/// A role as a Welsh sentence names it, from the English role phrase the clerk typed ("the
/// Lead Inspector", "A Committee Member"), with its article and mutation: "y Prif Arolygydd",
/// "Aelod o'r Pwyllgor", "yr Arweinydd". `None` for a role with no Welsh form here.
///
/// Sources: the glossary of the domain reference (Aelod, Pwyllgor, Cadeirydd, Is-Gadeirydd,
/// Aelod Cabinet, Aelod cyfetholedig, Swyddog Monitro) and TermCymru's usual forms for the
/// rest (Prif Arolygydd, Arolygydd, Pennaeth Gwasanaeth, Cyfarwyddwr, Prif Weithredwr,
/// Arweinydd, Swyddog), marked [K] in docs/welsh-forms.md.
pub fn role_phrase(role: &str) -> Option<String> {
    let key = role
        .trim()
        .to_lowercase()
        .replace(['\u{2011}', '\u{2010}'], "-");
    let key = key.trim_end_matches(['.', ',']).to_string();
    // Definite roles: the table holds the bare title; the article is added by its gender.
    let (article, bare) = if let Some(b) = key.strip_prefix("the ") {
        (true, b)
    } else if let Some(b) = key.strip_prefix("an ") {
        (false, b)
    } else if let Some(b) = key.strip_prefix("a ") {
        (false, b)
    } else {
        (true, key.as_str())
    };
    // Whole phrases first.
    let whole = match key.as_str() {
        "a committee member" | "a member of the committee" => Some("Aelod o'r Pwyllgor"),
        "committee members" | "members" | "members of the committee" => Some("Aelodau'r Pwyllgor"),
        "a member" => Some("Aelod"),
        "a member of the public" => Some("aelod o'r cyhoedd"),
        "members of the public" => Some("aelodau o'r cyhoedd"),
        "the leader of the council" | "leader of the council" => Some("Arweinydd y Cyngor"),
        "the committee" => Some("y Pwyllgor"),
        _ => None,
    };
    if let Some(w) = whole {
        return Some(w.to_string());
    }
    let title = title_cy(bare)?;
    Some(if article {
        // The titles are masculine nouns (personal titles take no feminine mutation).
        format!("{} {title}", article_for(title))
    } else {
        title.to_string()
    })
}

/// The Welsh of a common job or office title, without article: "Lead Inspector" > "Prif
/// Arolygydd". `None` for one not in the table.
pub fn title_cy(title: &str) -> Option<&'static str> {
    let key = title
        .trim()
        .to_lowercase()
        .replace(['\u{2011}', '\u{2010}'], "-");
    Some(match key.as_str() {
        "lead inspector" => "Prif Arolygydd",
        "inspector" => "Arolygydd",
        "head of service" => "Pennaeth Gwasanaeth",
        "director" => "Cyfarwyddwr",
        "director of social services" => "Cyfarwyddwr Gwasanaethau Cymdeithasol",
        "corporate director" => "Cyfarwyddwr Corfforaethol",
        "chief executive" => "Prif Weithredwr",
        "monitoring officer" => "Swyddog Monitro",
        "cabinet member" => "Aelod Cabinet",
        "committee member" => "Aelod o'r Pwyllgor",
        "co-opted member" => "Aelod cyfetholedig",
        "chair" | "chairman" | "chairperson" => "Cadeirydd",
        "vice-chair" | "vice-chairman" | "vice chair" | "vice chairman" => "Is-Gadeirydd",
        "leader" => "Arweinydd",
        "deputy leader" => "Dirprwy Arweinydd",
        "officer" => "Swyddog",
        "democratic services officer" => "Swyddog Gwasanaethau Democrataidd",
        "scrutiny officer" => "Swyddog Craffu",
        "proper officer" => "Swyddog priodol",
        "clerk" => "Clerc",
        "member" => "Aelod",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Jurisdiction;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn soft_mutation_of_each_letter() {
        // Real words: pwyllgor, tudalen, cyfarfod, buddiant, deddf, gwaith, mater, llyfr, rhan.
        assert_eq!(soft("pwyllgor"), "bwyllgor");
        assert_eq!(soft("tudalen"), "dudalen");
        assert_eq!(soft("cyfarfod"), "gyfarfod");
        assert_eq!(soft("buddiant"), "fuddiant");
        assert_eq!(soft("Deddf"), "Ddeddf");
        assert_eq!(soft("gwaith"), "waith");
        assert_eq!(soft("mater"), "fater");
        assert_eq!(soft("llyfr"), "lyfr");
        assert_eq!(soft("Rhan"), "Ran");
        assert_eq!(soft("canlynol"), "ganlynol");
        // Unchanged: vowels, the other digraphs, letters that do not mutate.
        assert_eq!(soft("Atodlen"), "Atodlen");
        assert_eq!(soft("chwip"), "chwip");
        assert_eq!(soft("ffurflen"), "ffurflen");
        assert_eq!(soft("theatr"), "theatr");
        assert_eq!(soft("siambr"), "siambr");
    }

    #[test]
    fn nasal_mutation_of_each_letter() {
        assert_eq!(nasal("paragraff"), "mharagraff");
        assert_eq!(nasal("Treforys"), "Nhreforys");
        assert_eq!(nasal("Caerdydd"), "Nghaerdydd");
        assert_eq!(nasal("Bangor"), "Mangor");
        assert_eq!(nasal("Dinbych"), "Ninbych");
        assert_eq!(nasal("Gwynedd"), "Ngwynedd");
        assert_eq!(nasal("llyfr"), "llyfr");
        assert_eq!(nasal("rhaglen"), "rhaglen");
        assert_eq!(nasal("Abertawe"), "Abertawe");
    }

    #[test]
    fn aspirate_mutation_of_each_letter() {
        assert_eq!(aspirate("pwyllgor"), "phwyllgor");
        assert_eq!(aspirate("trwy"), "thrwy");
        assert_eq!(aspirate("cyfarfod"), "chyfarfod");
        assert_eq!(aspirate("Cofnodion"), "Chofnodion");
        assert_eq!(aspirate("buddiant"), "buddiant");
        assert_eq!(aspirate("rhaglen"), "rhaglen");
    }

    #[test]
    fn after_yn() {
        assert_eq!(yn("paragraff 14"), "ym mharagraff 14");
        assert_eq!(yn("paragraffau 12 a 14"), "ym mharagraffau 12 a 14");
        assert_eq!(yn("Caerdydd"), "yng Nghaerdydd");
        assert_eq!(yn("Bangor"), "ym Mangor");
        assert_eq!(yn("Treforys"), "yn Nhreforys");
        assert_eq!(yn("Dinbych"), "yn Ninbych");
        assert_eq!(yn("Gwynedd"), "yng Ngwynedd");
        assert_eq!(yn("Neuadd y Sir"), "yn Neuadd y Sir");
        assert_eq!(yn("Siambr y Cyngor"), "yn Siambr y Cyngor");
        assert_eq!(yn("Eitem Agenda Rhif 5"), "yn Eitem Agenda Rhif 5");
    }

    #[test]
    fn after_yn_a_venue() {
        assert_eq!(
            yn_place("Canolfan Ddinesig, Glantawe"),
            "yng Nghanolfan Ddinesig, Glantawe"
        );
        assert_eq!(yn_place("Tŷ Penalltau"), "yn Nhŷ Penalltau");
        assert_eq!(
            yn_place("Council Chamber, Civic Offices"),
            "yn Council Chamber, Civic Offices"
        );
        assert_eq!(yn_place("Siambr y Cyngor"), "yn Siambr y Cyngor");
    }

    #[test]
    fn after_o_i_gan() {
        assert_eq!(o("Rhan 4"), "o Ran 4");
        assert_eq!(o("Atodlen 12A"), "o Atodlen 12A");
        assert_eq!(
            o("Deddf Llywodraeth Leol 1972"),
            "o Ddeddf Llywodraeth Leol 1972"
        );
        assert_eq!(
            i("Deddf Llywodraeth Leol 1972"),
            "i Ddeddf Llywodraeth Leol 1972"
        );
        assert_eq!(i("pwyllgor"), "i bwyllgor");
        assert_eq!(gan("y Pwyllgor Safonau"), "gan y Pwyllgor Safonau");
        assert_eq!(gan("cynghorydd"), "gan gynghorydd");
    }

    #[test]
    fn after_a_and_ac() {
        assert_eq!(and("cyfarfod"), "a chyfarfod");
        assert_eq!(and("thrwy"), "a thrwy");
        assert_eq!(and("trwy fideo-gynadledda"), "a thrwy fideo-gynadledda");
        assert_eq!(and("pwyllgor"), "a phwyllgor");
        assert_eq!(and("Atodlen 12A"), "ac Atodlen 12A");
        assert_eq!(and("buddiant"), "a buddiant");
        assert_eq!(and_name("I.W. Thomas"), "ac I.W. Thomas");
        assert_eq!(and_name("Mrs. J. Williams"), "a Mrs. J. Williams");
        assert_eq!(and_name("T. Parry"), "a T. Parry");
        assert_eq!(and_name("14"), "a 14");
        assert_eq!(and_name("8"), "ac 8");
        assert_eq!(join_names(&s(&["12", "14"])), "12 a 14");
        assert_eq!(join_names(&s(&["12", "13", "14"])), "12, 13 a 14");
    }

    #[test]
    fn the_article() {
        assert_eq!(nouns::CADAIR.the(), "y Gadair");
        assert_eq!(nouns::EITEM.the(), "yr eitem");
        assert_eq!(nouns::CYFARFOD.the(), "y cyfarfod");
        assert_eq!(nouns::DEDDF.the(), "y Ddeddf");
        assert_eq!(Noun::fem("rhaglen").the(), "y rhaglen");
        assert_eq!(Noun::fem("llaw").the(), "y llaw");
        assert_eq!(Noun::masc("Arweinydd").the(), "yr Arweinydd");
        assert_eq!(Noun::masc("hysbysiad").the(), "yr hysbysiad");
        assert_eq!(adjective(nouns::EITEM, false, "canlynol"), "ganlynol");
        assert_eq!(adjective(nouns::EITEM, true, "canlynol"), "canlynol");
        assert_eq!(adjective(nouns::PLEIDLAIS, false, "bwrw"), "fwrw");
        assert_eq!(adjective(nouns::CYFARFOD, false, "canlynol"), "canlynol");
    }

    #[test]
    fn numbers_with_nouns() {
        assert_eq!(count(1, nouns::AELOD), "un aelod");
        assert_eq!(count(1, nouns::WYTHNOS), "un wythnos");
        assert_eq!(count(1, Noun::fem("llythyren")), "un llythyren");
        assert_eq!(count(2, nouns::DIWRNOD), "dau ddiwrnod");
        assert_eq!(count(2, nouns::WYTHNOS), "dwy wythnos");
        assert_eq!(count(2, Noun::fem("tudalen")), "dwy dudalen");
        assert_eq!(count(3, nouns::CYFARFOD), "tri chyfarfod");
        assert_eq!(count(3, nouns::DIWRNOD), "tri diwrnod");
        assert_eq!(count(3, Noun::fem("tudalen")), "tair tudalen");
        assert_eq!(count(4, nouns::DIWRNOD), "pedwar diwrnod");
        assert_eq!(count(5, nouns::DIWRNOD), "pum niwrnod");
        assert_eq!(count(6, nouns::CYFARFOD), "chwe chyfarfod");
        assert_eq!(count(10, nouns::DIWRNOD), "deg diwrnod");
        assert_eq!(count(12, nouns::AELOD), "12 aelod");
        assert_eq!(working_days(3), "tri diwrnod gwaith");
        assert_eq!(working_days(5), "pum niwrnod gwaith");
    }

    #[test]
    fn exclusion_citation() {
        assert_eq!(in_paragraphs(&s(&["14"])), "ym mharagraff 14");
        assert_eq!(in_paragraphs(&s(&["12", "14"])), "ym mharagraffau 12 a 14");
        assert_eq!(
            of_part_of_schedule_12a(Jurisdiction::Wales, false),
            "o Ran 4 o Atodlen 12A i Ddeddf Llywodraeth Leol 1972"
        );
        assert_eq!(
            of_part_of_schedule_12a(Jurisdiction::England, true),
            "o Ran 1 o Atodlen 12A i'r Ddeddf"
        );
    }

    #[test]
    fn roles() {
        assert_eq!(
            role_phrase("the Lead Inspector").as_deref(),
            Some("y Prif Arolygydd")
        );
        assert_eq!(
            role_phrase("The Inspector").as_deref(),
            Some("yr Arolygydd")
        );
        assert_eq!(role_phrase("an Inspector").as_deref(), Some("Arolygydd"));
        assert_eq!(
            role_phrase("A Committee Member").as_deref(),
            Some("Aelod o'r Pwyllgor")
        );
        assert_eq!(role_phrase("the Leader").as_deref(), Some("yr Arweinydd"));
        assert_eq!(
            role_phrase("the Chief Executive").as_deref(),
            Some("y Prif Weithredwr")
        );
        assert_eq!(
            role_phrase("the Director of Social Services").as_deref(),
            Some("y Cyfarwyddwr Gwasanaethau Cymdeithasol")
        );
        assert_eq!(
            role_phrase("the Head of Service").as_deref(),
            Some("y Pennaeth Gwasanaeth")
        );
        assert_eq!(
            role_phrase("the Monitoring Officer").as_deref(),
            Some("y Swyddog Monitro")
        );
        assert_eq!(
            role_phrase("the Cabinet Member").as_deref(),
            Some("yr Aelod Cabinet")
        );
        assert_eq!(role_phrase("the Chairman").as_deref(), Some("y Cadeirydd"));
        assert_eq!(
            role_phrase("the Vice-Chair").as_deref(),
            Some("yr Is-Gadeirydd")
        );
        assert_eq!(role_phrase("an Officer").as_deref(), Some("Swyddog"));
        assert_eq!(
            role_phrase("a member of the public").as_deref(),
            Some("aelod o'r cyhoedd")
        );
        assert_eq!(role_phrase("the Head of Highways"), None);
    }
}
