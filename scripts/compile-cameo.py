#!/usr/bin/env python3
"""Compile PETRARCH/CAMEO dictionaries into Sitrep's compact CAMEO tables.

Usage:
    python3 scripts/compile-cameo.py [--source DIR] [--geo DIR] [--out DIR] [--set phoenix|validate-v1|validate-2_02]

With --set phoenix, scripts/cameo-agents-extra.tsv adds Sitrep's own agent nouns,
scripts/cameo-actors-variants.tsv the spellings of actor names the
dictionary lacks ("serb" for "serbian"; "PHRASE<TAB>-" drops an entry) and
scripts/cameo-verbs-extra.tsv the verbs and patterns it lost ("urge"; a form line
for a form the block has replaces that form's code, and "= CODE" recodes a block),
and scripts/cameo-actors-extra.txt the actors news after 2015 names, in PETRARCH's
actor format (an entry there that shares a name with a Phoenix entry gives its
dated codes to that entry's names with the same last word, ending terms the
dictionary left open).

Defaults: --source ../shared/data/cameo/petrarch-dictionaries, --geo
../shared/data/geo, --set phoenix, --out Sources/SitrepStages/Models/cameo.

Reads the open PETRARCH dictionaries (MIT, Open Event Data Alliance) and writes
four tab-separated files that `CameoDictionary` loads in one pass:

  actors.tsv    phrase <TAB> codes <TAB> kind
                phrase: lower-cased words separated by one space ("recep tayyip erdogan")
                codes: ";"-separated, dated ones first: "TURGOV@2003-03-14..", "TURELI"
                       (CODE@FROM..TO with either side open); the undated code is the fallback
                kind: "name", or "capital" for a country entry's synonym that GeoNames
                      lists as that country's capital (PPLC): the metonymy convention
                      turns a capital acting into the country's government
  agents.tsv    phrase <TAB> role      ("foreign minister" <TAB> GOV; plural forms added)
  verbs.tsv     SYNSET <TAB> &NAME <TAB> word|multi word|...
                VERB <TAB> block <TAB> default-code <TAB> name
                FORM <TAB> block <TAB> word <TAB> particles <TAB> code   (every inflected form;
                  code "---": the form codes through the block's patterns only, as
                  PETRARCH's "HOLD [---]" means; empty: the block's default)
                PATTERN <TAB> block <TAB> pre <TAB> post <TAB> code <TAB> note
                  pre/post: space-separated elements, words lower-cased, "$" source,
                  "+" target, "&NAME" a synonym set, "(" ")" a prepositional group
  discards.tsv  phrase <TAB> story|sentence
  event-codes.tsv  code <TAB> name <TAB> goldstein <TAB> quadclass (from ../event-codes.tsv)

The codes keep the dictionaries' own strings; a PETRARCH-2 "a:b" transformation
code keeps its first part (the code of the plain verb pattern).
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SETS = {
    "phoenix": {
        "actors": ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                   "Phoenix.MilNonState.actors.txt"],
        "agents": "Phoenix.agents.txt",
        "verbs": "CAMEO.2.0.txt",
        "discards": "Phoenix.discards.txt",
    },
    "validate-v1": {
        "actors": ["PETR.Validate.actors.txt"],
        "agents": "PETR.Validate.agents.txt",
        "verbs": "PETR.Validate.verbs.txt",
        "discards": "PETR.Validate.discards.txt",
    },
    "validate-2_02": {
        "actors": ["universalpetrarch/PETR_Validate_actors_2_02.txt"],
        "agents": "universalpetrarch/PETR_Validate_agents_2_02.txt",
        "verbs": "universalpetrarch/PETR_Validate_verbs_2_02.txt",
        "discards": "universalpetrarch/PETR_Validate_discards_2_02.txt",
    },
}


def read_lines(path):
    with open(path, "rb") as f:
        data = f.read()
    # The Phoenix files are UTF-8 with a few stray Latin-1 bytes.
    text = data.decode("utf-8", errors="replace")
    for line in text.splitlines():
        yield line


def strip_comment(line):
    line = re.sub(r"<!--.*?-->", "", line)
    i = line.find("#")
    return line if i < 0 else line[:i]


def phrase_words(raw):
    """PETRARCH phrase ("RECEP_TAYYIP_ERDOGAN_", "ISRAEL'S") -> Sitrep token words."""
    raw = raw.strip().strip("+").strip()
    words = []
    for part in re.split(r"[_\s]+", raw):
        if not part:
            continue
        part = part.lower()
        # Sitrep's tokenizer splits the possessive and "n't" off their word.
        m = re.match(r"^(.+?)('s|s')$", part)
        if m and m.group(2) == "'s":
            words.extend([m.group(1), "'s"])
        else:
            words.append(part)
    return words


DATE_CODE = re.compile(r"^([A-Za-z~-]+)\s*(?:([<>])\s*(\d{6,10})|(\d{6,10})\s*-\s*(\d{6,10}))?$")


def yymmdd(s):
    """PETRARCH dates: YYMMDD (years <= 40 are 20YY), or YYYYMMDD; a longer typo keeps its last 8 digits."""
    if len(s) >= 8:
        s = s[-8:]
        return "%s-%s-%s" % (s[:4], s[4:6], s[6:8])
    yy, mm, dd = int(s[:2]), s[2:4], s[4:6]
    year = 2000 + yy if yy <= 40 else 1900 + yy
    return "%04d-%s-%s" % (year, mm, dd)


def parse_code(raw):
    """"TURGOV >030314" -> "TURGOV@2003-03-14.."; None if unreadable."""
    raw = raw.strip()
    m = DATE_CODE.match(raw)
    if not m:
        return None
    code = m.group(1).upper()
    if m.group(2) == ">":
        return "%s@%s.." % (code, yymmdd(m.group(3)))
    if m.group(2) == "<":
        return "%s@..%s" % (code, yymmdd(m.group(3)))
    if m.group(4):
        return "%s@%s..%s" % (code, yymmdd(m.group(4)), yymmdd(m.group(5)))
    return code


def compile_actors(paths):
    """Entries: a name line (optionally with [codes]), "+" synonym lines, then code lines."""
    entries = {}  # phrase tuple -> (codes list, kind)
    order = []

    def flush(names, codes):
        if not names or not codes:
            return
        dated = [c for c in codes if "@" in c]
        plain = [c for c in codes if "@" not in c]
        ordered = dated + plain[:1]
        for i, words in enumerate(names):
            key = tuple(words)
            if not key:
                continue
            kind = "name"
            if key not in entries:
                order.append(key)
            entries[key] = (ordered, kind)

    for path in paths:
        names, codes = [], []
        for line in read_lines(path):
            body = strip_comment(line).rstrip()
            if not body.strip():
                continue
            stripped = body.strip()
            brackets = re.findall(r"\[([^\]]*)\]", stripped)
            head = re.sub(r"\[[^\]]*\]", "", stripped).strip()
            if stripped.startswith("["):
                codes.extend(c for c in (parse_code(b) for b in brackets) if c)
                continue
            if stripped.startswith("+"):
                names.append(phrase_words(head))
                codes.extend(c for c in (parse_code(b) for b in brackets) if c)
                continue
            # a new entry
            flush(names, codes)
            names, codes = [phrase_words(head)], []
            codes.extend(c for c in (parse_code(b) for b in brackets) if c)
        flush(names, codes)
    return [(k, entries[k]) for k in order]


def merge_actor_variants(actors, path):
    """Adds the spellings of scripts/cameo-actors-variants.tsv with the codes of the
    entry each is a variant of; Phoenix entries win, and a variant of a missing
    entry is an error. A line "PHRASE<TAB>-" drops a Phoenix entry instead."""
    table = dict(actors)
    order = [k for k, _ in actors]
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].rstrip("\n")
            if not line.strip():
                continue
            if line.split("\t")[1].strip() == "-":
                dropped = tuple(phrase_words(line.split("\t")[0]))
                if dropped not in table:
                    sys.exit("compile-cameo: %s: cannot drop '%s', which the dictionary lacks" % (path, " ".join(dropped)))
                del table[dropped]
                order.remove(dropped)
                continue
            variant, existing = (tuple(phrase_words(x)) for x in line.split("\t"))
            if existing not in table:
                sys.exit("compile-cameo: %s: '%s' is a variant of '%s', which the dictionary lacks" % (path, " ".join(variant), " ".join(existing)))
            if variant not in table:
                table[variant] = table[existing]
                order.append(variant)
    return [(k, table[k]) for k in order]


def merge_actor_updates(actors, path):
    """Adds the entries of scripts/cameo-actors-extra.txt (PETRARCH actor format). An
    entry's name that Phoenix has takes the entry's codes, and so do the other names
    of that Phoenix entry (its synonyms share one codes list) that contain the name's
    last word: "Obama" updates "President Obama" and "the Obama administration",
    while "Assad" leaves "Syria's government" alone. Its other names are added."""
    table = dict(actors)
    order = [k for k, _ in actors]
    members = {}  # id of a Phoenix codes list -> the names sharing it
    for key, (codes, _) in actors:
        members.setdefault(id(codes), []).append(key)
    for key, (codes, kind) in compile_actors([path]):
        if key in table:
            for name in members.get(id(table[key][0]), [key]):
                if name == key or key[-1] in name:
                    table[name] = (codes, table[name][1])
        else:
            table[key] = (codes, kind)
            order.append(key)
    return [(k, table[k]) for k in order]


def current_code(codes):
    """The undated code, else the open-ended dated one ("UKR@1991-12-21..")."""
    for c in codes:
        if "@" not in c:
            return c
    for c in codes:
        if c.endswith(".."):
            return c.split("@")[0]
    return None


def mark_capitals(actors, geo_dir):
    """Flag the actor phrases that name a country's capital (GeoNames PPLC)."""
    gaz = os.path.join(geo_dir, "gazetteer.tsv") if geo_dir else ""
    if not os.path.exists(gaz):
        return actors
    by_phrase = {" ".join(k): v for k, v in actors}
    iso2_to_iso3, capitals, country_names = {}, [], set()
    with open(gaz, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = {n: i for i, n in enumerate(header)}
        for line in f:
            parts = line.rstrip("\n").split("\t")
            feature = parts[col["feature_code"]]
            if feature.startswith("PCL"):
                country_names.add(" ".join(phrase_words(parts[col["name"]])))
                entry = by_phrase.get(" ".join(phrase_words(parts[col["name"]])))
                code = current_code(entry[0]) if entry else None
                if code and len(code) == 3:
                    iso2_to_iso3[parts[col["country_code"]]] = code
            elif feature == "PPLC":
                capitals.append(parts)
    names = set()
    for parts in capitals:
        iso3 = iso2_to_iso3.get(parts[col["country_code"]])
        if not iso3:
            continue
        for n in [parts[col["name"]], parts[col["asciiname"]]] + parts[col["alternatenames"]].split(","):
            if n and n.isascii():
                names.add((" ".join(phrase_words(n)), iso3))
    out = []
    for words, (codes, kind) in actors:
        code = current_code(codes)
        phrase = " ".join(words)
        if code and len(code) == 3 and (phrase, code) in names and phrase not in country_names:
            kind = "capital"
        out.append((words, (codes, kind)))
    return out


def plural_forms(word):
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return [word + "es"] if not word.endswith("s") else []
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    if word.endswith("man"):
        return [word[:-3] + "men"]
    return [word + "s"]


def compile_agents(path):
    subst = {}
    out = {}
    for line in read_lines(path):
        body = strip_comment(line).strip()
        if not body:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.*)$", body)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.*?)\s*(?:\{\})?\s*\[([^\]}]*)[\]}]", body)
        if not m:
            continue
        raw, code = m.group(1), m.group(2).strip().upper()
        role = code.replace("~", "")
        if not role or not re.match(r"^[A-Z]+$", role):
            continue
        variants = [raw]
        for name, words in subst.items():
            token = "!%s!" % name
            if any(token in v for v in variants):
                variants = [v.replace(token, w) for v in variants for w in words]
        for v in variants:
            words = phrase_words(v)
            if not words:
                continue
            out.setdefault(tuple(words), role)
            for p in plural_forms(words[-1]):
                out.setdefault(tuple(words[:-1] + [p]), role)
    return sorted(out.items())


def merge_extra_agents(agents, path):
    """Adds Sitrep's own agent nouns (scripts/cameo-agents-extra.tsv); Phoenix entries win."""
    table = dict(agents)
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].rstrip("\n")
            if not line.strip():
                continue
            phrase, role = line.split("\t")
            table.setdefault(tuple(phrase_words(phrase)), role.strip())
    return sorted(table.items())


def inflections(word):
    """Regular forms of a verb, as PETRARCH generates them."""
    w = word
    if w.endswith("e"):
        return [w + "s", w + "d", w[:-1] + "ing"]
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return [w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return [w + "es", w + "ed", w + "ing"]
    return [w + "s", w + "ed", w + "ing"]


def first_code(raw):
    raw = raw.strip()
    if ":" in raw:
        raw = raw.split(":")[0]
    return raw


def pattern_elements(text):
    """"* (AGAINST +) &FOOD {ARMS SHIPMENT}" -> ["*", "(", "against", "+", ")", "&FOOD", "arms", "shipment"]."""
    out = []
    for tok in re.findall(r"[(){}]|[^\s(){}]+", text):
        if tok in "{}" or tok == "^" or tok == "%":
            continue
        if tok in ("(", ")", "*", "$", "+"):
            out.append(tok)
        elif tok.startswith("&"):
            out.append(tok.upper())
        else:
            out.extend(phrase_words(tok))
    return out


def verb_forms(s):
    """A PETRARCH verb line ("WORD {FORMS} [code]", "+WORD_PARTICLE") as (forms, particles, code)."""
    code = ""
    cm = re.search(r"\[([^\]]*)\]", s)
    if cm:
        code = first_code(cm.group(1))
        s = s[:cm.start()].strip()
    forms_raw = ""
    fm = re.search(r"\{([^}]*)\}", s)
    if fm:
        forms_raw = fm.group(1)
        s = s[:fm.start()].strip()
    words = phrase_words(s)
    if not words:
        return None
    base, particles = words[0], words[1:]
    forms = {base}
    for f in (phrase_words(f) for f in forms_raw.split()):
        if f:
            forms.add(f[0])
    forms.update(inflections(base))
    return sorted(forms), particles, code


def compile_verbs(path, extra_path=None):
    lines_out = []
    synsets = []
    in_patterns = False
    block = -1
    blocks = 0
    current_syn = None
    for line in read_lines(path):
        raw = line.rstrip()
        body = strip_comment(raw).rstrip()
        comment = raw[len(body):].lstrip("# ").strip() if "#" in raw else ""
        if "VERB PATTERNS" in raw or raw.startswith("---"):
            in_patterns = True
        if not body.strip():
            current_syn = None
            continue
        s = body.strip()
        if not in_patterns:
            if s.startswith("&"):
                current_syn = [s.upper().rstrip("_"), []]
                synsets.append(current_syn)
            elif s.startswith("+") and current_syn is not None:
                current_syn[1].append(" ".join(phrase_words(s)))
            continue
        m = re.match(r"^---\s*(.*?)\s*\[([^\]]*)\]\s*---", s)
        if m:
            block = blocks
            blocks += 1
            lines_out.append("VERB\t%d\t%s\t%s" % (block, first_code(m.group(2)), m.group(1).strip()))
            continue
        if block < 0:
            continue
        if s.startswith("- ") or s == "-":
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", s)
            if not m:
                continue
            elements = pattern_elements(m.group(1))
            if "*" not in elements:
                continue
            star = elements.index("*")
            pre, post = elements[:star], elements[star + 1:]
            lines_out.append("PATTERN\t%d\t%s\t%s\t%s\t%s" % (
                block, " ".join(pre), " ".join(post), first_code(m.group(2)), comment.replace("\t", " ")))
            continue
        # a verb line: WORD {FORMS} [code]  or  +WORD_PARTICLE {+FORM_PARTICLE ...} [code]
        parsed = verb_forms(s)
        if parsed:
            forms, particles, code = parsed
            for form in forms:
                lines_out.append("FORM\t%d\t%s\t%s\t%s" % (block, form, " ".join(particles), code))
    syn_lines = ["SYNSET\t%s\t%s" % (name, "|".join(words)) for name, words in synsets if words]
    lines_out = syn_lines + lines_out
    if extra_path:
        lines_out = merge_extra_verbs(lines_out, extra_path)
    return lines_out


def merge_extra_verbs(lines, path):
    """Appends the forms of scripts/cameo-verbs-extra.tsv to their blocks (by name);
    a line "BLOCK<TAB>= CODE" recodes a block: its default and every pattern that gave it;
    a line "&SET<TAB>+ word|word" adds words to a synonym set."""
    index = {}
    for line in lines:
        f = line.split("\t")
        if f[0] == "VERB":
            index.setdefault(f[3], []).append(f[1])
    added, patterns, recoded, synsets = {}, {}, {}, {}
    # The block's forms as they stand, for form lines that replace one's code.
    existing = {(f[1], f[2], f[3]): i for i, f in ((i, l.split("\t")) for i, l in enumerate(lines)) if f[0] == "FORM"}
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            raw, _, note = raw.rstrip("\n").partition("#")
            if not raw.strip():
                continue
            name, verb = raw.split("\t")
            if name.strip().startswith("&"):
                # "&WEAPON<TAB>+ tank|tanks": words added to a synonym set.
                synsets.setdefault(name.strip(), []).extend(w.strip().lower() for w in verb.strip().lstrip("+").split("|") if w.strip())
                continue
            blocks = index.get(name.strip(), [])
            if len(blocks) != 1:
                sys.exit("compile-cameo: %s: block %r is not one block of the verb dictionary" % (path, name))
            block, verb = blocks[0], verb.strip()
            if verb.startswith("="):
                recoded[block] = verb[1:].strip()
                continue
            if verb.startswith("-"):
                m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", verb)
                elements = pattern_elements(m.group(1)) if m else []
                if "*" not in elements:
                    sys.exit("compile-cameo: %s: not a pattern: %r" % (path, verb))
                star = elements.index("*")
                patterns.setdefault(block, []).append("PATTERN\t%s\t%s\t%s\t%s\t%s" % (
                    block, " ".join(elements[:star]), " ".join(elements[star + 1:]), first_code(m.group(2)), note.strip() or "sitrep"))
                continue
            forms, particles, code = verb_forms(verb)
            # A form the block already has gets the line's code ("TAKE [---]": patterns only).
            fresh = []
            for form in forms:
                key = (block, form, " ".join(particles))
                if key in existing:
                    f = lines[existing[key]].split("\t")
                    f[4] = code
                    lines[existing[key]] = "\t".join(f)
                else:
                    fresh.append(form)
            added.setdefault(block, []).extend(
                "FORM\t%s\t%s\t%s\t%s" % (block, form, " ".join(particles), code) for form in fresh)
    if recoded:
        default = {}
        for i, line in enumerate(lines):
            f = line.split("\t")
            if f[0] == "VERB" and f[1] in recoded:
                default[f[1]] = f[2]
                f[2] = recoded[f[1]]
                lines[i] = "\t".join(f)
        for i, line in enumerate(lines):
            f = line.split("\t")
            if f[0] == "PATTERN" and f[1] in recoded and f[4] == default[f[1]]:
                f[4] = recoded[f[1]]
                lines[i] = "\t".join(f)
    for i, line in enumerate(lines):
        f = line.split("\t")
        if f[0] == "SYNSET" and f[1] in synsets:
            have = f[2].split("|")
            lines[i] = "\t".join(f[:2] + ["|".join(have + [w for w in synsets.pop(f[1]) if w not in have])])
    if synsets:
        sys.exit("compile-cameo: %s: no such synonym sets: %s" % (path, sorted(synsets)))
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        f = line.split("\t")
        nxt = lines[i + 1].split("\t") if i + 1 < len(lines) else None
        # forms after the block's last FORM line, patterns after its last line
        if f[0] == "FORM" and f[1] in added and (nxt is None or nxt[0] != "FORM" or nxt[1] != f[1]):
            out.extend(added.pop(f[1]))
        if f[0] in ("FORM", "PATTERN") and f[1] in patterns and (nxt is None or nxt[0] not in ("FORM", "PATTERN") or nxt[1] != f[1]):
            out.extend(patterns.pop(f[1]))
    if added or patterns:
        sys.exit("compile-cameo: %s: blocks without forms: %s" % (path, sorted(set(added) | set(patterns))))
    return out


def compile_discards(path):
    out = []
    for line in read_lines(path):
        body = strip_comment(line).strip()
        if not body:
            continue
        story = body.startswith("+")
        words = phrase_words(body.lstrip("+"))
        if words:
            out.append("%s\t%s" % (" ".join(words), "story" if story else "sentence"))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", default=os.path.join(ROOT, "..", "shared", "data", "cameo", "petrarch-dictionaries"))
    ap.add_argument("--geo", default=os.path.join(ROOT, "..", "shared", "data", "geo"))
    ap.add_argument("--set", default="phoenix", choices=sorted(SETS))
    ap.add_argument("--out", default=os.path.join(ROOT, "Sources", "SitrepStages", "Models", "cameo"))
    args = ap.parse_args(argv)
    spec = SETS[args.set]
    src = args.source
    if not os.path.isdir(src):
        sys.exit("compile-cameo: no dictionary folder at %s" % src)
    os.makedirs(args.out, exist_ok=True)
    actors = compile_actors([os.path.join(src, p) for p in spec["actors"]])
    if args.set == "phoenix":
        actors = merge_actor_variants(actors, os.path.join(HERE, "cameo-actors-variants.tsv"))
        actors = merge_actor_updates(actors, os.path.join(HERE, "cameo-actors-extra.txt"))
        actors = mark_capitals(actors, args.geo)
    agents = compile_agents(os.path.join(src, spec["agents"]))
    if args.set == "phoenix":
        agents = merge_extra_agents(agents, os.path.join(HERE, "cameo-agents-extra.tsv"))
    verbs = compile_verbs(os.path.join(src, spec["verbs"]),
                          os.path.join(HERE, "cameo-verbs-extra.tsv") if args.set == "phoenix" else None)
    discards = compile_discards(os.path.join(src, spec["discards"]))
    header = "# Compiled by scripts/compile-cameo.py --set %s from the PETRARCH dictionaries (MIT, Open Event Data Alliance)\n" % args.set
    with open(os.path.join(args.out, "actors.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        for words, (codes, kind) in actors:
            f.write("%s\t%s\t%s\n" % (" ".join(words), ";".join(codes), kind))
    with open(os.path.join(args.out, "agents.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        for words, role in agents:
            f.write("%s\t%s\n" % (" ".join(words), role))
    with open(os.path.join(args.out, "verbs.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        for line in verbs:
            f.write(line + "\n")
    with open(os.path.join(args.out, "discards.tsv"), "w", encoding="utf-8") as f:
        f.write(header)
        for line in discards:
            f.write(line + "\n")
    codes_path = os.path.join(os.path.dirname(os.path.abspath(src)), "event-codes.tsv")
    if os.path.exists(codes_path):
        with open(codes_path, encoding="utf-8") as f, open(os.path.join(args.out, "event-codes.tsv"), "w", encoding="utf-8") as out:
            head = f.readline().rstrip("\n").split("\t")
            c = {n: i for i, n in enumerate(head)}
            out.write("# CAMEO event codes, names, Goldstein weights and QuadClass from shared/data/cameo/event-codes.tsv\n")
            for line in f:
                p = line.rstrip("\n").split("\t")
                out.write("%s\t%s\t%s\t%s\n" % (p[c["code"]], p[c["name"]], p[c["goldstein"]], p[c["quadclass"]]))
    n_caps = sum(1 for _, (c, k) in actors if k == "capital")
    print("compile-cameo: %d actor phrases (%d capitals), %d agent phrases, %d verb-table lines, %d discards -> %s"
          % (len(actors), n_caps, len(agents), len(verbs), len(discards), args.out))


if __name__ == "__main__":
    main()
