@testable import SitrepStages

/// A tiny fictional treebank (Ruritanian news), written for these tests, in CoNLL-U.
enum SyntaxFixtures {
    static let treebank = """
    # sent_id = r1
    # text = Ruritania expelled two diplomats.
    1\tRuritania\tRuritania\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
    2\texpelled\texpel\tVERB\tVBD\t_\t0\troot\t_\t_
    3\ttwo\ttwo\tNUM\tCD\t_\t4\tnummod\t_\t_
    4\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t2\tobj\t_\tSpaceAfter=No
    5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

    # sent_id = r2
    # text = The army struck the border town on Tuesday.
    1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
    2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_
    3\tstruck\tstrike\tVERB\tVBD\t_\t0\troot\t_\t_
    4\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
    5\tborder\tborder\tNOUN\tNN\t_\t6\tcompound\t_\t_
    6\ttown\ttown\tNOUN\tNN\t_\t3\tobj\t_\t_
    7\ton\ton\tADP\tIN\t_\t8\tcase\t_\t_
    8\tTuesday\tTuesday\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No
    9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

    # sent_id = r3
    # text = Officials said the talks failed.
    1\tOfficials\tofficial\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
    2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
    3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
    4\ttalks\ttalk\tNOUN\tNNS\t_\t5\tnsubj\t_\t_
    5\tfailed\tfail\tVERB\tVBD\t_\t2\tccomp\t_\tSpaceAfter=No
    6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

    # sent_id = r4
    # text = Rebels didn't attack the capital.
    1\tRebels\trebel\tNOUN\tNNS\t_\t4\tnsubj\t_\t_
    2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
    2\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
    3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
    4\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\t_
    5\tthe\tthe\tDET\tDT\t_\t6\tdet\t_\t_
    6\tcapital\tcapital\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No
    7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

    # sent_id = r5
    # text = Two diplomats were expelled by Ruritania.
    1\tTwo\ttwo\tNUM\tCD\t_\t2\tnummod\t_\t_
    2\tdiplomats\tdiplomat\tNOUN\tNNS\t_\t4\tnsubj:pass\t_\t_
    3\twere\tbe\tAUX\tVBD\t_\t4\taux:pass\t_\t_
    4\texpelled\texpel\tVERB\tVBN\t_\t0\troot\t_\t_
    5\tby\tby\tADP\tIN\t_\t6\tcase\t_\t_
    6\tRuritania\tRuritania\tPROPN\tNNP\t_\t4\tobl:agent\t_\tSpaceAfter=No
    7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_


    """

    static var sentences: [SyntaxSentence] { try! CoNLLU.read(treebank, file: "fixture") }

    /// Settings small enough for a unit test.
    static var settings: SyntaxTrainer.Settings {
        var settings = SyntaxTrainer.Settings()
        settings.tagEpochs = 10
        settings.parseEpochs = 10
        settings.tagBits = 12
        settings.actionBits = 12
        settings.labelBits = 12
        settings.folds = 0
        settings.beam = 1
        settings.members = 1
        return settings
    }

    /// A small cluster table in the format of `scripts/word-clusters.py --lowercase`:
    /// verbs of acting share a fine cluster, country names another.
    static let clusterTSV = """
    # word clusters for the syntax tests
    ruritania\t1\t10\t100
    borduria\t1\t10\t100
    expelled\t2\t20\t200
    struck\t2\t20\t200
    attack\t2\t21\t201
    diplomats\t3\t30\t300
    0000\t4\t40\t400

    """

    static var clusters: [UInt64: UInt64] { try! SyntaxClusters.table(tsv: clusterTSV) }

    /// A model trained on the fixture (trained once per process).
    static let model: SyntaxModel = SyntaxTrainer.train(sentences, clusters: clusters, settings: settings)

    /// How well `annotator` tags and parses the tiny treebank it was trained on: the
    /// share of right UPOS tags and of right heads, and whether every sentence got
    /// exactly one root word.
    static func accuracy(_ annotator: SyntaxAnnotator) -> (tags: Double, heads: Double, oneRootEach: Bool) {
        var tags = 0, heads = 0, total = 0, oneRootEach = true
        for gold in sentences {
            let result = annotator.annotate(forms: gold.forms)
            tags += zip(result.upos, gold.upos).filter { $0 == $1 }.count
            heads += zip(result.heads, gold.heads).filter { $0 == $1 }.count
            total += gold.count
            if result.heads.filter({ $0 == -1 }).count != 1 { oneRootEach = false }
        }
        return (Double(tags) / Double(total), Double(heads) / Double(total), oneRootEach)
    }
}
