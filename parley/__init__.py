"""parley: open, transparent event data from news."""

from importlib.metadata import PackageNotFoundError, version

from .config import Settings
from .errors import ParleyError

try:
    __version__ = version("parley")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["ParleyError", "Settings", "__version__"]
