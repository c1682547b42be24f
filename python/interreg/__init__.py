"""interreg — draft and check applications to Interreg programmes."""
from ._core import __version__

__all__ = ["__version__"]
