#!/usr/bin/env python3
"""A synthetic constraint layer of N polygons on zone 35's plane (metres, with the zone prefix): a grid of irregular
hexagons about 60 m across with 20 m gaps, like field parcels of 永久基本农田. Written as GeoJSON to stdout."""
import math
import sys

n = int(sys.argv[1])
side = int(math.ceil(math.sqrt(n)))
out = sys.stdout
out.write('{"type":"FeatureCollection","features":[')
for i in range(n):
    row, col = divmod(i, side)
    cx, cy = 35_500_000 + col * 80.0, 3_874_000 + row * 80.0
    pts = []
    for k in range(6):
        a = k * math.pi / 3 + (i % 7) * 0.05
        r = 28 + (i * 31 + k * 17) % 5
        pts.append((round(cx + r * math.cos(a), 2), round(cy + r * math.sin(a), 2)))
    pts.append(pts[0])
    ring = ",".join("[%s,%s]" % p for p in pts)
    out.write(("," if i else "") + '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[' + ring + ']]}}')
out.write("]}")
