import Foundation
import Testing
import TestSupport

/// End-to-end: the built `isnad` binary, its output and its exit status, on texts written for
/// these tests.
@Suite struct ExtractCommandTests {
    static let article = """
    الوزير يؤكد استمرار الدعم

    قال وزير المالية أحمد الراشد إن الحكومة ستواصل دعم الأسعار حتى نهاية العام، مشيرا إلى أن العجز سينخفض.

    وأضاف: «لن نرفع الضرائب هذا العام».
    """

    func json(_ data: Data) throws -> Any { try JSONSerialization.jsonObject(with: data) }

    @Test func singleFileAsJSONL() throws {
        let dir = TempDir()
        let f = dir.file("a.txt", ExtractCommandTests.article)
        let r = try Run.isnad(["extract", f, "--patterns", Repo.patterns])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 1)
        let doc = try #require(try json(Data(lines[0].utf8)) as? [String: Any])
        #expect(doc["document"] as? String == f)
        let atts = try #require(doc["attributions"] as? [[String: Any]])
        #expect(atts.count >= 3)
        let speakers = atts.compactMap { ($0["speaker"] as? [String: Any])?["name"] as? String }
        #expect(speakers.allSatisfy { $0 == "أحمد الراشد" }, "\(speakers)")
        // Offsets count Unicode scalars into the text as read.
        let scalars = Array(ExtractCommandTests.article.unicodeScalars)
        for a in atts {
            let c = try #require(a["content"] as? [String: Any])
            let s = c["start"] as! Int, e = c["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[s..<e])) == c["text"] as? String)
        }
    }

    @Test func outputIsDeterministicAndJSONIsAnArray() throws {
        let dir = TempDir()
        _ = dir.file("d/1.txt", ExtractCommandTests.article)
        _ = dir.file("d/2.txt", "قالت الوزيرة إن الخطة جاهزة.")
        let a = try Run.isnad(["extract", dir.path + "/d", "--format", "json", "--patterns", Repo.patterns])
        let b = try Run.isnad(["extract", dir.path + "/d", "--format", "json", "--patterns", Repo.patterns])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
        let docs = try #require(try json(a.stdout) as? [[String: Any]])
        #expect(docs.map { $0["document"] as? String } == [dir.path + "/d/1.txt", dir.path + "/d/2.txt"])
    }

    @Test func standardInput() throws {
        let r = try Run.isnad(["extract", "-", "--patterns", Repo.patterns], stdin: Data(ExtractCommandTests.article.utf8))
        #expect(r.status == 0)
        #expect(r.out.contains("\"document\":\"-\""))
    }

    @Test func badInputsAreReportedAndTheRestIsProcessed() throws {
        let dir = TempDir()
        let good = dir.file("good.txt", ExtractCommandTests.article)
        let empty = dir.file("empty.txt", "")
        var bytes = Array("سطر أول\nقال ".utf8)
        bytes.append(0xFF)
        let bad = dir.file("bad.txt", bytes: bytes)
        let emptyDir = dir.path + "/nothing"
        try FileManager.default.createDirectory(atPath: emptyDir, withIntermediateDirectories: true)
        let r = try Run.isnad(["extract", good, dir.path + "/missing.txt", bad, empty, emptyDir, "--patterns", Repo.patterns])
        #expect(r.status == 1)
        #expect(r.stderr.contains("missing.txt: no such file or directory"))
        #expect(r.stderr.contains("bad.txt:2:5: invalid UTF-8 at byte"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing: no *.txt files in this directory"))
        let docs = r.out.split(separator: "\n").map(String.init)
        #expect(docs.count == 2, "the good and the empty file")
        #expect(docs[1].contains("\"attributions\":[]"), "an empty file has no attributions and is not an error")
    }

    @Test func usageAndPatternErrorsExitWithTwo() throws {
        let noInput = try Run.isnad(["extract"])
        #expect(noInput.status == 2)
        #expect(noInput.stderr.contains("give at least one input"))

        let dir = TempDir()
        _ = dir.file("p/cues.rules", "rule cue.x\n  summary: s\n  lemma: l\n  role: verb\n  pattern: (قال\n  match: ⟦قال⟧\n")
        let f = dir.file("a.txt", "قال")
        let r = try Run.isnad(["extract", f, "--patterns", dir.path + "/p"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cues.rules:5:"), "\(r.stderr)")
        #expect(r.stderr.contains("error: missing closing parenthesis (PCRE2 114)"), "\(r.stderr)")
    }

    @Test func patternsTestCommandPasses() throws {
        let r = try Run.isnad(["patterns", "test", "--patterns", Repo.patterns])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.out.contains("0 failures"))
    }
}

/// JSON Lines input: carried fields, order, faults, jobs.
@Suite struct JSONLinesInputTests {
    static func line(_ id: String, _ text: String, extra: String = "") -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
        return "{\"id\": \"\(id)\"\(extra), \"text\": \"\(escaped)\"}"
    }

    @Test func faultsAreReportedWithTheirLineAndTheRestKeepsItsOrder() throws {
        var lines: [String] = []
        for i in 0..<40 {
            lines.append(JSONLinesInputTests.line("doc\(i)", "قال المتحدث باسم الوزارة إن الاجتماع رقم \(i) انتهى.", extra: ", \"outlet\": \"test\", \"date\": \"2015-08-0\(i % 9 + 1)\""))
        }
        lines[5] = "{\"id\": \"broken\", \"text\": \"قال"           // malformed JSON
        lines[9] = "{\"id\": \"notext\", \"title\": \"عنوان\"}"          // no text
        var data = Data((lines.joined(separator: "\n") + "\n").utf8)
        // Line 41: invalid UTF-8 inside a string.
        data.append(contentsOf: Array("{\"id\": \"badutf\", \"text\": \"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))
        let dir = TempDir()
        let input = dir.path + "/in.jsonl"
        FileManager.default.createFile(atPath: input, contents: data)

        let one = try Run.isnad(["extract", "--input", "jsonl", input, "--jobs", "1", "--patterns", Repo.patterns])
        let two = try Run.isnad(["extract", "--input", "jsonl", input, "--jobs", "2", "--patterns", Repo.patterns])
        #expect(one.status == 1)
        #expect(one.stdout == two.stdout, "same bytes whatever --jobs")
        #expect(one.stderr.contains("in.jsonl:6: malformed JSON"), "\(one.stderr)")
        #expect(one.stderr.contains("in.jsonl:10 (id notext): no \"text\" field"), "\(one.stderr)")
        #expect(one.stderr.contains("in.jsonl:41: invalid UTF-8"), "\(one.stderr)")
        let out = one.out.split(separator: "\n").map(String.init)
        #expect(out.count == 38, "one line per good document")
        let ids = out.map { l -> String in
            let o = try! JSONSerialization.jsonObject(with: Data(l.utf8)) as! [String: Any]
            return o["document"] as! String
        }
        #expect(ids == (0..<40).filter { $0 != 5 && $0 != 9 }.map { "doc\($0)" })
        #expect(out[0].contains("\"outlet\":\"test\""), "carried fields pass through")
    }

    @Test func oversizedDocumentsAreSkipped() throws {
        let input = JSONLinesInputTests.line("small", "قال الوزير إن الوضع مستقر.") + "\n"
            + JSONLinesInputTests.line("big", String(repeating: "قال الوزير إن الوضع مستقر. ", count: 200)) + "\n"
        let r = try Run.isnad(["extract", "--input", "jsonl", "-", "--max-bytes", "1000", "--patterns", Repo.patterns], stdin: Data(input.utf8))
        #expect(r.status == 1)
        #expect(r.stderr.contains("<stdin>:2: line of"), "\(r.stderr)")
        #expect(r.stderr.contains("over the limit of 1000"))
        #expect(r.out.split(separator: "\n").count == 1)
    }
}

/// CSV for spreadsheets: RFC 4180, one row per attribution, formulas neutralised, BOM on demand.
@Suite struct CSVOutputTests {
    /// A small RFC 4180 reader, to check what a spreadsheet would see.
    static func parse(_ s: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var it = Array(s.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar?
        while let c = pending ?? it.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = it.next() { if n == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = n } } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" { continue }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test func oneRowPerAttributionWithFormulaCellsNeutralised() throws {
        let text = "قال المحلل أحمد سالم إن \"=HYPERLINK(1)\" نص، و\"سطر\nجديد\".\n\nوأضاف أن -5 بالمائة نسبة النمو."
        let dir = TempDir()
        let f = dir.file("a.txt", text)
        let csv = try Run.isnad(["extract", f, "--format", "csv", "--patterns", Repo.patterns])
        let jsonl = try Run.isnad(["extract", f, "--format", "jsonl", "--patterns", Repo.patterns])
        #expect(csv.status == 0)
        #expect(csv.out.hasPrefix("document,id,speaker,"))
        #expect(csv.out.contains("\r\n"), "RFC 4180 line ends")
        let rows = CSVOutputTests.parse(csv.out)
        let doc = try JSONSerialization.jsonObject(with: jsonl.stdout) as! [String: Any]
        let atts = doc["attributions"] as! [[String: Any]]
        #expect(rows.count == atts.count + 1)
        #expect(rows.dropFirst().allSatisfy { $0.count == rows[0].count })
        let contentColumn = rows[0].firstIndex(of: "content")!
        for (row, a) in zip(rows.dropFirst(), atts) {
            let content = (a["content"] as! [String: Any])["text"] as! String
            let cell = row[contentColumn]
            if let f = content.unicodeScalars.first, "=+-@".unicodeScalars.contains(f) {
                #expect(cell == "'" + content)
            } else {
                #expect(cell == content)
            }
        }
        #expect(rows.dropFirst().contains { $0[contentColumn].hasPrefix("'-5") || $0[contentColumn].hasPrefix("-") == false })
    }

    @Test func excelFlagWritesAByteOrderMark() throws {
        let dir = TempDir()
        let f = dir.file("a.txt", "قال الوزير إن الخطة جاهزة.")
        let r = try Run.isnad(["extract", f, "--format", "csv", "--excel", "--patterns", Repo.patterns])
        #expect(Array(r.stdout.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let plain = try Run.isnad(["extract", f, "--format", "csv", "--patterns", Repo.patterns])
        #expect(plain.stdout.first == UInt8(ascii: "d"))
        let misuse = try Run.isnad(["extract", f, "--excel", "--patterns", Repo.patterns])
        #expect(misuse.status == 2)
    }
}
