import Testing
@testable import SitrepInputs

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func read(_ xml: String, origin: String = "feed.xml") throws(InputFormatError) -> Feed {
    try FeedReader.read(Array(xml.utf8), origin: origin)
}

private let rss2 = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
         xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
      <channel>
        <title>Ruritania  Herald</title>
        <link>https://herald.example/</link>
        <atom:link href="https://herald.example/feed" rel="self"/>
        <language>en-GB</language>
        <item>
          <title><![CDATA[Talks resume in Strelsau &amp; Zenda]]></title>
          <link>https://herald.example/2026/03/talks</link>
          <guid isPermaLink="false">herald-1234</guid>
          <pubDate>Tue, 03 Mar 2026 14:05:00 GMT</pubDate>
          <dc:creator>Anna Novak</dc:creator>
          <category>Politics</category>
          <category><![CDATA[Freedonia]]></category>
          <category>Politics</category>
          <description>Short teaser.</description>
          <content:encoded><![CDATA[<p>Officials in Ruritania said on Tuesday that talks would resume.</p><p>More &amp; more.</p>]]></content:encoded>
        </item>
        <item>
          <title>Border crossing reopens</title>
          <link>/2026/03/border</link>
          <pubDate>Wed, 4 Mar 2026 08:30 +0200</pubDate>
          <author>desk@herald.example (Desk Reporter)</author>
          <description>&lt;p&gt;The crossing at &lt;b&gt;Hentzau&lt;/b&gt; reopened.&lt;/p&gt;</description>
        </item>
        <item>
          <title>Weather: &amp;#8220;mild&amp;#8221; week ahead</title>
          <guid>https://herald.example/2026/03/weather</guid>
          <description>Mild days &amp; cool nights, with a 1 &lt; 2 chance of rain.</description>
        </item>
        <item>
          <link>https://herald.example/empty</link>
        </item>
      </channel>
    </rss>
    """

@Suite struct FeedReaderTests {
    @Test func readsRSS2WithCDATAContentEncoded() throws {
        let feed = try read(rss2)
        #expect(feed.format == .rss)
        #expect(feed.title == "Ruritania Herald")
        #expect(feed.link == "https://herald.example/")
        #expect(feed.language == "en-GB")
        #expect(feed.items.count == 3)  // the item with only a link is dropped

        let first = feed.items[0]
        #expect(first.id == "herald-1234")
        #expect(first.url == "https://herald.example/2026/03/talks")
        #expect(first.title == "Talks resume in Strelsau & Zenda")
        #expect(first.published == "2026-03-03T14:05:00Z")
        #expect(first.author == "Anna Novak")
        #expect(first.categories == ["Politics", "Freedonia"])
        #expect(first.content == .html("<p>Officials in Ruritania said on Tuesday that talks would resume.</p><p>More &amp; more.</p>"))
    }

    @Test func escapedHTMLDescriptionIsHTMLAndPlainOneIsText() throws {
        let feed = try read(rss2)
        let second = feed.items[1]
        #expect(second.content == .html("<p>The crossing at <b>Hentzau</b> reopened.</p>"))
        #expect(second.published == "2026-03-04T08:30:00+02:00")
        #expect(second.author == "Desk Reporter")
        #expect(second.url == "https://herald.example/2026/03/border")  // root-relative link resolved against the channel link
        #expect(second.id == "https://herald.example/2026/03/border")

        let third = feed.items[2]
        #expect(third.title == "Weather: \u{201C}mild\u{201D} week ahead")  // double-escaped references decoded
        #expect(third.content == .text("Mild days & cool nights, with a 1 < 2 chance of rain."))
        #expect(third.url == "https://herald.example/2026/03/weather")  // a permalink guid
        #expect(third.published == nil)
    }

    @Test func readsAtomWithHTMLAndXHTMLContent() throws {
        let feed = try read("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
              <title type="html">Le &lt;em&gt;Courrier&lt;/em&gt; de Zenda</title>
              <link rel="self" href="https://courrier.example/atom"/>
              <link href="https://courrier.example/"/>
              <author><name>Rédaction</name></author>
              <id>urn:uuid:feed</id>
              <entry>
                <title type="html">&lt;b&gt;Accord&lt;/b&gt; signé</title>
                <link rel="alternate" type="text/html" href="https://courrier.example/accord"/>
                <link rel="enclosure" href="https://courrier.example/accord.mp3"/>
                <id>tag:courrier.example,2026:accord</id>
                <published>2026-03-03T09:15:30.250+01:00</published>
                <updated>2026-03-03T10:00:00Z</updated>
                <category term="politique" label="Politique"/>
                <summary>Résumé court.</summary>
                <content type="html">&lt;p&gt;Le gouvernement a signé l'accord.&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>Analyse</title>
                <id>tag:courrier.example,2026:analyse</id>
                <updated>2026-03-04T07:00:00Z</updated>
                <author><name>Marie Dubois</name></author>
                <content type="xhtml">
                  <div xmlns="http://www.w3.org/1999/xhtml"><p>Une <a href="https://courrier.example/x?a=1&amp;b=2">analyse</a>.<br/>Fin &amp; suite.</p></div>
                </content>
              </entry>
              <entry>
                <title>Résumé seulement</title>
                <id>tag:courrier.example,2026:resume</id>
                <summary type="text">Un résumé.</summary>
                <content src="https://courrier.example/video.mp4" type="video/mp4"/>
              </entry>
            </feed>
            """)
        #expect(feed.format == .atom)
        #expect(feed.title == "Le Courrier de Zenda")
        #expect(feed.link == "https://courrier.example/")
        #expect(feed.language == "fr")
        #expect(feed.items.count == 3)

        let accord = feed.items[0]
        #expect(accord.id == "tag:courrier.example,2026:accord")
        #expect(accord.url == "https://courrier.example/accord")
        #expect(accord.title == "Accord signé")
        #expect(accord.published == "2026-03-03T09:15:30+01:00")  // published wins over updated
        #expect(accord.author == "Rédaction")  // inherited from the feed
        #expect(accord.categories == ["Politique"])
        #expect(accord.content == .html("<p>Le gouvernement a signé l'accord.</p>"))

        let analyse = feed.items[1]
        #expect(analyse.author == "Marie Dubois")
        #expect(analyse.published == "2026-03-04T07:00:00Z")
        #expect(analyse.content == .html(#"<p>Une <a href="https://courrier.example/x?a=1&amp;b=2">analyse</a>.<br>Fin &amp; suite.</p>"#))
        #expect(analyse.url == nil)

        #expect(feed.items[2].content == .text("Un résumé."))
    }

    @Test func readsRDFRSS10() throws {
        let feed = try read("""
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel rdf:about="https://gazette.example/rss">
                <title>Freedonia Gazette</title>
                <link>https://gazette.example/</link>
                <dc:language>en</dc:language>
                <items><rdf:Seq><rdf:li rdf:resource="https://gazette.example/1"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://gazette.example/1">
                <title>Parliament votes</title>
                <link>https://gazette.example/1</link>
                <description>The vote passed 51 to 49.</description>
                <dc:date>2026-03-02T18:00:00-05:00</dc:date>
                <dc:creator>J. Smith</dc:creator>
                <dc:creator>K. Jones</dc:creator>
                <dc:subject>Parliament</dc:subject>
              </item>
              <item rdf:about="https://gazette.example/2">
                <title>Dated only by day</title>
                <dc:date>2026-03-01</dc:date>
              </item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rdf)
        #expect(feed.title == "Freedonia Gazette")
        #expect(feed.language == "en")
        #expect(feed.items == [
            FeedItem(id: "https://gazette.example/1", url: "https://gazette.example/1", title: "Parliament votes",
                     published: "2026-03-02T18:00:00-05:00", author: "J. Smith, K. Jones",
                     content: .text("The vote passed 51 to 49."), categories: ["Parliament"]),
            FeedItem(id: "https://gazette.example/2", url: "https://gazette.example/2", title: "Dated only by day",
                     published: "2026-03-01", content: .empty),
        ])
    }

    @Test func decodesDeclaredISO88591() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf".utf8)
        bytes += [0xE9]  // é in Latin-1
        bytes += Array(" Zenda</title><item><title>Na".utf8) + [0xEF] + Array("ve r".utf8) + [0xE9] + Array("sum".utf8) + [0xE9]
        bytes += Array("</title><description>".utf8) + [0xA3] + Array("5 </description></item></channel></rss>".utf8)
        let feed = try FeedReader.read(bytes, origin: "latin1.xml")
        #expect(feed.title == "Café Zenda")
        #expect(feed.items.first?.title == "Naïve résumé")
        #expect(feed.items.first?.content == .text("£5"))
    }

    @Test func acceptsAnExternalDTDReferenceWithoutLoadingIt() throws {
        let feed = try read("""
            <?xml version="1.0"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title><item><title>Still read</title></item></channel></rss>
            """)
        #expect(feed.items.map(\.title) == ["Still read"])
    }

    @Test func entityDeclarationTextInsideCDATAIsNotMistakenForOne() throws {
        let feed = try read("""
            <rss version="2.0"><channel><item><title>On XXE</title>
            <description><![CDATA[<p>Attackers write <code>&lt;!ENTITY xxe SYSTEM "file:///etc/passwd"&gt;</code>.</p>]]></description>
            </item></channel></rss>
            """)
        #expect(feed.items.count == 1)
    }

    @Test func itemsWithoutIDsGetStableSyntheticOnes() throws {
        let xml = "<rss version=\"2.0\"><channel><item><title>No id</title><description>Body.</description></item></channel></rss>"
        let first = try read(xml, origin: "https://herald.example/feed")
        let again = try read(xml, origin: "https://herald.example/feed")
        let id = try #require(first.items.first?.id)
        #expect(id.hasPrefix("https://herald.example/feed#"))
        #expect(id.utf8.count == "https://herald.example/feed#".utf8.count + 16)
        #expect(again.items.first?.id == id)
    }
}

@Suite struct FeedSafetyTests {
    @Test func refusesXXEAndNeverReadsTheFile() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>
            """
        var caught: InputFormatError?
        do {
            let feed = try read(xml, origin: "xxe.xml")
            Issue.record("the feed was accepted: \(feed)")
        } catch {
            caught = error
        }
        #expect(caught == .entityDeclaration(origin: "xxe.xml", line: 2, name: "xxe"))
        #expect(!(caught?.description.contains("root:") ?? true))
    }

    /// A byte scan for `<!ENTITY` would miss this; the parser hook does not.
    @Test func refusesEntityDeclarationsInUTF16() {
        var bytes: [UInt8] = [0xFF, 0xFE]
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss>&xxe;</rss>"
        for unit in xml.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(throws: InputFormatError.entityDeclaration(origin: "utf16.xml", line: 1, name: "xxe")) { try FeedReader.read(bytes, origin: "utf16.xml") }
    }

    @Test func refusesParameterEntitiesAndUnparsedEntities() {
        let parameter = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % remote SYSTEM \"http://evil.example/x.dtd\"> %remote;]><rss/>"
        let unparsed = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!NOTATION gif SYSTEM \"image/gif\"><!ENTITY logo SYSTEM \"logo.gif\" NDATA gif>]><rss/>"
        #expect(throws: InputFormatError.entityDeclaration(origin: "feed.xml", line: 1, name: "remote")) { try read(parameter) }
        #expect(throws: InputFormatError.entityDeclaration(origin: "feed.xml", line: 1, name: "logo")) { try read(unparsed) }
    }

    @Test func refusesBillionLaughsQuickly() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        xml += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>"
        let clock = ContinuousClock()
        let started = clock.now
        #expect(throws: InputFormatError.entityDeclaration(origin: "feed.xml", line: 3, name: "lol")) { try read(xml) }
        #expect(clock.now - started < .seconds(1))
    }

    @Test func invalidXMLReportsItsLine() {
        let xml = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n<title>Broken</titel>\n</channel></rss>"
        var caught: InputFormatError?
        do { _ = try read(xml, origin: "broken.xml") } catch { caught = error }
        guard case .invalidXML(let origin, let line, let reason) = caught else {
            Issue.record("expected invalid XML, got \(String(describing: caught))")
            return
        }
        #expect(origin == "broken.xml")
        #expect(line == 4)
        #expect(reason.contains("titel") || reason.contains("mismatch"))
        #expect(caught?.description.hasPrefix("broken.xml:4: invalid XML: ") == true)
    }

    @Test func emptyAndBlankInputs() {
        #expect(throws: InputFormatError.empty(origin: "empty.xml")) { try FeedReader.read([], origin: "empty.xml") }
        #expect(throws: InputFormatError.self) { try FeedReader.read(Array("   \n".utf8), origin: "blank.xml") }
    }

    @Test func wellFormedNonFeedIsNotAFeed() {
        #expect(throws: InputFormatError.notAFeed(origin: "page.xhtml", root: "html")) {
            try FeedReader.read(Array("<html><body/></html>".utf8), origin: "page.xhtml")
        }
    }
}

@Suite struct FeedSniffTests {
    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- generator -->\n<?xml-stylesheet href=\"s.xsl\"?>\n<rss version=\"2.0\">", true),
        ("\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\">", true),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", true),
        ("<!DOCTYPE rss [<!ELEMENT rss ANY>]><rss>", true),
        ("<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">", true),
        ("<!DOCTYPE html><html><head>", false),
        ("{\"id\": \"a1\"}", false),
        ("", false),
        ("<rsstuff>", false),
    ])
    func sniffsTheRootElement(text: String, isFeed: Bool) {
        #expect(FeedReader.looksLikeFeed(Array(text.utf8)) == isFeed)
    }
}

@Suite struct FeedDateTests {
    @Test(arguments: [
        ("Tue, 03 Mar 2026 14:05:00 GMT", "2026-03-03T14:05:00Z"),
        ("Tue, 03 Mar 2026 14:05:00 +0200", "2026-03-03T14:05:00+02:00"),
        ("Tue, 3 Mar 2026 14:05 -0530", "2026-03-03T14:05:00-05:30"),
        ("03 Mar 2026 09:00:00 EST", "2026-03-03T09:00:00-05:00"),
        ("Tue, 03 Mar 26 09:00:00 PDT", "2026-03-03T09:00:00-07:00"),
        ("Tuesday, 03 March 2026 09:00:00 UT", "2026-03-03T09:00:00Z"),
        ("Tue, 03 Mar 2026 14:05:00 CEST", "2026-03-03T14:05:00+02:00"),
        ("Tue, 03 Mar 2026 14:05:00 +0100 (CET)", "2026-03-03T14:05:00+01:00"),
        ("Tue, 03 Mar 2026 14:05:00 -0000", "2026-03-03T14:05:00"),
        ("Tue, 03 Mar 2026 14:05:00 IST", "2026-03-03T14:05:00"),
        ("Tue, 03 Mar 2026 14:05:00", "2026-03-03T14:05:00"),
        ("Sun, 29 Feb 2032 00:00:00 GMT", "2032-02-29T00:00:00Z"),
        ("2026-03-03T14:05:00Z", "2026-03-03T14:05:00Z"),
        ("2026-03-03T14:05:00.123456+02:00", "2026-03-03T14:05:00+02:00"),
        ("2026-03-03t14:05:00z", "2026-03-03T14:05:00Z"),
        ("2026-03-03 14:05:00-0400", "2026-03-03T14:05:00-04:00"),
        ("2026-03-03T14:05+02:00", "2026-03-03T14:05:00+02:00"),
        (" 2026-03-03 ", "2026-03-03"),
    ])
    func parsesFeedDates(text: String, expected: String) {
        #expect(FeedDate.iso8601(text) == expected)
    }

    @Test(arguments: ["", "yesterday", "Tue, 31 Feb 2026 14:05:00 GMT", "Tue, 03 Foo 2026 14:05:00 GMT", "2026-13-01",
                      "2026-03-03T25:00:00Z", "2026-03-03T14:05:00+2", "Tue, 03 Mar 2026 14:05:00 +2500", "Sun, 29 Feb 2026 00:00:00 GMT"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(FeedDate.iso8601(text) == nil)
    }
}
