import SitrepCore

/// Ties each quantity to the event it describes, where there is one: "35
/// killed" to the attack in its clause, "1,200 soldiers" to the deployment,
/// "$2 billion in aid" to the promise of aid.
///
/// A quantity inside an event's source or target ("Police arrested 12
/// protesters": the 12 are the target) belongs to that event. Otherwise a
/// quantity is linked only when what it counts has a class
/// (``QuantityEventKindData``: casualties, forces, detentions, crowds,
/// money) and an event of a matching CAMEO root covers it (the event's clause
/// or sentence contains the quantity); among several, the one whose trigger
/// is nearest. Other quantities ("five points", "40 percent") and counts with
/// no matching event stay unlinked: a death toll is never pinned on the
/// "said" of the sentence that reports it.
struct QuantityEventLinker {
    /// Class name by counted word.
    private let classOfWord: [String: Int]
    private let roots: [Set<String>]
    private let moneyClass: Int

    static let shared = QuantityEventLinker()

    init() {
        var classOfWord: [String: Int] = [:]
        var roots: [Set<String>] = []
        var moneyClass = 0
        for (index, entry) in QuantityEventKindData.classes.enumerated() {
            for word in entry.words { classOfWord[word] = index }
            roots.append(Set(entry.roots))
            if entry.name == QuantityEventKindData.moneyClass { moneyClass = index }
        }
        self.classOfWord = classOfWord
        self.roots = roots
        self.moneyClass = moneyClass
    }

    /// The class of a quantity: by its currency, else by the last word of what
    /// it counts that has one ("people killed" -> casualties).
    func countedClass(_ quantity: Quantity) -> Int? {
        if let unit = quantity.unit, QuantityEventKindData.currencies.contains(unit) { return moneyClass }
        guard let of = quantity.of?.lowercased() else { return nil }
        for word in of.split(separator: " ").reversed() {
            if let found = classOfWord[String(word)] { return found }
        }
        return nil
    }

    /// Sets ``SitrepCore/Quantity/event`` on each quantity of `quantities`.
    func link(_ quantities: inout [Quantity], events: [Event]) {
        guard !events.isEmpty, !quantities.isEmpty else { return }
        let eventRoots = events.map { String($0.code.prefix(2)) }
        for q in quantities.indices {
            let span = quantities[q].span
            func inside(_ argument: EventArgument?) -> Bool {
                guard let outer = argument?.span else { return false }
                return outer.start <= span.start && span.end <= outer.end
            }
            if let e = events.firstIndex(where: { inside($0.source) || inside($0.target) }) {
                quantities[q].event = e
                continue
            }
            guard let kind = countedClass(quantities[q]) else { continue }
            var best: (index: Int, distance: Int)? = nil
            for (e, event) in events.enumerated() {
                guard event.span.start <= span.start, span.end <= event.span.end,
                      roots[kind].contains(eventRoots[e]) else { continue }
                let trigger = event.evidence.first ?? event.span
                let distance = trigger.end <= span.start ? span.start - trigger.end : max(0, trigger.start - span.end)
                if best == nil || distance < best!.distance { best = (e, distance) }
            }
            quantities[q].event = best?.index
        }
    }
}
