import ArgumentParser
import Foundation
import IsnadCore
import IsnadOutput

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the attributions of Arabic news texts.",
        discussion: """
        Inputs are files, directories (every *.txt under them, in path order) or - for standard \
        input. Offsets count Unicode scalars into each text exactly as read.
        Exit status: 0 on success, 1 when some inputs failed (the rest is still processed and \
        written), 2 for usage or pattern errors.
        """)

    @Argument(help: ArgumentHelp("Files, directories or - (standard input).", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(help: "Output format: json (an array of documents), jsonl (one document a line), csv (one attribution a row).")
    var format: OutputFormatOption = .jsonl

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to PATH instead of standard output.", valueName: "PATH"))
    var output: String?

    @OptionGroup var patterns: PatternOptions

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one input: a file, a directory, or - for standard input") }
    }

    func run() throws {
        let pack = try patterns.load()
        let extractor = Extractor(pack: pack)
        var writer = format.format.makeWriter()
        let sink = try OutputSink(path: output)
        sink.write(writer.begin())
        var failures = 0
        for input in inputs {
            let files: [String]
            if input == "-" {
                files = ["-"]
            } else if FileSystem.isDirectory(input) {
                files = FileSystem.walk(input, suffix: ".txt")
                if files.isEmpty {
                    printError("\(input): no *.txt files in this directory")
                    failures += 1
                }
            } else if FileSystem.exists(input) {
                files = [input]
            } else {
                printError("\(input): no such file or directory")
                failures += 1
                continue
            }
            for file in files {
                do {
                    let bytes = file == "-" ? [UInt8](FileHandle.standardInput.readDataToEndOfFile()) : try FileSystem.readBytes(file)
                    let text = try TextDecoding.decode(bytes, source: file == "-" ? "<stdin>" : file)
                    let result = try extractor.extract(text, document: file == "-" ? "-" : file)
                    sink.write(writer.write(result))
                } catch {
                    printError("\(error)")
                    failures += 1
                }
            }
        }
        sink.write(writer.end())
        try sink.close()
        if failures > 0 { throw ExitCode(1) }
    }
}

struct OutputFormatOption: ExpressibleByArgument {
    let format: OutputFormat
    init(_ format: OutputFormat) { self.format = format }
    init?(argument: String) {
        guard let f = OutputFormat(rawValue: argument) else { return nil }
        format = f
    }
    static let jsonl = OutputFormatOption(.jsonl)
    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
    var defaultValueDescription: String { format.rawValue }
}

/// Standard output or a file, written as results come.
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
