"""Issue 13: facts a lawyer missed in the contract, read back from the built documents in FR and EN."""

from __future__ import annotations

import pytest
from test_dpa_clauses import DELETE, variant
from test_dpa_content import avm, clause, flat, text_of

from dpagen.build import build
from dpagen.errors import IncompleteError


@pytest.mark.parametrize("language", ["fr", "en"])
def test_annex_iv_names_each_subprocessors_address_and_contact_person(language: str) -> None:
    annex = flat(text_of(clause(build(avm(), "dpa", language=language), "dpa.annex-iv.list")))
    assert "40 rue de la Villette, 69003 Lyon" in annex
    assert "Claire Fontaine" in annex and "dpo@hostlyon.example" in annex
    title = {"fr": "Déléguée à la protection des données", "en": "Data Protection Officer"}[language]
    assert title in annex
    assert "HostLyon (HostLyon SAS)" in annex


@pytest.mark.parametrize("field", ["address", "contact"])
def test_a_subprocessor_without_address_or_contact_refuses_the_final_contract(field: str) -> None:
    d = variant(avm(), {f"subprocessors.0.{field}": DELETE})
    with pytest.raises(IncompleteError) as caught:
        build(d, "dpa", language="fr")
    assert f"subprocessors[0].{field}" in caught.value.details
    draft = flat(text_of(clause(build(d, "dpa", language="en", draft=True), "dpa.annex-iv.list")))
    assert "[●]" in draft and f"subprocessors[0].{field}" in draft


def test_a_name_equal_to_its_entity_is_not_repeated() -> None:
    d = variant(avm(), {"subprocessors.0.entity": "HostLyon"})
    annex = text_of(clause(build(d, "dpa", language="fr"), "dpa.annex-iv.list"))
    assert "HostLyon (HostLyon)" not in annex and "HostLyon" in annex


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_return_format_is_stated_in_the_contract_and_the_charter(language: str) -> None:
    expected = {"fr": "fichiers CSV (RFC 4180) et export SQL de la base",
                "en": "CSV files (RFC 4180) and an SQL export of the database"}[language]
    end = flat(text_of(clause(build(avm(), "dpa", language=language), "dpa.end-of-contract")))
    assert expected in end
    charter = flat(text_of(clause(build(avm(), "processor-charter", language=language), "charter.end")))
    assert expected in charter


def test_without_a_return_format_the_contract_keeps_the_general_words() -> None:
    d = variant(avm(), {"end_of_contract.return_format": DELETE})
    end = flat(text_of(clause(build(d, "dpa", language="en"), "dpa.end-of-contract")))
    assert "machine-readable format." in end and "namely" not in end


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_value_ending_in_a_full_stop_is_not_followed_by_a_second_mark(language: str) -> None:
    d = variant(avm(), {"end_of_contract.return_format": "CSV files."})
    end = flat(text_of(clause(build(d, "dpa", language=language, draft=True), "dpa.end-of-contract")))
    assert "CSV files." in end and "files.." not in end and "files. ;" not in end


def test_a_clause_text_never_reads_a_stop_then_a_semicolon() -> None:
    from dpagen.templating import VALUE_CLOSE, tidy_punctuation

    assert tidy_punctuation("refused." + VALUE_CLOSE + " ;") == "refused" + VALUE_CLOSE + " ;"
    assert tidy_punctuation("etc." + VALUE_CLOSE + ", and") == "etc." + VALUE_CLOSE + ", and"
