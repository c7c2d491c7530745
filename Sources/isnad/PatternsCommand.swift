import ArgumentParser
import IsnadCore

struct PatternsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "Check the pattern set: run every rule's examples, or print a set as one pattern.",
        subcommands: [Test.self, Export.self]
    )

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's match/nomatch examples; failures are reported by file and line.")
        @OptionGroup var patterns: PatternOptions

        func run() throws {
            let pack = try patterns.load()
            let report = PatternTester.run(pack.patterns)
            for failure in report.failures { printError(failure.description) }
            print("\(report.rules) rules, \(report.examples) examples, \(report.failures.count) failures")
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print one rule set as the single PCRE2 pattern Isnad scans with (for pcre2grep).")
        @OptionGroup var patterns: PatternOptions
        @Argument(help: "The set to print (cue, comp, …).") var set: String = "cue"

        func run() throws {
            let pack = try patterns.load()
            guard let ruleSet = pack.patterns[set] else {
                printError("error: no set '\(set)'; sets: \(pack.patterns.sets.keys.sorted().joined(separator: ", "))")
                throw ExitCode(2)
            }
            print(ruleSet.combinedSource)
        }
    }
}
