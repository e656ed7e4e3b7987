"""The terminal prompter: the only module that imports questionary.

``unsafe_ask()`` is used everywhere so that Ctrl-C raises KeyboardInterrupt (``ask()`` would swallow it
and return None); the session catches it, with EOFError (Ctrl-D), in one place.
"""

from __future__ import annotations

from typing import Any

from .prompter import REVIEW, REVIEW_WORDS, Prompt

_HELP_STYLE = "fg:ansibrightblack italic"

_INSTRUCTIONS = {
    "fr": {"select": "(flèches ↑ ↓, puis Entrée)",
           "checkbox": "(flèches ↑ ↓, Espace pour cocher, Entrée pour valider)"},
    "en": {"select": "(arrow keys, then Enter)", "checkbox": "(arrow keys, Space to tick, Enter to confirm)"},
}

# questionary's yes/no question has fixed y/n keys and echoes "Yes"/"No": the yes/no question is built here
# on prompt_toolkit instead, with each language's keys, hint and echoed answer.
_CONFIRM: dict[str, dict[str, Any]] = {
    "fr": {"yes": "oOyY", "no": "nN", "hint": {True: "(O/n) ", False: "(o/N) "}, "echo": ("Oui", "Non")},
    "en": {"yes": "yY", "no": "nN", "hint": {True: "(Y/n) ", False: "(y/N) "}, "echo": ("Yes", "No")},
}


class TerminalPrompter:
    """Asks each prompt in the terminal with questionary."""

    def __init__(self, language: str = "fr") -> None:
        import questionary

        self.q = questionary
        self.instructions = _INSTRUCTIONS.get(language, _INSTRUCTIONS["en"])
        self.confirm_keys = _CONFIRM.get(language, _CONFIRM["en"])

    def ask(self, prompt: Prompt) -> Any:
        """Show the prompt's explanation, then ask it."""
        q = self.q
        if prompt.help:
            q.print(f"  {prompt.help}", style=_HELP_STYLE)
        if prompt.kind == "text":
            check = prompt.validate

            def validate(text: str) -> bool | str:
                if text.strip().lower() in REVIEW_WORDS:
                    return True
                problem = check(text) if check else None
                return True if problem is None else problem

            question = q.text(prompt.message, default=str(prompt.default or ""), validate=validate)
        elif prompt.kind == "confirm":
            question = self._confirm(prompt.message, bool(prompt.default))
        elif prompt.kind == "select":
            values = [value for value, _ in prompt.choices]
            choices = [q.Choice(title, value=value) for value, title in prompt.choices]
            default = prompt.default if prompt.default in values else None
            question = q.select(prompt.message, choices=choices, default=default,
                                instruction=self.instructions["select"])
        else:
            ticked = set(prompt.default or [])
            choices = [q.Choice(title, value=value, checked=value in ticked) for value, title in prompt.choices]
            question = q.checkbox(prompt.message, choices=choices, instruction=self.instructions["checkbox"])
        return _with_review_key(question).unsafe_ask()

    def _confirm(self, message: str, default: bool) -> Any:
        """A yes/no question with this language's keys, hint and echoed answer."""
        from prompt_toolkit import PromptSession
        from prompt_toolkit.formatted_text import FormattedText
        from prompt_toolkit.key_binding import KeyBindings
        from prompt_toolkit.keys import Keys

        keys = self.confirm_keys
        status: dict[str, bool | None] = {"answer": None}

        def tokens() -> FormattedText:
            parts = [("class:qmark", "?"), ("class:question", f" {message} "),
                     ("class:instruction", keys["hint"][default])]
            if status["answer"] is not None:
                parts.append(("class:answer", keys["echo"][0 if status["answer"] else 1]))
            return FormattedText(parts)

        bindings = KeyBindings()

        @bindings.add(Keys.ControlC, eager=True)
        def _stop(event: Any) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        def answer(value: bool) -> Any:
            def handler(event: Any) -> None:
                status["answer"] = value
                event.app.exit(result=value)
            return handler

        for key in str(keys["yes"]):
            bindings.add(key)(answer(True))
        for key in str(keys["no"]):
            bindings.add(key)(answer(False))

        @bindings.add(Keys.ControlM, eager=True)
        def _enter(event: Any) -> None:
            status["answer"] = default
            event.app.exit(result=default)

        @bindings.add(Keys.Any)
        def _other(event: Any) -> None:
            """Other keys type nothing."""

        from questionary import Question
        from questionary.styles import merge_styles_default

        session: PromptSession[Any] = PromptSession(tokens, key_bindings=bindings,
                                                    style=merge_styles_default([None]))
        return Question(session.app)

    def say(self, text: str) -> None:
        """Print information between questions."""
        self.q.print(text)


def _with_review_key(question: Any) -> Any:
    """The question, with Ctrl-R opening the review screen (it answers ``REVIEW``)."""
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

    review = KeyBindings()

    @review.add("c-r", eager=True)
    def _review(event: Any) -> None:
        event.app.exit(result=REVIEW)

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, review]) if app.key_bindings else review
    return question
