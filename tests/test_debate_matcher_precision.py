"""The matcher forgives typos without reading one real word as another."""

from __future__ import annotations

import pytest

from tui.debate.matcher import match_point


@pytest.mark.parametrize(
    ("text", "synonym"),
    [
        ("they tightned the rules", "tightened"),
        ("the controls were loophold", "loopholes"),
        ("a 2,048-GPU cluster", "2048 gpu"),
        ("thousands of H800s", "h800"),
        ("more GPUs", "gpu"),
    ],
)
def test_made(text: str, synonym: str) -> None:
    assert match_point(text, [synonym]).made


@pytest.mark.parametrize(
    ("text", "synonym"),
    [
        ("the model was trained", "trails"),
        ("a probe of the claim", "prove"),
        ("we distrust it", "mistrust"),
        ("in 2022", "2023"),
        ("the cloud", "claude"),
    ],
)
def test_not_made(text: str, synonym: str) -> None:
    assert not match_point(text, [synonym]).made
