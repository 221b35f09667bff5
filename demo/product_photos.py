"""Photos for the demonstration OCOP products, drawn with Pillow alone.

``product_photo(picture, seed)`` paints a flat, text-free still life of one kind of product
(a rice sack, a bowl of salt, a bottle, a jar, leaf-wrapped cakes, a tray of clams, a basket
and a rolled sedge mat, a carved box, an embroidery hoop, a potted tree, a paper pouch) on a
soft background and table, and returns it as JPEG bytes, 1200 × 900. The same arguments
always give the same picture. ``photo_alt`` says in Vietnamese what a picture shows.

Shapes are drawn at twice the size and halved (``Image.reduce``), which smooths their edges
for a few milliseconds.
"""

import io
import math
import random
import zlib
from collections.abc import Iterable

from PIL import Image, ImageDraw

from demo.covers import RGB, _jitter, _mix

__all__ = ["PICTURES", "photo_alt", "photo_seed", "product_photo"]

Point = tuple[float, float]

# Picture key: what the alt text says it shows.
PICTURES = {
    "rice": "bao gạo buộc dây đỏ bên bát gạo trắng",
    "salt": "bát gỗ đầy muối trắng hạt to và chiếc xẻng gỗ nhỏ",
    "bottle": "chai thủy tinh đựng chất lỏng màu hổ phách bên chiếc chén nhỏ",
    "jar": "hũ thủy tinh nắp gỗ đựng sản phẩm màu vàng óng, bên cạnh chiếc thìa gỗ",
    "parcels": "những chiếc bánh gói lá xanh buộc lạt xếp trên đĩa sứ trắng",
    "clams": "nia tre đầy ngao vỏ trắng",
    "basket": "chiếc giỏ đan có quai và cuộn chiếu cói kẻ sọc",
    "carved": "hộp gỗ chạm hoa văn và chiếc bình đồng nhỏ",
    "embroidery": "khung thêu tròn với bông hoa thêu màu hồng, bên cạnh hai cuộn chỉ",
    "plant": "cây cảnh dáng thế trồng trong chậu sứ men lam",
    "pouch": "túi giấy có ô cửa sổ trong suốt và đĩa nhỏ đựng sản phẩm",
}

WIDTH, HEIGHT, SCALE = 1200, 900, 2
TABLE = 640  # where the table's edge crosses the picture
# The still lifes are laid out small and drawn larger, about this point.
ZOOM, CENTRE = 1.3, (600, 560)

# Soft backgrounds: (wall at the top, wall at the table, table).
_BACKGROUNDS: tuple[tuple[RGB, RGB, RGB], ...] = (
    ((247, 240, 226), (238, 226, 206), (214, 190, 156)),  # cream on light wood
    ((233, 241, 233), (220, 232, 221), (206, 196, 172)),  # sage on linen
    ((240, 236, 246), (228, 224, 238), (200, 184, 170)),  # lavender on clay
    ((249, 235, 228), (240, 222, 212), (196, 166, 136)),  # blush on wood
    ((230, 239, 246), (218, 230, 240), (212, 204, 188)),  # sky on stone
)


def photo_seed(picture: str) -> int:
    """A stable seed for a picture key (``hash`` varies between runs)."""
    return zlib.crc32(picture.encode("utf-8"))


def photo_alt(picture: str, product: str) -> str:
    """Vietnamese alt text for ``product_photo(picture, …)`` shown for ``product``."""
    return f"Ảnh minh họa sản phẩm {product}: {PICTURES[picture]}"


def _superellipse(cx: float, cy: float, rx: float, ry: float, n: float, steps: int = 72):
    """Points of |x/rx|^n + |y/ry|^n = 1: a rounded box for n > 2, an ellipse for n = 2."""
    points = []
    for i in range(steps):
        t = math.tau * i / steps
        c, s = math.cos(t), math.sin(t)
        x = rx * math.copysign(abs(c) ** (2 / n), c)
        y = ry * math.copysign(abs(s) ** (2 / n), s)
        points.append((cx + x, cy + y))
    return points


def _half_width(rx: float, ry: float, n: float, dy: float) -> float:
    """Half the width of that shape at ``dy`` from its centre."""
    u = min(abs(dy) / ry, 1.0)
    return rx * (1 - u**n) ** (1 / n)


def _rotated(points: Iterable[Point], cx: float, cy: float, angle: float) -> list[Point]:
    c, s = math.cos(angle), math.sin(angle)
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


class _Canvas:
    """An ImageDraw taking coordinates on the 1200 × 900 picture, drawing at ``SCALE``."""

    def __init__(self, rng: random.Random) -> None:
        self.zoom = 1.0  # the background fills the picture as laid out
        top, low, table = (_jitter(rng, c, 5) for c in rng.choice(_BACKGROUNDS))
        self.table = table
        self.shadow = _mix(table, (60, 44, 30), 0.28)
        w, h, wall = WIDTH * SCALE, HEIGHT * SCALE, TABLE * SCALE
        column = Image.new("RGB", (1, h), table)
        column.putdata([_mix(top, low, y / (wall - 1)) for y in range(wall)])
        self.image = column.resize((w, h), Image.Resampling.NEAREST)
        self.draw = ImageDraw.Draw(self.image)
        # The table's front edge catches the light; its grain runs across.
        self.rect(0, TABLE, WIDTH, TABLE + 6, _mix(table, (255, 255, 255), 0.35))
        for _ in range(7):
            y = rng.uniform(TABLE + 30, HEIGHT - 10)
            self.line([(0, y), (WIDTH, y + rng.uniform(-8, 8))], _mix(table, low, 0.25), 2)
        self.zoom = ZOOM

    def _p(self, points: Iterable[Point]) -> list[Point]:
        (cx, cy), k = CENTRE, self.zoom * SCALE
        return [(cx * SCALE + (x - cx) * k, cy * SCALE + (y - cy) * k) for x, y in points]

    def _s(self, box: Iterable[float]) -> list[float]:
        x0, y0, x1, y1 = box
        (a, b), (c, d) = self._p([(x0, y0), (x1, y1)])
        return [a, b, c, d]

    def _w(self, width: float) -> int:
        return round(width * self.zoom * SCALE)

    def rect(self, x0, y0, x1, y1, fill, radius: float = 0, outline=None, width: float = 0):
        box = self._s((x0, y0, x1, y1))
        line = self._w(width)
        if radius:
            self.draw.rounded_rectangle(box, self._w(radius), fill, outline, line)
        else:
            self.draw.rectangle(box, fill, outline, line)

    def ellipse(self, x0, y0, x1, y1, fill=None, outline=None, width: float = 0):
        self.draw.ellipse(self._s((x0, y0, x1, y1)), fill, outline, self._w(width))

    def circle(self, x, y, r, fill=None, outline=None, width: float = 0):
        self.ellipse(x - r, y - r, x + r, y + r, fill, outline, width)

    def polygon(self, points, fill, outline=None, width: float = 0):
        self.draw.polygon(self._p(points), fill, outline, self._w(width))

    def line(self, points, fill, width: float = 1):
        self.draw.line(self._p(points), fill, max(1, self._w(width)), joint="curve")

    def arc(self, box, start, end, fill, width: float = 1):
        self.draw.arc(self._s(box), start, end, fill, max(1, self._w(width)))

    def chord(self, box, start, end, fill, outline=None, width: float = 0):
        self.draw.chord(self._s(box), start, end, fill, outline, self._w(width))

    def pieslice(self, box, start, end, fill):
        self.draw.pieslice(self._s(box), start, end, fill)

    def ground_shadow(self, cx, cy, rx, ry):
        self.ellipse(cx - rx, cy - ry, cx + rx, cy + ry, self.shadow)

    def fill_rows(self, cx, cy, rx, ry, n, y_from, colour):
        """Fill the superellipse (cx, cy, rx, ry, n) from ``y_from`` down: a liquid's level."""
        y = max(y_from, cy - ry)
        while y <= cy + ry:
            half = _half_width(rx, ry, n, y - cy)
            if half > 0:
                self.line([(cx - half, y), (cx + half, y)], colour, 1.2)
            y += 1

    def jpeg(self) -> bytes:
        out = io.BytesIO()
        self.image.reduce(SCALE).save(out, format="JPEG", quality=88)
        return out.getvalue()


def _grains(c: _Canvas, rng, cx, cy, rx, ry, count, colour, size=(6, 2.6)):
    """Grains of rice or salt strewn over the ellipse (cx, cy, rx, ry), outlined softly."""
    edge = _mix(colour, (150, 130, 100), 0.35)
    for _ in range(count):
        a, r = rng.uniform(0, math.tau), math.sqrt(rng.random())
        x, y = cx + math.cos(a) * rx * r, cy + math.sin(a) * ry * r
        grain = _superellipse(x, y, size[0], size[1], 2, 10)
        c.polygon(_rotated(grain, x, y, rng.uniform(0, math.pi)), _jitter(rng, colour, 5), edge, 1)


def _bowl(c: _Canvas, cx, rim_y, rx, depth, body: RGB, inside: RGB, band: RGB | None = None):
    """A bowl seen from a little above: its body, then what fills it, left to the caller."""
    c.ground_shadow(cx + 10, rim_y + depth + 4, rx * 0.9, 16)
    c.pieslice((cx - rx, rim_y - depth, cx + rx, rim_y + depth), 0, 180, body)
    c.rect(cx - rx * 0.32, rim_y + depth - 10, cx + rx * 0.32, rim_y + depth + 6, body, 6)
    if band:
        c.arc((cx - rx * 0.92, rim_y - depth * 0.8, cx + rx * 0.92, rim_y + depth * 0.8), 20, 160,
              band, 5)  # fmt: skip
    c.ellipse(cx - rx, rim_y - rx * 0.22, cx + rx, rim_y + rx * 0.22, inside)


def _rice(c: _Canvas, rng: random.Random) -> None:
    burlap = _jitter(rng, (220, 196, 150), 8)
    seam = _mix(burlap, (120, 90, 60), 0.3)
    c.ground_shadow(600, 700, 250, 26)
    cx, cy, rx, ry, n = 560, 520, 175, 185, 3.2
    # The gathered neck, tied with a red string.
    c.polygon([(495, 360), (625, 360), (590, 268), (530, 268)], burlap)
    for i in range(6):
        x = 515 + i * 18
        c.ellipse(x - 16, 236, x + 16, 282, _mix(burlap, (255, 255, 255), 0.08 * (i % 2)))
    c.polygon(_superellipse(cx, cy, rx, ry, n), burlap)
    for x in range(cx - rx + 22, cx + rx - 10, 26):
        half = _half_width(ry, rx, n, x - cx) - 14
        c.line([(x, cy - half), (x, cy + half)], seam, 2)
    c.rect(522, 292, 598, 312, (184, 58, 48), 8)
    c.line([(598, 302), (640, 336)], (184, 58, 48), 6)
    # A plain label with a rice stalk.
    c.rect(470, 470, 650, 600, (248, 243, 230), 14, _mix(burlap, (90, 70, 50), 0.4), 3)
    stalk = [(520, 580), (540, 540), (565, 505), (600, 488)]
    c.line(stalk, (104, 140, 72), 5)
    for i in range(7):
        x, y = 540 + i * 9, 536 - i * 7
        c.ellipse(x - 6, y - 12, x + 6, y + 2, (214, 178, 84))
    _grains(c, rng, 770, 714, 56, 12, 26, (250, 248, 240))
    # A bowl of rice beside it.
    _bowl(c, 880, 610, 118, 92, (236, 240, 246), (250, 248, 242), (70, 110, 168))
    c.chord((772, 560, 988, 640), 180, 360, (252, 250, 244))
    _grains(c, rng, 880, 598, 86, 18, 70, (250, 248, 242), (5, 2.2))


def _salt(c: _Canvas, rng: random.Random) -> None:
    wood, white = _jitter(rng, (150, 98, 58), 8), (250, 251, 252)
    _bowl(c, 560, 590, 220, 120, wood, _mix(wood, (60, 36, 20), 0.3))
    c.chord((350, 470, 770, 640), 180, 360, white)
    c.ellipse(350, 560, 770, 640, white)
    for _ in range(140):  # crystals catching the light
        x, y = rng.uniform(390, 730), rng.uniform(500, 620)
        if ((x - 560) / 200) ** 2 + ((y - 600) / 110) ** 2 > 1:
            continue
        s = rng.uniform(3, 7)
        shade = _jitter(rng, (214, 222, 232), 10)
        c.polygon([(x, y - s), (x + s, y), (x, y + s), (x - s, y)], shade)
    for arc in range(3):  # grain of the wood
        c.arc((360 + arc * 20, 520 + arc * 10, 760 - arc * 20, 700 - arc * 6), 30, 150,
              _mix(wood, (255, 220, 180), 0.2), 3)  # fmt: skip
    # A small wooden scoop with salt, on the table.
    handle = _mix(wood, (255, 230, 200), 0.25)
    c.ground_shadow(900, 736, 120, 14)
    c.line([(820, 716), (1010, 676)], handle, 16)
    c.ellipse(730, 680, 860, 752, handle)
    c.ellipse(742, 688, 848, 736, white)
    for _ in range(24):
        x, y = rng.uniform(300, 1000), rng.uniform(720, 790)
        s = rng.uniform(2, 5)
        c.rect(x - s, y - s, x + s, y + s, (246, 248, 250))


def _glass_vessel(c: _Canvas, cx, cy, rx, ry, n, level, liquid: RGB, glass: RGB) -> None:
    c.polygon(_superellipse(cx, cy, rx, ry, n), glass)
    c.fill_rows(cx, cy, rx - 6, ry - 6, n, level, liquid)
    c.polygon(_superellipse(cx, cy, rx, ry, n), None, _mix(glass, (70, 80, 90), 0.35), 3)
    shine = _mix(liquid, (255, 255, 255), 0.45)
    c.rect(cx - rx * 0.7, cy - ry * 0.55, cx - rx * 0.5, cy + ry * 0.5, shine, 10)


def _bottle(c: _Canvas, rng: random.Random) -> None:
    glass = _mix(c.table, (236, 244, 240), 0.8)
    amber = _jitter(rng, (170, 96, 34), 8)
    c.ground_shadow(600, 716, 200, 22)
    cx, cy, rx, ry, n = 560, 520, 88, 190, 5
    c.rect(530, 240, 590, 350, glass, 10, _mix(glass, (70, 80, 90), 0.35), 3)
    c.rect(522, 212, 598, 256, (150, 50, 40), 10)
    c.line([(526, 224), (594, 224)], (190, 80, 60), 3)
    _glass_vessel(c, cx, cy, rx, ry, n, 380, amber, glass)
    c.rect(488, 480, 632, 600, (246, 238, 220), 8, (150, 110, 70), 2)
    fish = [(520, 540), (560, 520), (600, 540), (560, 558)]  # a fish on the label
    c.polygon(fish, (170, 70, 50))
    c.polygon([(600, 540), (620, 524), (620, 556)], (170, 70, 50))
    c.circle(540, 536, 4, (246, 238, 220))
    # A small cup with a little of it.
    _bowl(c, 800, 660, 74, 46, (244, 242, 236), _mix(amber, (255, 255, 255), 0.1), (90, 120, 170))


def _jar(c: _Canvas, rng: random.Random) -> None:
    glass = _mix(c.table, (238, 244, 246), 0.8)
    gold = _jitter(rng, (222, 158, 44), 8)
    wood = _jitter(rng, (150, 100, 60), 8)
    c.ground_shadow(580, 716, 210, 24)
    cx, cy, rx, ry, n = 560, 560, 140, 150, 3.6
    _glass_vessel(c, cx, cy, rx, ry, n, 450, gold, glass)
    c.rect(440, 388, 680, 440, wood, 12)
    for y in (402, 414, 426):
        c.line([(452, y), (668, y + rng.uniform(-2, 2))], _mix(wood, (60, 36, 20), 0.25), 2)
    c.rect(475, 540, 645, 630, (248, 242, 228), 10, _mix(gold, (90, 60, 20), 0.5), 2)
    c.ellipse(540, 560, 580, 610, _mix(gold, (120, 80, 20), 0.2))  # a drop on the label
    # A wooden dipper beside it.
    c.ground_shadow(880, 736, 140, 14)
    c.line([(760, 726), (960, 660)], wood, 14)
    for i in range(4):
        x, y = 968 + i * 12, 656 - i * 4
        c.ellipse(x - 20, y - 26, x + 20, y + 26, _mix(wood, (255, 230, 200), 0.1 * (i % 2)))
    c.ellipse(1000, 680, 1024, 712, gold)


def _leaf_parcel(c: _Canvas, rng, cx, cy, size, angle, leaf: RGB) -> None:
    h = size / 2
    square = [(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
    c.polygon(_rotated(square, cx, cy, angle), leaf, _mix(leaf, (30, 60, 20), 0.4), 3)
    vein = _mix(leaf, (240, 250, 220), 0.25)
    for k in (-0.5, 0, 0.5):  # the folds of the leaf
        c.line(_rotated([(cx - h, cy + k * h), (cx + h, cy + k * h)], cx, cy, angle), vein, 2)
    tie = (226, 206, 150)
    for line in ([(cx - h, cy - h * 0.2), (cx + h, cy - h * 0.2)], [(cx, cy - h), (cx, cy + h)]):
        c.line(_rotated(line, cx, cy, angle), tie, 6)


def _parcels(c: _Canvas, rng: random.Random) -> None:
    c.ground_shadow(610, 730, 320, 34)
    c.ellipse(280, 560, 940, 760, (248, 248, 246))
    c.ellipse(320, 580, 900, 740, (236, 238, 238))
    c.ellipse(320, 580, 900, 740, None, (120, 150, 190), 3)
    leaf = _jitter(rng, (92, 138, 66), 8)
    for cx, cy, angle in ((470, 640, -0.12), (610, 660, 0.08), (750, 640, -0.05), (600, 560, 0.1)):
        _leaf_parcel(c, rng, cx, cy, 150, angle + rng.uniform(-0.04, 0.04), _jitter(rng, leaf, 8))


def _clam(c: _Canvas, rng, x, y, size, angle) -> None:
    """A clam lying flat: an oval shell pointed at its hinge, with growth rings."""
    shell = _jitter(rng, (230, 222, 206), 6)
    outline = _mix(shell, (100, 86, 70), 0.5)
    body = [
        (px, py - max(0.0, y - py) * 0.35 * (1 - abs(px - x) / size))
        for px, py in _superellipse(x, y, size, size * 0.74, 2.3, 36)
    ]
    umbo = min(body, key=lambda p: p[1])
    shapes = [body] + [
        [(umbo[0] + (px - umbo[0]) * k, umbo[1] + (py - umbo[1]) * k) for px, py in body]
        for k in (0.72, 0.45)
    ]
    for k, points in enumerate(shapes):
        tint = _mix(shell, (150, 126, 100), 0.12 * k)
        c.polygon(_rotated(points, x, y, angle), tint, outline if k == 0 else None, 2)
    c.circle(*_rotated([umbo], x, y, angle)[0], size * 0.08, outline)


def _clams(c: _Canvas, rng: random.Random) -> None:
    straw = _jitter(rng, (206, 170, 110), 8)
    c.ground_shadow(600, 772, 390, 30)
    c.ellipse(230, 520, 970, 780, straw)
    for k in range(1, 6):  # the tray's woven rings
        d = k * 34
        c.ellipse(230 + d, 520 + d * 0.35, 970 - d, 780 - d * 0.35, None,
                  _mix(straw, (90, 60, 30), 0.3), 2)  # fmt: skip
    spots = []
    for _ in range(46):
        a, r = rng.uniform(0, math.tau), math.sqrt(rng.random()) * 0.84
        spots.append((600 + math.cos(a) * 330 * r, 646 + math.sin(a) * 104 * r))
    for x, y in sorted(spots, key=lambda p: p[1]):
        _clam(c, rng, x, y, rng.uniform(30, 38), rng.uniform(-0.6, 0.6))


def _basket(c: _Canvas, rng: random.Random) -> None:
    cane = _jitter(rng, (206, 164, 102), 8)
    dark = _mix(cane, (90, 60, 30), 0.35)
    c.ground_shadow(560, 710, 200, 22)
    top, bottom, y0, y1 = (380, 740), (430, 690), 440, 700
    c.arc((404, y0 - 250, 716, y0 + 250), 180, 360, dark, 18)  # the handle
    c.polygon([(top[0], y0), (top[1], y0), (bottom[1], y1), (bottom[0], y1)], cane)
    for i, y in enumerate(range(y0, y1, 22)):  # woven rows between ribs
        t = (y - y0) / (y1 - y0)
        left, right = top[0] + (bottom[0] - top[0]) * t, top[1] + (bottom[1] - top[1]) * t
        shade = _mix(cane, (255, 240, 210), 0.18) if i % 2 else cane
        c.rect(left + 2, y, right - 2, min(y + 22, y1), shade)
        for x in range(round(left) + 16 + 10 * (i % 2), round(right) - 6, 28):
            c.line([(x, y), (x, min(y + 22, y1))], dark, 2)
    c.ellipse(top[0] - 6, y0 - 26, top[1] + 6, y0 + 26, dark)
    c.ellipse(top[0] + 8, y0 - 16, top[1] - 8, y0 + 16, _mix(cane, (70, 50, 30), 0.5))
    # A rolled sedge mat in front, with coloured stripes.
    sedge = _jitter(rng, (226, 206, 150), 8)
    c.ground_shadow(850, 760, 210, 16)
    c.rect(650, 660, 1030, 750, sedge, 44)
    for x, colour in ((720, (176, 52, 48)), (760, (70, 120, 80)), (900, (176, 52, 48)),
                      (940, (70, 120, 80))):  # fmt: skip
        c.rect(x, 662, x + 16, 748, colour)
    c.ellipse(986, 660, 1046, 750, _mix(sedge, (120, 90, 50), 0.15))
    for k in range(1, 4):
        c.ellipse(986 + k * 7, 660 + k * 10, 1046 - k * 7, 750 - k * 10, None, (150, 120, 70), 2)


def _carved(c: _Canvas, rng: random.Random) -> None:
    wood = _jitter(rng, (124, 74, 42), 8)
    light, carve = _mix(wood, (230, 180, 130), 0.35), _mix(wood, (240, 200, 150), 0.45)
    c.ground_shadow(560, 712, 260, 24)
    c.polygon([(320, 500), (680, 500), (736, 446), (376, 446)], light)
    c.polygon([(680, 500), (736, 446), (736, 650), (680, 704)], _mix(wood, (30, 16, 8), 0.3))
    c.rect(320, 500, 680, 704, wood)
    c.line([(320, 540), (680, 540)], _mix(wood, (20, 10, 5), 0.4), 3)  # the lid's seam
    c.rect(350, 560, 650, 684, None, 14, carve, 4)
    c.circle(500, 622, 16, carve)
    for k in range(8):  # a flower carved in the middle
        a = k * math.tau / 8
        x, y = 500 + math.cos(a) * 36, 622 + math.sin(a) * 28
        c.ellipse(x - 14, y - 10, x + 14, y + 10, None, carve, 3)
    for side in (-1, 1):  # scrolls either side
        x = 500 + side * 100
        start = 180 if side < 0 else 0
        c.arc((x - 40, 590, x + 40, 660), start, start + 180, carve, 4)
    # A small bronze vase.
    bronze = _jitter(rng, (178, 128, 58), 8)
    c.ground_shadow(870, 716, 90, 14)
    c.rect(838, 380, 902, 490, bronze)
    c.ellipse(818, 364, 922, 396, _mix(bronze, (255, 230, 170), 0.25))
    c.ellipse(790, 470, 950, 706, bronze)
    c.rect(836, 690, 904, 712, _mix(bronze, (60, 40, 20), 0.3), 4)
    c.rect(812, 520, 836, 640, _mix(bronze, (255, 236, 190), 0.4), 10)  # its shine
    c.arc((800, 540, 940, 600), 0, 180, _mix(bronze, (70, 40, 10), 0.4), 4)
    for k in range(5):
        c.circle(826 + k * 22, 590 + abs(k - 2) * 3, 4, _mix(bronze, (70, 40, 10), 0.4))


def _petal_flower(c: _Canvas, rng, x, y, r, colour: RGB) -> None:
    for k in range(8):
        a = k * math.tau / 8 + rng.uniform(-0.05, 0.05)
        px, py = x + math.cos(a) * r, y + math.sin(a) * r
        petal = _rotated(_superellipse(px, py, r * 0.7, r * 0.38, 2, 24), px, py, a)
        c.polygon(petal, _mix(colour, (255, 255, 255), 0.12 * (k % 2)))
        c.line([(x, y), (px, py)], _mix(colour, (120, 20, 40), 0.35), 2)
    c.circle(x, y, r * 0.36, (236, 196, 72))


def _embroidery(c: _Canvas, rng: random.Random) -> None:
    ring = _jitter(rng, (204, 160, 104), 8)
    c.ground_shadow(560, 760, 260, 22)
    c.rect(538, 190, 582, 236, _mix(ring, (90, 60, 30), 0.3), 6)  # the hoop's screw
    c.circle(560, 480, 262, ring)
    c.circle(560, 480, 236, (250, 248, 243))
    c.circle(560, 480, 248, None, _mix(ring, (90, 60, 30), 0.35), 3)
    green = (86, 138, 80)
    c.line([(560, 560), (548, 640), (566, 700)], green, 6)
    for side in (-1, 1):  # leaves
        leaf = _superellipse(560 + side * 48, 640, 44, 18, 2, 24)
        c.polygon(_rotated(leaf, 560 + side * 48, 640, side * 0.5), green)
    pink = _jitter(rng, (214, 94, 122), 8)
    _petal_flower(c, rng, 560, 480, 70, pink)
    _petal_flower(c, rng, 420, 400, 34, _mix(pink, (250, 200, 120), 0.4))
    _petal_flower(c, rng, 690, 410, 30, _mix(pink, (150, 110, 220), 0.4))
    for _ in range(40):  # running stitches round the edge
        a = rng.uniform(0, math.tau)
        x, y = 560 + math.cos(a) * 200, 480 + math.sin(a) * 200
        c.line([(x, y), (x - math.sin(a) * 8, y + math.cos(a) * 8)], pink, 2)
    for x, colour in ((880, (190, 60, 70)), (970, (70, 130, 90))):  # two spools
        c.ground_shadow(x + 6, 756, 48, 10)
        c.rect(x - 40, 650, x + 40, 752, colour)
        c.rect(x - 48, 640, x + 48, 656, (222, 196, 150), 4)
        c.rect(x - 48, 746, x + 48, 762, (222, 196, 150), 4)
        for y in range(662, 746, 10):
            c.line([(x - 38, y), (x + 38, y + 2)], _mix(colour, (255, 255, 255), 0.2), 2)


def _plant(c: _Canvas, rng: random.Random) -> None:
    porcelain, blue = (244, 246, 248), _jitter(rng, (52, 92, 160), 8)
    c.ground_shadow(600, 770, 200, 20)
    pot = [(440, 600), (760, 600), (720, 760), (480, 760)]
    c.polygon(pot, porcelain, _mix(blue, (255, 255, 255), 0.5), 2)
    c.rect(424, 584, 776, 614, porcelain, 6, _mix(blue, (255, 255, 255), 0.5), 2)
    c.rect(456, 640, 744, 650, blue)
    c.rect(472, 724, 728, 732, blue)
    for k in range(5):  # a simple motif between the bands
        x = 500 + k * 50
        c.circle(x, 686, 12, None, blue, 3)
    c.ellipse(446, 578, 754, 602, (96, 120, 70))  # moss
    # The trunk: round brush strokes along a curve, thinner toward the top.
    bark = _jitter(rng, (104, 74, 54), 8)
    path = [(610, 590), (560, 520), (520, 450), (560, 390), (640, 350), (690, 300)]
    steps = 60
    for i in range(steps + 1):
        u = i / steps * (len(path) - 1)
        k = min(int(u), len(path) - 2)
        f = u - k
        x = path[k][0] + (path[k + 1][0] - path[k][0]) * f
        y = path[k][1] + (path[k + 1][1] - path[k][1]) * f
        c.circle(x, y, 26 - 16 * i / steps, bark)
    c.line([(540, 470), (440, 420)], bark, 12)
    c.line([(620, 360), (760, 380)], bark, 10)
    greens = [_jitter(rng, (80, 130, 70), 8), _jitter(rng, (110, 160, 84), 8)]
    for px, py, w in ((430, 400, 110), (700, 280, 130), (780, 370, 100), (560, 340, 90)):
        for _ in range(14):  # a pad of foliage
            x, y = px + rng.uniform(-w / 2, w / 2), py + rng.uniform(-w / 5, w / 6)
            r = rng.uniform(18, 30)
            c.ellipse(x - r, y - r * 0.7, x + r, y + r * 0.7, rng.choice(greens))
        for _ in range(5):  # a few pink blossoms
            x, y = px + rng.uniform(-w / 2, w / 2), py + rng.uniform(-w / 4, w / 6)
            for k in range(5):
                a = k * math.tau / 5
                c.circle(x + math.cos(a) * 6, y + math.sin(a) * 6, 5, (240, 170, 190))
            c.circle(x, y, 3, (230, 200, 90))


def _pouch(c: _Canvas, rng: random.Random) -> None:
    kraft = _jitter(rng, (196, 160, 112), 8)
    filling = _jitter(rng, (226, 190, 120), 8)
    c.ground_shadow(580, 726, 220, 22)
    c.polygon(_superellipse(560, 490, 160, 230, 6), kraft)
    c.rect(404, 262, 716, 296, _mix(kraft, (80, 60, 30), 0.15), 6)  # the sealed top
    for x in range(414, 710, 12):
        c.line([(x, 266), (x, 292)], _mix(kraft, (80, 60, 30), 0.3), 2)
    c.rect(440, 330, 680, 400, (248, 242, 228), 10)
    leaf = _rotated(_superellipse(560, 365, 34, 14, 2, 24), 560, 365, -0.4)
    c.polygon(leaf, (98, 140, 74))
    c.rect(460, 430, 660, 650, _mix(kraft, (250, 246, 236), 0.75), 16)  # the window
    for _ in range(90):
        x, y = rng.uniform(474, 646), rng.uniform(470, 640)
        c.circle(x, y, rng.uniform(9, 14), _jitter(rng, filling, 10))
    c.rect(460, 430, 660, 650, None, 16, _mix(kraft, (80, 60, 30), 0.3), 3)
    # A small dish of it in front.
    c.ground_shadow(860, 756, 120, 14)
    c.ellipse(740, 700, 980, 768, (246, 246, 244))
    c.ellipse(756, 708, 964, 758, (232, 234, 234))
    for _ in range(22):
        x, y = rng.uniform(790, 930), rng.uniform(706, 742)
        c.circle(x, y, rng.uniform(10, 14), _jitter(rng, filling, 10))


_PAINTERS = {
    "rice": _rice,
    "salt": _salt,
    "bottle": _bottle,
    "jar": _jar,
    "parcels": _parcels,
    "clams": _clams,
    "basket": _basket,
    "carved": _carved,
    "embroidery": _embroidery,
    "plant": _plant,
    "pouch": _pouch,
}


def product_photo(picture: str, seed: int | None = None) -> bytes:
    """A JPEG still life of ``picture`` (a key of ``PICTURES``), 1200 × 900.

    ``seed`` (``photo_seed(picture)`` by default) moves the colours and small details.
    """
    rng = random.Random(photo_seed(picture) if seed is None else seed)
    canvas = _Canvas(rng)
    _PAINTERS[picture](canvas, rng)
    return canvas.jpeg()
