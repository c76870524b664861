//! The tables of the text itself: documents, paragraphs, sentences, tokens.
//! Each declares its columns once; the header is read from the declaration.

use crate::doc::{Doc, Paragraph, Sentence, Token};
use crate::error::Error;
use crate::result::DocResult;
use crate::span::Span;

use super::table::{Column, Table};
use super::TableKind;

pub const DOCUMENTS: TableKind = TableKind {
    name: "documents.csv",
    header: || super::table::header(&document_columns()),
    write: write_documents,
    wanted: |_| true,
};

fn document_columns() -> [Column<DocResult>; 16] {
    fn count(t: &mut Table, r: &DocResult, f: fn(&Doc) -> usize) -> Result<(), Error> {
        t.opt_int(r.analysis.as_ref().map(|a| f(&a.doc) as u64))
    }
    [
        Column {
            name: "doc_id",
            cell: |t, r| t.id(&r.doc_id),
        },
        Column {
            name: "path",
            cell: |t, r| t.id(&r.path),
        },
        Column {
            name: "source",
            cell: |t, r| t.opt(r.source()),
        },
        Column {
            name: "date",
            cell: |t, r| t.opt(r.meta.date.as_deref()),
        },
        Column {
            name: "url",
            cell: |t, r| t.opt(r.meta.url.as_deref()),
        },
        Column {
            name: "dateline",
            cell: |t, r| t.opt(r.analysis.as_ref().and_then(|a| a.doc.dateline.as_deref())),
        },
        Column {
            name: "title",
            cell: |t, r| t.opt(r.title()),
        },
        Column {
            name: "status",
            cell: |t, r| t.text(r.status.as_str()),
        },
        Column {
            name: "message",
            cell: |t, r| t.text(&r.message),
        },
        Column {
            name: "bytes",
            cell: |t, r| t.int(r.bytes),
        },
        Column {
            name: "chars",
            cell: |t, r| count(t, r, |d| d.chars.chars()),
        },
        Column {
            name: "paragraphs",
            cell: |t, r| count(t, r, |d| d.paragraphs.len()),
        },
        Column {
            name: "sentences",
            cell: |t, r| count(t, r, |d| d.sentences.len()),
        },
        Column {
            name: "tokens",
            cell: |t, r| count(t, r, |d| d.tokens.len()),
        },
        Column {
            name: "flagged_paragraphs",
            cell: |t, r| count(t, r, Doc::flagged_paragraphs),
        },
        Column {
            name: "content_hash",
            cell: |t, r| t.text(&r.content_hash),
        },
    ]
}

fn write_documents(t: &mut Table, r: &DocResult) -> Result<(), Error> {
    t.row(&document_columns(), r)
}

/// An item of the text with a span of its own.
pub trait Spanned {
    fn span(&self) -> Span;
}

impl Spanned for Paragraph {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Sentence {
    fn span(&self) -> Span {
        self.span
    }
}

impl Spanned for Token {
    fn span(&self) -> Span {
        self.span
    }
}

/// The document's id, the first column of every text table.
fn doc_id_column<'a, T>() -> Column<Item<'a, T>> {
    Column {
        name: "doc_id",
        cell: |t, r| t.id(r.doc_id),
    }
}

/// The item's text, the last column of every text table.
fn text_column<'a, T: Spanned>() -> Column<Item<'a, T>> {
    Column {
        name: "text",
        cell: |t, r| t.text(r.item.span().slice(&r.doc.text)),
    }
}

/// The four offset columns of an item's span, byte offsets first.
fn offset_columns<'a, T: Spanned>() -> [Column<Item<'a, T>>; 4] {
    [
        Column {
            name: "start_byte",
            cell: |t, r| t.int(r.item.span().start as u64),
        },
        Column {
            name: "end_byte",
            cell: |t, r| t.int(r.item.span().end as u64),
        },
        Column {
            name: "start_char",
            cell: |t, r| t.int(r.doc.char_of(r.item.span().start) as u64),
        },
        Column {
            name: "end_char",
            cell: |t, r| t.int(r.doc.char_of(r.item.span().end) as u64),
        },
    ]
}

/// A row of one of the text tables: the document and one item of it.
pub struct Item<'a, T> {
    doc_id: &'a str,
    doc: &'a Doc,
    /// The item's number in the document.
    n: usize,
    /// The number of the sentence a token is in (0 for other items).
    sentence: usize,
    item: &'a T,
}

pub const PARAGRAPHS: TableKind = TableKind {
    name: "paragraphs.csv",
    header: || super::table::header(&paragraph_columns()),
    write: write_paragraphs,
    wanted: |_| true,
};

fn paragraph_columns<'a>() -> Vec<Column<Item<'a, Paragraph>>> {
    let [sb, eb, sc, ec] = offset_columns();
    vec![
        doc_id_column(),
        Column {
            name: "paragraph",
            cell: |t, r| t.int(r.n as u64),
        },
        sb,
        eb,
        sc,
        ec,
        Column {
            name: "flag",
            cell: |t, r| t.opt(r.item.flag.as_deref()),
        },
        text_column(),
    ]
}

fn write_paragraphs(t: &mut Table, r: &DocResult) -> Result<(), Error> {
    write_items(t, r, paragraph_columns(), |d| &d.paragraphs)
}

/// One row per item of a document, numbered in document order.
fn write_items<'a, T>(
    t: &mut Table,
    r: &'a DocResult,
    columns: Vec<Column<Item<'a, T>>>,
    items: fn(&Doc) -> &[T],
) -> Result<(), Error> {
    let Some(a) = &r.analysis else { return Ok(()) };
    for (n, item) in items(&a.doc).iter().enumerate() {
        let row = Item {
            doc_id: &r.doc_id,
            doc: &a.doc,
            n,
            sentence: 0,
            item,
        };
        t.row(&columns, &row)?;
    }
    Ok(())
}

pub const SENTENCES: TableKind = TableKind {
    name: "sentences.csv",
    header: || super::table::header(&sentence_columns()),
    write: write_sentences,
    wanted: |_| true,
};

fn sentence_columns<'a>() -> Vec<Column<Item<'a, Sentence>>> {
    let [sb, eb, sc, ec] = offset_columns();
    vec![
        doc_id_column(),
        Column {
            name: "sentence",
            cell: |t, r| t.int(r.n as u64),
        },
        Column {
            name: "paragraph",
            cell: |t, r| t.int(r.item.paragraph as u64),
        },
        sb,
        eb,
        sc,
        ec,
        Column {
            name: "flag",
            cell: |t, r| t.opt(r.item.flag.as_deref()),
        },
        Column {
            name: "subword_tokens",
            cell: |t, r| t.opt_int(r.item.subwords.map(|n| n as u64)),
        },
        text_column(),
    ]
}

fn write_sentences(t: &mut Table, r: &DocResult) -> Result<(), Error> {
    write_items(t, r, sentence_columns(), |d| &d.sentences)
}

pub const TOKENS: TableKind = TableKind {
    name: "tokens.csv",
    header: || super::table::header(&token_columns()),
    write: write_tokens,
    wanted: |o| o.tokens,
};

type TokenItem<'a> = Item<'a, Token>;

fn token_columns<'a>() -> Vec<Column<TokenItem<'a>>> {
    let [sb, eb, sc, ec] = offset_columns();
    vec![
        doc_id_column(),
        Column {
            name: "sentence",
            cell: |t, r| t.int(r.sentence as u64),
        },
        Column {
            name: "token",
            cell: |t, r| t.int(r.n as u64),
        },
        sb,
        eb,
        sc,
        ec,
        text_column(),
        Column {
            name: "norm",
            cell: |t, r| t.text(r.doc.norm(r.item)),
        },
        Column {
            name: "stem",
            cell: |t, r| t.text(r.doc.stem(r.item)),
        },
    ]
}

fn write_tokens(t: &mut Table, r: &DocResult) -> Result<(), Error> {
    let Some(a) = &r.analysis else { return Ok(()) };
    let columns = token_columns();
    for (si, s) in a.doc.sentences.iter().enumerate() {
        for n in s.tokens.clone() {
            let row = Item {
                doc_id: &r.doc_id,
                doc: &a.doc,
                n,
                sentence: si,
                item: &a.doc.tokens[n],
            };
            t.row(&columns, &row)?;
        }
    }
    Ok(())
}
