"""The `careers` command: ingest, serve, ask, chat, search, salaries, stats, coach, eval, bench."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.settings import Settings, load_settings
from ingest.loaders import FORMATS
from ingest.models import Level, Remote, Sector

SAMPLE_DATA = Path(__file__).resolve().parent.parent / "ingest" / "sample_data"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    overrides = {"CAREERS_DATA_DIR": args.data_dir} if args.data_dir else {}
    settings = load_settings(**overrides)
    try:
        return int(args.run(args, settings) or 0)
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="careers", description=__doc__)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", help="Data directory (default: $CAREERS_DATA_DIR or ./var).")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    def command(name: str, run: Callable[[argparse.Namespace, Settings], int | None], help: str) -> Any:
        cmd = sub.add_parser(name, parents=[common], help=help, description=help)
        cmd.set_defaults(run=run)
        return cmd

    ingest = command("ingest", _ingest, "Ingest feeds (files, folders or http(s) URLs) into the store.")
    ingest.add_argument("sources", nargs="*", metavar="PATH|URL")
    ingest.add_argument("--format", choices=FORMATS, default="auto")  # the loaders' own list
    ingest.add_argument("--company", help="Employer name for feeds that do not carry one.")
    ingest.add_argument("--sector", choices=[s.value for s in Sector], help="Sector for the whole feed.")
    ingest.add_argument("--sync", action="store_true", help="Remove postings these sources no longer list.")
    ingest.add_argument("--sample", action="store_true", help="Also ingest the bundled sample corpus.")
    ingest.add_argument("--if-empty", action="store_true", help="Do nothing when the store has postings.")
    ingest.add_argument("--json", action="store_true", help="Print the report as JSON.")

    serve = command("serve", _serve, "Serve the web page and the API.")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    ask = command("ask", _ask, "Ask one question; prints the answer (or the /v1/chat object with --json).")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true")
    _filter_options(ask, min_salary=True)

    command("chat", _chat, "Interactive chat in the terminal; history is kept for follow-ups.")

    search = command("search", _search, "Search roles.")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true")
    _filter_options(search, min_salary=True)

    salaries = command("salaries", _salaries, "Salary statistics per currency for the filters.")
    salaries.add_argument("query", nargs="?", default="")
    salaries.add_argument("--json", action="store_true")
    _filter_options(salaries, min_salary=False)

    stats = command("stats", _stats, "Counts by sector, level, remote policy and source; feedback counts.")
    stats.add_argument("--json", action="store_true")

    coach = command("coach", _coach, "Draft an advice memo for a client profile (YAML or JSON).")
    coach.add_argument("profile")
    coach.add_argument("-o", "--output", help="Write the memo here instead of printing it.")

    evaluate = command("eval", _eval, "Run the golden sets and print the quality table.")
    evaluate.add_argument("--json", action="store_true", help="Print the metrics as JSON.")
    return parser


def _filter_options(cmd: argparse.ArgumentParser, min_salary: bool) -> None:
    cmd.add_argument("--sector", choices=[s.value for s in Sector])
    cmd.add_argument("--level", choices=[v.value for v in Level])
    cmd.add_argument("--remote", choices=[v.value for v in Remote])
    cmd.add_argument("--location")
    if min_salary:
        cmd.add_argument("--min-salary", type=float, help="Annual floor (in --currency, default USD).")
        cmd.add_argument("--currency", help="ISO 4217 code of --min-salary.")


def _filters(args: argparse.Namespace) -> Any:
    from assistant.models import Filters

    return Filters(
        sector=args.sector,
        level=args.level,
        remote=args.remote,
        location=args.location,
        min_salary=getattr(args, "min_salary", None),
        currency=getattr(args, "currency", None),
    )


def _services(settings: Settings) -> Any:
    from assistant.services import build_services

    return build_services(settings)


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from ingest.normalise import FeedOptions
    from ingest.pipeline import ingest_sources
    from vectorstore.store import open_store

    sources = list(args.sources) + ([str(SAMPLE_DATA)] if args.sample else [])
    if not sources:
        print("careers ingest: give at least one PATH or URL, or --sample", file=sys.stderr)
        return 2
    store = open_store(settings.store)
    if args.if_empty and store.count("postings"):
        print(f"Store already has {store.count('postings')} postings; nothing to do.")
        return 0
    options = FeedOptions(company=args.company, sector=Sector(args.sector) if args.sector else None)
    with tqdm(desc="embedding", unit="record", disable=args.json or not sys.stderr.isatty()) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done)

        report = ingest_sources(store, sources, args.format, options, sync=args.sync, progress=progress)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        from assistant.output import print_report

        print_report(report)
    return 1 if report.skipped and not (report.added or report.updated or report.unchanged) else 0


def _serve(args: argparse.Namespace, settings: Settings) -> None:
    import uvicorn

    from assistant.api.app import create_app

    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")


def _ask(args: argparse.Namespace, settings: Settings) -> None:
    from assistant.models import ChatMessage

    answer = _services(settings).chat.answer(
        [ChatMessage(role="user", content=args.question)], _filters(args)
    )
    if args.json:
        print(answer.model_dump_json(indent=2))
    else:
        from assistant.output import print_answer

        print_answer(answer)


def _chat(args: argparse.Namespace, settings: Settings) -> None:
    from assistant.models import ChatMessage
    from assistant.output import print_answer

    chat = _services(settings).chat
    history: list[ChatMessage] = []
    print("Ask about ML roles in finance. Empty line or Ctrl-D to quit; /new starts over.")
    while True:
        try:
            line = input("\nyou> ").strip()
        except EOFError:
            return
        if not line:
            return
        if line == "/new":
            history = []
            continue
        history.append(ChatMessage(role="user", content=line))
        answer = chat.answer(history)
        history.append(ChatMessage(role="assistant", content=answer.answer))
        print_answer(answer)


def _search(args: argparse.Namespace, settings: Settings) -> None:
    from assistant.output import print_roles

    roles = _services(settings).chat.roles(args.query, _filters(args), args.limit)
    if args.json:
        print(json.dumps({"roles": [r.model_dump(mode="json") for r in roles]}, indent=2))
    else:
        print_roles(roles)


def _salaries(args: argparse.Namespace, settings: Settings) -> None:
    from assistant.output import print_salaries

    stats = _services(settings).chat.salaries(args.query, _filters(args))
    if args.json:
        print(json.dumps(stats.model_dump(mode="json") if stats else None, indent=2))
    else:
        print_salaries(stats)


def _stats(args: argparse.Namespace, settings: Settings) -> None:
    from assistant.output import collection_stats, print_stats

    services = _services(settings)
    stats = collection_stats(services.catalog.get(), services.feedback.counts())
    if args.json:
        print(json.dumps(stats, indent=2))
    else:
        print_stats(stats)


def _coach(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.coach.cli import run_coach

    return run_coach(_services(settings), Path(args.profile), Path(args.output) if args.output else None)


def _eval(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.evaluation.runner import run_eval

    return run_eval(settings, as_json=args.json)


if __name__ == "__main__":
    sys.exit(main())
