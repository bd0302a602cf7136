#!/usr/bin/env python3
"""Writes pbf-shapefile.zip: the test layer of 永久基本农田 (one rectangle on 陇西县's plane, zone 35, metres with the
zone prefix; no .prj) as an ESRI Shapefile (.shp, .shx, .dbf), the same polygon the GeoJSON of the browser test holds."""
import struct
import zipfile

X0, Y0 = 35_500_000.0, 3_874_000.0
x, y, w, h = 100.0, 0.0, 200.0, 200.0
a, b = X0 + x, Y0 + y
# a shapefile's outer ring runs clockwise
ring = [(a, b), (a, b + h), (a + w, b + h), (a + w, b), (a, b)]
box = (a, b, a + w, b + h)

content = struct.pack('<i4d2i', 5, *box, 1, len(ring)) + struct.pack('<i', 0) + b''.join(struct.pack('<2d', *p) for p in ring)
record = struct.pack('>2i', 1, len(content) // 2) + content


def header(length_bytes):
    return struct.pack('>7i', 9994, 0, 0, 0, 0, 0, length_bytes // 2) + struct.pack('<2i', 1000, 5) + struct.pack('<8d', *box, 0, 0, 0, 0)


shp = header(100 + len(record)) + record
shx = header(100 + 8) + struct.pack('>2i', 50, len(content) // 2)
name = '示例片区'.encode('gbk').ljust(20, b' ')
dbf = (struct.pack('<4BIHH20x', 3, 126, 12, 3, 1, 32 + 32 + 1, 1 + 20)
       + b'NAME'.ljust(11, b'\0') + b'C' + b'\0' * 4 + bytes([20, 0]) + b'\0' * 14 + b'\r'
       + b' ' + name + b'\x1a')
with zipfile.ZipFile('pbf-shapefile.zip', 'w') as z:
    z.writestr('pbf.shp', shp)
    z.writestr('pbf.shx', shx)
    z.writestr('pbf.dbf', dbf)
    z.writestr('pbf.cpg', 'GBK')
