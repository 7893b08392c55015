"""All loaded content in one place, with the checks that span files."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tui.content.bundled import bundled_dirs
from tui.content.findings import Finding, Loc
from tui.content.loader import DEFAULT_LIMITS, Limits, Loaded, content_files, load_file
from tui.content.models import ArgumentSet, Bank, DebateFormat, Question, Seed


@dataclass
class Library:
    seeds: dict[str, Seed] = field(default_factory=dict)
    banks: dict[str, Bank] = field(default_factory=dict)
    motions: dict[str, ArgumentSet] = field(default_factory=dict)
    formats: dict[str, DebateFormat] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def questions(self) -> Iterable[Question]:
        for bank in self.banks.values():
            yield from bank.questions

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions() if q.id == question_id), None)

    def fact_text(self, seed_id: str, fact_id: str) -> str | None:
        seed = self.seeds.get(seed_id)
        fact = seed.fact(fact_id) if seed else None
        return fact.text if fact else None


def load_library(
    paths: Sequence[Path] | None = None,
    *,
    limits: Limits = DEFAULT_LIMITS,
    extra: Sequence[Path] = (),
    reference: Library | None = None,
    partial: bool = False,
) -> Library:
    """Load the given files and folders (default: the bundled content) and check them together.

    Files with errors are left out, unless `partial` (the linter) asks for
    what could be built from them, so their references are checked too.
    `reference` supplies seeds the files may cite without owning them (a
    teacher's bank that cites a bundled seed): their facts resolve, but their
    coverage is not this run's business.
    """
    roots = [p for p in (paths if paths is not None else bundled_dirs()) if paths is not None or p.exists()]
    roots.extend(extra)
    lib = Library()
    own_seeds: set[str] = set()
    first: dict[tuple[str, str], str] = {}

    def claim(kind: str, ident: str, path: str, loc: Loc) -> bool:
        key = (kind, ident)
        if key in first:
            lib.findings.append(
                Finding(
                    path,
                    loc.line,
                    loc.col,
                    "error",
                    f"duplicate {kind} id {ident!r} (also in {first[key]})",
                    "duplicate-id",
                )
            )
            return False
        first[key] = path
        return True

    explicit = {p.resolve() for p in roots if not p.is_dir()}
    for path in content_files(roots):
        loaded: Loaded = load_file(path, limits)
        if path.resolve() not in explicit and [f.code for f in loaded.findings] == ["not-content"]:
            continue  # other YAML met while walking a folder (CI config, hooks) is none of ours
        lib.files.append(loaded.path)
        lib.findings.extend(loaded.findings)
        model = loaded.model if (loaded.ok or partial) else None
        if isinstance(model, Seed):
            if claim("seed", model.id, loaded.path, model.loc):
                lib.seeds[model.id] = model
                own_seeds.add(model.id)
        elif isinstance(model, Bank):
            if claim("bank", model.id, loaded.path, model.loc):
                lib.banks[model.id] = model
                for q in model.questions:
                    claim("question", q.id, loaded.path, q.locs.get("id", q.loc))
        elif isinstance(model, ArgumentSet):
            if claim("motion", model.id, loaded.path, model.loc):
                lib.motions[model.id] = model
                for a in model.arguments:
                    claim("argument", a.id, loaded.path, a.locs.get("id", a.loc))
        elif isinstance(model, DebateFormat) and claim("format", model.id, loaded.path, model.loc):
            lib.formats[model.id] = model
    if reference is not None:
        for seed_id, seed in reference.seeds.items():
            lib.seeds.setdefault(seed_id, seed)
    _check_references(lib, own_seeds)
    return lib


def _check_references(lib: Library, own_seeds: set[str]) -> None:
    cited: set[tuple[str, str]] = set()

    def add(path: str, loc: Loc, severity: str, message: str, code: str) -> None:
        lib.findings.append(Finding(path, loc.line, loc.col, severity, message, code))  # type: ignore[arg-type]

    for bank in lib.banks.values():
        seed = lib.seeds.get(bank.seed)
        if seed is None:
            add(
                bank.path,
                bank.loc,
                "error",
                f"bank {bank.id!r}: seed {bank.seed!r} is not loaded "
                f"(known: {', '.join(sorted(lib.seeds)) or 'none'})",
                "unknown-seed",
            )
        for q in bank.questions:
            if not q.facts:
                add(
                    bank.path,
                    q.loc,
                    "warning",
                    f"question {q.id!r} cites no fact: add facts: [...]",
                    "no-facts",
                )
            for i, fact_id in enumerate(q.facts):
                cited.add((bank.seed, fact_id))
                if seed is not None and seed.fact(fact_id) is None:
                    add(
                        bank.path,
                        q.locs.get(f"facts.{i}", q.loc),
                        "error",
                        f"question {q.id!r}: fact {fact_id!r} is not in seed {seed.id!r}",
                        "unknown-fact",
                    )
    for motion in lib.motions.values():
        seed = lib.seeds.get(motion.seed)
        if seed is None:
            add(
                motion.path,
                motion.loc,
                "error",
                f"motion {motion.id!r}: seed {motion.seed!r} is not loaded",
                "unknown-seed",
            )
            continue
        for arg in motion.arguments:
            for i, fact_id in enumerate(arg.evidence):
                if seed.fact(fact_id) is None:
                    add(
                        motion.path,
                        arg.locs.get(f"evidence.{i}", arg.loc),
                        "error",
                        f"argument {arg.id!r}: evidence {fact_id!r} is not in seed {seed.id!r}",
                        "unknown-fact",
                    )
    for seed_id in sorted(own_seeds):
        seed = lib.seeds[seed_id]
        for fact in seed.facts:
            if (seed_id, fact.id) not in cited:
                add(
                    seed.path,
                    fact.loc,
                    "warning",
                    f"uncovered fact {fact.id!r}: no question cites it",
                    "uncovered-fact",
                )
    lib.findings.sort(key=lambda f: (f.path, f.line, f.col))
