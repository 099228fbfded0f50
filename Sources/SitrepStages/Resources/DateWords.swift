/// Words the scraped-text extractor uses to find and normalize a page's date
/// line ("Published on Tuesday, June 11, 2024 at 09:40 GMT", "Publié le 4 mars
/// 2025 à 10h12", "14. März 2025"), kept as data.
///
/// ## Format
///
/// One entry per line, in lowercase; blank lines and everything after `#` are
/// ignored. ``months`` entries are `name number`. Matching lowercases ASCII and
/// Latin-1 letters, so "Mars", "MARS" and "mars" are the same word.
///
/// ## Topics
/// - ``months``, ``weekdays``
/// - ``publishedCues``, ``updatedCues``, ``fillers``
public enum DateWords {
    /// Month names and abbreviations with their number (English, French,
    /// Spanish, German; accented names also without their accent).
    public static let months = """
    january 1
    jan 1
    february 2
    feb 2
    march 3
    mar 3
    april 4
    apr 4
    may 5
    june 6
    jun 6
    july 7
    jul 7
    august 8
    aug 8
    september 9
    sept 9
    sep 9
    october 10
    oct 10
    november 11
    nov 11
    december 12
    dec 12
    # French
    janvier 1
    janv 1
    février 2
    fevrier 2
    févr 2
    mars 3
    avril 4
    avr 4
    mai 5
    juin 6
    juillet 7
    juil 7
    août 8
    aout 8
    septembre 9
    octobre 10
    novembre 11
    décembre 12
    decembre 12
    # Spanish
    enero 1
    febrero 2
    marzo 3
    abril 4
    mayo 5
    junio 6
    julio 7
    agosto 8
    septiembre 9
    setiembre 9
    octubre 10
    noviembre 11
    diciembre 12
    # German
    januar 1
    jänner 1
    februar 2
    märz 3
    maerz 3
    juni 6
    juli 7
    oktober 10
    dezember 12
    """

    /// Weekday names and abbreviations. They may sit in a date line without
    /// making it anything else ("Tuesday, June 11, 2024").
    public static let weekdays = """
    monday
    mon
    tuesday
    tue
    tues
    wednesday
    wed
    thursday
    thu
    thur
    thurs
    friday
    fri
    saturday
    sat
    sunday
    sun
    lundi
    mardi
    mercredi
    jeudi
    vendredi
    samedi
    dimanche
    lunes
    martes
    miércoles
    miercoles
    jueves
    viernes
    sábado
    sabado
    domingo
    montag
    dienstag
    mittwoch
    donnerstag
    freitag
    samstag
    sonntag
    """

    /// Words that open a line giving the publication date.
    public static let publishedCues = """
    published
    posted
    first published
    date
    publié
    publié le
    publicado
    publicado el
    veröffentlicht
    veröffentlicht am
    erschienen
    """

    /// Words that open a line giving the date of the last update; such a date
    /// is used only when the page gives no publication date.
    public static let updatedCues = """
    updated
    last updated
    last modified
    modified
    mis à jour
    mis à jour le
    actualizado
    actualizado el
    aktualisiert
    aktualisiert am
    stand
    """

    /// Words that may sit in a date line besides the date itself: prepositions,
    /// ordinal suffixes, time-of-day words and time-zone names.
    public static let fillers = """
    on
    at
    the
    of
    st
    nd
    rd
    th
    am
    pm
    a.m
    p.m
    h
    gmt
    utc
    bst
    cet
    cest
    eet
    eest
    est
    edt
    pst
    pdt
    trt
    ast
    local
    time
    le
    à
    er
    heure
    heures
    el
    de
    del
    a
    las
    hora
    horas
    am
    um
    uhr
    den
    """
}
