"""Storage: SQLite (WAL) by default, PostgreSQL by URL, one schema with versioned migrations."""

from ._schema import SCHEMA_VERSION
from ._store import EventFilter, Store, database_url

__all__ = ["SCHEMA_VERSION", "EventFilter", "Store", "database_url"]
