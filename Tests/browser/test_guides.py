"""The guides in headless Chromium: the language switcher, code tabs that
remember the reader's language across pages, and copy buttons."""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LANGUAGES


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def open_guide(driver, site_server, path):
    driver.get(f"{site_server.base}/{path}")
    # guide.js has run once the tabs exist.
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".snippet-tab"))


def selected_tabs(driver):
    return [tab.get_attribute("data-language")
            for tab in driver.find_elements(By.CSS_SELECTOR, '.snippet-tab[aria-selected="true"]')]


def visible_panels(driver):
    return [panel.get_attribute("data-language")
            for panel in driver.find_elements(By.CSS_SELECTOR, ".snippet-group > .snippet") if panel.is_displayed()]


def test_the_chosen_server_language_follows_the_reader(page, site_server):
    open_guide(page, site_server, "en/server.html")
    page.execute_script("localStorage.clear()")
    open_guide(page, site_server, "en/server.html")
    # Nothing chosen yet: each group opens on its first language (cURL has no endpoint).
    assert selected_tabs(page) == ["curl", "ruby"]
    page.find_element(By.CSS_SELECTOR, '.snippet-tab[data-language="go"]').click()
    # One choice switches every group on the page.
    assert selected_tabs(page) == ["go", "go"]
    assert visible_panels(page) == ["go", "go"]

    open_guide(page, site_server, "en/webhooks.html")
    assert selected_tabs(page) == ["go"]
    assert visible_panels(page) == ["go"]
    # The choice also survives a change of language.
    page.find_element(By.CSS_SELECTOR, '.languages a[hreflang="fr"]').click()
    wait(page, lambda d: d.current_url.endswith("/fr/webhooks.html"))
    wait(page, lambda d: selected_tabs(d) == ["go"])


def test_keyboard_moves_between_tabs(page, site_server):
    open_guide(page, site_server, "fr/webhooks.html")
    page.execute_script("localStorage.clear()")
    open_guide(page, site_server, "fr/webhooks.html")
    first = page.find_elements(By.CSS_SELECTOR, ".snippet-tab")[0]
    first.click()
    first.send_keys("\ue014")  # ArrowRight
    assert page.switch_to.active_element.get_attribute("data-language") == selected_tabs(page)[0]
    assert selected_tabs(page)[0] != first.get_attribute("data-language")


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_goes_to_the_same_guide(page, site_server, language):
    other = "en" if language == "fr" else "fr"
    page.get(f"{site_server.base}/{language}/testing.html")
    page.find_element(By.CSS_SELECTOR, f'.languages a[hreflang="{other}"]').click()
    wait(page, lambda d: d.current_url.endswith(f"/{other}/testing.html"))
    assert page.find_element(By.TAG_NAME, "html").get_attribute("lang") == other


def test_copy_button_puts_the_code_on_the_clipboard(page, site_server, strings):
    page.get(f"{site_server.base}/en/testing.html")
    wait(page, lambda d: d.find_elements(By.CSS_SELECTOR, ".copy-button"))
    block = page.find_elements(By.CSS_SELECTOR, ".guide .code-block")[0]
    button = block.find_element(By.CSS_SELECTOR, ".copy-button")
    assert button.text == strings["en"]["copy_button"]
    button.click()
    wait(page, lambda d: d.execute_script("return window.__clipboard.length") == 1)
    copied = page.execute_script("return window.__clipboard[0]")
    assert copied == block.find_element(By.CSS_SELECTOR, "code").get_attribute("textContent")
    assert copied.startswith("almakit build\ncd server/python\n")
    assert button.text == strings["en"]["copied"]


def test_guides_run_without_console_errors(page, site_server):
    for path in ["fr/index.html", "en/server.html", "en/payment-page.html", "fr/404.html"]:
        page.get(f"{site_server.base}/{path}")
        wait(page, lambda d: d.execute_script("return document.readyState") == "complete")
    errors = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_without_javascript_every_panel_is_readable(dist):
    """The built page hides nothing: tabs are made by guide.js only."""
    html = (dist / "en" / "server.html").read_text()
    panels = re.findall(r'<section class="snippet"[^>]*>', html)
    assert len(panels) == 15
    assert not any("hidden" in panel for panel in panels)
