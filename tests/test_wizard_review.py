"""The wizard's review screen, `--edit`, required values for final documents, and the model's words."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from test_wizard_flow import FRESH, Script, Then, run

from conftest import EXAMPLES
from dpagen.errors import DescriptionError, IncompleteError, UsageError
from dpagen.io import load, parse
from dpagen.wizard.flow import REVIEW_ID, Wizard
from dpagen.wizard.session import Session


class Keeping(Script):
    """The scripted prompter, keeping the choices of every menu shown (not only the last one)."""

    def __init__(self, answers: dict[str, Any]) -> None:
        super().__init__(answers)
        self.menus: dict[str, list[dict[str, str]]] = {}

    def ask(self, prompt: Any) -> Any:
        self.menus.setdefault(prompt.id, []).append(dict(prompt.choices))
        return super().ask(prompt)


def run_keeping(answers: dict[str, Any]) -> tuple[Keeping, Wizard]:
    script = Keeping(answers)
    wizard = Wizard(script, "fr")
    wizard.run()
    return script, wizard


def _choices(script: Script, pid: str) -> dict[str, str]:
    """The choices of the first menu ``pid`` shown."""
    return script.menus[pid][0] if isinstance(script, Keeping) else dict(script.prompts[pid].choices)


def test_a_value_left_empty_is_listed_with_its_documents_and_filled_from_the_review() -> None:
    script, wizard = run_keeping({**FRESH, "hosting.sites[0].provider": Then(["", "OVHcloud"]),
                          "review#menu": Then(["m:hosting.sites[0].provider", "#save"])})
    menu = _choices(script, "review#menu")
    fill = menu["m:hosting.sites[0].provider"]
    assert fill.startswith("À compléter : Hébergement › Hébergement 1 › Hébergeur")
    assert "contrat de sous-traitance" in fill and "liste des sous-traitants ultérieurs" in fill
    assert script.asked.count("hosting.sites[0].provider") == 2
    assert wizard.state["hosting"]["sites"][0]["provider"] == "OVHcloud"
    screen = next(s for s in script.said if s.startswith("── Relecture"))
    # agreement: 1 valeur; 8 questions, the HDS one included (the description has health data)
    assert "Hébergement : 8 questions · 1 valeur à compléter" in screen


def test_a_section_opens_with_its_answers_and_one_answer_changes() -> None:
    script, wizard = run_keeping({**FRESH, "review#menu": Then(["s:breach", "#save"]),
                          "review#breach": Then(["0", "#back"]),  # the first answer of the part
                          "breach.notice_hours": Then(["48", "24"])})
    assert script.asked.count("breach.notice_hours") == 2 and wizard.state["breach"]["notice_hours"] == 24
    assert "48" in _choices(script, "review#breach")["0"]
    section = next(s for s in script.said if s.startswith("── Violations de données") and "\n" in s)
    assert "dpo@durand.example" in section  # the answers are shown


def test_the_review_opens_from_any_question_and_the_session_replays_it() -> None:
    answers = {**FRESH, "controller.brand": Then([":revoir", "Durand"]),
               "review#menu": Then(["s:document", "#continue", "#save"]),
               "review#document": Then(["5", "#back"]),  # 5: the version (after Back, Whole and "final")
               "document.version": Then(["1.0", "2.0"])}
    script, wizard = run(answers)
    assert script.asked.count("controller.brand") == 2 and wizard.state["controller"]["brand"] == "Durand"
    assert wizard.state["document"]["version"] == "2.0"
    assert [REVIEW_ID, None] in wizard.log
    # The draft's answers replayed give the same state without asking anything.
    again = Script({})
    replayed = Wizard(again, "fr", replay=wizard.log)
    replayed.run()
    assert replayed.state == wizard.state
    assert again.asked == []


def test_final_documents_make_their_values_required_unless_left_for_later(avm_up: Any) -> None:
    from dpagen.io import to_data

    wizard = Wizard(Script({}), "fr", start=to_data(avm_up))
    wizard.final = True
    refused = wizard.check_answer(("processor", "email"), "text", "  ")
    assert refused is not None and refused.startswith("Nécessaire pour : charte du prestataire")
    assert "« plus tard »" in refused
    assert wizard.check_answer(("processor", "email"), "text", "plus tard") is None
    assert wizard.check_answer(("processor", "email"), "text", "a@b.example") is None
    assert wizard.check_answer(("document", "reference"), "text", "") is None  # no document needs it
    assert wizard.check_answer(("activities", 0, "name"), "text", "later") == "valeur obligatoire manquante"
    wizard.final = False
    assert wizard.check_answer(("processor", "email"), "text", "") is None


def test_edit_opens_a_file_on_the_review_and_saves_it_in_place(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    data["hosting"]["sites"][0]["provider"] = ""  # blank: missing, as in a JSON file written by hand
    data["changes"]["channel"] = "   "
    Path("avm.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    script = Keeping({"review#menu": Then(["m:hosting.sites[0].provider", "m:changes.channel", "#save"]),
                     "hosting.sites[0].provider": Then(["", "OVHcloud"]),
                     "changes.channel": "courriel aux clients", "final#check": False, "final#generate": False})
    assert Session(script, None, Path("avm.json"), False, "fr", edit=True, section="hosting").run() == 0
    assert script.asked[:2] == ["review#hosting", "review#menu"]  # the part asked for opens first
    assert "changes.channel" in {k[2:] for k in _choices(script, "review#menu")}
    # an empty answer to a value a document needs is refused, with the documents that need it
    assert script.refused[0][:2] == ("hosting.sites[0].provider", "")
    assert "Nécessaire pour : contrat de sous-traitance" in script.refused[0][2]
    saved = load(tmp_path / "avm.json")
    assert saved.hosting.sites[0].provider == "OVHcloud" and saved.changes.channel == "courriel aux clients"
    with pytest.raises(UsageError, match="unknown section 'hosts'"):
        Session(Script({}), None, Path("avm.json"), False, "fr", edit=True, section="hosts")


def test_a_blank_text_in_json_counts_as_missing() -> None:
    data = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    data["hosting"]["sites"][0]["provider"] = " "
    data["processor"]["certifications"] = ["", "ISO 27001"]
    description = parse(json.dumps(data))
    assert description.hosting.sites[0].provider is None
    assert description.processor is not None and description.processor.certifications == ["ISO 27001"]
    from dpagen.build import build

    with pytest.raises(IncompleteError) as refused:
        build(description, "subprocessors")
    assert "hosting.sites[0].provider" in refused.value.details
    data["activities"][0]["name"] = ""
    with pytest.raises(DescriptionError) as error:
        parse(json.dumps(data))
    assert "activities[0].name: required field is missing" in error.value.details


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"subprocessors": [{"name": "X", "country": "UK"}]}, "subprocessors[0].country: 'UK' is not an ISO "
         "3166-1 alpha-2 country code (e.g. FR, DE, US); did you mean GB?"),
        ({"subprocessors": [{"name": "X", "country": "France"}]}, "did you mean FR?"),
        ({"subprocessors": [{"name": "X", "country": "EL"}]}, "subprocessors[0].country: 'EL' is not an ISO "
         "3166-1 alpha-2 country code (e.g. FR, DE, US); did you mean GR?"),
        ({"document": {"effective_date": "31/12/2026"}}, "document.effective_date: a date is expected, written "
         "YYYY-MM-DD (e.g. 2026-12-01); did you mean 2026-12-31?"),
        ({"subprocessor_policy": {"regime": "generale"}}, "did you mean general?"),
        ({"activities": [{"name": "A", "purposes": [{"description": "B", "legal_basis": "intérêt légitime"}]}]},
         "did you mean legitimate_interest?"),
    ],
)
def test_errors_say_the_expected_form_and_what_was_probably_meant(change: dict[str, Any], expected: str) -> None:
    with pytest.raises(DescriptionError) as error:
        parse(json.dumps(change))
    assert any(expected in line for line in error.value.details), error.value.details


def test_model_messages_are_french_in_the_french_wizard() -> None:
    from dpagen.messages import message

    errors = [
        ({"type": "greater_than_equal", "ctx": {"ge": 1}, "msg": "", "input": 0}, "doit être supérieur ou égal à 1"),
        ({"type": "int_parsing", "msg": "", "input": "abc"}, "un nombre entier est attendu"),
        ({"type": "value_error", "ctx": {"reason": "An email address must have an @-sign."}, "msg": "",
          "input": "x"}, "adresse électronique invalide : il manque le « @ »"),
    ]
    for error, words in errors:
        assert message(error, "fr") == words


def test_editing_an_example_in_the_review_and_saving_changes_nothing(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES / "okasio.json", "okasio.json")
    script = Script({"final#check": False, "final#generate": False})
    assert Session(script, None, Path("okasio.json"), False, "fr", edit=True).run() == 0
    assert script.asked[0] == "review#menu"
    assert load(tmp_path / "okasio.json") == load(EXAMPLES / "okasio.json")


def test_a_blank_in_a_draft_asks_its_reader_a_question(avm_up: Any) -> None:
    from dpagen.build import build

    avm_up.hosting.sites[0].provider = None
    assert avm_up.processor is not None and avm_up.processor.address is not None
    avm_up.processor.address.city = None
    for language, asked in (("fr", "[●] à compléter\u00a0: Hébergeur ou centre de données\u00a0? "
                                   "(hosting.sites[0].provider)"),
                            ("en", "[●] to be completed: Host or data centre? (hosting.sites[0].provider)")):
        text = build(avm_up, "subprocessors", language=language, draft=True).text()
        assert asked in text, text[:2000]
    dpa = build(avm_up, "dpa", language="fr", draft=True).text()
    assert "Le sous-traitant — Ville\u00a0? (processor.address.city)" in dpa


def test_wizard_texts_use_plain_spaces() -> None:
    """prompt_toolkit shows a no-break space as a highlighted mark: the wizard's own texts use plain ones."""
    from dpagen.wizard import help_text, questions_text, texts

    for module in (help_text, questions_text, texts):
        source = Path(module.__file__ or "").read_text(encoding="utf-8")
        assert "\u00a0" not in source, f"{module.__name__} has a no-break space"
