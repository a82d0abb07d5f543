"""Fixtures of the browser tests: the example site built once, served on
loopback, a Stripe.js stand-in on HTTPS, and headless Chromium."""
import os
import pathlib
import shutil

import pytest
import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from almakit_testing import REPOSITORY, build, example_project
from site_server import SiteServer
from stripe_js_stand_in import StripeJSStandIn

ARTIFACTS = pathlib.Path(os.environ.get("ALMAKIT_TEST_ARTIFACTS", REPOSITORY / ".build" / "test-artifacts"))
LANGUAGES = ["fr", "en"]


@pytest.fixture(scope="session")
def dist(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    return build(example_project(folder / "project"), folder / "dist")


@pytest.fixture(scope="session")
def strings():
    """The built-in catalogues: what each page must say, by language."""
    return {language: yaml.safe_load((REPOSITORY / "Templates" / "strings" / f"{language}.yml").read_text())
            for language in LANGUAGES}


@pytest.fixture(scope="session")
def config():
    return yaml.safe_load((REPOSITORY / "almakit.yml").read_text())


@pytest.fixture(scope="session")
def stripe_js_server(tmp_path_factory):
    stand_in = StripeJSStandIn(tmp_path_factory.mktemp("tls"))
    yield stand_in
    stand_in.close()


@pytest.fixture(scope="session")
def site_server(dist):
    server = SiteServer(dist)
    yield server
    server.close()


@pytest.fixture(scope="session")
def browser(stripe_js_server):
    driver = chromium(stripe_js_server)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def browser_without_javascript(stripe_js_server):
    """Chromium with JavaScript turned off, as a customer may have it."""
    driver = chromium(stripe_js_server, javascript=False)
    yield driver
    driver.quit()


def chromium(stripe_js_server, javascript=True):
    options = webdriver.ChromeOptions()
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--host-resolver-rules=MAP js.stripe.com 127.0.0.1:{stripe_js_server.port}",
                     "--ignore-certificate-errors", "--window-size=1280,800"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    # Recorded before any page script runs; CDP-injected code is not bound by the page's CSP.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.__cspViolations = [];
        // Headless Chromium has no clipboard to read back: record what is written.
        window.__clipboard = [];
        Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {
          writeText: function (text) { window.__clipboard.push(text); return Promise.resolve(); }
        }});
        document.addEventListener('securitypolicyviolation', function (event) {
          window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
        });
    """})
    return driver


@pytest.fixture
def page(browser, site_server, stripe_js_server):
    """A clean state for each test: stand-ins reset, console drained, desktop size."""
    site_server.reset()
    stripe_js_server.reset()
    set_viewport(browser, 1280, 800)
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    browser.get("about:blank")
    browser.get_log("browser")
    return browser


@pytest.fixture(scope="session")
def artifacts():
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def set_viewport(driver, width, height, mobile=False):
    """The page's own viewport, exactly, as a phone or a desktop shows it."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
