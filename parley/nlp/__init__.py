"""Annotation with spaCy: loading the pipeline and parley's Doc extensions."""

from .extensions import register_extensions
from .pipeline import PARLEY_COMPONENTS, load_pipeline, make_doc

__all__ = ["PARLEY_COMPONENTS", "load_pipeline", "make_doc", "register_extensions"]
