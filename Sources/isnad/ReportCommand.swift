import ArgumentParser
import Foundation
import IsnadCore
import IsnadOutput

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a batch report: an HTML page, an SQLite database and/or a CSV table.",
        discussion: """
        Runs extraction over the inputs (as extract does) and writes, across all documents: \
        with --html, one self-contained page (no network) with a summary, charts, the speakers \
        ranked by claims, and each document's text with its attributions highlighted; with \
        --sqlite, a database of documents, speakers and attributions for queries in SQL; with \
        --csv, one attribution a row, as extract --format csv.

        Speakers are merged across documents: by the gazetteer's entities, then by the name \
        after normalisation, then a surname alone joins the one full name of the batch it ends.

        The HTML page embeds the texts of the first --max-documents documents; its summary and \
        tables cover them all. Faults are reported on standard error, skipped and counted.

        Exit status: 0 on success, 1 when some inputs failed (the reports cover the rest), 2 \
        for usage, pattern or output errors.
        """)

    @OptionGroup var batch: BatchOptions

    @Option(help: ArgumentHelp("Write the HTML report to PATH.", valueName: "PATH"))
    var html: String?

    @Option(help: ArgumentHelp("Write the SQLite database to PATH (an existing file is replaced).", valueName: "PATH"))
    var sqlite: String?

    @Option(help: ArgumentHelp("Write the attributions as CSV to PATH.", valueName: "PATH"))
    var csv: String?

    @Option(help: ArgumentHelp("Embed at most N document texts in the HTML page.", valueName: "N"))
    var maxDocuments: Int = 2000

    @OptionGroup var patterns: PatternOptions

    func validate() throws {
        let outputs = [html, sqlite, csv].compactMap { $0 }
        if outputs.isEmpty { throw ValidationError("give at least one output: --html PATH, --sqlite PATH or --csv PATH") }
        if Set(outputs).count != outputs.count { throw ValidationError("give each output a path of its own") }
        if outputs.contains("-") { throw ValidationError("reports are written to files; - (standard output) is not supported") }
        if maxDocuments < 0 { throw ValidationError("--max-documents must be 0 or more") }
    }

    func run() throws {
        let start = Date()
        let pack = try patterns.load()
        for path in [html, sqlite].compactMap({ $0 }) { try createOutputFile(path) }
        let csvSink = try csv.map { try OutputSink(path: $0) }
        var csvWriter = CSVWriter()
        csvSink?.write(csvWriter.begin())

        // Texts are kept only for the documents the page embeds; the rest keep their length.
        var builder = ReportBatch.Builder(gazetteer: pack.gazetteer, keepTexts: html == nil ? 0 : maxDocuments)
        let runner = BatchRunner(extractor: Extractor(pack: pack), decoder: InputDecoder(maxBytes: batch.maxBytes),
                                 jobs: batch.jobs, keepText: true)
        let progress = batch.run(runner) { result, _ in
            csvSink?.write(csvWriter.write(result))
            builder.add(result)
        }
        for _ in 0..<progress.failures { builder.addFailure() }
        let report = builder.build()

        var written: [String] = []
        if let csvSink, let csv {
            csvSink.write(csvWriter.end())
            try csvSink.close()
            written.append(csv)
        }
        if let html {
            let page = HTMLReport.render(report, options: .init(maxDocuments: maxDocuments, generator: "isnad \(IsnadVersion.string)"))
            do { try Data(page.utf8).write(to: URL(fileURLWithPath: html)) } catch {
                printError("\(html): cannot write the HTML report (\(error.localizedDescription))")
                throw ExitCode(2)
            }
            written.append(html)
        }
        if let sqlite {
            do { try SQLiteReport.write(report, to: sqlite) } catch {
                printError(error.description)
                throw ExitCode(2)
            }
            written.append(sqlite)
        }

        let attributions = report.documents.reduce(0) { $0 + $1.result.attributions.count }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
        printError("report: \(report.documents.count) documents, \(attributions) attributions, \(report.speakers.entries.count) speakers"
            + "\(progress.failures > 0 ? ", \(progress.failures) failed inputs" : ""); wrote \(written.joined(separator: ", ")) in \(seconds) s")
        try BatchOptions.failIfFaults(progress)
    }
}
