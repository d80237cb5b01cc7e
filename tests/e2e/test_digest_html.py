"""`digest --format html`: a self-contained page that loads nothing from the network, and that
Debian's headless chromium renders with the chart visible (a screenshot, decoded by hand)."""
import os
import re
import shutil
import struct
import subprocess
import unittest
import zlib

from harness import UpwardTest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("test_digest_html: chromium is not installed (apt-get install chromium): the screenshot test is skipped")
BAR = (0xD9, 0x48, 0x0F)  # the chart's bar colour (render/digest_html.cpp)


def png_pixels(data):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB or RGBA PNG, without PIL."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xFF
            elif f == 2:
                line[i] = (line[i] + b) & 0xFF
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


class DigestHtmlTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.init()
        self.ok("log-win", "Shipped <the> \"new\" checkout & more", "-d", "2026-11-03")
        self.ok("log-win", "Second win", "-d", "2026-11-04")
        self.ok("log-win", "Third win", "-d", "2026-11-12")
        self.ok("log-win", "Fourth win", "-d", "2026-11-20", "--link", "https://example.com/pr/1")
        self.ok("log-win", "Hidden thing", "-d", "2026-11-20", "--private")

    def page(self):
        return self.ok("digest", "2026-11", "--format", "html")

    def test_the_page_loads_nothing_from_the_network(self):
        html = self.page()
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertNotRegex(html, r"(?i)\bsrc\s*=")
        self.assertNotRegex(html, r"(?i)<link\b|<script\b|<iframe\b|<object\b|<embed\b|@import|url\(")
        # the only addresses are the user's own links, as anchors to follow, never loaded
        self.assertNotIn("//", re.sub(r'<a href="https?://[^"<>]*">[^<]*</a>', "", html))
        self.assertIn('<a href="https://example.com/pr/1">', html)
        self.assertIn("Shipped &lt;the&gt; &quot;new&quot; checkout &amp; more", html)
        self.assertNotIn("Hidden thing", html)
        self.assertIn("<svg", html)
        self.assertIn('name="viewport"', html)

    @unittest.skipUnless(CHROMIUM, "chromium is not installed")
    def test_headless_chromium_renders_the_chart(self):
        path = os.path.join(self.tmp, "digest.html")
        with open(path, "w") as f:
            f.write(self.page())
        shot = os.path.join(self.tmp, "shot.png")
        profile = os.path.join(self.tmp, "chromium-profile")
        r = subprocess.run([CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                            "--user-data-dir=" + profile, "--screenshot=" + shot, "--window-size=800,1200",
                            "file://" + path], capture_output=True, env=dict(self.env, HOME=self.home),
                           timeout=120)
        self.assertTrue(os.path.exists(shot), r.stderr.decode(errors="replace")[-2000:])
        with open(shot, "rb") as f:
            width, height, rows = png_pixels(f.read())
        self.assertEqual((width, height), (800, 1200))
        near = lambda p: all(abs(p[i] - BAR[i]) <= 6 for i in range(3))
        bar_rows = [y for y, row in enumerate(rows) if any(near(p) for p in row)]
        bar_pixels = sum(1 for row in rows for p in row if near(p))
        # four wins over three weeks of November: bars tall and wide enough to see, near the top
        self.assertGreater(bar_pixels, 2000, "the chart's bars are not visible")
        self.assertLess(min(bar_rows), 500, "the chart is not right after the heading")
        background = rows[0][0]
        self.assertGreater(sum(1 for p in rows[min(bar_rows)] if p != background), 20)


if __name__ == "__main__":
    unittest.main()
