"""Flussonic Media Server simulator: ``create_app(SimulatorState(...))``; see ``app`` for the API."""

from devtools.simulators.flussonic.app import SimulatorState, create_app
from devtools.simulators.flussonic.lineup import seed_lineup, synthetic_streams

__all__ = ["SimulatorState", "create_app", "seed_lineup", "synthetic_streams"]
