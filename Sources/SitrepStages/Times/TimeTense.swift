/// Tense of the clause around a time expression.
///
/// With the syntax layer, the governing verb's tense comes from the parse
/// (``TimeClauseTense``). Without it, or when the parse gives no cue, the
/// heuristic looks, outward from
/// the expression and at most ``TimeTense/window`` tokens away inside the
/// sentence, for the nearest cue of ``TimeWords/futureCues`` (will, 'll,
/// would, going to, next, ...) or ``TimeWords/pastCues`` (was, were, had,
/// said, last, ago, irregular past forms), or a lowercase word of five or more
/// letters ending in "-ed" (not in ``TimeWords/notPast``). At equal distance
/// the left side wins: the governing verb of "said Friday" or "will meet
/// Friday" usually comes first. No cue: `.none`.
enum TimeTense: Sendable, Equatable {
    case past, future, none

    /// Farthest token the heuristic inspects, on each side. Twelve tokens
    /// covers "said on Monday that the talks would resume Friday" without
    /// reaching into the next clause of a long sentence too often.
    static let window = 12
}

extension TimeTagger {
    /// The tense of the clause around tokens `[first, last)` of the current
    /// sentence: the governing verb's, from the parse when there is one
    /// (``TimeClauseTense``), else the nearest tense cue.
    ///
    /// A deadline word before the expression (``TimeWords/deadlineCues``:
    /// "postponed until Tuesday") points forward unless the clause is in the
    /// past perfect; a possessive ("until Friday's vote") is left to the verb.
    func tense(around first: Int, _ last: Int) -> TimeTense {
        let reading = clauseTense?.reading(first, last)
        if let cue = deadlineCue(before: first), !(last < sentenceEnd && toks[last].hash == k.apostropheS) {
            let pluperfect = reading?.pluperfect ?? hasPastPerfect(first, last)
            let isBy = cue.count == 1 && cue[0] == k.by
            if !pluperfect && !(isBy && (reading?.tense ?? nearestTenseCue(first, last)) == .past) { return .future }
        }
        if let tense = reading?.tense { return tense }
        return nearestTenseCue(first, last)
    }

    /// The deadline cue that ends just before token `first`, if any.
    private func deadlineCue(before first: Int) -> [UInt64]? {
        guard first > sentenceStart else { return nil }
        // A cue ends with the word before the expression: its last word is
        // compared first, and most cues stop there.
        let before = toks[first - 1].hash
        guard lexicon.deadlineLastWords.contains(before) else { return nil }
        for cue in lexicon.deadlineCues where cue[cue.count - 1] == before && first - cue.count >= sentenceStart {
            if cue.indices.allSatisfy({ toks[first - cue.count + $0].hash == cue[$0] }) { return cue }
        }
        return nil
    }

    /// Without a parse: "had" within the tense window before the expression.
    private func hasPastPerfect(_ first: Int, _ last: Int) -> Bool {
        (max(sentenceStart, first - TimeTense.window)..<first).contains { toks[$0].hash == k.had }
    }

    /// The tense cue nearest to tokens `[first, last)` of the current sentence.
    func nearestTenseCue(_ first: Int, _ last: Int) -> TimeTense {
        var d = 1
        while d <= TimeTense.window {
            let left = first - d, right = last - 1 + d
            if left >= sentenceStart, let t = cue(left) { return t }
            if right < sentenceEnd, let t = cue(right) { return t }
            if left < sentenceStart && right >= sentenceEnd { break }
            d += 1
        }
        return .none
    }

    private func cue(_ k: Int) -> TimeTense? {
        let tok = toks[k]
        if lexicon.futureCues.contains(tok.hash) { return .future }
        if lexicon.pastCues.contains(tok.hash) { return .past }
        // A regular past form: lowercase, at least five bytes, ends in "ed".
        let n = tok.end - tok.start
        if n >= 5, !tok.isCapitalized, bytes[tok.end - 1] == 0x64, bytes[tok.end - 2] == 0x65,
           bytes[tok.start] >= 0x61, bytes[tok.start] <= 0x7A, !lexicon.notPast.contains(tok.hash) {
            return .past
        }
        return nil
    }
}
