"""Generated photos for the demo ledger's 佐证材料: deterministic JPEGs (no files shipped)."""

from __future__ import annotations

import hashlib
import io
import random


def demo_photo(seed: str, size: tuple[int, int] = (800, 600)) -> bytes:
    """A small 'photo' of coloured blocks, the same bytes for the same ``seed``."""
    from PIL import Image, ImageDraw

    rng = random.Random(hashlib.sha256(seed.encode("utf-8")).digest())
    im = Image.new("RGB", size, (rng.randrange(150, 230), rng.randrange(150, 230), rng.randrange(150, 230)))
    d = ImageDraw.Draw(im)
    d.rectangle((0, int(size[1] * 0.62), size[0], size[1]), fill=(120, 96, 80))  # floor
    d.rectangle((int(size[0] * 0.3), 40, int(size[0] * 0.7), 200), fill=(200, 16, 30))  # banner
    for _ in range(12):
        x, y = rng.randrange(size[0] - 60), rng.randrange(int(size[1] * 0.45), size[1] - 90)
        shade = rng.randrange(20, 90)
        d.ellipse((x, y, x + 36, y + 36), fill=(shade, shade, shade))  # heads
        d.rectangle((x - 6, y + 36, x + 42, y + 90), fill=(rng.randrange(30, 80),) * 3)
    out = io.BytesIO()
    im.save(out, "JPEG", quality=82)
    return out.getvalue()
