"""Real-world input (issue 4): formats, encodings, text hygiene, bad files, metadata, long texts, batches.

Every fixture is generated here from text written for the test or from a corpus
document; expected values are what a reader of the input sees in it.
"""
from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest
from conftest import ROOT
from files import docx_bytes, encrypted_pdf_bytes, html_page, pdf_bytes

from extract import run as run_module
from extract.columns import TABLES
from extract.run import StrictFailure, run
from extract.tablestore import read_table

SEED = ROOT / "corpus" / "texts" / "004_6d5b41267b244a94.txt"
DEV = ROOT / "corpus" / "texts" / "dev" / "01_accord_cadre_lille_inria.txt"

RELEASE = [
    "Communiqué de presse",
    "Lille, le 12 février 2025",
    "L'Université de Lille et le Centre national de la recherche scientifique (CNRS) ont signé "
    "une convention de partenariat pour créer un laboratoire commun consacré aux matériaux pour "
    "l'énergie.",
    "Les deux établissements s'engagent à accueillir vingt doctorants d'ici 2028.",
]
ENGLISH = ("The University of Lille and the French National Centre for Scientific Research signed a "
           "partnership agreement on Tuesday to create a joint laboratory dedicated to materials for energy. "
           "Both institutions commit to hosting twenty doctoral students by 2028 and to opening the laboratory "
           "to industrial partners from the region within the next three years.")


def tables(out: Path) -> dict[str, list[dict[str, str]]]:
    result = {}
    for name in TABLES:
        result[name] = read_table(out / f"{name}.csv")
    return result


def by_doc(rows: list[dict[str, str]], doc_id: str) -> list[dict[str, str]]:
    return [r for r in rows if r["doc_id"] == doc_id]


def content(t: dict[str, list[dict[str, str]]], drop=("path", "sha256")) -> dict[str, list[dict[str, str]]]:
    return {name: [{k: v for k, v in r.items() if k not in drop} for r in rows] for name, rows in t.items()}


def run_on(files: dict[str, bytes | str], tmp_path: Path, nlp, **kwargs) -> tuple[dict, object]:
    docs = tmp_path / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            target.write_text(data, encoding="utf-8", newline="")
        else:
            target.write_bytes(data)
    out = tmp_path / "out"
    summary = run([docs], out, nlp=nlp, **kwargs)
    return tables(out), summary


def assert_offsets_point_at_text(t, texts: dict[str, str]) -> None:
    for name in ("organisations", "dates", "partnerships", "goals"):
        for r in t[name]:
            text = texts[r["doc_id"]]
            piece = text[int(r["start"]):int(r["end"])]
            if name == "dates":
                assert piece == r["text"], (name, r)
            elif name == "organisations":
                assert piece in r["mentions"].split("|"), (name, r)
            else:
                assert piece == r["text" if name == "goals" else "evidence"], (name, r)


# -- one folder with everything --------------------------------------------------------------------

@pytest.fixture(scope="module")
def mixed(tmp_path_factory, nlp):
    """A folder mixing every format, encoding and broken file of issue 4, run in one call."""
    tmp = tmp_path_factory.mktemp("mixed")
    release_text = "\n\n".join(RELEASE) + "\n"
    files: dict[str, bytes | str] = {
        "good/release.txt": release_text,
        "good/release.md": "# " + release_text,
        "good/page.html": html_page(RELEASE[0], RELEASE[1:]),
        "good/release.pdf": pdf_bytes([[RELEASE[0], RELEASE[1]], [RELEASE[2][:90], RELEASE[2][90:], RELEASE[3]]]),
        "good/release.docx": docx_bytes(RELEASE),
        "good/bom.txt": codecs.BOM_UTF8 + release_text.encode("utf-8"),
        "good/utf16.txt": release_text.encode("utf-16"),
        "good/utf16le-nobom.txt": release_text.encode("utf-16-le"),
        "good/windows.txt": release_text.encode("cp1252"),
        "good/latin1.txt": "L'École normale supérieure et l'Université de Lyon créent un réseau.\n".encode("latin-1"),
        "good/mojibake.txt": release_text.encode("utf-8").decode("cp1252").encode("utf-8"),
        "good/heavy.html": html_page(RELEASE[0], RELEASE[1:], filler="var x = '" + "A" * 3_000_000 + "';"),
        "bad/empty.txt": "",
        "bad/blank.md": " \n\n\t\n",
        "bad/binary.txt": random.Random(4).randbytes(4000),
        "bad/truncated.pdf": pdf_bytes([RELEASE])[:300],
        "bad/encrypted.pdf": encrypted_pdf_bytes([RELEASE]),
        "bad/scan.pdf": pdf_bytes([[], []]),
        "bad/damaged.docx": b"PK\x03\x04 not really a zip archive",
        "bad/menu.html": "<html><body><nav><a href='/'>Accueil</a></nav></body></html>",
        "bad/english.txt": ENGLISH,
        "bad/sheet.xlsx": b"PK\x03\x04",
        "bad/locked.txt": release_text,
    }
    docs = tmp / "docs"
    for name, data in files.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    os.symlink(docs / "gone.txt", docs / "bad" / "dangling.txt")

    real_open = os.open

    # a file the user may not read (the tests run as root: chmod is ignored)
    def os_open(path, flags, *args, **kwargs):
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    mp = pytest.MonkeyPatch()
    mp.setattr(os, "open", os_open)
    try:
        summary = run([docs], tmp / "out", nlp=nlp, save_text=True)
    finally:
        mp.undo()
    return tables(tmp / "out"), summary, tmp / "out"


def test_every_file_gets_exactly_one_documents_row(mixed):
    t, summary, _ = mixed
    ids = [r["doc_id"] for r in t["documents"]]
    assert len(ids) == len(set(ids)) == 24 == summary.n_documents
    assert summary.exit_code == 1


GOOD = ["good/release.txt", "good/release.md", "good/release.pdf", "good/release.docx", "good/page", "good/bom",
        "good/utf16", "good/utf16le-nobom", "good/windows", "good/mojibake", "good/heavy"]


@pytest.mark.parametrize("doc_id", GOOD)
def test_each_format_and_encoding_yields_the_release_tables(mixed, doc_id):
    t, _, _ = mixed
    (row,) = by_doc(t["documents"], doc_id)
    assert row["status"] == "ok", row
    assert row["publication_date"] == "2025-02-12", row
    names = {r["name"] for r in by_doc(t["organisations"], doc_id)}
    assert {"Université de Lille", "Centre national de la recherche scientifique"} <= names, names
    kinds = {(r["parties"], r["kind"], r["status"]) for r in by_doc(t["partnerships"], doc_id)}
    assert ("Centre national de la recherche scientifique|Université de Lille", "agreement", "established") in kinds
    assert any(r["horizon"] == "/2028" for r in by_doc(t["goals"], doc_id))


def test_files_sharing_a_doc_id_keep_their_extension_in_it(mixed):
    t, _, _ = mixed
    assert sorted(r["doc_id"] for r in t["documents"] if r["doc_id"].startswith("good/release")) == \
        ["good/release.docx", "good/release.md", "good/release.pdf", "good/release.txt"]
    assert by_doc(t["documents"], "good/page")[0]["path"].endswith("page.html")


@pytest.mark.parametrize("doc_id, status, reason", [
    ("bad/empty", "empty", ""),
    ("bad/blank", "empty", ""),
    ("bad/binary", "error", "binary file, not text"),
    ("bad/truncated", "error", "PDF is damaged or truncated"),
    ("bad/encrypted", "error", "PDF is encrypted"),
    ("bad/scan", "error", "PDF has no text layer"),
    ("bad/damaged", "error", "DOCX is damaged"),
    ("bad/menu", "error", "HTML page has no readable article text"),
    ("bad/english", "error", "not French (looks like English)"),
    ("bad/sheet", "error", "unsupported format '.xlsx'"),
    ("bad/locked", "error", "file not readable (permission denied)"),
    ("bad/dangling", "error", "file not found"),
])
def test_each_bad_file_gets_a_one_line_reason(mixed, doc_id, status, reason):
    t, _, _ = mixed
    (row,) = by_doc(t["documents"], doc_id)
    assert row["status"] == status
    assert row["error"].startswith(reason) if reason else row["error"] == ""
    assert "\n" not in row["error"] and len(row["error"]) <= 300
    assert row["n_organisations"] == "0" and not any(by_doc(t[n], doc_id) for n in ("organisations", "goals"))


def test_html_keeps_the_article_and_drops_navigation_and_footer(mixed):
    _, _, out = mixed
    text = (out / "texts" / "good" / "page.txt").read_text(encoding="utf-8")
    assert text.startswith("Communiqué de presse\n\nLille, le 12 février 2025\n\nL'Université de Lille")
    for noise in ("Accueil", "cookies", "Mentions légales", "Plan du site"):
        assert noise not in text


def test_offsets_refer_to_the_decoded_text_written_by_save_text(mixed):
    t, _, out = mixed
    texts = {}
    for p in (out / "texts").rglob("*.txt"):
        texts[p.relative_to(out / "texts").with_suffix("").as_posix()] = p.read_text(encoding="utf-8")
    assert_offsets_point_at_text(t, texts)
    assert texts["good/bom"] == texts["good/windows"] == texts["good/utf16"] == "\n\n".join(RELEASE) + "\n"
    assert texts["good/mojibake"] == texts["good/bom"]                     # Ã© repaired to é
    assert texts["good/latin1"].startswith("L'École normale supérieure")


# -- encodings and hygiene against a real corpus document ---------------------------------------

@pytest.mark.parametrize("source", [SEED, DEV], ids=["seed-004", "dev-01"])
def test_a_windows_1252_copy_yields_the_same_rows(source, tmp_path, nlp):
    text = source.read_text(encoding="utf-8")
    t, _ = run_on({"utf8.txt": source.read_bytes(), "cp1252.txt": text.encode("cp1252")}, tmp_path, nlp)
    a = content({n: by_doc(rows, "utf8") for n, rows in t.items()}, drop=("doc_id", "path", "sha256", "partnership_id",
                                                                              "goal_id"))
    b = content({n: by_doc(rows, "cp1252") for n, rows in t.items()}, drop=("doc_id", "path", "sha256",
                                                                            "partnership_id", "goal_id"))
    assert a == b
    assert len(a["organisations"]) >= 3 and a["partnerships"] and a["goals"]


def _hygiene(text: str) -> str:
    """The same text as a Windows tool or a web page exports it."""
    text = text.replace("'", "’").replace(" :", "\u00a0:").replace("« ", "«\u202f").replace(" »", "\u202f»")
    text = text.replace("partenariat", "parte\u00adnariat").replace("recherche", "re\u00adcherche")
    return text.replace("\n", "\r\n")


def _plain(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\u00ad", "").replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def test_spaces_apostrophes_soft_hyphens_and_crlf_give_the_same_rows(tmp_path, nlp):
    text = SEED.read_text(encoding="utf-8")
    messy = _hygiene(text)
    assert messy != text and "\u00ad" in messy and "\r\n" in messy
    t, _ = run_on({"clean.txt": text, "messy.txt": messy}, tmp_path, nlp)
    assert_offsets_point_at_text({n: by_doc(rows, "messy") for n, rows in t.items()}, {"messy": messy})
    drop = ("doc_id", "path", "sha256", "start", "end", "n_chars", "partnership_id", "goal_id")

    def normalised(doc_id):
        return {n: [{k: _plain(v) for k, v in r.items() if k not in drop} for r in by_doc(rows, doc_id)]
                for n, rows in t.items()}

    assert normalised("clean") == normalised("messy")


# -- long texts ------------------------------------------------------------------------------------

def test_a_long_text_is_analysed_in_parts_with_the_same_rows(tmp_path, nlp, monkeypatch):
    # seed 002 states its date and has a date relative to it ("les quatre prochaines années")
    seed = (ROOT / "corpus" / "texts" / "002_5c60a9db999ddf2d.txt").read_text(encoding="utf-8").rstrip("\n")
    t1, _ = run_on({"one.txt": seed + "\n"}, tmp_path / "a", nlp)
    monkeypatch.setattr(run_module, "PART_CHARS", len(seed) + 10)
    long = "\n\n".join([seed] * 3) + "\n"
    t3, _ = run_on({"three.txt": long}, tmp_path / "b", nlp)
    assert_offsets_point_at_text(t3, {"three": long})
    (one,), (three,) = t1["documents"], t3["documents"]
    assert three["status"] == "ok" and three["publication_date"] == one["publication_date"] != ""
    assert int(three["n_sentences"]) == 3 * int(one["n_sentences"])
    for name in ("dates", "partnerships", "goals"):
        assert len(t3[name]) == 3 * len(t1[name]), name
    assert [r["value"] for r in t3["dates"]] == [r["value"] for r in t1["dates"]] * 3   # later parts keep the anchor
    assert [(r["org_id"], int(r["n_mentions"])) for r in t3["organisations"]] == \
        [(r["org_id"], 3 * int(r["n_mentions"])) for r in t1["organisations"]]       # merged across parts
    assert [r["goal_id"] for r in t3["goals"]] == [f"three#{n}" for n in range(1, len(t3["goals"]) + 1)]


def test_a_file_over_the_size_limit_gets_an_error_row(tmp_path, nlp):
    from extract.limits import Limits

    t, summary = run_on({"huge.txt": "Texte. " * 200_000, "small.txt": "\n\n".join(RELEASE)}, tmp_path, nlp,
                        limits=Limits(max_file_bytes=1024 * 1024))
    assert [(r["doc_id"], r["status"]) for r in t["documents"]] == [("huge", "error"), ("small", "ok")]
    assert t["documents"][0]["error"].startswith("file too large")


# -- options: --include, manifest, --strict, atomic outputs, jobs ----------------------------------

def test_include_skips_other_extensions(tmp_path, nlp):
    t, summary = run_on({"a.txt": "\n\n".join(RELEASE), "b.html": html_page("x", RELEASE), "c.xlsx": b"PK"},
                        tmp_path, nlp, include={".txt"})
    assert [r["doc_id"] for r in t["documents"]] == ["a"] and summary.exit_code == 0


def test_manifest_anchors_relative_dates_and_adds_columns(tmp_path, nlp):
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,publication_date,url,publisher,title\n"
                        "docs/a.txt,2023-06-01,https://example.org/a,Université de Lille,Titre du site\n",
                        encoding="utf-8")
    text = "L'Université de Lille ouvrira l'an prochain un campus à Roubaix.\n"
    t, _ = run_on({"a.txt": text, "b.txt": text}, tmp_path, nlp, metadata=manifest)
    a, b = t["documents"]
    assert list(a)[:13] == TABLES["documents"]
    assert list(a)[13:] == ["metadata_publication_date", "url", "publisher", "metadata_title"]
    assert (a["url"], a["publisher"], a["metadata_title"]) == ("https://example.org/a", "Université de Lille",
                                                               "Titre du site")
    assert (a["publication_date"], a["metadata_publication_date"]) == ("", "2023-06-01")   # the text states none
    assert (b["url"], b["publisher"]) == ("", "")
    assert [(r["doc_id"], r["value"]) for r in t["dates"]] == [("a", "2024"), ("b", "")]


def test_an_interrupted_run_leaves_the_previous_tables_intact(tmp_path, nlp):
    t, _ = run_on({"a.txt": "\n\n".join(RELEASE)}, tmp_path, nlp)
    out = tmp_path / "out"
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    (tmp_path / "docs" / "b.txt").write_text("L'Université de Lille recrute.", encoding="utf-8")

    def killed(done, total):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([tmp_path / "docs"], out, nlp=nlp, progress=killed)
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    assert sorted(p.name for p in out.iterdir()) == sorted([*before, ".tables"])   # no temporary file left behind
    tables = sorted(p.name for p in (out / ".tables").iterdir())
    assert tables == sorted(["current", os.readlink(out / ".tables/current")])


def test_strict_stops_at_the_first_failure_without_writing(tmp_path, nlp):
    with pytest.raises(StrictFailure, match="b: PDF is damaged"):
        run_on({"a.txt": "\n\n".join(RELEASE), "b.pdf": b"%PDF-1.4 cut"}, tmp_path, nlp, strict=True)
    assert not (tmp_path / "out" / "documents.csv").exists()


def test_two_jobs_write_the_same_tables_as_one(tmp_path, nlp):
    import filecmp

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        run(["corpus"], tmp_path / "one", nlp=nlp, jobs=1)
        run(["corpus"], tmp_path / "two", nlp=nlp, jobs=2)
    finally:
        os.chdir(here)
    for name in TABLES:
        assert filecmp.cmp(tmp_path / "one" / f"{name}.csv", tmp_path / "two" / f"{name}.csv", shallow=False), name


# -- anything at all -------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_NAMES = st.sampled_from(["a.txt", "b.md", "c.html", "d.pdf", "e.docx", "f.htm", "g", "h.TXT"])
_FILES = st.dictionaries(_NAMES, st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1500).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=1500).map(lambda s: s.encode("utf-8")),
    st.text(alphabet="Université CNRS ;:,.'’«» \n\t\r\u00a0\u00ad2024-()ÉéèàçIMTa", max_size=800).map(str.encode),
), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=_FILES)
def test_random_bytes_and_text_never_crash_a_run_and_give_a_row_per_file(files, nlp):
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        docs.mkdir()
        for name, data in files.items():
            (docs / name).write_bytes(data)
        summary = run([docs], Path(tmp) / "out", nlp=nlp)
        t = tables(Path(tmp) / "out")
    assert summary.n_documents == len(files) == len(t["documents"])
    assert all(r["status"] in ("ok", "empty", "error") for r in t["documents"])
    assert all(r["error"] and "\n" not in r["error"] for r in t["documents"] if r["status"] == "error")
