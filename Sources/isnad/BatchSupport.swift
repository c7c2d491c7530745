import ArgumentParser
import Foundation
import IsnadCore

/// The options every batch command shares (inputs, how to read them, threads, the size limit,
/// progress), with their validation; `extract` and `report` take them as an option group.
struct BatchOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files, directories or - (standard input).", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(help: "How to read inputs: text (one document per file) or jsonl (one JSON object per line).")
    var input: InputReader.Mode = .text

    @Option(name: .shortAndLong, help: "Documents processed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Skip documents larger than this many bytes.", valueName: "N"))
    var maxBytes: Int = 16 * 1024 * 1024

    @Flag(name: .shortAndLong, help: "No progress line on standard error.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input: a file, a directory, or - for standard input") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    /// Runs `runner` over the inputs with the progress line; faults are printed on standard
    /// error (with their place) and counted, documents handed to `document` in input order.
    func run(_ runner: BatchRunner, document: (DocumentResult, _ rendered: String?) -> Void) -> Progress {
        let reader = InputReader(paths: inputs, mode: input)
        let progress = Progress(enabled: !quiet && Terminal.isTTY(2), totalBytes: reader.totalBytes)
        runner.run(reader) { outcome in
            switch outcome {
            case .document(let result, let rendered, let bytes):
                document(result, rendered)
                progress.document(bytes: bytes, attributions: result.attributions.count)
            case .fault(let fault):
                progress.clear()
                printError(fault.description)
                progress.fault()
            }
        }
        progress.finish()
        return progress
    }

    /// Exit status 1, with a count, when some inputs failed.
    static func failIfFaults(_ progress: Progress) throws {
        guard progress.failures > 0 else { return }
        printError("\(progress.failures) input\(progress.failures == 1 ? "" : "s") failed; \(progress.documents) document\(progress.documents == 1 ? "" : "s") processed")
        throw ExitCode(1)
    }
}

/// Creates (or truncates) an output file before the work starts, so that a bad path fails at
/// once with status 2 instead of after a long run.
func createOutputFile(_ path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil) else {
        printError("\(path): cannot create the output file")
        throw ExitCode(2)
    }
}
