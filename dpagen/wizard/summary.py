"""A short summary of the description, shown before saving."""

from __future__ import annotations

from typing import Any

from .texts import Texts

_LINES = {
    "controller": ("Responsable du traitement", "Controller"),
    "processor": ("Sous-traitant", "Processor"),
    "services": ("Services", "Services"),
    "activities": ("Traitements", "Processing activities"),
    "purposes": ("finalités", "purposes"),
    "categories": ("catégories de données", "data categories"),
    "sites": ("Hébergement", "Hosting"),
    "subprocessors": ("Sous-traitants ultérieurs", "Subprocessors"),
    "own": ("Traitements propres du sous-traitant", "The processor's own processing"),
    "recipients": ("Destinataires", "Recipients"),
    "court": ("Tribunal compétent", "Court for disputes"),
    "regime": ("Autorisation", "Authorisation"),
    "breach": ("Violations : notification sous", "Breaches: notice within"),
    "hours": ("heures", "hours"),
    "audits": ("Audits par an, préavis (jours)", "Audits a year, notice (days)"),
    "measures": ("Mesures de sécurité", "Security measures"),
    "end": ("Fin du contrat", "End of the contract"),
    "days": ("jours", "days"),
    "cookies": ("Cookies", "Cookies"),
    "none": ("aucun", "none"),
}


def _party(data: Any) -> str:
    if not isinstance(data, dict):
        return "—"
    name = data.get("brand") or data.get("legal_name") or "—"
    country = (data.get("address") or {}).get("country")
    return f"{name} ({country})" if country else str(name)


def _names(items: list[Any], field: str, texts: Texts) -> str:
    names = []
    for item in items:
        name = str(item.get(field) or "?")
        country = item.get("country")
        names.append(f"{name} ({country})" if country else name)
    return ", ".join(names) if names else texts.pick(_LINES["none"])


def summary(state: dict[str, Any], texts: Texts, labels: dict[str, dict[str, str]]) -> str:
    """The description in a dozen lines."""
    word = {key: texts.pick(pair) for key, pair in _LINES.items()}
    lines = [f"── {texts.msg('summary')} ──"]
    lines.append(f"{word['controller']} : {_party(state.get('controller'))}")
    lines.append(f"{word['processor']} : {_party(state.get('processor'))}")
    lines.append(f"{word['services']} : {_names(state.get('services') or [], 'name', texts)}")
    activities = state.get("activities") or []
    lines.append(f"{word['activities']} : {len(activities)}")
    for activity in activities:
        lines.append(
            f"  - {activity.get('name')} : {len(activity.get('purposes') or [])} {word['purposes']}, "
            f"{len(activity.get('data_categories') or [])} {word['categories']}"
        )
    own = state.get("processor_own_activities") or []
    if own:
        lines.append(f"{word['own']} : {', '.join(str(a.get('name') or '?') for a in own)}")
    sites = (state.get("hosting") or {}).get("sites") or []
    lines.append(f"{word['sites']} : {_names(sites, 'provider', texts)}")
    lines.append(f"{word['subprocessors']} : {_names(state.get('subprocessors') or [], 'name', texts)}")
    lines.append(f"{word['recipients']} : {_names(state.get('recipients') or [], 'name', texts)}")
    regime = (state.get("subprocessor_policy") or {}).get("regime", "general")
    lines.append(f"{word['regime']} : {labels.get('SubprocessorRegime', {}).get(regime, regime)}")
    hours = (state.get("breach") or {}).get("notice_hours", 48)
    lines.append(f"{word['breach']} {hours} {word['hours']}")
    audits = state.get("audits") or {}
    lines.append(f"{word['audits']} : {audits.get('max_per_year', 1)}, {audits.get('notice_days', 30)}")
    lines.append(f"{word['measures']} : {len(state.get('security_measures') or [])}")
    end = state.get("end_of_contract") or {}
    action = end.get("action", "controller_choice")
    action_label = labels.get("EndAction", {}).get(action, action)
    lines.append(f"{word['end']} : {action_label}, {end.get('delay_days', 30)} {word['days']}")
    court = (state.get("contract") or {}).get("jurisdiction")
    if state.get("controller") and state.get("processor"):
        lines.append(f"{word['court']} : {court or '—'}")
    lines.append(f"{word['cookies']} : {_names(state.get('cookies') or [], 'name', texts)}")
    if texts.language == "en":
        lines = [line.replace(" : ", ": ") for line in lines]
    return "\n".join(lines)
