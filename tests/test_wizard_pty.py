"""The real `dpagen wizard` driven in a pseudo-terminal, key by key, as a person would.

Each scenario is first run in-process with the scripted prompter of test_wizard_flow, which gives the
exact prompts in order; the terminal session then expects each prompt's text on screen and types
the answer as keys (Ctrl-U and text for a text field, arrows for a choice, y/n for a yes/no, Space
for a tick box). Both runs must save the same description, equal to the known one.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from test_wizard_flow import COMPLETE_NOTICE, EXPECTED, FRESH, Script, Then
from test_wizard_flow import _model_message as model_message

from conftest import EXAMPLES
from dpagen.io import load
from dpagen.model import Description, Registration
from dpagen.wizard.prompter import Prompt
from dpagen.wizard.session import Session, draft_path_for

pytestmark = pytest.mark.slow

DOWN, UP, CLEAR = "\x1b[B", "\x1b[A", "\x15"  # arrow keys; Ctrl-U empties a text field
TIMEOUT = 15


class Recorder(Script):
    """The scripted prompter, keeping each prompt with the answer finally accepted."""

    def __init__(self, answers: dict[str, Any], interrupt_at: str | None = None) -> None:
        super().__init__(answers, interrupt_at)
        self.transcript: list[tuple[Prompt, Any]] = []

    def ask(self, prompt: Prompt) -> Any:
        value = super().ask(prompt)
        self.transcript.append((prompt, value))
        return value


def record(tmp: Path, answers: dict[str, Any], out: str = "desc.json", source: Path | None = None,
           interrupt_at: str | None = None, language: str = "en", folder: Path | None = None) -> Recorder:
    """Run a scenario in-process (in its own folder unless told); return its transcript."""
    folder = folder or tmp / "in-process"
    folder.mkdir(exist_ok=True)
    recorder = Recorder(answers, interrupt_at)
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        Session(recorder, Path(out), source, False, language).run()
    except Exception as exc:
        if interrupt_at is None:
            raise
        assert getattr(exc, "exit_code", None) == 130
    finally:
        os.chdir(cwd)
    return recorder


def keys(prompt: Prompt, value: Any) -> str:
    """The keys a person types to give ``value`` to ``prompt``."""
    if prompt.kind == "text":
        return "\r" if value == prompt.default else f"{CLEAR}{value}\r"
    if prompt.kind == "confirm":
        return "y" if value else "n"
    values = [v for v, _ in prompt.choices]
    if prompt.kind == "select":
        moves = values.index(value) - (values.index(prompt.default) if prompt.default in values else 0)
        return (DOWN * moves if moves >= 0 else UP * -moves) + "\r"
    ticked, wanted = set(prompt.default or []), set(value)
    return "".join((" " if (v in ticked) != (v in wanted) else "") + DOWN for v in values) + "\r"


def spawn(cwd: Path, *args: str) -> Any:
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "COLUMNS": "250", "LINES": "50"}
    child = pexpect.spawn(sys.executable, ["-m", "dpagen", "wizard", *args], cwd=str(cwd), env=env,
                          encoding="utf-8", timeout=TIMEOUT, dimensions=(50, 250))
    child.delaybeforesend = None  # pexpect sleeps 50 ms before each send by default
    return child


def drive(child: Any, transcript: list[tuple[Prompt, Any]], stop_before: str | None = None) -> dict[str, str]:
    """Answer each prompt of the transcript on screen; return what was shown before each prompt."""
    shown: dict[str, str] = {}
    previous = None
    for prompt, value in transcript:
        if prompt.id == stop_before:
            break
        assert prompt.message != previous, f"two prompts in a row say {prompt.message!r}"
        child.expect(re.escape(prompt.message))
        shown[prompt.id] = child.before
        child.send(keys(prompt, value))
        previous = prompt.message
    return shown


def finish(child: Any) -> int:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def test_a_full_run_in_the_terminal_saves_checks_and_generates(tmp_path: Path) -> None:
    # Final documents not asked for: the flow tests check that a complete final run is never refused
    answers = {**COMPLETE_NOTICE, "wizard#final": False, "final#generate": True, "final#formats": ["md"]}
    recorder = record(tmp_path, answers, language="fr")
    child = spawn(tmp_path, "--out", "desc.json")
    shown = drive(child, recorder.transcript)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    saved = load(tmp_path / "desc.json")
    assert saved == load(tmp_path / "in-process" / "desc.json")
    assert saved.publisher == "controller" and saved.contract.jurisdiction == "Tribunal de commerce de Lyon"
    assert not (tmp_path / "desc.draft.json").exists()
    # Yes/no questions give their hint in French; the output folder is empty, Enter meaning this folder.
    assert "(O/n)" in shown["processor.legal_name"] and "Oui" in shown["processor.legal_name"]
    assert "(o/N)" in shown["controller.dpo.name"] and "Oui" in shown["controller.dpo.name"]
    assert "Dossier de sortie (Entrée : le dossier courant)" in shown["final#draft"]
    assert "Aucune remarque." not in shown["final#generate"] and "erreur" not in shown["final#generate"]
    written = sorted(p.name.split("-")[0] for p in tmp_path.glob("*.md"))
    assert written == ["dpa", "privacy", "processor", "subprocessors"]
    for path in tmp_path.glob("*.md"):
        assert f"Écrit : {path.name}" in child.before.replace("\r", "")
        assert path.read_text(encoding="utf-8") == (tmp_path / "in-process" / path.name).read_text(encoding="utf-8")


def test_ctrl_c_keeps_the_answers_and_resume_continues(tmp_path: Path) -> None:
    answers = {**FRESH, "final#generate": False}
    stop = "subprocessors#add"
    recorder = record(tmp_path, answers, language="fr")
    child = spawn(tmp_path, "--out", "desc.json")
    drive(child, recorder.transcript, stop_before=stop)
    child.expect(re.escape("Ajouter un sous-traitant ultérieur ?"))
    child.send("\x03")
    child.expect(re.escape("pour reprendre : dpagen wizard --resume --out desc.json"))
    assert finish(child) == 130
    assert (tmp_path / "desc.draft.json").is_file() and not (tmp_path / "desc.json").exists()

    child = spawn(tmp_path, "--resume", "--out", "desc.json")
    rest = [(p, v) for i, (p, v) in enumerate(recorder.transcript)
            if i >= [q.id for q, _ in recorder.transcript].index(stop)]
    shown = drive(child, rest)
    assert finish(child) == 0
    # Nothing was asked again before the interrupted question.
    earlier = [p.message for p, _ in recorder.transcript[: len(recorder.transcript) - len(rest)]]
    assert "dénomination sociale" in " ".join(earlier)
    assert not [m for m in earlier if m in shown[stop]]
    assert "── Sous-traitants ultérieurs ──" in shown[stop]
    assert load(tmp_path / "desc.json") == Description.model_validate(EXPECTED)


def test_an_invalid_answer_is_refused_with_the_models_message_then_corrected(tmp_path: Path) -> None:
    recorder = record(tmp_path, {**FRESH, "final#generate": False}, language="en")
    child = spawn(tmp_path, "--out", "desc.json", "--lang", "en")
    drive(child, recorder.transcript, stop_before="controller.registration.siren")
    child.expect(re.escape("SIREN number (9 digits)"))
    child.send(f"{CLEAR}12 34\r")
    child.expect(re.escape(model_message(lambda: Registration(siren="12 34"), "en")))
    child.send(f"{CLEAR}812345678\r")
    child.expect(re.escape("SIRET number"))
    child.send("\x03")
    assert finish(child) == 130
    draft = load_draft(tmp_path / "desc.draft.json")
    assert draft["description"]["controller"]["registration"] == {"siren": "812345678"}
    assert ["controller.registration.siren", "812345678"] in draft["answers"]


def load_draft(path: Path) -> dict[str, Any]:
    import json

    return json.loads(path.read_text(encoding="utf-8"))


def test_a_transfer_tool_is_asked_only_for_a_subprocessor_outside_the_eea(tmp_path: Path) -> None:
    answers = {**FRESH, "final#generate": False}
    full = record(tmp_path, answers, language="en")
    # Start at the subprocessors: a draft of the answers before them, resumed in the terminal.
    stop = "subprocessors#add"
    record(tmp_path, answers, interrupt_at=stop, language="en", folder=tmp_path)
    ids = [p.id for p, _ in full.transcript]
    # `--resume` alone finds the folder's one draft and keeps the language it was started in (English)
    child = spawn(tmp_path, "--resume")
    shown = drive(child, full.transcript[ids.index(stop):])
    assert finish(child) == 0
    # Mailjet (US): the transfer tool is asked, with its explanation, then the SCC module.
    assert ids[ids.index("subprocessors[1].data_locations") + 1] == "subprocessors[1].transfer.mechanism"
    assert "The data leaves the EEA" in shown["subprocessors[1].transfer.mechanism"]
    assert "Module of the standard contractual clauses" in shown["subprocessors[1].transfer.details"]
    # OVHcloud (FR): from its data locations straight to its certifications.
    assert ids[ids.index("subprocessors[0].data_locations") + 1] == "subprocessors[0].certifications"
    assert "EEA" not in shown["subprocessors[0].certifications"]
    saved = load(tmp_path / "desc.json")
    in_english = {**EXPECTED, "document": {**EXPECTED["document"], "language": "en"},  # --lang en proposes en
                  "end_of_contract": {**EXPECTED["end_of_contract"],  # and the English default format
                                      "return_format": "CSV files (RFC 4180) encoded in UTF-8"}}
    assert saved == Description.model_validate(in_english) == load(tmp_path / "in-process" / "desc.json")
    assert saved.subprocessors[0].transfer is None and saved.subprocessors[1].transfer is not None


def test_editing_an_existing_file_in_the_terminal(tmp_path: Path) -> None:
    source = tmp_path / "avm.json"
    shutil.copy(EXAMPLES / "avm-up.json", source)
    (tmp_path / "in-process").mkdir()
    shutil.copy(EXAMPLES / "avm-up.json", tmp_path / "in-process" / "avm.json")
    answers = {"breach.notice_hours": "24", "subprocessors#menu": Then(["remove", "done"]),
               "subprocessors#remove": "1", "final#check": False, "final#generate": False}
    recorder = record(tmp_path, answers, source=Path("avm.json"), language="en")
    prompts = {p.id: p for p, _ in recorder.transcript}
    assert prompts["processor.legal_name"].default == "AVM Informatique"
    child = spawn(tmp_path, "--from", "avm.json", "--lang", "en")
    drive(child, recorder.transcript)
    assert finish(child) == 0
    expected = load(EXAMPLES / "avm-up.json")
    expected.breach.notice_hours = 24
    expected.subprocessors = expected.subprocessors[:1]
    assert load(source) == expected
    assert not draft_path_for(source).exists()


def test_without_a_terminal_the_wizard_exits_2_with_one_line(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "dpagen", "wizard", "--lang", "en"], cwd=tmp_path,
                            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "standard input is not" in lines[0] and "dpagen init" in lines[0] and "dpagen validate" in lines[0]
    assert not list(tmp_path.iterdir())


def test_the_texts_are_translated_in_the_terminal_and_the_english_documents_use_them(tmp_path: Path) -> None:
    import hashlib

    def tid(text: str) -> str:
        return f"translations.en#{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"

    answers = {**FRESH, "final#generate": False, "translations#has": True}
    full = record(tmp_path, answers, language="fr")
    ids = [p.id for p, _ in full.transcript]
    first = ids[ids.index("translations#has") + 1]
    translated = next(p.message for p, _ in full.transcript if p.id == first)
    source = translated[translated.index("« ") + 2 : translated.index(" » en anglais")]
    answers[tid(source)] = "TRANSLATED TEXT"
    recorder = record(tmp_path, answers, language="fr", folder=tmp_path / "second")
    child = spawn(tmp_path, "--out", "desc.json")
    shown = drive(child, recorder.transcript)
    assert finish(child) == 0
    assert "textes : tapez chacun dans l'autre langue" in shown[first]
    saved = load(tmp_path / "desc.json")
    assert saved.translations["en"] == {source: "TRANSLATED TEXT"}  # type: ignore[index]
    from dpagen.build import build

    english = build(saved, "dpa", language="en", draft=True).text()
    assert "TRANSLATED TEXT" in english and source not in english


def test_a_value_left_empty_is_fixed_from_the_review_in_a_few_keys_then_final_documents(tmp_path: Path) -> None:
    import json

    data = json.loads((EXAMPLES / "avm-up.json").read_text(encoding="utf-8"))
    data["hosting"]["sites"][0]["provider"] = ""  # left empty: the documents cannot be final
    (tmp_path / "avm.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    child = spawn(tmp_path, "--edit", "avm.json")
    child.expect(re.escape("À compléter : Hébergement › Hébergement 1 › Hébergeur"))
    child.send(DOWN + "\r")  # the first value to fill in
    child.expect(re.escape("Hébergeur ou centre de données"))
    child.send("\r")  # empty again: refused, since the user wants final documents
    child.expect(re.escape("Nécessaire pour : contrat de sous-traitance"))
    child.send("OVHcloud\r")
    child.expect(re.escape("Enregistrer la description"))  # nothing left to fill in: save comes first
    child.send("\r")
    child.expect(re.escape("Vérifier la conformité de la description maintenant ?"))
    child.expect(re.escape("(O/n)"))
    child.send("n")
    child.expect(re.escape("Générer les documents maintenant ?"))
    child.expect(re.escape("(o/N)"))
    child.send("o")  # the French key for yes
    child.expect(re.escape("Quel document"))
    child.send("\r")
    child.expect(re.escape("Formats"))
    child.send(" " + DOWN + " " + DOWN + DOWN + " \r")  # untick DOCX and PDF, tick Markdown
    child.expect(re.escape("Dossier de sortie"))
    child.send("\r")
    child.expect(re.escape("En projet"))
    child.send("n")
    assert finish(child) == 0
    screen = child.before.replace("\r", "")
    assert load(tmp_path / "avm.json").hosting.sites[0].provider == "OVHcloud"
    written = sorted(p.name.split("-")[0] for p in tmp_path.glob("*.md"))
    assert written == ["dpa", "processor", "subprocessors"]
    for path in tmp_path.glob("*.md"):
        assert f"Écrit : {path.name}" in screen
        assert "[●]" not in path.read_text(encoding="utf-8")


def test_ctrl_r_opens_the_review_at_any_question_and_comes_back(tmp_path: Path) -> None:
    child = spawn(tmp_path, "--out", "desc.json")
    child.expect(re.escape("documents définitifs"))
    child.send("n")
    child.expect("Non")  # the answer is echoed in French
    child.expect(re.escape("Langue des documents"))
    child.send("\r")
    child.expect(re.escape("Date d'entrée en vigueur"))
    child.send("\x12")  # Ctrl-R
    child.expect(re.escape("── Relecture ──"))
    child.expect(re.escape("Reprendre là où j'en étais"))
    child.send("\r")
    child.expect(re.escape("Date d'entrée en vigueur"))
    child.send("01/12/2026\r")
    child.expect(re.escape("Date de dernière mise à jour"))
    child.send("\x03")
    assert finish(child) == 130
    draft = load_draft(tmp_path / "desc.draft.json")
    assert ["#review", None] in draft["answers"]
    assert draft["description"]["document"]["effective_date"] == "2026-12-01"
