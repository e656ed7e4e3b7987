"""A JSON path of the description as a question to its reader ("Hébergeur ou centre de données ?").

A draft's blank shows it before the path, so that a reader who never saw the JSON knows what to give.
The words are the wizard's own questions (one wording for a field everywhere).
"""

from __future__ import annotations

import re
from functools import cache

_INDEX = re.compile(r"\[\d+\]")
_EXAMPLE = re.compile(r"\s*\((?:ex\.|e\.g\.)[^)]*\)")
_PARTY = {
    "controller": ("le responsable du traitement", "the controller"),
    "processor": ("le sous-traitant", "the processor"),
}


@cache
def _keys() -> dict[str, str]:
    """Each field's path, list indexes as ``[]``, → the key of the wizard question that asks it."""
    from .wizard.nodes import Ask, Each, Group, Loop, Node
    from .wizard.questions import SECTIONS

    found: dict[str, str] = {}

    def walk(nodes: tuple[Node, ...], base: str) -> None:
        for node in nodes:
            path = ".".join(p for p in (base, node.path) if p)
            if isinstance(node, Ask):
                found.setdefault(path, node.key)
            elif isinstance(node, Group):
                walk(node.nodes, path)
            elif isinstance(node, Loop | Each):
                walk(node.nodes, path + "[]")

    for section in SECTIONS:
        walk(section.nodes, "")
    return found


def question(path: str, language: str) -> str | None:
    """The question a blank at ``path`` asks its reader, or None when no question names that field."""
    from .wizard.questions_text import QUESTIONS

    key = _keys().get(_INDEX.sub("[]", path))
    if key is None or key not in QUESTIONS:
        return None
    text = QUESTIONS[key][0 if language == "fr" else 1]
    party = _PARTY.get(path.split(".", 1)[0], ("", ""))[0 if language == "fr" else 1]
    names = {"party": party, "Party": party[:1].upper() + party[1:]}
    text = re.sub(r"\{(\w+)\}", lambda m: names.get(m.group(1), ""), text)
    text = _EXAMPLE.sub("", text).strip().rstrip(" :")
    text = re.sub(r"\s{2,}", " ", text)
    if party and party.lower() not in text.lower():
        text = f"{names['Party']} — {text}"
    return text if text.endswith("?") else text + ("\u00a0?" if language == "fr" else "?")
