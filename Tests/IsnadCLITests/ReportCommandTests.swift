import Foundation
import Testing
import TestSupport

/// `isnad report` end to end: outputs, exit statuses, and the CSV being extract's CSV.
@Suite struct ReportCommandTests {
    @Test func writesEveryOutput() throws {
        let dir = TempDir()
        let articles = ReportArticles.write(in: dir)
        let html = dir.path + "/r.html", db = dir.path + "/r.db", csv = dir.path + "/r.csv"
        let run = try Run.isnad(["report", articles, "--html", html, "--sqlite", db, "--csv", csv, "--quiet", "--jobs", "2", "--patterns", Repo.patterns])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("report: 3 documents"))
        #expect(run.stderr.contains("wrote \(csv), \(html), \(db)"))
        let page = try #require(FileManager.default.contents(atPath: html))
        #expect(String(decoding: page, as: UTF8.self).hasPrefix("<!DOCTYPE html>"))
        let header = try #require(FileManager.default.contents(atPath: db)?.prefix(16))
        #expect(Array(header) == Array("SQLite format 3\u{0}".utf8))

        // --csv is exactly `isnad extract --format csv` over the same inputs.
        let extract = try Run.isnad(["extract", articles, "--format", "csv", "--quiet", "--patterns", Repo.patterns])
        #expect(extract.status == 0)
        #expect(FileManager.default.contents(atPath: csv) == extract.stdout)

        // Same input, same bytes, whatever the number of jobs.
        let html1 = dir.path + "/r1.html"
        let again = try Run.isnad(["report", articles, "--html", html1, "--quiet", "--jobs", "1", "--patterns", Repo.patterns])
        #expect(again.status == 0)
        #expect(FileManager.default.contents(atPath: html1) == page)
    }

    @Test func failedInputsExitOne() throws {
        let dir = TempDir()
        let articles = ReportArticles.write(in: dir)
        _ = dir.file("articles/04-bad.txt", bytes: [0xD8, 0xA7, 0xFF, 0x0A])
        let html = dir.path + "/r.html"
        let run = try Run.isnad(["report", articles, dir.path + "/missing.txt", "--html", html, "--quiet", "--patterns", Repo.patterns])
        #expect(run.status == 1)
        #expect(run.stderr.contains("missing.txt: no such file or directory"))
        #expect(run.stderr.contains("04-bad.txt"))
        #expect(run.stderr.contains("2 inputs failed; 3 documents processed"))
        #expect(run.stderr.contains("report: 3 documents"))
        let page = String(decoding: FileManager.default.contents(atPath: html) ?? Data(), as: UTF8.self)
        #expect(page.contains("<div class=\"value\">2</div><div class=\"label\">مدخلات تعذّرت قراءتها</div>"), "the page says inputs failed")
    }

    struct UsageCase: CustomTestStringConvertible, Sendable {
        let name: String
        let args: [String]
        let message: String
        var testDescription: String { name }
    }

    static let usageCases: [UsageCase] = [
        UsageCase(name: "no output", args: ["report", "x.txt"], message: "give at least one output"),
        UsageCase(name: "no input", args: ["report", "--html", "r.html"], message: "give at least one input"),
        UsageCase(name: "same path twice", args: ["report", "x.txt", "--html", "r", "--csv", "r"], message: "give each output a path of its own"),
        UsageCase(name: "negative cap", args: ["report", "x.txt", "--html", "r.html", "--max-documents=-1"], message: "--max-documents must be 0 or more"),
        UsageCase(name: "no jobs", args: ["report", "x.txt", "--html", "r.html", "--jobs", "0"], message: "--jobs must be at least 1"),
        UsageCase(name: "bad patterns", args: ["report", "x.txt", "--html", "/tmp/isnad-never.html", "--patterns", "/nonexistent"], message: "/nonexistent"),
        UsageCase(name: "unwritable output", args: ["report", "x.txt", "--html", "/nonexistent-dir/r.html"], message: "cannot create the output file"),
    ]

    @Test(arguments: usageCases)
    func usageErrorsExitTwo(_ c: UsageCase) throws {
        let dir = TempDir()
        _ = dir.file("x.txt", "قال سامي إن الجو جميل.")
        let args = c.args.contains("--patterns") ? c.args : c.args + ["--patterns", Repo.patterns]
        let run = try Run.isnad(args, cwd: dir.path)
        #expect(run.status == 2, "\(c.name): \(run.stderr)")
        #expect(run.stderr.contains(c.message), "\(c.name): \(run.stderr)")
    }
}
