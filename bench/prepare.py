#!/usr/bin/env python3
"""Prepares the other tools' inputs from the AlmaKit corpus, outside the timing.

    python3 bench/prepare.py cmark --project DIR --out DIR
    python3 bench/prepare.py hugo  --project DIR --out DIR

`cmark`: the same Markdown bodies with their front matter cut off (the cmark
CLI would render YAML as text otherwise), one file per page under
OUT/<lang>/<folder>/, so the floor parses exactly the bytes AlmaKit parses.

`hugo`: a minimal multilingual Hugo site (fr default, en) whose content
folders are copies of Content/fr and Content/en, front matter included (Hugo
reads YAML front matter and ignores AlmaKit's `order`). Copies, not symlinks:
Hugo does not follow symlinks inside content folders.
"""

import argparse
import os
import shutil

LANGUAGES = ("fr", "en")


def markdown_files(folder):
    """Every .md file under `folder`, as paths relative to it, in a stable order."""
    found = []
    for directory, subdirectories, files in os.walk(folder):
        subdirectories.sort()
        for name in sorted(files):
            if name.endswith(".md"):
                found.append(os.path.relpath(os.path.join(directory, name), folder))
    return found


def strip_front_matter(text):
    """The body after a leading `---` ... `---` block, as AlmaKit splits it."""
    lines = text.split("\n")
    if lines and lines[0].rstrip() == "---":
        for end in range(1, len(lines)):
            if lines[end].rstrip() in ("---", "..."):
                return "\n".join(lines[end + 1:])
    return text


def prepare_cmark(project, out):
    count = 0
    for language in LANGUAGES:
        source = os.path.join(project, "Content", language)
        for relative in markdown_files(source):
            with open(os.path.join(source, relative), encoding="utf-8") as f:
                body = strip_front_matter(f.read())
            target = os.path.join(out, language, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as f:
                f.write(body)
            count += 1
    print(f"cmark: {count} bodies without front matter in {out}")


HUGO_CONFIG = """\
# Minimal multilingual site mirroring the AlmaKit project: fr is the default
# language, each language under its own path prefix like AlmaKit's /fr/, /en/.
baseURL = "https://bench.example.test/"
title = "Bench"
defaultContentLanguage = "fr"
defaultContentLanguageInSubdir = true
# AlmaKit writes no RSS and has no taxonomies: don't make Hugo build them.
# The sitemap stays on both sides. Code fences keep Hugo's default build-time
# highlighting (Chroma), as AlmaKit highlights code at build time too.
disableKinds = ["taxonomy", "term", "RSS"]

[languages.fr]
contentDir = "content/fr"
languageName = "Français"
weight = 1

[languages.en]
contentDir = "content/en"
languageName = "English"
weight = 2
"""

# Every page carries the title, its content and a menu shaped like AlmaKit's
# sidebar: every section of its language by title, and the pages of its own
# section. (A menu of every page on every page, as this benchmark first had,
# makes the output grow with the square of the page count: 195 MB against
# 62 MB here, and twice Hugo's time. AlmaKit stopped doing that; comparing
# against it would flatter AlmaKit.)
HUGO_BASEOF = """\
<!DOCTYPE html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<title>{{ .Title }} · {{ .Site.Title }}</title>
</head>
<body>
<nav>
<ul>
{{- $current := .CurrentSection }}
{{- range .Site.Sections }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{- if eq . $current }}
<ul>
{{- range .RegularPages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{- end }}
</li>
{{- end }}
</ul>
</nav>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

HUGO_SINGLE = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ end }}
"""

HUGO_LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{- range .Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{ end }}
"""


def prepare_hugo(project, out):
    layouts = os.path.join(out, "layouts", "_default")
    os.makedirs(layouts, exist_ok=True)
    files = {
        os.path.join(out, "config.toml"): HUGO_CONFIG,
        os.path.join(layouts, "baseof.html"): HUGO_BASEOF,
        os.path.join(layouts, "single.html"): HUGO_SINGLE,
        os.path.join(layouts, "list.html"): HUGO_LIST,
    }
    for path, text in files.items():
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    for language in LANGUAGES:
        target = os.path.join(out, "content", language)
        if os.path.exists(target):
            shutil.rmtree(target)
        shutil.copytree(os.path.join(project, "Content", language), target)
    print(f"hugo: site in {out}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["cmark", "hugo"])
    parser.add_argument("--project", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    {"cmark": prepare_cmark, "hugo": prepare_hugo}[args.what](args.project, args.out)


if __name__ == "__main__":
    main()
