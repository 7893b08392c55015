"""The content formats, defined once: validation, JSON Schema and docs all come from here."""

from __future__ import annotations

from typing import Any

from tui.content.spec import AnyOf, Bool, Enum, F, Id, Int, List, Map, Num, Obj, Spec, Str, Tagged

FACT_KINDS = ("reported", "verified", "opinion", "question")
QUESTION_TYPES = ("choice", "multi", "truefalse", "numeric", "short", "order", "match")
SIDES = ("prop", "opp")

FACT = Obj(
    (
        F("id", Id("Stable id of the fact; questions and arguments cite it."), required=True),
        F("text", Str("The fact, restated in our own words."), required=True),
        F(
            "kind",
            Enum(
                FACT_KINDS,
                "reported: claimed, not checked; verified: established by documents; "
                "opinion: a judgement; question: an open question the source asks.",
            ),
            required=True,
        ),
        F("section", Id("The part of the source the fact comes from."), required=True),
        F(
            "origin",
            Enum(
                ("article", "context"), "article: stated in the source; context: from elsewhere (give ref)."
            ),
            default="article",
        ),
        F("ref", Str("Where a context fact is documented.")),
    ),
    title="Fact",
)

SEED = Obj(
    (
        F("seed", Id("The seed's id: stable forever."), required=True),
        F("title", Str("Title of the source."), required=True),
        F("origin", Str("What kind of source this is."), required=True),
        F("source", Str("The original the source is based on.")),
        F("facts", List(FACT, "The source restated as atomic facts.", min_items=1), required=True),
    ),
    "A source restated as atomic facts.",
    title="Sparring seed",
)

_FACT_IDS = List(Id(), "Ids of the seed facts this rests on.", min_items=1, unique=True)
_CITES = List(
    Id(), "Ids of the seed facts this question rests on (a question should cite at least one).", unique=True
)
_CHOICES = List(Str(), min_items=1, unique=True)
_FEEDBACK = Map(Str(), "Feedback shown when a given choice is picked (choice text -> message).")

QUESTION = Tagged(
    key="type",
    common=(
        F("id", Id("Stable id: a learner's progress is keyed on it."), required=True),
        F("prompt", Str("The question as the learner reads it."), required=True),
        F("explanation", Str("Why the answer is right, shown after answering."), required=True),
        F("facts", _CITES, default=()),
        F(
            "tags",
            List(Id(), "Topics, for filtering and per-tag results.", min_items=1, unique=True),
            required=True,
        ),
        F("difficulty", Int("1 easy .. 3 hard.", minimum=1, maximum=3), required=True),
        F("points", Num("What the question is worth.", exclusive_minimum=0), default=1),
        F("time_limit", Int("Seconds allowed (optional).", minimum=1)),
    ),
    variants=(
        (
            "choice",
            (
                F("answer", Str("The right choice."), required=True),
                F("distractors", List(Str(), "Wrong choices.", min_items=1, unique=True), required=True),
                F("feedback", _FEEDBACK),
            ),
        ),
        (
            "multi",
            (
                F("answers", _CHOICES, required=True),
                F("distractors", List(Str(), "Wrong choices.", min_items=1, unique=True), required=True),
                F("feedback", _FEEDBACK),
            ),
        ),
        (
            "truefalse",
            (
                F("answer", Bool("true or false (a YAML boolean, unquoted)."), required=True),
                F("feedback", _FEEDBACK),
            ),
        ),
        (
            "numeric",
            (
                F("answer", Num("The right value."), required=True),
                F(
                    "tolerance",
                    AnyOf(
                        (Num(minimum=0), Str(pattern=r"\d+(\.\d+)?%")),
                        'Absolute, or a percentage such as "10%".',
                        expected='a number >= 0 or a percentage such as "10%"',
                    ),
                    default=0,
                ),
                F("unit", Str("Shown after the input, e.g. GPU-hours.")),
            ),
        ),
        (
            "short",
            (
                F("answers", _CHOICES, required=True),
                F("fuzzy", Num("Similarity 0..1 a typed answer needs.", minimum=0, maximum=1), default=0.85),
            ),
        ),
        (
            "order",
            (
                F(
                    "items",
                    List(Str(), "In the correct order; shown shuffled.", min_items=2, unique=True),
                    required=True,
                ),
            ),
        ),
        ("match", (F("pairs", Map(Str(), "left -> right.", min_items=2), required=True),)),
    ),
    description="A question; its type decides the other keys.",
)

BANK = Obj(
    (
        F("bank", Id("The bank's id: stable forever."), required=True),
        F("title", Str(), required=True),
        F("description", Str()),
        F("seed", Id("The seed whose facts the questions cite."), required=True),
        F("questions", List(QUESTION, min_items=1), required=True),
    ),
    "A question bank.",
    title="Sparring question bank",
)

REBUTTAL = Obj(
    (
        F("id", Id(), required=True),
        F("text", Str("A model rebuttal."), required=True),
        F(
            "key_points",
            List(
                List(Str(), "Words or phrases that make this point (synonyms).", min_items=1),
                "Points a typed rebuttal is scored on.",
                min_items=1,
            ),
            required=True,
        ),
    ),
    title="Rebuttal",
)

ARGUMENT = Obj(
    (
        F("id", Id(), required=True),
        F("side", Enum(SIDES), required=True),
        F("claim", Str(), required=True),
        F("reasoning", Str(), required=True),
        F("evidence", _FACT_IDS, required=True),
        F("impact", Str(), required=True),
        F("strength", Int("1..5, the author's judgement.", minimum=1, maximum=5), required=True),
        F("tags", List(Id(), min_items=1, unique=True), required=True),
        F("rebuttals", List(REBUTTAL, "Answers the other side can give.", min_items=1), required=True),
    ),
    title="Argument",
)

ARGUMENTS = Obj(
    (
        F("motion", Str("The motion, e.g. 'This house believes ...'."), required=True),
        F("id", Id("The motion's id: stable forever."), required=True),
        F("info", Str("Context shown before prep."), required=True),
        F("seed", Id(), required=True),
        F("tags", List(Id(), unique=True)),
        F("arguments", List(ARGUMENT, min_items=1), required=True),
    ),
    "An argument set for one motion.",
    title="Sparring argument set",
)

SPEECH = Obj(
    (
        F("name", Str(), required=True),
        F("side", Enum((*SIDES, "both")), required=True),
        F("minutes", Num(exclusive_minimum=0, maximum=60), required=True),
        F("kind", Enum(("speech", "reply", "cross")), default="speech"),
        F("team", Id()),
        F("poi", List(Num(minimum=0), "[start, end] minute of the POI window.", min_items=2)),
        F("bells", List(Num(minimum=0), "Minutes at which the bell rings.")),
    ),
    title="Speech",
)

FORMAT = Obj(
    (
        F("format", Id("The format's id."), required=True),
        F("name", Str(), required=True),
        F("description", Str()),
        F("sides", List(Enum(SIDES), min_items=2, unique=True), required=True),
        F("side_names", Map(Str())),
        F(
            "teams",
            List(
                Obj(
                    (
                        F("id", Id(), required=True),
                        F("name", Str(), required=True),
                        F("side", Enum(SIDES), required=True),
                    ),
                    title="Team",
                )
            ),
        ),
        F(
            "prep",
            Obj(
                (
                    F("minutes", Num(minimum=0)),
                    F("pool_minutes", Num(minimum=0)),
                )
            ),
            required=True,
        ),
        F("speeches", List(SPEECH, min_items=1), required=True),
        F(
            "scoring",
            Obj(
                (
                    F(
                        "criteria",
                        List(
                            Obj(
                                (
                                    F("name", Str(), required=True),
                                    F("max", Num(exclusive_minimum=0), required=True),
                                )
                            ),
                            min_items=1,
                        ),
                        required=True,
                    ),
                    F("speaker_range", List(Num(), min_items=2), required=True),
                    F("reply_range", List(Num(), min_items=2)),
                    F("step", Num(exclusive_minimum=0), default=1),
                    F("ranks", List(Num())),
                )
            ),
            required=True,
        ),
    ),
    "A debate format.",
    title="Sparring debate format",
)

KINDS: dict[str, tuple[str, Obj]] = {
    # kind key -> (schema name, spec)
    "seed": ("seed", SEED),
    "bank": ("bank", BANK),
    "motion": ("arguments", ARGUMENTS),
    "format": ("format", FORMAT),
}
SCHEMAS: dict[str, Obj] = {name: spec for name, spec in KINDS.values()}
SCHEMA_FILES = {
    "seed": "seeds/seed.schema.json",
    "bank": "questions/bank.schema.json",
    "arguments": "arguments/arguments.schema.json",
    "format": "tui/content/formats/format.schema.json",
}
SCHEMA_BASE = "https://sparring.invalid/schema"


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) for one content kind."""
    spec: Spec = SCHEMAS[name]
    out = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}/{name}.schema.json",
    }
    out.update(spec.schema())
    return out
