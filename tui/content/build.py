"""Turn checked records into models, with the checks one file can make on its own."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from tui.content.findings import Loc, Report
from tui.content.models import (
    Argument,
    ArgumentSet,
    Bank,
    Criterion,
    DebateFormat,
    Fact,
    Question,
    Rebuttal,
    Scoring,
    Seed,
    Speech,
    Team,
)
from tui.content.spec import INVALID, ListVal, Rec


def _ok(value: Any) -> bool:
    if value is INVALID:
        return False
    if isinstance(value, dict):
        return all(_ok(v) for v in value.values())
    if isinstance(value, list):
        return all(_ok(v) for v in value)
    return True


def _locs(rec: Rec) -> MappingProxyType[str, Loc]:
    out = dict(rec.locs)
    for key, value in rec.items():
        if isinstance(value, ListVal):
            for i, loc in enumerate(value.locs):
                out[f"{key}.{i}"] = loc
    return MappingProxyType(out)


def _unique_ids(items: list[Rec], what: str, report: Report) -> None:
    seen: dict[str, Loc] = {}
    for item in items:
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            report.error(
                item.at("id"),
                f"duplicate {what} id {ident!r} (first at line {seen[ident].line})",
                "duplicate-id",
            )
        else:
            seen[ident] = item.at("id")


def build_seed(rec: Rec, path: str, report: Report) -> Seed | None:
    facts = rec.get("facts") or []
    _unique_ids(facts, "fact", report)
    for fact in facts:
        if isinstance(fact, Rec) and fact.get("origin") == "context" and not fact.get("ref"):
            report.error(
                fact.loc,
                f"fact {fact.get('id')!r}: a context fact needs 'ref' (where it is documented)",
                "missing-ref",
            )
    if not _ok(rec):
        return None
    return Seed(
        id=rec["seed"],
        title=rec["title"],
        origin=rec["origin"],
        source=rec["source"],
        path=path,
        loc=rec.loc,
        facts=tuple(
            Fact(
                id=f["id"],
                text=f["text"],
                kind=f["kind"],
                section=f["section"],
                origin=f["origin"],
                ref=f["ref"],
                loc=f.loc,
            )
            for f in facts
        ),
    )


def _check_question(q: Rec, report: Report) -> None:
    qtype = q.get("type")
    qid = q.get("id")
    if qtype in ("choice", "multi"):
        right = [q["answer"]] if qtype == "choice" else list(q.get("answers") or [])
        wrong = q.get("distractors") or []
        folded = {w.casefold(): i for i, w in enumerate(wrong) if isinstance(w, str)}
        for answer in right:
            if isinstance(answer, str) and answer.casefold() in folded:
                loc = wrong.locs[folded[answer.casefold()]] if isinstance(wrong, ListVal) else q.loc
                report.error(
                    loc, f"question {qid!r}: the answer {answer!r} is also a distractor", "answer-repeated"
                )
        choices = {c.casefold() for c in [*right, *wrong] if isinstance(c, str)}
        feedback: Rec = q.get("feedback") or Rec(q.loc)
        for key in feedback:
            if key.casefold() not in choices:
                report.error(
                    feedback.locs.get(key, q.loc),
                    f"question {qid!r}: feedback for {key!r}, which is not one of the choices",
                    "feedback-key",
                )
    elif qtype == "truefalse":
        for key in q.get("feedback") or {}:
            if key.lower() not in ("true", "false"):
                report.error(
                    q.at("feedback"),
                    f"question {qid!r}: truefalse feedback keys are 'true' and 'false'",
                    "feedback-key",
                )
    elif qtype == "numeric":
        tolerance = q.get("tolerance")
        if (
            isinstance(tolerance, int | float) and tolerance < 0
        ):  # pragma: no cover - the spec rejects it first
            report.error(q.at("tolerance"), f"question {qid!r}: tolerance must not be negative", "tolerance")
    elif qtype == "match":
        pairs: Rec = q.get("pairs") or Rec(q.loc)
        seen: dict[str, str] = {}
        for left, right in pairs.items():
            if not isinstance(right, str):
                continue
            if right.casefold() in seen:
                report.error(
                    pairs.locs.get(left, q.loc),
                    f"question {qid!r}: right side {right!r} is repeated (also for {seen[right.casefold()]!r}); "
                    "each left item needs its own answer",
                    "match-repeated",
                )
            seen.setdefault(right.casefold(), left)


def build_bank(rec: Rec, path: str, report: Report) -> Bank | None:
    questions = [q for q in rec.get("questions") or [] if isinstance(q, Rec)]
    _unique_ids(questions, "question", report)
    for q in questions:
        _check_question(q, report)
    # Build what is sound even when some questions are not, so cross-file
    # checks (facts, duplicate ids) still see them; the loader decides whether
    # a file with errors is used.
    if not all(_ok(rec[k]) for k in ("bank", "title", "seed", "description")):
        return None
    bank_id = rec["bank"]
    built = []
    for q in questions:
        if not _ok(q):
            continue
        qtype = q["type"]
        answer = q.get("answer")
        if qtype == "numeric" and isinstance(answer, int | float):
            answer = float(answer)
        built.append(
            Question(
                id=q["id"],
                type=qtype,
                prompt=q["prompt"],
                explanation=q["explanation"],
                facts=tuple(q["facts"]),
                tags=tuple(q["tags"]),
                difficulty=q["difficulty"],
                points=float(q["points"]),
                time_limit=q["time_limit"],
                answer=answer,
                answers=tuple(q.get("answers") or ()),
                distractors=tuple(q.get("distractors") or ()),
                feedback=MappingProxyType(dict(q.get("feedback") or {})),
                tolerance=q.get("tolerance") or 0,
                unit=q.get("unit"),
                fuzzy=float(q.get("fuzzy") or 0.85),
                items=tuple(q.get("items") or ()),
                pairs=tuple((q.get("pairs") or {}).items()),
                bank=bank_id,
                loc=q.loc,
                locs=_locs(q),
            )
        )
    return Bank(
        id=bank_id,
        title=rec["title"],
        seed=rec["seed"],
        description=rec["description"],
        questions=tuple(built),
        path=path,
        loc=rec.loc,
    )


def build_arguments(rec: Rec, path: str, report: Report) -> ArgumentSet | None:
    arguments = [a for a in rec.get("arguments") or [] if isinstance(a, Rec)]
    _unique_ids(arguments, "argument", report)
    _unique_ids(
        [r for a in arguments for r in a.get("rebuttals") or [] if isinstance(r, Rec)], "rebuttal", report
    )
    for arg in arguments:
        for reb in arg.get("rebuttals") or []:
            if not isinstance(reb, Rec):
                continue
            for point in reb.get("key_points") or []:
                if isinstance(point, list) and not [w for w in point if isinstance(w, str) and w.strip()]:
                    report.error(
                        reb.at("key_points"), f"rebuttal {reb.get('id')!r}: empty key point", "empty-point"
                    )
    sides = {a.get("side") for a in arguments}
    for side in ("prop", "opp"):
        if arguments and side not in sides:
            report.warning(
                rec.at("arguments"),
                f"no arguments for side {side!r}: drills and rounds need both sides",
                "one-sided",
            )
    if not all(_ok(rec[k]) for k in ("id", "motion", "info", "seed", "tags")):
        return None
    arguments = [a for a in arguments if _ok(a)]
    motion_id = rec["id"]
    return ArgumentSet(
        id=motion_id,
        motion=rec["motion"],
        info=rec["info"],
        seed=rec["seed"],
        tags=tuple(rec["tags"] or ()),
        path=path,
        loc=rec.loc,
        arguments=tuple(
            Argument(
                id=a["id"],
                side=a["side"],
                claim=a["claim"],
                reasoning=a["reasoning"],
                evidence=tuple(a["evidence"]),
                impact=a["impact"],
                strength=a["strength"],
                tags=tuple(a["tags"]),
                motion=motion_id,
                loc=a.loc,
                locs=_locs(a),
                rebuttals=tuple(
                    Rebuttal(
                        id=r["id"],
                        text=r["text"],
                        loc=r.loc,
                        key_points=tuple(tuple(w.strip() for w in p if w.strip()) for p in r["key_points"]),
                    )
                    for r in a["rebuttals"]
                ),
            )
            for a in arguments
        ),
    )


def build_format(rec: Rec, path: str, report: Report) -> DebateFormat | None:
    teams = rec.get("teams") or []
    team_ids = {t.get("id") for t in teams if isinstance(t, Rec)}
    sides = set(rec.get("sides") or [])
    prep: Rec = rec.get("prep") or Rec(rec.loc)
    if isinstance(prep, Rec) and prep.get("minutes") is None and prep.get("pool_minutes") is None:
        report.error(prep.loc, "prep: give 'minutes' (shared prep) or 'pool_minutes' (per-side pool)", "prep")
    for speech in rec.get("speeches") or []:
        if not isinstance(speech, Rec):
            continue
        minutes = speech.get("minutes")
        if speech.get("side") not in (*sides, "both"):
            report.error(
                speech.at("side"),
                f"speech {speech.get('name')!r}: side is not one of the format's sides",
                "side",
            )
        if speech.get("team") is not None and speech["team"] not in team_ids:
            report.error(
                speech.at("team"), f"speech {speech.get('name')!r}: unknown team {speech['team']!r}", "team"
            )
        poi = speech.get("poi")
        timed = isinstance(minutes, int | float)
        length = float(minutes) if isinstance(minutes, int | float) else 0.0
        if isinstance(poi, list) and _ok(poi) and timed and (len(poi) != 2 or not poi[0] < poi[1] <= length):
            report.error(
                speech.at("poi"),
                f"speech {speech.get('name')!r}: poi is [start, end] within the speech",
                "poi",
            )
        bells = speech.get("bells")
        if (
            isinstance(bells, list)
            and _ok(bells)
            and timed
            and (list(bells) != sorted(bells) or (bells and bells[-1] > length + 1))
        ):
            report.error(
                speech.at("bells"),
                f"speech {speech.get('name')!r}: bells must ascend and ring by a minute after the end",
                "bells",
            )
    scoring = rec.get("scoring")
    if isinstance(scoring, Rec):
        for key in ("speaker_range", "reply_range"):
            rng = scoring.get(key)
            if isinstance(rng, list) and _ok(rng) and (len(rng) != 2 or rng[0] > rng[1]):
                report.error(scoring.at(key), f"{key}: give [low, high]", "range")
    if not _ok(rec):
        return None
    sc = rec["scoring"]
    return DebateFormat(
        id=rec["format"],
        name=rec["name"],
        description=rec["description"],
        sides=tuple(rec["sides"]),
        side_names=MappingProxyType(dict(rec["side_names"] or {})),
        teams=tuple(Team(t["id"], t["name"], t["side"]) for t in teams),
        prep_minutes=float(prep.get("minutes") or 0),
        prep_pool_minutes=float(prep.get("pool_minutes") or 0),
        speeches=tuple(
            Speech(
                name=s["name"],
                side=s["side"],
                minutes=float(s["minutes"]),
                kind=s["kind"],
                team=s["team"],
                poi=tuple(s["poi"]) if s["poi"] else None,
                bells=tuple(float(b) for b in s["bells"] or ()),
            )
            for s in rec["speeches"]
        ),
        scoring=Scoring(
            criteria=tuple(Criterion(c["name"], float(c["max"])) for c in sc["criteria"]),
            speaker_range=tuple(sc["speaker_range"]),
            reply_range=tuple(sc["reply_range"]) if sc["reply_range"] else None,
            step=float(sc["step"]),
            ranks=tuple(sc["ranks"] or ()),
        ),
        path=path,
        loc=rec.loc,
    )


BUILDERS: dict[str, Callable[[Rec, str, Report], Any]] = {
    "seed": build_seed,
    "bank": build_bank,
    "motion": build_arguments,
    "format": build_format,
}
