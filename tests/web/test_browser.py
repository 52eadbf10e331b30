"""The board page in a real browser: the system's Chromium driven by Playwright, with
axe-core (from the npm registry, installed by .ci/run) checking each page.

Nothing is downloaded: Playwright launches /usr/bin/chromium (Debian's `chromium`).
Screenshots are kept in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.repository import PlanRepository
from tests.web.conftest import NOW, Board

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / ".ci" / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "tests" / "artifacts"
RULESETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="no system Chromium (apt-get install -y chromium)"),
    pytest.mark.skipif(not AXE.exists(), reason=f"axe-core is not installed at {AXE} "
                       "(npm install --prefix .ci axe-core, as .ci/run does)"),
]


@pytest.fixture
def browser_page(board: Board) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        # axe is injected as a script, which the page's own CSP (no scripts) would refuse
        context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
        try:
            yield context.new_page()
        finally:
            context.close()
            browser.close()


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page, one line each."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("rules => axe.run(document, {runOnly: {type: 'tag', "
                            "values: rules}})", RULESETS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at "
            f"{[n['target'] for n in v['nodes']][:3]}"
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


def snap(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"board-{name}.png"), full_page=True)


def test_a_person_reads_the_board_and_follows_links_to_an_action(board: Board,
                                                                 browser_page: Any) -> None:
    page = browser_page
    with board.database.committed() as session:
        repo = PlanRepository.for_team(session)
        repo.record_status(repo.action("2.3"), "at-risk", "U1",
                           "Two agencies have not returned their audits", NOW)
    page.goto(f"{board.root}/board/{board.plan_token}")
    assert page.title() == "Summary – Cumbria LSCB Business Plan 2014-2017"
    assert page.locator("h1").inner_text() == "Cumbria LSCB Business Plan 2014-2017"
    snap(page, "summary")
    assert serious_violations(page) == []

    page.keyboard.press("Tab")  # the first stop is the skip link, and it shows
    skip = page.locator("a.skip")
    assert skip.evaluate("el => el === document.activeElement") and skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.get_by_role("link", name="2. Quality Assurance and Performance Management").click()
    assert page.locator("h1").inner_text().startswith("Theme 2:")
    snap(page, "theme")
    assert serious_violations(page) == []

    page.get_by_role("link", name="2.3", exact=True).first.click()
    assert page.url.endswith("/action/2.3")
    assert page.locator("h1").inner_text() == "Action 2.3"
    facts = page.locator("dl.facts").inner_text()
    assert "Theme" in facts and "What we are trying to achieve" in facts
    assert page.get_by_role("heading", name="History").is_visible()
    assert page.get_by_role("cell", name="Two agencies have not returned their audits",
                            exact=True).is_visible()
    assert page.locator("dl.facts .rag").inner_text() == "at risk"
    snap(page, "action")
    assert serious_violations(page) == []


def test_an_owners_page_passes_and_prints_without_its_navigation(board: Board,
                                                                 browser_page: Any) -> None:
    page = browser_page
    page.goto(f"{board.root}/board/{board.plan_token}")
    page.locator("#overdue").scroll_into_view_if_needed()
    page.get_by_role("link", name="Chair", exact=True).click()
    assert page.locator("h1").inner_text() == "Chair"
    assert page.get_by_role("table").first.is_visible()
    assert serious_violations(page) == []
    page.emulate_media(media="print")
    assert not page.locator("nav").is_visible()
    snap(page, "owner-print")
    pdf = page.pdf()  # Chromium prints it; a board member may want it on paper
    assert pdf.startswith(b"%PDF")
