from __future__ import annotations

import parley


def test_public_api_is_pinned() -> None:
    assert sorted(parley.__all__) == sorted([
        "Actor", "ActorMention", "ActorRef", "ConfigError", "DataFileError", "DecodeError",
        "Document", "EmptyDocumentError", "EvalError", "Event", "EventFilter", "FormatError",
        "InputError", "Location", "ModelError", "ParleyError", "Pipeline", "ProcessedDocument",
        "RawDocument", "Settings", "Store", "StoreError", "TextInfo", "__version__", "code_text",
    ])
    for name in parley.__all__:
        assert hasattr(parley, name), name


def test_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    assert parley.__version__ == version("parley")
