"""Cover pictures for the demonstration articles, drawn with Pillow alone.

``cover_image(seed)`` paints a small, text-free landscape of the Red River delta countryside
(rice fields, a river with a boat, a village, or coastal salt pans) under a morning, midday
or evening sky, and returns it as JPEG bytes. The same seed always gives the same picture.

``cover_alt`` describes the picture a seed gives, in Vietnamese, for the ``alt`` attribute.
It takes the same integer seed as ``cover_image``, or an article dict, whose seed is then
``cover_seed(article)`` (a CRC of its title); pass ``cover_seed(article)`` to ``cover_image``
so that picture and text agree.
"""

import io
import math
import random
import zlib

from PIL import Image, ImageDraw

__all__ = ["SCENES", "cover_alt", "cover_caption", "cover_image", "cover_seed"]

RGB = tuple[int, int, int]

# Scene key: what the alt text says it shows.
SCENES = {
    "rice": "cánh đồng lúa xanh",
    "harvest": "cánh đồng lúa chín vàng",
    "river": "dòng sông quê bên cánh đồng",
    "village": "làng quê với những mái nhà bên cánh đồng",
    "salt": "đồng muối ven biển",
}
_SCENE_ORDER = tuple(SCENES)

# Skies: (top, horizon, sun, sun glow); the last one is an evening sky.
_SKIES: tuple[tuple[RGB, RGB, RGB, RGB], ...] = (
    ((92, 158, 214), (206, 229, 240), (255, 250, 225), (255, 244, 200)),  # clear day
    ((120, 170, 220), (236, 226, 200), (255, 243, 196), (255, 226, 160)),  # morning
    ((70, 140, 205), (178, 215, 236), (255, 255, 235), (240, 248, 255)),  # bright noon
    ((86, 104, 168), (250, 190, 130), (255, 214, 140), (255, 170, 100)),  # evening
)
_EVENING = 3

_GREENS: tuple[RGB, ...] = (
    (118, 176, 72),
    (96, 160, 64),
    (142, 190, 84),
    (80, 142, 60),
    (160, 200, 96),
    (108, 168, 90),
)
_GOLDS: tuple[RGB, ...] = (
    (222, 188, 84),
    (206, 170, 66),
    (232, 204, 110),
    (190, 160, 70),
    (214, 196, 98),
)
_ROOFS: tuple[RGB, ...] = ((176, 74, 52), (160, 62, 46), (190, 96, 60), (140, 70, 58))


def cover_seed(article: dict) -> int:
    """A stable seed for an article: the CRC-32 of its title (``hash`` varies between runs)."""
    return zlib.crc32(str(article.get("title", "")).encode("utf-8"))


def _plan(seed: int) -> tuple[random.Random, str, int]:
    rng = random.Random(seed)
    scene = _SCENE_ORDER[rng.randrange(len(_SCENE_ORDER))]
    sky = rng.randrange(len(_SKIES))
    return rng, scene, sky


def cover_alt(seed: int | dict) -> str:
    """Vietnamese alt text for ``cover_image(seed)``; a dict stands for ``cover_seed(dict)``."""
    if isinstance(seed, dict):
        seed = cover_seed(seed)
    _, scene, sky = _plan(seed)
    text = f"Ảnh minh họa: {SCENES[scene]}"
    if sky == _EVENING:
        text += " lúc hoàng hôn"
    return text


def cover_caption(seed: int = 0) -> str:
    """The caption printed under a demo cover (the same for every seed)."""
    return "Ảnh minh họa"


def _mix(a: RGB, b: RGB, t: float) -> RGB:
    t = min(max(t, 0.0), 1.0)
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _jitter(rng: random.Random, c: RGB, amount: int = 12) -> RGB:
    r, g, b = (min(255, max(0, v + rng.randint(-amount, amount))) for v in c)
    return (r, g, b)


def _vertical_gradient(width: int, height: int, top: RGB, bottom: RGB) -> Image.Image:
    column = Image.new("RGB", (1, max(height, 1)))
    column.putdata([_mix(top, bottom, y / max(height - 1, 1)) for y in range(max(height, 1))])
    return column.resize((width, max(height, 1)), Image.Resampling.BILINEAR)


def _wave(rng: random.Random, width: int, base: float, amp: float, steps: int = 48) -> list:
    """Points of a gently wavy line across the picture, at height ``base``."""
    waves = [
        (rng.uniform(0.6, 2.6), rng.uniform(0, math.tau), amp * rng.uniform(0.3, 1.0))
        for _ in range(3)
    ]
    points = []
    for i in range(steps + 1):
        x = width * i / steps
        u = i / steps
        y = base + sum(a * math.sin(f * math.tau * u + p) for f, p, a in waves)
        points.append((x, y))
    return points


def _sun_and_clouds(
    img: Image.Image, rng: random.Random, sky: int, horizon: int, scale: float
) -> None:
    width = img.width
    _, _, sun, glow = _SKIES[sky]
    overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    sx = rng.uniform(0.12, 0.88) * width
    sy = horizon * (rng.uniform(0.55, 0.85) if sky == _EVENING else rng.uniform(0.18, 0.5))
    r = rng.uniform(38, 58) * scale
    for k in range(6, 0, -1):
        rr = r * (1 + k * 0.45)
        draw.ellipse((sx - rr, sy - rr, sx + rr, sy + rr), fill=(*glow, 14 + 4 * (6 - k)))
    draw.ellipse((sx - r, sy - r, sx + r, sy + r), fill=(*sun, 255))
    for _ in range(rng.randint(2, 5)):
        cx = rng.uniform(0, width)
        cy = rng.uniform(0.1, 0.6) * horizon
        w = rng.uniform(120, 260) * scale
        tint = (255, 236, 220) if sky == _EVENING else (255, 255, 255)
        for _ in range(rng.randint(4, 7)):
            dx = rng.uniform(-0.5, 0.5) * w
            dy = rng.uniform(-0.12, 0.1) * w
            rx = rng.uniform(0.18, 0.34) * w
            ry = rx * rng.uniform(0.45, 0.7)
            draw.ellipse((cx + dx - rx, cy + dy - ry, cx + dx + rx, cy + dy + ry), fill=(*tint, 90))
    # A few birds.
    for _ in range(rng.randint(0, 4)):
        bx, by = rng.uniform(0.1, 0.9) * width, rng.uniform(0.15, 0.55) * horizon
        s = rng.uniform(7, 12) * scale
        line = max(1, round(2 * scale))
        draw.line(
            [(bx - s, by - s * 0.4), (bx, by), (bx + s, by - s * 0.4)], (60, 60, 70, 200), line
        )
    img.paste(Image.alpha_composite(img.convert("RGBA"), overlay).convert("RGB"))


def _hills(
    draw: ImageDraw.ImageDraw, rng: random.Random, width: int, horizon: int, haze: RGB, scale: float
) -> None:
    far = _mix((90, 130, 120), haze, 0.55)
    near = _mix((70, 120, 80), haze, 0.3)
    for colour, lift, amp in ((far, 70, 30), (near, 34, 18)):
        pts = _wave(rng, width, horizon - lift * scale, amp * scale)
        draw.polygon([*pts, (width, horizon + 2), (0, horizon + 2)], fill=_jitter(rng, colour, 6))


def _tree_line(
    draw: ImageDraw.ImageDraw, rng: random.Random, width: int, y: float, scale: float
) -> None:
    x = rng.uniform(-40, 0)
    dark = _jitter(rng, (58, 98, 52), 8)
    while x < width + 40:
        if rng.random() < 0.6:
            r = rng.uniform(10, 22) * scale
            h = rng.uniform(1.0, 1.8)
            draw.ellipse((x - r, y - 2 * r * h, x + r, y + 2), fill=_jitter(rng, dark, 10))
        x += rng.uniform(12, 40) * scale


def _fields(
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    width: int,
    top: float,
    height: int,
    palette: tuple[RGB, ...],
    scale: float,
) -> None:
    """Bands of paddy from ``top`` to the bottom, widening toward the viewer, with dikes."""
    y = top
    band = 10 * scale
    bands = []
    while y < height:
        bands.append(y)
        y += band
        band *= rng.uniform(1.25, 1.45)
    bands.append(height + 4)
    for i in range(len(bands) - 1):
        colour = _jitter(rng, palette[rng.randrange(len(palette))], 8)
        y0, y1 = bands[i], bands[i + 1]
        pts = _wave(rng, width, y0, 2 + i * scale, steps=24)
        draw.polygon([*pts, (width, y1 + 4), (0, y1 + 4)], fill=colour)
        dike = _mix(colour, (235, 225, 170), 0.45)
        draw.line(pts, fill=dike, width=max(1, round((1 + i * 0.6) * scale)))
        # Rows of plants: short strokes, denser and smaller far away.
        shade = _mix(colour, (30, 70, 30), 0.35)
        n = int(14 + 10 * i)
        stroke = max(1, round((1 + i * 0.5) * scale))
        for _ in range(n):
            px = rng.uniform(0, width)
            py = rng.uniform(y0 + 3, y1 - 2) if y1 - y0 > 6 else y0
            ln = (2 + i * 1.6) * scale
            draw.line([(px, py), (px + ln * 0.2, py - ln)], fill=shade, width=stroke)
    # Dikes running toward a vanishing point on the horizon.
    vx = rng.uniform(0.2, 0.8) * width
    dike = (226, 214, 160)
    for k in range(rng.randint(3, 6)):
        bx = rng.uniform(-0.6, 1.6) * width
        draw.line([(vx + (bx - vx) * 0.02, top + 2), (bx, height)], fill=dike, width=max(2, k))


def _person(draw: ImageDraw.ImageDraw, x: float, y: float, s: float) -> None:
    """A farmer in a conical hat (nón lá), feet at (x, y), height about 34·s."""
    draw.rectangle((x - 4 * s, y - 22 * s, x + 4 * s, y), fill=(70, 90, 120))
    draw.ellipse((x - 4 * s, y - 30 * s, x + 4 * s, y - 22 * s), fill=(190, 140, 110))
    draw.polygon(
        [(x - 12 * s, y - 26 * s), (x + 12 * s, y - 26 * s), (x, y - 38 * s)], (236, 220, 170)
    )


def _houses(
    draw: ImageDraw.ImageDraw, rng: random.Random, width: int, base: float, scale: float
) -> None:
    x = rng.uniform(0.02, 0.2) * width
    end = rng.uniform(0.55, 0.95) * width
    while x < end:
        w = rng.uniform(60, 110) * scale
        h = w * rng.uniform(0.45, 0.6)
        wall = _jitter(rng, (236, 222, 186), 10)
        roof = _jitter(rng, _ROOFS[rng.randrange(len(_ROOFS))], 8)
        b = base + rng.uniform(-4, 4) * scale
        draw.rectangle((x, b - h, x + w, b), fill=wall)
        draw.rectangle((x + w * 0.4, b - h * 0.6, x + w * 0.6, b), fill=(120, 84, 60))
        draw.polygon(
            [
                (x - w * 0.1, b - h),
                (x + w * 1.1, b - h),
                (x + w * 0.8, b - h * 1.7),
                (x + w * 0.2, b - h * 1.7),
            ],
            fill=roof,
        )
        if rng.random() < 0.6:  # a tree or bamboo clump between houses
            tx = x + w + rng.uniform(10, 30) * scale
            r = rng.uniform(16, 28) * scale
            draw.ellipse((tx - r, b - 3.2 * r, tx + r, b), fill=_jitter(rng, (62, 110, 58), 10))
            x = tx + r
        x += w + rng.uniform(14, 60) * scale


def _river(
    img: Image.Image,
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    horizon: int,
    sky_low: RGB,
    scale: float,
) -> None:
    width, height = img.size
    cx = rng.uniform(0.35, 0.65) * width
    left, right = [], []
    steps = 30
    for i in range(steps + 1):
        u = i / steps
        y = horizon + (height - horizon) * u
        half = (0.02 + 0.32 * u * u) * width
        bend = math.sin(u * math.pi * 1.2 + rng.uniform(0, 0.3)) * 0.18 * width * (1 - u * 0.3)
        left.append((cx + bend - half, y))
        right.append((cx + bend + half, y))
    water = _mix(sky_low, (60, 110, 150), 0.45)
    draw.polygon([*left, *reversed(right)], fill=water)
    draw.line(left, fill=(120, 110, 80), width=max(2, round(3 * scale)))
    draw.line(right, fill=(120, 110, 80), width=max(2, round(3 * scale)))
    shine = _mix(water, (255, 255, 255), 0.4)
    for _ in range(40):
        i = rng.randrange(4, steps)
        y = left[i][1]
        x0, x1 = left[i][0], right[i][0]
        x = rng.uniform(x0 + (x1 - x0) * 0.1, x1 - (x1 - x0) * 0.2)
        draw.line([(x, y), (x + (x1 - x0) * rng.uniform(0.05, 0.15), y)], fill=shine, width=2)
    # A sampan with its rower.
    i = rng.randrange(steps // 2, steps - 4)
    bx = (left[i][0] + right[i][0]) / 2 + rng.uniform(-0.15, 0.15) * (right[i][0] - left[i][0])
    by = left[i][1]
    s = scale * (0.8 + 1.6 * i / steps)
    draw.polygon(
        [
            (bx - 46 * s, by - 8 * s),
            (bx + 46 * s, by - 8 * s),
            (bx + 30 * s, by + 4 * s),
            (bx - 30 * s, by + 4 * s),
        ],
        fill=(92, 62, 40),
    )
    _person(draw, bx + 10 * s, by - 8 * s, s)
    draw.line(
        [(bx + 16 * s, by - 30 * s), (bx + 40 * s, by + 6 * s)], (80, 56, 36), max(1, round(2 * s))
    )


def _salt_pans(
    draw: ImageDraw.ImageDraw,
    rng: random.Random,
    width: int,
    height: int,
    horizon: int,
    sky_low: RGB,
    scale: float,
) -> None:
    sea = _mix(sky_low, (50, 120, 170), 0.55)
    shore = horizon + 26 * scale
    draw.rectangle((0, horizon, width, shore), fill=sea)
    draw.rectangle((0, shore, width, height), fill=(168, 146, 110))
    y = shore + 4 * scale
    row = 12 * scale
    while y < height:
        gap = max(2.0, row * 0.12)
        cols = max(3, int(12 - (y - shore) / height * 8))
        offset = rng.uniform(0, width / cols)
        for c in range(-1, cols + 1):
            x0 = offset + c * width / cols
            brine = _mix((214, 226, 230), sky_low, rng.uniform(0.0, 0.35))
            draw.rectangle((x0 + gap, y + gap, x0 + width / cols - gap, y + row - gap), fill=brine)
            if rng.random() < 0.25:  # a heap of salt
                hx = x0 + rng.uniform(0.3, 0.7) * width / cols
                hs = row * 0.35
                draw.polygon(
                    [
                        (hx - hs, y + row - gap),
                        (hx + hs, y + row - gap),
                        (hx, y + row - gap - hs * 1.1),
                    ],
                    fill=(250, 250, 246),
                )
        y += row
        row *= rng.uniform(1.25, 1.4)
    _person(draw, rng.uniform(0.25, 0.75) * width, height * rng.uniform(0.75, 0.9), scale * 2.2)


def cover_image(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A JPEG landscape drawn from ``seed``; the same seed always gives the same picture."""
    rng, scene, sky = _plan(seed)
    top, low, _, _ = _SKIES[sky]
    top, low = _jitter(rng, top, 8), _jitter(rng, low, 8)
    scale = width / 1600
    horizon = round(height * rng.uniform(0.42, 0.56))

    img = Image.new("RGB", (width, height), low)
    img.paste(_vertical_gradient(width, horizon + 4, top, low), (0, 0))
    _sun_and_clouds(img, rng, sky, horizon, scale)
    draw = ImageDraw.Draw(img)
    _hills(draw, rng, width, horizon, low, scale)

    if scene == "salt":
        _salt_pans(draw, rng, width, height, horizon, low, scale)
    else:
        palette = _GOLDS if scene == "harvest" else _GREENS
        _tree_line(draw, rng, width, horizon + 3, scale)
        _fields(draw, rng, width, horizon + 2, height, palette, scale)
        if scene == "river":
            _river(img, draw, rng, horizon + 2, low, scale)
        elif scene == "village":
            _houses(draw, rng, width, horizon + 8 * scale, scale)
        if scene in ("rice", "harvest") and rng.random() < 0.7:
            for _ in range(rng.randint(1, 3)):
                s = scale * rng.uniform(1.4, 2.4)
                _person(draw, rng.uniform(0.1, 0.9) * width, height * rng.uniform(0.7, 0.95), s)
    if sky == _EVENING:  # warm the whole picture a little
        img = Image.blend(img, Image.new("RGB", img.size, (255, 170, 90)), 0.08)

    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85)
    return out.getvalue()
