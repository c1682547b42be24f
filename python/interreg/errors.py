"""The exceptions interreg raises. All derive from :class:`Error`.

- :class:`FormatError` (also a ``ValueError``): a proposal document that cannot be read; its
  ``path`` attribute is the JSON Pointer of the value at fault ("" when the text is not JSON).
  For a workbook read back (:meth:`Proposal.import_budget`) ``path`` is the first cell at fault
  ("Lines!F14") and ``problems`` lists every problem, each with its cell.
- :class:`ProgrammeError` (also a ``ValueError``): a malformed programme document.
- :class:`ArgumentError` (also a ``ValueError``): a bad argument; the message lists the valid
  choices, nearest first.
- :class:`NotFoundError` (also a ``KeyError``): a partner, region or id that is not there.
- :class:`FileError` (also an ``OSError``): a file that cannot be read or written.
- :class:`OutOfMemoryError` (also a ``MemoryError``): an input too large for the machine.
"""
from ._core import ArgumentError, Error, FileError, FormatError, NotFoundError, OutOfMemoryError, ProgrammeError

__all__ = ["Error", "FormatError", "ProgrammeError", "ArgumentError", "NotFoundError", "FileError", "OutOfMemoryError"]
