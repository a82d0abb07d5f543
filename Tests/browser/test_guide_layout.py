"""The guides' layout, measured in Chromium from element boxes: on a phone the
page's title and first paragraph come first and the navigation folds behind
buttons that work without JavaScript; on a desktop the sidebar and "on this
page" stand beside the text; at both sizes the copy button leaves the code clear."""
import pytest
from selenium.webdriver.common.by import By

from conftest import set_viewport

PHONE = (390, 844)
GUIDES = ["en/server.html", "fr/webhooks.html", "fr/index.html"]

# A code block's first line may be as wide as the block and scrolls under
# whatever sits at its right, so its box spans the block's width; its height
# comes from a Range over the text up to the first line break.
COPY_BUTTONS_OVER_FIRST_LINES = """
    var shown = Array.prototype.filter.call(document.querySelectorAll('.guide .code-block'),
                                            function (block) { return block.checkVisibility(); });
    var overlapping = shown.filter(function (block) {
        var code = block.querySelector('pre > code');
        var range = document.createRange();
        range.selectNodeContents(code);
        var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) {
            var lineBreak = node.data.indexOf('\\n');
            if (lineBreak >= 0) { range.setEnd(node, lineBreak); break; }
        }
        var line = range.getBoundingClientRect();
        var pre = code.parentNode.getBoundingClientRect();
        var button = block.querySelector('.copy-button').getBoundingClientRect();
        return button.left < pre.right && button.right > pre.left && button.top < line.bottom && button.bottom > line.top;
    });
    return {shown: shown.length, overlapping: overlapping.map(function (block) {
        return block.querySelector('code').textContent.split('\\n')[0]; })};
"""


def box(driver, css):
    return driver.execute_script("""
        var r = document.querySelector(arguments[0]).getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    """, css)


def shown(driver, css):
    """Whether each element is rendered. Not selenium's is_displayed, which counts
    all of a closed <details> as hidden, even where the style sheet opens it."""
    return driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll(arguments[0]), function (e) { return e.checkVisibility(); })",
        css)


def accessible_links(driver):
    """The names of the links in the accessibility tree, as a screen reader gets them."""
    nodes = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})["nodes"]
    return {node["name"]["value"] for node in nodes
            if node.get("role", {}).get("value") == "link" and not node.get("ignored")}


@pytest.fixture(params=[True, False], ids=["javascript", "no-javascript"])
def javascript(request):
    return request.param


@pytest.fixture
def phone(page, javascript):
    """The browser at a phone's size, with the pages' scripts on or off."""
    page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not javascript})
    set_viewport(page, *PHONE, mobile=True)
    yield page
    page.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("path", GUIDES)
def test_on_a_phone_the_title_and_first_paragraph_come_first(phone, site_server, path):
    phone.get(f"{site_server.base}/{path}")
    title = box(phone, ".guide > h1")
    paragraph = box(phone, ".guide > h1 + p")
    assert title["top"] < 200
    assert title["bottom"] <= paragraph["top"] and paragraph["bottom"] <= PHONE[1]
    # The navigation is folded: none of its links is shown.
    assert not any(shown(phone, ".sidebar a, .toc a"))
    assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]


def test_on_a_phone_the_navigation_opens_from_its_buttons(phone, site_server, javascript):
    phone.get(f"{site_server.base}/en/server.html")
    # guide.js adds the copy buttons: there are none when it could not run.
    assert bool(phone.find_elements(By.CSS_SELECTOR, ".copy-button")) == javascript
    guides, contents = box(phone, ".sidebar-menu > summary"), box(phone, ".toc-menu > summary")
    assert abs(guides["top"] - contents["top"]) < 1 and contents["right"] <= PHONE[0]
    for menu, links in [(".sidebar-menu", ".sidebar a"), (".toc-menu", ".toc a")]:
        assert not any(shown(phone, links))
        phone.find_element(By.CSS_SELECTOR, f"{menu} > summary").click()
        assert all(shown(phone, links))
    # Opened, the navigation comes before the text, which moves down to make room.
    assert box(phone, ".toc a")["bottom"] <= box(phone, ".guide > h1")["top"]


@pytest.mark.parametrize("path", GUIDES)
def test_on_a_desktop_the_sidebar_stands_beside_the_text(page, site_server, path):
    page.get(f"{site_server.base}/{path}")
    sidebar, title = box(page, ".sidebar"), box(page, ".guide > h1")
    assert sidebar["right"] <= title["left"]
    assert sidebar["top"] < title["bottom"] and title["top"] < sidebar["bottom"]
    assert all(shown(page, ".sidebar a"))
    assert not any(shown(page, ".sidebar-menu > summary"))
    # Opened by the style sheet only, the <details> is still closed in the DOM:
    # its links must reach screen readers all the same.
    sidebar_links = {link.get_attribute("textContent") for link in page.find_elements(By.CSS_SELECTOR, ".sidebar a")}
    assert sidebar_links <= accessible_links(page)


def test_on_a_desktop_on_this_page_stands_right_of_the_text(page, site_server):
    page.get(f"{site_server.base}/en/server.html")
    text, contents = box(page, ".guide"), box(page, ".toc")
    assert text["right"] <= contents["left"] and contents["top"] < text["bottom"]
    assert all(shown(page, ".toc-title, .toc a"))
    assert not any(shown(page, ".toc-menu > summary"))


@pytest.mark.parametrize("width, height, mobile", [(*PHONE, True), (1280, 800, False)], ids=["phone", "desktop"])
def test_copy_buttons_leave_the_first_line_of_code_clear(page, site_server, width, height, mobile):
    set_viewport(page, width, height, mobile)
    for path in ["en/testing.html", "fr/server.html", "en/webhooks.html"]:
        page.get(f"{site_server.base}/{path}")
        found = page.execute_script(COPY_BUTTONS_OVER_FIRST_LINES)
        assert found["shown"] > 0, path
        assert found["overlapping"] == [], path
