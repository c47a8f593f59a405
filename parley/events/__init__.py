"""The event coder (placeholder interface; see docs/architecture.md)."""

CODER_VERSION = "0.1.0"

__all__ = ["CODER_VERSION"]
