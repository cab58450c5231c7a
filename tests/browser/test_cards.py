"""Cards in the browser, in every language: folding, anchors, the curl command, no JavaScript."""

from __future__ import annotations

import pytest
from sitepages import LANGUAGES

FOLDED_PAGE = "debugging.html"  # the debugger's page is a long HTML body, folded
FOLDED_CARD = "debugging-debugger-page"
CARD_PAGE = "reporting.html"
CARD = "reporting-sentry-events-unhandled"  # a 500 with a log record and a Sentry event


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_long_body_is_folded_until_opened(page, base_url, lang):
    page.goto(f"{base_url}{lang}/{FOLDED_PAGE}#{FOLDED_CARD}")
    fold = page.locator(f"#{FOLDED_CARD} details.guide-body")
    body = fold.locator("pre")
    assert not body.is_visible()
    fold.locator("summary").click()
    assert body.is_visible() and "<!doctype html>" in body.inner_text().lower()
    assert page.recorder.problems() == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_anchor_lands_on_its_card(page, base_url, lang):
    page.goto(f"{base_url}{lang}/{CARD_PAGE}#{CARD}")
    card = page.locator(f"#{CARD}")
    assert card.evaluate("card => card.matches(':target')")
    # The browser scrolls to the target once the page has settled: wait for that, not a fixed time.
    page.wait_for_function(
        "id => { const top = document.getElementById(id).getBoundingClientRect().top;"
        " return top >= 0 && top < innerHeight; }",
        arg=CARD,
    )
    link = card.locator(".guide-card-title a.headerlink")
    assert link.get_attribute("href") == f"#{CARD}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_curl_command_is_copied_and_transcripts_have_no_button(page, base_url, lang):
    page.goto(f"{base_url}{lang}/{CARD_PAGE}#{CARD}")
    card = page.locator(f"#{CARD}")
    assert card.locator(".guide-output button.copybtn").count() == 0
    curl = card.locator("details.guide-curl")
    curl.locator("summary").click()
    code = curl.locator("pre")
    code.hover()
    curl.locator("button.copybtn").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == "curl -i http://127.0.0.1:5000/average"
    assert page.recorder.problems() == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_work_without_javascript(page_without_scripts, base_url, lang):
    page = page_without_scripts
    page.goto(f"{base_url}{lang}/{FOLDED_PAGE}#{FOLDED_CARD}")
    card = page.locator(f"#{FOLDED_CARD}")
    assert card.locator(".guide-status").is_visible()
    assert card.locator(".guide-part-response pre").first.is_visible()
    fold = card.locator("details.guide-body")
    assert not fold.locator("pre").is_visible()
    fold.locator("summary").click()  # a native <details>: no script needed
    assert fold.locator("pre").is_visible()


@pytest.mark.parametrize("lang", ["en", "zh_TW"])
def test_cards_fit_a_phone(browser, base_url, lang):
    """Long lines wrap inside the card: nothing runs off the right edge at 390 px."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        page = context.new_page()
        for name in (CARD_PAGE, FOLDED_PAGE, "failure-lab.html"):
            page.goto(f"{base_url}{lang}/{name}")
            page.locator("details.guide-fold").evaluate_all("folds => folds.forEach(f => f.open = true)")
            rights = page.locator(".guide-card").evaluate_all(
                "cards => cards.map(c => c.getBoundingClientRect().right)"
            )
            widest = max(rights)
            assert widest <= 390, f"{lang}/{name}: a card reaches {widest}px"
    finally:
        context.close()


FOLDED_WHOLE_PAGE = "failure-lab.html"
FOLDED_WHOLE_CARD = "failure-lab-database-locked-read"  # a card the page folds with :folded:


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_folded_card_shows_its_title_and_opens_when_linked(page, page_without_scripts, base_url, lang):
    page.goto(f"{base_url}{lang}/{FOLDED_WHOLE_PAGE}#{FOLDED_WHOLE_CARD}")
    card = page.locator(f"#{FOLDED_WHOLE_CARD} > details")
    assert card.evaluate("card => card.open")  # the link opened it
    assert card.locator(".guide-part-response pre").first.is_visible()
    still = page_without_scripts
    still.goto(f"{base_url}{lang}/{FOLDED_WHOLE_PAGE}")
    card = still.locator(f"#{FOLDED_WHOLE_CARD} > details")
    assert card.locator("summary.guide-card-title .guide-status").is_visible()
    assert not card.locator(".guide-part-response pre").first.is_visible()
    link = still.locator(f"#{FOLDED_WHOLE_CARD} > p.guide-card-link > a.headerlink")
    assert link.get_attribute("href") == f"#{FOLDED_WHOLE_CARD}"
    card.locator("summary.guide-card-title").click()
    assert card.locator(".guide-part-response pre").first.is_visible()
    assert page.recorder.problems() == []
