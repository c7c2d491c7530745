import Foundation
import IsnadCore

/// Where the project's data is, for tests: the checkout (found from this file's path), its
/// patterns and goldens, the built `isnad` binary, and `../shared` when it exists (optional
/// checks only; the suite passes without it).
public enum Repo {
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var patterns: String { root + "/patterns/ar" }
    public static var goldens: String { root + "/goldens" }

    /// `../shared` next to the checkout, if present.
    public static var shared: String? {
        let p = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared").path
        return FileManager.default.fileExists(atPath: p + "/ANNOTATION.md") ? p : nil
    }

    /// The language pack, loaded once for the whole test run.
    public static let pack: Result<LanguagePack, any Error> = Result { try LanguagePack.load(directory: patterns) }

    public static func extractor() throws -> Extractor { Extractor(pack: try pack.get()) }

    /// The built `isnad` executable, next to the test bundle.
    public static var binary: String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let p = candidate.appendingPathComponent("isnad").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return root + "/.build/debug/isnad"
    }
}

/// Runs a command and captures its output.
public struct Run {
    public let status: Int32
    public let stdout: Data
    public let stderr: String
    public var out: String { String(decoding: stdout, as: UTF8.self) }

    public static func isnad(_ args: [String], stdin: Data? = nil, cwd: String? = nil, env: [String: String] = [:]) throws -> Run {
        try run(Repo.binary, args, stdin: stdin, cwd: cwd, env: env)
    }

    public static func run(_ exe: String, _ args: [String], stdin: Data? = nil, cwd: String? = nil, env: [String: String] = [:]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in env { environment[k] = v }
        p.environment = environment
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        // A child that dies before reading all its input (a crash) must fail the test that fed
        // it, not kill the whole test process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        try p.run()
        // Read both pipes while the process runs, so a large output cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let stdin { try? inp.fileHandleForWriting.write(contentsOf: stdin) }
        try inp.fileHandleForWriting.close()
        p.waitUntilExit()
        group.wait()
        return Run(status: p.terminationStatus, stdout: outData, stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary directory, removed when the value is released.
public final class TempDir {
    public let path: String
    public init() {
        path = NSTemporaryDirectory() + "isnad-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    public func file(_ name: String, _ contents: String) -> String {
        let p = path + "/" + name
        try? FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: p, contents: Data(contents.utf8))
        return p
    }
    public func file(_ name: String, bytes: [UInt8]) -> String {
        let p = path + "/" + name
        FileManager.default.createFile(atPath: p, contents: Data(bytes))
        return p
    }
}
