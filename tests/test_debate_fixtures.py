"""Small argument sets built in code for the debate tests (and a check that they are what the tests assume)."""

from __future__ import annotations

from pathlib import Path

from tui.content.loader import load_file
from tui.content.models import Argument, ArgumentSet, Rebuttal, Side


def reb(rid: str, text: str, *points: tuple[str, ...] | list[str]) -> Rebuttal:
    return Rebuttal(rid, text, tuple(tuple(p) for p in points))


def arg(
    aid: str,
    side: Side,
    claim: str,
    *,
    reasoning: str = "",
    impact: str = "",
    strength: int = 3,
    tags: tuple[str, ...] = ("general",),
    rebuttals: tuple[Rebuttal, ...] = (),
) -> Argument:
    return Argument(
        aid,
        side,
        claim,
        reasoning or f"Reasoning for {aid}.",
        (),
        impact or f"Impact of {aid}.",
        strength,
        tags,
        rebuttals or (reb(f"{aid}-r", f"A rebuttal of {aid}.", [f"{aid}word"]),),
    )


CHIPS_ARGS = (
    arg(
        "permitted-chips",
        "prop",
        "DeepSeek reached the frontier on chips the rules allowed.",
        reasoning="If permitted chips suffice, the controls do not deny the capability.",
        impact="Export revenue is lost while China's frontier is not slowed.",
        strength=4,
        tags=("chips",),
        rebuttals=(
            reb(
                "rules-adapt",
                "The H800 itself was banned in 2023; the rules work with a lag.",
                ["banned", "closed", "tightened", "updated"],
                ["lag", "delay", "stockpile"],
            ),
            reb(
                "still-behind",
                "China still trails on the hardest benchmarks.",
                ["trails", "behind"],
                ["benchmarks", "tests"],
            ),
        ),
    ),
    arg(
        "lost-sales",
        "prop",
        "Chipmakers lose billions in sales to China.",
        reasoning="Every blocked sale goes to a Chinese rival instead.",
        impact="Revenue that funds American research shrinks for years.",
        strength=3,
        tags=("economy",),
        rebuttals=(
            reb(
                "security-price",
                "Lost sales are the price of security.",
                ["price", "cost", "trade-off"],
                ["security", "military"],
            ),
        ),
    ),
    arg(
        "smuggling",
        "prop",
        "Smuggling routes around the controls are everywhere.",
        reasoning="Chips move through third countries with little enforcement.",
        impact="The rules punish honest firms and reward smugglers.",
        strength=2,
        tags=("enforcement",),
        rebuttals=(
            reb(
                "enforcement-grows",
                "Enforcement is growing and smuggled volumes are small.",
                ["enforcement", "prosecution"],
                ["small", "tiny", "marginal"],
            ),
        ),
    ),
    arg(
        "compute-gap",
        "opp",
        "The United States keeps a large compute lead.",
        reasoning="American labs train on clusters many times larger than Chinese ones.",
        impact="The next generation of models is trained in America first.",
        strength=5,
        tags=("chips", "compute"),
        rebuttals=(
            reb(
                "efficiency-wins",
                "Efficiency closes the gap: small clusters now suffice.",
                ["efficiency", "efficient"],
                ["small cluster", "fewer chips"],
            ),
        ),
    ),
    arg(
        "slower-progress",
        "opp",
        "The controls slowed Chinese progress by years.",
        reasoning="Without top chips, each training run takes longer and costs more.",
        impact="Time bought lets democracies set the rules first.",
        strength=4,
        tags=("time",),
        rebuttals=(
            reb(
                "months-not-years",
                "The lead is months, not years.",
                ["months", "short"],
                ["caught up", "matched"],
            ),
        ),
    ),
    arg(
        "allies-joined",
        "opp",
        "Allies joined the controls on chip-making tools.",
        reasoning="The Netherlands and Japan restricted lithography exports.",
        impact="China cannot build its own leading chips for a decade.",
        strength=3,
        tags=("alliances",),
        rebuttals=(
            reb(
                "domestic-push",
                "The controls pushed China to build its own tools faster.",
                ["domestic", "own tools", "self-reliance"],
                ["faster", "accelerate"],
            ),
        ),
    ),
)

CHIPS = ArgumentSet(
    "chips", "This house believes chip export controls have failed", "Context paragraph.", "seed", CHIPS_ARGS
)

ONE_SIDED = ArgumentSet(
    "one-sided",
    "This house would do one thing",
    "Info.",
    "seed",
    tuple(a for a in CHIPS_ARGS if a.side == "prop"),
)

OTHER = ArgumentSet(
    "other",
    "This house would open-source frontier models",
    "Info.",
    "seed",
    (
        arg(
            "open-safety",
            "prop",
            "Open models let researchers find flaws faster.",
            strength=4,
            tags=("safety",),
            rebuttals=(reb("misuse", "Open weights hand tools to bad actors.", ["misuse", "bad actors"]),),
        ),
        arg(
            "open-misuse",
            "opp",
            "Open weights cannot be recalled once released.",
            strength=4,
            tags=("safety",),
            rebuttals=(reb("already-out", "Capable models are already out there.", ["already", "released"]),),
        ),
    ),
)

MOTION_YAML = """\
motion: This house believes chip export controls have failed
id: test-chips
info: A test motion.
seed: deepseek-challenges-us-dominance
arguments:
  - id: t-permitted
    side: prop
    claim: DeepSeek reached the frontier on chips the rules allowed.
    reasoning: If permitted chips suffice, the controls do not deny the capability.
    evidence: [used-h800]
    impact: Export revenue is lost while China's frontier is not slowed.
    strength: 4
    tags: [chips]
    rebuttals:
      - id: t-rules-adapt
        text: The H800 itself was banned in 2023; the rules work with a lag.
        key_points:
          - [banned, tightened]
          - [lag, delay]
  - id: t-sales
    side: prop
    claim: Chipmakers lose billions in sales to China.
    reasoning: Every blocked sale goes to a Chinese rival instead.
    evidence: [used-h800]
    impact: Revenue that funds research shrinks.
    strength: 3
    tags: [economy]
    rebuttals:
      - id: t-price
        text: Lost sales are the price of security.
        key_points:
          - [price, cost]
  - id: t-gap
    side: opp
    claim: The United States keeps a large compute lead.
    reasoning: American labs train on far larger clusters.
    evidence: [used-h800]
    impact: The next models are trained in America first.
    strength: 5
    tags: [compute]
    rebuttals:
      - id: t-efficiency
        text: Efficiency closes the gap.
        key_points:
          - [efficiency, efficient]
  - id: t-slow
    side: opp
    claim: The controls slowed Chinese progress by years.
    reasoning: Each training run takes longer.
    evidence: [used-h800]
    impact: Time bought lets democracies set the rules.
    strength: 4
    tags: [time]
    rebuttals:
      - id: t-months
        text: The lead is months, not years.
        key_points:
          - [months, short]
"""


def write_motion(path: Path) -> Path:
    path.write_text(MOTION_YAML, encoding="utf-8")
    return path


def test_fixture_sets_are_as_the_tests_assume(tmp_path: Path) -> None:
    assert len(CHIPS.side("prop")) == 3 and len(CHIPS.side("opp")) == 3
    assert not ONE_SIDED.side("opp")
    loaded = load_file(write_motion(tmp_path / "m.yaml"))
    assert isinstance(loaded.model, ArgumentSet), [str(f) for f in loaded.findings]
    assert loaded.model.id == "test-chips"
