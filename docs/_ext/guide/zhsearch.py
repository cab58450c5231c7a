"""The Chinese search index: jieba kept to the text that is Chinese, and a working search page.

Sphinx's Chinese indexer runs every text of a page through jieba, the code
and the transcripts included. They are two thirds of the text of a Chinese
page and have no Chinese in them, so jieba spent half its time there, and
what it added to the ASCII words Sphinx's Chinese indexer finds anyway was
fragments (``create`` and ``app`` out of ``create_app``), the way the English
index never splits them. A text with no Chinese character is now indexed
with the ASCII words alone, as in every other language; Chinese text is
indexed exactly as before.

Imported only by a Chinese build: importing Sphinx's indexer imports jieba.
"""

from __future__ import annotations

import re

from sphinx.search.zh import SearchChinese

# The characters jieba segments as Chinese (its own default pattern, without the ASCII).
CHINESE = re.compile("[\u4e00-\u9fd5]")


class ChineseSearch(SearchChinese):
    if SearchChinese.js_stemmer_rawcode == "english-stemmer.js":
        # Sphinx 9.0's Chinese search ships English's stemmer script, but names the
        # class it looks for after `language_name`: the search page stopped with
        # "ChineseStemmer is not defined". The stemmer is for Latin words only.
        language_name = "English"

    def split(self, input: str) -> list[str]:
        if CHINESE.search(input):
            return super().split(input)
        words = self.latin1_letters.findall(input)
        self.latin_terms.update(words)
        # The parts of snake_case names, which jieba finds too: "render" in render_template.
        return words + [part for word in words if "_" in word for part in word.split("_") if part]
