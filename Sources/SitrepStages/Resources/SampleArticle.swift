/// The built-in sample article: a page's text as a scraper returns it, one
/// block per line, with menus, a photo caption and credit, a byline, a date
/// line, subheads, "Read more" and advertisement slots, a newsletter box, app
/// badges, a tag list, related articles and a footer around and inside the
/// story.
///
/// This is an original text written for Sitrep. The event, the newspaper
/// ("The Meridian Post"), the reporters, officials and analysts quoted are
/// fictional; the places and the background facts are real. It exercises
/// dates (dateline, weekdays, "last month", explicit dates), places, direct
/// and indirect quotes with speakers, and numbers (casualties, troops, money).
///
/// Its expected extraction is kept in
/// `Tests/SitrepStagesTests/Fixtures/scraped/sample.expected.json`.
public enum SampleArticle {
    /// Stable identifier of the sample document.
    public static let id = "sample-meridian-2024-06-11"

    /// The date the page gives, `YYYY-MM-DD` (a Tuesday).
    public static let published = "2024-06-11"

    /// The scraped page text.
    public static let text = """
    The Meridian Post
    Skip to main content
    Menu
    World
    Middle East
    Europe
    Economy
    Opinion
    Video
    Subscribe
    Log in
    World › Middle East
    Turkish jets strike militant targets in northern Iraq; Baghdad summons ambassador
    Ankara says 14 fighters were killed in overnight raids, while Iraq calls the operation a breach of its sovereignty
    A Turkish Air Force F-16 takes off from the Incirlik air base in Adana province, southern Turkey, in a file photo.
    EMRE TASKIN / MERIDIAN PHOTO
    By Selin Arda in Ankara and Omar Haddad in Baghdad
    Published on Tuesday, June 11, 2024 at 09:40 GMT · Updated 11 June 2024 at 14:15 GMT
    Share
    Facebook
    X
    WhatsApp
    Copy link
    ANKARA/BAGHDAD, June 11 (Meridian) – Turkish warplanes struck what Ankara described as Kurdish militant hideouts in northern Iraq late on Monday, killing at least 14 fighters, Turkey’s defence ministry said on Tuesday, in the latest of a string of cross-border raids that have strained relations with Baghdad.
    The ministry said in a statement that the jets hit 22 targets, including caves, bunkers and ammunition depots, in the Qandil, Gara and Hakurk regions near the border with Iran. It said the operation was launched “in line with our right to self-defence” after an attack on a border outpost in Hakkari province last month killed three Turkish soldiers.
    “Our operations will continue until the last terrorist is neutralised,” ministry spokesman Kerem Aydin told reporters at a weekly briefing in Ankara, adding that all aircraft had returned safely to their bases.
    Read more: Iraq and Turkey agree to set up a joint security committee
    Ambassador summoned
    Iraq’s foreign ministry summoned the Turkish ambassador on Tuesday afternoon and handed him a formal protest note, calling the strikes “a flagrant violation of Iraqi sovereignty and of the principles of good neighbourliness”.
    A ministry spokesman said Baghdad would raise the matter at the United Nations Security Council if the raids did not stop, and urged Ankara to withdraw the estimated 4,000 troops it keeps at some 30 bases inside the Kurdistan Region.
    ADVERTISEMENT
    An adviser to the Iraqi prime minister, Nadia Hassan, told state television that the government had asked Turkey “more than once” to coordinate security operations through a joint committee set up in March. “We will not accept that our territory becomes a battlefield for other countries’ wars,” she said.
    Casualty figures disputed
    Officials in the Kurdistan Regional Government said two civilians, a shepherd and his teenage son, were killed and four others wounded when a strike hit a village near Amedi in Duhok province. Turkey’s defence ministry denied that any civilians had been harmed.
    Local officials said around 120 families had fled villages in the area since Sunday. A district mayor, who asked not to be named, said the bombardment had lasted “for almost three hours” and had set fire to orchards.
    The Morning Brief newsletter
    Get the day’s top world stories in your inbox every weekday at 7 am.
    Enter your email address
    Sign up
    By signing up you agree to our privacy policy.
    The PKK did not immediately comment.
    A long-running campaign
    Turkey, which regards the Kurdistan Workers’ Party (PKK) as a terrorist organisation, as do the United States and the European Union, has carried out regular air and ground operations in northern Iraq since 2019. The group has waged an insurgency against the Turkish state since 1984 in which more than 40,000 people have been killed.
    The strikes came less than two weeks after Iraqi and Turkish ministers met in Baghdad on May 29 and agreed to expand trade, which reached about $20 billion last year, and to cooperate on a $17 billion road and rail corridor linking the Gulf to Turkey’s border.
    Analysts said the latest raids were unlikely to derail those plans. “Both governments want the corridor and the trade,” said Leyla Demir, a researcher at a think tank in Istanbul. “Baghdad protests, Ankara carries on, and the economic track survives. That has been the pattern for five years.”
    The Iraqi foreign ministry said the ambassador had been told that Baghdad expected “a clear answer” by Friday.
    Tags: Turkey, Iraq, PKK, Kurdistan Region, Middle East
    Share this article
    On the same subject
    Iraq and Turkey sign water-sharing framework after months of talks
    Kurdish region’s oil exports stall as pipeline dispute drags on
    Analysis: Why Ankara keeps widening its cross-border campaign
    Most read
    Flooding in southern Brazil leaves thousands homeless
    Central bank holds rates steady for a fourth month
    Download on the App Store
    Get it on Google Play
    Follow us on Facebook, X and Instagram
    Contact us
    Terms of use
    Privacy policy
    © 2024 The Meridian Post. All rights reserved.
    """
}
