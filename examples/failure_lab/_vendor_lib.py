"""A stand-in for a small third-party library: ``sizefmt`` 1.4.0, say.

It lives here so that the lab can show a bug in code you did not write. The
bug is real: ``human_size()`` takes the logarithm of the size, and the
logarithm of zero is undefined, so an empty file raises ``ValueError``.
"""

import math

__version__ = "1.4.0"

UNITS = ("B", "KiB", "MiB", "GiB", "TiB")


def human_size(num_bytes):
    """Format a byte count for people: ``human_size(1536) == "1.5 KiB"``."""
    power = min(int(math.log(num_bytes, 1024)), len(UNITS) - 1)
    return f"{num_bytes / 1024**power:.1f} {UNITS[power]}"
