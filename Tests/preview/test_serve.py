"""`almakit serve`, through the real binary: pages from memory with the
reload script, a rebuild and a reload event when a guide changes, and the
last good site kept (with the problems sent to the page) when a change
breaks the build."""
import queue
import shutil
import subprocess
import threading
import time
import urllib.request

import pytest

from almakit_testing import ALMAKIT, REPOSITORY, example_project, free_port, http_request



def get(url):
    status, body = http_request(url)
    return status, body.decode()


class EventStream:
    """Reads server-sent events on a thread; `next_event` waits for one."""

    def __init__(self, url):
        self.events = queue.Queue()
        self.response = urllib.request.urlopen(url, timeout=30)
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        name, data = None, []
        try:
            for raw in self.response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event: "):
                    name = line[len("event: "):]
                elif line.startswith("data: "):
                    data.append(line[len("data: "):])
                elif line == "" and name:
                    self.events.put((name, "\n".join(data)))
                    name, data = None, []
        except Exception:
            pass

    def next_event(self, timeout=20):
        return self.events.get(timeout=timeout)


@pytest.fixture
def served(tmp_path):
    project = example_project(tmp_path / "site")
    port = free_port()
    process = subprocess.Popen([str(ALMAKIT), "serve", "--project", str(project), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read())
        try:
            if get(base + "/")[0] == 200:
                break
        except OSError:
            time.sleep(0.1)
    yield project, base, process
    process.terminate()
    process.wait(timeout=10)


def test_pages_come_from_memory_with_the_reload_script(served):
    project, base, _ = served
    status, page = get(base + "/en/server.html")
    assert status == 200
    assert '<script src="/__almakit/reload.js"></script>\n</body>' in page
    assert not (project / "dist").exists(), "serve writes nothing to dist/"
    status, script = get(base + "/__almakit/reload.js")
    assert status == 200 and "EventSource('/__almakit/events')" in script
    assert get(base + "/")[0] == 200
    status, missing = get(base + "/en/nowhere.html")
    assert status == 404 and "Page not found" in missing


def test_the_checkout_cannot_pay_in_the_preview(served):
    _, base, _ = served
    status, body = get(base + "/secret")
    assert status == 503
    assert "takes no payment" in body
    # The form posted without Stripe.js: the error page of the form's language.
    status, body = http_request(base + "/checkout", b"product=product&lang=en")
    assert status == 503
    assert "The payment could not start" in body.decode()


class LineReader:
    """Reads a process's output line by line on a thread; `wait_for` waits for a line."""

    def __init__(self, stream):
        self.lines = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in stream], daemon=True).start()

    def wait_for(self, start, timeout=20):
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line.startswith(start):
                return line
            seen.append(line)
        raise AssertionError(f"no line starting with {start!r}; saw: {seen}")


def test_an_edit_is_rebuilt_and_reloads_open_pages(served):
    project, base, process = served
    terminal = LineReader(process.stderr)
    events = EventStream(base + "/__almakit/events")
    guide = project / "Content" / "en" / "testing.md"
    guide.write_text(guide.read_text() + "\nA sentence added while serving.\n")
    assert events.next_event()[0] == "reload"
    assert "A sentence added while serving." in get(base + "/en/testing.html")[1]
    # The edit changed the guide's text only: that page alone was rendered
    # again, which the watcher's file names and the serve session's
    # single-page update both had to get right.
    assert terminal.wait_for("updated ").startswith("updated en/testing.html in ")


def test_a_broken_build_keeps_the_last_good_site_and_says_why(served):
    project, base, process = served
    events = EventStream(base + "/__almakit/events")
    before = get(base + "/en/testing.html")[1]
    guide = project / "Content" / "en" / "testing.md"
    guide.write_text(guide.read_text() + "\nSee [nowhere](nowhere.md).\n")
    name, data = events.next_event()
    assert name == "problems"
    assert "Content/en/testing.md:" in data and "nowhere.md" in data
    assert get(base + "/en/testing.html")[1] == before
    # The configuration broken too: still the last good site.
    (project / "almakit.yml").write_text("site: [\n")
    assert events.next_event()[0] == "problems"
    assert get(base + "/en/testing.html")[1] == before
    # Fixed again: a reload, and the new text.
    shutil.copy(REPOSITORY / "almakit.yml", project / "almakit.yml")
    guide.write_text(guide.read_text().replace("See [nowhere](nowhere.md).", "Fixed."))
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        name, _ = events.next_event()
        if name == "reload":
            break
    assert name == "reload"
    assert "Fixed." in get(base + "/en/testing.html")[1]


def test_a_page_in_a_new_folder_is_picked_up(served):
    project, base, _ = served
    events = EventStream(base + "/__almakit/events")
    folder = project / "Content" / "fr" / "annexes"
    folder.mkdir()
    time.sleep(0.3)  # an empty folder changes no page, but must be watched from now on
    (folder / "faq.md").write_text("---\ntitle: FAQ\n---\nQuestions fréquentes.\n")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        status, page = get(base + "/fr/annexes/faq.html")
        if status == 200:
            break
        events.next_event()
    assert status == 200 and "Questions fréquentes." in page


def test_warnings_are_printed_once_not_after_every_edit(served):
    # The example's sample key is a warning: shown with the first build, not
    # again after each edit, where it would bury the edit's own result.
    project, _, process = served
    terminal = LineReader(process.stderr)
    guide = project / "Content" / "en" / "testing.md"
    lines = []
    for edit in range(2):
        guide.write_text(guide.read_text() + f"\nEdit {edit} while serving.\n")
        while not (line := terminal.lines.get(timeout=20)).startswith("updated "):
            lines.append(line)
    assert sum("is a sample key" in line for line in lines) == 1, lines


def test_a_product_image_added_outside_content_is_picked_up(served):
    # The configuration names a picture that is not there yet: the build
    # fails; saving the picture, in a folder serve has no other reason to
    # watch, is enough to bring the site back.
    project, base, _ = served
    events = EventStream(base + "/__almakit/events")
    (project / "images").mkdir()
    config = (project / "almakit.yml").read_text()
    merchant, rest = config.split("  amount: 5099\n", 1)
    catalogue = ("products:\n"
                 "  - { id: lamp, name: Lampe, amount: 5099, image: images/lamp.svg }\n"
                 "  - { id: desk, name: Bureau, amount: 12900 }\n")
    (project / "almakit.yml").write_text(merchant + catalogue + "stripe:" + rest.split("\nstripe:", 1)[1])
    name, data = events.next_event()
    while name == "reload":  # the new folder alone may rebuild first
        name, data = events.next_event()
    assert name == "problems" and "images/lamp.svg" in data, data
    (project / "images" / "lamp.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert events.next_event()[0] == "reload"
    assert get(base + "/assets/products/lamp.svg")[0] == 200
    assert "checkout/desk.html" in get(base + "/fr/checkout.html")[1]
