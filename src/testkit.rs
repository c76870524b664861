//! Test support: one text through the whole pipeline, and the statements it
//! yields in a shape that reads well in assertions.

use crate::lexicon::Lexicons;
use crate::pipeline::Pipeline;

#[derive(Debug)]
pub(crate) struct Found {
    pub kind: &'static str,
    pub form: &'static str,
    pub parts: Vec<String>,
    pub cue: String,
    /// speech, belief or evidence.
    pub cue_type: &'static str,
    pub mention: String,
    pub reported_by: String,
    pub speaker: String,
    pub affiliation: String,
    pub title: String,
    /// `doc:eN`, the document speaker.
    pub id: String,
    pub speaker_type: &'static str,
    pub resolution: &'static str,
}

/// The statements `Pipeline::analyse` finds in `text`.
pub(crate) fn run(text: &str) -> Vec<Found> {
    thread_local! {
        static PIPELINE: Pipeline = Pipeline::new(&Lexicons::builtin(), None, u64::MAX)
            .expect("the built-in lexicons are valid");
    }
    let a = PIPELINE.with(|p| p.analyse("t", text.to_string()));
    let text = a.doc.text.as_str();
    a.statements
        .iter()
        .map(|s| {
            let speaker = a.speaker_of(s);
            Found {
                kind: s.kind.as_str(),
                form: s.form.as_str(),
                parts: s
                    .parts
                    .iter()
                    .map(|x| x.at.slice(text).to_string())
                    .collect(),
                cue: s
                    .cue
                    .as_ref()
                    .map(|c| c.at.slice(text).to_string())
                    .unwrap_or_default(),
                cue_type: s.cue.as_ref().map_or("speech", |c| c.kind.as_str()),
                mention: s
                    .mention
                    .map(|m| m.slice(text).to_string())
                    .unwrap_or_default(),
                reported_by: s
                    .reported_by
                    .map(|m| m.slice(text).to_string())
                    .unwrap_or_default(),
                speaker: speaker.map(|e| e.name.clone()).unwrap_or_default(),
                affiliation: speaker
                    .and_then(|e| e.affiliation.clone())
                    .unwrap_or_default(),
                title: speaker.and_then(|e| e.title.clone()).unwrap_or_default(),
                id: s.speaker_id.clone().unwrap_or_default(),
                speaker_type: speaker.map_or("unresolved", |e| e.kind.as_str()),
                resolution: s.resolution.as_str(),
            }
        })
        .collect()
}

/// The one statement `text` must yield.
#[track_caller]
pub(crate) fn one(text: &str) -> Found {
    let mut f = run(text);
    assert_eq!(
        f.len(),
        1,
        "expected one statement in {text:?}, got {:?}",
        f.iter().map(|x| &x.parts).collect::<Vec<_>>()
    );
    f.remove(0)
}

/// Each of `texts` must yield no statement.
#[track_caller]
pub(crate) fn none(texts: &[&str]) {
    for text in texts {
        let found = run(text);
        assert!(found.is_empty(), "{text}: {:?}", found[0].parts);
    }
}
