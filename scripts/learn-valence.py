#!/usr/bin/env python3
"""Learn a small, readable file of valence adjustments for quotestance.

    python3 scripts/learn-valence.py --eval ../shared/eval \\
        --out lexicons/stance/valence_adjustments.tsv [--cv 5]

What it does (Python 3 standard library only):

1. Scores the NYT editorial sentences (sentiment/nyt-dev.jsonl) with the
   release binary and `--hits`, with the built-in lexicons: every valence hit
   of every sentence, with the factor the scorer's modifiers gave it
   (negation, "but", intensifiers, topic-neutral, ...).
2. Models each sentence's raw valence as the sum over its hits of
   factor * (weight + delta[term]), squashed as the scorer does
   (raw / sqrt(raw^2 + alpha)), and fits the deltas to the human ratings
   (gold / GOLD_SCALE, clipped to [-1, 1]) by gradient descent on squared
   error with a strong L2 penalty on the deltas. Only terms the lexicons
   already rate, seen in at least --min-items sentences, may move, so no
   names of people or places can be learned.
3. Keeps the --top terms that moved most (|delta| * sqrt(items)) and moved
   at least --min-delta, and writes them as `term<TAB>valence<TAB>weight<TAB>note`:
   a later file in the load order, so each row replaces that term's weight.

With --data newsmtsc it learns from the NewsMTSC target labels instead
(positive/neutral/negative as +1/0/-1 on the sentence's valence), folds by
article (the id's first three `_` fields).

Findings (2026-12-01, dev sets): 5-fold CV showed no gain worth a file —
NYT r 0.518 -> 0.519 (macro-F1 0.576 -> 0.576) with --l2 0.001
--min-delta 0.2; NewsMTSC target macro-F1 0.566 -> 0.568. So no
valence_adjustments.tsv is shipped; the one general effect the per-term fits
kept finding (positive words rated too high for news) is the scorer's
POSITIVE_SCALE constant instead.

With --cv K it instead reports K-fold cross-validated figures, folds split by
editorial (the id before `_`): learn on K-1 folds, score the held-out fold
with `--lexicon fold.tsv`, pool the held-out predictions.
"""
import argparse
import csv
import datetime
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

GOLD_SCALE = 2.0
ALPHA = 15.0


def run(binary, items, out, extra=(), hits=None):
    cmd = [binary, "score", "--input", items, "--out", out, *extra]
    if hits:
        cmd += ["--hits", hits]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {r["id"]: float(r["valence"]) for r in csv.DictReader(open(out, encoding="utf-8"))}


def features(valence, hits_csv):
    """Per item: [(term, factor)] for learnable valence hits, and a constant."""
    items = {k: ([], 0.0) for k in valence}
    rows = {}
    for h in csv.DictReader(open(hits_csv, encoding="utf-8")):
        if h["category"] == "valence":
            rows.setdefault(h["id"], []).append(h)
    for k, hs in rows.items():
        v = valence.get(k, 0.0)
        raw = v * math.sqrt(ALPHA) / math.sqrt(max(1e-12, 1 - v * v))
        scale = v / raw if raw else 1.0
        feats, const = [], 0.0
        for h in hs:
            c = float(h["contribution"]) / scale if scale else 0.0
            w = float(h["weight"])
            if h["file"].startswith("stance/") and w != 0.0:
                feats.append((h["term"], c / w))
            else:
                const += c
        items[k] = (feats, const)
    return items


def squash(x):
    return x / math.sqrt(x * x + ALPHA)


def fit(items, gold, base, args):
    """Deltas per term, by full-batch gradient descent (Adam) on L2-penalised squared error."""
    count = {}
    for k in items:
        for t in {t for t, f in items[k][0] if f != 0.0}:
            count[t] = count.get(t, 0) + 1
    free = {t for t, n in count.items() if n >= args.min_items}
    d = {t: 0.0 for t in free}
    m = {t: 0.0 for t in free}
    s = {t: 0.0 for t in free}
    ids = [k for k in items if k in gold]
    for step in range(1, args.steps + 1):
        g = {t: 2 * args.l2 * d[t] for t in free}
        for k in ids:
            feats, const = items[k]
            raw = const + sum(f * (base[t] + d.get(t, 0.0)) for t, f in feats)
            y = max(-1.0, min(1.0, gold[k] / GOLD_SCALE))
            p = squash(raw)
            dp = ALPHA / (raw * raw + ALPHA) ** 1.5
            e = 2 * (p - y) * dp / len(ids)
            for t, f in feats:
                if t in free:
                    g[t] += e * f
        for t in free:
            m[t] = 0.9 * m[t] + 0.1 * g[t]
            s[t] = 0.999 * s[t] + 0.001 * g[t] ** 2
            mh, sh = m[t] / (1 - 0.9**step), s[t] / (1 - 0.999**step)
            d[t] -= args.lr * mh / (math.sqrt(sh) + 1e-8)
    ranked = sorted(free, key=lambda t: -abs(d[t]) * math.sqrt(count[t]))
    keep = [t for t in ranked if abs(d[t]) >= args.min_delta][: args.top]
    return {t: (d[t], count[t]) for t in keep}


def write(path, deltas, base, header):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in header:
            f.write(f"# {line}\n" if line else "#\n")
        for t in sorted(deltas):
            dlt, n = deltas[t]
            w = round(base[t] + dlt, 1)
            f.write(f"{t}\tvalence\t{w}\twas {base[t]} in VADER; {n} NYT sentences\n")


def metrics(pred, gold):
    ids = [k for k in gold if k in pred]
    x, y = [pred[k] for k in ids], [gold[k] for k in ids]
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    r = sxy / math.sqrt(sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))

    def cls(v, t, strict):
        return "pos" if (v > t if strict else v >= t) else "neg" if (v < -t if strict else v <= -t) else "neu"

    pairs = [(cls(gold[k], 0.5, True), cls(pred[k], 0.05, False)) for k in ids]
    f1 = []
    for c in ("neg", "neu", "pos"):
        tp = sum(g == c and p == c for g, p in pairs)
        fp = sum(g != c and p == c for g, p in pairs)
        fn = sum(g == c and p != c for g, p in pairs)
        pr, rc = (tp / (tp + fp) if tp + fp else 0), (tp / (tp + fn) if tp + fn else 0)
        f1.append(2 * pr * rc / (pr + rc) if pr + rc else 0)
    return r, sum(f1) / 3


def label_f1(pred, gold):
    f1 = []
    for c in ("negative", "neutral", "positive"):
        tp = sum(pred.get(k) == c and g == c for k, g in gold.items())
        fp = sum(pred.get(k) == c and g != c for k, g in gold.items())
        fn = sum(pred.get(k) != c and g == c for k, g in gold.items())
        pr, rc = (tp / (tp + fp) if tp + fp else 0), (tp / (tp + fn) if tp + fn else 0)
        f1.append(2 * pr * rc / (pr + rc) if pr + rc else 0)
    return sum(f1) / 3


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default="../shared/eval", help="the evaluation data folder")
    ap.add_argument("--binary", default="./target/release/quotestance")
    ap.add_argument("--out", default="lexicons/stance/valence_adjustments.tsv")
    ap.add_argument("--lexicons", default="lexicons", help="the lexicon folder to start from; --out is left out of it")
    ap.add_argument("--data", choices=["nyt", "newsmtsc"], default="nyt",
                    help="learn from NYT valence ratings, or from NewsMTSC target labels (as +-1)")
    ap.add_argument("--cv", type=int, default=0, help="report K-fold CV figures instead of writing")
    ap.add_argument("--min-items", type=int, default=8)
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--min-delta", type=float, default=0.3)
    ap.add_argument("--top", type=int, default=80)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--lr", type=float, default=0.05)
    args = ap.parse_args()

    if args.data == "nyt":
        nyt = os.path.join(args.eval, "sentiment", "nyt-dev.jsonl")
        gold = {r["id"]: float(r["gold"]) for r in csv.DictReader(open(os.path.join(args.eval, "sentiment", "nyt-dev-gold.csv")))}
        group = lambda i: i.split("_")[0]  # the editorial
    else:
        nyt = os.path.join(args.eval, "stance", "newsmtsc-dev.jsonl")
        sign = {"positive": 1.0, "neutral": 0.0, "negative": -1.0}
        labels = {r["id"]: r["label"] for r in csv.DictReader(open(os.path.join(args.eval, "stance", "newsmtsc-dev-gold.csv")))}
        gold = {k: sign[v] for k, v in labels.items()}
        group = lambda i: "_".join(i.split("_")[:3])  # the article
    tmp = tempfile.mkdtemp(prefix="learn-valence-")
    # Score without the file being rebuilt: a copy of the lexicons minus it.
    lex = os.path.join(tmp, "lexicons")
    shutil.copytree(args.lexicons, lex)
    rel = os.path.relpath(os.path.abspath(args.out), os.path.abspath(args.lexicons))
    if not rel.startswith("..") and os.path.exists(os.path.join(lex, rel)):
        os.remove(os.path.join(lex, rel))
    base_dir = ["--lexicons", lex]
    valence = run(args.binary, nyt, os.path.join(tmp, "base.csv"), base_dir, os.path.join(tmp, "hits.csv"))
    items = features(valence, os.path.join(tmp, "hits.csv"))
    base = {}
    for h in csv.DictReader(open(os.path.join(tmp, "hits.csv"), encoding="utf-8")):
        if h["category"] == "valence" and h["file"].startswith("stance/"):
            base.setdefault(h["term"], float(h["weight"]))
    if args.data == "nyt":
        print("base (no adjustments): r=%.3f macro-F1=%.3f" % metrics(valence, gold))
    else:
        rows = csv.DictReader(open(os.path.join(tmp, "base.csv"), encoding="utf-8"))
        print("base (no adjustments): target macro-F1=%.3f" % label_f1({r["id"]: r["target_label"] or "neutral" for r in rows}, labels))

    if args.cv:
        groups = sorted({group(k) for k in gold})
        random.Random(13).shuffle(groups)
        fold_of = {g: i % args.cv for i, g in enumerate(groups)}
        fold_of = {k: fold_of[group(k)] for k in gold}
        lines = [json.loads(l) for l in open(nyt, encoding="utf-8") if l.strip()]
        pooled, sizes, targets = {}, [], {}
        for k in range(args.cv):
            train = {i: items[i] for i in items if fold_of.get(i) != k}
            deltas = fit(train, gold, base, args)
            sizes.append(len(deltas))
            fold_tsv = os.path.join(tmp, f"fold{k}.tsv")
            write(fold_tsv, deltas, base, [f"fold {k}"])
            held = os.path.join(tmp, f"held{k}.jsonl")
            with open(held, "w", encoding="utf-8") as f:
                for d in lines:
                    if fold_of.get(d["id"]) == k:
                        f.write(json.dumps(d) + "\n")
            out = os.path.join(tmp, f"held{k}.csv")
            pooled.update(run(args.binary, held, out, base_dir + ["--lexicon", fold_tsv]))
            if args.data == "newsmtsc":
                targets.update({r["id"]: r["target_label"] or "neutral" for r in csv.DictReader(open(out, encoding="utf-8"))})
        if args.data == "nyt":
            r, f1 = metrics(pooled, gold)
            print(f"{args.cv}-fold CV by editorial (held-out, pooled): r={r:.3f} macro-F1={f1:.3f}; terms per fold {sizes}")
        else:
            print(f"{args.cv}-fold CV by article (held-out, pooled): target macro-F1={label_f1(targets, labels):.3f}; terms per fold {sizes}")
        return

    deltas = fit(items, gold, base, args)
    cmd = "python3 scripts/learn-valence.py " + " ".join(sys.argv[1:])
    header = [
        "quotestance valence adjustments (lexicons/stance/valence_adjustments.tsv)",
        "",
        "Each row gives a term VADER rates a new valence weight (this file loads after",
        "vader_lexicon.txt, so its weight replaces VADER's; VADER's file is unchanged).",
        "Edit freely: delete a row to go back to VADER's weight. Format as acts.tsv:",
        "term<TAB>valence<TAB>weight<TAB>note.",
        "",
        f"Made {datetime.date.today().isoformat()} by: {cmd}",
        "Data: NYT editorial snippets (Hutto & Gilbert 2014), the dev half in",
        "../shared/eval/sentiment (mean human rating per sentence).",
        "Method: every sentence scored by the release binary (--hits); the raw valence",
        "modelled as the sum of each hit's modifier factor times (weight + delta),",
        f"squashed as the scorer does; deltas fitted to gold/{GOLD_SCALE} by gradient descent",
        f"with L2 penalty {args.l2}; only terms VADER already rates, seen in at least",
        f"{args.min_items} sentences; the {args.top} largest moves of at least {args.min_delta} kept.",
        "Most moves take sentiment away from words news uses neutrally.",
        "",
    ]
    write(args.out, deltas, base, header)
    print(f"wrote {len(deltas)} terms to {args.out}")


if __name__ == "__main__":
    main()
