/// What a cue rule finds, which decides how the resolver reads the clause around it.
public enum CueRole: String, Sendable, CaseIterable {
    /// A finite verb (past or present): its subject is the speaker, wherever it stands.
    case verb
    /// An adverbial participle (مضيفا، مشيرا): it takes its clause's speaker.
    case participle
    /// A prepositional source marker (حسب، على لسان): its object is the speaker.
    case source
    /// A verbal noun (تأكيد، إعلان): counts when its source and content are in the sentence.
    case noun
}
