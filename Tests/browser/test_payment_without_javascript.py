"""The checkout in Chromium without JavaScript, and with JavaScript but
without Stripe.js, against the generated Python server and the stand-in of
Stripe's API: the form's POST reaches Alma's page, Alma's way back reaches
the return page, which shows the outcome by fragment alone."""
import pytest
from selenium.webdriver.common.by import By

from almakit_testing import free_port
from conftest import LANGUAGES, set_viewport
from stripe_stand_in import StripeStandIn
from test_checkout_page import calls, csp_violations, visible_status, wait
from test_generated_servers import RunningServer, build_site

API_VERSION = "2026-10-28.endive"


@pytest.fixture(scope="module")
def stripe_api(stripe_js_server):
    stand_in = StripeStandIn()
    # The same throwaway certificate: Chromium here ignores certificate errors.
    stand_in.serve_alma_over_https(stripe_js_server.certificate, stripe_js_server.key)
    yield stand_in
    stand_in.close()


@pytest.fixture(scope="module")
def python_server(tmp_path_factory, stripe_api):
    """The example's Python server, telling Stripe to come back to itself."""
    project = build_site(tmp_path_factory.mktemp("nojs"), API_VERSION)
    port = free_port()
    server = RunningServer(project, stripe_api, {"SITE_BASE_URL": f"http://127.0.0.1:{port}"}, port=port)
    server.project = project
    yield server
    server.stop()


@pytest.fixture
def no_js(browser_without_javascript, stripe_api):
    stripe_api.redirects = True
    stripe_api.failure = None
    set_viewport(browser_without_javascript, 1280, 800)
    browser_without_javascript.get("about:blank")
    return browser_without_javascript


def shown_blocks(driver):
    return [block.get_attribute("data-status") for block in driver.find_elements(By.CSS_SELECTOR, "#payment-status > [data-status]")
            if block.is_displayed()]


def pay_without_javascript(driver, server, stripe_api, language):
    """From the checkout page to Alma's: returns the PaymentIntent's id."""
    driver.get(server.url(f"/{language}/checkout.html"))
    assert driver.find_element(By.CSS_SELECTOR, ".payment-note").is_displayed(), "JavaScript must be off"
    driver.find_element(By.ID, "pay-button").click()
    wait(driver, lambda d: "/alma/redirect/" in d.current_url)
    intent_id = driver.current_url.rsplit("/", 1)[1]
    assert driver.current_url == f"{stripe_api.alma_base}/alma/redirect/{intent_id}"
    return intent_id


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("outcome, status", [("pay", "succeeded"), ("refuse", "requires_payment_method")])
def test_paying_without_javascript_goes_to_alma_and_back(no_js, python_server, stripe_api, strings, language, outcome, status):
    intent_id = pay_without_javascript(no_js, python_server, stripe_api, language)
    created = stripe_api.created()[-1]["form"]
    assert created["confirm"] == ["true"] and created["metadata[product_id]"] == ["product"]
    assert created["return_url"] == [python_server.url(f"/checkout/return?lang={language}")]

    no_js.find_element(By.ID, outcome).click()
    wait(no_js, lambda d: "/return.html" in d.current_url)
    assert no_js.current_url.startswith(python_server.url(f"/{language}/return.html?payment_intent={intent_id}&"))
    assert no_js.current_url.endswith(f"#status-{status}")
    assert shown_blocks(no_js) == [status]
    block = no_js.find_element(By.ID, f"status-{status}")
    assert block.find_element(By.TAG_NAME, "h1").text == strings[language][f"status_{status}_title"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_return_page_without_javascript_shows_the_fragments_block_alone(no_js, python_server, strings, language):
    for status in ["succeeded", "processing", "requires_capture", "requires_payment_method", "requires_action", "canceled", "unknown"]:
        no_js.get(python_server.url(f"/{language}/return.html#status-{status}"))
        assert shown_blocks(no_js) == [status], status
    # No fragment (Stripe.js's own way back, seen without it): a neutral text, never "checking…".
    no_js.get(python_server.url(f"/{language}/return.html?payment_intent_client_secret=pi_1_secret_2"))
    assert shown_blocks(no_js) == ["static"]
    text = no_js.find_element(By.ID, "payment-status").text
    assert strings[language]["return_static"] in text
    assert strings[language]["return_loading"] not in text
    assert strings[language]["status_succeeded_title"] not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_failure_without_javascript_shows_the_error_page_with_a_way_back(no_js, python_server, stripe_api, strings, language):
    stripe_api.redirects = False
    no_js.get(python_server.url(f"/{language}/checkout.html"))
    no_js.find_element(By.ID, "pay-button").click()
    wait(no_js, lambda d: d.current_url == python_server.url("/checkout"))
    assert no_js.find_element(By.TAG_NAME, "h1").text == strings[language]["payment_error_title"]
    assert no_js.find_element(By.TAG_NAME, "html").get_attribute("lang") == language
    # Its style sheet loads from /checkout too: the page is styled, not bare.
    assert no_js.find_element(By.CSS_SELECTOR, ".button").value_of_css_property("display") == "inline-flex"
    no_js.find_element(By.LINK_TEXT, strings[language]["back_to_checkout"]).click()
    wait(no_js, lambda d: d.current_url == python_server.url(f"/{language}/checkout.html"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_stripe_js_the_real_server_takes_the_customer_to_alma(page, python_server, stripe_js_server, stripe_api, language):
    """JavaScript on, Stripe.js blocked: client.js leaves the form to the server."""
    stripe_api.redirects = True
    stripe_js_server.available = False
    page.get(python_server.url(f"/{language}/checkout.html"))
    wait(page, lambda d: d.execute_script("return document.readyState") == "complete")
    page.find_element(By.ID, "pay-button").click()
    wait(page, lambda d: "/alma/redirect/" in d.current_url)
    assert page.current_url.startswith(f"{stripe_api.alma_base}/alma/redirect/pi_standin")


def test_with_stripe_js_the_return_page_believes_stripe_not_the_fragment(page, python_server, stripe_js_server):
    """JavaScript on: one block, the one Stripe.js gives, whatever the fragment says."""
    stripe_js_server.behaviour.update(status="canceled")
    page.get(python_server.url("/fr/return.html?payment_intent=pi_1&payment_intent_client_secret=pi_1_secret_2#status-succeeded"))
    wait(page, lambda d: visible_status(d).get_attribute("data-status") == "canceled")
    assert calls(page)["retrievePaymentIntent"] == ["pi_1_secret_2"]
    assert csp_violations(page) == []


@pytest.mark.parametrize("fragment, shown", [("#status-processing", "processing"), ("", "static")])
def test_without_stripe_js_the_return_page_shows_what_the_server_found(page, python_server, stripe_js_server, fragment, shown):
    stripe_js_server.available = False
    page.get(python_server.url(f"/en/return.html?payment_intent_client_secret=pi_1_secret_2{fragment}"))
    wait(page, lambda d: visible_status(d).get_attribute("data-status") == shown)


def test_screenshots_of_the_pages_without_javascript(no_js, python_server, stripe_api, artifacts):
    """For people to look at: the return page by fragment and the error page."""
    for width, height in [(390, 844), (1280, 800)]:
        set_viewport(no_js, width, height, mobile=width < 768)
        no_js.get(python_server.url("/fr/return.html#status-succeeded"))
        no_js.save_screenshot(str(artifacts / f"return-nojs-fr-{width}.png"))
        no_js.get(python_server.url("/en/return.html"))
        no_js.save_screenshot(str(artifacts / f"return-nojs-static-en-{width}.png"))
        stripe_api.redirects = False
        no_js.get(python_server.url("/fr/checkout.html"))
        no_js.save_screenshot(str(artifacts / f"checkout-nojs-fr-{width}.png"))
        no_js.find_element(By.ID, "pay-button").click()
        wait(no_js, lambda d: d.current_url == python_server.url("/checkout"))
        no_js.save_screenshot(str(artifacts / f"payment-error-nojs-fr-{width}.png"))
