"""The `dpagen` command: parses arguments, calls the library, turns DpagenError into a message.

Anything that is not a DpagenError is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import EXIT_OK, DpagenError, UsageError
from .writers import PDF_VARIANTS

DOCUMENTS = ("dpa", "privacy-notice", "processor-charter", "subprocessors", "change-notice", "all", "record",
             "breach", "breach-controller-notice", "breach-authority-notice", "breach-communication",
             "breach-register")


def _fmt(description: str, example: str) -> dict[str, Any]:
    return {
        "description": description,
        "epilog": f"example:\n  {example}",
        "formatter_class": argparse.RawDescriptionHelpFormatter,
    }


def _positive(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("expected at least 1")
    return value


def _command(sub: Any, name: str, summary: str, description: str, example: str) -> argparse.ArgumentParser:
    """A subcommand whose --help says what it does and ends with an example."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=summary, **_fmt(description, example))
    return parser


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="dpagen",
        **_fmt(
            "Draft GDPR documents (Art. 28 contract, privacy notice, processor charter, subprocessor list)\n"
            "in French and English, as DOCX, PDF, HTML and Markdown, from one JSON description.",
            "dpagen init --example avm-up --out desc.json && dpagen generate desc.json --doc dpa",
        ),
    )
    parser.add_argument("--version", action="version", version=f"dpagen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = _command(
        sub,
        "init",
        "write an example description to start from",
        "Write a complete example description to start from.",
        "dpagen init --example okasio --out my.json",
    )
    p.add_argument("--example", default="avm-up", help="example name (see --list); default: avm-up")
    p.add_argument("--out", type=Path, help="file to write (default: print to standard output)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.add_argument("--list", action="store_true", help="list the bundled examples and exit")

    p = _command(
        sub,
        "validate",
        "check that descriptions fit the model",
        "Load each description and report every problem at once, with its JSON path.\n"
        "Exit status: 0 all valid, 1 a description is invalid, 2 a file cannot be read.",
        "dpagen validate examples/*.json",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")

    p = _command(
        sub,
        "schema",
        "print the JSON Schema of a description",
        "Print the JSON Schema of the description, for editors such as VS Code.",
        "dpagen schema --out dpagen.schema.json",
    )
    p.add_argument("--out", type=Path, help="file to write (default: standard output)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    p = _command(
        sub,
        "check",
        "review descriptions as a DPO would, citing GDPR articles",
        "Review each description and list findings (rule id, severity, article, JSON path, advice).\n"
        "Exit status: 0 no errors, 1 errors found, 2 unusable input.",
        "dpagen check examples/okasio.json --format json",
    )
    p.add_argument("files", nargs="*", type=Path, metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    p.add_argument("--lang", choices=("fr", "en"), help="language of the findings (default: the description's)")
    p.add_argument("--rules", action="store_true", help="list every rule with its articles and checklist items")
    p.add_argument("--since", type=Path, metavar="OLD",
                   help="the previous description: warn when the documents changed but not their version or date")

    p = _command(
        sub,
        "generate",
        "write the documents",
        "Write documents for the relationships described in FILE(s). Without --format: DOCX and PDF.\n"
        "Without --draft, an incomplete or non-compliant description is refused with the list of gaps;\n"
        "with --doc all, every document that can be finalised is written and the others are listed.\n"
        "With several files or a folder, each description's documents go to a folder of their own under\n"
        "--out (named after the file), on --jobs processes. Exit status: 0 everything written, 1 some\n"
        "document refused, 2 some input unusable, 130 interrupted.",
        "dpagen generate clients/ --doc all --format docx,pdf --out out/ --report report.json",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="description files or folders of them")
    p.add_argument("--doc", default="dpa", choices=DOCUMENTS, help="document to write (default: dpa)")
    p.add_argument("--lang", choices=("fr", "en"), help="language (default: the description's)")
    p.add_argument("--format", default="docx,pdf",
                   help="comma-separated: docx,pdf,html,md, and xlsx for --doc record (default: docx,pdf)")
    p.add_argument("--incident", type=Path, metavar="INCIDENT",
                   help="incident file (dpagen breach new) the breach documents are drafted from")
    p.add_argument("--now", metavar="TIME",
                   help="when the breach documents are sent (ISO 8601, read in the incident's time zone without an "
                   "offset; default: the incident's drafted_at): dates them and judges each deadline")
    p.add_argument("--client", type=Path, action="append", default=[], metavar="FILE",
                   help="another client's description, for --doc record (one section per controller) and the "
                   "breach documents (one set per client involved); repeatable")
    p.add_argument("--out", type=Path, default=Path("."), help="output folder (default: current folder)")
    p.add_argument("--draft", action="store_true", help="render gaps as visible blanks and mark the document DRAFT")
    p.add_argument("--force", action="store_true", help="replace existing files")
    p.add_argument("--clauses", type=Path, action="append", default=[], metavar="DIR",
                   help="folder of clause files that replace or extend dpagen's (repeatable)")
    p.add_argument("--template", type=Path, action="append", default=[], metavar="FILE",
                   help="your own Word template (.docx: letterhead, styles) for DOCX, or a house stylesheet "
                   "(.css) for HTML and PDF; repeatable")
    p.add_argument("--since", type=Path, metavar="OLD",
                   help="with --doc change-notice, the letters announcing the changes since OLD: the previous "
                   "description, the previous version of the profile the clients extend, or a folder of the "
                   "clients' previous descriptions (matched by file name)")
    p.add_argument("--redline", type=Path, metavar="OLD",
                   help="mark the changes since OLD (Word tracked changes in DOCX); OLD as for --since")
    p.add_argument("--profile", type=Path, metavar="PROFILE",
                   help="generate as if the descriptions extended PROFILE instead of the profile of the same "
                   "file name (else their root profile): e.g. the notices of an intended change of profile")
    p.add_argument("--date", dest="notice_date", metavar="YYYY-MM-DD",
                   help="date of the change notice, from which its periods run (default: today)")

    p.add_argument("--pdf-variant", choices=PDF_VARIANTS, help="pdf/ua-1: tagged, accessible; pdf/a-3b: archival")
    p.add_argument("--jobs", type=_positive, metavar="N", help="worker processes (default: the number of cores)")
    p.add_argument("--report", type=Path, metavar="FILE",
                   help="write a JSON report: per description, its status, files, refusals, inputs' SHA-256")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="send the work to a Dask distributed cluster (needs: pip install 'dpagen[dask]')")

    p = _command(
        sub,
        "diff",
        "list what changed between two descriptions, and what each change requires",
        "Compare two descriptions (OLD, then NEW) and list the changes by group, each with its consequence:\n"
        "prior notice with a right to object (general authorisation, Art. 28(2) GDPR), prior written\n"
        "authorisation (specific authorisation), an amendment to sign, or information only.\n"
        "Exit status: 0 nothing changed, 1 something changed, 2 unusable input.",
        "dpagen diff clients/acme-2025.json clients/acme-2026.json --format json",
    )
    p.add_argument("old", type=Path, metavar="OLD")
    p.add_argument("new", type=Path, metavar="NEW")
    p.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")
    p.add_argument("--lang", choices=("fr", "en"), help="language of the consequences (default: en)")

    p = _command(
        sub,
        "provenance",
        "say which inputs and clauses a generated file was made from",
        "Print the provenance a generated file carries (dpagen version, SHA-256 of each input file, clause\n"
        "ids and versions, options). With --against, say whether DESCRIPTION is the one it was made from.\n"
        "Exit status: 0 it matches (or no --against), 1 it does not, 2 no provenance in the file.",
        "dpagen provenance out/dpa-cabinet-martin-avm-up-fr.docx --against examples/avm-up.json",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--against", type=Path, metavar="DESCRIPTION", help="the description to compare with")
    p.add_argument("--format", choices=("text", "json"), default="text", dest="output_format")

    p = _command(
        sub,
        "resolve",
        "print a description merged with the profiles it extends",
        "Print the description that will be drafted: FILE merged with the profiles it extends\n"
        "(objects merged key by key, lists and values replaced, null clears), as stable JSON.",
        "dpagen resolve examples/clients/cabinet-martin.json",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--out", type=Path, help="file to write (default: standard output)")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    p = _command(
        sub,
        "clients",
        "client tables: one client description per row of a CSV file",
        "Client tables. 'import' writes one description per row of a CSV file (UTF-8, with or without\n"
        "BOM, ',' or ';'), each extending a profile; the header row names JSON paths of the description\n"
        "(controller.legal_name, main_agreement.reference, subprocessor_policy.notice_days, …).",
        "dpagen clients import clients.csv --profile avm-up-profile.json --out clients/",
    )
    clients = p.add_subparsers(dest="clients_command", metavar="ACTION", required=True)
    p = clients.add_parser("import", help="write one client description per CSV row",
                           **_fmt("Write one client description per row of a CSV file; each extends the "
                                  "profile.\nEvery bad cell is reported with its row and column; a bad row "
                                  "writes nothing unless --skip-bad.",
                                  "dpagen clients import clients.csv --profile profile.json --out clients/"))
    p.add_argument("table", type=Path, metavar="CSV")
    p.add_argument("--profile", type=Path, required=True, help="the profile every client extends")
    p.add_argument("--out", type=Path, required=True, help="folder for the client descriptions")
    p.add_argument("--skip-bad", action="store_true", help="write the good rows even when some rows are bad")
    p.add_argument("--force", action="store_true", help="replace existing client files")

    p = _command(
        sub,
        "translations",
        "list the description's texts still to translate for documents in another language",
        "For documents in a language other than the description's own, its texts (activities, purposes,\n"
        "data categories, measures…) are taken from its 'translations'. Print those still missing, as JSON\n"
        "to fill in; with --write, add them to FILE with empty translations. Names, addresses, e-mails and\n"
        "identifiers are never translated.",
        "dpagen translations examples/avm-up.json --lang en --write",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--lang", choices=("fr", "en"), required=True, help="language of the documents to come")
    p.add_argument("--write", action="store_true", help="add the missing texts to FILE, with empty translations")
    p.add_argument("--description", type=Path, metavar="DESCRIPTION",
                   help="for an incident: leave out the names its description already translates (activities, "
                   "data categories, subprocessors)")

    p = _command(
        sub,
        "wizard",
        "answer questions in the terminal to write a description",
        "Ask, in the terminal, for everything a description holds; save a draft after every answer.",
        "dpagen wizard --out my.json --lang en",
    )
    p.add_argument("--out", type=Path, help="description file to write (default: description.json)")
    p.add_argument("--from", dest="from_file", type=Path, help="start from an existing description or draft")
    p.add_argument("--resume", action="store_true",
                   help="continue an interrupted session (its draft: --out's, else the one in this folder)")
    p.add_argument("--edit", type=Path, metavar="FILE",
                   help="open FILE (a description or a draft) on the review screen: change any answer, save in place")
    p.add_argument("--section", metavar="NAME",
                   help="with --edit: open this part first (document, parties, hosting, breach, …)")
    p.add_argument("--lang", choices=("fr", "en"),
                   help="language of the questions (default: fr, or the language a resumed draft was started in)")
    p.add_argument("--profile", type=Path, metavar="PROFILE",
                   help="a new client of a processor: ask only what differs per client and write a description "
                   "that extends PROFILE (with --out CLIENT.json)")
    from .incident.cli import add_breach_command

    add_breach_command(sub)
    return parser


def cmd_init(args: argparse.Namespace) -> int:
    """`dpagen init`: write a bundled example."""
    from .examples import example_names, load_example
    from .io import dumps
    from .output import status, write_atomic

    if args.list:
        print("\n".join(example_names()))
        return EXIT_OK
    description = load_example(args.example)
    text = dumps(description)
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.out, text.encode("utf-8"), force=args.force)
        status(f"wrote {args.out}")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """`dpagen validate`: load each file, report every problem."""
    from .io import load

    worst = EXIT_OK
    for path in args.files:
        try:
            load(path)
            print(f"{path}: valid")
        except DpagenError as exc:
            print(exc.render(), file=sys.stderr)
            worst = max(worst, exc.exit_code)
    return worst


def cmd_schema(args: argparse.Namespace) -> int:
    """`dpagen schema`: print or write the JSON Schema."""
    from .output import status, write_atomic
    from .schema import schema_text

    text = schema_text()
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.out, text.encode("utf-8"), force=args.force)
        status(f"wrote {args.out}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """`dpagen check`: the compliance review."""
    from .rules.report import run_check

    if args.since is not None:
        from .versioning import run_since

        for line in run_since(args.files, args.since):
            print(line, file=sys.stderr)
    return run_check(args.files, output_format=args.output_format, language=args.lang, list_rules=args.rules)


def cmd_generate(args: argparse.Namespace) -> int:
    """`dpagen generate`: write the documents of one or many descriptions."""
    from .writers.pdf_worker import running

    # one description, one document, written here: WeasyPrint is imported in a forked worker meanwhile
    serial = len(args.files) == 1 and args.files[0].is_file() and (args.doc != "all" or args.jobs == 1)
    with running(serial and not args.scheduler and "pdf" in args.format.lower()):
        return _generate(args, jobs=1 if serial else args.jobs)


def _generate(args: argparse.Namespace, jobs: int | None) -> int:
    import gc

    gc.disable()  # the collector's passes over the modules being imported would free nothing
    try:
        from . import api, batch
        from .dpo_documents import BREACH
        from .generate import TEMPLATE_SUFFIXES, Request
        from .output import status
    finally:
        gc.freeze()  # what they hold stays out of later collections
        gc.enable()

    formats = list(dict.fromkeys(f.strip().lower() for f in args.format.split(",") if f.strip()))
    if not formats:
        raise UsageError("--format needs at least one of docx, pdf, html, md")
    for template in args.template:
        if template.suffix.lower() not in (".docx", ".css"):
            raise UsageError(f"{template}: --template takes a .docx (Word) or a .css (HTML/PDF) file")
        if not template.is_file():
            raise UsageError(f"{template}: no such template file")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"{args.out}: --out expects a folder, and this is a file")
    for template in args.template:
        if not any(TEMPLATE_SUFFIXES.get(f) == template.suffix.lower() for f in formats):
            print(f"dpagen: note: {template} is not used by the formats asked for ({', '.join(formats)})",
                  file=sys.stderr)
    for change in api.library(args.clauses).changes:
        status(change)
    from .periods import parse_date

    if args.doc == "change-notice" and args.since is None:
        raise UsageError("--doc change-notice needs --since OLD, the description before the change")
    if args.profile is not None and not args.profile.is_file():
        raise UsageError(f"{args.profile}: --profile names no such file")
    request = Request(
        documents=[args.doc],
        formats=formats,
        language=args.lang,
        out_dir=args.out,
        draft=args.draft,
        force=args.force,
        clause_dirs=args.clauses,
        templates=args.template,
        since_from=_since(args.since, args.files, "--since"),
        redline_from=_since(args.redline, args.files, "--redline"),
        profile=args.profile,
        notice_date=parse_date(args.notice_date) if args.notice_date else None,
        # the description itself is added for each one generated (api.generate)
        sources={role: path for role, path in (("since", args.since), ("redline", args.redline))
                 if path and path.is_file()},
        provenance=True,
        incident=args.incident,
        clients=args.client if args.doc == "record" else [],
        pdf_variant=args.pdf_variant,
        now=_time(args.now, "--now") if args.now else None,
    )
    files = args.files + (args.client if args.doc in BREACH else [])  # each client involved: its own set
    code = batch.run(files, request, jobs=jobs, scheduler=args.scheduler, report=args.report,
                     force_report=args.force)
    if args.draft and len(args.files) == 1 and args.files[0].is_file() and code in (0, 1):  # a final refuses
        description = api.load(args.files[0]).description
        _translation_note(args.files[0], description, args.lang or description.output_language)
    return code


def _time(text: str, option: str) -> Any:
    """An ISO 8601 date and time from the command line (without an offset: read in the incident's zone)."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option}: '{text}' is not an ISO 8601 time (e.g. 2026-03-30T14:00)") from None


def _since(path: Path | None, inputs: list[Path], option: str) -> Any:
    """What OLD is (an old profile, a folder of old descriptions, one old description), checked up front."""
    if path is None:
        return None
    from .batch import collect_inputs
    from .since import check_inputs, classify

    since = classify(path)
    check_inputs(since, len(collect_inputs(inputs)[0]), option)
    return since


def cmd_resolve(args: argparse.Namespace) -> int:
    """`dpagen resolve`: the description merged with its profiles."""
    from .io import dumps, load
    from .output import status, write_atomic

    text = dumps(load(args.file))
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_atomic(args.out, text.encode("utf-8"), force=args.force)
        status(f"wrote {args.out}")
    return EXIT_OK


def cmd_clients(args: argparse.Namespace) -> int:
    """`dpagen clients import`: one client description per CSV row."""
    from .client_table import import_table

    return import_table(args.table, args.profile, args.out, skip_bad=args.skip_bad, force=args.force)


def cmd_translations(args: argparse.Namespace) -> int:
    """`dpagen translations`: the texts still to translate, printed or added to the file."""
    import json

    from .output import status
    from .translation import given_by, own_language, table, untranslated, unused

    description = _translatable(args.file)  # a description, or an incident (its free text)
    missing = untranslated(description, args.lang)
    if args.description is not None:
        if hasattr(description, "document"):
            raise UsageError(f"--description is for an incident; {args.file} is a description")
        from .io import load

        given = given_by(load(args.description), args.lang)
        missing = {text: path for text, path in missing.items() if text not in given}
    name = {"fr": "French", "en": "English"}[args.lang]
    if own_language(description) == args.lang:
        status(f"{args.file} is written in {name}: its documents in {name} need no translation")
        return EXIT_OK
    done = len(table(description, args.lang))
    stale = unused(description, args.lang)
    if stale:
        shown = ", ".join(repr(text[:40]) for text in stale[:3]) + (", …" if len(stale) > 3 else "")
        status(f"note: {len(stale)} translation(s) match no text of {args.file} any more "
               f"(edited or removed since): {shown}")
    if not args.write:
        print(json.dumps({args.lang: dict.fromkeys(missing, "")}, ensure_ascii=False, indent=2))
        status(f"{len(missing)} text(s) to translate into {name} ({done} translated)")
        return EXIT_OK
    # Only the new entries are added to the file as the user wrote it (no default value written in), and
    # a symbolic link stays a link: the file it points to is the one rewritten.
    from .io import read_text
    from .jsonread import loads
    from .output import write_atomic

    target = Path(args.file).resolve()
    data = loads(read_text(target), str(args.file))
    tables = data.setdefault("translations", {})
    entries = tables.setdefault(args.lang, {}) if isinstance(tables, dict) else None
    if not isinstance(entries, dict):
        raise UsageError(f"{args.file}: translations.{args.lang} is not an object")
    added = [text for text in missing if text not in entries]
    entries.update(dict.fromkeys(added, ""))  # text → "" keeps the file loadable (load() read it just now)
    if added:
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        write_atomic(target, text.encode("utf-8"), force=True)
    status(f"added {len(added)} text(s) to translate to {args.file} (translations.{args.lang}); "
           f"{done} translated already")
    return EXIT_OK


def _translatable(path: Path) -> Any:
    """The description, or the incident (a file with ``discovered_at``), whose texts are to translate."""
    from .io import load, read_json

    data = read_json(path)
    if isinstance(data, dict) and "discovered_at" in data:
        from .incident.model import load_incident

        return load_incident(path)
    return load(path)


def _translation_note(file: Path, description: Any, language: str) -> None:
    """After writing documents in another language than the description's: what is left untranslated."""
    from .output import status
    from .translation import untranslated

    missing = untranslated(description, language)
    if missing:
        name = {"fr": "French", "en": "English"}[language]
        status(f"note: {len(missing)} text(s) of {file} have no {name} translation and appear as written; "
               f"'dpagen translations {file} --lang {language} --write' adds them to fill in")


def cmd_diff(args: argparse.Namespace) -> int:
    """`dpagen diff`: the changes between two descriptions."""
    from .diff import run_diff

    return run_diff(args.old, args.new, output_format=args.output_format, language=args.lang)


def cmd_provenance(args: argparse.Namespace) -> int:
    """`dpagen provenance`: what a generated file was made from."""
    from .provenance import run_provenance

    return run_provenance(args.file, against=args.against, output_format=args.output_format)


def cmd_wizard(args: argparse.Namespace) -> int:
    """`dpagen wizard`: the interactive questionnaire."""
    if args.profile is not None:
        from .wizard.client import run_client_wizard

        if not sys.stdin.isatty():
            raise UsageError("the wizard needs a terminal; to script a client, write its JSON or use 'clients import'")
        from .wizard.prompts import TerminalPrompter

        language = args.lang or "fr"
        return run_client_wizard(TerminalPrompter(language), args.profile, args.out, language)
    from .wizard import run_wizard

    if args.section is not None and args.edit is None:
        raise UsageError("--section goes with --edit FILE")
    if args.edit is not None and (args.from_file is not None or args.resume):
        raise UsageError("--edit FILE replaces --from and --resume: give only one of them")
    return run_wizard(out=args.out, from_file=args.edit or args.from_file, resume=args.resume,
                      language=args.lang, edit=args.edit is not None, section=args.section)


def cmd_breach(args: argparse.Namespace) -> int:
    """`dpagen breach new|status`: its code lives in dpagen/incident/cli.py."""
    run: Any = args.breach_run
    return int(run(args))


COMMANDS = {
    "init": cmd_init,
    "validate": cmd_validate,
    "schema": cmd_schema,
    "check": cmd_check,
    "generate": cmd_generate,
    "resolve": cmd_resolve,
    "clients": cmd_clients,
    "translations": cmd_translations,
    "wizard": cmd_wizard,
    "diff": cmd_diff,
    "provenance": cmd_provenance,
    "breach": cmd_breach,
}


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    try:
        return COMMANDS[args.command](args)
    except DpagenError as exc:
        print(f"dpagen: {exc.render()}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("dpagen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `dpagen schema | head`: the reader left, nothing is wrong
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
