"""The bundled content pack: counts and rules from the content issue, so they cannot quietly regress."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from tui.cli import main
from tui.content.library import Library, load_library

SEED_ID = "deepseek-challenges-us-dominance"
ARTICLE = Path(__file__).parent.parent.parent / "shared" / "source" / "article.txt"


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library(None)


def test_lint_strict_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["lint", "--strict"])
    out = capsys.readouterr()
    assert code == 0, out.out


def test_seed_facts(lib: Library) -> None:
    seed = lib.seeds[SEED_ID]
    article = [f for f in seed.facts if f.origin == "article"]
    context = [f for f in seed.facts if f.origin == "context"]
    assert len(article) >= 25
    assert len(context) >= 15
    assert all(f.ref for f in context)
    assert {f.kind for f in article} >= {"reported", "verified", "opinion", "question"} - {"verified"}
    assert "machine-translated" in seed.origin or "machine-translated" in (seed.source or "")
    header = Path(seed.path).read_text(encoding="utf-8").split("seed:", 1)[0]
    assert "machine-translated" in header or "translated" in header


def test_banks_and_types(lib: Library) -> None:
    banks = [b for b in lib.banks.values() if b.seed == SEED_ID]
    assert len(banks) >= 4
    questions = [q for b in banks for q in b.questions]
    assert len(questions) >= 80
    types = Counter(q.type for q in questions)
    for qtype in ("choice", "multi", "truefalse", "numeric", "short", "order", "match"):
        assert types[qtype] >= 5, f"{qtype}: {types[qtype]}"
    assert any("critic" in b.id or "critic" in b.title.lower() for b in banks)


def test_every_fact_cited_and_every_question_cites(lib: Library) -> None:
    seed = lib.seeds[SEED_ID]
    cited = {f for q in lib.questions() for f in q.facts}
    assert {f.id for f in seed.facts} <= cited
    for q in lib.questions():
        assert q.facts and q.explanation.strip() and q.tags and 1 <= q.difficulty <= 3, q.id


def test_no_giveaway_choices(lib: Library) -> None:
    banned = re.compile(r"\b(all|none) of the (above|these)\b", re.I)
    for q in lib.questions():
        options = q.choices if q.type in ("choice", "multi") else ()
        assert not any(banned.search(o) for o in options), q.id
        if q.type == "choice" and len(q.distractors) >= 2:
            mean = sum(len(d) for d in q.distractors) / len(q.distractors)
            assert len(str(q.answer)) <= 2.2 * mean + 8, f"{q.id}: the answer stands out by its length"


def test_motions(lib: Library) -> None:
    motions = [m for m in lib.motions.values() if m.seed == SEED_ID]
    assert len(motions) >= 5
    for motion in motions:
        assert len(motion.info) > 80, motion.id
        strength = {}
        for side in ("prop", "opp"):
            args = motion.side(side)
            assert len(args) >= 6, f"{motion.id} {side}: {len(args)} arguments"
            strength[side] = sum(a.strength for a in args)
            for arg in args:
                assert arg.evidence and arg.claim and arg.reasoning and arg.impact, arg.id
                assert len(arg.rebuttals) >= 2, arg.id
                for reb in arg.rebuttals:
                    assert reb.key_points, reb.id
                    assert all(len(point) >= 3 for point in reb.key_points), reb.id
        low, high = sorted(strength.values())
        assert high <= low * 1.15, f"{motion.id}: strengths {strength}"


@pytest.mark.skipif(not ARTICLE.exists(), reason="the shared source is not beside the checkout")
def test_no_sentence_copied_from_the_article(lib: Library) -> None:
    words = re.findall(r"[a-z0-9$.]+", ARTICLE.read_text(encoding="utf-8").lower())
    shingles = {" ".join(words[i : i + 8]) for i in range(len(words) - 7)}
    texts = [f.text for s in lib.seeds.values() for f in s.facts]
    texts += [q.prompt for q in lib.questions()] + [q.explanation for q in lib.questions()]
    texts += [a.claim for m in lib.motions.values() for a in m.arguments]
    texts += [m.info for m in lib.motions.values()]
    for text in texts:
        tw = re.findall(r"[a-z0-9$.]+", text.lower())
        for i in range(len(tw) - 7):
            assert " ".join(tw[i : i + 8]) not in shingles, f"copied from the article: {text!r}"
