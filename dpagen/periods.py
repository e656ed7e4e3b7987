"""Calendar arithmetic for notice periods: a date plus days, months or years, month ends and leap years."""

from __future__ import annotations

import calendar
import datetime as dt


def add_period(start: dt.date, value: int, unit: str = "days") -> dt.date:
    """``start`` plus a period.

    A month or year landing past the end of a month stops at its last day (31 January + 1 month =
    28 or 29 February; 29 February 2028 + 1 year = 28 February 2029).
    """
    if unit == "days":
        return start + dt.timedelta(days=value)
    months = value * 12 if unit == "years" else value
    if unit not in ("months", "years"):
        raise ValueError(f"unknown unit of time: {unit}")
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def parse_date(text: str, option: str = "--date") -> dt.date:
    """A YYYY-MM-DD date given on the command line, or a UsageError naming the option."""
    from .errors import UsageError

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: expected a date as YYYY-MM-DD, found {text!r}") from None
