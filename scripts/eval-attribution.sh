#!/usr/bin/env bash
# Scores statements.csv against a gold folder in the PolNeAR layout
# (GOLD_DIR/docs/*.txt and GOLD_DIR/gold.jsonl), in two views:
#   speech  statements whose cue_type is speech, against gold speech attributions
#           (gold beliefs and evidence are "don't care": neither hit nor miss);
#   all     every statement (speech, belief, evidence) against every gold attribution.
#
#   scripts/eval-attribution.sh GOLD_DIR [--view speech|all] [extra score_quotes.py options]
#   e.g. scripts/eval-attribution.sh ../shared/eval/polnear/dev --view speech --dump-errors /tmp/err.jsonl
#
# Without --view both are printed. The scorer is GOLD_DIR/../../score_quotes.py
# unless SCORER is set.
set -euo pipefail
gold=${1:?usage: scripts/eval-attribution.sh GOLD_DIR [--view speech|all] [score options]}
shift
views="speech all"
if [ "${1:-}" = "--view" ]; then
  views=${2:?--view needs speech or all}
  shift 2
fi
cd "$(dirname "$0")/.."
scorer=${SCORER:-$gold/../../score_quotes.py}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo build --release --quiet
./target/release/quotestance run "$gold/docs" --out "$out" --quiet --raw-cells || [ $? -eq 1 ]
cols=(--col start=start_char --col end=end_char --col speaker=speaker_mention)
for view in $views; do
  case $view in
    speech)
      python3 - "$out/statements.csv" "$out/speech.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f, \
        open(sys.argv[2], "w", newline="", encoding="utf-8") as g:
    rows = csv.DictReader(f)
    w = csv.DictWriter(g, fieldnames=rows.fieldnames)
    w.writeheader()
    w.writerows(r for r in rows if r["cue_type"] == "speech")
PY
      echo "== speech view (cue_type=speech)"
      python3 "$scorer" "$gold" "$out/speech.csv" "${cols[@]}" --restrict cue_type=speech "$@"
      ;;
    all)
      echo "== all attributions (speech, belief, evidence)"
      python3 "$scorer" "$gold" "$out/statements.csv" "${cols[@]}" "$@"
      ;;
    *)
      echo "unknown view $view: speech or all" >&2
      exit 2
      ;;
  esac
done
