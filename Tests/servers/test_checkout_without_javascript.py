"""The checkout without JavaScript on the generated Python server, run for
real against the stand-in of Stripe's API: the form's POST creates and
confirms the PaymentIntent and sends the browser to Alma (303), the return
route asks Stripe for the outcome and sends the browser on to the return
page (#status-...); the catalogue decides every amount. And the cURL script
that shows the same confirmation."""
import http.client
import json
import os
import re
import subprocess
from urllib.parse import urlencode, urlsplit

import pytest

from almakit_testing import build, example_project, free_port, http_request as request
from stripe_stand_in import StripeStandIn
from test_generated_servers import SECRET_KEY, VERSIONS, RunningServer, build_site, restriction_values

STATUSES = ["succeeded", "processing", "requires_capture", "requires_payment_method", "requires_action", "canceled"]
CATALOGUE = {"lamp": 5000, "desk": 12000, "chair-2": 200000}


@pytest.fixture
def stand_in():
    server = StripeStandIn()
    yield server
    server.close()


def catalogue_site(tmp_path, api_version="2026-10-28.endive", extra=""):
    """The example selling three products instead of one."""
    project = example_project(tmp_path / "project", api_version)
    config = (project / "almakit.yml").read_text()
    merchant = re.search(r"\n  amount: 5099\n  product:\n(    .*\n|      .*\n)+", config)
    assert merchant, "the example's one-product form changed"
    products = "".join(f"  - id: {id}\n    name: {{ fr: Produit {id}, en: Product {id} }}\n    amount: {amount}\n"
                       for id, amount in CATALOGUE.items())
    config = config.replace(merchant.group(0), "\n") + "products:\n" + products + extra
    (project / "almakit.yml").write_text(config)
    build(project, project / "dist")
    return project


def send(port, method, target, fields=None, headers=None):
    """(status, headers, body), redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        body = urlencode(fields).encode() if fields is not None else None
        all_headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
        all_headers.update(headers or {})
        connection.request(method, target, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def post_checkout(server, **fields):
    return send(server.port, "POST", "/checkout", fields)


def only(values):
    assert len(values) == 1, values
    return values[0]


@pytest.mark.parametrize("api_version", VERSIONS)
def test_the_form_creates_and_confirms_then_sends_the_browser_to_alma(tmp_path, stand_in, api_version):
    server = RunningServer(build_site(tmp_path, api_version), stand_in, {"SITE_BASE_URL": "http://127.0.0.1:4242/"})
    try:
        # The Host header is the client's to choose: it must not reach the return address.
        status, headers, _ = send(server.port, "POST", "/checkout", {"product": "product", "lang": "en", "amount": "1"},
                                  {"Host": "attacker.example"})
    finally:
        server.stop()
    assert status == 303
    assert headers["location"] == f"{stand_in.base}/alma/redirect/pi_standin123"
    assert headers["x-frame-options"] == "DENY"
    sent = only(stand_in.created())
    form = sent["form"]
    assert form["confirm"] == ["true"]
    assert form["payment_method_data[type]"] == ["alma"]
    assert form["return_url"] == ["http://127.0.0.1:4242/checkout/return?lang=en"]
    assert form["amount"] == ["5099"], "the amount comes from the catalogue, never from the form"
    assert form["currency"] == ["eur"]
    assert form["metadata[product_id]"] == ["product"]
    expected, other = VERSIONS[api_version], ({*VERSIONS.values()} - {VERSIONS[api_version]}).pop()
    assert restriction_values(form, expected) == ["alma"]
    assert restriction_values(form, other) == []
    assert sent["headers"]["Stripe-Version"] == api_version
    assert sent["headers"]["Idempotency-Key"]
    assert "attacker" not in json.dumps(stand_in.requests)


def test_the_return_address_defaults_to_the_sites_base_url(tmp_path, stand_in):
    server = RunningServer(build_site(tmp_path, "2026-10-28.endive"), stand_in)
    try:
        # A language the site does not have means its default language.
        assert post_checkout(server, product="product", lang="xx")[0] == 303
        assert post_checkout(server, product="product", lang="en")[0] == 303
    finally:
        server.stop()
    return_urls = [only(r["form"]["return_url"]) for r in stand_in.created()]
    assert return_urls == ["https://shop.example.fr/checkout/return?lang=fr", "https://shop.example.fr/checkout/return?lang=en"]
    keys = {r["headers"]["Idempotency-Key"] for r in stand_in.created()}
    assert len(keys) == 2, "each attempt has its own idempotency key"


def test_the_catalogue_decides_every_amount(tmp_path, stand_in):
    project = catalogue_site(tmp_path)
    server = RunningServer(project, stand_in)
    try:
        for product, amount in CATALOGUE.items():
            status, body = request(server.url(f"/secret?product={product}&amount=1"))
            assert status == 200, body
            assert post_checkout(server, product=product, lang="fr", amount="1")[0] == 303
        # A catalogue of several has no default: a request must name its product.
        missing = [request(server.url("/secret")), request(server.url("/secret?product="))]
        unknown = request(server.url("/secret?product=sofa"))
        form_missing = post_checkout(server, lang="en")
        form_unknown = post_checkout(server, product="sofa", lang="en")
    finally:
        server.stop()
    created = stand_in.created()
    assert [(only(r["form"]["metadata[product_id]"]), int(only(r["form"]["amount"]))) for r in created] == \
        [(product, amount) for product, amount in CATALOGUE.items() for _ in range(2)]
    for status, body in missing:
        assert status == 400 and json.loads(body)["error"]["code"] == "missing_product"
    assert unknown[0] == 404 and json.loads(unknown[1])["error"]["code"] == "unknown_product"
    error_page = (project / "dist" / "en" / "payment-error.html").read_bytes()
    assert form_missing[0] == 400 and form_missing[2] == error_page
    assert form_unknown[0] == 404 and form_unknown[2] == error_page
    assert len(created) == 2 * len(CATALOGUE), "nothing is created for a missing or unknown product"


def test_a_one_product_site_needs_no_product_id(tmp_path, stand_in):
    server = RunningServer(build_site(tmp_path, "2026-10-28.endive"), stand_in)
    try:
        assert request(server.url("/secret"))[0] == 200
        assert post_checkout(server, lang="fr")[0] == 303
        assert request(server.url("/secret?product=other"))[0] == 404
    finally:
        server.stop()
    assert [only(r["form"]["metadata[product_id]"]) for r in stand_in.created()] == ["product", "product"]


@pytest.mark.parametrize("failure", ["stripe 500", "no next action", "alma left out", "no network"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_failure_is_the_sites_own_error_page(tmp_path, stand_in, failure, language):
    environment = {}
    if failure == "stripe 500":
        stand_in.failure = (500, json.dumps({"error": {"type": "api_error", "message": "Internal detail 7f3a"}}).encode())
    elif failure == "no next action":
        stand_in.redirects = False
    elif failure == "alma left out":
        stand_in.payment_method_types = ["card"]
    else:
        environment["STRIPE_API_BASE"] = f"http://127.0.0.1:{free_port()}"
    project = build_site(tmp_path, "2026-10-28.endive")
    server = RunningServer(project, stand_in, environment)
    try:
        status, headers, body = post_checkout(server, product="product", lang=language)
        assert request(server.url(f"/{language}/checkout.html"))[0] == 200, "the server lives on"
    finally:
        server.stop()
    assert status == 502
    assert headers["content-type"].startswith("text/html")
    assert headers["content-security-policy"].endswith("frame-ancestors 'none'")
    assert body == (project / "dist" / language / "payment-error.html").read_bytes()
    assert f'href="/{language}/checkout.html"'.encode() in body
    assert b"7f3a" not in body and b"Traceback" not in body
    assert "could not be confirmed" in server.logs() or "no redirect to Alma" in server.logs()
    assert SECRET_KEY not in server.logs()


def test_the_error_page_is_neither_indexed_nor_in_the_sitemap(tmp_path):
    dist = build_site(tmp_path, "2026-10-28.endive") / "dist"
    assert "payment-error" not in (dist / "sitemap.xml").read_text()
    for language in ["fr", "en"]:
        page = (dist / language / "payment-error.html").read_text()
        assert '<meta name="robots" content="noindex">' in page
        assert f'<html lang="{language}">' in page and "stripe.js" not in page


def test_without_the_error_page_the_answer_is_plain_text(tmp_path, stand_in):
    stand_in.redirects = False
    project = build_site(tmp_path, "2026-10-28.endive")
    (project / "dist" / "fr" / "payment-error.html").unlink()
    server = RunningServer(project, stand_in)
    try:
        status, headers, body = post_checkout(server, product="product", lang="fr")
    finally:
        server.stop()
    assert status == 502 and headers["content-type"].startswith("text/plain")
    assert b"checkout" in body


def return_route(server, language, intent_id, secret):
    query = urlencode({"lang": language, "payment_intent": intent_id, "payment_intent_client_secret": secret,
                       "redirect_status": "succeeded"})
    status, headers, _ = send(server.port, "GET", f"/checkout/return?{query}")
    assert status == 303
    return headers["location"]


@pytest.mark.parametrize("api_version", VERSIONS)
def test_the_return_route_sends_each_status_to_the_return_page(tmp_path, stand_in, api_version):
    server = RunningServer(build_site(tmp_path, api_version), stand_in)
    try:
        assert post_checkout(server, product="product", lang="en")[0] == 303
        intent = stand_in.intents["pi_standin123"]
        secret = intent["client_secret"]
        locations = {}
        # redirect_status says "succeeded" every time: only Stripe's answer counts.
        for status in STATUSES + ["requires_confirmation"]:
            intent["status"] = status
            locations[status] = return_route(server, "en", intent["id"], secret)
        intent["status"] = "succeeded"
        mismatch = return_route(server, "en", intent["id"], intent["id"] + "_secret_other")
        other_intent = return_route(server, "en", "pi_standin999", "pi_standin999_secret_x")
        malformed = return_route(server, "en", "pi_../../x", secret)
        bad_language = return_route(server, "de", intent["id"], secret)
    finally:
        server.stop()
    query = urlencode({"payment_intent": "pi_standin123", "payment_intent_client_secret": secret})
    for status in STATUSES:
        assert locations[status] == f"/en/return.html?{query}#status-{status}"
    assert locations["requires_confirmation"] == f"/en/return.html?{query}#status-unknown"
    assert mismatch == "/en/return.html#status-unknown", "a secret that is not the payment's is not passed on"
    assert other_intent.endswith("#status-unknown")
    assert malformed == "/en/return.html#status-unknown"
    assert bad_language == f"/fr/return.html?{query}#status-succeeded"
    retrieved = [r for r in stand_in.requests if r["method"] == "GET" and r["path"].startswith("/v1/payment_intents/")]
    assert retrieved and all(r["headers"]["Authorization"] == f"Bearer {SECRET_KEY}" for r in retrieved)
    assert not any("pi_.." in r["path"] for r in stand_in.requests), "a malformed id never reaches Stripe"


def test_the_return_route_goes_to_the_configured_return_page(tmp_path, stand_in):
    project = example_project(tmp_path / "project")
    config = (project / "almakit.yml").read_text().replace(
        "  currency: eur\n", "  currency: eur\n  return_url: { fr: https://shop.example.fr/fr/merci.html?src=alma, en: https://shop.example.fr/en/thanks.html }\n")
    (project / "almakit.yml").write_text(config)
    build(project, project / "dist")
    server = RunningServer(project, stand_in)
    try:
        assert post_checkout(server, product="product", lang="fr")[0] == 303
        stand_in.intents["pi_standin123"]["status"] = "processing"
        secret = stand_in.intents["pi_standin123"]["client_secret"]
        french = return_route(server, "fr", "pi_standin123", secret)
        stand_in.failure = (500, b"{}")
        english = return_route(server, "en", "pi_standin123", secret)
    finally:
        server.stop()
    query = urlencode({"payment_intent": "pi_standin123", "payment_intent_client_secret": secret})
    assert french == f"https://shop.example.fr/fr/merci.html?src=alma&{query}#status-processing"
    # Stripe failing: nothing proves the address is this payment's, so no
    # payment is passed on, as in every generated server.
    assert english == "https://shop.example.fr/en/thanks.html#status-unknown"


def test_the_stand_in_refuses_a_confirmation_without_an_absolute_return_url(stand_in):
    """As Stripe does: the tests above would prove nothing otherwise."""
    def post(path, fields):
        connection = http.client.HTTPConnection("127.0.0.1", urlsplit(stand_in.base).port, timeout=10)
        connection.request("POST", path, body=urlencode(fields), headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    create = {"amount": "5099", "currency": "eur"}
    assert post("/v1/payment_intents", {**create, "confirm": "true"})[0] == 400
    assert post("/v1/payment_intents", {**create, "confirm": "true", "return_url": "/checkout/return"})[0] == 400
    status, intent = post("/v1/payment_intents", create)
    assert status == 200 and intent["status"] == "requires_payment_method"
    assert post(f"/v1/payment_intents/{intent['id']}/confirm", {"payment_method_data[type]": "alma"})[0] == 400
    status, confirmed = post(f"/v1/payment_intents/{intent['id']}/confirm", {"return_url": "https://shop.example.fr/r"})
    assert status == 200 and confirmed["next_action"]["type"] == "redirect_to_url"


def run_script(folder, arguments, stand_in):
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_API_BASE=stand_in.base, SITE_BASE_URL="http://127.0.0.1:4242")
    return subprocess.run(["./confirm-payment-intent.sh", *arguments], cwd=folder, env=env, capture_output=True, timeout=30)


@pytest.mark.parametrize("api_version", VERSIONS)
def test_the_curl_script_confirms_and_prints_almas_address(tmp_path, stand_in, api_version):
    folder = build_site(tmp_path, api_version) / "server" / "curl"
    assert subprocess.run(["shellcheck", "--shell=bash", "confirm-payment-intent.sh", "create-payment-intent.sh"],
                          cwd=folder, capture_output=True).returncode == 0
    finished = run_script(folder, [], stand_in)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.decode().strip() == f"{stand_in.base}/alma/redirect/pi_standin123"
    form = only(stand_in.created())["form"]
    assert form["confirm"] == ["true"] and form["payment_method_data[type]"] == ["alma"]
    assert form["return_url"] == ["http://127.0.0.1:4242/checkout/return?lang=fr"]
    assert form["amount"] == ["5099"] and form["metadata[product_id]"] == ["product"]
    assert restriction_values(form, VERSIONS[api_version]) == ["alma"]

    # An intent create-payment-intent.sh made, confirmed on its own.
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_API_BASE=stand_in.base)
    created = subprocess.run(["./create-payment-intent.sh"], cwd=folder, env=env, capture_output=True, timeout=30)
    assert created.returncode == 0, created.stderr
    finished = run_script(folder, ["pi_standin124"], stand_in)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.decode().strip() == f"{stand_in.base}/alma/redirect/pi_standin124"
    confirm = only([r for r in stand_in.requests if r["path"] == "/v1/payment_intents/pi_standin124/confirm"])
    assert confirm["headers"]["Stripe-Version"] == api_version and confirm["headers"]["Idempotency-Key"]
    assert confirm["form"]["payment_method_data[type]"] == ["alma"]
    assert confirm["form"]["return_url"] == ["http://127.0.0.1:4242/checkout/return?lang=fr"]


def test_the_curl_script_says_when_stripe_gives_no_redirect(tmp_path, stand_in):
    folder = build_site(tmp_path, "2026-10-28.endive") / "server" / "curl"
    stand_in.redirects = False
    finished = run_script(folder, [], stand_in)
    assert finished.returncode == 1 and b"no redirect to Alma" in finished.stderr
    finished = run_script(folder, ["sofa"], stand_in)
    assert finished.returncode == 1 and b"Name a product of the catalogue: product" in finished.stderr


def test_the_curl_scripts_charge_the_catalogues_amounts(tmp_path, stand_in):
    folder = catalogue_site(tmp_path) / "server" / "curl"
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_API_BASE=stand_in.base)
    assert subprocess.run(["./create-payment-intent.sh"], cwd=folder, env=env, capture_output=True).returncode == 1
    for product in CATALOGUE:
        assert subprocess.run(["./create-payment-intent.sh", product], cwd=folder, env=env, capture_output=True).returncode == 0
        assert run_script(folder, [product], stand_in).returncode == 0
    assert [int(only(r["form"]["amount"])) for r in stand_in.created()] == [a for a in CATALOGUE.values() for _ in range(2)]


def test_a_base_url_with_a_path_keeps_routes_at_the_origin_and_pages_under_the_path(tmp_path, stand_in):
    # Published under /boutique/, with a server answering /checkout at the
    # origin's root (as the pages' form posts it): Stripe must send customers
    # back to the route, and the route to the page under the path.
    project = example_project(tmp_path / "project")
    config = (project / "almakit.yml").read_text()
    (project / "almakit.yml").write_text(config.replace("base_url: https://shop.example.fr", "base_url: https://shop.example.fr/boutique/"))
    build(project, project / "dist")
    server = RunningServer(project, stand_in)
    try:
        assert post_checkout(server, product="product", lang="fr")[0] == 303
        intent = stand_in.intents["pi_standin123"]
        intent["status"] = "succeeded"
        location = return_route(server, "fr", intent["id"], intent["client_secret"])
    finally:
        server.stop()
    assert only(stand_in.created())["form"]["return_url"] == ["https://shop.example.fr/checkout/return?lang=fr"]
    assert location.startswith("/boutique/fr/return.html?") and location.endswith("#status-succeeded")


def test_the_curl_script_defaults_to_the_sites_origin(tmp_path, stand_in):
    folder = build_site(tmp_path, "2026-10-28.endive") / "server" / "curl"
    env = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_API_BASE=stand_in.base)
    env.pop("SITE_BASE_URL", None)
    finished = subprocess.run(["./confirm-payment-intent.sh"], cwd=folder, env=env, capture_output=True, timeout=30)
    assert finished.returncode == 0, finished.stderr
    assert only(stand_in.created())["form"]["return_url"] == ["https://shop.example.fr/checkout/return?lang=fr"]
