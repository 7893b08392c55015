"""The adjudication of a round, every figure explained.

Three criteria, each a share 0..1 with its reasons:

- Content: the strength of your own arguments made, against the strongest
  case of three from the set (capped at 100%).
- Rebuttal: of the opponent's arguments you had a chance to answer, 60% for
  the share you answered and 40% for the key points you hit (each argument's
  best model rebuttal).
- Strategy: a third each for weighing (comparative language and axes named),
  signposting (organising signposts used), and time used within the bells.

Weights come from the format where it names the criterion (practice:
Content 40, Rebuttal 20, Strategy 20), else 40/30/30. The weighted share is
placed on the format's speaker range and rounded to its step. A reply speech
gets its own score on the reply range.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tui.content.models import Argument, DebateFormat
from tui.debate.errors import fmt_score
from tui.debate.flow import FlowSheet
from tui.debate.rhetoric import AXES, organisers, weighing

DEFAULT_WEIGHTS: Mapping[str, float] = {"Content": 40.0, "Rebuttal": 30.0, "Strategy": 30.0}
CASE_SIZE = 3
ANSWERED_WEIGHT, POINTS_WEIGHT = 0.6, 0.4
SIGNPOSTS_FOR_FULL = 3


@dataclass(frozen=True, slots=True)
class CriterionScore:
    name: str
    share: float
    weight: float
    why: tuple[str, ...]
    applies: bool = True

    @property
    def points(self) -> float:
        return self.share * self.weight

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "share": round(self.share, 4),
            "weight": self.weight,
            "points": round(self.points, 2),
            "applies": self.applies,
            "why": list(self.why),
        }


@dataclass(frozen=True, slots=True)
class Adjudication:
    criteria: tuple[CriterionScore, ...]
    share: float
    score: float
    scale: tuple[float, float]
    step: float
    reply_score: float | None
    reply_scale: tuple[float, float] | None
    reply_why: tuple[str, ...]
    dropped_by_you: tuple[str, ...]
    dropped_by_opponent: tuple[str, ...]
    best_speech: tuple[str, ...]
    verdict: str
    why: tuple[str, ...]

    def criterion(self, name: str) -> CriterionScore:
        return next(c for c in self.criteria if c.name == name)

    @property
    def score_text(self) -> str:
        return f"{fmt_score(self.score)} ({fmt_score(self.scale[0])}–{fmt_score(self.scale[1])})"

    def as_dict(self) -> dict[str, Any]:
        return {
            "criteria": [c.as_dict() for c in self.criteria],
            "share": round(self.share, 4),
            "score": self.score,
            "scale": list(self.scale),
            "step": self.step,
            "reply_score": self.reply_score,
            "reply_scale": list(self.reply_scale) if self.reply_scale else None,
            "reply_why": list(self.reply_why),
            "dropped_by_you": list(self.dropped_by_you),
            "dropped_by_opponent": list(self.dropped_by_opponent),
            "best_speech": list(self.best_speech),
            "verdict": self.verdict,
            "why": list(self.why),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Adjudication:
        """An adjudication as `as_dict()` stored it (for reading a past round again)."""

        def strings(value: Any) -> tuple[str, ...]:
            return tuple(str(x) for x in value or ())

        def pair(value: Any) -> tuple[float, float] | None:
            return (float(value[0]), float(value[1])) if value and len(value) == 2 else None

        criteria = tuple(
            CriterionScore(
                str(c.get("name", "")),
                float(c.get("share", 0.0)),
                float(c.get("weight", 0.0)),
                strings(c.get("why")),
                bool(c.get("applies", True)),
            )
            for c in d.get("criteria") or ()
        )
        reply_score = d.get("reply_score")
        return cls(
            criteria,
            float(d.get("share", 0.0)),
            float(d.get("score", 0.0)),
            pair(d.get("scale")) or (0.0, 0.0),
            float(d.get("step", 0.0)),
            None if reply_score is None else float(reply_score),
            pair(d.get("reply_scale")),
            strings(d.get("reply_why")),
            strings(d.get("dropped_by_you")),
            strings(d.get("dropped_by_opponent")),
            strings(d.get("best_speech")),
            str(d.get("verdict", "")),
            strings(d.get("why")),
        )

    def lines(self) -> list[str]:
        """The whole adjudication as text lines (plain mode prints these)."""
        out = [f"score: {self.score_text} — {self.share:.0%} of the way up the scale"]
        for c in self.criteria:
            head = (
                f"{c.name}: {fmt_score(c.points)}/{fmt_score(c.weight)} ({c.share:.0%})"
                if c.applies
                else f"{c.name}: not scored"
            )
            out.append(head)
            out.extend(f"  - {w}" for w in c.why)
        if self.reply_score is not None and self.reply_scale is not None:
            out.append(
                f"reply: {fmt_score(self.reply_score)} ({fmt_score(self.reply_scale[0])}–"
                f"{fmt_score(self.reply_scale[1])})"
            )
            out.extend(f"  - {w}" for w in self.reply_why)
        out.append(
            "dropped by you (opponent arguments you never answered): "
            + ("; ".join(self.dropped_by_you) or "none")
        )
        out.append(
            "dropped by the opponent (your arguments it never answered): "
            + ("; ".join(self.dropped_by_opponent) or "none")
        )
        out.append(f"on the flow: {self.verdict}")
        out.append("the best speech would have added:")
        out.extend(f"  - {b}" for b in self.best_speech or ("nothing: the set is used up",))
        out.extend(self.why)
        return out


def on_scale(share: float, low: float, high: float, step: float) -> float:
    """`share` (0..1) placed on [low, high] and rounded to the nearest step."""
    raw = low + max(0.0, min(1.0, share)) * (high - low)
    if step > 0:
        raw = low + round((raw - low) / step) * step
    return round(max(low, min(high, raw)), 4)


def weights_for(fmt: DebateFormat) -> tuple[dict[str, float], str]:
    named = {c.name.lower(): c.max for c in fmt.scoring.criteria}
    weights = {k: float(named.get(k.lower(), v)) for k, v in DEFAULT_WEIGHTS.items()}
    from_format = [k for k in DEFAULT_WEIGHTS if k.lower() in named]
    source = f"weights {', '.join(f'{k} {fmt_score(v)}' for k, v in weights.items())}" + (
        f" ({', '.join(from_format)} from the {fmt.name} format)" if from_format else " (defaults)"
    )
    return weights, source


@dataclass(frozen=True, slots=True)
class LearnerSpeech:
    """What the adjudicator needs of each learner speech."""

    name: str
    kind: str
    text: str
    seconds: float
    time_share: float
    time_why: str
    made: tuple[str, ...]
    answer_shares: Mapping[str, float]


def adjudicate(
    fmt: DebateFormat,
    learner_side: str,
    own_args: Sequence[Argument],
    opponent_made: Sequence[Argument],
    chances: Mapping[str, int],
    speeches: Sequence[LearnerSpeech],
    flow: FlowSheet,
) -> Adjudication:
    """Judge the learner's speeches.

    `opponent_made`: the opponent's arguments made in the round; `chances`: for
    each, how many substantive learner speeches came after it (0 = no chance to answer).
    """
    weights, weight_source = weights_for(fmt)
    substantive = [s for s in speeches if s.kind == "speech"]
    replies = [s for s in speeches if s.kind == "reply"]
    by_id = {a.id: a for a in own_args}

    # ---- Content
    made_ids: list[str] = []
    for s in substantive:
        for arg_id in s.made:
            if arg_id not in made_ids and arg_id in by_id:
                made_ids.append(arg_id)
    made = [by_id[i] for i in made_ids]
    ranked = sorted(own_args, key=lambda a: (-a.strength, own_args.index(a)))
    case = ranked[:CASE_SIZE]
    target = sum(a.strength for a in case)
    got = sum(a.strength for a in made)
    content_share = min(1.0, got / target) if target else 0.0
    cwhy = [f"made '{a.claim}' (strength {a.strength})" for a in made]
    if not made:
        cwhy.append(
            "none of the set's arguments for your side was recognised (an argument is recognised when "
            "half the words of its claim come together, or, in your own words, at least three of its key "
            "terms from claim, reasoning and impact; either way, pointing to it rather than to another "
            "argument)"
        )
    cwhy.append(
        f"strength made {got} against {target} for the strongest case of {len(case)} "
        f"({', '.join(str(a.strength) for a in case)}) → {content_share:.0%}"
    )

    # ---- Rebuttal
    answerable = [a for a in opponent_made if chances.get(a.id, 0) > 0]
    rwhy: list[str] = []
    rebuttal_applies = bool(answerable)
    if answerable:
        best: dict[str, float] = {}
        for s in substantive:
            for arg_id, share in s.answer_shares.items():
                best[arg_id] = max(share, best.get(arg_id, 0.0))
        answered = [a for a in answerable if (row := flow.row(a.id)) is not None and row.status == "answered"]
        a_share = len(answered) / len(answerable)
        kp_share = sum(best.get(a.id, 0.0) for a in answerable) / len(answerable)
        rebuttal_share = ANSWERED_WEIGHT * a_share + POINTS_WEIGHT * kp_share
        for a in answerable:
            status = "answered" if a in answered else "not answered"
            rwhy.append(
                f"'{a.claim}': {status}, best {best.get(a.id, 0.0):.0%} of a model rebuttal's key points"
            )
        rwhy.append(
            f"answered {len(answered)}/{len(answerable)} ({a_share:.0%}) × {ANSWERED_WEIGHT:.0%} + key points "
            f"{kp_share:.0%} × {POINTS_WEIGHT:.0%} → {rebuttal_share:.0%}"
        )
    else:
        rebuttal_share = 0.0
        rwhy.append("no opponent argument came before one of your speeches: nothing to rebut, not scored")

    # ---- Strategy
    all_text = "\n".join(s.text for s in speeches if s.text)
    w = weighing(all_text)
    w_comp = 0.5 if w.explicit else 0.25 if w.comparative else 0.0
    w_axes = 0.5 * min(2, len(w.axes)) / 2
    weigh_share = w_comp + w_axes
    swhy = [
        (
            "weighing: direct comparison ('" + w.explicit + "')"
            if w.explicit
            else "weighing: comparative word ('" + w.comparative + "') but no direct comparison"
            if w.comparative
            else "weighing: no comparative language"
        )
        + (
            f"; axes named: {', '.join(f'{a} ({word})' for a, word in w.axes)}"
            if w.axes
            else "; no axis named"
        )
        + f" → {weigh_share:.0%}"
    ]
    posts = organisers(all_text)
    sign_share = min(1.0, len(posts) / SIGNPOSTS_FOR_FULL)
    swhy.append(
        f"signposting: {len(posts)} organising signpost(s)"
        + (f" ({', '.join(posts[:6])})" if posts else "")
        + f", {SIGNPOSTS_FOR_FULL} for full marks → "
        f"{sign_share:.0%}"
    )
    timed = [s for s in speeches if s.kind in ("speech", "reply")]
    time_share = sum(s.time_share for s in timed) / len(timed) if timed else 0.0
    for s in timed:
        swhy.append(f"time in {s.name}: {s.time_why}")
    strategy_share = (weigh_share + sign_share + time_share) / 3
    swhy.append(
        f"strategy: ({weigh_share:.0%} + {sign_share:.0%} + {time_share:.0%}) / 3 → {strategy_share:.0%}"
    )

    criteria = (
        CriterionScore("Content", content_share, weights["Content"], tuple(cwhy)),
        CriterionScore("Rebuttal", rebuttal_share, weights["Rebuttal"], tuple(rwhy), rebuttal_applies),
        CriterionScore("Strategy", strategy_share, weights["Strategy"], tuple(swhy)),
    )
    live = [c for c in criteria if c.applies]
    total_weight = sum(c.weight for c in live)
    share = sum(c.points for c in live) / total_weight if total_weight else 0.0
    low, high = fmt.scoring.speaker_range
    step = fmt.scoring.step
    score = on_scale(share, low, high, step)
    why = [
        f"scale: {weight_source}; weighted share {share:.1%} of {fmt_score(low)}–{fmt_score(high)}, "
        f"rounded to the step of {fmt_score(step)} → {fmt_score(score)}"
    ]
    if not rebuttal_applies:
        why.append("Rebuttal was not scored, so Content and Strategy share the weight")
    if not substantive or all(not s.text for s in substantive):
        why.append("no substantive speech was given")

    # ---- Reply
    reply_score: float | None = None
    reply_scale = fmt.scoring.reply_range
    reply_why: list[str] = []
    if replies and reply_scale is not None:
        reply = replies[-1]
        rw = weighing(reply.text)
        r_weigh = (0.5 if rw.explicit else 0.25 if rw.comparative else 0.0) + 0.5 * min(2, len(rw.axes)) / 2
        recap_pool = made or case
        recap = [a for a in recap_pool if a.id in reply.made]
        r_recap = len(recap) / len(recap_pool) if recap_pool else 0.0
        r_share = 0.5 * r_weigh + 0.25 * r_recap + 0.25 * reply.time_share
        reply_score = on_scale(r_share, reply_scale[0], reply_scale[1], step)
        reply_why = [
            f"weighing in the reply → {r_weigh:.0%} (half the reply score)",
            f"your arguments recapped: {len(recap)}/{len(recap_pool)} → {r_recap:.0%} (a quarter)",
            f"time: {reply.time_why} (a quarter)",
            f"reply share {r_share:.0%} → {fmt_score(reply_score)}",
        ]
        new = [by_id[i].claim for i in reply.made if i in by_id and i not in made_ids]
        if new:
            reply_why.append("new material in a reply does not count: " + "; ".join(new))

    # ---- Dropped, verdict, what the best speech would have added
    dropped_by_you = tuple(r.argument.claim for r in flow.dropped("opponent"))
    dropped_by_opp = tuple(r.argument.claim for r in flow.dropped("learner"))
    yours = sum(r.argument.strength for r in flow.rows if r.by == "learner" and r.status != "answered")
    theirs = sum(r.argument.strength for r in flow.rows if r.by == "opponent" and r.status != "answered")
    if yours > theirs:
        verdict = f"you win: your unanswered arguments carry strength {yours} against the opponent's {theirs}"
    elif theirs > yours:
        verdict = f"the opponent wins: its unanswered arguments carry strength {theirs} against your {yours}"
    else:
        verdict = f"too close to call: unanswered strength {yours} each"

    best_lines: list[str] = []
    for a in ranked:
        if a.id not in made_ids:
            best_lines.append(f"argument: {a.claim} (strength {a.strength}) — {a.impact}")
        if len(best_lines) >= CASE_SIZE:
            break
    for a in answerable:
        row = flow.row(a.id)
        if row is None or row.status != "answered":
            model = a.rebuttals[0].text if a.rebuttals else ""
            best_lines.append(f"answer to '{a.claim}': {' '.join(model.split())}")
    if len(w.axes) < 2:
        missing = [x for x in AXES if x not in w.axis_names]
        best_lines.append(
            f"weighing: compare the impacts on {', '.join(missing[:2])} ('ours is more likely "
            f"and lasts longer than theirs')"
        )
    if sign_share < 1:
        best_lines.append("signposting: announce the structure ('first ... second ... finally')")
    return Adjudication(
        criteria,
        share,
        score,
        (low, high),
        step,
        reply_score,
        reply_scale,
        tuple(reply_why),
        dropped_by_you,
        dropped_by_opp,
        tuple(best_lines),
        verdict,
        tuple(why),
    )
