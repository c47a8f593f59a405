from __future__ import annotations

import re

from parley import errors


def test_codes_are_unique_and_match_their_names() -> None:
    seen = set()
    for name, message in vars(errors.Errors).items():
        if not name.startswith("E"):
            continue
        assert message.startswith(f"[{name}] "), name
        assert name not in seen
        seen.add(name)
    assert len(seen) >= 10


def test_every_error_derives_from_the_root() -> None:
    for name in errors.__all__:
        obj = getattr(errors, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, errors.ParleyError)


def test_library_code_never_prints() -> None:
    from pathlib import Path

    root = Path(errors.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        if "cli" in path.relative_to(root).parts:
            continue
        text = path.read_text()
        if re.search(r"^\s*print\(", text, re.M) or "sys.exit(" in text:
            offenders.append(str(path))
    assert offenders == []
