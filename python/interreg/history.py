"""The history of past cooperation projects and the partner network it forms.

Import a table of participations (CSV or a pandas DataFrame with the columns ``project``,
``organisation`` and ``country``, optionally ``programme``, ``period``, ``region``, ``org_type``,
``role`` and ``organisation_number``), then ask who worked with whom, how two organisations are connected, which
organisations are central, and whom to invite into a proposal::

    history = interreg.CooperationHistory.from_csv("participations.csv")
    history.partners_of("Region Skåne")
    history.path("Lunds universitet", "Aalborg Kommune")
    history.suggest_partners(proposal, n=10, countries=["DK"])

The graphs and every algorithm run in the C++ core on Boost.Graph (docs/network.md).
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _core
from ._frames import frame
from ._resources import history_sample
from .errors import ArgumentError, FormatError

if TYPE_CHECKING:  # pragma: no cover
    from .proposal import Proposal

__all__ = ["CooperationHistory"]

_ERRORS = ("raise", "skip")
_SHOWN_PROBLEMS = 10


def _refuse_problems(problems: Sequence[Tuple[int, str]], where: str, unit: str) -> None:
    lines = "; ".join(f"{unit} {line}: {message}" for line, message in problems[:_SHOWN_PROBLEMS])
    more = f"; and {len(problems) - _SHOWN_PROBLEMS} more" if len(problems) > _SHOWN_PROBLEMS else ""
    error = FormatError(f"{where}: {len(problems)} unreadable row(s): {lines}{more}. "
                        "Fix them, or pass errors='skip' to leave them out (they are listed in .problems).")
    error.path = ""
    error.problems = list(problems)
    raise error


def _check_errors(errors: str) -> None:
    if errors not in _ERRORS:
        raise ArgumentError(f"errors must be 'raise' or 'skip', not {errors!r}")


def _text(value: Any) -> str:
    """A cell as text: missing values (None, NaN, NA) are empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():  # a number column with gaps, read as floats: 29189420.0 is 29189420
            return str(int(value))
    if isinstance(value, str):
        return value
    try:
        import pandas as pd  # type: ignore[import]
        if pd.isna(value):
            return ""
    except (ImportError, TypeError, ValueError):
        pass
    return str(value)


def _cells(column: Any) -> Any:
    """A column as a 1-D object array for the core, which reads each str in place and numbers the
    distinct ones. A column of numbers, dates or categories becomes the text of its distinct
    values (pandas factorize), so each is converted once; missing values are empty."""
    import numpy as np  # type: ignore[import]
    import pandas as pd  # type: ignore[import]

    values = column.to_numpy()
    if values.dtype == object and values.ndim == 1:
        return values
    codes, uniques = pd.factorize(column)
    texts = np.array([_text(v) for v in uniques.tolist()] + [""], dtype=object)  # code -1 (missing) is ""
    return texts[codes]


class CooperationHistory:
    """Participations in past cooperation projects and the co-participation network.

    Make one with :meth:`from_csv`, :meth:`from_frame`, :meth:`sample` or :meth:`synthetic`.
    An organisation number, where a row gives one, is the organisation's identity within its
    country (one organisation however the name is spelt; Swedish, Danish and Norwegian numbers
    checked); otherwise organisations are named as in the table, a name matched after folding
    case, diacritics, spacing and legal forms (AB, A/S, ApS, AS, Oy, kommun/kommune), optionally
    within a country. A row without a number joins the one numbered organisation of its country
    spelt the same way (docs/network.md).
    """

    def __init__(self, core: _core.History, problems: Sequence[Tuple[int, str]] = (), unit: str = "line"):
        self._core = core
        self._problems = list(problems)
        self._unit = unit
        self._network: Optional[_core.CooperationNetwork] = None
        self._org_rows: Any = None

    # ---- making one -----------------------------------------------------------------------

    @classmethod
    def from_csv(cls, path: Union[str, os.PathLike], errors: str = "raise") -> "CooperationHistory":
        """Read a participation table from a CSV file (UTF-8, comma separated, header row).

        A row that cannot be read raises :class:`FormatError` naming its line (all of them, up
        to ten, and how many more); with ``errors="skip"`` such rows are left out and listed in
        :attr:`problems`. A missing required column always raises.
        """
        _check_errors(errors)
        core, problems = _core.read_history_file(path)  # a regular file only: never waits on a FIFO
        if problems and errors == "raise":
            _refuse_problems(problems, os.fsdecode(path), "line")
        return cls(core, problems, "line")

    @classmethod
    def from_frame(cls, df: Any, errors: str = "raise") -> "CooperationHistory":
        """Build from a pandas DataFrame with the table's columns (rows are numbered from 0 in
        problems); missing values are empty."""
        _check_errors(errors)
        if not hasattr(df, "columns"):
            raise TypeError(f"from_frame needs a pandas DataFrame, not {type(df).__name__}")
        names = {str(c).strip().lower(): c for c in df.columns}
        required = list(_core.history_columns()[:3])
        missing = [c for c in required if c not in names]
        if missing:
            error = FormatError(f"the frame has no column {' and '.join(missing)}; it has "
                                f"{', '.join(map(str, df.columns)) or 'none'}. Required: {', '.join(required)}; "
                                f"optional: {', '.join(_core.history_columns()[3:])}")
            error.path = ""
            raise error
        columns = {name: _cells(df[names[name]]) for name in _core.history_columns() if name in names}
        core, problems = _core.history_from_columns(columns, _text)
        if problems and errors == "raise":
            _refuse_problems(problems, "frame", "row")
        return cls(core, problems, "row")

    @classmethod
    def sample(cls) -> "CooperationHistory":
        """The small made-up history that ships with the package (Danish, Swedish and Norwegian
        organisations; for examples and trying things out)."""
        return cls.from_csv(history_sample())

    @classmethod
    def synthetic(cls, seed: int = 1, projects: int = 30000) -> "CooperationHistory":
        """A reproducible synthetic history at the scale of the public databases of Interreg
        projects (30,000 projects give about 100,000 organisations and 250,000 participations)."""
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ArgumentError(f"seed must be a non-negative int, not {seed!r}")
        if isinstance(projects, bool) or not isinstance(projects, int) or not 0 <= projects <= 10_000_000:
            raise ArgumentError(f"projects must be an int between 0 and 10,000,000, not {projects!r}")
        return cls(_core.synthetic_history(seed, projects))

    # ---- the table ------------------------------------------------------------------------

    @property
    def problems(self):
        """Rows left out with ``errors="skip"``: a DataFrame of line (or row) and problem."""
        return frame(({self._unit: line, "problem": message} for line, message in self._problems),
                     columns=[self._unit, "problem"])

    @property
    def organisation_count(self) -> int:
        return self._core.organisation_count

    @property
    def project_count(self) -> int:
        return self._core.project_count

    @property
    def participation_count(self) -> int:
        return self._core.participation_count

    @property
    def network(self) -> _core.CooperationNetwork:
        """The core graphs (built on first use, then kept)."""
        if self._network is None:
            self._network = _core.CooperationNetwork(self._core)
        return self._network

    @property
    def edge_count(self) -> int:
        """Pairs of organisations that shared at least one project."""
        return self.network.edge_count

    def organisations(self):
        """Every organisation: name, country, region, org_type, organisation_number (as first
        written; empty when no row gives one) and number of projects."""
        import pandas as pd  # type: ignore[import]
        return pd.DataFrame(self._core.organisations())

    def to_frame(self):
        """The participations as read (one row per organisation and project, names normalised
        to the first spelling met)."""
        import pandas as pd  # type: ignore[import]
        return pd.DataFrame(self._core.participations())

    def __len__(self) -> int:
        return self.participation_count

    def _repr_html_(self) -> str:
        from .render.html_history import history_html

        return history_html(self)

    def __repr__(self) -> str:
        return (f"CooperationHistory({self.project_count} projects, {self.organisation_count} organisations, "
                f"{self.participation_count} participations)")

    # ---- questions ------------------------------------------------------------------------

    def organisation(self, name: str, country: Optional[str] = None) -> int:
        """The position of an organisation (for the core), by any of its names;
        :class:`NotFoundError` with the nearest names, :class:`ArgumentError` when the name exists
        in several countries."""
        if not isinstance(name, str):
            raise TypeError(f"an organisation is named by a str, not {type(name).__name__}")
        return self._core.require(name, country or "")

    def find_number(self, country: str, number: str) -> Optional[str]:
        """The name of the organisation with this organisation number in `country` (any usual
        spelling: ``"SE 212000-1355"``), or None."""
        o = self._core.find_number(country, number)
        return None if o is None else self._row(o)["organisation"]

    def _row(self, o: int) -> Dict[str, Any]:
        return self._core.organisation(o)

    def _period(self, rank: int) -> str:
        return self._core.periods[rank - 1] if rank else ""

    def partners_of(self, organisation: str, country: Optional[str] = None):
        """An organisation's partners, most shared projects first: partner, country, region,
        org_type, shared_projects, latest_period and the shared projects' ids."""
        import numpy as np  # type: ignore[import]
        import pandas as pd  # type: ignore[import]

        o = self.organisation(organisation, country)
        table = self._core.partners_table(o)  # whole columns from one pass in the core; no graph needed
        # The partners' rows taken at once as one block, the other columns added as blocks of their
        # own (a DataFrame made from separate object columns would copy them all to merge them).
        df = pd.DataFrame(self._organisation_rows()[table["partner"]],
                          columns=["organisation", "country", "region", "org_type"], copy=False)
        df["shared_projects"] = table["shared_projects"].astype(np.int64)
        df["latest_period"] = np.asarray(["", *self._core.periods], dtype=object)[table["latest"]]
        df["projects"] = table["projects"]
        return df

    def _organisation_rows(self):
        """The organisations' organisation, country, region and org_type as one object array
        (a row each), built once, for taking whole rows at a time."""
        if self._org_rows is None:
            self._org_rows = self._core.organisation_rows()
        return self._org_rows

    def path(self, a: str, b: str, country_a: Optional[str] = None, country_b: Optional[str] = None):
        """A shortest chain of co-participations from `a` to `b`: one row per organisation with
        the project it shared with the next one (empty when they are not connected)."""
        oa, ob = self.organisation(a, country_a), self.organisation(b, country_b)
        chain = self.network.path(oa, ob)
        rows = []
        for i, o in enumerate(chain):
            row = {"step": i, **self._row(o), "project_with_next": ""}
            if i + 1 < len(chain):
                shared = self.network.shared_projects(o, chain[i + 1])
                row["project_with_next"] = self._core.project(shared[-1])[0]
            rows.append(row)
        return frame(rows, columns=["step", "organisation", "country", "region", "org_type", "project_with_next"])

    def components(self):
        """Connected components, largest first: component, size, and the countries in it."""
        labels, sizes = self.network.components()
        countries: List[set] = [set() for _ in sizes]
        orgs = self._core.organisations()
        for label, country in zip(labels, orgs["country"]):
            countries[label].add(country)
        return frame(({"component": k, "size": s, "countries": ", ".join(sorted(countries[k]))}
                      for k, s in enumerate(sizes)), columns=["component", "size", "countries"])

    def communities(self):
        """Each organisation's community (label propagation; 0 is the largest)."""
        import pandas as pd  # type: ignore[import]
        df = pd.DataFrame(self._core.organisations())
        df["community"] = self.network.communities()
        return df

    def central(self, country: Optional[str] = None, region: Optional[str] = None, n: int = 10):
        """The most central organisations (weighted PageRank over the whole network), optionally
        of one country or region (as written in the table, or a NUTS code prefix)."""
        import pandas as pd  # type: ignore[import]
        df = pd.DataFrame(self._core.organisations())
        df["pagerank"] = self.network.pagerank()
        df["partners"] = [self.network.degree(o) for o in range(len(df))]
        if country is not None:
            df = df[df["country"].str.upper() == country.upper()]
        if region is not None:
            key = region.strip().lower()
            df = df[(df["region"].str.lower() == key) | df["region"].str.lower().str.startswith(key)]
        return df.sort_values(["pagerank", "organisation"], ascending=[False, True]).head(n).reset_index(drop=True)

    def cross_border(self):
        """Edges between organisations of different countries: a, country_a, b, country_b,
        shared_projects."""
        orgs = self._core.organisations()
        rows = []
        for a, b in self.network.cross_border_edges():
            shared = len(self.network.shared_projects(a, b))
            rows.append({"a": orgs["organisation"][a], "country_a": orgs["country"][a],
                         "b": orgs["organisation"][b], "country_b": orgs["country"][b], "shared_projects": shared})
        return frame(rows, columns=["a", "country_a", "b", "country_b", "shared_projects"])

    def suggest_partners(self, proposal: "Proposal", n: int = 10, countries: Optional[Iterable[str]] = None,
                         org_types: Optional[Iterable[str]] = None, geography: Optional[str] = None):
        """Organisations to invite into `proposal`, best first, with the reasons.

        Ranked by gaps filled (a programme country the consortium lacks, or a country missing in
        the proposal's sub-geography), then closeness to the consortium (Adamic–Adar summed over
        the partners found in the history), then projects shared with the consortium, then
        experience. Only eligible organisations: in the programme area (and in `geography`, by
        default the proposal's own unless it is "whole"), not of an ineligible type (sole trader),
        of `countries` and `org_types` when given. Columns: organisation, country, region (the
        programme region's name), region_code (its code), org_type, score, fills, worked_with, via,
        projects, reason.

        No graph is built for it: until a question needs the whole graph, only the rows the
        ranking reads are made from the history (the same result as from the graph).
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ArgumentError(f"n must be a non-negative int, not {n!r}")
        countries = [countries] if isinstance(countries, str) else list(countries or [])
        org_types = [org_types] if isinstance(org_types, str) else list(org_types or [])
        # Without a built graph, the core reads only the rows it needs from the history (the same result).
        source = self._network if self._network is not None else self._core
        result = _core.suggest_partners(source, proposal.programme._core, proposal._core, n,
                                        countries, org_types, geography or "")
        names = [p["name"] for p in proposal._core.partners()]
        rows = []
        for s in result["suggestions"]:
            row = self._row(s["organisation"])
            region = proposal.programme.find_region(s["region"])
            row.update(
                region=region.name if region else s["region"], region_code=s["region"],
                score=round(s["score"], 6), fills=", ".join(s["fills"]),
                worked_with=", ".join(f"{names[i]} ({k})" for i, k in s["worked_with"]),
                via=", ".join(self._row(v)["organisation"] for v in s["via"]),
                projects=s["projects"], reason=s["reason"])
            rows.append(row)
        return frame(rows, columns=["organisation", "country", "region", "region_code", "org_type", "score", "fills",
                                    "worked_with", "via", "projects", "reason"])

    def plot_ego(self, organisation: str, country: Optional[str] = None, ax: Any = None, max_partners: int = 30):
        """Draw an organisation and its partners (matplotlib); see :mod:`interreg.plots`."""
        from .plots.network import plot_ego
        return plot_ego(self, organisation, country=country, ax=ax, max_partners=max_partners)
