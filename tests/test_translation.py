"""The description's own texts in another language: `translations`, `dpagen translations`, and the documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from dpagen.build import build
from dpagen.errors import DescriptionError
from dpagen.io import load, to_data, validate
from dpagen.model import Description
from dpagen.translation import table, translatable, untranslated
from dpagen.writers.markdown import write as markdown

ROOT = Path(__file__).resolve().parent.parent
AVM = ROOT / "examples" / "avm-up.json"


def text_of(description: Description, document: str, language: str) -> str:
    return markdown(build(description, document, language=language)).decode("utf-8")


def with_translations(description: Description, entries: dict[str, str], language: str = "en") -> Description:
    data: dict[str, Any] = to_data(description)
    data["translations"] = {language: entries}
    return validate(data)


def without_translations(description: Description) -> Description:
    data: dict[str, Any] = to_data(description)
    data.pop("translations", None)
    return validate(data)


def dpagen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dpagen", *args], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def avm() -> Description:
    return load(AVM)


def test_the_english_contract_of_the_french_example_reads_its_translations(avm: Description) -> None:
    english = text_of(avm, "dpa", "en")
    entries = table(avm, "en")
    activity = avm.activities[0]
    for source in (activity.name, activity.data_categories[0].name, activity.data_subjects[0],
                   activity.purposes[0].description, activity.nature[0], avm.security_measures[0].description,
                   avm.contract.jurisdiction):
        assert source and source in entries
        assert entries[source] in english, source
    for source in ("Données d'identification", "Fourniture des services de communication", "Tribunal de commerce"):
        assert source not in english.replace("(Tribunal de commerce de Lyon)", "")


def test_a_document_in_the_descriptions_own_language_ignores_the_translations(avm: Description) -> None:
    assert text_of(avm, "dpa", "fr") == text_of(without_translations(avm), "dpa", "fr")
    assert "Identification data" not in text_of(avm, "processor-charter", "fr")


def test_names_addresses_and_e_mails_are_never_translated(avm: Description) -> None:
    assert avm.processor is not None and avm.processor.legal_name and avm.processor.email
    hostile = with_translations(avm, {avm.processor.legal_name: "WRONG NAME", avm.processor.email: "WRONG MAIL",
                                      "Lyon": "WRONG CITY", avm.activities[0].name: "Communication services"})
    english = text_of(hostile, "dpa", "en")
    assert "WRONG" not in english
    assert avm.processor.legal_name in english and "Communication services" in english
    assert not translatable("processor.legal_name") and not translatable("controller.address.city")
    assert not translatable("subprocessors[1].name") and translatable("recipients[0].name")
    assert translatable("activities[2].data_categories[0].name")


def test_a_category_keeps_its_purposes_once_translated(avm: Description) -> None:
    """Purposes name their data categories: both sides read the same translation."""
    category = avm.activities[0].data_categories[0].name
    assert any(category in p.data for p in avm.activities[0].purposes)
    english = with_translations(avm, {category: "Identification data"})
    assert build(english, "dpa", language="en").missing == build(avm, "dpa", language="en").missing


def test_untranslated_lists_prose_once_in_order_of_first_use(avm: Description) -> None:
    bare = without_translations(avm)
    missing = untranslated(bare, "en")
    assert untranslated(bare, "fr") == {}  # the description's own language
    assert missing[bare.activities[0].name] == "activities[0].name"
    assert "collecte" in missing and list(missing).count("collecte") == 1
    assert bare.processor is not None
    for kept in (bare.processor.legal_name, bare.processor.email, "FR", bare.processor.website):
        assert kept not in missing
    assert untranslated(avm, "en") == {}  # the example translates every text


def test_the_model_cleans_translations_and_refuses_bad_ones() -> None:
    d = validate({"translations": {"en": {" Clients ": " Customers ", "Prospects": ""}}})
    assert table(d, "en") == {"Clients": "Customers"}  # an empty translation is not one yet
    for bad in ({"en": {"a\x07": "b"}}, {"en": {" ": "b"}}, {"de": {"a": "b"}}):
        with pytest.raises(DescriptionError):
            validate({"translations": bad})


def test_dpagen_translations_prints_then_writes_what_is_left(tmp_path: Path, avm: Description) -> None:
    from dpagen.io import dumps

    path = tmp_path / "d.json"
    bare = without_translations(avm)
    path.write_text(dumps(with_translations(bare, {bare.activities[0].name: "Communication services"})))
    proc = dpagen("translations", str(path), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    printed = json.loads(proc.stdout)["en"]
    assert bare.activities[0].name not in printed and "collecte" in printed
    assert set(printed.values()) == {""}
    assert f"{len(printed)} text(s) to translate into English (1 translated)" in proc.stderr
    proc = dpagen("translations", str(path), "--lang", "en", "--write")
    assert proc.returncode == 0, proc.stderr
    written = load(path)
    assert written.translations["en"][bare.activities[0].name] == "Communication services"  # type: ignore[index]
    assert set(written.translations["en"]) == set(printed) | {bare.activities[0].name}  # type: ignore[index]
    assert dpagen("translations", str(path), "--lang", "en", "--write").stderr.startswith("added 0 text(s)")
    proc = dpagen("translations", str(path), "--lang", "fr")
    assert proc.returncode == 0 and "written in French" in proc.stderr and proc.stdout == ""


def test_generate_says_how_many_texts_appear_untranslated(tmp_path: Path) -> None:
    from dpagen.io import dumps

    okasio = tmp_path / "okasio.json"
    okasio.write_text(dumps(without_translations(load(ROOT / "examples" / "okasio.json"))), encoding="utf-8")
    proc = dpagen("generate", str(okasio), "--doc", "privacy-notice", "--lang", "en", "--format", "md",
                  "--out", str(tmp_path))
    assert proc.returncode == 1 and "text not translated (fr → en)" in proc.stderr  # a final is refused
    assert "dpagen translations" in proc.stderr and not list(tmp_path.glob("*.md"))
    proc = dpagen("generate", str(okasio), "--doc", "privacy-notice", "--lang", "en", "--format", "md",
                  "--out", str(tmp_path), "--draft")
    assert proc.returncode == 0, proc.stderr
    count = len(untranslated(load(okasio), "en"))
    assert count > 50
    assert f"note: {count} text(s) of {okasio} have no English translation" in proc.stderr
    proc = dpagen("generate", str(AVM), "--doc", "subprocessors", "--lang", "en", "--format", "md",
                  "--out", str(tmp_path))
    assert proc.returncode == 0 and "note:" not in proc.stderr


def test_dpagen_translations_points_out_translations_left_over_by_an_edit(tmp_path: Path, avm: Description) -> None:
    from dpagen.io import dumps

    path = tmp_path / "d.json"
    path.write_text(dumps(with_translations(without_translations(avm), {"Ancien texte": "Old text"})))
    proc = dpagen("translations", str(path), "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    assert "note: 1 translation(s) match no text" in proc.stderr and "'Ancien texte'" in proc.stderr
    assert "match no text" not in dpagen("translations", str(AVM), "--lang", "en").stderr


def test_translations_write_adds_only_its_entries_and_keeps_a_link(tmp_path: Path) -> None:
    """The user's file keeps what it said (no default written in), and a symlinked file stays a link."""
    real = tmp_path / "real.json"
    mine = {"document": {"language": "fr"}, "activities": [{"name": "Paie"}]}
    real.write_text(json.dumps(mine, ensure_ascii=False), encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    proc = dpagen("translations", str(link), "--lang", "en", "--write")
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    written = json.loads(real.read_text(encoding="utf-8"))
    entries = written.pop("translations")["en"]
    assert written == mine  # nothing else written into the user's file (it once got every default)
    assert entries["Paie"] == "" and set(entries.values()) == {""}
