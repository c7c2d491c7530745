import ArgumentParser
import Foundation
import IsnadCore
import IsnadOutput

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the attributions of Arabic news texts.",
        discussion: """
        Inputs are files, directories (every *.txt under them, in path order; *.jsonl with \
        --input jsonl) or - for standard input. With --input jsonl each line is a JSON object \
        with "id" and "text"; its other fields (title, date, url, outlet …) are carried into the \
        output. Output keeps the input order and is written as it goes, whatever --jobs is.

        Faults (a file or line that is not valid UTF-8, a malformed JSON line, a line without \
        "text", a document over --max-bytes) are reported on standard error with their place, \
        skipped, and counted; the rest is processed.

        Exit status: 0 on success, 1 when some inputs failed, 2 for usage or pattern errors.
        """)

    @OptionGroup var batch: BatchOptions

    @Option(help: "Output format: json (an array of documents), jsonl (one document a line), csv (one attribution a row).")
    var format: OutputFormat = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to PATH instead of standard output.", valueName: "PATH"))
    var output: String?

    @Flag(help: "With --format csv: start with a UTF-8 byte order mark so that Excel shows Arabic.")
    var excel = false

    @OptionGroup var patterns: PatternOptions

    func validate() throws {
        if excel && format != .csv { throw ValidationError("--excel applies to --format csv only") }
    }

    func run() throws {
        let pack = try patterns.load()
        let extractor = Extractor(pack: pack)
        var writer = format.makeWriter(excel: excel)
        let sink = try OutputSink(path: output)
        let jsonLine: @Sendable (DocumentResult) -> String = { JSONLinesWriter.line($0) }
        let render = format == .jsonl ? jsonLine : nil
        let runner = BatchRunner(extractor: extractor, decoder: InputDecoder(maxBytes: batch.maxBytes), jobs: batch.jobs, render: render)
        sink.write(writer.begin())
        let progress = batch.run(runner) { result, rendered in
            sink.write(rendered ?? writer.write(result))
        }
        sink.write(writer.end())
        try sink.close()
        try BatchOptions.failIfFaults(progress)
    }
}

extension InputReader.Mode: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// Standard output or a file, written as results come (each document's text goes straight to
/// the file descriptor, so an interrupted run keeps everything written so far).
final class OutputSink {
    let handle: FileHandle
    let path: String?
    init(path: String?) throws {
        self.path = path
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                printError("\(path): cannot create the output file")
                throw ExitCode(2)
            }
            handle = h
        } else {
            handle = FileHandle.standardOutput
        }
    }
    func write(_ s: String) {
        guard !s.isEmpty else { return }
        handle.write(Data(s.utf8))
    }
    func close() throws {
        if path != nil { try handle.close() }
    }
}

enum Terminal {
    static func isTTY(_ fd: Int32) -> Bool { isatty(fd) == 1 }
}

/// The progress line on standard error: documents, MB/s, attributions, failures, time left.
final class Progress {
    let enabled: Bool
    let totalBytes: Int?
    let start = Date()
    var lastDraw = Date.distantPast
    private(set) var documents = 0
    private(set) var bytes = 0
    private(set) var attributions = 0
    private(set) var failures = 0
    private var drawn = false

    init(enabled: Bool, totalBytes: Int?) {
        self.enabled = enabled
        self.totalBytes = totalBytes
    }

    func document(bytes: Int, attributions: Int) {
        documents += 1
        self.bytes += bytes
        self.attributions += attributions
        draw()
    }

    func fault() {
        failures += 1
        draw()
    }

    func draw(force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let mbps = Double(bytes) / 1_000_000 / elapsed
        var line = "\(documents) documents  \(String(format: "%.1f", Double(bytes) / 1_000_000)) MB  \(String(format: "%.1f", mbps)) MB/s  \(attributions) attributions  \(failures) failures"
        if let total = totalBytes, total > 0, bytes > 0, bytes < total {
            let left = Double(total - bytes) / (Double(bytes) / elapsed)
            line += "  ~\(Progress.duration(left)) left"
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        drawn = true
    }

    func clear() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    func finish() {
        guard enabled else { return }
        draw(force: true)
        FileHandle.standardError.write(Data("\n".utf8))
    }

    static func duration(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 60 ? "\(t / 60)m\(String(format: "%02d", t % 60))s" : "\(t)s"
    }
}
