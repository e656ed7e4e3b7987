"""What changed between two descriptions, grouped, each change with its consequence for the relationship.

A change to a subprocessor (or to where the data is hosted) needs, under a general authorisation, prior
notice with a right to object (Art. 28(2) GDPR, second sentence); under a specific authorisation, the
controller's prior written authorisation (Art. 28(2), first sentence). A change to the contract's own terms
is an amendment both parties sign. Anything else is for information only.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from .io import to_data
from .model import Description

Consequence = Literal["prior-notice", "prior-authorisation", "amendment", "information"]
Action = Literal["added", "removed", "changed"]

GROUPS = (
    "parties",
    "services",
    "processing",
    "subprocessors",
    "hosting and transfers",
    "breach",
    "audits",
    "security measures",
    "end of contract",
    "contract terms",
    "document",
    "other",
)
"""Groups in the order a reader meets them."""

CONSEQUENCES: dict[Consequence, dict[str, str]] = {
    "prior-notice": {
        "en": "prior notice with a right to object (Art. 28(2) GDPR, general authorisation)",
        "fr": "information préalable avec droit d'opposition (art. 28.2 du RGPD, autorisation générale)",
    },
    "prior-authorisation": {
        "en": "prior written authorisation of the controller (Art. 28(2) GDPR, specific authorisation)",
        "fr": "autorisation écrite préalable du responsable du traitement (art. 28.2 du RGPD, autorisation "
        "spécifique)",
    },
    "amendment": {
        "en": "amendment to the contract, to be signed by both parties",
        "fr": "avenant au contrat, à signer par les deux parties",
    },
    "information": {"en": "information only", "fr": "information seulement"},
}

_TOP_GROUP = {
    "controller": "parties",
    "processor": "parties",
    "services": "services",
    "activities": "processing",
    "processor_own_activities": "processing",
    "subprocessors": "subprocessors",
    "hosting": "hosting and transfers",
    "breach": "breach",
    "audits": "audits",
    "security_measures": "security measures",
    "end_of_contract": "end of contract",
    "contract": "contract terms",
    "term": "contract terms",
    "main_agreement": "contract terms",
    "subprocessor_policy": "contract terms",
    "assistance": "contract terms",
    "document": "document",
    "health": "contract terms",
}

SUBPROCESSOR_SUBSTANCE = (
    "name", "entity", "country", "activity", "data_locations", "transfer", "processing_activities", "data_categories",
)
"""Fields of a subprocessor whose change the controller must be told of in advance (who, where, what and
which data, under which transfer tool); a changed address, contact or certification is information only."""

PARTY_SUBSTANCE = ("legal_name", "legal_form", "registration")
"""A party's identity: changing it amends the contract (Annex I); its contact details are information."""

SITE_SUBSTANCE = ("provider", "country", "transfer")
"""Where the data lives and under which transfer tool: a change is announced like a subprocessor's."""

_NAMED = {"subprocessors": "name", "services": "name", "activities": "name", "processor_own_activities": "name",
          "sites": "provider", "cookies": "name", "recipients": "name", "joint_controllers": "name"}
"""Lists whose items are matched by a key rather than by position."""


@dataclass
class Change:
    """One change between OLD and NEW."""

    group: str
    path: str  # JSON path in NEW (in OLD for a removal), e.g. ``subprocessors[2]`` or ``breach.notice_hours``
    action: Action
    item: str  # what changed, in words: a subprocessor's name, or the field path
    consequence: Consequence
    fields: list[str] = field(default_factory=list)  # for a changed list item: which of its fields changed
    old: Any = None
    new: Any = None

    def line(self, language: str = "en") -> str:
        """The change as one line of text."""
        sign = {"added": "+", "removed": "-", "changed": "~"}[self.action]
        what = self.item
        if self.fields:
            what += f" ({', '.join(self.fields)})"
        elif self.action == "changed":
            what += f": {_short(self.old)} → {_short(self.new)}"
        return f"{sign} {what} — {CONSEQUENCES[self.consequence][language]}"


@dataclass
class Diff:
    """Every change, in group order, and the regime they were judged under."""

    regime: str
    changes: list[Change]

    @property
    def changed(self) -> bool:
        """Whether anything changed."""
        return bool(self.changes)

    def grouped(self) -> dict[str, list[Change]]:
        """The changes by group, in the order of ``GROUPS``."""
        out: dict[str, list[Change]] = {}
        for group in GROUPS:
            items = [c for c in self.changes if c.group == group]
            if items:
                out[group] = items
        return out

    def touching(self, *consequences: Consequence) -> list[Change]:
        """The changes with one of these consequences."""
        return [c for c in self.changes if c.consequence in consequences]

    def text(self, language: str = "en") -> str:
        """A readable report."""
        if not self.changes:
            return "no change" if language == "en" else "aucun changement"
        lines = []
        for group, items in self.grouped().items():
            lines.append(group)
            lines += [f"  {c.line(language)}" for c in items]
        return "\n".join(lines)

    def as_json(self) -> str:
        """The changes as JSON, for CI."""
        data = {
            "changed": self.changed,
            "regime": self.regime,
            "changes": [asdict(c) for c in self.changes],
        }
        return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def _short(value: Any) -> str:
    text = "(none)" if value is None else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _subject(regime: str) -> Consequence:
    return "prior-authorisation" if regime == "specific" else "prior-notice"


def _key(item: Any, key: str | None, index: int) -> str:
    if key and isinstance(item, dict) and item.get(key):
        return str(item[key]).strip().casefold()
    return json.dumps(item, sort_keys=True, ensure_ascii=False, default=str)


def _match(old: list[Any], new: list[Any], key: str | None) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index) of matching items, None on the side where an item is missing."""
    new_keys = [_key(x, key, i) for i, x in enumerate(new)]
    old_keys = [_key(x, key, i) for i, x in enumerate(old)]
    pairs: list[tuple[int | None, int | None]] = []
    used: set[int] = set()
    for i, k in enumerate(old_keys):
        j = next((j for j, nk in enumerate(new_keys) if nk == k and j not in used), None)
        if j is not None:
            used.add(j)
        pairs.append((i, j))
    pairs += [(None, j) for j in range(len(new)) if j not in used]
    return pairs


def _fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [k for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)]


class _Differ:
    def __init__(self, regime: str) -> None:
        self.regime = regime
        self.changes: list[Change] = []

    def add(self, group: str, path: str, action: Action, item: str, consequence: Consequence, **kw: Any) -> None:
        self.changes.append(Change(group, path, action, item, consequence, **kw))

    def top(self, name: str, old: Any, new: Any) -> None:
        group = _TOP_GROUP.get(name, "other")
        if name == "subprocessors":
            self.items(group, name, old or [], new or [], "name", self._subprocessor)
        elif name == "hosting":
            self.hosting(old or {}, new or {})
        elif name in ("controller", "processor"):
            self.party(name, old, new)
        elif isinstance(old, list) or isinstance(new, list):
            consequence = self._consequence(group)
            self.items(group, name, old or [], new or [], _NAMED.get(name), lambda *_: consequence)
        else:
            self.leaves(group, name, old, new)

    def _consequence(self, group: str) -> Consequence:
        if group in ("document", "other"):
            return "information"
        return "amendment"

    def _subprocessor(self, fields: list[str]) -> Consequence:
        if not fields or any(f in SUBPROCESSOR_SUBSTANCE for f in fields):
            return _subject(self.regime)
        return "information"

    def items(self, group: str, path: str, old: list[Any], new: list[Any], key: str | None, judge: Any) -> None:
        """Added, removed and changed items of a list (removing a subprocessor needs no consent)."""
        for i, j in _match(old, new, key):
            if i is None and j is not None:
                item = new[j]
                self.add(group, f"{path}[{j}]", "added", self._name(item, key, path), judge([]), new=item)
            elif j is None and i is not None:
                item = old[i]
                consequence: Consequence = "information" if group == "subprocessors" else judge([])
                self.add(group, f"{path}[{i}]", "removed", self._name(item, key, path), consequence, old=item)
            elif i is not None and j is not None and old[i] != new[j]:
                a, b = old[i], new[j]
                fields = _fields(a, b) if isinstance(a, dict) and isinstance(b, dict) else []
                self.add(group, f"{path}[{j}]", "changed", self._name(b, key, path), judge(fields),
                         fields=fields, old=a, new=b)

    @staticmethod
    def _name(item: Any, key: str | None, path: str) -> str:
        if key and isinstance(item, dict) and item.get(key):
            return str(item[key])
        if isinstance(item, dict):
            return str(item.get("description") or item.get("name") or path)
        return str(item)

    def leaves(self, group: str, path: str, old: Any, new: Any, consequence: Consequence | None = None) -> None:
        """Changed scalar fields, one change each, recursing into objects."""
        if old == new:
            return
        judged = consequence or self._consequence(group)
        if isinstance(old, dict) and isinstance(new, dict):
            for k in dict.fromkeys([*old, *new]):
                self.leaves(group, f"{path}.{k}", old.get(k), new.get(k), consequence)
            return
        action: Action = "added" if old is None else "removed" if new is None else "changed"
        self.add(group, path, action, path, judged, old=old, new=new)

    def party(self, name: str, old: Any, new: Any) -> None:
        old, new = old or {}, new or {}
        for k in dict.fromkeys([*old, *new]):
            consequence: Consequence = "amendment" if k in PARTY_SUBSTANCE else "information"
            self.leaves("parties", f"{name}.{k}", old.get(k), new.get(k), consequence)

    def hosting(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        group = "hosting and transfers"

        def judge(fields: list[str]) -> Consequence:
            return _subject(self.regime) if not fields or set(fields) & set(SITE_SUBSTANCE) else "information"

        self.items(group, "hosting.sites", old.get("sites", []), new.get("sites", []), "provider", judge)
        for k in dict.fromkeys([*old, *new]):
            if k == "sites":
                continue
            consequence: Consequence = "amendment"
            if k == "no_transfer_outside_eea" or k == "processor_transfer":
                consequence = _subject(self.regime)
            self.leaves(group, f"hosting.{k}", old.get(k), new.get(k), consequence)


def diff(old: Description, new: Description) -> Diff:
    """Every change from OLD to NEW, judged under NEW's subprocessor regime."""
    a, b = to_data(old), to_data(new)
    regime = new.subprocessor_policy.regime.value
    differ = _Differ(regime)
    for name in dict.fromkeys([*a, *b]):
        if name in ("$schema", "schema_version"):
            continue
        if a.get(name) != b.get(name):
            differ.top(name, a.get(name), b.get(name))
    order = {g: i for i, g in enumerate(GROUPS)}
    changes = sorted(differ.changes, key=lambda c: order[c.group])  # stable: keeps the order within a group
    return Diff(regime, changes)


def run_diff(old_path: Any, new_path: Any, *, output_format: str = "text", language: str | None = None) -> int:
    """`dpagen diff OLD NEW`: print the changes; exit 0 when nothing changed, 1 otherwise."""
    from .io import load

    old, new = load(old_path), load(new_path)
    result = diff(old, new)
    if output_format == "json":
        print(result.as_json())
    else:
        print(result.text(language or "en"))
    return 1 if result.changed else 0
