#!/usr/bin/env bash
# Checks the layering of src/ against scripts/layers.txt: prints every
# top-level module and what it imports, floor by floor, then the verdict
# (later-floor imports, import cycles, files over the line limit).
#
#   scripts/layers.sh
#
# The check is tests/architecture.rs; --include-ignored runs it even while it
# is marked #[ignore]. Exit status is cargo's: non-zero when the rule is broken.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo test --quiet --test architecture -- --include-ignored --nocapture --test-threads=1 "$@"
