"""`dpagen breach`: describe an incident (new) and see its clocks and gaps (status)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import EXIT_OK, UsageError


def add_breach_command(sub: Any) -> None:
    """Register `dpagen breach new|status` on the main parser's subcommands."""
    parser = sub.add_parser(
        "breach", help="describe a personal-data breach and follow its deadlines",
        description="The breach kit (Arts 33 and 34). 'new' writes an incident file, from questions in the\n"
        "terminal or from a JSON file; 'status' prints each notification's clock and what is missing.\n"
        "Documents: dpagen generate DESCRIPTION --incident INCIDENT --doc breach",
        epilog="example:\n  dpagen breach new --out incident.json\n"
        "  dpagen breach status incident.json examples/avm-up.json",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="breach_command", metavar="VERB", required=True)
    new = verbs.add_parser("new", help="write an incident file")
    new.add_argument("--out", type=Path, required=True, help="incident file to write")
    new.add_argument("--from", dest="from_file", type=Path, help="take the incident from a JSON file (no questions)")
    new.add_argument("--lang", choices=("fr", "en"), default="fr", help="language of the questions")
    new.add_argument("--force", action="store_true", help="replace --out if it exists")
    new.set_defaults(breach_run=cmd_new)
    status = verbs.add_parser("status", help="print the clocks and what each document still lacks")
    status.add_argument("incident", type=Path, metavar="INCIDENT")
    status.add_argument("descriptions", type=Path, nargs="*", metavar="DESCRIPTION",
                        help="the description(s) of the client(s): the processor's delay comes from each contract")
    status.add_argument("--now", help="the time to count from (ISO 8601; default: now)")
    status.set_defaults(breach_run=cmd_status)


def cmd_new(args: argparse.Namespace) -> int:
    """Write an incident file from questions or from JSON, after validating it."""
    from ..output import status, write_atomic
    from .model import Incident, incident_json, load_incident

    if args.from_file is not None:
        incident = load_incident(args.from_file)
    else:
        if not sys.stdin.isatty():
            raise UsageError("'dpagen breach new' asks its questions in a terminal; without one, give the "
                             "incident as JSON: dpagen breach new --from incident.json --out FILE")
        from pydantic import ValidationError

        from ..errors import DescriptionError
        from ..io import validation_lines
        from ..wizard.prompts import TerminalPrompter
        from .questions import ask_incident

        try:
            data = ask_incident(TerminalPrompter(args.lang), args.lang, dt.datetime.now())
        except (KeyboardInterrupt, EOFError):
            from ..errors import Interrupted

            raise Interrupted("interrupted: no incident file written") from None
        try:
            incident = Incident.model_validate(data)
        except ValidationError as exc:
            raise DescriptionError("the answers do not make a valid incident", validation_lines(exc)) from None
    write_atomic(args.out, incident_json(incident).encode("utf-8"), force=args.force)
    status(f"wrote {args.out}")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    """Print each clock (hours left or overdue) and each document's missing items, per client."""
    from ..io import load
    from ..model import Description
    from .model import load_incident
    from .status import status_lines

    incident = load_incident(args.incident)
    now = dt.datetime.now(dt.UTC)
    if args.now:
        try:
            now = dt.datetime.fromisoformat(args.now)
        except ValueError:
            raise UsageError(f"--now: '{args.now}' is not an ISO 8601 time") from None
        if now.tzinfo is None:
            now = now.replace(tzinfo=incident.zone)
    descriptions: list[Description] = [load(p) for p in args.descriptions]
    lines = status_lines(incident, descriptions, now)
    print("\n".join(lines))
    _ = json  # the JSON route is `dpagen breach new --from`
    return EXIT_OK
