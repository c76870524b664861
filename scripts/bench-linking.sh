#!/usr/bin/env bash
# Is corpus linking near-linear? Runs the whole pipeline on a corpus of COPIES
# copies of SRC's .txt files (one sub-folder per copy, so every statement and
# every speaker recurs COPIES times) and on eight times as many copies, and
# prints wall time, MB/s and peak RSS of each, with the corpus tables' sizes.
#
#   scripts/bench-linking.sh [SRC_DIR] [COPIES]
#   e.g. scripts/bench-linking.sh ../shared/eval/polnear/train/docs 3
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-corpus}
copies=${2:-3}
cargo build --release --quiet
for n in "$copies" $((copies * 8)); do
  data=bench-data/linking-$(basename "$src")-x$n
  if [ ! -d "$data" ]; then
    for k in $(seq 1 "$n"); do
      mkdir -p "$data.tmp/c$k"
      cp "$src"/*.txt "$data.tmp/c$k/"
    done
    mv "$data.tmp" "$data"
  fi
  out=bench-data/linking-out
  /usr/bin/time -v -o bench-data/time.txt ./target/release/quotestance run "$data" --out "$out" --quiet 2>/dev/null || true
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(k=1;k<=n;k++) s=s*60+a[k]; print s}' bench-data/time.txt)
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' bench-data/time.txt)
  bytes=$(find "$data" -type f -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  docs=$(find "$data" -type f -name '*.txt' | wc -l)
  rows() { echo $(( $(wc -l < "$out/$1") - 1 )); }
  awk -v b="$bytes" -v s="$secs" -v r="$rss" -v d="$docs" -v n="$n" \
      -v sp="$(rows speakers.csv)" -v cl="$(rows quote_clusters.csv)" -v st="$(rows statements.csv)" 'BEGIN{
    printf "x%-3d %6d docs %6.1f MB: %6.2f s  %5.1f MB/s  peak RSS %4.0f MB | statement rows %d, speakers %d, clusters %d\n",
      n, d, b/1e6, s, b/1e6/s, r/1024, st, sp, cl }'
done
