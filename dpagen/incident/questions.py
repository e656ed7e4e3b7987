"""`dpagen breach new` in the terminal: the questions, asked through the wizard's prompt layer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..wizard.prompter import Prompt, Prompter

Q = dict[str, tuple[str, str]]

QUESTIONS: list[tuple[str, str, tuple[str, str]]] = [
    ("reference", "text", ("Référence interne de l'incident", "Internal reference of the incident")),
    ("timezone", "text", ("Fuseau horaire des heures saisies (IANA)", "Time zone of the times you type (IANA)")),
    ("discovered_at", "text", ("Découverte le (AAAA-MM-JJ HH:MM)", "Discovered at (YYYY-MM-DD HH:MM)")),
    ("discovered_by", "text", ("Découverte par", "Discovered by")),
    ("how_discovered", "text", ("Comment a-t-elle été découverte ?", "How did it come to light?")),
    ("what_happened", "text", ("Que s'est-il passé ?", "What happened?")),
    ("kinds", "checkbox", ("Type de violation", "Kind of breach")),
    ("cause", "text", ("Origine (acte malveillant, erreur…)", "Cause (malicious act, error…)")),
    ("activities", "list", ("Traitements concernés (séparés par ;)",
                            "Processing activities involved (separated by ;)")),
    ("subprocessors", "list", ("Sous-traitants ultérieurs concernés (;)", "Subprocessors involved (;)")),
    ("clients", "list", ("Clients dont les données sont touchées (; vide : tous)",
                         "Clients whose data is involved (; empty: all)")),
    ("data_categories", "list", ("Catégories de données (;)", "Categories of data (;)")),
    ("subject_categories", "list", ("Catégories de personnes (;)", "Categories of people (;)")),
    ("people_approx", "int", ("Nombre approximatif de personnes (vide : inconnu)",
                              "Approximate number of people (empty: unknown)")),
    ("records_approx", "int", ("Nombre approximatif d'enregistrements", "Approximate number of records")),
    ("consequences", "text", ("Conséquences probables pour les personnes", "Likely consequences for people")),
    ("high_risk", "confirm", ("Risque élevé pour les personnes (art. 34) ?", "High risk to people (Art. 34)?")),
    ("measures_taken", "list", ("Mesures prises (;)", "Measures taken (;)")),
    ("measures_proposed", "list", ("Mesures envisagées (;)", "Measures proposed (;)")),
    ("advice", "list", ("Conseils aux personnes (;)", "Advice to people (;)")),
    ("ongoing", "confirm", ("La violation est-elle toujours en cours ?", "Is the breach still going on?")),
]
KIND_CHOICES = {"fr": [("confidentiality", "confidentialité"), ("integrity", "intégrité"),
                       ("availability", "disponibilité")],
                "en": [("confidentiality", "confidentiality"), ("integrity", "integrity"),
                       ("availability", "availability")]}


def _time(text: str) -> str | None:
    try:
        dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return "YYYY-MM-DD HH:MM"
    return None


def ask_incident(prompter: Prompter, language: str, now: dt.datetime) -> dict[str, Any]:
    """Ask every question; return the incident's data (empty answers left out)."""
    data: dict[str, Any] = {}
    for key, kind, (fr, en) in QUESTIONS:
        message = fr if language == "fr" else en
        if kind == "checkbox":
            answer = prompter.ask(Prompt(key, "checkbox", message, choices=KIND_CHOICES[language]))
        elif kind == "confirm":
            answer = prompter.ask(Prompt(key, "confirm", message, default=key == "ongoing"))
        else:
            default = {"timezone": "Europe/Paris", "discovered_at": now.strftime("%Y-%m-%d %H:%M")}.get(key, "")
            check = _time if key == "discovered_at" else (
                (lambda t: None if not t.strip() or t.strip().isdigit() else "0-9") if kind == "int" else None)
            answer = str(prompter.ask(Prompt(key, "text", message, default=default, validate=check)) or "").strip()
            if kind == "list":
                answer = [x.strip() for x in answer.split(";") if x.strip()]
            elif kind == "int":
                answer = int(answer) if answer else None
        if answer not in (None, "", []):
            data[key] = answer
    return data
