#!/usr/bin/env python3
"""Run `isnad extract` over a JSON Lines corpus with Apache Spark.

Each partition of the input is piped through one `isnad extract - --input jsonl --format jsonl
--quiet --jobs 1` process (RDD.pipe), so a cluster runs as many isnad processes as it has task
slots. The output has one JSON line per input document, in input order, exactly as a direct
`isnad extract --input jsonl --format jsonl` run prints it:

  * `sc.textFile(path, n)` splits the file into contiguous byte ranges, in file order (a line
    belongs to the split it starts in);
  * `pipe` maps each partition through its own process, and isnad writes its output in input
    order;
  * `collect()` concatenates the partitions by index, and `saveAsTextFile` writes them as
    part-00000, part-00001, … in the same order.

A gzip file cannot be split, so textFile gives it one partition; the script then spreads its
lines over --partitions with a range partitioning on the line number (zipWithIndex +
sortByKey), which keeps the order.

Usage (local mode, two task slots by default):

    python3 examples/spark/isnad_spark.py corpus.jsonl > out.jsonl
    python3 examples/spark/isnad_spark.py corpus.jsonl --partitions 8 --output out-dir
    spark-submit --master yarn … examples/spark/isnad_spark.py --ship hdfs:///corpus.jsonl --output hdfs:///out

The isnad binary and the pattern directory come from --isnad / --patterns, else from the
ISNAD_BIN / ISNAD_PATTERNS environment variables, else from this checkout
(.build/release/isnad, patterns/ar). Without --ship these paths must exist on every worker
(a shared filesystem or the same install everywhere); with --ship the script sends both with the
job (SparkContext.addFile, addArchive) and the workers run them from their working directory. See README.md.
"""

import argparse
import os
import shlex
import shutil
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# isnad exits 1 when some documents were faults (reported on its standard error, which goes to
# the executor's log) and the rest were processed: like the direct run, that is not a failure.
# Anything else that is not 0 (2: usage or pattern error; a signal) fails the task.
TOLERANT = '"$@"; s=$?; if [ "$s" -eq 1 ]; then s=0; fi; exit "$s"'


def default_binary():
    env = os.environ.get("ISNAD_BIN")
    if env:
        return env
    for build in ("release", "debug"):
        p = os.path.join(REPO, ".build", build, "isnad")
        if os.access(p, os.X_OK):
            return p
    return "isnad"


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Run isnad extract over a JSON Lines file with Spark (RDD.pipe), keeping input order.")
    ap.add_argument("input", help="JSON Lines input: a path or URL Spark can read (file://, hdfs://, s3a://, …); .gz is fine")
    ap.add_argument("--output", metavar="DIR",
                    help="write part files with saveAsTextFile (parallel, for big inputs) instead of printing")
    ap.add_argument("-o", "--output-file", metavar="FILE",
                    help="write the collected lines to FILE instead of standard output")
    ap.add_argument("--master", help="Spark master (default: the one spark-submit gives, else local[2])")
    ap.add_argument("--partitions", type=int, default=None,
                    help="minimum number of partitions, i.e. isnad processes (default: Spark's default parallelism)")
    ap.add_argument("--isnad", default=default_binary(), metavar="PATH",
                    help="the isnad binary (default: $ISNAD_BIN, else .build/release/isnad, or debug, of this checkout)")
    ap.add_argument("--patterns", default=os.environ.get("ISNAD_PATTERNS", os.path.join(REPO, "patterns", "ar")),
                    metavar="DIR", help="the pattern set (default: $ISNAD_PATTERNS, else patterns/ar of this checkout)")
    ap.add_argument("--ship", action="store_true",
                    help="send the binary and the pattern directory with the job instead of expecting them on every worker")
    ap.add_argument("--jobs-per-task", type=int, default=1, metavar="N",
                    help="isnad --jobs inside each task (default 1: Spark's task slots are the parallelism)")
    ap.add_argument("--max-bytes", type=int, default=None, metavar="N", help="passed to isnad extract --max-bytes")
    ap.add_argument("--strict", action="store_true",
                    help="fail the task (and so the job) when isnad reports any faulty document")
    return ap.parse_args(argv)


def isnad_command(binary, patterns, args):
    """The command line each task runs, as the single string RDD.pipe splits with shlex."""
    cmd = [binary, "extract", "-", "--input", "jsonl", "--format", "jsonl", "--quiet",
           "--jobs", str(args.jobs_per_task), "--patterns", patterns]
    if args.max_bytes is not None:
        cmd += ["--max-bytes", str(args.max_bytes)]
    if not args.strict:
        cmd = ["/bin/sh", "-c", TOLERANT, "isnad"] + cmd
    return shlex.join(cmd)


def ordered_rdd(sc, path, partitions):
    rdd = sc.textFile(path, partitions) if partitions else sc.textFile(path)
    want = partitions or sc.defaultParallelism
    if rdd.getNumPartitions() < want:
        # Not splittable (gzip): spread the lines by line number, in order.
        rdd = (rdd.zipWithIndex()
               .map(lambda li: (li[1], li[0]))
               .sortByKey(ascending=True, numPartitions=want)
               .values())
    return rdd


def ship(sc, binary, patterns):
    """Sends the binary (addFile) and the pattern directory (as a tar archive, addArchive) with
    the job; returns their paths as the piped processes see them.

    Executors fetch added files and unpack archives into SparkFiles' root, which on a cluster
    executor is its working directory, inherited by the Python workers and so by the piped
    processes: "./name". In local mode the executor is the driver, whose root is a temporary
    directory: the absolute SparkFiles.get(name)."""
    import tarfile
    import tempfile
    from pyspark import SparkFiles

    tmp = tempfile.mkdtemp(prefix="isnad-spark-")
    archive = os.path.join(tmp, "isnad-patterns.tgz")
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(patterns, arcname=".")
    sc.addFile(binary)
    sc.addArchive(archive)
    names = [os.path.basename(binary.rstrip("/")), os.path.basename(archive)]
    if sc.master == "local" or sc.master.startswith("local["):
        return tuple(SparkFiles.get(n) for n in names)
    return tuple("./" + n for n in names)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.output and args.output_file:
        sys.exit("isnad_spark: give --output DIR or --output-file FILE, not both")

    binary, patterns = args.isnad, args.patterns

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("isnad-extract")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[2]")
    master = conf.get("spark.master")
    local = master == "local" or master.startswith("local[")
    if args.ship or local:
        # Paths on this machine: check them now rather than in a failed task. (On a cluster
        # without --ship they are paths on the workers, which may not exist here.)
        if os.path.sep not in binary and shutil.which(binary):
            binary = shutil.which(binary)
        if not os.access(binary, os.X_OK):
            sys.exit(f"isnad_spark: no executable isnad at {binary} (build it, or give --isnad / ISNAD_BIN)")
        if not os.path.isdir(patterns):
            sys.exit(f"isnad_spark: no pattern directory at {patterns} (give --patterns / ISNAD_PATTERNS)")
        binary, patterns = os.path.abspath(binary), os.path.abspath(patterns)
    if local:
        conf.setIfMissing("spark.ui.enabled", "false")
    conf.setIfMissing("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("WARN")
    try:
        if args.ship:
            binary, patterns = ship(sc, binary, patterns)
        command = isnad_command(binary, patterns, args)
        # RDD.pipe gives the process exactly this environment; isnad needs nothing from it.
        out = ordered_rdd(sc, args.input, args.partitions).pipe(
            command, env={"LC_ALL": "C.UTF-8", "PATH": "/usr/local/bin:/usr/bin:/bin"}, checkCode=True)
        if args.output:
            out.saveAsTextFile(args.output)
        else:
            lines = out.collect()
            sink = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout
            try:
                for line in lines:
                    sink.write(line)
                    sink.write("\n")
            finally:
                if args.output_file:
                    sink.close()
                else:
                    sink.flush()
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
