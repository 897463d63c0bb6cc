//! Finding Welsh words whatever their first letter has become.
//!
//! Welsh changes the first consonant of a word after certain words ("cyngor" is "ei gyngor",
//! "fy nghyngor", "ei chyngor"; "pwyllgor" is "y bwyllgor" ... "ym mhwyllgor"). A clerk who
//! searches the register for the word as it stands in one sentence must find it in every other,
//! so a typed word is searched in all its forms: the word itself, the radicals it may be a
//! mutation of, and every mutation of each of those (soft, nasal and aspirate mutation, and
//! the h that goes before a vowel after "ei" (her), "ein", "eu").
//!
//! Accents are not a matter for this module: the search index folds them ("wyr" finds "ŵyr").
//!
//! The store searches the extra forms in the Welsh words only (see the register search): an
//! English search is never widened ("bill" does not find "mill" or "fill" in English text),
//! and the word as typed is always searched everywhere.

/// Words shorter than this are searched only as typed: they are mostly Welsh and English
/// function words ("yn", "ei", "in", "of"), whose forms would be noise.
pub const MIN_LETTERS: usize = 3;

const VOWELS: &[char] = &[
    'a', 'e', 'i', 'o', 'u', 'w', 'y', 'â', 'ê', 'î', 'ô', 'û', 'ŵ', 'ŷ', 'á', 'é', 'í', 'ó', 'ú',
    'ẃ', 'ý', 'à', 'è', 'ì', 'ò', 'ù', 'ẁ', 'ỳ', 'ä', 'ë', 'ï', 'ö', 'ü', 'ẅ', 'ÿ',
];

fn starts_with_vowel(w: &str) -> bool {
    w.chars().next().is_some_and(|c| VOWELS.contains(&c))
}

/// The radicals (dictionary forms) a word may be a mutation of, nearest first; none when its
/// first letters cannot be a mutation. The word is lower case.
///
/// "gyngor" → "cyngor"; "nghyngor", "chyngor" → "cyngor"; "bwyllgor", "mhwyllgor",
/// "phwyllgor" → "pwyllgor"; "ddatganiad" → "datganiad"; "ran" → "rhan", "gran"; "les" →
/// "lles", "gles"; "fwrdd" → "bwrdd", "mwrdd"; "waith" → "gwaith"; "hysgol" → "ysgol".
pub fn radicals(word: &str) -> Vec<String> {
    let w = word;
    let with = |radical: &str, cut: usize| format!("{radical}{}", &w[cut..]);
    let mut out = Vec::new();
    if w.starts_with("ngh") {
        out.push(with("c", 3)); // nasal c
    } else if w.starts_with("ng") {
        out.push(with("g", 2)); // nasal g
    } else if w.starts_with("mh") {
        out.push(with("p", 2)); // nasal p
    } else if w.starts_with("nh") {
        out.push(with("t", 2)); // nasal t
    } else if w.starts_with("ph") {
        out.push(with("p", 2)); // aspirate p
    } else if w.starts_with("th") {
        out.push(with("t", 2)); // aspirate t
    } else if w.starts_with("ch") {
        out.push(with("c", 2)); // aspirate c
    } else if w.starts_with("dd") {
        out.push(with("d", 2)); // soft d
    } else if w.starts_with("ll") || w.starts_with("rh") || w.starts_with("ff") {
        // Radicals: ll and rh soften to l and r; ff does not mutate.
    } else if w.starts_with('b') {
        out.push(with("p", 1)); // soft p
    } else if w.starts_with('d') {
        out.push(with("t", 1)); // soft t
    } else if w.starts_with('g') {
        out.push(with("c", 1)); // soft c
    } else if w.starts_with('f') {
        out.push(with("b", 1)); // soft b
        out.push(with("m", 1)); // soft m
    } else if w.starts_with('l') {
        out.push(with("ll", 1)); // soft ll
        out.push(format!("g{w}")); // soft g (gl)
    } else if w.starts_with('r') {
        out.push(with("rh", 1)); // soft rh
        out.push(format!("g{w}")); // soft g (gr)
    } else if w.starts_with('m') {
        out.push(with("b", 1)); // nasal b
    } else if w.starts_with('n') {
        out.push(with("d", 1)); // nasal d
    } else if w.starts_with('h') && w[1..].starts_with(VOWELS) {
        out.push(w[1..].to_string()); // h before a vowel
    }
    if starts_with_vowel(w) {
        out.push(format!("g{w}")); // soft g: the g is dropped ("waith", "orsaf")
    }
    out
}

/// Every mutation of a radical (lower case): "cyngor" → "gyngor", "nghyngor", "chyngor";
/// "pwyllgor" → "bwyllgor", "mhwyllgor", "phwyllgor"; "rhan" → "ran"; "lles" → "les".
pub fn mutations(radical: &str) -> Vec<String> {
    let w = radical;
    let with = |mutated: &[&str], cut: usize| -> Vec<String> {
        mutated
            .iter()
            .map(|m| format!("{m}{}", &w[cut..]))
            .collect()
    };
    if w.starts_with("ll") {
        with(&["l"], 2)
    } else if w.starts_with("rh") {
        with(&["r"], 2)
    } else if ["ch", "ph", "th", "dd", "ff", "ng"]
        .iter()
        .any(|p| w.starts_with(p))
    {
        // Already mutated, or letters that do not mutate.
        Vec::new()
    } else if w.starts_with('p') {
        with(&["b", "mh", "ph"], 1)
    } else if w.starts_with('t') {
        with(&["d", "nh", "th"], 1)
    } else if w.starts_with('c') {
        with(&["g", "ngh", "ch"], 1)
    } else if w.starts_with('b') {
        with(&["f", "m"], 1)
    } else if w.starts_with('d') {
        with(&["dd", "n"], 1)
    } else if w.starts_with('g') {
        with(&["", "ng"], 1)
    } else if w.starts_with('m') {
        with(&["f"], 1)
    } else if starts_with_vowel(w) {
        vec![format!("h{w}")]
    } else {
        Vec::new()
    }
}

/// The forms a typed word is searched in: the word as typed first, then (for a word of at
/// least [`MIN_LETTERS`] letters) the radicals it may be a mutation of and every mutation of
/// the word and of those radicals, lower case, each once.
pub fn forms(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let lower = word.to_lowercase();
    if lower.chars().count() < MIN_LETTERS || !lower.chars().all(char::is_alphabetic) {
        return out;
    }
    let mut push = |f: String| {
        if !f.is_empty() && f != lower && !out[1..].contains(&f) {
            out.push(f);
        }
    };
    let radicals = radicals(&lower);
    for r in &radicals {
        push(r.clone());
    }
    for m in mutations(&lower) {
        push(m);
    }
    for r in &radicals {
        for m in mutations(r) {
            push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, form: &str) -> bool {
        forms(word).iter().any(|f| f == form)
    }

    #[test]
    fn a_mutated_word_finds_its_radical() {
        for (mutated, radical) in [
            ("gyngor", "cyngor"),
            ("nghyngor", "cyngor"),
            ("chyngor", "cyngor"),
            ("bwyllgor", "pwyllgor"),
            ("mhwyllgor", "pwyllgor"),
            ("phwyllgor", "pwyllgor"),
            ("ddatganiad", "datganiad"),
            ("ran", "rhan"),
            ("les", "lles"),
            ("dref", "tref"),
            ("nhref", "tref"),
            ("thref", "tref"),
            ("fwrdd", "bwrdd"),
            ("mwrdd", "bwrdd"),
            ("fam", "mam"),
            ("waith", "gwaith"),
            ("ngwaith", "gwaith"),
            ("orsaf", "gorsaf"),
            ("natganiad", "datganiad"),
            ("hysgol", "ysgol"),
            ("Gyngor", "cyngor"),
        ] {
            assert!(
                has(mutated, radical),
                "{mutated} → {radical}: {:?}",
                forms(mutated)
            );
        }
    }

    #[test]
    fn a_radical_finds_its_mutations() {
        for (radical, mutated) in [
            ("cyngor", "gyngor"),
            ("cyngor", "nghyngor"),
            ("cyngor", "chyngor"),
            ("pwyllgor", "bwyllgor"),
            ("pwyllgor", "mhwyllgor"),
            ("datganiad", "ddatganiad"),
            ("rhan", "ran"),
            ("lles", "les"),
            ("gwaith", "waith"),
            ("Cabinet", "gabinet"),
        ] {
            assert!(
                has(radical, mutated),
                "{radical} → {mutated}: {:?}",
                forms(radical)
            );
        }
    }

    #[test]
    fn one_mutation_finds_another_of_the_same_word() {
        assert!(has("gyngor", "nghyngor"));
        assert!(has("nghyngor", "chyngor"));
        assert!(has("bwyllgor", "mhwyllgor"));
    }

    #[test]
    fn the_word_as_typed_comes_first_and_each_form_once() {
        let f = forms("Cyngor");
        assert_eq!(f[0], "Cyngor");
        let mut sorted = f.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), f.len(), "{f:?}");
        assert!(!f[1..].contains(&"cyngor".to_string()), "{f:?}");
    }

    #[test]
    fn short_words_numbers_and_unmutatable_words_stay_as_typed() {
        assert_eq!(forms("yn"), ["yn"]);
        assert_eq!(forms("ei"), ["ei"]);
        assert_eq!(forms("12A"), ["12A"]);
        assert_eq!(forms("2015"), ["2015"]);
        assert_eq!(forms("ffordd"), ["ffordd"]);
        assert_eq!(forms("swyddog"), ["swyddog"]);
        // A radical ll or rh is not taken for a mutation of anything.
        assert!(radicals("lles").is_empty());
        assert!(radicals("rhan").is_empty());
        // The forms of a word do not wander to unrelated letters.
        assert!(!has("cyngor", "pyngor"));
        assert!(!has("ddatganiad", "tatganiad"));
    }
}
