"""Per-language glossaries: locales/<lang>/glossary.toml.

    language = "zh_TW"
    variant = "Traditional Chinese as written by developers in Taiwan"

    [[term]]
    english = "debugger"
    preferred = "除錯器"
    avoid = ["調試器", "调试器"]       # flagged by `check` in any translation
    allow = []                         # optional: phrases in which an avoided word is fine
    note = "調試 is the mainland word."

    [quotes]                           # optional: the language's quotation marks
    marks = "「」"                     # opening and closing, in that order
    inner = "『』"                     # optional: quotes inside quotes
    avoid = ["“", "”", "‘", "’"]         # flagged by `check` in any translation
    note = "Taiwan quotes with corner brackets."

An avoided word written in CJK characters is found anywhere in a translation;
one in Latin letters only as a whole word, in any case (list plurals as words too).
An avoided quotation mark is found anywhere, and a translation whose opening and closing
`marks` do not pair up (as many of one as of the other) is reported too. Inline code is
not checked: it stays as the English has it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# CJK ideographs, kana, CJK punctuation and full-width forms (the inside of a character class).
CJK_CHARACTERS = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK = re.compile(f"[{CJK_CHARACTERS}]")
_TERM_KEYS = {"english", "preferred", "avoid", "allow", "note"}
_QUOTES_KEYS = {"marks", "inner", "avoid", "note"}


class GlossaryError(Exception):
    """A glossary file that cannot be used; the message names the file and the term."""


@dataclass(frozen=True)
class Avoid:
    word: str
    term: str  # the English term it belongs to
    preferred: str
    pattern: re.Pattern
    allow: tuple[str, ...]

    def found_in(self, text: str) -> bool:
        for phrase in self.allow:
            text = text.replace(phrase, " ")
        return bool(self.pattern.search(text))


@dataclass(frozen=True)
class Quotes:
    marks: str  # opening and closing: "“”"
    inner: str  # quotes inside quotes, or ""
    avoid: tuple[str, ...]

    def problems(self, text: str) -> list[str]:
        """Each avoided mark the text uses, and opening and closing marks that do not pair up."""
        shown = f"{self.marks[0]}…{self.marks[1]}" + (
            f" ({self.inner[0]}…{self.inner[1]} inside)" if self.inner else ""
        )
        problems = [
            f'quotation mark "{mark}": the glossary says this language quotes with {shown}'
            for mark in self.avoid
            if mark in text
        ]
        opening, closing = text.count(self.marks[0]), text.count(self.marks[1])
        if opening != closing:
            problems.append(
                f'unbalanced quotation marks: {opening} "{self.marks[0]}" and {closing} "{self.marks[1]}"'
            )
        return problems


@dataclass(frozen=True)
class Glossary:
    path: Path
    language: str
    variant: str
    terms: tuple[dict, ...]
    avoid: tuple[Avoid, ...]
    quotes: Quotes | None = None

    def problems(self, text: str) -> list[str]:
        """One sentence per avoided word that the text uses (数据库 is not also reported as 数据),
        then the problems of its quotation marks."""
        quotes = self.quotes.problems(text) if self.quotes else []
        found = set()
        for item in sorted(self.avoid, key=lambda item: -len(item.word)):
            if item.found_in(text):
                found.add(item)
                text = item.pattern.sub(" ", text)
        return [
            f'avoided term "{item.word}": the glossary says "{item.term}" is "{item.preferred}"'
            for item in self.avoid
            if item in found
        ] + quotes


def _pattern(word: str) -> re.Pattern:
    if _CJK.search(word):
        return re.compile(re.escape(word))
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def load(path: Path, language: str) -> Glossary | None:
    """The glossary of one language, or None when the language has none."""
    if not path.is_file():
        return None
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise GlossaryError(f"{path}: {error}") from None
    if data.get("language") != language:
        raise GlossaryError(f'{path}: language = "{language}" is required, got {data.get("language")!r}')
    terms = data.get("term", [])
    if not isinstance(terms, list):
        raise GlossaryError(f"{path}: use [[term]] tables")
    avoid = []
    seen = set()
    for number, term in enumerate(terms, 1):
        where = f"{path}: term {number} ({term.get('english', '?')!r})"
        unknown = sorted(set(term) - _TERM_KEYS)
        if unknown:
            raise GlossaryError(f"{where}: unknown key(s) {', '.join(unknown)}")
        for key in ("english", "preferred"):
            if not isinstance(term.get(key), str) or not term[key].strip():
                raise GlossaryError(f"{where}: {key} must be a non-empty string")
        if term["english"] in seen:
            raise GlossaryError(f"{where}: listed twice")
        seen.add(term["english"])
        words, allow = term.get("avoid", []), term.get("allow", [])
        for key, value in (("avoid", words), ("allow", allow)):
            if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
                raise GlossaryError(f"{where}: {key} must be a list of non-empty strings")
        for word in words:
            avoid.append(Avoid(word, term["english"], term["preferred"], _pattern(word), tuple(allow)))
    for item in avoid:  # a glossary must not flag its own advice
        for term in terms:
            if item.found_in(term["preferred"]):
                raise GlossaryError(
                    f"{path}: {item.word!r}, avoided for {item.term!r}, is part of the preferred "
                    f"term for {term['english']!r}: add that phrase to the allow list of {item.term!r}"
                )
    quotes = _quotes(path, data.get("quotes"))
    return Glossary(path, language, str(data.get("variant", "")), tuple(terms), tuple(avoid), quotes)


def _quotes(path: Path, table: object) -> Quotes | None:
    """The `[quotes]` table: two marks, optionally two inner ones, and the marks to avoid."""
    if table is None:
        return None
    where = f"{path}: [quotes]"
    if not isinstance(table, dict):
        raise GlossaryError(f"{where} must be a table")
    unknown = sorted(set(table) - _QUOTES_KEYS)
    if unknown:
        raise GlossaryError(f"{where}: unknown key(s) {', '.join(unknown)}")
    marks, inner, avoid = table.get("marks"), table.get("inner", ""), table.get("avoid", [])
    if not isinstance(marks, str) or len(marks) != 2:
        raise GlossaryError(f"{where}: marks must be two characters, the opening and the closing mark")
    if not isinstance(inner, str) or len(inner) not in (0, 2):
        raise GlossaryError(f"{where}: inner must be two characters, the opening and the closing mark")
    if not isinstance(avoid, list) or not all(isinstance(mark, str) and mark for mark in avoid):
        raise GlossaryError(f"{where}: avoid must be a list of non-empty strings")
    used = [mark for mark in avoid if mark in marks + inner]
    if used:
        raise GlossaryError(f"{where}: {used[0]!r} is both used and avoided")
    return Quotes(marks, inner, tuple(avoid))
