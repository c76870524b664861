//! Content that runs on past where its clause ends: a quote that opens
//! inside indirect content carries it to the quote's closing mark.

use crate::span::Span;

use super::para::Para;
use super::Statement;

/// "… that the plan “is sound. It will pass.”": a quote that opens inside
/// the content is the speaker's words to its closing mark, across sentence
/// ends, unless another statement already holds that text.
pub(super) fn run_on_to_quote_close(
    p: &Para,
    st: &mut Statement,
    claimed: &[bool],
    found: &[Statement],
) {
    for i in 0..st.parts.len() {
        let part = st.parts[i];
        let open = p.quotes.iter().enumerate().find(|(qi, q)| {
            !claimed[*qi]
                && !q.unclosed
                && part.start <= q.outer.start
                && q.outer.start < part.end
                && part.end < q.outer.end
        });
        let Some((_, q)) = open else { continue };
        let longer = Span::new(part.start, q.outer.end);
        let taken = found
            .iter()
            .flat_map(|o| &o.parts)
            .chain(st.parts.iter().skip(i + 1))
            .any(|o| o.start < longer.end && longer.start < o.end);
        if !taken {
            st.parts[i] = longer;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testkit::one;

    #[test]
    fn content_runs_on_to_the_close_of_a_quote_it_opened() {
        let f = one("The mayor said the new bridge “is safe. We tested it for a year.”");
        assert_eq!(
            f.parts,
            ["the new bridge “is safe. We tested it for a year.”"]
        );
        assert_eq!(f.kind, "mixed");
        // A quote that closes within the clause changes nothing.
        let f = one("She said the bridge was “safe enough” for buses.");
        assert_eq!(f.parts, ["the bridge was “safe enough” for buses"]);
    }
}
