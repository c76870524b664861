#!/usr/bin/env bash
# Scores statements.csv against a gold folder in the PolNeAR layout
# (GOLD_DIR/docs/*.txt and GOLD_DIR/gold.jsonl), speech-only view.
#
#   scripts/eval-attribution.sh GOLD_DIR [extra score_quotes.py options]
#   e.g. scripts/eval-attribution.sh ../shared/eval/polnear/dev --dump-errors /tmp/err.jsonl
#
# The scorer is GOLD_DIR/../../score_quotes.py unless SCORER is set.
set -euo pipefail
gold=${1:?usage: scripts/eval-attribution.sh GOLD_DIR [score options]}
shift
cd "$(dirname "$0")/.."
scorer=${SCORER:-$gold/../../score_quotes.py}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet
./target/release/quotestance run "$gold/docs" --out "$out" --quiet --raw-cells || [ $? -eq 1 ]
python3 "$scorer" "$gold" "$out/statements.csv" \
  --col start=start_char --col end=end_char --col speaker=speaker_mention \
  --restrict cue_type=speech "$@"
