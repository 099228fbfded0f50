#!/usr/bin/env python3
"""Compile the GeoNames gazetteer into the compact tables the places stage loads.

Usage:
    python3 scripts/compile-gazetteer.py [--geo DIR] [--out DIR]

Defaults: --geo ../shared/data/geo, --out Sources/SitrepStages/Models/places.

Writes two tab-separated files, one place per line, `#` lines are comments:

  gazetteer.tsv  geonameid, lat, lon, country (ISO-2), feature, population, admin1 name, names
                 from gazetteer.tsv (GeoNames, CC BY 4.0): continents, countries and
                 populated places with 1,000 people or more. `feature` is the GeoNames
                 feature code (CONT, PCLI, PPLC, PPLA, PPL, ...; `P` where the source
                 dropped the code of a small place). `names` is "|"-separated: the name,
                 the ASCII name, and for places of 100,000 people or more, capitals,
                 countries and continents up to ten ASCII alternate names that start
                 with a capital ("Kiev" for Kyiv; airport codes left out), less the
                 names scripts/place-name-exclusions.tsv drops ("Google" for Topeka).
  admin1.tsv     the same columns for the 5,324 first-level subdivisions of admin1.tsv
                 (ODbL 1.0, kept in its own file as its licence asks); geonameid is 0.
  demonyms.tsv   demonym, country (ISO-2), from demonyms.tsv (MIT).

Coordinates are rounded to 4 decimals (about 11 m).
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def clean_names(row, col, with_alternates):
    names = []
    for n in [row[col["name"]], row[col["asciiname"]]]:
        if n and n not in names:
            names.append(n)
    if with_alternates:
        for n in row[col["alternatenames"]].split(","):
            n = n.strip()
            if not n or "|" in n or "\t" in n:
                continue
            if len(n) <= 3 and n.isupper():
                continue  # airport and other codes
            if not n.isascii() or not n[0].isupper():
                continue  # romanizations news in English does not use
            if n not in names:
                names.append(n)
            if len(names) >= 12:
                break
    return names


def load_exclusions():
    """scripts/place-name-exclusions.tsv: {geonameid: {names to drop}}."""
    out = {}
    with open(os.path.join(HERE, "place-name-exclusions.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            geonameid, name = line.rstrip("\n").split("\t")[:2]
            out.setdefault(geonameid, set()).add(name)
    return out


def load_aliases():
    """scripts/place-aliases.tsv: (alias, country, subdivision or None)."""
    out = []
    with open(os.path.join(HERE, "place-aliases.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            out.append((parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--geo", default=os.path.join(ROOT, "..", "shared", "data", "geo"))
    ap.add_argument("--out", default=os.path.join(ROOT, "Sources", "SitrepStages", "Models", "places"))
    args = ap.parse_args(argv)
    src = os.path.join(args.geo, "gazetteer.tsv")
    if not os.path.exists(src):
        sys.exit("compile-gazetteer: no %s" % src)
    os.makedirs(args.out, exist_ok=True)
    aliases = load_aliases()
    exclusions = load_exclusions()
    country_aliases = {}
    state_aliases = {}
    for alias, country, state in aliases:
        if state:
            state_aliases.setdefault((country, state), []).append(alias)
        else:
            country_aliases.setdefault(country, []).append(alias)
    count = 0
    with open(src, encoding="utf-8") as f, open(os.path.join(args.out, "gazetteer.tsv"), "w", encoding="utf-8") as out:
        out.write("# Compiled by scripts/compile-gazetteer.py from GeoNames (CC BY 4.0, geonames.org) via shared/data/geo/gazetteer.tsv\n")
        out.write("# geonameid\tlat\tlon\tcountry\tfeature\tpopulation\tadmin1\tnames\n")
        header = f.readline().rstrip("\n").split("\t")
        col = {n: i for i, n in enumerate(header)}
        for line in f:
            row = line.rstrip("\n").split("\t")
            feature = row[col["feature_code"]] or row[col["feature_class"]] or "P"
            population = int(row[col["population"]] or 0)
            big = population >= 100000 or feature in ("PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "TERR", "CONT", "PPLC")
            names = clean_names(row, col, big)
            dropped = exclusions.get(row[col["geonameid"]])
            if dropped:
                names = [n for n in names if n not in dropped]
            if feature in ("PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "TERR"):
                names += [a for a in country_aliases.get(row[col["country_code"]], []) if a not in names]
            out.write("%s\t%.4f\t%.4f\t%s\t%s\t%d\t%s\t%s\n" % (
                row[col["geonameid"]], float(row[col["latitude"]]), float(row[col["longitude"]]),
                row[col["country_code"]], feature, population, row[col["admin1_name"]], "|".join(names)))
            count += 1
    admin = os.path.join(args.geo, "admin1.tsv")
    n_admin = 0
    if os.path.exists(admin):
        with open(admin, encoding="utf-8") as f, open(os.path.join(args.out, "admin1.tsv"), "w", encoding="utf-8") as out:
            out.write("# Compiled by scripts/compile-gazetteer.py from shared/data/geo/admin1.tsv: first-level subdivisions, ODbL 1.0\n")
            header = f.readline().rstrip("\n").split("\t")
            col = {n: i for i, n in enumerate(header)}
            for line in f:
                row = line.rstrip("\n").split("\t")
                names = clean_names(row, col, True)
                names += [a for a in state_aliases.get((row[col["country_code"]], row[col["name"]]), []) if a not in names]
                out.write("0\t%.4f\t%.4f\t%s\tADM1\t%d\t%s\t%s\n" % (
                    float(row[col["latitude"]]), float(row[col["longitude"]]), row[col["country_code"]],
                    int(row[col["population"]] or 0), row[col["name"]], "|".join(names)))
                n_admin += 1
    dem = os.path.join(args.geo, "demonyms.tsv")
    if os.path.exists(dem):
        with open(dem, encoding="utf-8") as f, open(os.path.join(args.out, "demonyms.tsv"), "w", encoding="utf-8") as out:
            out.write("# Compiled by scripts/compile-gazetteer.py from shared/data/geo/demonyms.tsv (MIT)\n")
            f.readline()
            for line in f:
                row = line.rstrip("\n").split("\t")
                out.write("%s\t%s\n" % (row[0], row[1]))
    print("compile-gazetteer: %d places, %d subdivisions -> %s" % (count, n_admin, args.out))


if __name__ == "__main__":
    main()
