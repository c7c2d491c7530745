extension PatternTester {
    /// Runs the examples of one rule only (the test suite runs each rule as its own test case).
    public static func run(_ patterns: PatternSet, ruleID: String) -> Report {
        run(patterns, only: [ruleID])
    }
}
