import Foundation

/// A folder of gold annotations: `<doc>.gold.json` (or `<doc>.json`) files in the format of
/// `examples/seed.gold.json`, usually next to `<doc>.txt`.
public struct GoldSet: Sendable {
    public struct Document: Sendable {
        public let key: String
        public let attributions: [Scorer.Gold]
        /// The text file next to the gold file, if there is one.
        public let textPath: String?
    }

    public let directory: String
    public let documents: [Document]

    private struct File: Decodable {
        struct Item: Decodable {
            let speaker: String
            let aliases: [String]?
            let cue: String
            let content: String
            let kind: String?
        }
        let attributions: [Item]
    }

    /// The document key of a path, as the reference scorer makes it: the file name without its
    /// last extension (`0001.txt` → `0001`, `dir/seed` → `seed`).
    public static func key(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { return String(name[..<dot]) }
        return name
    }

    public init(directory: String) throws {
        self.directory = directory
        var docs: [Document] = []
        // Golden expected outputs (`*.expected.json`) live next to gold files in goldens/.
        for path in FileSystem.listFiles(in: directory, suffix: ".json") where !path.hasSuffix(".expected.json") {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let key = name.hasSuffix(".gold.json") ? String(name.dropLast(".gold.json".count)) : String(name.dropLast(".json".count))
            let data = try FileSystem.readBytes(path)
            let file: File
            do { file = try JSONDecoder().decode(File.self, from: Data(data)) } catch {
                throw FileError(path: path, message: "not a gold file (expected {\"attributions\": [{\"speaker\", \"cue\", \"content\", \"kind\"}…]}): \(error)")
            }
            let text = (directory.hasSuffix("/") ? directory : directory + "/") + key + ".txt"
            docs.append(Document(key: key, attributions: file.attributions.map {
                Scorer.Gold(speaker: $0.speaker, aliases: $0.aliases ?? [], cue: $0.cue, content: $0.content, kind: $0.kind ?? "?")
            }, textPath: FileSystem.exists(text) ? text : nil))
        }
        guard !docs.isEmpty else { throw FileError(path: directory, message: "no *.gold.json files here") }
        documents = docs
    }
}
