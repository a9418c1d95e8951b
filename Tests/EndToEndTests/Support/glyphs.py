#!/usr/bin/env python3
"""Reads a PNG screenshot and reports, for the first line of dark text at least MIN_H pixels tall, how many
glyph-sized blobs it holds and how many of them are distinct. Missing-glyph boxes (tofu) are all alike;
real characters differ. Prints: ink_fraction blobs distinct. Standard library only (zlib, struct)."""
import struct, sys, zlib

def read_png(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, w = 8, b'', None
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
        if kind == b'IHDR':
            w, h, depth, ctype, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and interlace == 0 and ctype in (2, 6), 'unsupported PNG'
            bpp = 4 if ctype == 6 else 3
        elif kind == b'IDAT':
            idat += body
    raw = zlib.decompress(idat); stride = w * bpp; rows = []; prev = bytearray(stride); i = 0
    for _ in range(h):
        f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([sum(line[x * bpp:x * bpp + 3]) < 300 for x in range(w)]); prev = line
    return w, h, rows

w, h, dark = read_png(sys.argv[1])
MIN_H = int(sys.argv[2]) if len(sys.argv) > 2 else 14
ink = sum(sum(r) for r in dark) / float(w * h)
# The first band of consecutive rows with dark pixels, at least MIN_H tall: the title.
y = 0; band = None
while y < h:
    if any(dark[y]):
        y0 = y
        while y < h and any(dark[y]): y += 1
        if y - y0 >= MIN_H: band = (y0, y); break
    y += 1
blobs = []
if band:
    cols = [any(dark[r][x] for r in range(*band)) for x in range(w)]
    x = 0
    while x < w:
        if cols[x]:
            x0 = x
            while x < w and cols[x]: x += 1
            blobs.append(tuple(tuple(dark[r][x0:x]) for r in range(*band)))
        x += 1
print('%.4f %d %d' % (ink, len(blobs), len(set(blobs))))
