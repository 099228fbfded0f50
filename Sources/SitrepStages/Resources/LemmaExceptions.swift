/// Hand-written lemma exceptions for English, used by ``Lemmatizer`` before its suffix
/// rules: irregular verb forms, irregular plurals and pronoun case forms. Keys are
/// lowercased forms. Learned exceptions in the syntax model (from treebank lemmas)
/// are consulted first; this table covers words the treebanks lack.
enum LemmaExceptions {
    /// Irregular past tenses and participles (VBD, VBN) to the base form.
    static let verbs: [String: String] = {
        var table: [String: String] = [:]
        let rows = """
        arose arisen arise|awoke awoken awake|was were been be|bore borne bear|beat beaten beat|became become|began begun begin|bent bend|\
        bet bet|bid bid|bound bind|bit bitten bite|bled bleed|blew blown blow|broke broken break|bred breed|brought bring|\
        built build|burnt burn|burst burst|bought buy|cast cast|caught catch|chose chosen choose|clung cling|came come|cost cost|\
        crept creep|cut cut|dealt deal|dug dig|did done do|drew drawn draw|dreamt dream|drank drunk drink|drove driven drive|\
        ate eaten eat|fell fallen fall|fed feed|felt feel|fought fight|found find|fled flee|flung fling|flew flown fly|\
        forbade forbidden forbid|forgot forgotten forget|forgave forgiven forgive|froze frozen freeze|got gotten get|gave given give|\
        went gone go|ground grind|grew grown grow|hung hang|had have|heard hear|hid hidden hide|hit hit|held hold|hurt hurt|\
        kept keep|knelt kneel|knew known know|laid lay|led lead|leapt leap|left leave|lent lend|let let|lay lain lie|lit light|\
        lost lose|made make|meant mean|met meet|paid pay|put put|quit quit|read read|rode ridden ride|rang rung ring|rose risen rise|\
        ran run|said say|saw seen see|sought seek|sold sell|sent send|set set|shook shaken shake|shed shed|shone shine|shot shoot|\
        showed shown show|shrank shrunk shrink|shut shut|sang sung sing|sank sunk sink|sat sit|slept sleep|slid slide|slung sling|\
        spoke spoken speak|sped speed|spent spend|spun spin|spat spit|split split|spread spread|sprang sprung spring|stood stand|\
        stole stolen steal|stuck stick|stung sting|stank stink|struck stricken strike|strove striven strive|swore sworn swear|\
        swept sweep|swam swum swim|swung swing|took taken take|taught teach|tore torn tear|told tell|thought think|threw thrown throw|\
        thrust thrust|trod trodden tread|understood understand|undertook undertaken undertake|upset upset|woke woken wake|\
        wore worn wear|wove woven weave|wept weep|won win|wound wind|withdrew withdrawn withdraw|wrote written write|\
        overthrew overthrown overthrow|overtook overtaken overtake|oversaw overseen oversee|mistook mistaken mistake|\
        foresaw foreseen foresee|beset beset|broadcast broadcast|forecast forecast|shrugged shrug|fled flee|slew slain slay
        """
        for row in rows.split(separator: "|") {
            let words = row.split(separator: " ").map(String.init)
            for form in words.dropLast() { table[form] = words.last! }
        }
        for (form, lemma) in [("is", "be"), ("am", "be"), ("are", "be"), ("'s", "be"), ("'m", "be"), ("'re", "be"), ("being", "be"),
                              ("has", "have"), ("'ve", "have"), ("having", "have"), ("does", "do"), ("doing", "do"),
                              ("goes", "go"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("'ll", "will"),
                              ("ca", "can"), ("wo", "will"), ("n't", "not"), ("could", "could"), ("would", "would")] {
            table[form] = lemma
        }
        return table
    }()

    /// Irregular noun plurals (NNS) to the singular.
    static let nouns: [String: String] = [
        "men": "man", "women": "woman", "children": "child", "people": "person", "feet": "foot", "teeth": "tooth",
        "mice": "mouse", "geese": "goose", "lives": "life", "wives": "wife", "knives": "knife", "leaves": "leaf",
        "halves": "half", "selves": "self", "thieves": "thief", "wolves": "wolf", "shelves": "shelf", "loaves": "loaf",
        "crises": "crisis", "analyses": "analysis", "theses": "thesis", "diagnoses": "diagnosis", "criteria": "criterion",
        "phenomena": "phenomenon", "data": "data", "media": "media", "series": "series", "species": "species",
        "news": "news", "police": "police", "troops": "troops", "arms": "arms", "forces": "force", "gentlemen": "gentleman",
        "policemen": "policeman", "spokesmen": "spokesman", "businessmen": "businessman", "countrymen": "countryman",
    ]

    /// Pronoun case forms (PRP, PRP$) to the nominative, as UD English lemmatizes them.
    static let pronouns: [String: String] = [
        "me": "I", "i": "I", "my": "my", "mine": "my", "him": "he", "his": "he", "her": "she", "hers": "she",
        "us": "we", "our": "we", "ours": "we", "them": "they", "their": "they", "theirs": "they",
        "its": "it", "your": "you", "yours": "you", "myself": "myself", "themselves": "themselves",
    ]

    /// Comparative and superlative adjectives and adverbs that no rule covers.
    static let degrees: [String: String] = [
        "better": "good", "best": "good", "worse": "bad", "worst": "bad", "more": "more", "most": "most",
        "less": "less", "least": "least", "further": "far", "furthest": "far", "farther": "far", "farthest": "far",
        "elder": "old", "eldest": "old",
    ]
}
