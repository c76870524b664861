//! Reading a speaker mention: which words are the name, the title, the
//! affiliation and the head noun, and what kind of speaker they describe.

use super::{SpeakerResolver, SpeakerType};
use crate::doc::Tok;
use crate::lexicon::words::{EntityKind, Pronoun, Roles};
use crate::span::Span;

/// A speaker mention read from the text, before resolution.
#[derive(Debug, Clone, Default)]
pub struct Reading {
    pub name: Option<String>,
    pub title: Option<String>,
    pub affiliation: Option<String>,
    pub head: Option<String>,
    pub kind: Option<SpeakerType>,
    pub pronoun: Option<Pronoun>,
    pub definite: bool,
    pub plural: bool,
    pub appositive: bool,
    pub gender: Option<char>,
    /// The name run includes an organisation noun ("Health Ministry").
    pub org_name: bool,
    /// The head only points back ("the group"): it needs an antecedent.
    pub anaphoric: bool,
    /// The affiliation is such a head ("the group’s spokesman").
    pub affiliation_anaphoric: bool,
}

impl SpeakerResolver {
    /// Reads a mention made of `toks` (with `comma` splitting an appositive).
    pub fn read(&self, toks: &[Tok], text: &str) -> Reading {
        let mut r = Reading::default();
        if toks.len() == 1 {
            if let Some(p) = self.words.pronoun(toks[0].norm) {
                r.pronoun = Some(p);
                return r;
            }
        }
        // A parenthetical says where the speaker is from or what they are
        // ("Sen. Ann Roe (R-Ky.)"): no name of theirs, so it is not read.
        let mut depth = 0usize;
        let plain: Vec<Tok> = toks
            .iter()
            .filter(|t| {
                match t.text {
                    "(" => depth += 1,
                    ")" => depth = depth.saturating_sub(1),
                    _ => return depth == 0,
                }
                false
            })
            .copied()
            .collect();
        // Split at commas and dashes: NP, appositive.
        let segments: Vec<&[Tok]> = plain
            .split(|t| matches!(t.text, "," | "—" | "–" | "--"))
            .filter(|s| !s.is_empty())
            .collect();
        r.appositive = segments.len() > 1;
        for seg in segments {
            self.read_segment(seg, text, &mut r);
        }
        r
    }

    fn read_segment(&self, seg: &[Tok], text: &str, r: &mut Reading) {
        let mut sc = self.scan(seg, text, r);
        self.read_affiliation(seg, text, r, &mut sc);
        self.read_name(seg, text, r, &sc);
        // A title with no name is the head, also after a head noun that
        // only modifies it ("a city engineer" is no city).
        let title_last = sc
            .last_title_end
            .is_some_and(|t| sc.head_end.is_none_or(|h| t > h));
        if (r.kind.is_none() || title_last) && r.title.is_some() && r.name.is_none() {
            r.kind = Some(SpeakerType::Anonymous);
            r.plural = false;
            r.anaphoric = false;
            r.head = r.title.as_ref().map(|t| t.to_lowercase());
        }
    }

    /// Whether token `i` joins what comes before it to what follows: a
    /// connector ("spokesperson for Hamas"), or a locative after a plural
    /// head, before a place ("officials in Gaza"), the only place the
    /// attribution stage lets one into a mention by rule; elsewhere "in"
    /// sets a time or a setting ("a speech in July", "editor in chief").
    fn joins(&self, seg: &[Tok], i: usize) -> bool {
        let roles = self.words.roles(seg[i].norm);
        roles.has(Roles::CONNECTOR)
            || roles.has(Roles::LOCATIVE)
                && i > 0
                && seg[i - 1].norm.ends_with('s')
                && self.words.head_kind(seg[i - 1].norm).is_some()
                && seg
                    .get(i + 1)
                    .is_some_and(|t| t.is_cap() || self.words.roles(t.norm).has(Roles::DETERMINER))
    }

    /// Walks the segment once: titles (longest first), the head noun, and the
    /// proper-name run after the last title.
    fn scan(&self, seg: &[Tok], text: &str, r: &mut Reading) -> Scan {
        let mut sc = Scan::default();
        let mut i = 0;
        while i < seg.len() {
            let matched = self.title_at(seg, i, text, r);
            if matched > 0 {
                sc.first_title_start.get_or_insert(i);
                sc.last_title_end = Some(i + matched);
                sc.name_start = None;
                i += matched;
                continue;
            }
            let t = seg[i];
            let roles = self.words.roles(t.norm);
            // "Anna Berg of Oslo University", "Sen. Ann Roe of Ohio": after
            // a person's name, what "of", "at" or "from" joins is where
            // they are from, not the name.
            let run = sc.name_start.map_or(0, |n| i - n);
            if sc.name_end == i
                && (2..=3).contains(&run)
                && roles.has(Roles::CONNECTOR)
                && seg
                    .get(i + 1 + usize::from(seg.get(i + 1).is_some_and(|n| n.norm == "the")))
                    .is_some_and(|n| n.is_cap())
            {
                let rest = &seg[i + 1..];
                let end = rest
                    .iter()
                    .position(|t| !t.is_word() && t.text != "-")
                    .unwrap_or(rest.len());
                if end > 0 && r.affiliation.is_none() {
                    let a = Span::new(rest[0].span.start, rest[end - 1].span.end).slice(text);
                    r.affiliation = Some(a.to_string());
                }
                break;
            }
            // "a spokesperson for the militant group": what follows the
            // connector is the affiliation, read below, not the head.
            if self.joins(seg, i) && (sc.last_title_end == Some(i) || sc.head_end == Some(i)) {
                // "officials at the ministry": the same, after a head noun.
                if sc.head_end == Some(i) && sc.last_title_end != Some(i) {
                    sc.first_title_start.get_or_insert(i - 1);
                    sc.last_title_end = Some(i);
                }
                break;
            }
            let head = self.words.head_kind(t.norm);
            if head.is_some() {
                sc.head_end = Some(i + 1);
            }
            if let Some(k) = head {
                read_head(t, k, roles, i, r, &mut sc);
            }
            if head.is_none()
                && (t.is_cap()
                    && !roles.has(Roles::DETERMINER)
                    && self.words.demonym(t.norm).is_none()
                    // "a lawsuit filed Monday": a time word opens no name
                    // (it may go on one: "Theresa May").
                    && !(roles.has(Roles::TIME) && sc.name_start.is_none())
                    || roles.has(Roles::PARTICLE) && sc.name_start.is_some()
                    || t.text == "-" && sc.name_start.is_some())
                && !t.is_possessive()
            {
                sc.name_start.get_or_insert(i);
                sc.name_end = i + 1;
            } else if t.is_possessive() && self.read_owner(seg, i, text, r, &mut sc)
                || sc.name_start.is_some() && sc.name_end <= i
            {
                // An owner ends the name run, as does the first word past it.
                sc.name_start = None;
            } else if i == 0 && roles.has(Roles::DETERMINER) {
                r.definite = t.norm == "the";
            }
            i += 1;
        }
        sc
    }

    /// A possessive owner as the affiliation: "Netanyahu’s office" names
    /// it; "the group’s spokesman" describes it, to be resolved against
    /// earlier speakers. False when `seg[i]` is neither.
    fn read_owner(
        &self,
        seg: &[Tok],
        i: usize,
        text: &str,
        r: &mut Reading,
        sc: &mut Scan,
    ) -> bool {
        let t = seg[i];
        let owner = t.text.trim_end_matches(['s', '’', '\'']);
        if t.is_cap() {
            // "Prime Minister Benjamin Netanyahu’s office": the whole name
            // owns the office, and the title before it is the owner's.
            let from = sc.name_start.filter(|_| sc.name_end == i).unwrap_or(i);
            let name = Span::new(seg[from].span.start, t.span.end).slice(text);
            let name = name.trim_end_matches("’s").trim_end_matches("'s");
            r.affiliation = Some(name.to_string());
            if sc.last_title_end.is_some_and(|e| e <= from) {
                r.title = None;
                r.gender = None;
                sc.first_title_start = None;
                sc.last_title_end = None;
            }
            return true;
        }
        let head = t.norm.trim_end_matches("'s");
        if i > 0
            && seg[i - 1].norm == "the"
            && self
                .words
                .head_kind(head)
                .is_some_and(|k| k != EntityKind::Anonymous)
        {
            r.affiliation = Some(format!("{} {owner}", seg[i - 1].text));
            r.affiliation_anaphoric = self.words.roles(head).has(Roles::ANAPHORIC);
            return true;
        }
        false
    }

    /// The title of `n` words at `seg[i]` (longest first), recorded in `r`;
    /// 0 when none starts there.
    fn title_at(&self, seg: &[Tok], i: usize, text: &str, r: &mut Reading) -> usize {
        for n in (1..=self.words.max_title_words.min(seg.len() - i)).rev() {
            let words: Vec<&str> = seg[i..i + n].iter().map(|t| t.norm).collect();
            if self.words.is_title(&words.join(" ")) {
                let t = Span::new(seg[i].span.start, seg[i + n - 1].span.end).slice(text);
                r.title = Some(t.to_string());
                if let Some(g) = self.words.title_gender(&words.join(" ")) {
                    r.gender = Some(g);
                }
                return n;
            }
        }
        0
    }

    /// The affiliation: a demonym or a capitalised run before the first title,
    /// or what follows "for"/"of" after it.
    fn read_affiliation(&self, seg: &[Tok], text: &str, r: &mut Reading, sc: &mut Scan) {
        if let Some(ft) = sc.first_title_start {
            let before = &seg[..ft];
            if let Some(place) = before.iter().find_map(|t| self.words.demonym(t.norm)) {
                r.affiliation.get_or_insert(place.to_string());
            } else if let (Some(a), Some(b)) = (
                before
                    .iter()
                    .position(|t| t.is_cap() && !self.words.roles(t.norm).has(Roles::DETERMINER)),
                before.iter().rposition(|t| t.is_cap()),
            ) {
                let s = Span::new(before[a].span.start, before[b].span.end).slice(text);
                r.affiliation.get_or_insert(s.to_string());
            }
            if let Some(lt) = sc.last_title_end {
                if lt < seg.len() && self.joins(seg, lt) {
                    let rest = &seg[lt + 1..];
                    let end = rest
                        .iter()
                        .position(|t| !t.is_word() && t.text != "-" && t.text != "’s")
                        .unwrap_or(rest.len());
                    if end > 0 {
                        let s = Span::new(rest[0].span.start, rest[end - 1].span.end).slice(text);
                        if r.affiliation.is_none() {
                            r.affiliation = Some(s.to_string());
                            r.affiliation_anaphoric = rest[0].norm == "the"
                                && self.words.roles(rest[end - 1].norm).has(Roles::ANAPHORIC);
                        }
                        // The name after "spokesperson for Hamas" is not a person's.
                        if sc.name_start.is_some_and(|n| n > lt) {
                            sc.name_start = None;
                        }
                    }
                }
            }
        }
    }

    /// The proper name, and whether it is a person's.
    fn read_name(&self, seg: &[Tok], text: &str, r: &mut Reading, sc: &Scan) {
        if let Some(ns) = sc.name_start {
            if sc.name_end > ns {
                let s = Span::new(seg[ns].span.start, seg[sc.name_end - 1].span.end).slice(text);
                let after_title = sc.last_title_end.is_some_and(|lt| ns >= lt);
                let is_person =
                    after_title || (!r.org_name && sc.name_end - ns >= 2 && r.head.is_none());
                // "Jason Sims — a teacher from Mount Pleasant": the person
                // is named first; a name in the appositive is a place.
                let named = r.kind == Some(SpeakerType::Person) && r.name.is_some();
                if is_person && !named {
                    r.kind = Some(SpeakerType::Person);
                    r.org_name = false;
                    r.name = Some(s.to_string());
                } else if r.name.is_none() {
                    r.name = Some(s.to_string());
                }
            }
        }
    }
}

/// Token positions found by [`SpeakerResolver::scan`].
#[derive(Debug, Default)]
struct Scan {
    first_title_start: Option<usize>,
    last_title_end: Option<usize>,
    name_start: Option<usize>,
    name_end: usize,
    head_end: Option<usize>,
}

/// A head noun at `seg[i]` ("ministry", "officials") types the speaker.
fn read_head(t: Tok, k: EntityKind, roles: Roles, i: usize, r: &mut Reading, sc: &mut Scan) {
    r.head = Some(t.norm.to_string());
    r.anaphoric = roles.has(Roles::ANAPHORIC);
    r.plural = t.norm.ends_with('s');
    r.kind = Some(match k {
        EntityKind::Organization => SpeakerType::Organization,
        EntityKind::Group => SpeakerType::Group,
        EntityKind::Anonymous => SpeakerType::Anonymous,
        EntityKind::Document => SpeakerType::Document,
    });
    // "the Health Ministry", "the Trump administration": a name right
    // before an organisation noun names the organisation; so does a
    // capitalised run of them ("Transit Workers Union").
    if sc.name_start.is_some() && sc.name_end == i && (k == EntityKind::Organization || t.is_cap())
    {
        sc.name_end = i + 1;
        r.org_name |= k == EntityKind::Organization;
    }
}
