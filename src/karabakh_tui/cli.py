"""The ``karabakh-tui`` command: the app, and tools for banks and history."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .bank.kinds import QUESTION_TYPES
from .errors import UserError

VERSION = f"karabakh-tui {__version__}"
Handler = Callable[[argparse.Namespace], int]


def _parser(name: str | None, sub: argparse._SubParsersAction | None = None, **kwargs) -> argparse.ArgumentParser:
    parser = sub.add_parser(name, **kwargs) if sub is not None and name else argparse.ArgumentParser(prog="karabakh-tui", **kwargs)
    parser.add_argument("--version", action="version", version=VERSION)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _parser(None, description="Learn the facts of a news article: quizzes, study cards and evidence for every answer.")
    parser.add_argument("--data-dir", type=Path, help="where history is kept (default: the user data dir; env KARABAKH_TUI_DATA_DIR)")
    parser.add_argument("--bank", type=Path, help="a bank directory or bank.toml to use instead of the built-in bank")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    bank = _parser("bank", commands, help="build, check, list and export question banks")
    bank_commands = bank.add_subparsers(dest="bank_command", metavar="ACTION", required=True)
    build = _parser("build", bank_commands, help="generate bank.toml from article.toml and facts.toml, running the gates")
    build.add_argument("bank_dir", nargs="?", type=Path, help="bank directory (default: the built-in bank)")
    build.set_defaults(handler=_bank_build)
    check = _parser("check", bank_commands, help="validate a bank file and summarise it")
    check.add_argument("file", nargs="?", type=Path, help="bank.toml or its directory (default: the built-in bank)")
    check.set_defaults(handler=_bank_check)
    listing = _parser("list", bank_commands, help="list the questions of a bank")
    listing.add_argument("file", nargs="?", type=Path, help="bank.toml or its directory (default: the built-in bank)")
    listing.add_argument("--type", action="append", dest="types", help="only questions of this type (repeatable)")
    listing.add_argument("--topic", action="append", dest="topics", help="only questions on this topic (repeatable)")
    listing.set_defaults(handler=_bank_list)
    new = _parser("new", bank_commands, help="make a bank from any plain-text article, offline")
    new.add_argument("article", type=Path, help="the article as a UTF-8 text file")
    new.add_argument("--title", help="the bank's title (default: the first heading or sentence)")
    new.add_argument("--date", help="the article's date, YYYY-MM-DD (resolves 'on Monday', 'last November')")
    new.add_argument("--out", type=Path, help="where to put the bank folder (default: ./question_banks)")
    new.add_argument("--force", action="store_true", help="replace a bank folder that already exists")
    new.set_defaults(handler=_bank_new)
    export = _parser("export", bank_commands, help="write the questions as JSON for other tools")
    export.add_argument("file", nargs="?", type=Path, help="bank.toml or its directory (default: the built-in bank)")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    export.set_defaults(handler=_bank_export)

    quiz = _parser("quiz", commands, help="start a quiz straight away")
    quiz.add_argument("--questions", type=_positive_int, default=10, metavar="N", help="how many questions (default 10)")
    quiz.add_argument("--per-question", type=_positive_float, metavar="SECONDS", help="time for each question")
    quiz.add_argument("--time-limit", type=_positive_float, metavar="SECONDS", help="time for the whole quiz")
    quiz.add_argument("--topic", action="append", dest="topics", default=[], metavar="T", help="only this topic (repeatable)")
    quiz.add_argument("--type", action="append", dest="types", default=[], metavar="T", choices=QUESTION_TYPES, help="only this question type (repeatable)")
    quiz.add_argument("--seed", type=int, help="choose the same questions again")
    quiz.add_argument("--feedback", choices=["each", "end"], default="each", help="after each question (default) or only at the end")
    quiz.set_defaults(handler=_run_app, start="quiz")
    review = _parser("review", commands, help="drill the questions you missed")
    review.set_defaults(handler=_run_app, start="review")
    study = _parser("study", commands, help="study spaced-repetition cards")
    study.add_argument("--cram", action="store_true", help="practise any cards without touching the schedule")
    study.set_defaults(handler=_run_app, start="study")

    stats = _parser("stats", commands, help="print your history: scores, accuracy, streak, missed and due")
    stats.add_argument("--format", choices=["text", "json"], default="text")
    stats.set_defaults(handler=_stats)
    history_export = _parser("export", commands, help="export your history")
    what = history_export.add_subparsers(dest="export_what", metavar="WHAT", required=True)
    history = _parser("history", what, help="every answer you have given, as CSV or JSON")
    history.add_argument("--format", choices=["csv", "json"], default="csv")
    history.add_argument("-o", "--output", type=Path, help="write here instead of standard output")
    history.set_defaults(handler=_export_history)
    doctor = _parser("doctor", commands, help="check the history database and show the paths in use")
    doctor.add_argument("--repair", action="store_true", help="set a damaged database aside and start a fresh one")
    doctor.set_defaults(handler=_doctor)
    return parser


def _bank_file(args: argparse.Namespace, explicit: Path | None) -> Path:
    from .bank.locate import resolve_bank_file

    return resolve_bank_file(explicit or args.bank)


def _bank_build(args: argparse.Namespace) -> int:
    from .bank.build import build_and_write
    from .bank.kinds import BANK_FILE
    from .bank.locate import builtin_bank_dir

    bank_dir = args.bank_dir or args.bank or builtin_bank_dir()
    built = build_and_write(bank_dir)
    counts = Counter(q.type for q in built.bank.questions)
    detail = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
    gates = f"{len(built.rejected)} questions left out by the gates" if built.rejected else "0 gate violations"
    print(f"wrote {bank_dir / BANK_FILE}: {len(built.bank.questions)} questions from {len(built.facts)} facts ({detail}); {gates}")
    for rejection in built.rejected:
        print(f"  left out: {rejection}")
    return 0


def _bank_new(args: argparse.Namespace) -> int:
    from .bank.newbank import new_bank

    report = new_bank(args.article, args.title, args.date, args.out, args.force)
    print("\n".join(report.lines()))
    print(f"study it with: karabakh-tui --bank {report.folder}")
    return 0


def _bank_check(args: argparse.Namespace) -> int:
    from .bank.build import check_file

    path = _bank_file(args, args.file)
    bank = check_file(path)
    types = Counter(q.type for q in bank.questions)
    topics = Counter(t for q in bank.questions for t in q.topics)
    print(f"{path}: ok: {len(bank.questions)} questions, {bank.bank.facts} facts")
    print("  by type:  " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
    print("  by topic: " + ", ".join(f"{k} {v}" for k, v in sorted(topics.items())))
    return 0


def _bank_list(args: argparse.Namespace) -> int:
    from .bank.io import open_bank

    bank, _ = open_bank(_bank_file(args, args.file))
    for q in bank.questions:
        if (args.types and q.type not in args.types) or (args.topics and not set(args.topics) & set(q.topics)):
            continue
        print(f"{q.id}\t{q.type}\t{q.prompt}")
    return 0


def _bank_export(args: argparse.Namespace) -> int:
    from .bank.io import open_bank

    bank, _ = open_bank(_bank_file(args, args.file))
    text = json.dumps([q.model_dump(mode="json") for q in bank.questions], ensure_ascii=False, indent=2) + "\n"
    _write_out(text, args.output)
    return 0


def _write_out(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{output}: cannot write ({exc.strerror})") from None


def _open_history(args: argparse.Namespace):  # noqa: ANN202
    from .paths import data_dir
    from .store import open_history

    return open_history(data_dir(args.data_dir))


def _question_info(args: argparse.Namespace) -> dict[str, tuple[str, list[str]]]:
    from .bank.io import open_bank

    bank, _ = open_bank(_bank_file(args, None))
    return {q.id: (q.type, q.topics) for q in bank.questions}


def _stats(args: argparse.Namespace) -> int:
    from .store.report import stats, stats_text

    info = _question_info(args)
    with _open_history(args) as history:
        data = stats(history, info)
    sys.stdout.write(json.dumps(data, indent=2) + "\n" if args.format == "json" else stats_text(data))
    return 0


def _export_history(args: argparse.Namespace) -> int:
    from .store.report import export_text

    with _open_history(args) as history:
        text = export_text(history, args.format)
    _write_out(text, args.output)
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from .bank.io import open_bank
    from .paths import cache_dir, data_dir
    from .store.doctor import diagnose, repair

    folder = data_dir(args.data_dir)
    if args.repair:
        print(repair(folder))
        return 0
    try:
        bank, _ = open_bank(_bank_file(args, None))
        hashes: dict[str, str] | None = {q.id: q.hash for q in bank.questions}
    except UserError as exc:
        print(f"bank:      cannot be read ({exc.problems[0]})")
        hashes = None
    report = diagnose(folder, cache_dir(), hashes)
    print("\n".join(report.lines))
    return 0 if report.healthy else 2


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return value


def _run_app(args: argparse.Namespace) -> int:
    """Open the TUI: home, or straight into a quiz, review or study."""
    from .paths import data_dir
    from .tui.app import create_app

    start = getattr(args, "start", "home")
    if start == "study" and args.cram:
        start = "cram"
    settings = None
    if start == "quiz":
        from .study.quiz import QuizSettings

        settings = QuizSettings(questions=args.questions, per_question=args.per_question, time_limit=args.time_limit,
                                topics=args.topics, types=args.types, seed=args.seed, feedback=args.feedback)
    app = create_app(_bank_file(args, None), data_dir(args.data_dir), start=start, quiz_settings=settings)
    app.run()
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", _run_app)
    try:
        return handler(args)
    except UserError as exc:
        for problem in exc.problems:
            print(f"karabakh-tui: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
