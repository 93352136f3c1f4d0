import Testing

@testable import MLCore

@Suite struct SeededGeneratorTests {
    @Test func sameSeedGivesSameSequence() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
    }

    @Test func streamsAreIndependentOfEachOther() {
        var a = SeededGenerator(seed: 7, stream: 1), b = SeededGenerator(seed: 7, stream: 2)
        #expect(a.next() != b.next())
    }

    /// Neighbouring streams must not be shifted copies (they were: stream s + 1 was stream s one draw later,
    /// which made a forest's bootstrap samples nearly identical).
    @Test func neighbouringStreamsDoNotOverlap() {
        for seed: UInt64 in [0, 42] {
            for stream: UInt64 in [0, 1, 7] {
                var a = SeededGenerator(seed: seed, stream: stream), b = SeededGenerator(seed: seed, stream: stream + 1)
                let first = Set((0..<10_000).map { _ in a.next() })
                #expect(
                    (0..<100).allSatisfy { _ in !first.contains(b.next()) },
                    "seed \(seed), streams \(stream), \(stream + 1)")
            }
        }
    }

    @Test func unitDrawsAreUniformEnough() {
        var g = SeededGenerator(seed: 1)
        let draws = (0..<100_000).map { _ in g.nextUnit() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        #expect(abs(mean - 0.5) < 0.01)
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
    }
}
