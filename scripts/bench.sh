#!/usr/bin/env bash
# Throughput and peak memory of a whole `quotestance run`, on a corpus of at
# least MB megabytes made by copying the .txt files of SRC (default: corpus/)
# under distinct names until the size is reached.
#
#   scripts/bench.sh [SRC_DIR] [MB] [-- extra quotestance run options]
#   e.g. scripts/bench.sh ../shared/eval/polnear/train/docs 60
#
# Prints MB/s (wall clock, best of 3 runs) and peak RSS from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-corpus}
mb=${2:-50}
shift $(( $# > 2 ? 2 : $# ))
[ "${1:-}" = "--" ] && shift
extra=("$@")
data=bench-data/corpus-$(basename "$src")-${mb}MB
out=bench-data/out
if [ ! -d "$data" ]; then
  mkdir -p "$data.tmp"
  need=$((mb * 1000 * 1000)); have=0; round=0
  while [ "$have" -lt "$need" ]; do
    mkdir -p "$data.tmp/r$round"
    for f in "$src"/*.txt; do cp "$f" "$data.tmp/r$round/"; done
    have=$(du -sb "$data.tmp" | cut -f1); round=$((round + 1))
  done
  mv "$data.tmp" "$data"
fi
bytes=$(find "$data" -type f -name '*.txt' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
docs=$(find "$data" -type f -name '*.txt' | wc -l)
cargo build --release --quiet
best=""
for i in 1 2 3; do
  /usr/bin/time -v -o bench-data/time.txt ./target/release/quotestance run "$data" --out "$out" --quiet "${extra[@]}" 2>/dev/null || true
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(k=1;k<=n;k++) s=s*60+a[k]; print s}' bench-data/time.txt)
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' bench-data/time.txt)
  if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best=$secs; best_rss=$rss; fi
done
awk -v b="$bytes" -v s="$best" -v r="$best_rss" -v d="$docs" -v x="${extra[*]}" 'BEGIN{
  printf "corpus: %d documents, %.1f MB; options: %s\n", d, b/1e6, (x==""?"(none)":x);
  printf "wall: %.2f s  throughput: %.1f MB/s  peak RSS: %.0f MB\n", s, b/1e6/s, r/1024 }'
