"""Plots of partner networks (matplotlib): a proposal's consortium graph and an organisation's
ego network in a cooperation history. Nodes are coloured by country; networkx, when present,
only places the nodes (a circle otherwise)."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Tuple

from .. import _core
from ..labels import COUNTRY_COLOURS, OTHER_COUNTRY_COLOUR
from ._axes import axes

if TYPE_CHECKING:  # pragma: no cover
    from ..history import CooperationHistory
    from ..proposal import Proposal

__all__ = ["plot_consortium", "plot_ego"]

_SIZE = (7.0, 5.0)


def _layout(n: int, edges: Sequence[Tuple[int, int, float]], seed: int = 7) -> List[Tuple[float, float]]:
    """Positions for nodes 0..n-1: a spring layout when networkx is there, a circle otherwise."""
    try:
        import networkx as nx  # type: ignore[import]
    except ImportError:
        return [(math.cos(2 * math.pi * i / max(n, 1)), math.sin(2 * math.pi * i / max(n, 1))) for i in range(n)]
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from(edges)
    pos = nx.spring_layout(g, seed=seed, weight="weight")
    return [tuple(pos[i]) for i in range(n)]


def _draw(ax: Any, labels: Sequence[str], countries: Sequence[str], edges: Sequence[Tuple[int, int, float]],
          sizes: Sequence[float], title: str):
    pos = _layout(len(labels), edges)
    top = max((w for _, _, w in edges), default=1)
    for a, b, w in edges:
        (xa, ya), (xb, yb) = pos[a], pos[b]
        ax.plot([xa, xb], [ya, yb], color="#bbbbbb", linewidth=0.8 + 3.2 * w / top, zorder=1)
    for country in sorted(set(countries)):
        idx = [i for i, c in enumerate(countries) if c == country]
        ax.scatter([pos[i][0] for i in idx], [pos[i][1] for i in idx], s=[sizes[i] for i in idx],
                   color=COUNTRY_COLOURS.get(country, OTHER_COUNTRY_COLOUR), label=country, zorder=2, edgecolors="white")
    for i, label in enumerate(labels):
        ax.annotate(label, pos[i], textcoords="offset points", xytext=(0, 9), ha="center", fontsize=8)
    ax.set_title(title)
    ax.legend(loc="best", fontsize=8, title="country")
    ax.set_axis_off()
    return ax


def plot_consortium(proposal: "Proposal", ax: Any = None):
    """The consortium graph: partners linked by the activities (line width) and work packages
    they share. Returns the matplotlib Axes."""
    g = _core.consortium_graph(proposal._core)
    partners = proposal._core.partners()
    edges = [(a, b, float(acts + 0.5 * wps)) for a, b, acts, wps in g["links"]]
    labels = [f"{p['id']} {p['name']}" for p in partners]
    sizes = [120 + 60 * n for n in g["activities"]]
    return _draw(axes(ax, _SIZE), labels, [p["country"] for p in partners], edges, sizes,
                 f"{proposal.acronym or 'Proposal'}: partners linked by shared activities")


def plot_ego(history: "CooperationHistory", organisation: str, country: Optional[str] = None, ax: Any = None,
             max_partners: int = 30):
    """An organisation and its strongest partners (up to `max_partners`), linked when they
    shared projects; line width is the number of shared projects. Returns the matplotlib Axes."""
    net = history.network
    centre = history.organisation(organisation, country)
    ties = net.partners_of(centre)[:max_partners]
    nodes = [centre] + [t[0] for t in ties]
    index: Dict[int, int] = {o: i for i, o in enumerate(nodes)}
    edges: List[Tuple[int, int, float]] = []
    for o in nodes:
        for partner, shared, _ in net.partners_of(o):
            if partner in index and index[o] < index[partner]:
                edges.append((index[o], index[partner], float(shared)))
    rows = [history._row(o) for o in nodes]
    sizes = [400] + [80 + 40 * t[1] for t in ties]
    return _draw(axes(ax, _SIZE), [r["organisation"] for r in rows], [r["country"] for r in rows], edges, sizes,
                 f"{rows[0]['organisation']} and its partners")
