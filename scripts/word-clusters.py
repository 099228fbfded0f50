#!/usr/bin/env python3
"""Learn word clusters from unlabelled text, for the NER tagger and the syntax model.

A Brown-cluster substitute that runs in about a minute: every frequent word
gets a vector of its left and right neighbours (positive PMI over the 3,000
most frequent lowercased context words, two positions each side), the matrix
is reduced to 100 dimensions by a truncated SVD, and spherical k-means groups
the words at three granularities (64, 256 and 1,024 clusters).  The tagger
uses the three cluster ids of each word as features, as it would use Brown
cluster prefixes of lengths 4, 8 and 12.

Input: the unlabelled news corpus (`title` and `text` of every line of
shared/data/corpus/news.jsonl) and the words of the CoNLL training file (its
tags are not read).  The dev file is never read.

Output: TSV `word<TAB>c64<TAB>c256<TAB>c1024`, sorted by word (byte order),
with a `#` header naming the inputs.  Deterministic: fixed seeds, one BLAS
thread, so the same inputs give the same bytes.

Usage:
  OPENBLAS_NUM_THREADS=1 python3 scripts/ner-clusters.py \
      ../shared/data/corpus/news.jsonl ../shared/data/ner/train.conll \
      > Sources/SitrepStages/Models/ner-clusters.tsv
"""
import os
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
import gzip
import json
import re
import sys
from collections import Counter

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

VOCAB = 50000        # clustered words (case-sensitive), most frequent first
MIN_COUNT = 3
CONTEXTS = 3000      # lowercased context words
WINDOW = 2
DIM = 100
GRANULARITIES = (64, 256, 1024)
SEED = 20260329

TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\d+(?:[.,:/-]\d+)*|\w+(?:[-'&]\w+)*|'s|n't|[^\w\s]")


def sentences(news_path, training_paths):
    with open(news_path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            for block in [record.get("title") or ""] + (record.get("text") or "").split("\n"):
                words = TOKEN.findall(block)
                if words:
                    yield words
    for path in training_paths:
        yield from training_sentences(path)


def training_sentences(path):
    """The word forms of each sentence of a CoNLL-2003 or CoNLL-U file."""
    conllu = ".conllu" in os.path.basename(path)
    opener = gzip.open if path.endswith(".gz") else open
    words = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if conllu and line.startswith("#"):
                continue
            fields = line.split("\t") if conllu else line.split()
            if not fields or not line.strip():
                if words:
                    yield words
                words = []
            elif conllu:
                if fields[0].isdigit():  # not a multiword range "1-2" or empty node "1.1"
                    words.append(fields[1])
            elif fields[0] != "-DOCSTART-":
                words.append(fields[0])
    if words:
        yield words


ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "abcdefghijklmnopqrstuvwxyz0000000000")


def main():
    args = sys.argv[1:]
    lowercase = "--lowercase" in args
    args = [a for a in args if a != "--lowercase"]
    if len(args) < 2:
        sys.exit(__doc__)
    corpus = list(sentences(args[0], args[1:]))
    if lowercase:
        corpus = [[w.translate(ASCII_LOWER) for w in s] for s in corpus]
    counts = Counter(w for s in corpus for w in s)
    vocab = [w for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= MIN_COUNT][:VOCAB]
    index = {w: i for i, w in enumerate(vocab)}
    lower_counts = Counter(w.lower() for s in corpus for w in s)
    contexts = [w for w, _ in sorted(lower_counts.items(), key=lambda kv: (-kv[1], kv[0]))][:CONTEXTS]
    cindex = {w: i for i, w in enumerate(contexts)}
    rows, cols = [], []
    ncols = CONTEXTS * 2 * WINDOW
    for s in corpus:
        ids = [index.get(w, -1) for w in s]
        ctx = [cindex.get(w.lower(), -1) for w in s]
        n = len(s)
        for i, wi in enumerate(ids):
            if wi < 0:
                continue
            for k, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                if 0 <= j < n and ctx[j] >= 0:
                    rows.append(wi)
                    cols.append(k * CONTEXTS + ctx[j])
    m = sp.csr_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(len(vocab), ncols))
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum /= col_sum.sum()
    coo = m.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=m.shape)
    rng = np.random.RandomState(SEED)
    u, s, _ = svds(ppmi, k=DIM, v0=rng.rand(min(ppmi.shape)), random_state=SEED)
    vectors = u * np.sqrt(s)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    assignments = [kmeans(vectors, k, SEED + k) for k in GRANULARITIES]
    out = sys.stdout
    if lowercase:
        out.write("# word clusters of the Sitrep syntax model: scripts/word-clusters.py --lowercase over %s words; "
                  "columns word, c%d, c%d, c%d\n" % ((" + ".join(os.path.basename(p) for p in args),) + GRANULARITIES))
    else:
        out.write("# word clusters of the Sitrep NER tagger: scripts/word-clusters.py over news.jsonl + train.conll words; "
                  "columns word, c%d, c%d, c%d\n" % GRANULARITIES)
    for w in sorted(vocab, key=lambda w: w.encode("utf-8")):
        i = index[w]
        out.write("%s\t%d\t%d\t%d\n" % (w, assignments[0][i], assignments[1][i], assignments[2][i]))


def kmeans(x, k, seed, iterations=25):
    """Spherical k-means; initial centres are k distinct rows drawn with a fixed seed,
    favouring frequent words (the rows are sorted by frequency)."""
    rng = np.random.RandomState(seed)
    pool = min(len(x), k * 8)
    centres = x[np.sort(rng.choice(pool, size=k, replace=False))].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(x @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms.ravel() < 1e-12
        sums[~empty] /= norms[~empty]
        sums[empty] = centres[empty]
        centres = sums
    # Renumber clusters by their first (most frequent) word so ids are stable.
    order = {}
    for label in labels:
        if label not in order:
            order[label] = len(order)
    return [order[label] for label in labels]


if __name__ == "__main__":
    main()
