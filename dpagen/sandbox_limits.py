"""Bounds on the work a template may ask for: clause libraries and letterheads come from users.

Jinja's sandbox stops a template from reaching Python's internals, not from running for ever or filling
memory. :class:`BoundedSandbox` adds, per render:

- a budget of loop steps over ``range`` (nested ranges multiply) and a wall-clock limit per render;
- refusals of results that would be huge before they are built: ``'x' * 10**9``, ``10 ** 10**8``,
  ``'%999999999s' % x``, ``'x'.ljust(10**9)``, ``x | center(10**9)``;
- a cap on the size of each rendered text.

Python's own recursion limit ends deep recursion; the caller reports it with the template's name.
"""

from __future__ import annotations

import functools
import operator
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_STEPS = 200_000  # loop steps over range() in one render
MAX_SECONDS = 10.0  # one render
MAX_SIZE = 2_000_000  # characters (or items) of any value a template builds, and of each render's text
MAX_INT = 10**6  # the largest count, width or exponent a template may pass
_WIDE_FORMAT = re.compile(r"[%{][^%{}]*?\d{7,}")


class TemplateLimit(SecurityError):
    """A template asked for more work or memory than any document needs."""


class _Budget:
    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise TemplateLimit(f"more than {MAX_STEPS:,} loop steps over range()")
        if self.steps % 1024 == 0 and time.monotonic() > self.deadline:
            raise TemplateLimit(f"rendering took more than {MAX_SECONDS:g} s")


def _check_int(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        raise TemplateLimit(f"the number {value if abs(value) < 10**30 else 'of over 30 digits'} is too large "
                            f"(at most {MAX_INT:,})")


def _check_format(value: Any) -> None:
    if isinstance(value, str) and _WIDE_FORMAT.search(value):
        raise TemplateLimit("a format with a width or precision of 7 digits or more")


def _size(value: Any) -> int:
    try:
        return len(value)
    except TypeError:
        return 0


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """An immutable sandbox that refuses huge values and bounds loops and time (see the module)."""

    intercepted_binops = frozenset(["*", "**", "%", "+"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._budget = _Budget()
        self.globals["range"] = self._range
        for name in _SIZED_FILTERS:
            self.filters[name] = _guarded(self.filters[name])

    def start(self) -> None:
        """Begin a render: a fresh budget of steps and time."""
        self._budget = _Budget()

    def _range(self, *args: int) -> Iterator[int]:
        for arg in args:
            _check_int(arg)
        budget = self._budget

        def counted() -> Iterator[int]:
            for i in range(*args):
                budget.step()
                yield i

        return counted()

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        """An arithmetic operator, refused when its result would be huge."""
        if op == "**":
            _check_int(right)
            if isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right * max(
                abs(left).bit_length(), 1
            ) > 64 * 1024:
                raise TemplateLimit("a power too large to compute")
        elif op == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_SIZE:
                    raise TemplateLimit(f"a value of over {MAX_SIZE:,} characters or items")
            if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > 4096:
                raise TemplateLimit("a product too large to compute")
        elif op == "%" and isinstance(left, str):
            _check_format(left)
        elif op == "+" and _size(left) + _size(right) > MAX_SIZE:
            raise TemplateLimit(f"a value of over {MAX_SIZE:,} characters or items")
        return _OPS[op](left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """A call, refused with a huge count or width, or when it returns a huge value."""
        for value in (*args, *kwargs.values()):
            _check_int(value)
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)  # the sandbox wraps str.format
        if isinstance(owner, str) and getattr(__obj, "__name__", "") in ("format", "format_map"):
            _check_format(owner)
        result = super().call(__context, __obj, *args, **kwargs)
        if _size(result) > MAX_SIZE:
            raise TemplateLimit(f"a value of over {MAX_SIZE:,} characters or items")
        return result


# Built-in filters that take a count or a width: center, indent, wordwrap, truncate, batch, slice, format.
_SIZED_FILTERS = ("center", "indent", "wordwrap", "truncate", "batch", "slice", "format")

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul, "**": operator.pow, "%": operator.mod, "+": operator.add, "//": operator.floordiv,
}


def _guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge counts and widths before it runs, and huge results after."""

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1:], *kwargs.values()):
            _check_int(value)
        if func.__name__ == "do_format" and args:
            _check_format(args[0])  # the format string: "%999999999s" | format(x)
        result = func(*args, **kwargs)
        if _size(result) > MAX_SIZE:
            raise TemplateLimit(f"a value of over {MAX_SIZE:,} characters or items")
        return result

    return guarded


@contextmanager
def time_limit(seconds: float | None = None) -> Iterator[None]:
    """Stop the block with TemplateLimit after ``seconds``; a timer already running is put back afterwards.

    Only in the main thread on Unix (elsewhere the budget of loop steps still applies).
    """
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    limit = MAX_SECONDS if seconds is None else seconds

    def expired(signum: int, frame: Any) -> None:
        raise TemplateLimit(f"rendering took more than {limit:g} s")

    previous = signal.signal(signal.SIGALRM, expired)
    before = signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if before[0]:
            signal.setitimer(signal.ITIMER_REAL, *before)


def check_output(text: str) -> str:
    """A render's text, refused when it is larger than any document part needs."""
    if len(text) > MAX_SIZE:
        raise TemplateLimit(f"the rendered text is over {MAX_SIZE:,} characters")
    return text
