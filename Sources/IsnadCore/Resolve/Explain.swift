import PCRE2

/// A readable account of how a document was read: every word's lexicon classes, every cue with
/// its rule, and every attribution with how its speaker was found. For users asking "why this
/// speaker?" and for whoever tunes the pattern set.
extension Extractor {
    public func explain(_ text: String, document: String) throws(PCRE2Error) -> String {
        let analyzed = AnalyzedText(text, clauseOpeners: lex.clauseOpeners)
        var run = DocumentRun(extractor: self, text: analyzed)
        try run.scan(workspace: Workspace())
        var out = "# \(document)\n\n## Sentences and words\n"
        for (si, s) in analyzed.sentences.enumerated() {
            out += "\n[\(si)] "
            for k in s {
                let t = analyzed.tokens[k]
                var mark = ""
                if let w = run.words[k] {
                    let names: [(WordClass, String)] = [(.title, "T"), (.honorific, "H"), (.organization, "O"), (.unnamed, "U"),
                        (.document, "D"), (.outlet, "M"), (.givenName, "G"), (.particle, "P"), (.stop, "s"), (.time, "t"),
                        (.nationality, "N"), (.portfolio, "F")]
                    mark = names.filter { w.classes.contains($0.0) }.map(\.1).joined()
                }
                if let c = run.cueAt[k] { mark += "<\(run.cues[c].rule.id)>" }
                if run.compAt[k] != nil { mark += "<comp>" }
                if run.furniture[k] { mark += "<furniture>" }
                if run.vetoed[k] { mark += "<veto>" }
                if run.inSpeech(k) { mark += "<q>" }
                out += analyzed.source.text(t.span) + (mark.isEmpty ? "" : "/" + mark) + " "
            }
        }
        out += "\n\n## Quotations\n"
        for q in analyzed.quotes {
            out += "[\(q.open)–\(q.close.map(String.init) ?? "end of paragraph")] \(analyzed.text(of: q.inner).prefix(60))\n"
        }
        out += "\n## Entities\n"
        for (i, e) in run.entities.entities.enumerated() {
            out += "e\(i) \(e.type.rawValue) \(e.bestText)  names=\(e.names.map { $0.joined(separator: " ") })  titles=\(e.titles.map { $0.key.joined(separator: " ") })  feminine=\(e.feminine.map(String.init) ?? "?")\n"
        }
        let result = run.resolve()
        out += "\n## Attributions\n"
        for a in result {
            out += "\(a.id). [\(a.cue.span.text) \(a.cue.rule)] \(a.speaker.name ?? "—") (\(a.speaker.resolution.rawValue), mention: \(a.speaker.mention?.text ?? "—"), \(a.confidence)) \(a.kind.rawValue): \(a.content.text)\n"
        }
        return out
    }
}
