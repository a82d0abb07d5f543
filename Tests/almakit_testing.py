"""What the Python tests share: where the repository and the almakit binary
are, a copy of the example project, a build, a free port, an HTTP request,
a generated server's process."""
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

REPOSITORY = pathlib.Path(__file__).resolve().parents[1]
ALMAKIT = REPOSITORY / ".build" / "debug" / "almakit"
EXAMPLE_API_VERSION = "2026-10-28.endive"


def example_project(folder, api_version=None):
    """A copy of the example project (almakit.yml and Content/) in `folder`,
    pinned to `api_version` when given."""
    folder.mkdir(parents=True, exist_ok=True)
    config = (REPOSITORY / "almakit.yml").read_text()
    (folder / "almakit.yml").write_text(config.replace(EXAMPLE_API_VERSION, api_version or EXAMPLE_API_VERSION))
    shutil.copytree(REPOSITORY / "Content", folder / "Content")
    return folder


def build(project, out):
    """`almakit build` of `project` into `out`, which it returns; fails the test on any error."""
    finished = subprocess.run([str(ALMAKIT), "build", "--project", str(project), "--out", str(out)],
                              capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    return out


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_request(url, data=None, headers=None):
    """(status, body bytes), an error status included."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, headers=headers or {}), timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class ServerProcess:
    """A generated server started in its folder, once it listens on `port`.
    Its output goes to a file: a server that logs every request would block
    on a full pipe."""

    def __init__(self, command, folder, port, environment, timeout=30):
        self.port = port
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(command, cwd=folder, env=environment, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("the server stopped: " + self.logs())
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError("the server did not start: " + self.logs())

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def logs(self):
        """Everything the server printed so far."""
        self.log.seek(0)
        return self.log.read().decode()

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
