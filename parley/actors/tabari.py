"""Reader for TABARI / PETRARCH / Phoenix ``.actors`` and ``.agents`` dictionaries.

Actors::

    PAKISTAN_  [PAK]            a root phrase and its code(s) on the same line
    +PAKISTANI_                 a synonym of the current root
    HAMID_KARZAI_               a root whose codes follow on indented lines
        [AFGELI 750101-000101]  a code valid in a date range (inclusive)
        [AFGGOV >011222]        ... from a date on
        [USRARM <900823]        ... until a date
        [AFGELI]                the default when no dated code applies
    # comment                   anywhere on a line

Words are joined by ``_``; a trailing ``_`` marks the end of a word (parley matches whole
words either way). Dates are ``YYMMDD`` (``YY`` <= 30 is 20YY) or ``YYYYMMDD``. ``[---]`` is
"no code". A root with no codes takes the codes that follow it (as PETRARCH does).

Agents::

    !PERSON! = MAN, MEN, WOMAN  a substitution set used as !PERSON! in phrases
    POLICE_CHIEF [~COP]         an agent phrase and its sector code
    LAWMAN {LAWMEN} [~COP]      explicit plural(s); ``{}`` means no plural

Regular plurals of agent phrases are generated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from ..errors import DataFileError, Errors
from .kb import ORG_PREFIXES, Agent, Entry, KnowledgeBase, Role, split_cameo

Problem = Callable[[DataFileError], None]

_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_PAREN = re.compile(r"\s*\([^()]*\)\s*")


def _tabari_date(s: str) -> dt.date:
    s = s.strip()
    if not s.isdigit() or len(s) not in (6, 8):
        raise ValueError(f"date {s!r} is not YYMMDD or YYYYMMDD")
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(s[2:4]), int(s[4:6])
    else:
        year, month, day = int(s[:4]), int(s[4:6]), int(s[6:8])
    return dt.date(year, month, day)


def parse_code(content: str) -> Role | None:
    """A ``[CODE date]`` bracket's content as a :class:`Role` (None for ``---``).

    Raises ``ValueError`` for a malformed date restriction.
    """
    parts = content.split()
    if not parts:
        raise ValueError("empty code []")
    code = parts[0].strip()
    if set(code) <= {"-"}:
        return None
    if len(parts) == 1:
        return Role(code)
    spec = "".join(parts[1:])
    if spec.startswith(">"):
        return Role(code, start=_tabari_date(spec[1:]))
    if spec.startswith("<"):
        return Role(code, end=_tabari_date(spec[1:]))
    if "-" in spec:
        a, b = spec.split("-", 1)
        return Role(code, start=_tabari_date(a), end=_tabari_date(b))
    raise ValueError(f"date restriction {spec!r} is not >DATE, <DATE or DATE-DATE")


def _phrase(raw: str) -> list[str]:
    """Surface phrases of a dictionary phrase ("ADEN_ARMY_(AA)_" -> both with and without)."""
    p = raw.strip().strip("+").replace("_", " ").strip()
    if not p:
        return []
    out = [p]
    if "(" in p:
        bare = _PAREN.sub(" ", p).strip()
        if bare and bare != p:
            out.append(bare)
    return out


def _kind(roles: list[Role]) -> str:
    kinds = set()
    for r in roles:
        code, sector = split_cameo(r.cameo)
        c = r.cameo.strip().upper()
        if code in ORG_PREFIXES:
            kinds.add(ORG_PREFIXES[code])
        elif sector == "ELI":
            kinds.add("person")
        elif sector in {"REB", "INS", "OPP", "PTY"}:
            kinds.add("group")
        elif len(c) == 3 and c.isalpha():
            kinds.add("country")
        else:
            kinds.add("other")
    for k in ("person", "igo", "ngo", "group", "country"):
        if k in kinds:
            return k
    return "other"


def load_tabari_actors(kb: KnowledgeBase, path: str, text: str, problem: Problem) -> None:
    """Add the entries of a TABARI ``.actors`` dictionary to ``kb``."""
    base = Path(path).name
    names: list[str] = []
    roles: list[Role] = []
    first_line = 0
    have_codes = False

    def bad(lineno: int, reason: str, line: str) -> None:
        problem(DataFileError(
            Errors.E133.format(path=path, line=lineno, reason=reason, text=line.strip()[:80]),
            path=path, line=lineno,
        ))

    def flush() -> None:
        nonlocal names, roles, have_codes
        if names and roles:
            kind = _kind(roles)
            name = names[0].title() if names[0].isupper() else names[0]
            entry = Entry(id=f"{base}:{first_line}", kind=kind, name=name,
                          roles=tuple(roles), source=f"{path}:{first_line}",
                          form="name")
            kb.add_entry(entry, names)
        names, roles, have_codes = [], [], False

    def codes(lineno: int, s: str, line: str) -> None:
        nonlocal have_codes
        if s.count("[") != s.count("]"):
            bad(lineno, "unbalanced brackets", line)
            return
        for m in _BRACKET.finditer(s):
            try:
                role = parse_code(m.group(1))
            except ValueError as exc:
                bad(lineno, str(exc), line)
                continue
            have_codes = True
            if role is not None:
                roles.append(role)

    for lineno, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        if body[0] in " \t[":
            if not names:
                bad(lineno, "a code line with no phrase before it", line)
                continue
            codes(lineno, body, line)
            continue
        if body.startswith("+"):
            if not names:
                bad(lineno, "a '+' synonym with no root phrase before it", line)
                continue
            head = body[1:].split("[", 1)[0]
            names.extend(_phrase(head))
            if "[" in body:
                codes(lineno, body[body.index("["):], line)
            continue
        # a new root phrase
        if have_codes:
            flush()
        head, sep, rest = body.partition("[")
        phrase = head.split()[0] if head.split() else ""
        if not phrase:
            bad(lineno, "no phrase before the code", line)
            continue
        if not names:
            first_line = lineno
        names.extend(_phrase(phrase))
        if sep:
            codes(lineno, "[" + rest, line)
    if have_codes:
        flush()


_SUBST = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")


def load_tabari_agents(kb: KnowledgeBase, path: str, text: str, problem: Problem) -> None:
    """Add the agent phrases of a TABARI ``.agents`` dictionary to ``kb``."""
    subst: dict[str, list[str]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = _SUBST.match(body)
        if m:
            subst[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
            continue
        if body.count("[") != body.count("]") or body.count("{") != body.count("}"):
            problem(DataFileError(
                Errors.E133.format(path=path, line=lineno, reason="unbalanced brackets",
                                   text=line.strip()[:80]),
                path=path, line=lineno,
            ))
            continue
        cm = _BRACKET.search(body)
        if cm is None:
            problem(DataFileError(
                Errors.E133.format(path=path, line=lineno, reason="an agent phrase needs a [~CODE]",
                                   text=line.strip()[:80]),
                path=path, line=lineno,
            ))
            continue
        _, sector = split_cameo(cm.group(1).split()[0] if cm.group(1).split() else "")
        if sector is None:
            continue  # a religion/ethnic-only code: no sector to give
        head = body[: body.index("[")]
        plurals: list[str] | None = None
        if "{" in head:
            head, _, pl = head.partition("{")
            plurals = [p for p in pl.rstrip().rstrip("}").split() if p]
        phrases = [head.strip().lstrip("+")]
        for key, values in subst.items():
            phrases = [p.replace(key, v) if key in p else p for p in phrases for v in values]
            phrases = list(dict.fromkeys(phrases))
        for ph in phrases + (plurals or []):
            for surface in _phrase(ph):
                agent = Agent(word=surface.lower(), sector=sector, role=False,
                              source=f"{path}:{lineno}")
                kb.add_agent(agent, surface, plurals=plurals is None)


__all__ = ["load_tabari_actors", "load_tabari_agents", "parse_code"]
