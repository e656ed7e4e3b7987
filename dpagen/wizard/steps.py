"""The steps with their own logic (``Custom`` nodes): the security catalogue, who signs, the translations.

Each step is a function of the running ``WizardHost``; ``STEPS`` maps a ``Custom`` node's name to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import SecurityCategory
from . import paths
from .host import WizardHost
from .prompter import Prompt
from .values import convert, display

Measures = list[dict[str, Any] | None]  # the measures already described, None where one was dropped


# ---------------------------------------------------------------- the security catalogue

def step_security(wizard: WizardHost) -> None:
    """Tick the Annex III categories, describe each measure, then add more in any category."""
    path: paths.JsonPath = ("security_measures",)
    labels = wizard.labels.get("SecurityCategory", {})
    catalogue = [(c.value, labels.get(c.value, c.value)) for c in SecurityCategory]
    measures: list[dict[str, Any]] = list(paths.get(wizard.state, path) or [])
    present = [m.get("category") for m in measures]
    ticked = wizard.ask(Prompt(
        "security_measures#categories", "checkbox", wizard.texts.question("security.categories"),
        help=wizard.texts.help("security.categories"),
        default=[c.value for c in SecurityCategory if c.value in present],
        choices=catalogue,
    ))
    kept: Measures = [m if m.get("category") in ticked else None for m in measures]
    added: list[dict[str, Any]] = []
    for code in [c.value for c in SecurityCategory if c.value in ticked]:
        label = labels.get(code, code)
        mine: list[int | None] = [i for i, m in enumerate(measures) if m.get("category") == code]
        mine = mine or [None]
        for k, index in enumerate(mine):
            old = measures[index]["description"] if index is not None else ""
            text = _ask_measure(wizard, f"security_measures#{code}.{k}", code, old, kept, added,
                                wizard.texts.question("security.describe", label=label))
            if index is not None:
                kept[index] = {**measures[index], "description": text} if text else None
            elif text:
                added.append({"category": code, "description": text})
    while wizard.ask(Prompt("security_measures#more", "confirm", wizard.texts.question("security.more"),
                            default=False)):
        code = wizard.ask(Prompt("security_measures#more.category", "select",
                                 wizard.texts.question("security.more_category"),
                                 default=catalogue[0][0], choices=catalogue))
        text = _ask_measure(wizard, "security_measures#more.description", code, "", kept, added,
                            wizard.texts.question("security.more_description"))
        if text:
            added.append({"category": code, "description": text})
        _store_measures(wizard, kept, added)
    _store_measures(wizard, kept, added)


def _ask_measure(wizard: WizardHost, pid: str, code: str, old: str, kept: Measures,
                 added: list[dict[str, Any]], message: str) -> str | None:
    """One measure's description, checked by the model as if it followed the measures kept so far."""
    def validate(raw: Any) -> str | None:
        text = convert("text", raw)
        if text is None:
            return None
        others = [m for m in kept if m is not None] + added
        saved = wizard.state.get("security_measures")
        wizard.state["security_measures"] = others
        try:
            return wizard.check(("security_measures", len(others)), {"category": code, "description": text})
        finally:
            if saved is None:
                del wizard.state["security_measures"]
            else:
                wizard.state["security_measures"] = saved

    raw = wizard.ask(Prompt(pid, "text", message, default=old, validate=validate))
    text = convert("text", raw)
    _store_measures(wizard, kept, added)
    return str(text) if text is not None else None


def _store_measures(wizard: WizardHost, kept: Measures, added: list[dict[str, Any]]) -> None:
    """Save the measures kept and added so far (the draft follows every answer)."""
    wizard.set(("security_measures",), [m for m in kept if m is not None] + added)
    wizard.changed()


# ---------------------------------------------------------------- who signs the contract

def step_signatories(wizard: WizardHost) -> None:
    """For each party, who signs the contract: its legal representative unless another person is given.

    No signatory is stored while the answers are the representative's, so the signature follows
    the representative if it changes later.
    """
    path: paths.JsonPath = ("contract", "signatories")
    for role in ("controller", "processor"):
        if not isinstance(paths.get(wizard.state, (role,)), dict):
            continue
        signers: list[Any] = list(paths.get(wizard.state, path) or [])
        index = next((i for i, s in enumerate(signers) if isinstance(s, dict) and s.get("party") == role),
                     len(signers))
        entry: dict[str, Any] = dict(signers[index]) if index < len(signers) else {}
        representative = paths.get(wizard.state, (role, "representative")) or {}
        answers: dict[str, Any] = {}
        for field in ("name", "title"):
            answers[field] = _ask_signatory(wizard, role, field, (entry or representative).get(field), entry,
                                            answers, (*path, index))
        new = {k: v for k, v in {**entry, "party": role, **answers}.items() if v is not None}
        same = not entry and all(answers[f] == representative.get(f) for f in answers)
        if same:
            continue
        if set(new) == {"party"}:
            if entry:
                del signers[index]
        elif index < len(signers):
            signers[index] = new
        else:
            signers.append(new)
        if signers:
            paths.put(wizard.state, path, signers)
        else:
            wizard.clear(path)
        wizard.changed()


def _ask_signatory(wizard: WizardHost, role: str, field: str, old: Any, entry: dict[str, Any],
                   answers: dict[str, Any], path: paths.JsonPath) -> Any:
    """One field of a party's signatory, checked by the model with the answers given before it."""
    def validate(raw: Any) -> str | None:
        value = convert("text", raw)
        candidate = {**entry, "party": role, **answers, field: value}
        return wizard.check(path, {k: v for k, v in candidate.items() if v is not None})

    party = wizard.texts.msg(f"party.{role}")
    raw = wizard.ask(Prompt(f"contract.signatories#{role}.{field}", "text",
                            wizard.texts.question(f"signatory.{field}", party=party),
                            help=wizard.texts.help(f"signatory.{field}"), default=display("text", old),
                            validate=validate))
    wizard.changed()  # the draft keeps the answer even before the signatory is stored
    return convert("text", raw)


# ---------------------------------------------------------------- the texts in the other language

def step_translations(wizard: WizardHost) -> None:
    """On request, each text of the description in the other language, for documents in that language.

    Each prompt's id comes from the text itself, so a resumed session replays the answers to the texts
    that are still there. An empty answer leaves the text as written (and drops an earlier translation).
    """
    import hashlib

    from pydantic import ValidationError

    from ..model import Description
    from ..translation import texts

    source = paths.get(wizard.state, ("document", "language")) or "fr"
    target = "en" if source == "fr" else "fr"
    language = wizard.texts.msg(f"language.{target}")
    table: dict[str, str] = dict((wizard.state.get("translations") or {}).get(target) or {})
    if not wizard.ask(Prompt("translations#has", "confirm",
                             wizard.texts.question("translations.has", language=language),
                             help=wizard.texts.help("translations.has"), default=bool(table))):
        return
    try:
        description = Description.model_validate(wizard.state)
    except ValidationError:
        wizard.say(wizard.texts.msg("translations.later"))
        return
    sources = list(dict.fromkeys(text for _, text in texts(description)))
    wizard.say(wizard.texts.msg("translations.count", count=len(sources),
                                texts=wizard.texts.plural("text", len(sources))))
    for text in sources:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        raw = wizard.ask(Prompt(f"translations.{target}#{digest}", "text",
                                wizard.texts.question("translations.text", text=text, language=language),
                                default=table.get(text, ""), validate=_translation_check))
        answer = convert("text", raw)
        if answer:
            table[text] = str(answer)
        else:
            table.pop(text, None)
        translations = dict(wizard.state.get("translations") or {})
        translations[target] = dict(table)
        wizard.state["translations"] = {k: v for k, v in translations.items() if v}
        if not wizard.state["translations"]:
            del wizard.state["translations"]
        wizard.changed()


def _translation_check(raw: Any) -> str | None:
    """The model's objection to a translation (a control character), or None."""
    from pydantic_core import PydanticCustomError

    from ..model.base import check_text

    try:
        check_text(convert("text", raw))
    except PydanticCustomError as exc:
        return str(exc.message())
    return None


def step_final(wizard: WizardHost) -> None:
    """Whether the user wants final documents: then the values they need are asked as required."""
    wizard.final = bool(wizard.ask(Prompt("wizard#final", "confirm", wizard.texts.msg("final"), default=True)))


STEPS: dict[str, Callable[[WizardHost], None]] = {
    "final": step_final, "security": step_security, "signatories": step_signatories, "translations": step_translations,
}
"""The function of each ``Custom`` node, by its name."""
