"""The description model: valid, partial and malformed descriptions, with JSON paths in the errors."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from dpagen.errors import EXIT_INVALID, DescriptionError
from dpagen.io import dumps, parse, validate
from dpagen.model import (
    CostBearer,
    Description,
    EndAction,
    Language,
    LegalBasis,
    Role,
    SubprocessorRegime,
    TransferMechanism,
)


def _details(data: Any) -> list[str]:
    """The detail lines of the error raised for DATA (given as JSON text, so escapes are real)."""
    with pytest.raises(DescriptionError) as info:
        parse(json.dumps(data))
    assert info.value.exit_code == EXIT_INVALID
    return info.value.details


def _line(details: list[str], path: str) -> str:
    """The one detail line about PATH (exactly that path, not a longer one)."""
    lines = [line for line in details if line.startswith(f"{path}: ")]
    assert len(lines) == 1, (path, details)
    return lines[0]


# --- valid ---------------------------------------------------------------------------------------------


def test_the_avm_up_example_is_typed(avm_up: Description) -> None:
    assert avm_up.document.language is Language.FR
    assert avm_up.document.effective_date == dt.date(2026, 12, 1)
    assert avm_up.processor is not None and avm_up.processor.brand == "AVM Up"
    assert len(avm_up.services) == 6
    purposes = avm_up.activities[0].purposes
    assert {p.legal_basis for p in purposes} == {LegalBasis.CONTRACT, LegalBasis.LEGITIMATE_INTEREST}
    assert avm_up.subprocessor_policy.regime is SubprocessorRegime.GENERAL


def test_country_codes_are_normalised() -> None:
    d = validate(
        {
            "controller": {"address": {"country": "fr"}},
            "subprocessors": [{"name": "A", "country": "gr", "data_locations": ["de", "XK"]}],
        }
    )
    assert d.controller is not None and d.controller.address is not None
    assert d.controller.address.country == "FR"
    assert d.subprocessors[0].country == "GR"
    assert d.subprocessors[0].data_locations == ["DE", "XK"]


def test_text_is_trimmed_and_newlines_are_allowed() -> None:
    text = {"controller": {"legal_name": "  Okasio  "}, "contract": {"liability": "Premier.\n\nSecond."}}
    d = validate(text)
    assert d.controller is not None and d.controller.legal_name == "Okasio"
    assert d.contract.liability == "Premier.\n\nSecond."


def test_schema_pointer_is_read_and_written_as_dollar_schema() -> None:
    d = parse('{"$schema": "../schema/dpagen.schema.json"}')
    assert d.schema_ref == "../schema/dpagen.schema.json"
    assert json.loads(dumps(d))["$schema"] == "../schema/dpagen.schema.json"


def test_transfers_of_cookies_and_recipients_round_trip() -> None:
    data = {
        "hosting": {"no_transfer_outside_eea": False},
        "recipients": [
            {
                "name": "Google LLC",
                "kind": "processor",
                "country": "US",
                "address": {"city": "Mountain View", "country": "US"},
                "transfer": {"mechanism": "adequacy", "dpf_certified": True},
            }
        ],
        "cookies": [
            {
                "name": "_ga",
                "lifetime_months": 13,
                "country": "US",
                "info_url": "https://support.google.com/analytics/answer/6004245",
                "transfer": {"mechanism": "scc", "scc_module": "module_2"},
            }
        ],
    }
    d = validate(data)
    assert d.recipients[0].transfer is not None and d.recipients[0].transfer.dpf_certified
    assert d.cookies[0].transfer is not None and d.cookies[0].transfer.mechanism is TransferMechanism.SCC
    again = parse(dumps(d))
    assert again == d
    assert json.loads(dumps(again))["cookies"][0]["transfer"] == {
        "mechanism": "scc",
        "scc_module": "module_2",
        "dpf_certified": False,
    }


def test_new_optional_fields_load() -> None:
    d = validate(
        {
            "processor": {"legal_name": "Messagia", "certifications": ["ISO 9001"]},
            "hosting": {"sites": [{"provider": "OVH SAS", "country": "FR", "scope": "le site"}]},
            "processor_own_activities": [{"name": "Relation client de Messagia"}],
            "changes": {"url": "https://www.messagia.example/rgpd"},
            "contract": {"controller_undertakings": ["signaler un compte compromis"]},
        }
    )
    assert d.processor is not None and d.processor.certifications == ["ISO 9001"]
    assert d.hosting.sites[0].scope == "le site"
    assert d.processor_own_activities[0].name == "Relation client de Messagia"
    assert d.changes.url == "https://www.messagia.example/rgpd"
    assert d.contract.controller_undertakings == ["signaler un compte compromis"]


# --- partial -------------------------------------------------------------------------------------------


def test_an_empty_object_loads_with_french_saas_defaults() -> None:
    d = parse("{}")
    assert d.controller is None and d.processor is None and d.activities == []
    assert d.document.language is Language.FR
    assert d.breach.notice_hours == 48
    assert (d.audits.notice_days, d.audits.max_per_year, d.audits.cost) == (30, 1, CostBearer.CONTROLLER)
    assert d.end_of_contract.delay_days == 30 and d.end_of_contract.action is EndAction.CONTROLLER_CHOICE
    assert d.hosting.no_transfer_outside_eea is True
    assert d.contract.governing_law == "FR"
    assert d.authority.name is None  # the authority comes from the shipped list (dpagen/data/authorities.toml)
    assert d.charter_publisher is Role.CONTROLLER


def test_a_processor_name_alone_loads() -> None:
    d = parse('{"processor": {"legal_name": "Messagia"}}')
    assert d.processor is not None and d.processor.legal_name == "Messagia"
    assert d.controller is None
    assert d.charter_publisher is Role.PROCESSOR
    assert parse(dumps(d)) == d


def test_a_partial_activity_loads() -> None:
    d = parse('{"activities": [{"name": "SMS", "purposes": [{"description": "Router les messages"}]}]}')
    assert d.activities[0].purposes[0].legal_basis is None
    assert d.activities[0].data_categories == []


_MINUS_3Y = {"duration": {"value": -3, "unit": "years"}}

# --- malformed -----------------------------------------------------------------------------------------


def test_bad_date() -> None:
    details = _details({"document": {"effective_date": "2026-13-01"}})
    assert "2026-13-01" in _line(details, "document.effective_date")
    details = _details({"subprocessors": [{"name": "A", "date_added": "hier"}]})
    assert "hier" in _line(details, "subprocessors[0].date_added")


def test_unknown_country_code() -> None:
    details = _details({"subprocessors": [{"name": "A", "country": "ZZ"}]})
    line = _line(details, "subprocessors[0].country")
    assert "ISO 3166-1" in line and '"ZZ"' in line
    details = _details({"subprocessors": [{"name": "A", "data_locations": ["FR", "France"]}]})
    assert "France" in _line(details, "subprocessors[0].data_locations[1]")
    assert _line(_details({"hosting": {"sites": [{"country": "UK"}]}}), "hosting.sites[0].country")


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"breach": {"notice_hours": -1}}, "breach.notice_hours"),
        ({"breach": {"notice_hours": 0}}, "breach.notice_hours"),
        ({"end_of_contract": {"delay_days": -30}}, "end_of_contract.delay_days"),
        ({"subprocessor_policy": {"notice_days": -1}}, "subprocessor_policy.notice_days"),
        ({"audits": {"notice_days": -7}}, "audits.notice_days"),
        ({"rights": {"response_days": -1}}, "rights.response_days"),
        ({"cookies": [{"name": "c", "lifetime_months": -1}]}, "cookies[0].lifetime_months"),
        (
            {"activities": [{"name": "a", "data_categories": [{"name": "c", "retention": _MINUS_3Y}]}]},
            "activities[0].data_categories[0].retention.duration.value",
        ),
    ],
)
def test_negative_delay(data: dict[str, Any], path: str) -> None:
    assert "greater than or equal" in _line(_details(data), path)


def test_unknown_field() -> None:
    line = _line(_details({"controller": {"legal_nmae": "Okasio"}}), "controller.legal_nmae")
    assert "unknown field" in line
    assert _line(_details({"breach": {"hours": 48}}), "breach.hours")
    details = _details({"cookies": [{"name": "c", "transfer": {"mechanism": "scc", "module": 2}}]})
    assert _line(details, "cookies[0].transfer.module")
    assert _line(_details({"colour": "blue"}), "colour")


@pytest.mark.parametrize(
    ("data", "path", "code"),
    [
        ({"controller": {"legal_name": "Oka\u0007sio"}}, "controller.legal_name", "U+0007"),
        ({"controller": {"address": {"city": "Li\tlle"}}}, "controller.address.city", "U+0009"),
        ({"subprocessors": [{"name": "A\u0000"}]}, "subprocessors[0].name", "U+0000"),
        ({"contract": {"liability": "un\u2028deux"}}, "contract.liability", "U+2028"),
        (
            {"activities": [{"name": "a", "data_subjects": ["Clients", "Pros\u001bpects"]}]},
            "activities[0].data_subjects",
            "U+001B",
        ),
    ],
)
def test_control_character_in_text(data: dict[str, Any], path: str, code: str) -> None:
    line = _line(_details(data), path)
    assert code in line and "control character" in line


def test_control_character_in_a_list_names_the_item() -> None:
    details = _details({"activities": [{"name": "a", "data_subjects": ["Clients", "Pros\u001bpects"]}]})
    assert "item [1]" in _line(details, "activities[0].data_subjects")


def test_unknown_enum_value_lists_the_choices() -> None:
    data = {"activities": [{"name": "a", "purposes": [{"description": "d", "legal_basis": "whim"}]}]}
    line = _line(_details(data), "activities[0].purposes[0].legal_basis")
    assert "'consent'" in line and "whim" in line
    details = _details({"cookies": [{"name": "c", "transfer": {"mechanism": "pinky"}}]})
    assert "'adequacy'" in _line(details, "cookies[0].transfer.mechanism")


def test_wrong_types_and_values() -> None:
    assert "valid list" in _line(_details({"services": "FAXBIS"}), "services")
    assert _line(_details({"breach": {"recipient": "not-an-address"}}), "breach.recipient")
    assert _line(_details({"controller": {"website": "www.okasio.example"}}), "controller.website")
    assert _line(_details({"schema_version": 99}), "schema_version")
    assert _line(_details({"recipients": [{"kind": "processor"}]}), "recipients[0].name").endswith("missing")


def test_duplicate_category_names_are_reported_on_the_activity() -> None:
    data = {"activities": [{"name": "a", "data_categories": [{"name": "Logs"}, {"name": "Logs"}]}]}
    assert "Logs" in _line(_details(data), "activities[0]")


def test_every_problem_is_reported_at_once() -> None:
    details = _details(
        {
            "document": {"effective_date": "demain"},
            "controller": {"legal_nmae": "x"},
            "subprocessors": [{"name": "A"}, {"name": "B", "country": "ZZ"}],
            "breach": {"notice_hours": -1},
        }
    )
    paths = {line.split(": ", 1)[0] for line in details}
    expected = {"document.effective_date", "controller.legal_nmae", "subprocessors[1].country"}
    expected.add("breach.notice_hours")
    assert paths == expected


def test_invalid_json_and_non_object() -> None:
    with pytest.raises(DescriptionError) as info:
        parse('{"controller": ', "desc.json")
    assert info.value.message == "desc.json: invalid JSON"
    assert info.value.details[0].startswith("line 1, column")
    with pytest.raises(DescriptionError, match="a description is a JSON object, found list"):
        parse("[]")
