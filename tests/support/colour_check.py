"""Colour-vision-deficiency check for the highlight palettes.

Simulates protanopia, deuteranopia and tritanopia with the severity-1.0 matrices of Machado,
Oliveira & Fernandes (2009), applied in linear RGB, and measures how far apart two colours stay.
"""

from __future__ import annotations

import math

MATRICES: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _to_linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _to_srgb(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def parse_hex(colour: str) -> tuple[float, float, float]:
    """#rrggbb → (r, g, b) in 0..1."""
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def simulate(colour: str, deficiency: str) -> tuple[float, float, float]:
    """How `colour` looks with `deficiency` (sRGB, 0..1)."""
    linear = [_to_linear(c) for c in parse_hex(colour)]
    matrix = MATRICES[deficiency]
    return tuple(_to_srgb(sum(m * c for m, c in zip(row, linear))) for row in matrix)  # type: ignore[return-value]


def distance(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """Euclidean distance in sRGB scaled to 0..255 per channel (a rough, conservative measure)."""
    return 255 * math.dist(a, b)


def closest_pair(colours: dict[str, str], deficiency: str | None = None) -> tuple[float, str, str]:
    """The two entries of `colours` that look most alike (with `deficiency`, or normal vision)."""
    seen = {key: (simulate(c, deficiency) if deficiency else parse_hex(c)) for key, c in colours.items()}
    keys = list(seen)
    best = (math.inf, "", "")
    for i, first in enumerate(keys):
        for second in keys[i + 1 :]:
            best = min(best, (distance(seen[first], seen[second]), first, second))
    return best
