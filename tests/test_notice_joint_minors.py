"""Joint controllers (Art. 26, INF-JC) and children (Art. 8, art. 45 loi 78-17, FR-MIN) in the privacy notice."""

from __future__ import annotations

from typing import Any

import pytest

from dpagen.build import build
from dpagen.errors import IncompleteError
from dpagen.io import to_data, validate
from dpagen.model import Description
from dpagen.rules import check
from tests.conftest import load_example

JOINT = {"name": "Okasio Events SAS", "processing": "the co-organised events", "email": "events@okasio.example",
         "arrangement": "Okasio informs participants and answers their requests; Okasio Events notifies breaches"}


def okasio(**changes: Any) -> Description:
    data = to_data(load_example("okasio"))
    data.update(changes)
    return validate(data)


def notice(description: Description, language: str, draft: bool = False) -> str:
    return build(description, "privacy-notice", language=language, draft=draft).text().replace("\u00a0", " ")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_notice_names_each_joint_controller_and_the_essence_of_the_arrangement(language: str) -> None:
    text = notice(okasio(joint_controllers=[JOINT]), language)
    heading = {"fr": "Responsables conjoints du traitement", "en": "Joint controllers"}[language]
    each = {"fr": "vous pouvez exercer vos droits auprès de chacun d'entre nous",
            "en": "you can exercise your rights in respect of and against each of us"}[language]
    assert heading in text and each in text
    for value in (JOINT["name"], JOINT["email"], JOINT["processing"], JOINT["arrangement"]):
        assert value in text
    assert heading not in notice(okasio(), language)


def test_a_joint_controller_without_its_arrangement_blocks_the_final_notice() -> None:
    incomplete = okasio(joint_controllers=[{"name": "Okasio Events SAS"}])
    with pytest.raises(IncompleteError) as info:
        build(incomplete, "privacy-notice", language="fr")
    assert "joint_controllers[0].arrangement" in info.value.details
    assert "[●]" in notice(incomplete, "fr", draft=True)
    findings = [f for f in check(incomplete) if f.path == "joint_controllers[0].arrangement"]
    assert findings and findings[0].severity == "error" and "privacy-notice" in findings[0].documents


@pytest.mark.parametrize("language", ["fr", "en"])
def test_services_for_children_state_the_age_of_consent_and_the_parents_part(language: str) -> None:
    minors = {"offered": True, "minimum_age": 13, "parental_consent": "a parent confirms by e-mail"}
    text = notice(okasio(minors=minors), language)
    words = {"fr": ("Mineurs", "à partir de 13 ans", "seul à partir de 15 ans", "autorité parentale"),
             "en": ("Children", "from the age of 13", "aged 15 or over can give it alone", "parental authority")}
    for expected in (*words[language], "a parent confirms by e-mail"):
        assert expected in text, expected
    assert words[language][2] not in notice(okasio(), language)


def test_the_check_asks_how_parents_consent_for_children_under_15() -> None:
    with_consent = okasio(minors={"offered": True, "minimum_age": 13})
    assert any(f.rule == "NOTICE-MINORS-CONSENT" for f in check(with_consent))
    older = okasio(minors={"offered": True, "minimum_age": 16})
    assert not any(f.rule == "NOTICE-MINORS-CONSENT" for f in check(older))
