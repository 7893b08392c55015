"""Benchmark: `sparring lint` on a 10,000-question bank against a bare PyYAML load of the same file.

Both sides run in a fresh process (so process start counts on both), in
alternation, in the same run; the figures are ratios against that baseline.
Targets (issue 2): median time ratio <= 2.5, peak memory ratio <= 2.

    python bench/lint.py [--questions 10000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TYPES = ("choice", "multi", "truefalse", "numeric", "short", "order", "match")


def write_content(folder: Path, count: int) -> tuple[Path, Path]:
    seed = folder / "bench-seed.yaml"
    facts = "\n".join(
        f"  - id: fact-{i}\n    text: Benchmark fact number {i}.\n    kind: reported\n    section: bench"
        for i in range(50)
    )
    seed.write_text(f"seed: bench-seed\ntitle: Bench\norigin: generated\nfacts:\n{facts}\n", encoding="utf-8")
    lines = ["bank: bench-bank", "title: Benchmark bank", "seed: bench-seed", "questions:"]
    for i in range(count):
        qtype = TYPES[i % len(TYPES)]
        lines += [
            f"  - id: q-{i}",
            f"    type: {qtype}",
            f"    prompt: Generated question {i} of type {qtype}, long enough to look like a real prompt?",
            f"    explanation: Because question {i} says so, and the explanation is a sentence or two long.",
            f"    facts: [fact-{i % 50}, fact-{(i + 1) % 50}]",
            f"    tags: [bench, {qtype}]",
            f"    difficulty: {1 + i % 3}",
        ]
        if qtype == "choice":
            lines += [
                "    answer: About $5.6 million",
                "    distractors: [About $56 million, About $560 million, About $5.6 billion]",
            ]
        elif qtype == "multi":
            lines += ["    answers: [H800, A800]", "    distractors: [H100, B200]"]
        elif qtype == "truefalse":
            lines += ["    answer: true"]
        elif qtype == "numeric":
            lines += ["    answer: 2048", "    tolerance: 5%", "    unit: GPUs"]
        elif qtype == "short":
            lines += ["    answers: [H800, Nvidia H800]", "    fuzzy: 0.8"]
        elif qtype == "order":
            lines += ["    items: [Oct 2022 rule, H800 on sale, Oct 2023 rule, R1 released]"]
        else:
            lines += ["    pairs: {Llama: Meta, GPT-4o: OpenAI, Claude: Anthropic}"]
    bank = folder / "bench-bank.yaml"
    bank.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return seed, bank


def run(cmd: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS (KiB) and exit code of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed, bank = write_content(Path(tmp), args.questions)
        size = bank.stat().st_size
        lint = [sys.executable, "-m", "tui", "lint", "--max-bytes", str(10 * size), str(seed), str(bank)]
        bare = [
            sys.executable,
            "-c",
            "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)",
            str(bank),
        ]
        _, _, code = run(lint)
        if code != 0:
            print(f"lint failed on the generated bank (exit {code})", file=sys.stderr)
            return 1
        ratios, mem_ratios, lint_times, bare_times = [], [], [], []
        for _ in range(args.rounds):
            t_bare, m_bare, _ = run(bare)
            t_lint, m_lint, _ = run(lint)
            ratios.append(t_lint / t_bare)
            mem_ratios.append(m_lint / m_bare)
            lint_times.append(t_lint)
            bare_times.append(t_bare)
    print(f"bank: {args.questions:,} questions, {size / 1e6:.1f} MB; {args.rounds} alternating rounds")
    print(f"bare yaml.load (CSafeLoader): median {statistics.median(bare_times):.3f} s")
    print(f"sparring lint:               median {statistics.median(lint_times):.3f} s")
    time_ratio = statistics.median(ratios)
    mem_ratio = max(mem_ratios)
    print(f"time ratio (median):   {time_ratio:.2f}x  (target <= 2.5x)")
    print(f"peak memory ratio:     {mem_ratio:.2f}x  (target <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
