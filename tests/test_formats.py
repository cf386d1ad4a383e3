"""Reading inputs faithfully (issue 10 §3): each format gives the goals and partnerships
of its plain-text version, and the title and date the file declares for itself.

Fixtures are built here; expected values are what a reader of the page sees.
"""

from __future__ import annotations

import io

import pytest
from files import docx_bytes, pdf_bytes
from test_inputs import by_doc, run_on

from extract.formats import read_docx, read_html, read_pdf
from extract.limits import DEFAULT_LIMITS
from extract.pdflayout import clean_pages, rejoin_hyphens

TITLE = "L'Université de Lille et le CNRS s'allient"
BODY = [
    "L'Université de Lille et le Centre national de la recherche scientifique (CNRS) ont signé "
    "une convention de partenariat pour créer un laboratoire commun consacré aux matériaux pour l'énergie.",
    "Les deux établissements souhaitent :",
    "- accueillir vingt doctorants d'ici 2028 ;",
    "- ouvrir le laboratoire aux entreprises de la région cette année.",
    "L'université prévoit aussi de rejoindre l'alliance européenne EUniWell.",
]
PLAIN = TITLE + "\n\n" + "Lille, le 12 février 2025\n\n" + "\n\n".join([BODY[0], "\n".join(BODY[1:4]), BODY[4]]) + "\n"


def findings(t, doc_id):
    goals = sorted((g["text"], g["horizon"], g["actor"]) for g in by_doc(t["goals"], doc_id))
    partnerships = sorted((p["parties"], p["kind"], p["status"]) for p in by_doc(t["partnerships"], doc_id))
    return goals, partnerships


@pytest.fixture(scope="module")
def plain(tmp_path_factory, nlp):
    t, _ = run_on({"plain.txt": PLAIN}, tmp_path_factory.mktemp("plain"), nlp)
    goals, partnerships = findings(t, "plain")
    assert len(goals) >= 3 and len(partnerships) >= 1  # the reference itself finds something
    assert any(h == "2025" for _, h, _ in goals) and any(h == "/2028" for _, h, _ in goals)
    return findings(t, "plain")


# -- HTML ---------------------------------------------------------------------------------------------


def page(head: str, dateline: bool = False) -> str:
    items = "".join(f"<li>{item[2:]}</li>" for item in BODY[2:4])
    stated = "<p>Lille, le 12 février 2025</p>" if dateline else ""
    return f"""<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">{head}</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/actus">Actualités</a></li></ul></nav>
<main><article><h1>{TITLE}</h1>{stated}<p>{BODY[0]}</p><h2>Objectifs</h2><p>{BODY[1]}</p><ul>{items}</ul>
<p>{BODY[4]}</p></article></main><footer><p>© Université de Lille — Mentions légales</p></footer></body></html>"""


HEADS = {
    "opengraph": f'<title>{TITLE} | Actualités</title><meta property="og:title" content="{TITLE}">'
    '<meta property="article:published_time" content="2025-02-12T09:30:00+01:00">',
    "json-ld": f'<title>{TITLE} | Actualités</title><script type="application/ld+json">'
    f'{{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "{TITLE}", '
    '"datePublished": "2025-02-12T09:30:00+01:00"}</script>',
}


@pytest.mark.parametrize("kind", sorted(HEADS))
def test_a_web_page_gives_its_title_its_date_and_the_findings_of_its_text(tmp_path, nlp, plain, kind):
    t, _ = run_on({"page.html": page(HEADS[kind])}, tmp_path, nlp)
    (row,) = t["documents"]
    assert (row["title"], row["publication_date"]) == (TITLE, "2025-02-12")
    assert findings(t, "page") == plain  # relative dates resolved against the page's date


def test_the_text_of_a_page_keeps_its_headings_and_list_items_as_lines():
    text = read_html(page(HEADS["opengraph"]).encode(), DEFAULT_LIMITS).text
    assert "\nObjectifs\n" in text
    assert "Les deux établissements souhaitent :\n- accueillir vingt doctorants d'ici 2028 ;\n- ouvrir" in text
    assert "Accueil" not in text and "Mentions légales" not in text


def test_a_date_the_page_states_in_its_text_comes_first_and_none_is_guessed_from_the_body(tmp_path, nlp):
    head = f'<title>{TITLE}</title><meta property="article:published_time" content="2024-12-01">'
    t, _ = run_on(
        {"stated.html": page(head, dateline=True), "bare.html": page(f"<title>{TITLE}</title>")}, tmp_path, nlp
    )
    dates = {r["doc_id"]: r["publication_date"] for r in t["documents"]}
    assert dates == {"stated": "2025-02-12", "bare": ""}


# -- PDF ----------------------------------------------------------------------------------------------

HEADER = "Université de Lille — Communiqué de presse"


def pdf_pages() -> list[list[str]]:
    """The release on three pages under a running header, with page numbers and a word
    hyphenated at a line end, as a word processor exports it."""
    return [
        [HEADER, TITLE, "", "Lille, le 12 février 2025", "", BODY[0][:95] + "-", BODY[0][95:].lstrip(), "", "1 / 3"],
        [HEADER, BODY[1], BODY[2], BODY[3], "", "2 / 3"],
        [HEADER, BODY[4], "", "3 / 3"],
    ]


def test_a_pdf_loses_its_running_header_and_page_numbers_and_rejoins_hyphenation(tmp_path, nlp, plain):
    assert BODY[0][94] != " " and BODY[0][95] != " "  # the cut falls inside a word
    raw = pdf_bytes(pdf_pages(), title="Accord Université de Lille et CNRS")
    extracted = read_pdf(raw, DEFAULT_LIMITS)
    assert HEADER not in extracted.text and "/ 3" not in extracted.text
    assert BODY[0] in extracted.text
    assert extracted.title == "Accord Université de Lille et CNRS"  # the first line was a running header
    t, _ = run_on({"release.pdf": raw}, tmp_path, nlp)
    assert t["documents"][0]["title"] == "Accord Université de Lille et CNRS"
    assert findings(t, "release") == plain


@pytest.mark.parametrize(
    "lines, want",
    [
        ("le déve-\nloppement", "le développement"),
        ("la région Île-de-\nFrance", "la région Île-de-France"),
        ("un tiret -\nen fin", "un tiret -\nen fin"),
        ("2024-\n2025", "2024-\n2025"),
    ],
)
def test_hyphenation_at_line_ends(lines, want):
    assert rejoin_hyphens(lines) == want


def test_a_line_on_one_page_only_is_no_running_header():
    pages, had_header = clean_pages(
        [
            "Titre du rapport\nTexte de la page un, qui est assez long pour faire la largeur.\n1",
            "Texte de la page deux.\n2",
        ]
    )
    assert (
        pages
        == [
            "Titre du rapport\n\nTexte de la page un, qui est assez long pour faire la largeur.",
            "Texte de la page deux.",
        ]
        and not had_header
    )


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Un titre court\nUne ligne de texte qui fait toute la largeur de la page, ou presque,\n"
            "qui continue ici.\nUn autre paragraphe.",
            "Un titre court\n\nUne ligne de texte qui fait toute la largeur de la page, ou presque,\nqui "
            "continue ici.\n\nUn autre paragraphe.",
        ),
        (
            "Les objectifs sont :\n- former ;\n- chercher.\nEnsuite.",
            "Les objectifs sont :\n- former ;\n- chercher.\n\nEnsuite.",
        ),
    ],
)
def test_paragraph_breaks_are_put_back(text, want):
    from extract.pdflayout import mark_paragraphs

    assert mark_paragraphs(text, max(len(line) for line in text.split("\n"))) == want


# -- DOCX ---------------------------------------------------------------------------------------------


def release_docx(table: bool = False) -> bytes:
    from docx import Document

    d = Document()
    d.sections[0].header.paragraphs[0].text = "Communiqué de presse"
    d.sections[0].footer.paragraphs[0].text = "Contact presse : presse@univ-lille.fr"
    d.add_paragraph(TITLE)
    d.add_paragraph("Lille, le 12 février 2025")
    d.add_paragraph(BODY[0])
    d.add_paragraph(BODY[1])
    for item in BODY[2:4]:
        d.add_paragraph(item[2:], style="List Bullet")
    if table:
        grid = d.add_table(rows=2, cols=2)
        for r, (a, b) in enumerate([("Partenaire", "Rôle"), ("CNRS", "co-tutelle du laboratoire")]):
            grid.cell(r, 0).text, grid.cell(r, 1).text = a, b
    d.add_paragraph(BODY[4])
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_a_docx_keeps_its_lists_tables_headers_and_footers_in_reading_order(tmp_path, nlp):
    text = read_docx(release_docx(table=True), DEFAULT_LIMITS).text
    lines = [line for line in text.split("\n") if line]
    assert lines[0] == "Communiqué de presse" and lines[-1].startswith("Contact presse")
    assert "Les deux établissements souhaitent :\n- accueillir vingt doctorants d'ici 2028 ;\n- ouvrir" in text
    assert lines.index("CNRS | co-tutelle du laboratoire") == lines.index(BODY[4]) - 1
    as_text = "Communiqué de presse\n\n" + PLAIN + "\nContact presse : presse@univ-lille.fr\n"
    t, _ = run_on({"release.docx": release_docx(), "release.txt": as_text}, tmp_path, nlp)
    assert findings(t, "release.docx") == findings(t, "release.txt")
    assert len(findings(t, "release.txt")[0]) >= 3


def test_a_docx_made_of_plain_paragraphs_reads_as_before():
    text = read_docx(docx_bytes(["Premier paragraphe.", "", "Second paragraphe."]), DEFAULT_LIMITS).text
    assert text == "Premier paragraphe.\n\nSecond paragraphe."


# -- manifest -----------------------------------------------------------------------------------------


def test_a_manifest_takes_reduced_dates_and_is_not_read_as_a_document(tmp_path, nlp):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("L'Université de Lille ouvrira cette année un campus à Roubaix.\n", encoding="utf-8")
    (docs / "b.txt").write_text(
        "L'Université de Lille a ouvert en mai dernier un campus à Roubaix.\n", encoding="utf-8"
    )
    manifest = docs / "manifest.csv"
    manifest.write_text("doc_id,publication_date\na,2019\nb,2019-09\n", encoding="utf-8")
    from test_inputs import tables

    from extract.run import run

    run([docs], tmp_path / "out", nlp=nlp, metadata=manifest)
    t = tables(tmp_path / "out")
    assert [r["doc_id"] for r in t["documents"]] == ["a", "b"]
    assert [(r["doc_id"], r["text"], r["value"]) for r in t["dates"]] == [
        ("a", "cette année", "2019"),
        ("b", "mai dernier", "2019-05"),
    ]
