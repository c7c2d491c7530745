/// The result model: values the pipeline returns and every writer formats. Field names and
/// meanings follow `attribution.schema.json` (offsets in Unicode scalars, half-open).

/// A piece of the input text: `text == input[start..<end]` counted in Unicode scalars.
public struct Span: Hashable, Sendable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// How a speaker was found.
public enum Resolution: String, Sendable, Codable, CaseIterable {
    /// The subject or the source marker's object names the speaker.
    case explicit
    /// A title or description the document has tied to a name (`الرئيس الروسي` → Putin).
    case title
    /// Another form of a name the document gives (a surname alone, a gazetteer variant).
    case alias
    /// No expressed subject: the most recent compatible speaker continues.
    case continuation
    /// An anonymous person or a generic group (`مصدر أمني`, `البعض`).
    case unnamed
    /// No speaker could be found.
    case unresolved
}

/// What kind of source the speaker is.
public enum SpeakerType: String, Sendable, Codable {
    case person, organization, unnamed, unknown
}

public struct Speaker: Hashable, Sendable, Codable {
    /// The fullest proper name the document gives, without titles; the phrase itself for an
    /// unnamed source or an organisation; nil when unresolved.
    public var name: String?
    /// The words the speaker was found from.
    public var mention: Span?
    public var resolution: Resolution
    /// Gazetteer id when the speaker is a known entity.
    public var entity: String?
    public var type: SpeakerType
    /// Other names the document gives the same speaker (titles, a spokesperson), for readers.
    public var aliases: [String]

    public init(name: String?, mention: Span?, resolution: Resolution, entity: String? = nil,
                type: SpeakerType = .unknown, aliases: [String] = []) {
        self.name = name
        self.mention = mention
        self.resolution = resolution
        self.entity = entity
        self.type = type
        self.aliases = aliases
    }
}

public enum Kind: String, Sendable, Codable, CaseIterable {
    case direct, indirect, mixed
}

public struct Cue: Hashable, Sendable, Codable {
    public var span: Span
    /// Base form from the pattern set (قال for وقالت).
    public var lemma: String
    /// The rule that found it.
    public var rule: String
    public init(span: Span, lemma: String, rule: String) {
        self.span = span
        self.lemma = lemma
        self.rule = rule
    }
}

public struct Attribution: Hashable, Sendable {
    /// 1-based, in order of the cue in the text.
    public var id: Int
    public var speaker: Speaker
    public var cue: Cue
    public var content: Span
    public var kind: Kind
    /// In [0, 1]; lower for guesses that are more often wrong.
    public var confidence: Double
    /// 0-based index of the sentence holding the cue.
    public var sentence: Int

    public init(id: Int, speaker: Speaker, cue: Cue, content: Span, kind: Kind, confidence: Double, sentence: Int) {
        self.id = id
        self.speaker = speaker
        self.cue = cue
        self.content = content
        self.kind = kind
        self.confidence = confidence
        self.sentence = sentence
    }
}

/// Everything found in one document.
public struct DocumentResult: Sendable {
    /// The input's path, or its id in JSON Lines input.
    public var document: String
    public var attributions: [Attribution]
    /// Fields carried from JSON Lines input (title, date, url, outlet …), as raw JSON values in
    /// input order, so writers can pass them through unchanged.
    public var carried: [(key: String, json: String)]
    /// The text the offsets point into (for writers that show it, such as the HTML report).
    public var text: String?

    public init(document: String, attributions: [Attribution], carried: [(key: String, json: String)] = [], text: String? = nil) {
        self.document = document
        self.attributions = attributions
        self.carried = carried
        self.text = text
    }
}
