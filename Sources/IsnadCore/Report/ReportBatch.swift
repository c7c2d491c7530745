/// What a batch report shows: every document's result in input order, with its speakers
/// merged across documents by a `SpeakerIndex`. Writers (HTML, SQLite) format it.
public struct ReportBatch: Sendable {
    public struct Document: Sendable {
        public var result: DocumentResult
        /// Length of the text in Unicode scalars; kept when the text itself is dropped to save
        /// memory. Nil when the result never had its text.
        public var characters: Int?
        /// For each attribution (same order), the position of its speaker in
        /// `speakers.entries`; nil for an unresolved speaker.
        public var speakers: [Int?]

        /// A field carried from JSON Lines input (`date`, `title`, `url`, `outlet` …) as text:
        /// strings decoded, other JSON values as written, nil for `null` or a missing field.
        public func field(_ key: String) -> String? {
            guard let raw = result.carried.first(where: { $0.key == key })?.json else { return nil }
            if raw.hasPrefix("\"") { return JSONValue.decodeString(raw) ?? raw }
            return raw == "null" ? nil : raw
        }
    }

    public let documents: [Document]
    public let speakers: SpeakerIndex
    /// Inputs that failed (unreadable, invalid UTF-8 …) and are not in `documents`.
    public let failures: Int

    public init(results: [DocumentResult], gazetteer: Gazetteer, failures: Int = 0) {
        var b = Builder(gazetteer: gazetteer)
        for r in results { b.add(r) }
        for _ in 0..<failures { b.addFailure() }
        self = b.build()
    }

    fileprivate init(documents: [Document], speakers: SpeakerIndex, failures: Int) {
        self.documents = documents
        self.speakers = speakers
        self.failures = failures
    }

    /// Collects results as a batch delivers them. Texts after the first `keepTexts` documents
    /// are dropped on the way in (their length is kept), so that memory stays proportional to
    /// the attributions, not the corpus, when the report embeds only that many texts.
    public struct Builder: Sendable {
        var documents: [Document] = []
        var speakerIndex: SpeakerIndex.Builder
        var failures = 0
        let keepTexts: Int

        public init(gazetteer: Gazetteer, keepTexts: Int = .max) {
            speakerIndex = SpeakerIndex.Builder(gazetteer: gazetteer)
            self.keepTexts = keepTexts
        }

        public mutating func add(_ result: DocumentResult) {
            var r = result
            let characters = r.text.map { $0.unicodeScalars.count }
            if documents.count >= keepTexts { r.text = nil }
            for a in r.attributions { speakerIndex.add(a.speaker) }
            documents.append(Document(result: r, characters: characters, speakers: []))
        }

        public mutating func addFailure() { failures += 1 }

        public var documentCount: Int { documents.count }

        public func build() -> ReportBatch {
            let index = speakerIndex.build()
            var docs = documents
            for i in docs.indices {
                docs[i].speakers = docs[i].result.attributions.map { index.index(of: $0.speaker) }
            }
            return ReportBatch(documents: docs, speakers: index, failures: failures)
        }
    }
}
