import Testing
import SitrepCore
@testable import SitrepStages

@Suite struct EntityFeatureTests {
    static let lexicon = try! EntityFixtures.lexicon()

    static func describe(_ sentences: [[String]]) -> [TokenInfo] {
        EntityFeatures.describe(EntityInput(sentences: sentences), lexicon: lexicon)
    }

    @Test func fnvMatchesTheReferenceVectors() {
        // FNV-1a 64 test vectors: "" and "a". Model files depend on this hash.
        #expect(FeatureHash.fnv([UInt8]()) == 0xCBF2_9CE4_8422_2325)
        #expect(FeatureHash.fnv(Array("a".utf8)) == 0xAF63_DC4C_8601_EC8C)
        #expect(FeatureHash.string("a") != 0)
    }

    @Test(arguments: [
        ("Ruritania", Casing.title), ("NATO", .upper), ("said", .lower), ("1996", .none),
        ("eBay", .lower), ("1st", .lower), ("McKinley", .title), ("A", .upper), ("Zürich", .title), ("-", .none),
    ])
    func casing(_ word: String, _ expected: Casing) {
        #expect(Self.describe([[word]])[0].casing == expected)
    }

    @Test func sentenceFlags() {
        let infos = Self.describe([["RURITANIA", "EXPELS", "ENVOYS"], ["Officials", "in", "Ruritania", "said", "."]])
        #expect(infos.map(\.sentenceInitial) == [true, false, false, true, false, false, false, false])
        #expect(infos.map(\.capsSentence) == [true, true, true, false, false, false, false, false])
    }

    @Test func oneCapitalWordIsNotAHeadline() {
        let infos = Self.describe([["NATO", "1996", "."]])
        #expect(infos.allSatisfy { !$0.capsSentence })
    }

    @Test func gazetteerMarksPhrasesFromCapitalizedStarts() {
        let infos = Self.describe([["Troops", "left", "New", "Ruritania", "for", "Zenda", "."], ["new", "ruritania", "zenda"]])
        let country = GazetteerCategory.country.mask, city = GazetteerCategory.bigCity.mask
        #expect(infos[2].gazetteerBegin == country)
        #expect(infos[3].gazetteerInside == country)
        #expect(infos[3].gazetteerBegin == 0)
        #expect(infos[5].gazetteerBegin == city)
        #expect(infos[0].gazetteerBegin == 0 && infos[1].gazetteerBegin == 0)
        // Lowercase words never start a match.
        #expect(infos[7...].allSatisfy { $0.gazetteerBegin == 0 && $0.gazetteerInside == 0 })
    }

    @Test func clustersFallBackToTitleCaseAndLowercase() {
        let infos = Self.describe([["Ruritania", "RURITANIA", "Said", "Unknownia"]])
        #expect(EntityFeatures.cluster1024(infos[0].clusters) == 300)
        #expect(EntityFeatures.cluster1024(infos[1].clusters) == 300)
        #expect(EntityFeatures.cluster1024(infos[2].clusters) == 500)
        #expect(infos[3].clusters == EntityLexicon.noCluster)
    }

    @Test func affixesAndShapesIgnoreTheRestOfTheText() {
        let a = Self.describe([["Kovacs", "spoke"]]), b = Self.describe([["the", "Kovacs"]])
        #expect(a[0].word == b[1].word)
        #expect(a[0].suffixes == b[1].suffixes)
        #expect(a[0].prefixes == b[1].prefixes)
        #expect(a[0].shapeShort == b[1].shapeShort)
        #expect(a[0].word != a[1].word)
        #expect(a[0].shapeShort != a[1].shapeShort)
        #expect(a[0].lower == Self.describe([["KOVACS"]])[0].lower)
    }

    @Test func rowsAreInRangeAndDependOnNeighbours() {
        let features = EntityFeatures(bits: 12)
        func rows(_ sentence: [String], _ index: Int) -> [Int32] {
            let infos = Self.describe([sentence])
            var rows: [Int32] = []
            infos.withUnsafeBufferPointer { infos in
                features.baseRows(infos, index, 0..<sentence.count, EntityFeatures.documentCasing(Array(infos)), into: &rows)
            }
            return rows
        }
        let a = rows(["Officials", "in", "Zenda", "said"], 2)
        #expect(a.count > 30)
        #expect(a.allSatisfy { $0 >= 0 && $0 < 1 << 12 })
        #expect(a == rows(["Officials", "in", "Zenda", "said"], 2))
        let b = rows(["Officials", "from", "Zenda", "said"], 2)
        #expect(a != b)
        #expect(Set(a).intersection(b).count > a.count / 2)
    }

    @Test func documentCasingRecordsOtherSpellings() {
        let infos = Self.describe([["KOVACS", "WINS"], ["Later", "Kovacs", "said", "wins", "count"]])
        let casing = EntityFeatures.documentCasing(infos)
        #expect(casing[infos[0].lower]! & 2 != 0)    // "Kovacs" mid-sentence
        #expect(casing[infos[1].lower]! & 1 != 0)    // "wins" in lowercase
        #expect(casing[infos[0].lower]! & 1 == 0)
    }

    @Test(arguments: [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0..<2, EntityType.person), (3..<4, .location)]),
        (["I-ORG", "I-ORG", "B-ORG"], [(0..<2, .organization), (2..<3, .organization)]),
        (["B-PER", "I-LOC", "O"], [(0..<1, .person), (1..<2, .location)]),
        (["O", "O"], []),
    ])
    func chunksFollowConllevalRules(_ tags: [String], _ expected: [(Range<Int>, EntityType)]) {
        let chunks = EntityLabel.chunks(tags.map { EntityLabel(tag: $0)! })
        #expect(chunks.map(\.range) == expected.map(\.0))
        #expect(chunks.map(\.type) == expected.map(\.1))
    }

    @Test func labelsRoundTripThroughTags() {
        for label in EntityLabel.allCases {
            #expect(EntityLabel(tag: label.description) == label)
        }
        #expect(EntityLabel(tag: "B-DATE") == nil)
        #expect(EntityLabel.insidePerson.canFollow(.beginPerson))
        #expect(!EntityLabel.insidePerson.canFollow(.beginLocation))
        #expect(!EntityLabel.insidePerson.canFollow(nil))
    }
}
