import ArgumentParser
struct Extract: ParsableCommand {
    func run() throws {}
}
