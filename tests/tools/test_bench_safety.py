"""The safety lines of `python -m bot bench` (figures only; no timing is asserted)."""

from tools.bench_safety import LENGTHS, format_safety_bench


def test_the_bench_prints_every_length_and_the_verdict() -> None:
    row = {"p50_ms": 1.0, "p99_ms": 1.5, "us_per_char": 1.0}
    result = {"messages": 10, "check": {"p50_ms": 0.05, "p99_ms": 0.3, "max_ms": 0.9},
              "by_length": {str(n): row for n in LENGTHS}}
    lines = format_safety_bench(result, 0.2)
    assert "p99 0.300 ms" in lines[0] and lines[0].endswith("(target p99 < 0.2 ms: NO)")
    assert [line.split(":")[0].strip() for line in lines[2:]] == [str(n) for n in LENGTHS]
