#!/usr/bin/env python3
"""Compile the Natural Earth country outlines into the web UI's world map.

Usage:
    python3 scripts/compile-world-map.py [--geojson FILE] [--out FILE] [--precision N] [--tolerance DEG]

Defaults: --geojson ../shared/data/geo/world-110m.geojson,
          --out Sources/SitrepServer/Web/world.json, --precision 1, --tolerance 0.

Rebuild:  python3 scripts/compile-world-map.py

Provenance: Natural Earth 1:110m "Admin 0 - Countries" (ne_110m_admin_0_countries,
v4.1 attributes), public domain ("No permission is needed to use Natural Earth").
See ../shared/data/geo/world-110m.README.md for the exact copy and its sha256.

Output (one JSON object, served by `sitrep serve` as /assets/world.json):

    {"source": "...", "precision": 1,
     "countries": [{"name": "France", "iso3": "FRA",
                    "polygons": [[[lon, lat, lon, lat, ...], <hole ring>, ...], ...]}]}

- Each polygon is a list of rings, outer ring first, as in GeoJSON; each ring is a flat
  list of alternating longitude/latitude in degrees (WGS84), rounded to `precision`
  decimals (1 = 0.1 degree, about 11 km), without the closing point and without
  consecutive duplicates. Rings are already split at the antimeridian upstream, so a
  plain equirectangular projection draws them without streaks.
- `iso3` is ISO_A3, or ADM0_A3 where Natural Earth has "-99" (France, Norway, Kosovo,
  Northern Cyprus, Somaliland), as the README there advises.
- A ring that collapses below three distinct points at `precision` is kept at two more
  decimals instead, so small islands and countries do not vanish.
- `--tolerance` (degrees) turns on Douglas-Peucker simplification; at 1:110m and 0.1
  degree rounding the file is already small, so it is off by default.

Standard library only.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_GEOJSON = os.path.join(os.path.dirname(ROOT), "shared", "data", "geo", "world-110m.geojson")
DEFAULT_OUT = os.path.join(ROOT, "Sources", "SitrepServer", "Web", "world.json")


def perpendicular_distance(p, a, b):
    """Distance from point p to the segment a-b, in degrees (planar)."""
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def douglas_peucker(points, tolerance):
    """Simplify an open polyline; iterative so long coasts cannot hit the recursion limit."""
    if tolerance <= 0 or len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = perpendicular_distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def compact_ring(ring, precision, tolerance):
    """Round, drop the closing point and repeats, simplify; None if nothing is left."""
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring = ring[:-1]
    # Simplify before rounding so the tolerance is measured on the real shape.
    ring = douglas_peucker(ring, tolerance) if len(ring) > 8 else ring
    for digits in (precision, precision + 2):
        out = []
        for lon, lat in ring:
            p = (round(lon, digits), round(lat, digits))
            if not out or out[-1] != p:
                out.append(p)
        while len(out) > 1 and out[0] == out[-1]:
            out.pop()
        if len(set(out)) >= 3:
            flat = []
            for lon, lat in out:
                # Integers print without ".0": a few bytes per point add up.
                flat.append(int(lon) if lon == int(lon) else lon)
                flat.append(int(lat) if lat == int(lat) else lat)
            return flat
    return None


def iso3_of(props):
    code = props.get("ISO_A3")
    if not code or code == "-99":
        code = props.get("ADM0_A3")
    return code


def compile_map(geojson, precision, tolerance):
    countries = []
    for feature in geojson["features"]:
        props = feature["properties"]
        geom = feature["geometry"]
        polys = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        polygons = []
        for poly in polys:
            rings = []
            for i, ring in enumerate(poly):
                flat = compact_ring(ring, precision, tolerance)
                if flat is None:
                    if i == 0:
                        break  # an outer ring that vanished takes its holes with it
                    continue
                rings.append(flat)
            if rings:
                polygons.append(rings)
        if polygons:
            countries.append({"name": props.get("NAME") or props.get("ADMIN"),
                              "iso3": iso3_of(props),
                              "polygons": polygons})
    countries.sort(key=lambda c: c["name"])
    return {
        "source": "Natural Earth 1:110m Admin 0 - Countries (public domain), "
                  "compiled by scripts/compile-world-map.py",
        "precision": precision,
        "countries": countries,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--geojson", default=DEFAULT_GEOJSON)
    parser.add_argument("--out", default=DEFAULT_OUT)
    parser.add_argument("--precision", type=int, default=1, help="decimals kept (default 1 = 0.1 degree)")
    parser.add_argument("--tolerance", type=float, default=0.0, help="Douglas-Peucker tolerance in degrees (default off)")
    args = parser.parse_args(argv)

    with open(args.geojson, encoding="utf-8") as f:
        geojson = json.load(f)
    world = compile_map(geojson, args.precision, args.tolerance)
    text = json.dumps(world, separators=(",", ":"), ensure_ascii=False)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    points = sum(len(r) // 2 for c in world["countries"] for p in c["polygons"] for r in p)
    print(f"compile-world-map: {len(world['countries'])} countries, {points} points, "
          f"{len(text.encode('utf-8')) + 1} bytes -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
