"""A processor established outside the EEA: the data goes abroad to reach it (Chapter V, SCC module 2)."""

from __future__ import annotations

from typing import Any

import pytest

from dpagen.build import build
from dpagen.errors import IncompleteError
from dpagen.io import to_data, validate
from dpagen.model import Description
from dpagen.rules import check
from tests.conftest import load_example

MODULE_2 = {"mechanism": "scc", "scc_module": "module_2"}


def abroad(tool: dict[str, Any] | None = MODULE_2, publisher: str = "processor") -> Description:
    data = to_data(load_example("avm-up"))
    data["processor"]["address"]["country"] = "US"
    data["processor"]["eu_representative"] = {"name": "AVM Europe SARL", "email": "eu@avmup.example"}
    data["hosting"]["no_transfer_outside_eea"] = False
    data["publisher"] = publisher
    if tool is not None:
        data["hosting"]["processor_transfer"] = tool
    return validate(data)


def text(description: Description, document: str, language: str, draft: bool = False) -> str:
    return build(description, document, language=language, draft=draft).text().replace("\u00a0", " ")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_contract_lists_the_transfer_to_the_processor_itself(language: str) -> None:
    contract = text(abroad(), "dpa", language)
    words = {"fr": ("le Sous-traitant lui-même, établi hors de l'EEE (États-Unis)", "module 2",
                    "aucune donnée à caractère personnel n'est transférée"),
             "en": ("the Processor itself, established outside the EEA (United States)", "Module Two",
                    "no personal data is transferred")}[language]
    itself, module, none = words
    assert itself in contract and module in contract
    assert none not in contract


def test_without_its_tool_the_transfer_to_the_processor_blocks_every_document() -> None:
    description = abroad(tool=None)
    [finding] = [f for f in check(description) if f.rule == "TRANSFER-NO-MECHANISM"]
    assert finding.path == "hosting.processor_transfer" and finding.severity == "error"
    assert {"dpa", "processor-charter"} <= set(finding.documents)
    with pytest.raises(IncompleteError) as info:
        build(description, "dpa", language="fr")
    assert "hosting.processor_transfer" in info.value.details


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_controllers_notice_and_the_processors_pages_say_it_too(language: str) -> None:
    # avm-up describes the processor's side: the controller's notice is a draft with blanks of its own
    notice = text(abroad(publisher="controller"), "privacy-notice", language, draft=True)
    provider = {"fr": "notre prestataire AVM Informatique (États-Unis)",
                "en": "our service provider AVM Informatique (United States)"}[language]
    assert provider in notice
    charter = text(abroad(), "processor-charter", language)
    assert {"fr": "nous-mêmes, établis hors de l'EEE", "en": "ourselves, established outside the EEA"}[
        language] in charter
    listing = text(abroad(), "subprocessors", language)
    assert {"fr": "Tous les prestataires de cette liste traitent les données dans l'Espace économique",
            "en": "Every provider on this list processes the data in the European Economic Area"}[
        language] in listing
    assert {"fr": "aucune donnée n'est transférée", "en": "no data is transferred"}[language] not in listing


def test_a_processor_abroad_with_its_tool_leaves_the_check_without_errors() -> None:
    assert not [f.line("en") for f in check(abroad()) if f.severity == "error"]
