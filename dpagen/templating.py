"""The single Jinja environment for clause text: sandboxed, strict, and blank-aware.

Clause text is rendered to plain text carrying invisible markers (control characters the model
refuses in user text): a value printed from the description is wrapped so that the block parser
never reads structure into it, and a missing value becomes a blank (in a draft) or an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterator
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, FileSystemBytecodeCache, FunctionLoader, StrictUndefined, TemplateError
from pydantic import BaseModel

from .errors import TemplateError as DpagenTemplateError
from .sandbox_limits import BoundedSandbox, TemplateLimit, check_output, time_limit
from .translation import translatable

VALUE_OPEN, VALUE_CLOSE = "\x02", "\x03"

_STOP_BEFORE_PUNCTUATION = re.compile("(?<![.])\\." + VALUE_CLOSE + "([ \u00a0]?[;:.])")
"""A value ending in a full stop that the clause follows with its own punctuation ("refused.;")."""


def tidy_punctuation(text: str) -> str:
    """Drop the full stop that ends a user's value when the clause's text goes on with ";", ":" or "."."""
    return _STOP_BEFORE_PUNCTUATION.sub(VALUE_CLOSE + r"\1", text)
BLANK_OPEN, BLANK_CLOSE = "\x04", "\x05"

MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "en": "January February March April May June July August September October November December".split(),
}


class Missing:
    """A value the description does not give: falsy, iterable as empty, printed as a blank."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __bool__(self) -> bool:
        return False

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def __len__(self) -> int:
        return 0

    def __getattr__(self, name: str) -> Missing:
        if name.startswith("_"):
            raise AttributeError(name)
        return Missing(f"{self.path}.{name}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Missing) or other is None

    def __hash__(self) -> int:
        return hash(self.path)

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return f"Missing({self.path!r})"


class ModelProxy:
    """Read-only view of a pydantic model for templates: fields and public properties only.

    ``translations``: the description's texts in the document's language (see ``translation``).
    """

    def __init__(self, model: BaseModel, path: str, translations: dict[str, str] | None = None) -> None:
        object.__setattr__(self, "_model", model)
        object.__setattr__(self, "_path", path)
        object.__setattr__(self, "_translations", translations or {})

    def __getattr__(self, name: str) -> Any:
        model = object.__getattribute__(self, "_model")
        path = object.__getattribute__(self, "_path")
        cls = type(model)
        if name in cls.model_fields or isinstance(getattr(cls, name, None), property):
            translations = object.__getattribute__(self, "_translations")
            return wrap(getattr(model, name), f"{path}.{name}" if path else name, translations)
        raise AttributeError(f"'{path or 'description'}' has no field '{name}'")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("descriptions are read-only in templates")

    def __bool__(self) -> bool:
        return True

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ModelProxy):
            return bool(unwrap(self) == unwrap(other))
        return NotImplemented

    def __hash__(self) -> int:
        return id(object.__getattribute__(self, "_model"))

    def __str__(self) -> str:
        raise DpagenTemplateError(f"a template prints the whole object '{object.__getattribute__(self, '_path')}'")


class ListProxy(list[Any]):
    """A list of wrapped values that remembers its path."""

    def __init__(self, items: list[Any], path: str, translations: dict[str, str] | None = None) -> None:
        super().__init__(wrap(v, f"{path}[{i}]", translations) for i, v in enumerate(items))
        self.path = path


def wrap(value: Any, path: str, translations: dict[str, str] | None = None) -> Any:
    """Wrap a model value for templates; a text is given in the document's language when translated."""
    if value is None:
        return Missing(path)
    if isinstance(value, BaseModel):
        return ModelProxy(value, path, translations)
    if isinstance(value, list):
        return ListProxy(value, path, translations)
    if (
        translations and isinstance(value, str) and not isinstance(value, Enum) and value in translations
        and translatable(path)
    ):
        return translations[value]
    return value


def unwrap(value: Any) -> Any:
    """The model object behind a proxy."""
    if isinstance(value, ModelProxy):
        return object.__getattribute__(value, "_model")
    if isinstance(value, ListProxy):
        return [unwrap(v) for v in value]
    if isinstance(value, Missing):
        return None
    return value


@cache
def bytecode_cache() -> BytecodeCache | None:
    """Compiled clause templates kept between runs (see ``cache``); None when caching is off or impossible.

    Compiling the clause library is most of a build's time; the cache checks each template's source,
    so an edited clause is compiled again. ``DPAGEN_NO_CACHE=1`` turns it off.
    """
    from .cache import cache_dir

    folder = cache_dir("jinja-bounded")  # templates compiled with the limits of sandbox_limits
    return _PrivateBytecodeCache(str(folder)) if folder is not None else None


class _PrivateBytecodeCache(FileSystemBytecodeCache):
    """Jinja's file cache, reading only private files of this user (compiled code must be ours).

    A failing disk (full, read-only) never fails a command: the template is compiled instead.
    """

    def load_bytecode(self, bucket: Any) -> None:
        from .cache import is_private

        if is_private(Path(self._get_cache_filename(bucket)), folder=False):
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError):
                bucket.reset()

    def dump_bytecode(self, bucket: Any) -> None:
        from .cache import warn_once

        try:
            super().dump_bytecode(bucket)
        except OSError as exc:
            warn_once(f"cannot write to {self.directory} ({exc.strerror})")


class _Environment(BoundedSandbox):
    """The sandbox, with errors that name the description's field when a template misspells one."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, ModelProxy) and not attribute.startswith("_"):
            try:
                return getattr(obj, attribute)
            except AttributeError as exc:
                raise DpagenTemplateError(str(exc)) from None
        return super().getattr(obj, attribute)


_VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"


class Renderer:
    """Renders clause templates for one document in one language, collecting blanks."""

    def __init__(
        self,
        language: str,
        labels: dict[str, dict[str, str]],
        *,
        draft: bool,
        globals_: dict[str, Any] | None = None,
    ) -> None:
        self.language = language
        self.labels = labels
        self.draft = draft
        self.missing: list[str] = []
        self._sources: dict[str, str] = {}
        env = _Environment(
            loader=FunctionLoader(self._sources.get),
            bytecode_cache=bytecode_cache(),
            auto_reload=False,
            undefined=StrictUndefined,
            autoescape=False,  # output is plain text; each writer escapes for its own format
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            finalize=self._finalize,
        )
        env.filters.update(
            label=self.label,
            date=self.date,
            country=self.country,
            countries=self.countries,
            law=self.law,
            and_list=self.and_list,
            or_list=lambda items: self.and_list(items, "or"),
            duration=self.duration,
            plural=self.plural,
            blank=self.blank,
            after=self.after,
        )
        env.globals.update(globals_ or {})
        env.globals["lang"] = language
        env.globals["missing"] = self.blank
        self.env = env
        self._cache: dict[str, Any] = {}

    # -- rendering -------------------------------------------------------------------------------
    def render(self, source: str, context: dict[str, Any], where: str) -> str:
        """Render a template string; ``where`` names it in errors."""
        try:
            template = self._cache.get(source)
            if template is None:
                name = hashlib.sha256(source.encode("utf-8")).hexdigest()
                self._sources[name] = source
                template = self._cache[source] = self.env.get_template(name)
            self.env.start()
            with time_limit():
                return check_output(tidy_punctuation(str(template.render(context))))
        except DpagenTemplateError as exc:
            raise DpagenTemplateError(f"{where}: {exc.message}") from None
        except TemplateLimit as exc:
            raise DpagenTemplateError(f"{where}: too much work for a clause: {exc}") from None
        except TemplateError as exc:
            raise DpagenTemplateError(f"{where}: {exc.message or exc}") from None
        except RecursionError:
            raise DpagenTemplateError(f"{where}: the template recurses too deeply") from None
        except MemoryError:
            raise DpagenTemplateError(f"{where}: the template needs more memory than there is") from None
        except Exception as exc:  # user-written templates: a filter on the wrong type, a division by zero…
            raise DpagenTemplateError(f"{where}: {type(exc).__name__}: {exc}") from None

    def condition(self, expression: str, context: dict[str, Any], where: str) -> bool:
        """Evaluate a clause's ``applies_when`` expression."""
        try:
            self.env.start()
            with time_limit():
                return bool(self.env.compile_expression(expression, undefined_to_none=False)(**context))
        except DpagenTemplateError as exc:
            raise DpagenTemplateError(f"{where}: condition '{expression}': {exc.message}") from None
        except TemplateError as exc:
            raise DpagenTemplateError(f"{where}: condition '{expression}': {exc.message or exc}") from None
        except (RecursionError, MemoryError, Exception) as exc:  # user-written: report, never a traceback
            raise DpagenTemplateError(f"{where}: condition '{expression}': {type(exc).__name__}: {exc}") from None

    def _finalize(self, value: Any) -> str:
        if isinstance(value, Missing):
            return self.blank(value)
        if isinstance(value, (ModelProxy, ListProxy)):
            what = value.path if isinstance(value, ListProxy) else "an object"
            raise DpagenTemplateError(f"a template prints {what} instead of a value")
        if isinstance(value, Enum):
            return self._value(self.label(value))
        if isinstance(value, dt.date):
            return self._value(self.date(value))
        if isinstance(value, bool):
            return self._value(self.labels["bool"][str(value).lower()])
        if isinstance(value, str) and (BLANK_OPEN in value or VALUE_OPEN in value):
            return value  # already rendered by a filter
        return self._value(str(value))

    @staticmethod
    def _value(text: str) -> str:
        return VALUE_OPEN + " ".join(text.split("\n")) + VALUE_CLOSE

    # -- filters ---------------------------------------------------------------------------------
    def blank(self, value: Any, hint: str | None = None) -> str:
        """A visible blank for a missing value (draft), recorded for the final refusal otherwise."""
        path = value.path if isinstance(value, Missing) else str(value)
        if path not in self.missing:
            self.missing.append(path)
        word = self.labels["writer"]["blank"]
        colon = "\u00a0:" if self.language == "fr" else ":"
        if hint is None:
            from .fieldnames import question

            asked = question(path, self.language)
            hint = f"{asked} ({path})" if asked else path
        return f"{BLANK_OPEN}[●] {word}{colon} {hint}{BLANK_CLOSE}"

    def label(self, value: Any) -> str:
        """Localised label of an enum value, e.g. LegalBasis.CONTRACT → 'exécution du contrat'."""
        if isinstance(value, Missing):
            return self.blank(value)
        if not isinstance(value, Enum):
            return str(value)
        group = self.labels.get(type(value).__name__, {})
        text = group.get(value.value)
        if text is None:
            raise DpagenTemplateError(f"no {self.language} label for {type(value).__name__}.{value.value}")
        return text

    def date(self, value: Any) -> str:
        """A date written out: '25 novembre 2026' / '25 November 2026'."""
        if isinstance(value, Missing):
            return self.blank(value)
        day = "1er" if value.day == 1 and self.language == "fr" else str(value.day)
        return f"{day} {MONTHS[self.language][value.month - 1]} {value.year}"

    def country(self, value: Any) -> str:
        """A country's name from its ISO code."""
        if isinstance(value, Missing):
            return self.blank(value)
        from .geo import country_name

        return country_name(str(value), self.language)

    def law(self, value: Any) -> str:
        """A country's law by its ISO code, with its article: « le droit français », "French law"."""
        if isinstance(value, Missing):
            return self.blank(value)
        from .geo import law_of

        return self._value(law_of(str(value), self.language))

    def countries(self, values: Any) -> str:
        """Several country names, deduplicated, as a list in words."""
        names = list(dict.fromkeys(self.country(v) for v in values if v))
        return self.and_list(names)

    def and_list(self, items: Any, word: str = "and") -> str:
        """'a, b and c' / 'a, b et c'."""
        parts = [self._finalize(i) if not isinstance(i, str) else i for i in items]
        parts = [p for p in parts if p]
        if not parts:
            return ""
        joiner = self.labels["writer"][word]
        if len(parts) == 1:
            return parts[0]
        return ", ".join(parts[:-1]) + f" {joiner} " + parts[-1]

    def plural(self, value: Any, one: str, many: str) -> str:
        """A count and its unit word, e.g. '30 jours', '1 day' (in French 0 and 1 take the singular)."""
        if isinstance(value, Missing):
            return self.blank(value)
        singular = value < 2 if self.language == "fr" else value == 1
        return f"{self._value(str(value))} {one if singular else many}"

    def after(self, value: Any, word: str) -> str:
        """A word, then the value: in French the word is elided before a vowel ("qu'AVM Up", "d'Amazon").

        For the small words that elide (de, que, le, la, jusque, lorsque…): ``{{ name | after('que') }}``.
        """
        text = self._finalize(value)
        start = "" if isinstance(value, Missing) else str(unwrap(value)).lstrip()[:1].lower()
        if self.language == "fr" and word[-1:] in ("e", "a") and start and start in _VOWELS:
            return f"{word[:-1]}'{text}"
        return f"{word} {text}"

    def duration(self, value: Any) -> str:
        """A Duration as words: '3 ans', '13 months'."""
        if isinstance(value, Missing):
            return self.blank(value)
        unit = unwrap(value.unit)
        key = f"{unit.value}_one" if value.value == 1 else unit.value
        return f"{value.value} {self.labels['writer'][key]}"


def make_context(
    root: BaseModel, extra: dict[str, Any], translations: dict[str, str] | None = None
) -> dict[str, Any]:
    """Template context: the description's fields at top level (texts translated), plus extras."""
    proxy = ModelProxy(root, "", translations)
    context: dict[str, Any] = {name: getattr(proxy, name) for name in type(root).model_fields}
    context["d"] = proxy
    context.update(extra)
    return context


Filter = Callable[..., str]
