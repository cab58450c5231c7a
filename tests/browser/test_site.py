"""The built site in headless Chromium: clean loads, switcher, copy, axe (search: test_search.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsersite import CONTRAST_SAMPLES, SUBFOLDER, axe_check, mark_contrast_samples
from sitepages import LANGUAGES, ROOT, SITE, built_pages

PAGES = [(lang, page) for lang in LANGUAGES for page in built_pages(lang)]
PAGE_IDS = [f"{lang}/{page}" for lang, page in PAGES]
EXAMPLE_PAGE = "error-handlers.html"  # a page with examples, present since the first chapter
CJK = re.compile(r"[\u4e00-\u9fff]+")


EVERY_RULE = {"resultTypes": ["violations"]}
NO_CONTRAST = {"rules": {"color-contrast": {"enabled": False}}, "resultTypes": ["violations"]}
CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]}


@pytest.mark.parametrize(("lang", "name"), PAGES, ids=PAGE_IDS)
def test_page_loads_cleanly_and_passes_axe(visited, base_url, lang, name):
    """No console error, no uncaught exception, no failed request, nothing from another host;
    then every axe rule, colour contrast on the English pages.

    Colours come from the same CSS in every language, so contrast is checked on the English
    pages, in the light and the dark scheme, on one element of each distinct look of text
    (prose and highlighted code alike): what the contrast rule reads is the same for the rest.
    """
    page = visited
    page.emulate_media(color_scheme="light")
    response = page.goto(f"{base_url}{lang}/{name}", wait_until="load")
    assert response is not None and response.ok
    assert page.recorder.problems() == []
    if lang != "en":
        results = axe_check(page, NO_CONTRAST)
        assert results.violations_count == 0, f"light:\n{results.generate_report()}"
        return
    assert mark_contrast_samples(page) > 0
    results = axe_check(page, EVERY_RULE, contrast_on=CONTRAST_SAMPLES)
    assert results.violations_count == 0, f"light:\n{results.generate_report()}"
    page.emulate_media(color_scheme="dark")
    assert mark_contrast_samples(page) > 0
    results = axe_check(page, CONTRAST, contrast_on=CONTRAST_SAMPLES)
    assert results.violations_count == 0, f"dark:\n{results.generate_report()}"


def test_contrast_samples_catch_one_faint_element_among_many(visited, base_url):
    """The sampling cannot hide a faint element: its look is new, so it is checked, even when
    a hidden element with the same look comes first (axe would skip that one)."""
    page = visited
    page.emulate_media(color_scheme="light")  # pale grey is faint on the light background
    page.goto(f"{base_url}en/{EXAMPLE_PAGE}")
    page.evaluate(
        """() => {
            for (const [text, hidden] of [["hidden twin", true], ["hard to read", false]]) {
                const faint = document.createElement("p");
                faint.textContent = text;
                faint.style.color = "#d8d8d8";
                faint.hidden = hidden;
                document.querySelector("article").append(faint);
            }
        }"""
    )
    mark_contrast_samples(page)
    results = axe_check(page, CONTRAST, contrast_on=CONTRAST_SAMPLES)
    assert results.violations_count == 1, results.generate_report()
    assert "hard to read" in results.generate_report()


def test_root_page_is_accessible_and_clean(browser, page_without_scripts, base_url):
    page = page_without_scripts
    page.goto(base_url)
    links = page.locator("main a")
    assert links.evaluate_all("links => links.map(a => a.getAttribute('href'))") == [
        f"{code}/index.html" for code in LANGUAGES
    ]
    assert page.recorder.problems() == []
    # axe needs scripts; the root page's own script would leave at once, so check a copy without it.
    context = browser.new_context()
    try:
        page = context.new_page()
        page.route(
            base_url,
            lambda route: route.fulfill(body=_without_scripts(SITE / "index.html"), content_type="text/html"),
        )
        page.goto(base_url)
        results = axe_check(page, EVERY_RULE)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def _without_scripts(path: Path) -> str:
    return re.sub(r"<script>.*?</script>", "", path.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh-CN", "zh_CN"),
        ("zh-TW", "zh_TW"),
        ("zh-HK", "zh_TW"),
        ("pt-BR", "pt"),
        ("pt-PT", "pt"),
        ("en-GB", "en"),
        ("de-DE", "en"),
    ],
)
def test_root_page_sends_reader_to_their_language(browser, base_url, locale, expected):
    context = browser.new_context(locale=locale)
    try:
        page = context.new_page()
        page.goto(base_url)
        page.wait_for_url(f"{base_url}{expected}/index.html")
        assert page.locator("html").get_attribute("lang") == LANGUAGES[expected]
    finally:
        context.close()


def test_switcher_lands_on_the_same_page(page, base_url):
    """Round every language once, each switching to the next, the heading's anchor kept.

    That every page links to the same page in every other language is checked without a
    browser (tests/site/test_head.py); here the links are clicked.
    """
    languages = list(LANGUAGES)
    page.goto(f"{base_url}{languages[0]}/{EXAMPLE_PAGE}#registering-a-handler")
    for target in languages[1:] + languages[:1]:
        page.locator(f'article .guide-languages a[data-guide-language="{target}"]').click()
        page.wait_for_url(f"{base_url}{target}/{EXAMPLE_PAGE}#registering-a-handler")
        assert page.locator("html").get_attribute("lang") == LANGUAGES[target]
    assert page.recorder.problems() == []


def test_switcher_remembers_the_choice_for_the_root_page(browser, base_url):
    context = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.goto(f"{base_url}en/{EXAMPLE_PAGE}")
        page.locator('article .guide-languages a[data-guide-language="pt"]').click()
        page.wait_for_url(f"{base_url}pt/{EXAMPLE_PAGE}")
        page.goto(base_url)
        page.wait_for_url(f"{base_url}pt/index.html")
    finally:
        context.close()


def test_switcher_works_in_a_subfolder_and_from_files(page, base_url):
    page.goto(f"{base_url}{SUBFOLDER.strip('/')}/zh_TW/{EXAMPLE_PAGE}")
    page.locator('article .guide-languages a[data-guide-language="pt"]').click()
    page.wait_for_url(f"{base_url}{SUBFOLDER.strip('/')}/pt/{EXAMPLE_PAGE}")
    page.goto((SITE / "en" / EXAMPLE_PAGE).as_uri())
    page.locator('article .guide-languages a[data-guide-language="zh_CN"]').click()
    page.wait_for_url((SITE / "zh_CN" / EXAMPLE_PAGE).as_uri())


def test_switcher_on_a_phone(browser, base_url):
    """On a phone the switcher is on the page itself, labelled, on one line, no menu to open."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(f"{base_url}pt/{EXAMPLE_PAGE}")
        switcher = page.locator("article nav.guide-languages")
        assert switcher.get_attribute("aria-labelledby") == "guide-languages-label"
        assert page.locator("#guide-languages-label").inner_text().strip() == "Idioma"
        links = switcher.locator("a").all()
        boxes = [link.bounding_box() for link in links]
        assert len(boxes) == len(LANGUAGES)
        assert all(box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in boxes)
        assert len({round(box["y"]) for box in boxes}) == 1, "the languages wrap onto a second line"
        switcher.locator('a[data-guide-language="zh_TW"]').click()
        page.wait_for_url(f"{base_url}zh_TW/{EXAMPLE_PAGE}")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copy_button_copies_the_example_source(page, base_url, lang):
    page.goto(f"{base_url}{lang}/{EXAMPLE_PAGE}")
    example = page.locator(".guide-example .literal-block-wrapper").first
    caption = example.locator(".caption-text").inner_text().strip()
    source = (ROOT / caption).read_text(encoding="utf-8")
    code = example.locator("div.highlight pre")
    button = example.locator("button.copybtn")
    code.hover()
    button.click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() and copied.strip() in source  # the example file itself, no prompts or numbers
    assert copied.strip() == code.text_content().strip()
    expected = {"en": "Copied!", "zh_CN": "已复制！", "zh_TW": "已複製！", "pt": "Copiado!"}[lang]
    assert button.get_attribute("data-tooltip") == expected
    assert page.recorder.problems() == []


def test_404_page_works_at_any_depth(page, base_url):
    """Hosts serve 404.html for a missing path at any depth: styles, scripts and links still resolve."""
    missing = f"{base_url}en/no/such/deep/page.html"
    body = (SITE / "404.html").read_text(encoding="utf-8")
    page.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(missing)
    page.wait_for_load_state("networkidle")
    assert (
        page.locator("body")
        .evaluate("b => getComputedStyle(b).getPropertyValue('--color-brand-primary')")
        .strip()
    )
    # The page's own 404: its response, and Chromium's console line for it (which names no URL;
    # a missing script or stylesheet would still show as a failed request of its own).
    own_404 = "console error: Failed to load resource: the server responded with a status of 404 (Not Found)"
    problems = [p for p in page.recorder.problems() if missing not in p and p != own_404]
    assert problems == []
    page.locator("article a.reference.internal").first.click()
    page.wait_for_url(f"{base_url}en/index.html")
