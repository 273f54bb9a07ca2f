"""The line every benchmark prints per target: our figure, the floor measured in the same run, their ratio, the aim.

Absolute figures move with the machine's load; the floor (the bare library doing the same work, measured a few
moments apart) moves with it, so a target is stated against both and the line says PASS or FAIL.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """One measured target: ``figure`` against ``aim`` (same unit), beside ``floor``."""

    label: str
    figure: float
    floor: float
    aim: str
    met: bool
    unit: str = "ms"
    ratio_shown: bool = True  # False when the figure is itself a difference from the floor

    def line(self) -> str:
        """``PASS  label  figure (floor F, ratio Rx)  aim``."""
        ratio = f"{self.figure / self.floor:6.2f}x" if self.ratio_shown and self.floor > 0 else "      -"
        verdict = "PASS" if self.met else "FAIL"
        return (
            f"{verdict}  {self.label:44} {self.figure:9.2f} {self.unit}  floor {self.floor:9.2f} {self.unit}"
            f"  ratio {ratio}   target: {self.aim}"
        )


def report(targets: list[Target]) -> bool:
    """Print the targets' lines under a heading; whether every one was met."""
    print("\ntargets")
    for target in targets:
        print(f"  {target.line()}")
    return all(t.met for t in targets)
