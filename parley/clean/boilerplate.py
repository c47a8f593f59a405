"""Boilerplate lines: comment widgets, share and subscribe bars, "Read more", bylines.

Each pattern matches a whole (stripped) line and carries the reason recorded on the
:class:`~parley.models.RemovedSpan`. Patterns are anchored and length-limited so that a
sentence of the article that happens to start with "Read" or "By" is not taken.
"""

from __future__ import annotations

import re

_SHARE_TARGETS = (
    r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|e-?mail|print|"
    r"messenger|copy link|sms|tumblr|flipboard|pocket)"
)

_PATTERNS: list[tuple[str, str]] = [
    # comment widgets
    ("comments", r"(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?"),
    ("comments", r"(?:post|add|leave|write|view|show|load|hide|read)\s+(?:a\s+|all\s+|the\s+|"
                 r"your\s+|\d+\s+)?(?:comments?|repl(?:y|ies)|responses?)(?:\s*\(\d+\))?\.?"),
    ("comments", r"(?:no|\d+) comments?(?: yet)?\.?(?: be the first.*)?"),
    ("comments", r"subscribe to:\s*post comments.*"),
    ("comments", r"comments? (?:are )?closed\.?|join the (?:conversation|discussion)"),
    # share / follow / subscribe
    ("share", r"(?:share|tweet|email|print)(?: this)?(?: (?:article|story|post|page))?"
              r"(?: (?:on|via|to|with))?(?: " + _SHARE_TARGETS + r")?\s*:?"),
    ("share", _SHARE_TARGETS + r"(?:\s*[|/,·•]?\s*" + _SHARE_TARGETS + r"){1,8}"),
    ("share", r"(?:email this\s*)?blogthis!?.*share to (?:twitter|facebook|pinterest).*"),
    ("share", r"follow (?:us|@\w+)(?: on .{0,60})?"),
    ("subscribe", r"(?:subscribe|sign up|register)\b.{0,80}"
                  r"(?:newsletter|e-?mails?|alerts?|updates|channel|today|free|now)\W{0,3}"),
    ("subscribe", r"subscribe(?: now| today| here)?[.!]?"),
    # navigation and promotion
    ("read-more", r"(?:read|see|click) (?:more|also|here|full (?:story|article))\b.{0,100}"),
    ("read-more", r"(?:continue|keep) reading\b.{0,60}"),
    ("read-more", r"related\s*:?|(?:related|more)(?: on this story| articles| stories| news| posts"
                  r"| coverage| content| topics| from .{0,40})\s*:?|more\s*:"),
    ("read-more", r"(?:related|see also|more on this)\s*:\s*.{1,120}"),
    ("read-more", r"you (?:may|might) (?:also )?(?:like|be interested in).{0,40}"),
    ("read-more", r"(?:previous|next|newer|older) (?:article|post|story|entry)\b.{0,80}"),
    ("read-more", r"newer posts?\s*older posts?\s*home"),
    ("read-more", r"(?:click|tap) here\b.{0,80}"),
    ("advert", r"advertisements?|sponsored(?: content)?|(?:story|article) continues below.{0,40}"),
    ("advert", r"scroll (?:down )?to continue.{0,40}|loading\.{0,3}"),
    # labels and credits
    ("labels", r"(?:labels?|tags?|filed under|categories|topics)\s*:.{0,200}"),
    ("credit", r"(?:photo|image|picture|video)(?: credit| source| caption)?\s*:.{0,120}"),
    ("copyright", r"(?:©|copyright\s*(?:©|\(c\))?\s*\d{4}|\(c\)\s*\d{4}|copyright\s*©).{0,120}"
                  r"|all rights reserved\.?.{0,80}"),
    # bylines and sign-offs
    ("byline-name", r"By\s+[A-Z][\w.'’\-]+(?:\s+(?:[A-Z][\w.'’\-]+|van|von|de|al|bin|and|&)){0,5}"
               r"(?:\s*[,|/–—-]\s*.{0,60})?"),
    ("byline", r"(?:posted|published|written|updated|last updated)(?: by .{1,60}?)?"
               r"(?: on| at)?\s*[:\-]?\s*(?:\w+day,?\s*)?"
               r"(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]"
               r"\d{1,2}[/.]\d{2,4}).{0,40}"),
    ("byline", r"posted by\s+(?-i:[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3})"
               r"(?:\s+(?:at|on)\s+.{1,40})?"),
    ("byline", r"(?:\(?(?:additional )?(?:reporting|writing|editing|compiled|translated)"
               r"(?: by| and editing by)\s.{0,200})"),
    ("signoff", r"(?:reuters?|ap|afp|upi|xinhua|agencies|pti|ians|apn)\.?"),
]

_NAMES = [f"r{i}" for i in range(len(_PATTERNS))]
_REASONS = {name: reason for name, (reason, _p) in zip(_NAMES, _PATTERNS, strict=True)}
#: one alternation, matched once per line ("By Name" bylines are case-sensitive)
_COMBINED = re.compile(
    "|".join(
        f"(?P<{name}>" + ("(?-i:" if reason == "byline-name" else "(?:") + pattern + r")\Z)"
        for name, (reason, pattern) in zip(_NAMES, _PATTERNS, strict=True)
    ),
    re.IGNORECASE,
)
_FIRST = re.compile(r"[A-Z0-9©(]")
#: the longest line that is ever taken as boilerplate
MAX_LINE = 240


def boilerplate_reason(line: str) -> str | None:
    """``"boilerplate:<kind>"`` when the stripped ``line`` is boilerplate, else None."""
    s = line.strip()
    # a line that starts in lower case continues a sentence (a wrapped line): never boilerplate
    if not s or len(s) > MAX_LINE or not _FIRST.match(s):
        return None
    m = _COMBINED.match(s)
    if m is None or m.lastgroup is None:
        return None
    reason = _REASONS[m.lastgroup]
    if reason == "byline-name":
        if _looks_like_sentence(s):
            return None
        return "boilerplate:byline"
    return "boilerplate:" + reason


_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|said|says|will|would|could|can|did|does|the|a|of)\b"
)


def _looks_like_sentence(s: str) -> bool:
    head = s.split(",")[0]
    return bool(_SENTENCE_VERB.search(head)) or (s.endswith((".", "?", "!")) and len(s) > 60)


__all__ = ["MAX_LINE", "boilerplate_reason"]
