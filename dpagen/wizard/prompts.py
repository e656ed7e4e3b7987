"""The terminal prompter: the only module that imports questionary.

``unsafe_ask()`` is used everywhere so that Ctrl-C raises KeyboardInterrupt (``ask()`` would swallow it
and return None); the session catches it, with EOFError (Ctrl-D), in one place.
"""

from __future__ import annotations

from typing import Any

from .prompter import Prompt

_HELP_STYLE = "fg:ansibrightblack italic"

_INSTRUCTIONS = {
    "fr": {"select": "(flèches ↑ ↓, puis Entrée)",
           "checkbox": "(flèches ↑ ↓, Espace pour cocher, Entrée pour valider)"},
    "en": {"select": "(arrow keys, then Enter)", "checkbox": "(arrow keys, Space to tick, Enter to confirm)"},
}

# questionary's yes/no question only localises its hint (``instruction``): its keys stay y/n and the answer
# it echoes stays "Yes"/"No" (constants of questionary). The French hint therefore names the keys it takes.
# None keeps questionary's own "(Y/n)" / "(y/N)" in English. The hint stays shown after the answer.
_CONFIRM = {
    "fr": {True: "(Entrée : oui ; y/n) ", False: "(Entrée : non ; y/n) "},
    "en": None,
}


class TerminalPrompter:
    """Asks each prompt in the terminal with questionary."""

    def __init__(self, language: str = "fr") -> None:
        import questionary

        self.q = questionary
        self.instructions = _INSTRUCTIONS.get(language, _INSTRUCTIONS["en"])
        self.confirm_hints = _CONFIRM.get(language)

    def ask(self, prompt: Prompt) -> Any:
        """Show the prompt's explanation, then ask it."""
        q = self.q
        if prompt.help:
            q.print(f"  {prompt.help}", style=_HELP_STYLE)
        if prompt.kind == "text":
            check = prompt.validate

            def validate(text: str) -> bool | str:
                problem = check(text) if check else None
                return True if problem is None else problem

            return q.text(prompt.message, default=str(prompt.default or ""), validate=validate).unsafe_ask()
        if prompt.kind == "confirm":
            yes = bool(prompt.default)
            hint = self.confirm_hints[yes] if self.confirm_hints else None
            return q.confirm(prompt.message, default=yes, instruction=hint).unsafe_ask()
        values = [value for value, _ in prompt.choices]
        if prompt.kind == "select":
            choices = [q.Choice(title, value=value) for value, title in prompt.choices]
            default = prompt.default if prompt.default in values else None
            return q.select(prompt.message, choices=choices, default=default,
                            instruction=self.instructions["select"]).unsafe_ask()
        ticked = set(prompt.default or [])
        choices = [q.Choice(title, value=value, checked=value in ticked) for value, title in prompt.choices]
        instruction = self.instructions["checkbox"]
        return q.checkbox(prompt.message, choices=choices, instruction=instruction).unsafe_ask()

    def say(self, text: str) -> None:
        """Print information between questions."""
        self.q.print(text)
