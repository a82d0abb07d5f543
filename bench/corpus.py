#!/usr/bin/env python3
"""Writes a synthetic, deterministic bilingual AlmaKit project for the benchmark.

    python3 bench/corpus.py --pages 1000 --seed 1 --out DIR

DIR gets `almakit.yml` and `Content/{fr,en}/part-NN/page-NNNN.md`: N pages per
language in folders of 50 pages (N/50 folders, rounded up: 20 for 1,000 pages,
100 for 5,000; the last one holds the rest when 50 does not divide N), each
page about 1,500 words with front matter, `##`/`###` headings, bullet and
numbered lists, inline code, emphasis, relative `.md` links to other pages of
the same language (some with an `#anchor`), and two fenced code blocks (sh and
python).

Constraints that come from AlmaKit, not from taste:
- every link must resolve, or the build refuses the project: links only point
  at pages that exist, relative to the linking page's folder, and anchors only
  at headings every page has (`#section-3`, `#partie-3`);
- headings are ASCII so their ids are obvious (`## Partie 3` -> `partie-3`);
- no `{{` anywhere (placeholder syntax; unknown names are errors);
- nothing that looks like a secret key (`sk_test_...`), which fails a build.

Only the standard library; the same seed always gives byte-identical files.
"""

import argparse
import os
import random

CONFIG = """\
site:
  title: Bench
  base_url: https://bench.example.test
  languages: [fr, en]
merchant:
  name: Bench
  publishable_key: pk_test_BenchmarkOnly000
  country: FR
  currency: eur
  amount: 5099
  product:
    name: { fr: Lampe, en: Lamp }
stripe:
  api_version: 2026-10-28.endive
server:
  languages: [curl, python]
"""

PAGES_PER_FOLDER = 50
SECTIONS = 6  # `## Section k` for k in 1..SECTIONS, in every page: safe anchor targets

# Word lists: real words so text looks like prose to the Markdown parsers
# (smart punctuation, emphasis), French with accents and apostrophes.
WORDS = {
    "fr": """
        le la les un une des du de et ou mais donc car pour avec sans sous sur dans
        paiement commande client serveur page retour montant échéance échéances
        plusieurs fois carte banque réponse requête événement signature clé
        publique secrète version bibliothèque navigateur bouton formulaire écran
        ensuite avant après toujours jamais souvent parfois déjà encore très bien
        vérifier créer envoyer recevoir afficher confirmer annuler rembourser
        capturer livrer expédier attendre choisir configurer déployer tester
        marchand boutique produit lampe prix euros devise pays langue site guide
        étape exemple détail résumé contrôle erreur message statut réseau
        l'intégration l'utilisateur l'adresse d'abord d'ailleurs qu'il n'est
        sécurité données journal fichier dossier modèle rendu contenu lien titre
        rapide simple claire précise fiable complète nouvelle première dernière
    """.split(),
    "en": """
        the a an of and or but so for with without under over in on at by to
        payment order customer server page return amount installment installments
        several times card bank response request event signature key public
        secret version library browser button form screen then before after
        always never often sometimes already again very well check create send
        receive display confirm cancel refund capture deliver ship wait choose
        configure deploy test merchant shop product lamp price euros currency
        country language site guide step example detail summary control error
        message status network security data log file folder template output
        content link title fast simple clear precise reliable complete new first
        last it's doesn't customer's merchant's isn't won't
    """.split(),
}

HEADINGS = {"fr": ("Partie", "Point"), "en": ("Section", "Detail")}
TITLES = {"fr": "Guide", "en": "Guide"}
IDENTIFIERS = """
    create_intent confirm_payment load_config read_secret send_event
    parse_body check_signature render_page build_site capture_amount
""".split()


def folder_count():
    return -(-PAGES // PAGES_PER_FOLDER)


def page_path(index):
    """Folder and file of page `index` (0-based), relative to the language folder.

    Names are zero-padded to at least 2 and 4 digits (wider only past 100
    folders or 10,000 pages), so `part-00/page-0001.md` always exists and
    names sort in page order."""
    folder_digits = max(2, len(str(folder_count() - 1)))
    page_digits = max(4, len(str(PAGES - 1)))
    return (f"part-{index // PAGES_PER_FOLDER:0{folder_digits}d}",
            f"page-{index:0{page_digits}d}.md")


def anchor_id(language, k):
    # What AlmaKit (and the README) derive from `## Partie k` / `## Section k`.
    return f"{HEADINGS[language][0].lower()}-{k}"


class PageWriter:
    def __init__(self, rng, language, index):
        self.rng = rng
        self.language = language
        self.index = index
        self.words = WORDS[language]

    def link(self):
        """A relative `.md` link to another page of this language; 1 in 4 with an anchor."""
        target = self.rng.randrange(PAGES)
        if target == self.index:
            target = (target + 1) % PAGES
        here, _ = page_path(self.index)
        folder, name = page_path(target)
        destination = name if folder == here else f"../{folder}/{name}"
        if self.rng.random() < 0.25:
            destination += "#" + anchor_id(self.language, self.rng.randint(1, SECTIONS))
        text = " ".join(self.rng.choice(self.words) for _ in range(self.rng.randint(1, 3)))
        return f"[{text}]({destination})"

    def inline(self):
        """One inline element: code, emphasis, strong or a link."""
        kind = self.rng.random()
        if kind < 0.35:
            return f"`{self.rng.choice(IDENTIFIERS)}()`"
        if kind < 0.55:
            return f"*{self.rng.choice(self.words)}*"
        if kind < 0.70:
            return f"**{self.rng.choice(self.words)} {self.rng.choice(self.words)}**"
        return self.link()

    def paragraph(self, target_words):
        """About `target_words` words of prose with a few inline elements."""
        parts, count = [], 0
        while count < target_words:
            words = [self.rng.choice(self.words) for _ in range(self.rng.randint(8, 16))]
            if self.rng.random() < 0.5:
                words.insert(self.rng.randrange(1, len(words)), self.inline())
            words[0] = words[0][:1].upper() + words[0][1:]
            parts.append(" ".join(words) + ".")
            count += len(words)
        return " ".join(parts), count

    def listing(self, numbered):
        items = []
        for n in range(1, self.rng.randint(3, 5) + 1):
            words = [self.rng.choice(self.words) for _ in range(self.rng.randint(5, 10))]
            if self.rng.random() < 0.4:
                words.append(self.inline())
            marker = f"{n}." if numbered else "-"
            items.append(f"{marker} {' '.join(words)}")
        return "\n".join(items), sum(len(i.split()) - 1 for i in items)

    def code_sh(self):
        n = self.index
        return "\n".join([
            "```sh",
            f"export BENCH_PAGE={n}",
            f"curl -s https://bench.example.test/api/orders/{n} \\",
            "  -H 'Accept: application/json' \\",
            f"  -d amount={5000 + n} -d currency=eur",
            "# list the output folder, newest first",
            f"ls -lt dist/{page_path(n)[0]} | head -n 5",
            "```",
        ])

    def code_python(self):
        name = self.rng.choice(IDENTIFIERS)
        return "\n".join([
            "```python",
            "import json",
            "",
            f"def {name}(order, retries=3):",
            f'    """Handle order {self.index} and report what happened."""',
            "    for attempt in range(retries):",
            "        result = {'order': order, 'attempt': attempt, 'ok': attempt > 0}",
            "        if result['ok']:",
            "            return json.dumps(result)",
            "    raise RuntimeError(f'gave up on {order}')",
            "```",
        ])

    def page(self):
        lang, rng = self.language, self.rng
        section_word, detail_word = HEADINGS[lang]
        title_words = " ".join(rng.choice(self.words) for _ in range(3))
        description, _ = self.paragraph(12)
        blocks = []
        text, words = self.paragraph(70)
        blocks.append(text)
        for k in range(1, SECTIONS + 1):
            blocks.append(f"## {section_word} {k}")
            for _ in range(3):
                text, count = self.paragraph(47)
                blocks.append(text)
                words += count
            text, count = self.listing(numbered=(k % 2 == 0))
            blocks.append(text)
            words += count
            if k == 2:
                blocks.append(self.code_sh())
            if k == 4:
                blocks.append(self.code_python())
            blocks.append(f"### {detail_word} {k}.1")
            text, count = self.paragraph(47)
            blocks.append(text)
            words += count
        front = "\n".join([
            "---",
            f"title: {TITLES[lang]} {self.index} {title_words}",
            # Plain YAML scalar: the generated text has no ': ' or '#' in it.
            f"description: {description.split('.')[0].replace('`', '').replace('*', '')}.",
            f"order: {self.index}",
            "---",
        ])
        return front + "\n\n" + "\n\n".join(blocks) + "\n", words


PAGES = 0  # set by main(); page_path() needs it


def main():
    global PAGES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages per language")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True, help="project folder to create")
    args = parser.parse_args()
    if args.pages < 2:
        parser.error("--pages must be at least 2 (pages link to each other)")
    PAGES = args.pages

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "almakit.yml"), "w", encoding="utf-8") as f:
        f.write(CONFIG)

    total_words = total_bytes = 0
    for language in ("fr", "en"):
        # One generator per language so either language's text does not
        # depend on the other's page count or order of generation.
        rng = random.Random(f"{args.seed}-{language}")
        for index in range(PAGES):
            folder, name = page_path(index)
            directory = os.path.join(args.out, "Content", language, folder)
            os.makedirs(directory, exist_ok=True)
            text, words = PageWriter(rng, language, index).page()
            with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
                f.write(text)
            total_words += words
            total_bytes += len(text.encode("utf-8"))
    print(f"corpus: {2 * PAGES} pages ({PAGES} per language, {folder_count()} folders "
          f"of up to {PAGES_PER_FOLDER} each), "
          f"~{total_words // (2 * PAGES)} words per page, {total_bytes / 1e6:.1f} MB of Markdown")


if __name__ == "__main__":
    main()
