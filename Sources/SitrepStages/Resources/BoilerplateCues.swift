/// Cue phrases of the scraped-text extractor (``ScrapedTextExtractor``), kept as data.
///
/// A page line that a scraper returns is boilerplate, a label, a byline or a
/// credit far more often because of *what it says* than because of its shape:
/// "Read more: …", "ADVERTISEMENT", "Sign up for our newsletter", "Tags: …".
/// These tables hold those phrases, in the spirit of trafilatura's token lists
/// (`xpaths.py`). A wrong call is fixed by editing a table and adding a fixture
/// test, never by adding a branch to the extractor.
///
/// The phrases are generic page furniture in English first, with common
/// French, Spanish and German equivalents; they are not the strings of any one
/// site.
///
/// ## Format
///
/// One entry per line, in lowercase. Blank lines and everything after `#` are
/// ignored. Matching lowercases the page line (ASCII and Latin-1 letters),
/// reads a curly apostrophe (’) as a straight one, and, for whole-line tables,
/// ignores trailing decoration (`:` `.` `›` `»` `>` `|` `…` `!`) so that
/// "Related:" and "Related ›" both match `related`. Prefix entries match at the
/// start of the line and end on a word boundary ("share" does not match
/// "shares"); an entry that ends in punctuation (`©`, `read more:`) needs no
/// boundary.
///
/// ## Roles
///
/// A cue is either a *slot* (furniture that sits inside an article: an ad slot,
/// a "Read more" link, share buttons) or *page* furniture (what surrounds the
/// article: menus, newsletter boxes, app badges, footers). The difference
/// matters after the last long body paragraph: a slot cue there does not end
/// the article, a page cue does (see ``ScrapedTextExtractor``).
///
/// ## Topics
/// - Boilerplate: ``slotLines``, ``slotPrefixes``, ``slotSuffixes``, ``pageLines``,
///   ``pagePrefixes``, ``pagePhrases``, ``consentPhrases``
/// - Labels of lists: ``relatedLabels``, ``listLabels``, ``tagLabels``, ``tagPrefixes``
/// - Metadata: ``bylinePrefixes``, ``creditPrefixes``
public enum BoilerplateCues {
    /// Whole lines that are in-article slots: ads, share buttons, "read more".
    public static let slotLines = """
    # advertising
    advertisement
    advertisements
    ad
    sponsored
    sponsored content
    paid content
    scroll to continue
    scroll to continue with content
    story continues below
    story continues below advertisement
    article continues below
    continue reading
    continue reading below
    publicité
    publicidad
    anuncio
    werbung
    anzeige
    # share buttons (a scraper keeps their labels)
    share
    share this
    share this article
    share this story
    share on facebook
    share on twitter
    share on x
    share via email
    facebook
    twitter
    x
    whatsapp
    telegram
    linkedin
    reddit
    email
    e-mail
    print
    copy link
    link copied
    copied
    save
    save article
    gift this article
    listen
    listen to this article
    comments
    view comments
    show comments
    partager
    partager sur facebook
    partager sur twitter
    imprimer
    commentaires
    compartir
    compartir en facebook
    compartir en twitter
    imprimir
    comentarios
    teilen
    drucken
    kommentare
    # reading links and media furniture
    read more
    read also
    see also
    also read
    more
    expand
    enlarge
    enlarge this image
    toggle caption
    hide caption
    image
    video
    photo
    gallery
    view gallery
    open gallery
    lire aussi
    à lire aussi
    voir aussi
    lire la suite
    lee también
    leer más
    ver también
    lesen sie auch
    mehr dazu
    weiterlesen
    """

    /// Line beginnings of in-article slots ("Read more: Iraq and Turkey agree …").
    public static let slotPrefixes = """
    read more:
    read more ›
    read more »
    read more at
    read also:
    also read:
    see also:
    related:
    related article:
    related story:
    recommended:
    watch:
    watch now:
    listen:
    advertisement
    sponsored by
    continue reading
    story continues below
    click here
    tap here
    # wire-service trailers ("Reporting by …; Editing by …")
    reporting by
    additional reporting by
    (reporting by
    writing by
    editing by
    compiled by
    lire aussi :
    lire aussi:
    à lire aussi :
    à lire aussi:
    voir aussi :
    voir aussi:
    lee también:
    lea también:
    leer más:
    ver también:
    lesen sie auch:
    mehr zum thema:
    auch interessant:
    """

    /// Line endings of short slot lines: relative times and reading times
    /// ("2 hours ago", "4 min read"). Applied only to lines of at most
    /// ``ScrapedTextExtractor/Settings/suffixCueMaxWords`` words.
    public static let slotSuffixes = """
    ago
    min read
    mins read
    minute read
    minutes read
    min de lecture
    minutes de lecture
    min de lectura
    minutos de lectura
    min lesezeit
    min. lesezeit
    minuten lesezeit
    """

    /// Whole lines of page furniture: menus, account links, footers.
    public static let pageLines = """
    # navigation
    menu
    open menu
    close menu
    close
    home
    homepage
    search
    search for
    sections
    all sections
    skip to content
    skip to main content
    skip to navigation
    back to top
    go to top
    top
    next
    previous
    load more
    show more
    more stories
    # accounts and subscriptions
    log in
    login
    log out
    sign in
    sign out
    sign up
    register
    my account
    account
    subscribe
    subscribe now
    subscribers only
    subscriber only
    donate
    support us
    newsletter
    newsletters
    # footer
    contact
    contact us
    about
    about us
    careers
    jobs
    advertise
    advertise with us
    terms
    terms of use
    terms of service
    terms and conditions
    privacy
    privacy policy
    privacy notice
    cookie policy
    cookie settings
    manage cookies
    cookies
    accept
    accept all
    reject all
    accessibility
    sitemap
    site map
    help
    faq
    rss
    # other languages
    accueil
    rechercher
    connexion
    se connecter
    s'abonner
    abonnez-vous
    mentions légales
    nous contacter
    inicio
    portada
    buscar
    iniciar sesión
    suscríbete
    aviso legal
    contacto
    startseite
    suche
    anmelden
    abonnieren
    impressum
    datenschutz
    kontakt
    """

    /// Line beginnings of page furniture: follow prompts, app badges, sign-up
    /// boxes, copyright footers.
    public static let pagePrefixes = """
    ©
    (c) 20
    copyright
    all rights reserved
    follow us
    follow the
    like us on
    find us on
    join us on
    sign up
    subscribe to
    subscribe for
    subscribe today
    get our
    get the app
    download the
    download our
    download on the
    get it on
    available on the
    enter your email
    your email
    by signing up
    by subscribing
    by clicking
    we use cookies
    this site uses cookies
    this website uses cookies
    this article is more than
    this story is more than
    have a tip?
    got a tip?
    our standards:
    suivez-nous
    suivez nous
    abonnez-vous
    inscrivez-vous
    téléchargez
    recevez
    síguenos
    suscríbete
    regístrate
    descarga
    folgen sie uns
    jetzt abonnieren
    abonnieren sie
    laden sie
    """

    /// Phrases that make a *short* line page furniture wherever they occur in it
    /// ("The Morning Brief newsletter", "© 2024 X. All rights reserved.").
    /// Applied only to lines of at most
    /// ``ScrapedTextExtractor/Settings/phraseCueMaxWords`` words, so that a body
    /// paragraph that happens to mention a newsletter survives.
    public static let pagePhrases = """
    all rights reserved
    newsletter
    your inbox
    in your inbox
    your email
    email address
    app store
    google play
    privacy policy
    terms of use
    terms of service
    cookie policy
    unsubscribe
    sign up for
    subscribe to our
    subscribe now
    follow us on
    tous droits réservés
    droits réservés
    lettre d'information
    votre boîte mail
    votre adresse e-mail
    todos los derechos reservados
    boletín
    tu correo
    alle rechte vorbehalten
    ihre e-mail
    """

    /// Cookie and consent phrases. Consent banners are long sentence-like lines,
    /// so these are checked on lines up to
    /// ``ScrapedTextExtractor/Settings/consentCueMaxWords`` words: without them
    /// a banner above the article would be taken for its first paragraph. A
    /// long line with one of these is dropped only outside the body, so a
    /// story about cookie rules keeps its paragraphs.
    public static let consentPhrases = """
    we use cookies
    use of cookies
    uses cookies
    accept cookies
    accept all cookies
    cookie settings
    cookie preferences
    manage your cookies
    nous utilisons des cookies
    utilise des cookies
    utilizamos cookies
    usamos cookies
    wir verwenden cookies
    verwendet cookies
    """

    /// Whole-line labels of a list of related articles; the titles under one
    /// become ``SitrepCore/Article/related``.
    public static let relatedLabels = """
    related
    related articles
    related stories
    related content
    related coverage
    related news
    related links
    related reading
    more on this story
    more on this topic
    more on this
    more about
    on the same subject
    on the same topic
    on this topic
    read next
    read more on this
    you may also like
    you might also like
    you may be interested in
    further reading
    sur le même sujet
    sur le même thème
    dans la même rubrique
    à lire également
    noticias relacionadas
    artículos relacionados
    relacionados
    te puede interesar
    mehr zum thema
    ähnliche artikel
    verwandte artikel
    das könnte sie auch interessieren
    """

    /// Whole-line labels of lists that are not about the article (most read,
    /// latest news); their titles are dropped.
    public static let listLabels = """
    most read
    most popular
    most viewed
    most shared
    trending
    trending now
    popular
    popular now
    latest
    latest news
    latest stories
    top stories
    editor's picks
    editors' picks
    recommended
    recommended for you
    more from
    more news
    in other news
    key events
    highlights
    around the web
    les plus lus
    les plus partagés
    à la une
    dernières actualités
    en continu
    lo más leído
    lo más visto
    últimas noticias
    meistgelesen
    meistgelesene artikel
    neueste artikel
    top-themen
    """

    /// Whole-line labels of a tag list whose tags follow one per line.
    public static let tagLabels = """
    tags
    topics
    tagged
    related topics
    related tags
    keywords
    mots-clés
    mots clés
    sujets
    thèmes
    etiquetas
    temas
    schlagwörter
    schlagworte
    themen
    """

    /// Line beginnings of an inline tag list ("Tags: Turkey, Iraq, PKK").
    public static let tagPrefixes = """
    tags:
    tags :
    topics:
    tagged:
    tagged with:
    related topics:
    keywords:
    mots-clés :
    mots-clés:
    mots clés :
    sujets :
    thèmes :
    etiquetas:
    temas:
    schlagwörter:
    schlagworte:
    themen:
    """

    /// Line beginnings of a byline ("By Selin Arda", "Par Claire Martin").
    /// The extractor also requires a capitalized name after the cue.
    public static let bylinePrefixes = """
    written by
    words by
    story by
    by
    par
    por
    von
    """

    /// Line beginnings of an image credit ("Photo: Anna Weiss/Northwind").
    public static let creditPrefixes = """
    photo:
    photo :
    photos:
    photograph:
    photography:
    picture:
    image:
    images:
    illustration:
    credit:
    credits:
    image credit:
    photo credit:
    crédit photo :
    crédit photo:
    crédits photo :
    crédit :
    foto:
    fotos:
    fotografía:
    bild:
    foto :
    """
}
