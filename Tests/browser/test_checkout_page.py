"""The checkout and return pages in headless Chromium, against the built
example site, with Stripe.js replaced by a recording stand-in."""
import pathlib
import re

import axe_selenium_python
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LANGUAGES, set_viewport
from site_server import CLIENT_SECRET

STATUSES = ["succeeded", "processing", "requires_capture", "requires_payment_method", "requires_action", "canceled"]


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def open_checkout(driver, site_server, language):
    driver.get(f"{site_server.base}/{language}/checkout.html")
    # client.js enables the button once Stripe.js is there.
    wait(driver, lambda d: d.find_element(By.ID, "pay-button").is_enabled())
    return driver.find_element(By.ID, "pay-button")


def calls(driver):
    return driver.execute_script("return window.__stripeCalls")


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def csp_violations(driver):
    return driver.execute_script("return window.__cspViolations")


def error_text(driver):
    return driver.find_element(By.ID, "payment-error").text


def visible_status(driver):
    blocks = driver.find_elements(By.CSS_SELECTOR, "#payment-status [data-status]")
    shown = [block for block in blocks if block.is_displayed()]
    assert len(shown) == 1, [block.get_attribute("data-status") for block in shown]
    return shown[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_checkout_loads_the_configured_stripe_js_cleanly(page, site_server, stripe_js_server, config, language):
    open_checkout(page, site_server, language)
    release = config["stripe"]["api_version"].split(".")[1]
    assert stripe_js_server.requests == [f"/{release}/stripe.js"]
    scripts = [element.get_attribute("src") for element in page.find_elements(By.CSS_SELECTOR, "script[src]")]
    assert f"https://js.stripe.com/{release}/stripe.js" in scripts
    recorded = calls(page)["stripe"]
    assert recorded == [{"key": config["merchant"]["publishable_key"], "options": {"locale": language}}]
    assert page.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    assert console_errors(page) == []
    assert csp_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_pay_confirms_exactly_once_even_after_a_double_click(page, site_server, strings, language):
    button = open_checkout(page, site_server, language)
    ActionChains(page).double_click(button).perform()
    # A second submit that does not go through the (now disabled) button.
    page.execute_script("document.getElementById('payment-form').requestSubmit()")
    wait(page, lambda d: len(calls(d)["confirmPayment"]) >= 1)
    page.execute_script("return new Promise(function (done) { setTimeout(done, 600); })")

    confirmed = calls(page)["confirmPayment"]
    assert len(confirmed) == 1
    assert site_server.secret_paths == ["/secret?product=product"]
    assert site_server.checkout_posts == [], "with Stripe.js, the form is never posted"
    options = confirmed[0]
    assert options["clientSecret"] == CLIENT_SECRET
    assert options["confirmParams"]["payment_method_data"]["type"] == "alma"
    assert options["confirmParams"]["return_url"] == f"{site_server.base}/{language}/return.html"
    assert not button.is_enabled()
    assert button.get_attribute("aria-busy") == "true"
    assert button.text == strings[language]["pay_button_busy"]
    assert console_errors(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirm_error_is_shown_and_the_button_comes_back(page, site_server, stripe_js_server, strings, language):
    stripe_js_server.behaviour.update(confirm="error", errorMessage="Alma a refusé ce paiement.")
    button = open_checkout(page, site_server, language)
    button.click()
    wait(page, lambda d: error_text(d) != "")
    assert error_text(page) == "Alma a refusé ce paiement."
    wait(page, lambda d: button.is_enabled())
    assert button.get_attribute("aria-busy") == "false"
    assert strings[language]["pay_button"] in button.text
    # A second attempt is possible once the first has failed.
    button.click()
    wait(page, lambda d: len(calls(d)["confirmPayment"]) == 2)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("mode", ["error", "drop"])
def test_failed_client_secret_request_shows_the_page_message(page, site_server, strings, language, mode):
    site_server.secret_mode = mode
    button = open_checkout(page, site_server, language)
    button.click()
    wait(page, lambda d: error_text(d) != "")
    assert error_text(page) == strings[language]["error_secret"]
    wait(page, lambda d: button.is_enabled())
    assert calls(page)["confirmPayment"] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_stripe_js_the_form_posts_to_the_server(page, site_server, stripe_js_server, language):
    """A blocked Stripe.js: the button works as without JavaScript."""
    stripe_js_server.available = False
    page.get(f"{site_server.base}/{language}/checkout.html")
    wait(page, lambda d: d.execute_script("return document.readyState") == "complete")
    assert error_text(page) == ""
    page.find_element(By.ID, "pay-button").click()
    wait(page, lambda d: site_server.checkout_posts)
    assert site_server.checkout_posts == [("/checkout", {"product": ["product"], "lang": [language]})]
    assert site_server.secret_requests == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_paying_comes_back_to_the_return_page(page, site_server, stripe_js_server, strings, language):
    stripe_js_server.behaviour.update(confirm="redirect", status="succeeded")
    open_checkout(page, site_server, language).click()
    wait(page, lambda d: "/return.html" in d.current_url)
    wait(page, lambda d: visible_status(d).get_attribute("data-status") == "succeeded")
    assert calls(page)["retrievePaymentIntent"] == [CLIENT_SECRET]
    assert visible_status(page).find_element(By.TAG_NAME, "h1").text == strings[language]["status_succeeded_title"]
    assert console_errors(page) == [] and csp_violations(page) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("status", STATUSES)
def test_return_page_shows_each_status_in_the_page_language(page, site_server, stripe_js_server, strings, language, status):
    stripe_js_server.behaviour.update(status=status)
    # redirect_status claims success every time: the page must believe Stripe only.
    page.get(f"{site_server.base}/{language}/return.html?payment_intent=pi_standin"
             f"&payment_intent_client_secret={CLIENT_SECRET}&redirect_status=succeeded")
    wait(page, lambda d: visible_status(d).get_attribute("data-status") != "loading")
    block = visible_status(page)
    assert block.get_attribute("data-status") == status
    assert block.find_element(By.TAG_NAME, "h1").text == strings[language][f"status_{status}_title"]
    assert strings[language][f"status_{status}"] in block.text
    if status in ("requires_payment_method", "requires_action", "canceled"):
        link = block.find_element(By.CSS_SELECTOR, "a.button")
        assert link.get_attribute("href") == f"{site_server.base}/{language}/checkout.html"
    assert console_errors(page) == []


def test_switching_language_on_the_return_page_keeps_the_payment(page, site_server, stripe_js_server, strings):
    stripe_js_server.behaviour.update(status="processing")
    page.get(f"{site_server.base}/fr/return.html?payment_intent_client_secret={CLIENT_SECRET}")
    wait(page, lambda d: visible_status(d).get_attribute("data-status") == "processing")
    page.find_element(By.CSS_SELECTOR, '.languages a[hreflang="en"]').click()
    wait(page, lambda d: "/en/return.html" in d.current_url)
    wait(page, lambda d: visible_status(d).get_attribute("data-status") == "processing")
    assert visible_status(page).find_element(By.TAG_NAME, "h1").text == strings["en"]["status_processing_title"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("query", ["", "?payment_intent_client_secret=", "?payment_intent_client_secret=%3Cscript%3E",
                                   "?redirect_status=succeeded"])
def test_return_page_without_a_valid_client_secret_says_so(page, site_server, strings, language, query):
    page.get(f"{site_server.base}/{language}/return.html{query}")
    wait(page, lambda d: visible_status(d).get_attribute("data-status") != "loading")
    block = visible_status(page)
    assert block.get_attribute("data-status") == "missing"
    assert block.find_element(By.TAG_NAME, "h1").text == strings[language]["status_missing_title"]
    assert calls(page)["retrievePaymentIntent"] == []


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
def test_checkout_fits_every_width_without_sideways_scrolling(page, site_server, width):
    set_viewport(page, width, 800, mobile=width < 768)
    open_checkout(page, site_server, "fr")
    overflow = page.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    button = page.find_element(By.ID, "pay-button")
    assert button.rect["x"] >= 0 and button.rect["x"] + button.rect["width"] <= width


def test_checkout_weighs_under_30_kb_without_stripe_js(page, site_server):
    open_checkout(page, site_server, "fr")
    sizes = page.execute_script("""
        var entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
        return entries.filter(function (entry) { return entry.name.indexOf('https://js.stripe.com/') !== 0; })
                      .map(function (entry) { return [entry.name, entry.decodedBodySize]; });
    """)
    names = [name for name, _ in sizes]
    # Loaded under the names that carry their hash (assets/hashed/client.<hash>.js).
    assert any(re.search(r"/assets/hashed/client\.[0-9a-f]{12}\.js$", name) for name in names), names
    assert any(re.search(r"/assets/hashed/site\.[0-9a-f]{12}\.css$", name) for name in names), names
    assert sum(size for _, size in sizes) < 30 * 1024, sizes


AXE = pathlib.Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("width, height, mobile", [(1280, 800, False), (390, 844, True)], ids=["desktop", "phone"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["fr/checkout.html", "en/checkout.html", "fr/return.html?payment_intent_client_secret=x",
                                  "en/server.html", "fr/index.html", "en/404.html",
                                  "fr/payment-error.html"])
def test_pages_pass_axe_wcag_aa_checks(page, site_server, scheme, path, width, height, mobile):
    set_viewport(page, width, height, mobile)
    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
    page.get(f"{site_server.base}/{path}")
    wait(page, lambda d: d.execute_script("return document.readyState") == "complete")
    page.execute_script(AXE.read_text())
    result = page.execute_script("""
        return axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice']}})
                  .then(function (r) { return r.violations.map(function (v) {
                      return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }); });
    """)
    assert result == []


def test_screenshots_of_the_payment_pages(page, site_server, stripe_js_server, artifacts):
    """Written for people to look at (CI keeps them as artifacts); the test
    checks that each one was taken at the size asked for."""
    shots = []
    for language in LANGUAGES:
        for name, (width, height, mobile) in {"phone": (390, 844, True), "desktop": (1280, 800, False)}.items():
            set_viewport(page, width, height, mobile)
            open_checkout(page, site_server, language)
            path = artifacts / f"checkout-{language}-{name}.png"
            page.save_screenshot(str(path))
            shots.append((path, width, height))
        stripe_js_server.behaviour.update(status="succeeded")
        set_viewport(page, 390, 844, True)
        page.get(f"{site_server.base}/{language}/return.html?payment_intent_client_secret={CLIENT_SECRET}")
        wait(page, lambda d: visible_status(d).get_attribute("data-status") == "succeeded")
        path = artifacts / f"return-{language}-phone.png"
        page.save_screenshot(str(path))
        shots.append((path, 390, 844))
    for path, width, height in shots:
        header = path.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert (int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")) == (width, height)
