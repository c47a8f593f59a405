"""parley: open, transparent event data from news.

The public API is small and re-exported here; everything else is an implementation detail
that may change. ``tests/test_public_api.py`` pins this list.
"""

from importlib.metadata import PackageNotFoundError, version

from .config import Settings
from .errors import (
    ConfigError,
    DataFileError,
    DecodeError,
    EmptyDocumentError,
    EvalError,
    FormatError,
    InputError,
    ModelError,
    ParleyError,
    StoreError,
)
from .models import (
    Actor,
    ActorMention,
    ActorRef,
    Document,
    Event,
    Location,
    ProcessedDocument,
    RawDocument,
    TextInfo,
)
from .pipeline import Pipeline, code_text
from .store import EventFilter, Store

try:
    __version__ = version("parley")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = [
    "Actor",
    "ActorMention",
    "ActorRef",
    "ConfigError",
    "DataFileError",
    "DecodeError",
    "Document",
    "EmptyDocumentError",
    "EvalError",
    "Event",
    "EventFilter",
    "FormatError",
    "InputError",
    "Location",
    "ModelError",
    "ParleyError",
    "Pipeline",
    "ProcessedDocument",
    "RawDocument",
    "Settings",
    "Store",
    "StoreError",
    "TextInfo",
    "__version__",
    "code_text",
]
