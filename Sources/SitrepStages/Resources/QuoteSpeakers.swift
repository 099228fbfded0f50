/// Word lists that shape speaker phrases for the `quotes` stage (``QuoteStage``):
/// titles and role nouns, group nouns, organization heads, pronouns.
///
/// Format as in `QuoteCues.swift`. Canonical names drop ``titles`` and role
/// words before a name ("Defence Minister Anton Keller" -> "Anton Keller");
/// a definite role phrase ("the minister") resolves to the latest person who
/// had that role in the document.
enum QuoteSpeakerData {
    /// Courtesy titles and ranks that precede a name and are not part of it.
    static let titles = """
    mr
    mrs
    ms
    miss
    dr
    sir
    dame
    lady
    lord
    madam
    president
    vice
    prime
    premier
    general
    gen
    colonel
    col
    major
    maj
    sergeant
    sgt
    captain
    capt
    lieutenant
    lt
    admiral
    senator
    sen
    rep
    judge
    justice
    king
    queen
    prince
    princess
    pope
    sheikh
    imam
    rabbi
    father
    bishop
    professor
    prof
    """

    /// Titles that mark a man or a woman, for pronoun resolution.
    static let maleTitles = """
    mr
    sir
    lord
    king
    prince
    father
    """
    static let femaleTitles = """
    mrs
    ms
    miss
    dame
    lady
    madam
    queen
    princess
    """

    /// Role nouns of a person ("the minister", "a spokesman for X", "union
    /// leader Marek Dvorak"). Also titles when capitalized before a name.
    static let roleNouns = """
    minister
    secretary
    spokesman
    spokeswoman
    spokesperson
    leader
    chief
    head
    official
    officer
    negotiator
    envoy
    ambassador
    diplomat
    mayor
    governor
    commander
    chairman
    chairwoman
    chair
    organiser
    organizer
    director
    deputy
    adviser
    advisor
    lawyer
    attorney
    prosecutor
    doctor
    nurse
    medic
    resident
    economist
    analyst
    expert
    volunteer
    teacher
    student
    auditor
    representative
    coordinator
    president
    general
    colonel
    major
    sergeant
    captain
    soldier
    witness
    survivor
    farmer
    worker
    activist
    journalist
    correspondent
    source
    man
    woman
    """

    /// Plural nouns of speaking groups ("officials said", "Residents of Marovo said").
    static let groupNouns = """
    officials
    residents
    medics
    doctors
    engineers
    critics
    witnesses
    police
    protesters
    activists
    analysts
    diplomats
    sources
    experts
    villagers
    survivors
    farmers
    workers
    soldiers
    officers
    lawmakers
    authorities
    investigators
    rescuers
    organisers
    organizers
    """

    /// Last words of organization names ("Foreign Ministry", "World Food
    /// Programme", "Red Crescent"): a capitalized run ending in one is not a person.
    static let organizationHeads = """
    ministry
    ministries
    agency
    bank
    union
    institute
    front
    programme
    program
    organization
    organisation
    council
    party
    army
    authority
    commission
    crescent
    cross
    fund
    office
    department
    committee
    court
    parliament
    government
    alliance
    association
    federation
    movement
    company
    corporation
    group
    police
    forces
    force
    navy
    guard
    embassy
    mission
    service
    university
    church
    league
    assembly
    coalition
    brigade
    brigades
    battalion
    command
    cabinet
    senate
    congress
    board
    nations
    """

    /// Nouns of documents that "say" what their author says ("the statement said").
    static let documentNouns = """
    statement
    communique
    communiqué
    report
    letter
    declaration
    message
    """

    /// Personal pronouns that resolve to a person.
    static let personPronouns = """
    he
    she
    """
    static let femalePronouns = """
    she
    """
    /// Pronouns that resolve to an organization or group.
    static let groupPronouns = """
    it
    they
    """

    /// Determiners and possessives that open a speaker phrase.
    static let determiners = """
    the
    a
    an
    his
    her
    their
    its
    our
    this
    these
    those
    one
    """

    /// Prepositions inside or before a speaker phrase ("a doctor at the hospital").
    static let prepositions = """
    of
    for
    in
    at
    from
    with
    on
    by
    after
    before
    during
    following
    """

    /// Words that end a speaker phrase when scanning back from its cue
    /// ("a plan that critics called ...").
    static let clauseBoundaries = """
    that
    which
    who
    whom
    whose
    where
    when
    while
    because
    as
    if
    but
    although
    though
    or
    than
    """

    /// Words that start a relative or participial aside between commas, skipped
    /// when looking for the speaker ("X, speaking in parliament, said").
    static let asideStarts = """
    who
    which
    whose
    speaking
    writing
    according
    in
    on
    at
    after
    """

    /// Capitalized words that never start or continue a person's name.
    static let notNames = """
    the
    a
    an
    he
    she
    it
    they
    we
    i
    you
    in
    on
    at
    after
    before
    during
    when
    while
    but
    and
    or
    if
    as
    this
    that
    these
    those
    there
    here
    his
    her
    their
    its
    our
    my
    some
    many
    several
    hours
    days
    according
    """
}
