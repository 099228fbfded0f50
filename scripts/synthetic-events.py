#!/usr/bin/env python3
"""Fills a Sitrep SQLite store with synthetic events, for load tests of
`sitrep serve` (scripts/bench-api.sh).

    python3 scripts/synthetic-events.py DB --events 1000000 [--articles 50000] [--seed 7]

DB must already carry Sitrep's schema (run `sitrep stats --database DB` first,
which creates and migrates it). The data is shaped like real event data,
not uniform noise, so that the query plans meet realistic selectivities:

- actors: ~170 country codes with a Zipf-like popularity (a few countries are
  in most news), each with a role suffix (GOV, MIL, COP, REB, ...) or none;
- CAMEO roots with frequencies close to those of published event data sets
  (statements, consultations and cooperation dominate; 20 is rare);
- dates spread over eight years;
- places: the 5,000 most populous places of Sitrep's compiled gazetteer,
  also Zipf-weighted; one event in five has no place;
- one mention per event, each in one of the synthetic articles.

It also writes DB.queries: a list of API query paths (by actor, by target,
by code family, by date range, by place, and combinations), drawn with the
same popularity, for the load generator to replay.
"""
import argparse
import bisect
import datetime
import hashlib
import os
import random
import sqlite3
import urllib.parse

ROOT_WEIGHTS = {"01": 10, "02": 8, "03": 8, "04": 24, "05": 10, "06": 3, "07": 2, "08": 3, "09": 2, "10": 3,
                "11": 6, "12": 3, "13": 3, "14": 3, "15": 1, "16": 2, "17": 5, "18": 3, "19": 5, "20": 0.3}
ROLES = ["", "GOV", "GOV", "GOV", "MIL", "MIL", "COP", "LEG", "JUD", "OPP", "REB", "CVL", "BUS", "MED"]


def weighted_picker(rng, items, weights):
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return lambda: items[bisect.bisect_left(cumulative, rng.random() * total)]


def load_places(path, count):
    places = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 8 or not fields[5] or not fields[3] or fields[4].startswith(("PCL", "CONT", "ADM")):
                continue
            names = fields[7].split("|")
            places.append((int(fields[5]), fields[0], names[0], fields[3], float(fields[1]), float(fields[2])))
    places.sort(reverse=True)
    return places[:count]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    here = os.path.dirname(os.path.abspath(__file__))
    gazetteer = os.path.join(here, "..", "Sources", "SitrepStages", "Models", "places", "gazetteer.tsv")
    places = load_places(gazetteer, 5000)
    countries = sorted({p[3] for p in places})
    iso3 = [c for c in ["USA", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "ISR", "IRN", "TUR", "IND", "PAK", "AFG", "IRQ", "SYR",
                        "SAU", "EGY", "JPN", "KOR", "PRK", "NGA", "ZAF", "BRA", "MEX", "VEN", "COL", "ARG", "CAN", "AUS", "ITA",
                        "ESP", "POL", "YEM", "LBN", "LBY", "SDN", "SSD", "ETH", "SOM", "KEN", "UGA", "COD", "MLI", "NER", "BFA",
                        "TCD", "CMR", "DZA", "MAR", "TUN", "JOR", "QAT", "ARE", "KWT", "BHR", "OMN", "AZE", "ARM", "GEO", "BLR",
                        "KAZ", "UZB", "TJK", "KGZ", "MNG", "VNM", "THA", "MMR", "KHM", "LAO", "MYS", "SGP", "IDN", "PHL", "TWN",
                        "BGD", "LKA", "NPL", "HUN", "ROU", "BGR", "SRB", "HRV", "BIH", "GRC", "CYP", "SWE", "NOR", "FIN", "DNK",
                        "NLD", "BEL", "CHE", "AUT", "CZE", "SVK", "PRT", "IRL", "ISL", "EST", "LVA", "LTU", "MDA", "CUB", "HTI",
                        "DOM", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "ECU", "PER", "BOL", "CHL", "PRY", "URY", "NZL", "PNG",
                        "FJI", "ZWE", "ZMB", "MOZ", "AGO", "NAM", "BWA", "TZA", "RWA", "BDI", "CAF", "COG", "GAB", "GHA", "CIV",
                        "SEN", "GIN", "SLE", "LBR", "TGO", "BEN", "MRT", "ERI", "DJI", "MDG", "MWI", "LSO", "SWZ", "IGO", "NGO",
                        "UNO", "NATO", "EUR", "AFR", "ASA", "MEA", "WSB", "PSE", "HMS", "HZB", "ISI", "TAL"]]
    pick_country = weighted_picker(rng, iso3, [1.0 / (rank + 1) ** 0.9 for rank in range(len(iso3))])
    pick_role = lambda: rng.choice(ROLES)
    pick_root = weighted_picker(rng, list(ROOT_WEIGHTS), list(ROOT_WEIGHTS.values()))
    pick_place = weighted_picker(rng, places, [1.0 / (rank + 1) ** 0.8 for rank in range(len(places))])
    start = datetime.date(2019, 1, 1)
    days = (datetime.date(2026, 11, 28) - start).days

    db = sqlite3.connect(args.db)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    with db:
        (base_story,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM stories").fetchone()
        (base_article,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()
        stories, articles = [], []
        for i in range(args.articles):
            key = hashlib.sha256(f"synthetic-{args.seed}-{i}".encode()).hexdigest()
            published = (start + datetime.timedelta(days=rng.randrange(days))).isoformat()
            title = f"Synthetic report {i}: {pick_country()} and {pick_country()}"
            stories.append((base_story + i + 1, key, title, published, 1, now))
            articles.append((base_article + i + 1, base_story + i + 1, f"synthetic-{i}", f"https://synthetic.test/{args.seed}/{i}", key, key,
                             "Synthetic", title, published, "en", f"Synthetic article text {i}.", "{}", "[]", now))
        db.executemany("INSERT INTO stories (id, key, title, published, article_count, created_at) VALUES (?,?,?,?,?,?)", stories)
        db.executemany("""INSERT INTO articles (id, story_id, external_id, url, content_hash, input_hash, source, title, published,
                          language, text, metadata, provenance, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", articles)

        (base_event,) = db.execute("SELECT COALESCE(MAX(id), 0) FROM events").fetchone()
        seen, events, mentions = set(), [], []
        while len(events) < args.events:
            source = pick_country() + pick_role() if rng.random() > 0.1 else ""
            target = pick_country() + pick_role() if rng.random() > 0.2 else ""
            root = pick_root()
            date = (start + datetime.timedelta(days=rng.randrange(days))).isoformat()
            place = pick_place() if rng.random() > 0.2 else None
            place_key = place[1] if place else ""
            key = (source, target, root, date, place_key)
            if key in seen:
                continue
            seen.add(key)
            event_id = base_event + len(events) + 1
            article = base_article + 1 + rng.randrange(args.articles)
            code = root + str(rng.randrange(10)) if rng.random() < 0.6 else root + "0"
            events.append((event_id, source, target, root, date, place_key, code, f"CAMEO {code}",
                           place[2] if place else None, place[3] if place else None,
                           place[4] if place else None, place[5] if place else None, 1, 1, 1, article))
            mentions.append((event_id, article, code, 0, 20, "[[0,5]]", 0.7, "[]", "synthetic"))
        db.executemany("""INSERT INTO events (id, source, target, root_code, event_date, place, code, label, place_name, country,
                          lat, lon, mention_count, article_count, source_count, first_article_id)
                          VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", events)
        db.executemany("""INSERT INTO event_mentions (event_id, article_id, code, start_byte, end_byte, evidence, confidence, flags, rule)
                          VALUES (?,?,?,?,?,?,?,?,?)""", mentions)
    db.execute("ANALYZE")
    db.close()

    # The query mix: each kind the issue names, and two-filter combinations.
    queries = []
    for _ in range(args.queries):
        kind = rng.randrange(6)
        since = start + datetime.timedelta(days=rng.randrange(days - 31))
        window = f"since={since.isoformat()}&until={(since + datetime.timedelta(days=30)).isoformat()}"
        if kind == 0:
            queries.append(f"/api/events?actor={pick_country()}")
        elif kind == 1:
            queries.append(f"/api/events?target={pick_country()}{pick_role()}")
        elif kind == 2:
            queries.append(f"/api/events?code={pick_root()}")
        elif kind == 3:
            queries.append(f"/api/events?{window}")
        elif kind == 4:
            queries.append(f"/api/events?place={urllib.parse.quote_plus(pick_place()[2])}")
        else:
            queries.append(f"/api/events?actor={pick_country()}&code={pick_root()}&{window}")
    with open(args.db + ".queries", "w") as f:
        f.write("\n".join(queries) + "\n")
    print(f"{args.db}: {len(events)} events, {args.articles} articles; {len(queries)} queries in {args.db}.queries")


if __name__ == "__main__":
    main()
