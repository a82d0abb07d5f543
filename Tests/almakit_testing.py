"""What the Python tests share: where the repository and the almakit binary
are, a copy of the example project, a build, a free port, an HTTP request."""
import pathlib
import shutil
import socket
import subprocess
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
