"""From settings to a running, recorded session: find the banks, open the store, plan the questions.

The app and plain mode both start sessions here::

    prepared = prepare(settings, config)          # raises QuizSetupError with printable lines
    session = prepared.session                    # recorded to the store as it is answered
    ...drive it (tui.quiz.session)...
    prepared.close()

`prepared.notices` carries messages to show first (a damaged database set aside,
content warnings of a bank given as a file, a seed that bank cites which could
not be found, so its cited facts cannot be shown).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import fsrs

from tui.content.loader import YAML_SUFFIXES, load_file
from tui.content.models import Bank, Question, Seed
from tui.quiz.clock import Clock, SystemClock
from tui.quiz.items import fact_lookup
from tui.quiz.model import AnswerResult, Results, SessionConfig
from tui.quiz.scoring import Response
from tui.quiz.session import QuizSession
from tui.store.db import Store
from tui.store.records import AttemptRecord, CardState

if TYPE_CHECKING:
    from tui.content.library import Library
    from tui.settings import Settings


class QuizSetupError(Exception):
    """The session cannot start; `lines` are what to print (content findings as `path:line:col: ...`)."""

    def __init__(self, lines: Sequence[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


def response_json(response: Response) -> object:
    """A response as JSON-able data (sets sorted, tuples as lists, mappings as dicts)."""
    if isinstance(response, frozenset):
        return sorted(response)
    if isinstance(response, tuple):
        return list(response)
    if isinstance(response, Mapping):
        return dict(response)
    return response


def attempt_record(result: AnswerResult, mode: str, session_id: int | None) -> AttemptRecord:
    q = result.question
    return AttemptRecord(
        question_id=q.id,
        bank_id=q.bank,
        qtype=q.type,
        mode=mode,
        answered_at=result.answered_at,
        seconds=result.seconds,
        response=response_json(result.response),
        fraction=result.fraction,
        earned=result.earned,
        points=q.points,
        correct=result.correct,
        timed_out=result.timed_out,
        skipped=result.skipped,
        confidence=result.confidence,
        marks=result.marks,
        blitz=result.blitz,
        rating=result.rating,
        tags=q.tags,
        difficulty=q.difficulty,
        session_id=session_id,
    )


class StoreRecorder:
    """Records a session in the store: the session row, each answer (and its FSRS card) as it is given;
    a certainty given afterwards updates the stored answer, a withdrawn answer is deleted."""

    def __init__(self, store: Store, profile: str) -> None:
        self.store = store
        self.profile = profile

    def session_started(self, session: QuizSession) -> int | None:
        config = session.config.as_dict()
        config["seed"] = session.seed
        banks = sorted({q.bank for q in session.questions})
        return self.store.start_session(
            self.profile,
            mode=session.config.mode,
            banks=banks,
            config=config,
            started=session.started_at or session.clock.now(),
        )

    def answered(self, session: QuizSession, result: AnswerResult) -> int | None:
        return self.store.record_attempt(
            self.profile, attempt_record(result, session.config.mode, session.id), card=result.card
        )

    def confidence_given(self, session: QuizSession, result: AnswerResult, record: int | None) -> None:
        if record is None:  # pragma: no cover - record_attempt always returns the row id
            return
        self.store.update_attempt(
            self.profile,
            record,
            confidence=result.confidence,
            marks=result.marks,
            rating=result.rating,
            card=result.card,
        )

    def withdrawn(
        self, session: QuizSession, result: AnswerResult, record: int | None, card: CardState | None
    ) -> None:
        if record is None:  # pragma: no cover
            return
        moved = result.card is not None
        self.store.delete_attempt(
            self.profile, record, question_id=result.question.id if moved else None, card=card
        )

    def session_finished(self, session: QuizSession, results: Results) -> None:
        if session.id is not None:
            self.store.finish_session(
                session.id,
                finished=session.finished_at or session.clock.now(),
                earned=results.earned,
                possible=results.possible,
            )


def is_path(spec: str) -> bool:
    """Whether a BANK argument names a file rather than a bank id."""
    return spec.endswith(YAML_SUFFIXES) or "/" in spec or "\\" in spec or Path(spec).is_file()


SEED_SCAN_LIMIT = 200  # YAML files read per folder while looking for a seed by its id


def seed_folders(bank_file: Path) -> list[Path]:
    """Where a bank file's seed may sit: its folder, a `seeds/` folder in it, a sibling `seeds/` folder."""
    here = bank_file.resolve().parent
    out: list[Path] = []
    for folder in (here, here / "seeds", here.parent / "seeds"):
        if folder not in out and folder.is_dir():
            out.append(folder)
    return out


def seed_beside(bank_file: Path, seed_id: str) -> tuple[Seed | None, list[str]]:
    """The seed `seed_id` found next to `bank_file` (see `seed_folders`), and warnings about it.

    `<seed_id>.yaml` (or `.yml`) is tried first in each folder, then the other YAML
    files there that mention it; a seed file with errors is reported, not used.
    """
    warnings: list[str] = []
    for folder in seed_folders(bank_file):
        named = [folder / f"{seed_id}{suffix}" for suffix in YAML_SUFFIXES]
        try:
            others = sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p not in named)
        except OSError:
            others = []
        for path in [p for p in named if p.is_file()] + others[:SEED_SCAN_LIMIT]:
            if path.resolve() == bank_file.resolve() or not path.is_file():
                continue
            if path not in named and not _mentions(path, seed_id):
                continue
            loaded = load_file(path)
            model = loaded.model
            if not isinstance(model, Seed) or model.id != seed_id:
                continue
            if not loaded.ok:
                warnings.extend(str(f) for f in loaded.findings if f.severity == "error")
                continue
            return model, warnings
    return None, warnings


def _mentions(path: Path, seed_id: str) -> bool:
    """Whether the file's opening looks like seed `seed_id` (a cheap look before loading it)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    if re.search(r"^(bank|motion|format)\s*:", head, re.M):
        return False
    return re.search(rf"^seed\s*:\s*[\"']?{re.escape(seed_id)}[\"']?\s*(#.*)?$", head, re.M) is not None


def load_banks(specs: Sequence[str], library: Library) -> tuple[list[Bank], list[str], dict[str, Seed]]:
    """The banks named by id or path (empty: every loaded bank), warnings to show, and extra seeds.

    A bank given as a file may cite a seed the library does not hold: it is looked
    for beside the file (`seed_beside`) and returned in the extra seeds; when it
    cannot be found, one warning per seed says that cited facts cannot be shown.
    A bank file with errors raises `QuizSetupError` listing its findings.
    """
    if not specs:
        if not library.banks:
            raise QuizSetupError(["no question banks are loaded"])
        return list(library.banks.values()), [], {}
    banks: list[Bank] = []
    warnings: list[str] = []
    seeds: dict[str, Seed] = {}
    missing: set[str] = set()
    for spec in specs:
        if is_path(spec):
            loaded = load_file(Path(spec))
            errors = [f for f in loaded.findings if f.severity == "error"]
            warnings.extend(str(f) for f in loaded.findings if f.severity != "error")
            if errors:
                raise QuizSetupError([str(f) for f in errors])
            bank = loaded.model
            if not isinstance(bank, Bank):
                raise QuizSetupError(
                    [f"{loaded.path}: not a question bank (a bank file starts with 'bank:')"]
                )
            banks.append(bank)
            if bank.seed in library.seeds or bank.seed in seeds or bank.seed in missing:
                continue
            seed, problems = seed_beside(Path(spec), bank.seed)
            warnings.extend(problems)
            if seed is not None:
                seeds[seed.id] = seed
            else:
                missing.add(bank.seed)
                warnings.append(
                    f"{loaded.path}: the seed {bank.seed!r} this bank cites is not loaded and was not "
                    f"found beside it (in its folder or a seeds/ folder next to it); the cited facts "
                    f"cannot be shown. Pass the seed's folder with --content DIR."
                )
        elif spec in library.banks:
            banks.append(library.banks[spec])
        else:
            known = ", ".join(sorted(library.banks)) or "none"
            raise QuizSetupError(
                [f"unknown bank {spec!r} (known: {known}); give a bank id or a path to a .yaml file"]
            )
    return banks, warnings, seeds


def pool_of(banks: Sequence[Bank]) -> list[Question]:
    return [q for bank in banks for q in bank.questions]


@dataclass
class Prepared:
    """A session ready to drive, with the store it records to (close it when done)."""

    session: QuizSession
    store: Store | None
    banks: list[Bank]
    notices: list[str] = field(default_factory=list)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


def prepare(
    settings: Settings,
    config: SessionConfig,
    *,
    clock: Clock | None = None,
    library: Library | None = None,
    store: Store | None = None,
    scheduler: fsrs.Scheduler | None = None,
) -> Prepared:
    """Load the banks, open the store (unless given), and plan a recorded session for `settings.profile`."""
    from tui.settings import load_content

    clock = clock or SystemClock()
    if library is None:
        library = load_content(settings)
    banks, notices, extra_seeds = load_banks(config.banks, library)
    seeds: dict[str, Seed] = {**library.seeds, **extra_seeds}
    own_store = store is None
    if store is None:
        store = Store.open(settings.db_path)
    if own_store and store.notice:  # a store handed in has had its notice shown by its owner
        notices.insert(0, store.notice)
    try:
        cards = store.cards(settings.profile) if config.mode == "review" else {}
        session = QuizSession.create(
            pool_of(banks),
            config,
            clock=clock,
            facts=fact_lookup(banks, seeds),
            recorder=StoreRecorder(store, settings.profile),
            cards=cards,
            scheduler=scheduler,
        )
    except BaseException:
        if own_store:
            store.close()
        raise
    return Prepared(session=session, store=store if own_store else None, banks=banks, notices=notices)
