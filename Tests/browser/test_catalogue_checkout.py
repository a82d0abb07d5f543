"""A shop selling three products, in Chromium against the generated Python
server and the stand-in of Stripe's API: from the product list to each
product's checkout page, each pays that product's own amount, with
JavaScript off (the form's POST) and on (Stripe.js's confirmPayment)."""
import pytest
from selenium.webdriver.common.by import By

from almakit_testing import free_port
from test_checkout_page import calls, csp_violations, wait
from test_checkout_without_javascript import CATALOGUE, catalogue_site
from test_generated_servers import RunningServer
from test_payment_without_javascript import stripe_api  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def shop(tmp_path_factory, stripe_api):  # noqa: F811
    """The three-product site and its Python server."""
    project = catalogue_site(tmp_path_factory.mktemp("catalogue"))
    port = free_port()
    server = RunningServer(project, stripe_api, {"SITE_BASE_URL": f"http://127.0.0.1:{port}"}, port=port)
    yield server
    server.stop()


def choose(driver, shop, language, product_id):
    """Opens the product list and follows one product's link to its checkout page."""
    driver.get(shop.url(f"/{language}/checkout.html"))
    cards = driver.find_elements(By.CSS_SELECTOR, ".product-card h2 a")
    assert [card.get_attribute("href") for card in cards] == [
        shop.url(f"/{language}/checkout/{id}.html") for id in CATALOGUE]
    driver.find_element(By.CSS_SELECTOR, f'.product-card a[href="checkout/{product_id}.html"].button').click()
    wait(driver, lambda d: d.current_url == shop.url(f"/{language}/checkout/{product_id}.html"))


@pytest.mark.parametrize("product_id", list(CATALOGUE))
def test_without_javascript_each_product_pays_its_own_amount(browser_without_javascript, shop, stripe_api, product_id):  # noqa: F811
    stripe_api.redirects, stripe_api.failure = True, None
    driver = browser_without_javascript
    choose(driver, shop, "fr", product_id)
    before = len(stripe_api.created())
    driver.find_element(By.ID, "pay-button").click()
    wait(driver, lambda d: "/alma/redirect/" in d.current_url)
    created = stripe_api.created()[before:]
    assert len(created) == 1
    form = created[0]["form"]
    assert form["amount"] == [str(CATALOGUE[product_id])]
    assert form["metadata[product_id]"] == [product_id]
    assert form["confirm"] == ["true"]
    assert form["return_url"] == [shop.url("/checkout/return?lang=fr")]


@pytest.mark.parametrize("product_id", list(CATALOGUE))
def test_with_javascript_each_product_pays_its_own_amount(page, shop, stripe_api, stripe_js_server, product_id):  # noqa: F811
    stripe_api.redirects, stripe_api.failure = True, None
    stripe_js_server.available = True
    choose(page, shop, "en", product_id)
    wait(page, lambda d: d.find_element(By.ID, "pay-button").is_enabled() and calls(d) is not None)
    before = len(stripe_api.created())
    page.find_element(By.ID, "pay-button").click()
    wait(page, lambda d: len(calls(d)["confirmPayment"]) == 1)
    # The client secret came from our server, which asked Stripe for this product's amount.
    created = stripe_api.created()[before:]
    assert [request["form"]["amount"] for request in created] == [[str(CATALOGUE[product_id])]]
    assert created[0]["form"]["metadata[product_id]"] == [product_id]
    assert "confirm" not in created[0]["form"], "with Stripe.js, the browser confirms"
    assert calls(page)["confirmPayment"][0]["confirmParams"]["payment_method_data"]["type"] == "alma"
    assert csp_violations(page) == []


def test_a_product_page_links_back_to_the_list(browser_without_javascript, shop):
    driver = browser_without_javascript
    driver.get(shop.url("/en/checkout/desk.html"))
    driver.find_element(By.CSS_SELECTOR, ".back-to-catalogue a").click()
    wait(driver, lambda d: d.current_url == shop.url("/en/checkout.html"))
