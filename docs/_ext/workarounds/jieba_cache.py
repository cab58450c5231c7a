"""jieba reads its dictionary cache a few bytes at a time.

Upstream code: ``Tokenizer.initialize`` in jieba/__init__.py loads its 9 MB
prefix-dictionary cache with ``marshal.load(cf)`` on the open file, which reads
it in small pieces: 0.8-1.3 s, against 0.25-0.4 s for the same file read whole
and decoded with ``marshal.loads``. Every Chinese build loads it once.
"""

from __future__ import annotations

import marshal

MEASURED_ON = {"jieba": "==0.42.1"}


def wanted(app) -> bool:
    return app.config.language.startswith("zh")


class WholeFileMarshal:
    """``marshal`` as jieba uses it, except that a file is read whole before it is decoded."""

    dump = staticmethod(marshal.dump)

    @staticmethod
    def load(file):
        return marshal.loads(file.read())


def install(app):
    import jieba

    original = jieba.marshal
    jieba.marshal = WholeFileMarshal

    def undo() -> None:
        jieba.marshal = original

    return undo
