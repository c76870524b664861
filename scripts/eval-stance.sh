#!/usr/bin/env bash
# Scores stance on the evaluation sets of ../shared/eval (or EVAL_DIR):
# valence on the NYT editorial snippets (Pearson r, macro-F1) and polarity
# toward a target on NewsMTSC (macro-F1).
#
#   scripts/eval-stance.sh [EVAL_DIR] [extra `quotestance score` options]
#   e.g. scripts/eval-stance.sh ../shared/eval --lexicon my-weights.tsv
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${1:-../shared/eval}
shift $(( $# > 0 ? 1 : 0 ))
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet
bin=./target/release/quotestance
"$bin" score --input "$eval_dir/sentiment/nyt-dev.jsonl" --out "$out/nyt.csv" "$@"
echo "== NYT editorial snippets: valence"
python3 "$eval_dir/score_sentiment.py" "$out/nyt.csv" "$eval_dir/sentiment/nyt-dev-gold.csv" \
  --score-column valence --gold-band 0.5
"$bin" score --input "$eval_dir/stance/newsmtsc-dev.jsonl" --out "$out/mtsc.csv" "$@"
# An item whose target the scorer could not place is neutral.
python3 - "$out/mtsc.csv" "$out/mtsc-labels.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f, open(sys.argv[2], "w", newline="") as g:
    w = csv.writer(g)
    w.writerow(["id", "label"])
    for r in csv.DictReader(f):
        w.writerow([r["id"], r["target_label"] or "neutral"])
PY
echo "== NewsMTSC: polarity toward the target"
python3 "$eval_dir/score_stance.py" "$out/mtsc-labels.csv" "$eval_dir/stance/newsmtsc-dev-gold.csv"
