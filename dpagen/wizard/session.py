"""One wizard session: where answers come from and go to, interruption, saving, check and generation.

The draft (``<out stem>.draft.json`` next to the output, e.g. ``description.draft.json``) holds the
start description, every answer so far and the description they give; it is rewritten atomically
after every answer. Replaying its answers from its start gives back the same state, so ``--resume``
(or ``--from`` the draft) continues exactly where the session stopped.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import DpagenError, IncompleteError, Interrupted, UsageError
from ..output import write_atomic
from .flow import Answer, Wizard
from .prompter import Prompt, Prompter
from .texts import Texts

DRAFT_KEY = "dpagen_wizard_draft"
DEFAULT_OUT = Path("description.json")


def draft_path_for(out: Path) -> Path:
    """Where the draft of ``out`` is kept: ``my.json`` → ``my.draft.json``."""
    stem = out.stem if out.suffix == ".json" else out.name
    return out.with_name(f"{stem}.draft.json")


def read_draft(path: Path) -> dict[str, Any] | None:
    """The draft stored in ``path``, or None when it is not a sound draft (or cannot be read)."""
    draft, _problem = inspect_draft(path)
    return draft


def inspect_draft(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """What ``path`` holds: ``(draft, None)``, ``(None, why it is damaged)``, or ``(None, None)``.

    ``(None, None)``: the file is missing or is not a wizard draft at all (a plain description).
    """
    from ..jsonread import MAX_BYTES

    try:
        if not path.is_file():
            return None, None
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        return None, f"cannot be read ({exc.strerror})"
    if not raw.strip():
        return None, "it is empty"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        if DRAFT_KEY.encode() in raw or path.name.endswith(".draft.json"):
            return None, "it is not valid JSON (cut short?)"
        return None, None
    if not isinstance(data, dict) or data.get(DRAFT_KEY) is None:
        return (None, "it is not a wizard draft") if path.name.endswith(".draft.json") else (None, None)
    problem = _shape_problem(data)
    return (None, problem) if problem else (data, None)


def _shape_problem(data: dict[str, Any]) -> str | None:
    """What is wrong with the shape of a decoded draft, or None."""
    from ..io import validate

    if data.get(DRAFT_KEY) != 1:
        return f"unknown draft version {data.get(DRAFT_KEY)!r}"
    for key, kind in (("out", str), ("language", str), ("start", dict), ("answers", list)):
        if key in data and not isinstance(data[key], kind):
            return f"'{key}' is not a {kind.__name__}"
    if data.get("language", "fr") not in ("fr", "en"):
        return "'language' is neither fr nor en"
    for i, answer in enumerate(data.get("answers") or []):
        if not (isinstance(answer, list) and len(answer) == 2 and isinstance(answer[0], str)):
            return f"answers[{i}] is not a [question, answer] pair"
    try:
        validate(data.get("start") or {}, "start")
    except DpagenError as exc:
        return f"its start description is invalid ({exc.message})"
    return None


def set_aside(path: Path) -> Path:
    """Move a damaged draft out of the way, keeping it: ``x.draft.json`` → ``x.draft.damaged-<time>.json``."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    stem = path.name[: -len(".json")] if path.name.endswith(".json") else path.name
    target = path.with_name(f"{stem}.damaged-{stamp}.json")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{stem}.damaged-{stamp}-{n}.json")
    try:
        path.rename(target)
    except OSError as exc:
        raise UsageError(f"{path}: the draft is damaged and cannot be moved aside ({exc.strerror}); "
                         "move or fix it, then run the wizard again") from None
    return target


class Session:
    """Prepares the start state, runs the wizard, saves, then offers the check and the documents."""

    def __init__(self, prompter: Prompter, out: Path | None, from_file: Path | None, resume: bool,
                 language: str, labels: dict[str, dict[str, str]] | None = None, edit: bool = False,
                 section: str | None = None) -> None:
        self.prompter = prompter
        self.texts = Texts(language)
        self.language = language
        self.labels = labels
        self.from_file = from_file
        self.start: dict[str, Any] = {}
        self.replay: list[Answer] = []
        self.out = out or DEFAULT_OUT
        self.draft_path = draft_path_for(self.out)
        self.edited_file: Path | None = None  # a description saved back in place needs no confirmation
        self.saved: Path | None = None
        self.wizard: Wizard | None = None
        self.edit = edit  # straight to the review screen
        self.section = section
        if section is not None:
            from .questions import SECTION_IDS

            if section not in SECTION_IDS:
                raise UsageError(f"unknown section '{section}'", [f"sections: {', '.join(SECTION_IDS)}"])
        self._prepare(out, from_file, resume)

    def _prepare(self, out: Path | None, from_file: Path | None, resume: bool) -> None:
        from ..io import load, to_data

        draft = None
        if from_file is not None:
            draft, problem = inspect_draft(from_file)
            if problem is not None:
                raise UsageError(self.texts.msg("damaged_from", path=from_file, problem=problem))
            if draft is not None:
                self.out = out or Path(str(draft.get("out") or DEFAULT_OUT))
                self.draft_path = from_file
            else:
                self.start = to_data(load(from_file))
                self.edited_file = from_file
                self.out = out or from_file
                self.draft_path = draft_path_for(self.out)
        if draft is None:
            existing, problem = inspect_draft(self.draft_path)
            if problem is not None:
                self._damaged(self.draft_path, problem, resume)
            elif existing is None and resume:
                raise UsageError(self.texts.msg("no_draft", path=self.draft_path))
            if existing is not None and (resume or self.prompter.ask(Prompt(
                "session#draft", "confirm", self.texts.msg("draft_found", path=self.draft_path), default=True
            ))):
                draft = existing
        if draft is not None and self.edit:  # the draft's description as it stands, on the review screen
            self.start = dict(draft.get("description") or {})
        elif draft is not None:
            self.start = dict(draft.get("start") or {})
            self.replay = [list(a) for a in draft.get("answers") or [] if isinstance(a, list) and len(a) == 2]
            self.prompter.say(self.texts.msg("resuming", path=self.draft_path))

    def _damaged(self, path: Path, problem: str, resume: bool) -> None:
        """A damaged draft is kept aside (never overwritten); the user may start fresh or stop to fix it."""
        kept = set_aside(path)
        told = self.texts.msg("damaged", path=path, problem=problem, kept=kept)
        fix = self.texts.msg("damaged_fix", kept=kept)
        if resume:
            raise UsageError(told, [fix])
        self.prompter.say(told)
        if not self.prompter.ask(Prompt("session#fresh", "confirm", self.texts.msg("start_fresh"), default=True)):
            raise Interrupted(self.texts.msg("damaged_stop", kept=kept), [fix])

    # ---------------------------------------------------------------- draft

    def save_draft(self, wizard: Wizard) -> None:
        """Write the draft atomically (skipped while answers are being replayed)."""
        if wizard.replay:
            return
        data = {
            DRAFT_KEY: 1,
            "out": str(self.out),
            "language": self.language,
            "start": wizard.start,
            "answers": wizard.log,
            "description": wizard.state,
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        write_atomic(self.draft_path, text.encode("utf-8"), force=True)

    def resume_command(self) -> str:
        """The command that continues this session."""
        lang = " --lang en" if self.language == "en" else ""
        if self.draft_path == draft_path_for(self.out):
            out = "" if self.out == DEFAULT_OUT else f" --out {self.out}"
            return f"dpagen wizard --resume{out}{lang}"
        return f"dpagen wizard --from {self.draft_path}{lang}"

    # ---------------------------------------------------------------- running

    def run(self) -> int:
        """Ask everything, save, offer check and generation; Ctrl-C/Ctrl-D keep the draft and exit 130."""
        self.wizard = Wizard(self.prompter, self.language, start=self.start, replay=self.replay,
                             on_change=self.save_draft, labels=self.labels)
        try:
            self.prompter.say(self.texts.msg("welcome", draft=self.draft_path))
            if self.edit:
                self.wizard.final = True
                description = self.wizard.review(self.section)
            else:
                description = self.wizard.run()
            self.save(description)
            self.check(description)
            self.generate(description)
        except (KeyboardInterrupt, EOFError):
            raise self.interrupted() from None
        return 0

    def interrupted(self) -> Interrupted:
        """Save what there is and say how to go on."""
        if self.saved is not None:
            return Interrupted(self.texts.msg("interrupted_saved", path=self.saved))
        if self.wizard is not None:
            self.wizard.replay = []
            self.save_draft(self.wizard)
        return Interrupted(
            self.texts.msg("interrupted", draft=self.draft_path),
            [self.texts.msg("how_resume", command=self.resume_command())],
        )

    def _confirm(self, pid: str, message: str, default: bool) -> bool:
        return bool(self.prompter.ask(Prompt(pid, "confirm", message, default=default)))

    def save(self, description: Any) -> None:
        """Save the description (asking before replacing another file) and drop the draft."""
        from ..io import save

        target = self.out
        while target.exists() and not self._same(target, self.edited_file):
            if self._confirm("save#replace", self.texts.msg("replace", path=target), False):
                break
            answer = self.prompter.ask(Prompt("save#path", "text", self.texts.msg("other_path"),
                                              default=str(target)))
            target = Path(str(answer).strip() or target)
        save(description, target, force=True)
        self.saved = target
        if self.draft_path.is_file():
            self.draft_path.unlink()
        self.prompter.say(self.texts.msg("saved", path=target))

    @staticmethod
    def _same(a: Path, b: Path | None) -> bool:
        return b is not None and a.resolve() == b.resolve()

    def check(self, description: Any) -> None:
        """Offer the compliance check when it is installed."""
        try:
            from ..rules import check
        except ImportError:
            return
        if not self._confirm("final#check", self.texts.msg("run_check"), True):
            return
        findings = list(check(description))
        for finding in findings:
            self.prompter.say(finding.line(self.language))
        if not findings:
            self.prompter.say(self.texts.msg("no_findings"))

    def generate(self, description: Any) -> None:
        """Offer to write the documents."""
        if not self._confirm("final#generate", self.texts.msg("generate"), False):
            return
        from ..clauses import load_library
        from ..generate import DOCUMENT_ORDER, Request, generate

        library = load_library()
        documents = [d for d in DOCUMENT_ORDER if d in library.documents]
        choices = [("all", self.texts.msg("all_docs")), *[(d, d) for d in documents]]
        document = self.prompter.ask(Prompt("final#document", "select", self.texts.msg("which_doc"),
                                            default="all", choices=choices))
        formats = self.prompter.ask(Prompt("final#formats", "checkbox", self.texts.msg("formats"),
                                           default=["docx", "pdf"],
                                           choices=[(f, f.upper()) for f in ("docx", "pdf", "html", "md")]))
        # Empty by default (the message says Enter means the current folder): a pre-typed "." would be
        # appended to by whatever the user types.
        folder = self.prompter.ask(Prompt("final#folder", "text", self.texts.msg("out_dir"), default=""))
        draft = self._confirm("final#draft", self.texts.msg("as_draft"), False)
        while True:
            request = Request(documents=[document], formats=list(formats) or ["docx"],
                              out_dir=Path(str(folder).strip() or "."), draft=draft)
            try:
                written = generate(description, request, library)
            except DpagenError as exc:
                self.prompter.say(self.texts.msg("failed"))
                self.prompter.say(exc.render())
                if isinstance(exc, IncompleteError) and not draft and self._confirm(
                    "final#draft", self.texts.msg("as_draft"), True
                ):
                    draft = True
                    continue
                return
            for path in written:
                self.prompter.say(self.texts.msg("wrote", path=path))
            return


def find_draft(folder: Path) -> Path | None:
    """The one wizard draft in a folder, damaged or not, for `--resume` without `--out` (None: none)."""
    drafts = sorted(p for p in folder.glob("*.draft.json") if inspect_draft(p) != (None, None))
    if len(drafts) > 1:
        names = ", ".join(p.name for p in drafts)
        raise UsageError(f"several drafts here ({names}): say which with --out FILE or --from DRAFT")
    return drafts[0] if drafts else None


def run_wizard(out: Path | None, from_file: Path | None, resume: bool, language: str | None,
               edit: bool = False, section: str | None = None) -> int:
    """`dpagen wizard`: refuse without a terminal (exit 2), else run a session in it.

    ``--resume`` without ``--out`` takes the one draft of the current folder; a resumed draft keeps the
    language it was started in unless ``--lang`` says otherwise.
    """
    if resume and out is None and from_file is None:
        from_file = find_draft(Path("."))
    draft_path = from_file if from_file is not None else (draft_path_for(out) if out is not None else None)
    draft = read_draft(draft_path) if resume and draft_path is not None and draft_path.is_file() else None
    if language is None:
        language = str(draft.get("language") or "fr") if draft else "fr"
    texts = Texts(language)
    if not sys.stdin.isatty():
        raise UsageError(texts.msg("no_tty"))
    from .prompts import TerminalPrompter

    return Session(TerminalPrompter(language), out, from_file, resume, language, edit=edit,
                   section=section).run()
