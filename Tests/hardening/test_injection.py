"""Merchant text cannot change the structure of what AlmaKit writes.

The example site is built twice: once as it is, once with every free-text
value (site title, merchant and product names, product description, strings
catalogue values, page titles and descriptions) replaced by hostile text.
Every HTML page must parse into the same elements and attributes, the
sitemap into the same XML, and the scripts and servers must not change at
all: the text reaches them nowhere."""
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import pytest
import yaml

from almakit_testing import REPOSITORY, build, example_project


HOSTILE = ("<b>bold</b><img src=x onerror=alert(1)>\"'></script><script>alert(2)</script>"
           " {{mustache}} {{{triple}}} \\back\\slash\nnew line \u2028\u2029 \u202eRTL\u202c 😀 \"\u0301 &amp; -->")


class Structure(HTMLParser):
    """Elements and attribute names in document order; text and values left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, tuple(sorted(name for name, _ in attrs))))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("empty", tag, tuple(sorted(name for name, _ in attrs))))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_comment(self, data):
        self.events.append(("comment",))


def structure(html):
    parser = Structure()
    parser.feed(html)
    parser.close()
    return parser.events


def make_hostile(project):
    config = yaml.safe_load((project / "almakit.yml").read_text())
    config["site"]["title"] = HOSTILE
    config["merchant"]["name"] = HOSTILE
    config["merchant"]["product"] = {"name": {"fr": HOSTILE, "en": HOSTILE},
                                     "description": {"fr": HOSTILE, "en": HOSTILE}}
    (project / "almakit.yml").write_text(yaml.safe_dump(config, allow_unicode=True))
    catalogue = yaml.safe_load((REPOSITORY / "Templates" / "strings" / "en.yml").read_text())
    strings = project / "Content" / "strings"
    strings.mkdir()
    for language in ["fr", "en"]:
        (strings / f"{language}.yml").write_text(
            yaml.safe_dump({key: HOSTILE for key in catalogue if key != "language_name"}, allow_unicode=True))
    for page in (project / "Content").glob("*/*.md"):
        text = page.read_text()
        front, body = text.split("\n---\n", 1)
        lines = [line for line in front.split("\n")[1:] if not line.startswith(("title:", "description:"))]
        hostile = yaml.safe_dump({"title": HOSTILE, "description": HOSTILE}, allow_unicode=True, width=10_000)
        page.write_text("---\n" + "\n".join(lines) + "\n" + hostile + "---\n" + body)


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("injection")
    benign = build(example_project(tmp_path / "benign"), tmp_path / "benign" / "dist")
    hostile_project = example_project(tmp_path / "hostile")
    make_hostile(hostile_project)
    hostile = build(hostile_project, tmp_path / "hostile" / "dist")
    return benign, hostile


def files(folder, pattern):
    return sorted(path.relative_to(folder) for path in folder.rglob(pattern))


def test_the_same_files_are_written(builds):
    benign, hostile = builds
    assert files(benign, "*") == files(hostile, "*")


def test_hostile_text_adds_no_element_and_no_attribute(builds):
    benign, hostile = builds
    pages = files(benign, "*.html")
    assert len(pages) > 20
    for page in pages:
        before = structure((benign / page).read_text())
        after = structure((hostile / page).read_text())
        assert after == before, f"{page} changed structure"


def test_hostile_text_is_shown_as_text(builds):
    _, hostile = builds
    checkout = (hostile / "en" / "checkout.html").read_text()
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in checkout
    assert "{{mustache}}" in checkout, "Mustache never evaluates a value a second time"
    assert "alert(2)</script>" not in checkout


def test_scripts_and_servers_do_not_depend_on_merchant_text(builds):
    benign, hostile = builds
    for path in ["client.js", "guide.js"]:
        assert (hostile / path).read_bytes() == (benign / path).read_bytes(), path
    # The servers sit beside each published folder, in the project.
    servers = [path for path in files(benign.parent, "server/**/*") if (benign.parent / path).is_file()]
    assert len(servers) > 20
    for path in servers:
        assert (hostile.parent / path).read_bytes() == (benign.parent / path).read_bytes(), path


def test_sitemap_keeps_its_shape(builds):
    benign, hostile = builds
    shape = lambda root: [(element.tag, sorted(element.attrib)) for element in root.iter()]
    assert shape(ElementTree.parse(hostile / "sitemap.xml").getroot()) == shape(ElementTree.parse(benign / "sitemap.xml").getroot())
