import Foundation

/// The little file-system access the library needs, in one place.
public enum FileSystem {
    /// Regular files directly in `directory` whose names end with `suffix`, sorted by name (so
    /// loading order, and therefore output, never depends on the file system).
    public static func listFiles(in directory: String, suffix: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted()
            .map { directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0 }
    }

    /// Every file under `directory` (recursively) whose name ends with `suffix`, sorted by path.
    public static func walk(_ directory: String, suffix: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let e = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            let name = rel.split(separator: "/").last.map(String.init) ?? rel
            if name.hasPrefix(".") { continue }
            if rel.hasSuffix(suffix) { out.append(base + "/" + rel) }
        }
        return out.sorted()
    }

    public static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    public static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    public static func readBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, message: exists(path) ? "cannot read file" : "no such file")
        }
        return [UInt8](data)
    }

    /// Reads a UTF-8 text file; the error says where the first invalid byte is.
    public static func readUTF8(_ path: String) throws -> String {
        let bytes = try readBytes(path)
        return try TextDecoding.decode(bytes, source: path)
    }

    public static func write(_ string: String, to path: String) throws {
        do { try Data(string.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw FileError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
    }
}

public struct FileError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let message: String
    public init(path: String, message: String) { self.path = path; self.message = message }
    public var description: String { "\(path): \(message)" }
}
