"""The question flow: walks the sections, asks through a prompter, validates with the model, records.

Plain Python, no terminal: tests drive it with a scripted prompter. The state is the description's
JSON data; every answer is checked by validating the candidate description with the model (one
source of truth) and only errors at the answered path, below it, or new at an object holding it
(e.g. duplicate category names) refuse the answer. Every answer is logged as ``[id, raw]``; the
log replayed from the same start state gives back the same state (that is how a draft resumes).

This module walks and records; the steps with their own logic are in ``steps.py``, the conversion of
answers in ``values.py`` and the model's verdict in ``validation.py``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..model import Description
from . import paths
from .nodes import Ask, Custom, Each, Group, Loop, Node, Section
from .prompter import REVIEW, Prompt, Prompter, PromptKind, wants_review
from .questions import SECTIONS
from .questions_text import QUESTIONS
from .scope import Scope
from .steps import STEPS
from .texts import Texts
from .validation import error_path, errors_of, model_message
from .values import PROMPT_KINDS, canonical, convert, display, without_nulls

Answer = list[Any]  # [prompt id, raw answer]

REVIEW_ID = "#review"
"""The log's mark where the user opened the review screen from a question (replayed in turn)."""

LATER_WORDS = ("plus tard", "later")
"""What the user types to leave a value a final document needs for later."""


class Wizard:
    """Asks the questions of each section and builds the description's data from the answers."""

    def __init__(
        self,
        prompter: Prompter,
        language: str = "fr",
        start: dict[str, Any] | None = None,
        replay: list[Answer] | None = None,
        on_change: Callable[[Wizard], None] | None = None,
        labels: dict[str, dict[str, str]] | None = None,
        sections: tuple[Section, ...] = SECTIONS,
    ) -> None:
        self.prompter = prompter
        self.texts = Texts(language)
        self.language = language
        self.start: dict[str, Any] = copy.deepcopy(start or {})
        self.state: dict[str, Any] = copy.deepcopy(self.start)
        self.log: list[Answer] = []
        self.replay: list[Answer] = [list(a) for a in replay or []]
        self.on_change = on_change or (lambda _w: None)
        self.sections = sections
        self._created: dict[int, Any] = {}  # the list items added in this session, by id (kept alive)
        self._quiet = bool(self.replay)  # nothing is shown while earlier answers are replayed
        self._section = ""
        self.final = False  # the user wants final documents: their values are asked as required
        self._reviewing = False
        if labels is None:
            from ..clauses import load_library

            labels = load_library().labels_in(language)
        self.labels = labels
        if not paths.has(self.state, ("document", "language")):
            paths.put(self.state, ("document", "language"), language)

    # ---------------------------------------------------------------- asking

    def ask(self, prompt: Prompt) -> Any:
        """One answer: replayed from the log while it matches, else asked; then recorded."""
        while True:
            if self.replay and self.replay[0][0] == REVIEW_ID:
                self.log.append(self.replay.pop(0))
                self.open_review()
                prompt = prompt.refresh() if prompt.refresh else prompt
                continue
            if self.replay and self.replay[0][0] == prompt.id:
                raw = self.replay.pop(0)[1]
                replayed = True
            else:
                if self.replay or self._quiet:  # the replay ends here: show where the user is
                    self.replay, self._quiet = [], False
                    self.say(self.texts.msg("section", title=self._section))
                raw = self.prompter.ask(prompt)
                replayed = False
                if wants_review(raw) and not self._reviewing:
                    self.log.append([REVIEW_ID, None])
                    self.open_review()
                    prompt = prompt.refresh() if prompt.refresh else prompt
                    continue
                if raw == REVIEW:  # already on the review screen
                    continue
            problem = prompt.validate(raw) if prompt.validate else None
            if problem is None:
                break
            if replayed:
                self.replay = []
            else:
                self.say(problem)
        self.log.append([prompt.id, raw])
        if prompt.validate is None:  # a control answer (menu, yes/no): nothing else will save it
            self.changed()
        return raw

    def say(self, text: str) -> None:
        """Show information, unless earlier answers are being replayed."""
        if not self._quiet:
            self.prompter.say(text)

    def changed(self) -> None:
        """An answer was applied: let the session save its draft."""
        self.on_change(self)

    def check(self, path: paths.JsonPath, value: Any) -> str | None:
        """The model's objection to setting ``path`` to ``value``, or None when it accepts it."""
        candidate = copy.deepcopy(self.state)
        self._set(candidate, path, value)
        before = {paths.show(error_path(e)) for e in errors_of(self.state)}
        for error in errors_of(candidate):
            loc = error_path(error)
            if loc[: len(path)] == path:
                return model_message(error, self.language)
            if path[: len(loc)] == loc and paths.show(loc) not in before:
                return model_message(error, self.language)
        return None

    @staticmethod
    def _set(data: dict[str, Any], path: paths.JsonPath, value: Any) -> None:
        if value is None or value == []:
            default = paths.model_default(path)
            if default is None or default == []:
                paths.delete(data, path)
            else:
                paths.put(data, path, None)
        else:
            paths.put(data, path, value)

    def set(self, path: paths.JsonPath, value: Any) -> None:
        """Store a value (already checked) in the model's own form, e.g. 'fr' → 'FR'."""
        self._set(self.state, path, canonical(path, value))

    def clear(self, path: paths.JsonPath) -> None:
        """Unset a value that no longer applies."""
        if paths.has(self.state, path):
            self._set(self.state, path, None)

    # ---------------------------------------------------------------- walking

    def run(self) -> Description:
        """Every section, then the review screen until the user saves a valid description."""
        for section in self.sections:
            self.run_section(section)
        return self.review()

    def review(self, section: str | None = None) -> Description:
        """The review screen until the user saves a valid description (``section``: open it first)."""
        from .review import Review

        self._section = self.texts.msg("review")
        self._reviewing = True
        try:
            Review(self).run(at_end=True, section=section)
        finally:
            self._reviewing = False
        return Description.model_validate(self.state)

    def open_review(self) -> None:
        """The review screen opened from a question; back to that question when the user carries on."""
        from .review import Review

        where = self._section
        self._reviewing = True
        try:
            Review(self).run(at_end=False)
        finally:
            self._reviewing = False
            self._section = where
        self.say(self.texts.msg("section", title=where))

    def run_section(self, section: Section) -> None:
        """Ask one section's questions."""
        self._section = self.texts.section(section.id)
        self.say(self.texts.msg("section", title=self._section))
        self.run_nodes(section.nodes, (), {})

    def run_nodes(self, nodes: tuple[Node, ...], base: paths.JsonPath, context: dict[str, Any]) -> None:
        """Ask each node that applies; clear the ones that do not."""
        for node in nodes:
            scope = Scope(self.state, base, self.language)
            target = base + paths.parse(node.path)
            if node.when is not None and not node.when(scope):
                if node.clear and target:
                    self.clear(target)
                    self.changed()
                continue
            if isinstance(node, Ask):
                self.ask_field(node, base, context)
            elif isinstance(node, Group):
                self.run_group(node, target, context)
            elif isinstance(node, Loop):
                self.run_loop(node, target, context)
            elif isinstance(node, Each):
                self.run_each(node, target, context)
            elif isinstance(node, Custom):
                STEPS[node.name](self)

    def current(self, node: Ask, path: paths.JsonPath, scope: Scope) -> Any:
        """The value a question starts from.

        The answer so far; else, for an object the wizard creates, a default computed from earlier
        answers; else the model's default; else, for a new object, the suggested one.
        """
        value = paths.get(self.state, path, paths.MISSING)
        if value is not paths.MISSING:
            return value
        new = self._is_new(path)
        if node.compute is not None and new:
            computed = node.compute(scope)
            if computed is not None:
                return computed
        default = paths.default_in(self.state, path)
        if default is not None and default != []:
            return default
        return node.suggest if new else None

    def _is_new(self, path: paths.JsonPath) -> bool:
        """Whether ``path`` belongs to something this session creates, so defaults may be proposed.

        True in a session that started from nothing, or inside a list item added in this session;
        an existing description keeps its values (an unset value stays unset unless typed).
        """
        if not self.start:
            return True
        node: Any = self.state
        for part in path[:-1]:
            node = paths.get(node, (part,))
            if isinstance(part, int) and id(node) in self._created:
                return True
        return False

    def choices(self, node: Ask, scope: Scope) -> list[tuple[str, str]]:
        """The (value, title) pairs of a select or multi question."""
        if node.kind == "tristate":
            return [("", self.texts.msg("unsaid"))] + [
                (answer, self.texts.answer(node.key, answer)) for answer in ("yes", "no")
            ]
        if callable(node.choices):
            found = node.choices(scope)
        else:
            group = self.labels.get(str(node.choices), {})
            found = list(group.items())
        if node.optional:
            found = [("", self.texts.msg("none")), *found]
        return found

    def ask_field(self, node: Ask, base: paths.JsonPath, context: dict[str, Any]) -> None:
        """Ask one question and store its answer."""
        path = base + paths.parse(node.path)
        kind = node.kind
        prompt_kind: PromptKind = PROMPT_KINDS[kind]

        def make() -> Prompt:
            scope = Scope(self.state, base, self.language)
            current = self.current(node, path, scope)
            choices = self.choices(node, scope) if prompt_kind in ("select", "checkbox") else []
            if kind == "select" and current is not None and current not in {v for v, _ in choices}:
                current = None
            return Prompt(
                id=paths.show(path),
                kind=prompt_kind,
                message=self.texts.question(node.key, **context),
                help=self.texts.help(node.key),
                default=display(kind, current),
                choices=choices,
                validate=lambda raw: self.check_answer(path, kind, raw),
                refresh=make,
            )

        raw = self.ask(make())
        self.set(path, None if self.later(raw) else convert(kind, raw))
        self.changed()

    @staticmethod
    def later(raw: Any) -> bool:
        """Whether a text answer says to leave the value for later."""
        return isinstance(raw, str) and raw.strip().lower() in LATER_WORDS

    def check_answer(self, path: paths.JsonPath, kind: str, raw: Any) -> str | None:
        """The model's objection to an answer.

        When final documents are wanted, an empty answer to a value they need is refused too, unless the
        user says to leave it for later.
        """
        if self.later(raw):
            return self.check(path, None)
        value = convert(kind, raw)
        problem = self.check(path, value)
        if problem is not None or not self.final or PROMPT_KINDS[kind] != "text" or value not in (None, []):
            return problem
        from .review import needed_by

        candidate = copy.deepcopy(self.state)
        self._set(candidate, path, value)
        documents = needed_by(candidate, path)
        if not documents:
            return None
        from .review import Review

        return self.texts.msg("needed", documents=Review(self).documents(documents))

    def run_group(self, node: Group, path: paths.JsonPath, context: dict[str, Any]) -> None:
        """A nested object, behind a yes/no question when optional."""
        context = {**context, **{k: self.texts.pick(v) for k, v in node.context.items()}}
        if "party" in context:
            context["Party"] = context["party"][:1].upper() + context["party"][1:]
        if node.key is not None:
            if node.shown is not None:
                context["current"] = self.group_current(node, path)
            present = paths.get(self.state, path) is not None or (node.suggest and self._is_new(path))
            message = self.texts.question(node.key, **context)
            pid = paths.show(path) + ("#change" if node.change else "#has")
            yes = self.ask(Prompt(pid, "confirm", message, help=self.texts.help(node.key),
                                  default=present and not node.change))
            if not yes:
                if not node.change:
                    self.clear(path)
                    self.changed()
                return
            if node.change and not paths.has(self.state, path):  # edit the model's default, field by field
                default = paths.default_in(self.state, path)
                if node.start is not None:
                    default = node.start(Scope(self.state, path, self.language)) or default
                if isinstance(default, dict):
                    paths.put(self.state, path, without_nulls(default))
        self.run_nodes(node.nodes, path, context)

    def group_current(self, node: Group, path: paths.JsonPath) -> str:
        """What a group's ``shown`` field holds now: its value, else what ``start`` gives, else the default."""
        scope = Scope(self.state, path, self.language)
        value = paths.get(self.state, path) if paths.has(self.state, path) else None
        if value is None and node.start is not None:
            start = node.start(scope)
            if isinstance(start, dict):
                return str(display("text", start.get(node.shown or "")))
            if f"{node.path}.none" in QUESTIONS:  # nothing to start from: say what that means
                return self.texts.question(f"{node.path}.none")
        return str(display("text", scope.get(node.shown or "")))

    def _title(self, item: Any, field: str, index: int) -> str:
        value = item.get(field) if isinstance(item, dict) else None
        return f"{index + 1}. {value}" if value else f"{index + 1}."

    def run_loop(self, node: Loop, path: paths.JsonPath, context: dict[str, Any]) -> None:
        """Add items, then a menu to add, edit or remove one, until the user is done."""
        pid = paths.show(path)
        noun = self.texts.question(f"{node.key}.noun")
        while True:
            items = paths.get(self.state, path) or []
            if not items:
                if not self.ask(Prompt(pid + "#add", "confirm", self.texts.question(f"{node.key}.add"),
                                       help=self.texts.help(f"{node.key}.add"), default=node.add_default)):
                    return
                self._edit_item(node, path, 0, context, new=True)
                continue
            self.say("\n".join([f"{noun} :" if self.language == "fr" else f"{noun}:"] + [
                "  " + self._title(item, node.title, i) for i, item in enumerate(items)
            ]))
            actions = [(a, self.texts.msg(a)) for a in ("done", "add", "edit", "remove")]
            menu = self.texts.msg("menu", noun=noun)
            action = self.ask(Prompt(pid + "#menu", "select", menu, default="done", choices=actions))
            if action == "done":
                return
            if action == "add":
                self._edit_item(node, path, len(items), context, new=True)
                continue
            which = [(str(i), self._title(item, node.title, i)) for i, item in enumerate(items)]
            key = "which_edit" if action == "edit" else "which_remove"
            index = int(self.ask(Prompt(f"{pid}#{action}", "select", self.texts.msg(key), default="0",
                                        choices=which)))
            if action == "edit":
                self._edit_item(node, path, index, context, new=False)
            else:
                del paths.get(self.state, path)[index]
                if not paths.get(self.state, path):
                    self.clear(path)
                self.changed()

    def _edit_item(
        self, node: Loop, path: paths.JsonPath, index: int, context: dict[str, Any], new: bool
    ) -> None:
        if new:
            items = paths.get(self.state, path)
            if not isinstance(items, list):
                items = []
                paths.put(self.state, path, items)
            items.append({})
            self._created[id(items[-1])] = items[-1]
        self.run_nodes(node.nodes, (*path, index), {**context, "n": index + 1})

    def run_each(self, node: Each, path: paths.JsonPath, context: dict[str, Any]) -> None:
        """The same questions for every item already in a list."""
        for index, item in enumerate(paths.get(self.state, path) or []):
            title = item.get(node.title) if isinstance(item, dict) else None
            item_context = {**context, "n": index + 1, "item": title or index + 1}
            self.run_nodes(node.nodes, (*path, index), item_context)
