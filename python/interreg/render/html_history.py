"""Notebook HTML of a cooperation history: its size, the periods and countries it covers, the
organisations with most projects and the rows it could not read."""
from __future__ import annotations

import heapq
from collections import Counter
from html import escape
from typing import TYPE_CHECKING

from .html_parts import table

if TYPE_CHECKING:  # pragma: no cover
    from ..history import CooperationHistory

__all__ = ["history_html"]

TOP = 10  # organisations listed


def history_html(h: "CooperationHistory") -> str:
    orgs = h._core.organisations()  # whole columns: organisation, country, region, org_type, projects
    countries = Counter(orgs["country"])
    by_country = table(["country", "organisations"], sorted(countries.items(), key=lambda kv: (-kv[1], kv[0])))
    # The TOP with most projects in one pass, not a sort of every organisation.
    order = heapq.nsmallest(TOP, range(len(orgs["organisation"])),
                            key=lambda o: (-orgs["projects"][o], orgs["organisation"][o]))
    top = table(["organisation", "country", "region", "projects"],
                [(orgs["organisation"][o], orgs["country"][o], orgs["region"][o], orgs["projects"][o]) for o in order])
    periods = list(h._core.periods)
    span = f" · periods {periods[0]} to {periods[-1]}" if periods else ""
    problems = len(h._problems)
    skipped = (f"<p style='color:#7a5b00'>{problems} {h._unit}{'s' if problems != 1 else ''} could not be read "
               "and were left out (see .problems).</p>") if problems else ""
    head = (f"{h.project_count:,} projects · {h.organisation_count:,} organisations · "
            f"{h.participation_count:,} participations{span}")
    return (f"<div><strong>Cooperation history</strong> {escape(head)}{skipped}"
            f"<h4>Organisations by country</h4>{by_country}"
            f"<h4>Most projects</h4>{top}</div>")
