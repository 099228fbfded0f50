import Testing
@testable import SitrepStages

@Suite struct EntityViterbiTests {
    static func decode(_ emissions: [Int32], _ transitions: [Int32], count: Int) -> [EntityLabel] {
        var labels: [EntityLabel] = [], back: [UInt8] = []
        emissions.withUnsafeBufferPointer { emissions in
            transitions.withUnsafeBufferPointer { transitions in
                Viterbi.decode(emissions, transitions, count: count, into: &labels, backpointers: &back)
            }
        }
        return labels
    }

    static func score(_ path: [Int], _ emissions: [Int32], _ transitions: [Int32]) -> Int32 {
        var total: Int32 = 0
        var prev = Viterbi.startRow
        for (position, label) in path.enumerated() {
            total += transitions[prev * 9 + label] + emissions[position * 9 + label]
            prev = label
        }
        return total
    }

    static func valid(_ path: [Int]) -> Bool {
        var prev: EntityLabel? = nil
        for raw in path {
            let label = EntityLabel(rawValue: UInt8(raw))!
            if !label.canFollow(prev) { return false }
            prev = label
        }
        return true
    }

    @Test func neverStartsWithInside() {
        var emissions = [Int32](repeating: 0, count: 9)
        emissions[Int(EntityLabel.insidePerson.rawValue)] = 100
        emissions[Int(EntityLabel.beginPerson.rawValue)] = 10
        let labels = Self.decode(emissions, [Int32](repeating: 0, count: Viterbi.transitionCount), count: 1)
        #expect(labels == [.beginPerson])
    }

    @Test func transitionsCanOverrideEmissions() {
        var emissions = [Int32](repeating: 0, count: 18)
        emissions[Int(EntityLabel.beginPerson.rawValue)] = 10
        emissions[9 + Int(EntityLabel.outside.rawValue)] = 5
        emissions[9 + Int(EntityLabel.insidePerson.rawValue)] = 4
        var transitions = [Int32](repeating: 0, count: Viterbi.transitionCount)
        #expect(Self.decode(emissions, transitions, count: 2) == [.beginPerson, .outside])
        transitions[Int(EntityLabel.beginPerson.rawValue) * 9 + Int(EntityLabel.insidePerson.rawValue)] = 3
        #expect(Self.decode(emissions, transitions, count: 2) == [.beginPerson, .insidePerson])
    }

    @Test(arguments: 0..<20)
    func matchesExhaustiveSearch(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let count = 3
        let emissions = (0..<(count * 9)).map { _ in Int32(random.next() % 41) - 20 }
        let transitions = (0..<Viterbi.transitionCount).map { _ in Int32(random.next() % 21) - 10 }
        let decoded = Self.decode(emissions, transitions, count: count).map { Int($0.rawValue) }
        var best = Int32.min
        for a in 0..<9 { for b in 0..<9 { for c in 0..<9 where Self.valid([a, b, c]) {
            best = max(best, Self.score([a, b, c], emissions, transitions))
        } } }
        #expect(Self.valid(decoded))
        #expect(Self.score(decoded, emissions, transitions) == best)
    }

    @Test func emptySentence() {
        #expect(Self.decode([], [Int32](repeating: 0, count: Viterbi.transitionCount), count: 0).isEmpty)
    }
}
