"""The ``interreg`` command: validate proposal files and browse a programme.

``interreg validate FILE|DIR ...`` checks files in parallel (``--workers N``, default one per
core; see :func:`interreg.validate_many`) and prints them in order. Exit codes: 0 when no file
has an ERROR (with ``--strict``: no ERROR and no WARNING), 1 when one has, 2 when a file
cannot be read (the message says why). ``--format json`` gives every file the same record:
``file``, ``readable``, ``ok``, ``counts``, ``findings``, and ``error`` when unreadable.

``interreg programme [--regions ...] [--format table|json|csv]`` prints a programme's tables.

``interreg export-budget FILE --xlsx OUT [--language sv]`` writes the budget of a proposal as
the workbook to hand in as an annex (docs/workbook.md): 0 when written, 2 when the file cannot
be read, the budget cannot be summarised (a currency without an exchange rate) or the workbook
cannot be written. An output name whose extension does not match the format (``--xlsx
out.csv``) is refused (2), so no workbook lands under a name that promises something else.

``interreg budget-template FILE --xlsx OUT [--language sv]`` writes a blank Lines sheet for the
proposal's partners, which ``Proposal.import_budget`` reads back once filled in; exit codes as
for export-budget.

``interreg export-draft FILE --md OUT`` (or ``--docx OUT``) writes the proposal's narrative
draft (docs/draft.md): 0 when written, 2 when the file cannot be read or the draft cannot be
written. A budget that cannot be summarised is a note in the draft, not a failure.

``interreg diff A.json B.json [--format text|json]`` prints what changed from version A to B
(docs/diff.md): the changes, the budget's differences and the findings fixed and introduced.
Exit codes: 0 when the documents are identical, 1 when they differ, 2 when a file cannot be
read. ``--format json`` prints one object: ``before`` and ``after`` (the files), ``identical``,
``changes``, ``budget`` and ``findings``. It works as a git difftool:
``git difftool -x 'interreg diff' HEAD~1 -- talent.json``.

Everything printed that comes from a file (names, messages, table cells) has its control
characters escaped (``\\n``, ``\\x1b``), so each result stays on its own line and an escape
sequence cannot hide or rewrite the output around it.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from typing import Any, Dict, List, NoReturn, Optional, Sequence

from . import __version__
from .batch import check_all
from .errors import Error
from .languages import LANGUAGES
from ._resources import default_programme
from .programme import Programme, load_programme
from .proposal import Proposal, diff, sweep
from .proposal_sweep import value_at

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

# --flag → (table, columns shown)
_TABLES = {
    "regions": ["code", "name", "country", "in_area", "sub_geographies", "valid_to", "successors"],
    "objectives": ["code", "priority", "policy_objective", "title"],
    "priorities": ["id", "policy_objective", "title"],
    "calls": ["id", "kind", "opens", "closes", "open_objectives", "fund_caps"],
    "indicators": ["code", "kind", "name", "unit", "result", "jointly"],
    "funds": ["id", "name", "countries", "max_rate"],
    "org-types": ["id", "name", "eligible"],
    "rules": ["id", "severity", "title", "status"],
    "reference-rates": ["currency", "rate", "date", "band_low", "band_high", "band_status"],
}
_TABLE_NAMES = {"objectives": "specific_objectives", "org-types": "org_types", "reference-rates": "reference_rates"}
# More threads than this only cost memory; a larger --workers is a typo.
MAX_WORKERS = 1024

# Printed as escapes: C0 and C1 controls and DEL (a newline forges a line, ESC sequences hide
# or rewrite output), Unicode line separators and bidirectional controls (they break or
# reorder a line), and a file name's undecodable bytes (surrogates that stdout cannot encode).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(m: "re.Match[str]") -> str:
    ch = m.group()
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        code -= 0xDC00
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _printable(text: Any) -> str:
    """`text` with its control characters shown as escapes: one line, no terminal sequence."""
    return _UNPRINTABLE.sub(_escaped, str(text))


def _fail(command: str, message: Any) -> int:
    """Print `command`'s error message to stderr; the exit status for it."""
    print(f"interreg {command}: {_printable(message)}", file=sys.stderr)
    return EXIT_UNREADABLE


def _workers(text: str) -> int:
    """--workers: a whole number from 1 to MAX_WORKERS."""
    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= count <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_WORKERS}, not {count}")
    return count


class _Parser(argparse.ArgumentParser):
    """argparse quotes the arguments it refuses: escape them too."""

    def error(self, message: str) -> NoReturn:
        super().error(_printable(message))


# Each export format and the file name extensions that promise it.
_EXTENSIONS = {"xlsx": (".xlsx",), "docx": (".docx",), "md": (".md", ".markdown", ".txt")}

# Examples shown by each command's --help.
_EXAMPLES = {
    "validate": "examples:\n  interreg validate drafts/\n  interreg validate talent.json --format json --strict",
    "programme": "examples:\n  interreg programme --regions\n  interreg programme --calls --format csv > calls.csv",
    "export-budget": "examples:\n  interreg export-budget talent.json --xlsx talent-budget.xlsx\n"
                     "  interreg export-budget talent.json --xlsx talent-budget-sv.xlsx --language sv",
    "budget-template": "example:\n  interreg budget-template talent.json --xlsx talent-lines.xlsx --language da",
    "diff": "examples:\n  interreg diff talent-v1.json talent-v2.json\n"
            "  interreg diff talent-v1.json talent-v2.json --format json > changes.json\n"
            "  git difftool -x 'interreg diff' HEAD~1 -- talent.json",
    "sweep": "examples:\n  interreg sweep talent.json --vary /partners/2/cofinancing/rate 50% 45% 40%\n"
             "  interreg sweep talent.json --vary /partners/1/cofinancing/rate 60% 50% \\\n"
             "      --vary /partners/0/budget/flat_rates/office_on_staff null 15% --format csv > whatif.csv",
    "export-draft": "examples:\n  interreg export-draft talent.json --docx talent.docx\n"
                    "  interreg export-draft talent.json --md talent-sv.md --language sv",
}


def _output(command: str, path: str, kind: str) -> Optional[int]:
    """The exit status refusing `path` when its extension does not match `kind`; None when it does."""
    if path.lower().endswith(_EXTENSIONS[kind]):
        return None
    return _fail(command, f"{path}: the --{kind} output must end in {' or '.join(_EXTENSIONS[kind])}")


def _validate(args: argparse.Namespace) -> int:
    try:
        programme: Optional[Programme] = load_programme(args.programme) if args.programme else None
        checked = check_all(args.files, workers=args.workers, programme=programme)
    except Error as e:
        return _fail("validate", e)
    if not checked:
        return _fail("validate", "no proposal files found")
    results: List[Dict[str, Any]] = []
    status = EXIT_OK
    for c in checked:
        results.append({"file": c.file, "readable": c.readable, **c.report.to_dict()})
        if not c.readable:
            status = EXIT_UNREADABLE
            results[-1]["error"] = c.findings[0].message
            if args.format == "text":
                print(f"{_printable(c.file)}: cannot read: {_printable(c.findings[0].message)}", file=sys.stderr)
            continue
        failed = not c.report.ok or (args.strict and bool(c.report.warnings))
        if failed and status == EXIT_OK:
            status = EXIT_FINDINGS
        if args.format == "text":
            print(f"{_printable(c.file)}: {c.report.text(_printable)}")
    if args.format == "json":
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return status


def _cell(value: Any) -> str:
    """A table cell as one printable line: a programme file's text, its maps and lists joined."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = ", ".join(f"{k}: {v}" for k, v in value.items())
    elif isinstance(value, list):
        value = ", ".join(map(str, value))
    return _printable(value)


def _text_table(rows: List[Dict[str, Any]], columns: Sequence[str]) -> str:
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)


def _programme(args: argparse.Namespace) -> int:
    try:
        prog = load_programme(args.programme)
    except Error as e:
        return _fail("programme", e)
    chosen = [flag for flag in _TABLES if getattr(args, flag.replace("-", "_"))]
    tables = {flag: prog._core.table(_TABLE_NAMES.get(flag, flag)) for flag in (chosen or _TABLES)}
    if args.format == "json":
        shown: Any = {flag: tables[flag] for flag in chosen} if chosen else {
            "id": prog.id, "name": prog.name, "rows": {flag: len(rows) for flag, rows in tables.items()}}
        json.dump(shown[chosen[0]] if len(chosen) == 1 else shown, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif not chosen:
        print(_printable(f"{prog.name} ({prog.id})"))
        for flag, rows in tables.items():
            print(f"  --{flag:<15} {len(rows)} rows")
    elif args.format == "csv":
        if len(chosen) > 1:
            return _fail("programme", "--format csv prints one table; choose one of " + ", ".join(f"--{f}" for f in chosen))
        _write_csv(tables[chosen[0]], _TABLES[chosen[0]])
    else:
        for flag in chosen:
            if len(chosen) > 1:
                print(f"\n{flag}")
            print(_text_table(tables[flag], _TABLES[flag]))
    return EXIT_OK


# A spreadsheet runs a cell starting with one of these as a formula: such text gets a leading
# apostrophe, which spreadsheets show as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _write_csv(rows: List[Dict[str, Any]], columns: Sequence[str]) -> None:
    def cell(value: Any) -> str:
        text = _cell(value)
        return "'" + text if text.startswith(_FORMULA_START) else text

    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(columns)
    out.writerows([cell(r.get(c)) for c in columns] for r in rows)


def _proposal(args: argparse.Namespace) -> Proposal:
    """The proposal FILE holds, for the programme --programme names (else the one FILE names)."""
    programme: Optional[Programme] = load_programme(args.programme) if args.programme else None
    return Proposal.load(args.file, programme)


def _export_budget(args: argparse.Namespace) -> int:
    from .money import format_amount

    refused = _output("export-budget", args.xlsx, "xlsx")
    if refused is not None:
        return refused
    try:
        proposal = _proposal(args)
        summary = proposal.budget_summary()
    except Error as e:
        return _fail("export-budget", f"{args.file}: {e}")
    try:
        out = proposal.to_excel(args.xlsx, args.language)
    except (Error, OSError, ImportError) as e:
        return _fail("export-budget", e)
    funds = ", ".join(f"{fund} {format_amount(amount)}" for fund, amount in summary.fund_totals.items())
    print(_printable(f"{out}: total {format_amount(summary.total)} EUR ({funds}; contribution "
                     f"{format_amount(summary.contribution)}), {len(summary.partners)} partners"))
    return EXIT_OK


def _budget_template(args: argparse.Namespace) -> int:
    from .workbook import write_template

    refused = _output("budget-template", args.xlsx, "xlsx")
    if refused is not None:
        return refused
    try:
        proposal = _proposal(args)
    except Error as e:
        return _fail("budget-template", f"{args.file}: {e}")
    try:
        out = write_template(proposal, args.xlsx, args.language)
    except (Error, OSError, ImportError) as e:
        return _fail("budget-template", e)
    print(_printable(f"{out}: budget lines template for {len(proposal.partners)} partners of "
                     f"{proposal.acronym or '(no acronym)'}"))
    return EXIT_OK


def _export_draft(args: argparse.Namespace) -> int:
    from .render.draft import write_docx, write_markdown

    refused = _output("export-draft", args.docx, "docx") if args.docx else _output("export-draft", args.md, "md")
    if refused is not None:
        return refused
    try:
        proposal = _proposal(args)
    except Error as e:
        return _fail("export-draft", f"{args.file}: {e}")
    try:
        out = (write_docx(proposal, args.docx, args.language) if args.docx
               else write_markdown(proposal, args.md, args.language))
    except (Error, OSError, ImportError) as e:
        return _fail("export-draft", e)
    print(_printable(f"{out}: narrative draft of {proposal.acronym or '(no acronym)'}"))
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    try:
        programme: Optional[Programme] = load_programme(args.programme) if args.programme else None
        versions = []
        for path in (args.before, args.after):
            try:
                versions.append(Proposal.load(path, programme))
            except Error as e:
                return _fail("diff", f"{path}: {e}")
        changes = diff(*versions)
    except Error as e:
        return _fail("diff", e)
    if args.format == "json":
        json.dump({"before": args.before, "after": args.after, **changes.to_dict()}, sys.stdout, ensure_ascii=False,
                  indent=2)
        print()
    else:
        print(f"{_printable(args.before)} → {_printable(args.after)}: {changes.text(_printable)}")
    return EXIT_FINDINGS if changes else EXIT_OK


def _sweep_value(text: str, base: Any) -> Any:
    """A --vary value: null removes; JSON where the base holds a number, a truth value, a list or
    a record there (or the text is a list or record); else the text itself ("45%", "2026-03-01")."""
    if text == "null":
        return None
    if not isinstance(base, str) and base is not None or text[:1] in ("{", "["):
        try:
            return json.loads(text)
        except ValueError:
            pass
    return text


def _sweep(args: argparse.Namespace) -> int:
    try:
        proposal = _proposal(args)
        document = proposal.to_dict()
        vary = {pointer: [_sweep_value(v, value_at(document, pointer)) for v in values]
                for pointer, *values in args.vary}
        frame = sweep(proposal, vary, workers=args.workers)
    except Error as e:
        return _fail("sweep", f"{args.file}: {e}")
    table = frame.reset_index().astype(object)
    rows = table.where(table.notna(), None).to_dict("records")  # <NA> counts of refused variants: empty
    columns = list(table.columns)
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
        print()
    elif args.format == "csv":
        _write_csv(rows, columns)
    else:
        print(_text_table(rows, columns))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="interreg", description="Draft and check Interreg applications.")
    parser.add_argument("--version", action="version", version=f"interreg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def command(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, epilog=_EXAMPLES[name], formatter_class=argparse.RawDescriptionHelpFormatter,
                              **kwargs)

    v = command("validate", help="validate proposal files (or every *.json in folders)")
    v.add_argument("files", nargs="+", metavar="FILE", help="proposal document or folder")
    v.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")
    v.add_argument("--strict", action="store_true", help="warnings fail too (exit 1), for CI")
    v.add_argument("--programme", metavar="ID_OR_PATH", help="programme to check against (default: the one each file names)")
    v.add_argument("--workers", type=_workers, default=None, metavar="N",
                   help=f"files checked at once, 1 to {MAX_WORKERS} (default: one per core)")
    v.set_defaults(run=_validate)

    p = command("programme", help="show a programme's tables")
    p.add_argument("programme", nargs="?", default=None, metavar="ID", help=f"programme id or path (default {default_programme()})")
    for flag in _TABLES:
        p.add_argument(f"--{flag}", action="store_true", help=f"print the {flag} table")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table",
                   help="output format (default table; csv prints one table, its formula-like cells as text)")
    p.set_defaults(run=_programme)

    e = command("export-budget", help="write a proposal's budget as an Excel workbook (the annex)")
    e.add_argument("file", metavar="FILE", help="proposal document")
    e.add_argument("--xlsx", required=True, metavar="OUT", help="the .xlsx file to write (replaced atomically)")
    e.add_argument("--language", choices=LANGUAGES, default="en", help="headings and labels (default en)")
    e.add_argument("--programme", metavar="ID_OR_PATH", help="programme to use (default: the one the file names)")
    e.set_defaults(run=_export_budget)

    t = command("budget-template", help="write a blank budget lines workbook for a proposal's partners to fill in")
    t.add_argument("file", metavar="FILE", help="proposal document")
    t.add_argument("--xlsx", required=True, metavar="OUT", help="the .xlsx file to write (replaced atomically)")
    t.add_argument("--language", choices=LANGUAGES, default="en", help="headings and labels (default en)")
    t.add_argument("--programme", metavar="ID_OR_PATH", help="programme to use (default: the one the file names)")
    t.set_defaults(run=_budget_template)

    f = command("diff", help="show what changed between two versions of a proposal (exit 1 when they differ)")
    f.add_argument("before", metavar="A", help="the earlier version (a proposal document)")
    f.add_argument("after", metavar="B", help="the later version")
    f.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")
    f.add_argument("--programme", metavar="ID_OR_PATH", help="programme to use (default: the one each file names)")
    f.set_defaults(run=_diff)

    w = command("sweep", help="evaluate what-if variants of a proposal: one row per combination of values")
    w.add_argument("file", metavar="FILE", help="proposal document")
    w.add_argument("--vary", nargs="+", action="append", required=True, metavar=("POINTER", "VALUE"),
                   help="a JSON Pointer into the document and the values to try (null removes); repeat for "
                        "more pointers: every combination is a row")
    w.add_argument("--format", choices=["text", "csv", "json"], default="text", help="output format (default text)")
    w.add_argument("--workers", type=_workers, default=None, metavar="N",
                   help=f"threads, 1 to {MAX_WORKERS} (default: one per core)")
    w.add_argument("--programme", metavar="ID_OR_PATH", help="programme to use (default: the one the file names)")
    w.set_defaults(run=_sweep)

    d = command("export-draft", help="write a proposal's narrative draft as Markdown or Word (.docx)")
    d.add_argument("file", metavar="FILE", help="proposal document")
    out = d.add_mutually_exclusive_group(required=True)
    out.add_argument("--md", metavar="OUT", help="the Markdown file to write (replaced atomically)")
    out.add_argument("--docx", metavar="OUT", help="the Word file to write (replaced atomically)")
    d.add_argument("--language", choices=LANGUAGES,
                   help="that language's version: its headings and labels, and the texts in it (else in English); "
                        "default: English labels and every text in every language given")
    d.add_argument("--programme", metavar="ID_OR_PATH", help="programme to use (default: the one the file names)")
    d.set_defaults(run=_export_draft)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:  # the reader stopped early (`| head`): not an error of ours
        sys.stdout = open(os.devnull, "w")  # Python would report the pipe again when flushing at exit
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
