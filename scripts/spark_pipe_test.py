#!/usr/bin/env python3
"""Runs `sitrep process` under Apache Spark (RDD.pipe, local[2]) over the news
corpus and checks that the output equals a single-process run line for line.

Usage:
  python3 scripts/spark_pipe_test.py [--sitrep PATH] [--corpus PATH] [--limit N]

Skips (exit 0, prints "skipped: ...") when pyspark or the corpus is missing.
The last line printed is JSON: {"lines", "partitions", "identical", "spark_seconds",
"single_seconds"}. Exit status 1 when the outputs differ.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sitrep", default=os.path.join(REPO, ".build", "release", "sitrep"))
    parser.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "data", "corpus", "news.jsonl"))
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles (0: all)")
    parser.add_argument("--partitions", type=int, default=8)
    args = parser.parse_args()

    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        print("skipped: pyspark is not installed (pip install pyspark)")
        return 0
    if not os.path.exists(args.corpus):
        print("skipped: %s not found" % args.corpus)
        return 0
    sitrep = os.path.abspath(args.sitrep)
    if not os.access(sitrep, os.X_OK):
        print("sitrep binary not found at %s; build it with: swift build -c release" % sitrep, file=sys.stderr)
        return 2

    work = tempfile.mkdtemp(prefix="sitrep-spark-")
    source = os.path.join(work, "input.jsonl")
    with open(args.corpus, encoding="utf-8") as f, open(source, "w", encoding="utf-8") as out:
        for n, line in enumerate(f):
            if args.limit and n >= args.limit:
                break
            r = json.loads(line)
            out.write(json.dumps({"id": r["id"], "text": r["text"], "clean": True,
                                  "published": r.get("published")}, ensure_ascii=False) + "\n")

    # The reference: one process over the whole file.
    started = time.time()
    with open(source, "rb") as f:
        single = subprocess.run([sitrep, "process", "--quiet"], stdin=f, stdout=subprocess.PIPE, check=True).stdout
    single_seconds = time.time() - started
    single_lines = single.decode("utf-8").splitlines()

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    conf = (SparkConf().setMaster("local[2]").setAppName("sitrep-pipe")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
            .set("spark.driver.host", "127.0.0.1"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        started = time.time()
        lines = sc.textFile("file://" + source, minPartitions=args.partitions)
        # PySpark's pipe runs the command with an empty environment unless given one,
        # so the binary is named by absolute path. checkCode fails the task on a
        # non-zero exit; `sitrep process` exits 0 even when some lines get an error object.
        results = lines.pipe(sitrep + " process --quiet", env={"LANG": "C.UTF-8"}, checkCode=True)
        spark_lines = results.collect()
        partitions = lines.getNumPartitions()
        spark_seconds = time.time() - started
    finally:
        sc.stop()

    identical = spark_lines == single_lines
    if not identical:
        for i, (a, b) in enumerate(zip(spark_lines, single_lines)):
            if a != b:
                print("first difference at line %d" % (i + 1), file=sys.stderr)
                break
        print("spark lines %d, single lines %d" % (len(spark_lines), len(single_lines)), file=sys.stderr)
    print(json.dumps({"lines": len(single_lines), "partitions": partitions, "identical": identical,
                      "spark_seconds": round(spark_seconds, 2), "single_seconds": round(single_seconds, 2)}))
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
