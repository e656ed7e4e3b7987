"""`dpagen wizard --profile PROFILE --out client.json`: a new client of a processor in two minutes.

Asks only what differs per client (the controller's identity and contacts, the main agreement, the
signatories, the reference and language; then, if the user wants, the terms negotiated with this client,
the profile's value as default) and writes a client description that extends the profile and holds only
what differs. Every answer is validated by the model, merged with the profile, and saved to a draft
(``client.draft.json``) at once; a session stopped by Ctrl-C resumes from it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Interrupted, UsageError
from .prompter import Prompt, Prompter
from .session import draft_path_for

CLIENT_DRAFT_KEY = "dpagen_client_draft"


@dataclass(frozen=True)
class Question:
    """One per-client question: the JSON path it fills, its kind, its wording, whether it is required."""

    path: str
    fr: str
    en: str
    required: bool = False
    kind: str = "text"
    default_from: str | None = None
    """Another path whose current value is the default (e.g. the signatory from the representative)."""


CLIENT = (
    Question("controller.legal_name", "Dénomination sociale du client", "Client's legal name", True),
    Question("controller.legal_form", "Forme juridique (SAS, SARL, GmbH…)", "Legal form (SAS, Ltd, GmbH…)"),
    Question("controller.address.street", "Adresse : rue", "Address: street", True),
    Question("controller.address.postal_code", "Adresse : code postal", "Address: postal code", True),
    Question("controller.address.city", "Adresse : ville", "Address: city", True),
    Question("controller.address.country", "Adresse : pays (code ISO, ex. FR)", "Address: country (ISO code, e.g. FR)",
             True),
    Question("controller.email", "E-mail de contact du client", "Client's contact e-mail", True),
    Question("controller.representative.name", "Représentant légal : nom", "Legal representative: name", True),
    Question("controller.representative.title", "Représentant légal : fonction", "Legal representative: title", True),
    Question("controller.dpo.name", "Délégué à la protection des données : nom (Entrée si aucun)",
             "Data protection officer: name (Enter if none)"),
    Question("controller.dpo.email", "Délégué à la protection des données : e-mail",
             "Data protection officer: e-mail"),
    Question("controller.rights_contact.email", "E-mail pour l'exercice des droits des personnes",
             "E-mail for data subjects' requests", default_from="controller.dpo.email"),
    Question("main_agreement.reference", "Contrat principal : référence", "Main agreement: reference", True),
    Question("main_agreement.date", "Contrat principal : date (AAAA-MM-JJ)", "Main agreement: date (YYYY-MM-DD)",
             True),
    Question("document.reference", "Référence de ce contrat de sous-traitance", "Reference of this DPA"),
    Question("document.output_language", "Langue des documents de ce client", "Language of this client's documents",
             kind="language", default_from="document.language"),
    Question("breach.recipient", "Qui le sous-traitant alerte en cas de violation (e-mail)",
             "Who the processor alerts of a breach (e-mail)", True, default_from="controller.dpo.email"),
    Question("signer.controller.name", "Signataire pour le client : nom", "Signatory for the client: name", True,
             default_from="controller.representative.name"),
    Question("signer.controller.title", "Signataire pour le client : fonction", "Signatory for the client: title",
             True, default_from="controller.representative.title"),
    Question("signer.processor.name", "Signataire pour le sous-traitant : nom", "Signatory for the processor: name",
             True, default_from="processor.representative.name"),
    Question("signer.processor.title", "Signataire pour le sous-traitant : fonction",
             "Signatory for the processor: title", True, default_from="processor.representative.title"),
)

NEGOTIATED = (
    Question("breach.notice_hours", "Délai d'alerte en cas de violation (heures)", "Breach notice delay (hours)",
             kind="int"),
    Question("subprocessor_policy.notice_days", "Préavis avant un nouveau sous-traitant ultérieur (jours)",
             "Notice before a new subprocessor (days)", kind="int"),
    Question("subprocessor_policy.objection_days", "Délai pour s'y opposer (jours)", "Time to object (days)",
             kind="int"),
    Question("audits.max_per_year", "Nombre maximal d'audits par an", "Maximum audits per year", kind="int"),
    Question("end_of_contract.delay_days", "Délai de restitution ou de suppression en fin de contrat (jours)",
             "Time to return or delete the data at the end (days)", kind="int"),
)

WORDS = {
    "fr": {"intro": "Nouveau client de {profile} : seules les informations propres à ce client sont demandées.",
           "terms": "Ce client a-t-il négocié des conditions différentes (délais, audits…) ?",
           "required": "Réponse requise.", "resumed": "Reprise du brouillon {path}.",
           "wrote": "Écrit {path} (il étend {profile}).",
           "interrupted": "Interrompu : vos réponses sont dans {path}.",
           "resume": "Pour reprendre : {command}", "exists": "{path} existe déjà : choisissez un autre --out."},
    "en": {"intro": "New client of {profile}: only what is specific to this client is asked.",
           "terms": "Did this client negotiate different terms (delays, audits…)?",
           "required": "An answer is required.", "resumed": "Resuming the draft {path}.",
           "wrote": "Wrote {path} (it extends {profile}).",
           "interrupted": "Interrupted: your answers are in {path}.",
           "resume": "To resume: {command}", "exists": "{path} exists already: choose another --out."},
}


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        data = data.get(part) if isinstance(data, dict) else None
    return data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


class ClientWizard:
    """Asks the per-client questions through any prompter; the answers are kept as a flat path → value map."""

    def __init__(self, prompter: Prompter, profile: Path, out: Path, language: str) -> None:
        from ..io import resolve

        self.prompter = prompter
        self.profile = profile
        self.out = out
        self.words = WORDS.get(language, WORDS["en"])
        self.language = language
        self.base = resolve(profile).data
        self.draft = draft_path_for(out)
        self.answers: dict[str, Any] = {}
        if self.draft.is_file():
            try:
                data = json.loads(self.draft.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict) and data.get(CLIENT_DRAFT_KEY) == 1:
                self.answers = dict(data.get("answers") or {})
                prompter.say(self.words["resumed"].format(path=self.draft))

    def client_data(self) -> dict[str, Any]:
        """The client's own data: what the answers set, with the signatories as the contract lists them."""
        data: dict[str, Any] = {}
        signers: dict[str, dict[str, Any]] = {}
        for path, value in self.answers.items():
            if path.startswith("signer."):
                _, role, key = path.split(".")
                signers.setdefault(role, {"party": role})[key] = value
            else:
                _set(data, path, value)
        if signers:
            data.setdefault("contract", {})["signatories"] = [signers[r] for r in ("controller", "processor")
                                                              if r in signers]
        return data

    def merged(self) -> dict[str, Any]:
        """The profile with the client's answers laid over it."""
        from ..profiles import merge

        return dict(merge(self.base, self.client_data()))

    def problem(self, path: str) -> str | None:
        """The model's complaint about the value at ``path``, if any."""
        from pydantic import ValidationError

        from ..io import _problem, error_path
        from ..model import Description

        try:
            Description.model_validate(self.merged())
        except ValidationError as exc:
            for item in exc.errors(include_url=False):
                where = error_path(tuple(item["loc"]))
                target = "contract.signatories" if path.startswith("signer.") else path
                if where == target or where.startswith((target + ".", target + "[")):
                    return _problem(item, tuple(item["loc"]))
        return None

    def default(self, question: Question) -> Any:
        """The answer given before, else the merged value at the path (or the path it defaults from)."""
        if question.path in self.answers:
            return self.answers[question.path]
        for source in (question.path, question.default_from):
            if source is None:
                continue
            value = _get(self.merged(), source)
            if value not in (None, ""):
                return value
        return None

    def ask(self, question: Question) -> None:
        """Ask one question until its answer is accepted; blank means no value (refused when required)."""
        message = question.fr if self.language == "fr" else question.en
        while True:
            default = self.default(question)
            if question.kind == "language":
                raw = self.prompter.ask(Prompt(question.path, "select", message, default=default or "fr",
                                               choices=[("fr", "Français"), ("en", "English")]))
            else:
                raw = self.prompter.ask(Prompt(question.path, "text", message,
                                               default="" if default is None else str(default)))
            text = str(raw).strip() if raw is not None else ""
            if not text:
                if question.required:
                    self.prompter.say(self.words["required"])
                    continue
                self.answers.pop(question.path, None)
                return self.save_draft()
            previous = self.answers.get(question.path)
            self.answers[question.path] = int(text) if question.kind == "int" and text.isdigit() else text
            problem = self.problem(question.path)
            if problem is None:
                return self.save_draft()
            self.prompter.say(problem)
            if previous is None:
                self.answers.pop(question.path, None)
            else:
                self.answers[question.path] = previous

    def save_draft(self) -> None:
        """Keep every answer so far in the draft, atomically."""
        from ..output import write_atomic

        data = {CLIENT_DRAFT_KEY: 1, "profile": str(self.profile), "answers": self.answers}
        write_atomic(self.draft, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), force=True)

    def run(self) -> Path:
        """Ask, then write the client description (only what differs from the profile)."""
        from ..output import write_atomic
        from ..profiles import overlay

        self.prompter.say(self.words["intro"].format(profile=self.profile))
        for question in CLIENT:
            self.ask(question)
        if self.prompter.ask(Prompt("client#terms", "confirm", self.words["terms"], default=False)):
            for question in NEGOTIATED:
                self.ask(question)
        own = overlay(self.base, self.merged())
        own_language = _get(self.base, "document.language") or "fr"
        if own.get("document", {}).get("output_language") == own_language:  # the profile's own: not a change
            own["document"].pop("output_language")
            if not own["document"]:
                own.pop("document")
        extends = Path(os.path.relpath(self.profile.resolve(), self.out.resolve().parent)).as_posix()
        text = json.dumps({"extends": extends, **own}, ensure_ascii=False, indent=2) + "\n"
        write_atomic(self.out, text.encode("utf-8"))
        self.draft.unlink(missing_ok=True)
        self.prompter.say(self.words["wrote"].format(path=self.out, profile=self.profile))
        return self.out


def run_client_wizard(prompter: Prompter, profile: Path, out: Path | None, language: str) -> int:
    """Run the per-client wizard; Ctrl-C keeps the draft and says how to resume (exit 130)."""
    if out is None:
        raise UsageError("--profile needs --out CLIENT.json: the client description to write")
    words = WORDS.get(language, WORDS["en"])
    if out.exists():
        raise UsageError(words["exists"].format(path=out))
    wizard = ClientWizard(prompter, profile, out, language)
    try:
        wizard.run()
    except (KeyboardInterrupt, EOFError):
        lang = " --lang en" if language == "en" else ""
        raise Interrupted(words["interrupted"].format(path=wizard.draft),
                          [words["resume"].format(command=f"dpagen wizard --profile {profile} --out {out}{lang}")]
                          ) from None
    return 0
