/// Both stages' weights in the form the tagger reads at run time: only the rows of the
/// hashed table that have a non-zero weight, found through a rank index.
///
/// A perceptron only ever updates the features it got wrong, so about 3% of the 2^21
/// rows are non-zero. Storing them densely (`values`, 18 weights per row: the first
/// stage's nine, then the second's) keeps the hot data at a few megabytes, which fits in
/// the last-level cache, instead of 72 MiB of mostly zeros. A row's position is
/// `ranks[row / 64] + popcount(occupied[row / 64] & lowerBits)`; a feature whose row is
/// empty costs one bit test.
///
/// - Complexity: O(1) per feature; 0.19 bytes per table row for the index.
struct CompactWeights: Sendable, Equatable {
    /// log2 of the hashed table's rows.
    let bits: Int
    /// One bit per table row: set when the row has a non-zero weight in either stage.
    private(set) var occupied: [UInt64]
    /// Stored rows before each word of ``occupied``.
    private(set) var ranks: [UInt32]
    /// Stored rows x 18 weights, then one all-zero row.
    private(set) var values: [Int16]
    /// Transitions of the two stages (``Viterbi/transitionCount`` each).
    let firstTransitions: [Int32]
    let secondTransitions: [Int32]

    static let width = EntityLabel.count
    static let stride = 2 * EntityLabel.count

    /// One stage's non-zero rows: ascending row indexes and their 9 weights each.
    struct SparseStage: Equatable {
        var rows: [UInt32] = []
        var weights: [Int16] = []
        var transitions: [Int32]
    }

    /// Builds the index from the two stages' sparse rows.
    init(bits: Int, first: SparseStage, second: SparseStage) {
        precondition(first.weights.count == first.rows.count * Self.width && second.weights.count == second.rows.count * Self.width,
                     "nine weights per stored row")
        self.bits = bits
        firstTransitions = first.transitions
        secondTransitions = second.transitions
        occupied = Array(repeating: 0, count: max(1, (1 << bits) / 64))
        values = []
        values.reserveCapacity((first.rows.count + second.rows.count) * Self.width)
        var a = 0, b = 0
        let zeros = [Int16](repeating: 0, count: Self.width)
        while a < first.rows.count || b < second.rows.count {
            let rowA = a < first.rows.count ? first.rows[a] : .max, rowB = b < second.rows.count ? second.rows[b] : .max
            let row = min(rowA, rowB)
            precondition(Int(row) < 1 << bits, "row \(row) outside a table of 2^\(bits) rows")
            occupied[Int(row) >> 6] |= 1 << UInt64(row & 63)
            if rowA == row {
                values.append(contentsOf: first.weights[(a * Self.width)..<((a + 1) * Self.width)])
                a += 1
            } else {
                values.append(contentsOf: zeros)
            }
            if rowB == row {
                values.append(contentsOf: second.weights[(b * Self.width)..<((b + 1) * Self.width)])
                b += 1
            } else {
                values.append(contentsOf: zeros)
            }
        }
        // The all-zero row that empty features read (see score(_:first:second:)).
        values.append(contentsOf: [Int16](repeating: 0, count: Self.stride))
        ranks = []
        ranks.reserveCapacity(occupied.count)
        var total: UInt32 = 0
        for word in occupied {
            ranks.append(total)
            total += UInt32(word.nonzeroBitCount)
        }
    }

    /// Builds the index from two flat tables (after training).
    init(first: WeightTable, second: WeightTable) {
        precondition(first.rowCount == second.rowCount && first.rowCount.nonzeroBitCount == 1, "two tables of 2^bits rows")
        func sparse(_ table: WeightTable) -> SparseStage {
            var stage = SparseStage(transitions: table.transitions)
            for row in 0..<table.rowCount {
                let slice = table.weights[(row * Self.width)..<((row + 1) * Self.width)]
                if slice.contains(where: { $0 != 0 }) {
                    stage.rows.append(UInt32(row))
                    stage.weights.append(contentsOf: slice)
                }
            }
            return stage
        }
        self.init(bits: first.rowCount.trailingZeroBitCount, first: sparse(first), second: sparse(second))
    }

    /// Number of stored rows (without the final all-zero row).
    var storedRows: Int { values.count / Self.stride - 1 }

    /// One stage's non-zero rows (for writing model files).
    func sparseStage(_ stage: Int) -> SparseStage {
        var result = SparseStage(transitions: stage == 0 ? firstTransitions : secondTransitions)
        var index = 0
        for (wordIndex, word) in occupied.enumerated() {
            var remaining = word
            while remaining != 0 {
                let row = UInt32(wordIndex * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
                let slice = values[(index * Self.stride + stage * Self.width)..<(index * Self.stride + (stage + 1) * Self.width)]
                if slice.contains(where: { $0 != 0 }) {
                    result.rows.append(row)
                    result.weights.append(contentsOf: slice)
                }
                index += 1
            }
        }
        return result
    }

    /// Adds the weights of `rows` to both stages' scores of one token (9 values each);
    /// with `firstScores == nil`, to the second stage only.
    ///
    /// The loop has no data-dependent branch: a feature whose row is empty reads the
    /// all-zero row stored last, so the processor can overlap the cache misses of
    /// successive features. The first 16 of a row's 18 weights are added as one vector.
    @inline(__always)
    func score(_ rows: UnsafeBufferPointer<Int32>, first firstScores: UnsafeMutablePointer<Int32>?,
               second secondScores: UnsafeMutablePointer<Int32>) {
        var low = SIMD16<Int32>(repeating: 0)
        var high16: Int32 = 0, high17: Int32 = 0
        occupied.withUnsafeBufferPointer { occupied in
            ranks.withUnsafeBufferPointer { ranks in
                values.withUnsafeBufferPointer { values in
                    let base = UnsafeRawPointer(values.baseAddress!)
                    let empty = values.count / Self.stride - 1
                    for row in rows {
                        let word = Int(row) >> 6
                        let bit = UInt64(1) << UInt64(row & 63)
                        let mask = occupied[word]
                        let rank = Int(ranks[word]) + (mask & (bit &- 1)).nonzeroBitCount
                        let index = mask & bit != 0 ? rank : empty
                        let w = base + index &* (Self.stride * 2)
                        low &+= SIMD16<Int32>(truncatingIfNeeded: w.loadUnaligned(as: SIMD16<Int16>.self))
                        high16 &+= Int32(w.loadUnaligned(fromByteOffset: 32, as: Int16.self))
                        high17 &+= Int32(w.loadUnaligned(fromByteOffset: 34, as: Int16.self))
                    }
                }
            }
        }
        if let firstScores {
            for label in 0..<Self.width { firstScores[label] &+= low[label] }
        }
        for label in 0..<7 { secondScores[label] &+= low[Self.width + label] }
        secondScores[7] &+= high16
        secondScores[8] &+= high17
    }
}
