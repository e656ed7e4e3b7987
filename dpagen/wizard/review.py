"""The review screen: every section with its answers and what each document still lacks.

From it the user jumps to a section or to one question, changes it and comes back. It is shown at the
end, whenever the user asks for it at a prompt (Ctrl-R or a command word), and by
``dpagen wizard --edit FILE [--section NAME]``.
"""

from __future__ import annotations

import copy
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import paths
from .host import WizardHost
from .nodes import Ask, Custom, Each, Group, Loop, Node, Section
from .prompter import Prompt
from .scope import Scope
from .values import display

SAVE, BACK, WHOLE, CONTINUE = "#save", "#back", "#whole", "#continue"


@dataclass
class Entry:
    """One line of a section's review: a question, its answer, and the documents that lack it."""

    label: str
    value: str
    path: str
    depth: int
    run: Callable[[], None]
    where: str = ""  # whose question it is: "the processor", "Subprocessors 2"
    needed: set[str] = field(default_factory=set)


def _format(template: str, context: dict[str, Any]) -> str:
    """A question with its placeholders filled; one whose context is unknown here keeps a neutral word."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return template.format(**{name: context.get(name, "…") for name in names})


class Outline:
    """Walks a section's questions without asking them, as the flow would, to list them with their answers."""

    def __init__(self, wizard: WizardHost) -> None:
        self.wizard = wizard

    def section(self, section: Section) -> list[Entry]:
        """The questions of a section that apply now, in order, with their answers."""
        out: list[Entry] = []
        self._nodes(section.nodes, (), {}, 0, out)
        return out

    def _label(self, key: str, context: dict[str, Any]) -> str:
        from .questions_text import QUESTIONS

        return _format(self.wizard.texts.pick(QUESTIONS[key]), context)

    def _value(self, kind: str, value: Any) -> str:
        texts = self.wizard.texts
        if value is None or value == [] or value == "":
            return "—"
        if kind in ("confirm", "tristate") or isinstance(value, bool):
            return texts.msg("yes" if value else "no")
        shown = display("list" if isinstance(value, list) else "text", value)
        return str(shown)

    def _nodes(self, nodes: tuple[Node, ...], base: paths.JsonPath, context: dict[str, Any], depth: int,
               out: list[Entry]) -> None:
        w = self.wizard
        for node in nodes:
            scope = Scope(w.state, base, w.language)
            if node.when is not None and not node.when(scope):
                continue
            target = base + paths.parse(node.path)
            if isinstance(node, Ask):
                value = paths.get(w.state, target)
                if value is None:
                    value = paths.default_in(w.state, target)
                run = _bind(w.ask_field, node, base, context)
                out.append(Entry(self._label(node.key, context), self._value(node.kind, value),
                                 paths.show(target), depth, run, context.get("where", "")))
            elif isinstance(node, Group):
                inner = {**context, **{k: w.texts.pick(v) for k, v in node.context.items()}}
                if "party" in inner:
                    inner["Party"] = inner["where"] = inner["party"][:1].upper() + inner["party"][1:]
                present = paths.get(w.state, target) is not None
                if node.key is not None:
                    if node.shown is not None:
                        inner["current"] = w.group_current(node, target)
                    out.append(Entry(self._label(node.key, inner), w.texts.msg("yes" if present else "no"),
                                     paths.show(target), depth, _bind(w.run_group, node, target, inner)))
                    if present:
                        self._nodes(node.nodes, target, inner, depth + 1, out)
                else:
                    self._nodes(node.nodes, target, inner, depth, out)
            elif isinstance(node, Loop):
                items = paths.get(w.state, target) or []
                noun = self._label(f"{node.key}.noun", context)
                out.append(Entry(noun, str(len(items)), paths.show(target), depth,
                                 _bind(w.run_loop, node, target, context)))
                for index, _item in enumerate(items):
                    where = f"{noun} {index + 1}"
                    self._nodes(node.nodes, (*target, index), {**context, "n": index + 1, "where": where},
                                depth + 1, out)
            elif isinstance(node, Each):
                for index, item in enumerate(paths.get(w.state, target) or []):
                    title = item.get(node.title) if isinstance(item, dict) else None
                    self._nodes(node.nodes, (*target, index),
                                {**context, "n": index + 1, "item": title or index + 1}, depth, out)
            elif isinstance(node, Custom):
                out.append(self._custom(node))

    def _custom(self, node: Custom) -> Entry:
        from .steps import STEPS

        w = self.wizard
        if node.name == "security":
            count = len(w.state.get("security_measures") or [])
            return Entry(w.texts.section("security"), str(count), "security_measures", 0,
                         _bind(STEPS["security"], w))
        if node.name == "signatories":
            signers = paths.get(w.state, ("contract", "signatories")) or []
            names = ", ".join(str(s.get("name") or "") for s in signers if isinstance(s, dict)) or "—"
            return Entry(w.texts.msg("signatories"), names, "contract.signatories", 0,
                         _bind(STEPS["signatories"], w))
        if node.name == "final":
            return Entry(w.texts.msg("final_short"), w.texts.msg("yes" if w.final else "no"), "#final", 0,
                         _bind(STEPS["final"], w))
        tables = w.state.get("translations") or {}
        count = sum(len(t) for t in tables.values() if isinstance(t, dict))
        return Entry(w.texts.section(node.name), str(count), node.name, 0, _bind(STEPS[node.name], w))


def _bind(function: Callable[..., None], *args: Any) -> Callable[[], None]:
    return lambda: function(*args)


# ---------------------------------------------------------------- what the documents lack


_LAST: list[tuple[str, bool, dict[str, set[str]]]] = []  # the last answer, for answers in a row


def missing(state: dict[str, Any], findings: bool = True) -> dict[str, set[str]]:
    """Each JSON path a final document lacks → the documents that lack it.

    A blank of the document, or with ``findings`` a path an error of the check names. Empty when the
    state is not a valid description yet (the model's own errors are shown instead).
    """
    import json

    key = json.dumps(state, sort_keys=True, default=str)
    if _LAST and _LAST[0][:2] == (key, findings):
        return _LAST[0][2]
    found = _missing(state, findings)
    _LAST[:] = [(key, findings, found)]
    return found


def _missing(state: dict[str, Any], with_findings: bool) -> dict[str, set[str]]:
    from pydantic import ValidationError

    from ..build import build
    from ..clauses import load_library
    from ..generate import applicable_documents
    from ..model import Description

    try:
        description = Description.model_validate(copy.deepcopy(state))
    except ValidationError:
        return {}
    library = load_library()
    found: dict[str, set[str]] = {}
    findings = []
    if with_findings:
        from ..rules import check

        findings = [f for f in check(description) if f.severity == "error"]
    for document in applicable_documents(description, library):
        tree = build(description, document, draft=True, library=library)
        for path in tree.missing:
            found.setdefault(path, set()).add(document)
        for finding in findings:
            if finding.blocks(document):
                found.setdefault(finding.path, set()).add(document)
    return found


def place(entries: list[Entry], needs: dict[str, set[str]]) -> list[tuple[str, set[str]]]:
    """Mark each entry with the documents that lack its value; return the needs no entry holds."""
    left: list[tuple[str, set[str]]] = []
    for path, documents in needs.items():
        wanted = path.replace("[*]", "[0]").replace(".display_name", ".legal_name")
        target = next((e for e in entries if e.path == wanted), None)
        if target is None:  # a whole object is missing: its first question
            target = next((e for e in entries if e.path.startswith((wanted + ".", wanted + "["))), None)
        if target is None:  # inside an object not there yet: the question that adds it
            holders = [e for e in entries if wanted.startswith((e.path + ".", e.path + "["))]
            target = max(holders, key=lambda e: len(e.path), default=None)
        if target is None:
            left.append((path, documents))
        else:
            target.needed |= documents
    return left


def needed_by(state: dict[str, Any], path: paths.JsonPath) -> set[str]:
    """The documents whose final version lacks ``path`` in this state."""
    shown = paths.show(path)
    found = missing(state, findings=False)
    return set().union(*(docs for p, docs in found.items() if p == shown or p.startswith(shown + ".")))


# ---------------------------------------------------------------- the screen


class Review:
    """The review screen of a running wizard."""

    def __init__(self, wizard: WizardHost) -> None:
        self.wizard = wizard

    def documents(self, names: set[str]) -> str:
        """Document names in words, in a stable order."""
        from ..generate import DOCUMENT_ORDER

        order = [d for d in DOCUMENT_ORDER if d in names] + sorted(names - set(DOCUMENT_ORDER))
        return ", ".join(self.wizard.texts.msg(f"doc.{d}") if f"doc.{d}" in _DOC_KEYS else d for d in order)

    def _state(self) -> tuple[dict[str, list[Entry]], list[tuple[str, set[str]]]]:
        w = self.wizard
        outlines = {s.id: Outline(w).section(s) for s in w.sections}
        left = place([e for entries in outlines.values() for e in entries], missing(w.state))
        return outlines, left

    def run(self, at_end: bool, section: str | None = None) -> None:
        """Show the review until the user saves (``at_end``) or goes back to the question they were at."""
        from .validation import error_path, errors_of, model_message

        w = self.wizard
        texts = w.texts
        if section is not None:
            self.section(section)
        while True:
            outlines, left = self._state()
            problems = errors_of(w.state)
            lines = [texts.msg("section", title=texts.msg("review"))]
            todo: list[tuple[str, Entry]] = []
            for sid, entries in outlines.items():
                if not entries:
                    continue
                lacking = [e for e in entries if e.needed]
                todo += [(sid, e) for e in lacking]
                mark = texts.msg("review_lacks", count=len(lacking), values=texts.plural("value", len(lacking)))
                asked = f"{len(entries)} {texts.plural('question', len(entries))}"
                colon = " :" if w.language == "fr" else ":"
                lines.append(f"  {texts.section(sid)}{colon} {asked} · {mark if lacking else '✓'}")
            for path, documents in left:
                lines.append(f"  ! {path} ({self.documents(documents)})")
            if problems:
                lines.append(texts.msg("invalid"))
                lines += [f"  {paths.show(error_path(e))} : {model_message(e, w.language)}" for e in problems]
            w.say("\n".join(lines))
            first = SAVE if at_end else CONTINUE
            count = len(todo) + len(left)
            first_title = texts.msg("save") if at_end else texts.msg("continue")
            if at_end and count:
                first_title = texts.msg("save_later", count=count, values=texts.plural("value", count))
            choices = [(first, first_title)]
            for sid, entry in todo[:15]:
                where = " › ".join(p for p in (texts.section(sid), entry.where, entry.label) if p)
                choices.append((f"m:{entry.path}", texts.msg("fill", where=where,
                                                              documents=self.documents(entry.needed))))
            choices += [(f"s:{sid}", texts.msg("open", title=texts.section(sid)))
                        for sid, entries in outlines.items() if entries]
            choice = w.ask(Prompt("review#menu", "select", texts.msg("review_menu"), default=first,
                                  choices=choices))
            if choice == first:
                if at_end and problems:
                    continue
                return
            if choice.startswith("m:"):
                chosen = next((e for _, e in todo if e.path == choice[2:]), None)
                if chosen is not None:
                    chosen.run()
            elif choice.startswith("s:"):
                self.section(choice[2:])

    def section(self, sid: str) -> None:
        """One section's answers; pick one to change it, or ask the whole section again."""
        w = self.wizard
        texts = w.texts
        section = next((s for s in w.sections if s.id == sid), None)
        if section is None:
            return
        default = BACK
        while True:
            entries = Outline(w).section(section)
            place(entries, missing(w.state))
            lines = [texts.msg("section", title=texts.section(sid))]
            choices = [(BACK, texts.msg("back_review")), (WHOLE, texts.msg("whole"))]
            for index, entry in enumerate(entries):
                need = f"  ⚠ {texts.msg('lacks_for', documents=self.documents(entry.needed))}" if entry.needed else ""
                line = f"{'  ' * entry.depth}{entry.label} : {entry.value}{need}"
                if w.language != "fr":
                    line = line.replace(" : ", ": ", 1)
                lines.append("  " + line)
                choices.append((str(index), line.strip()[:110]))
            w.say("\n".join(lines))
            choice = w.ask(Prompt(f"review#{sid}", "select", texts.msg("section_menu"), default=default,
                                  choices=choices))
            if choice == BACK:
                return
            if choice == WHOLE:
                w.run_section(section)
            elif choice.isdigit() and int(choice) < len(entries):
                entries[int(choice)].run()
            default = BACK


_DOC_KEYS = {"doc.dpa", "doc.privacy-notice", "doc.processor-charter", "doc.subprocessors"}
