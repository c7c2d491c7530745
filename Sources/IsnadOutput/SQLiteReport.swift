import Foundation
import GRDB
import IsnadCore

/// `isnad report --sqlite`: the batch as an SQLite database, for ad-hoc questions in SQL.
///
///     documents(id, name, outlet, date, url, title, chars)
///     speakers(id, key UNIQUE, name, type, entity)          -- merged across documents
///     attributions(id, document_id → documents, speaker_id → speakers, mention, resolution,
///                  cue, lemma, kind, content, content_start, content_end, confidence, sentence)
///
/// `documents.id` is the document's position in the input (from 1, as `d<n>` in the HTML
/// report), `speakers.id` its rank by claims (as `s<n>`); `speaker_id` is NULL for an
/// unresolved speaker. Carried fields (outlet, date, url, title) are NULL when absent. Offsets
/// are in Unicode scalars, half-open. Everything is written in one transaction, over any
/// existing file at the path.
///
///     SELECT s.name, count(*) AS claims FROM attributions a JOIN speakers s ON s.id = a.speaker_id
///     GROUP BY s.id ORDER BY claims DESC LIMIT 10;
public enum SQLiteReport {
    public static let schema = """
    CREATE TABLE documents (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      outlet TEXT,
      date TEXT,
      url TEXT,
      title TEXT,
      chars INTEGER
    );
    CREATE TABLE speakers (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      type TEXT NOT NULL,
      entity TEXT
    );
    CREATE TABLE attributions (
      id INTEGER PRIMARY KEY,
      document_id INTEGER NOT NULL REFERENCES documents(id),
      speaker_id INTEGER REFERENCES speakers(id),
      mention TEXT,
      resolution TEXT NOT NULL,
      cue TEXT NOT NULL,
      lemma TEXT NOT NULL,
      kind TEXT NOT NULL,
      content TEXT NOT NULL,
      content_start INTEGER NOT NULL,
      content_end INTEGER NOT NULL,
      confidence REAL NOT NULL,
      sentence INTEGER NOT NULL
    );
    CREATE INDEX attributions_speaker ON attributions(speaker_id);
    CREATE INDEX attributions_document ON attributions(document_id);
    CREATE INDEX attributions_kind ON attributions(kind);
    CREATE INDEX speakers_name ON speakers(name);
    CREATE INDEX documents_date ON documents(date);
    """

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// Writes the database at `path`, replacing any file there.
    public static func write(_ batch: ReportBatch, to path: String) throws(Failure) {
        for suffix in ["", "-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            do { try FileManager.default.removeItem(atPath: path + suffix) } catch {
                throw Failure(message: "\(path + suffix): cannot replace the existing file (\(error.localizedDescription))")
            }
        }
        do {
            let db = try DatabaseQueue(path: path)
            try db.write { db in try insert(batch, into: db) }
            try db.close()
        } catch let error as DatabaseError {
            throw Failure(message: "\(path): SQLite error \(error.resultCode.rawValue): \(error.message ?? "\(error)")")
        } catch {
            throw Failure(message: "\(path): \(error)")
        }
    }

    static func insert(_ batch: ReportBatch, into db: Database) throws {
        try db.execute(sql: schema)
        let doc = try db.makeStatement(sql: "INSERT INTO documents (id, name, outlet, date, url, title, chars) VALUES (?, ?, ?, ?, ?, ?, ?)")
        for (i, d) in batch.documents.enumerated() {
            try doc.execute(arguments: [i + 1, d.result.document, d.field("outlet"), d.field("date"), d.field("url"), d.field("title"), d.characters])
        }
        let speaker = try db.makeStatement(sql: "INSERT INTO speakers (id, key, name, type, entity) VALUES (?, ?, ?, ?, ?)")
        for (i, e) in batch.speakers.entries.enumerated() {
            try speaker.execute(arguments: [i + 1, e.key, e.name, e.type.rawValue, e.entity])
        }
        let attribution = try db.makeStatement(sql: """
            INSERT INTO attributions (id, document_id, speaker_id, mention, resolution, cue, lemma, kind, content,
              content_start, content_end, confidence, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var id = 0
        for (i, d) in batch.documents.enumerated() {
            for (j, a) in d.result.attributions.enumerated() {
                id += 1
                try attribution.execute(arguments: [
                    id, i + 1, d.speakers[j].map { $0 + 1 }, a.speaker.mention?.text, a.speaker.resolution.rawValue,
                    a.cue.span.text, a.cue.lemma, a.kind.rawValue, a.content.text, a.content.start, a.content.end,
                    a.confidence, a.sentence,
                ])
            }
        }
    }
}
