import Foundation
import GRDB
import Testing
import IsnadCore
import IsnadOutput
import TestSupport

@Suite struct SQLiteReportTests {
    /// Writes the fixture batch and opens the result read-only.
    func written(_ batch: ReportBatch = ReportFixture.batch(), in dir: TempDir = TempDir()) throws -> (DatabaseQueue, String) {
        let path = dir.path + "/report.db"
        try SQLiteReport.write(batch, to: path)
        var config = Configuration()
        config.readonly = true
        return (try DatabaseQueue(path: path, configuration: config), path)
    }

    @Test func tablesAndIndexesExist() throws {
        let dir = TempDir()
        let (db, _) = try written(in: dir)
        try db.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            #expect(tables == ["attributions", "documents", "speakers"])
            let columns = { (table: String) in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String } }
            #expect(try columns("documents") == ["id", "name", "outlet", "date", "url", "title", "chars"])
            #expect(try columns("speakers") == ["id", "key", "name", "type", "entity"])
            #expect(try columns("attributions") == ["id", "document_id", "speaker_id", "mention", "resolution", "cue", "lemma", "kind",
                                                    "content", "content_start", "content_end", "confidence", "sentence"])
            // Each required index, by the column it covers.
            for (table, column) in [("attributions", "speaker_id"), ("attributions", "document_id"), ("attributions", "kind"),
                                    ("speakers", "name"), ("documents", "date")] {
                let indexes = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list(?)", arguments: [table])
                let covering = try indexes.filter { try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?)", arguments: [$0]) == [column] }
                #expect(!covering.isEmpty, "no index on \(table)(\(column))")
            }
            #expect(try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('speakers') WHERE \"unique\" = 1").count == 1, "speakers.key is unique")
            // Foreign keys hold.
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func topSpeakersQuery() throws {
        let (db, _) = try written()
        let rows = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.name, count(*) AS claims FROM attributions a JOIN speakers s ON s.id = a.speaker_id
                GROUP BY s.id ORDER BY claims DESC LIMIT 10
                """)
        }
        #expect(rows.count == 4)
        #expect(rows.first?["name"] == "فلاديمير بوتين")
        #expect(rows.first?["claims"] == 2)
        #expect(rows.dropFirst().allSatisfy { $0["claims"] == 1 })
    }

    @Test func contentsMatchTheBatch() throws {
        let (db, _) = try written()
        try db.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 3)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM attributions") == 6)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM speakers") == 4)
            let d1 = try #require(try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE id = 1"))
            #expect(d1["name"] == "news/one.txt")
            #expect(d1["date"] == "2015-07-21 10:00:00")
            #expect(d1["outlet"] == "okaz")
            #expect(d1["title"] == "<script>alert('title')</script> عنوان", "stored as text, unescaped")
            #expect(d1["url"] as String? == nil)
            #expect(d1["chars"] == ReportFixture.documents()[0].text!.unicodeScalars.count)
            // The unresolved speaker has no speaker row.
            let unresolved = try #require(try Row.fetchOne(db, sql: "SELECT * FROM attributions WHERE document_id = 2 AND cue = 'وقيل'"))
            #expect(unresolved["speaker_id"] as Int? == nil)
            #expect(unresolved["resolution"] == "unresolved")
            // Offsets are Unicode scalars, as in the JSON output.
            let a = try #require(try Row.fetchOne(db, sql: "SELECT * FROM attributions WHERE document_id = 1 AND cue = 'قال'"))
            let span = ReportFixture.span("المحادثات كانت مثمرة", in: ReportFixture.documents()[0].text!)
            #expect(a["content_start"] == span.start)
            #expect(a["content_end"] == span.end)
            #expect(a["mention"] == "الرئيس الروسي فلاديمير بوتين")
            #expect(a["lemma"] == "قال")
            #expect(a["kind"] == "indirect")
            #expect(a["confidence"] == 0.8)
            let putin = try #require(try Row.fetchOne(db, sql: "SELECT * FROM speakers WHERE id = 1"))
            #expect(putin["key"] == "entity:vladimir-putin")
            #expect(putin["entity"] == "vladimir-putin")
            #expect(putin["type"] == "person")
        }
    }

    @Test func replacesAnExistingFile() throws {
        let dir = TempDir()
        let path = dir.file("report.db", "not a database")
        try SQLiteReport.write(ReportFixture.batch(), to: path)
        try SQLiteReport.write(ReportFixture.batch(), to: path)
        let db = try DatabaseQueue(path: path)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM attributions") } == 6, "written once, not appended")
    }

    @Test func unwritablePathIsAnError() {
        #expect(throws: SQLiteReport.Failure.self) {
            try SQLiteReport.write(ReportFixture.batch(), to: "/nonexistent-dir/x/report.db")
        }
    }

    @Test func emptyBatch() throws {
        let (db, _) = try written(ReportFixture.batch([]))
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM documents") } == 0)
    }
}
