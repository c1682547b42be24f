"""The core's graph algorithms give networkx's answers on small random histories: the same
projected graph (edges and shared-project weights), components, shortest-path lengths,
Adamic–Adar scores and PageRank."""
from __future__ import annotations

import itertools
import random

import pytest

from interreg import CooperationHistory

import networkx as nx
import pandas as pd
import scipy  # noqa: F401 - networkx's pagerank needs it

pytestmark = pytest.mark.filterwarnings("ignore:networkx.pagerank_scipy is deprecated:DeprecationWarning")

SEEDS = range(12)


def random_history(seed: int):
    """A history of 5-40 projects of 1-6 organisations among 4-60, some organisations in no
    project with anyone (one-member projects): (CooperationHistory, networkx Graph by name)."""
    rng = random.Random(seed)
    n_orgs = rng.randint(4, 60)
    names = [f"Org {i}" for i in range(n_orgs)]
    rows = []
    for p in range(rng.randint(5, 40)):
        members = rng.sample(names, rng.randint(1, min(6, n_orgs)))
        rows += [{"project": f"P{p}", "organisation": m, "country": rng.choice(["SE", "DK", "NO"])} for m in members]
    # An organisation keeps one country (the first it was given), as the history does.
    first_country = {}
    for r in rows:
        r["country"] = first_country.setdefault(r["organisation"], r["country"])
    history = CooperationHistory.from_frame(pd.DataFrame(rows))
    g = nx.Graph()
    g.add_nodes_from({r["organisation"] for r in rows})
    by_project = {}
    for r in rows:
        by_project.setdefault(r["project"], []).append(r["organisation"])
    for members in by_project.values():
        for a, b in itertools.combinations(members, 2):
            w = g.get_edge_data(a, b, {"weight": 0})["weight"]
            g.add_edge(a, b, weight=w + 1)
    return history, g


def names(history):
    return history.organisations()["organisation"].tolist()


@pytest.mark.parametrize("seed", SEEDS)
def test_same_projected_graph(seed):
    history, g = random_history(seed)
    edges = history.network.edges()
    label = names(history)
    ours = {frozenset((label[a], label[b])): w for a, b, w in zip(edges["a"], edges["b"], edges["projects"])}
    theirs = {frozenset((a, b)): d["weight"] for a, b, d in g.edges(data=True)}
    assert ours == theirs
    assert history.edge_count == g.number_of_edges()


@pytest.mark.parametrize("seed", SEEDS)
def test_same_components(seed):
    history, g = random_history(seed)
    labels, sizes = history.network.components()
    label = names(history)
    ours = {}
    for o, c in enumerate(labels):
        ours.setdefault(c, set()).add(label[o])
    assert sorted(map(frozenset, ours.values()), key=sorted) == sorted(map(frozenset, nx.connected_components(g)), key=sorted)
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("seed", SEEDS)
def test_same_shortest_path_lengths(seed):
    history, g = random_history(seed)
    label = names(history)
    lengths = dict(nx.all_pairs_shortest_path_length(g))
    for a in range(len(label)):
        for b in range(len(label)):
            path = history.network.path(a, b)
            expected = lengths[label[a]].get(label[b])
            if expected is None:
                assert path == []
            else:
                assert len(path) - 1 == expected
                assert path[0] == a and path[-1] == b
                assert all(g.has_edge(label[x], label[y]) for x, y in zip(path, path[1:]))


@pytest.mark.parametrize("seed", SEEDS)
def test_same_adamic_adar(seed):
    history, g = random_history(seed)
    label = names(history)
    rng = random.Random(seed)
    members = rng.sample(range(len(label)), min(3, len(label)))
    ours = dict(history.network.adamic_adar(members))
    others = [o for o in range(len(label)) if o not in members]
    theirs = {o: 0.0 for o in others}
    for m in members:
        for u, v, s in nx.adamic_adar_index(g, [(label[m], label[o]) for o in others]):
            theirs[label.index(v)] += s
    for o in others:
        assert ours.get(o, 0.0) == pytest.approx(theirs[o], rel=1e-12, abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_same_pagerank(seed):
    history, g = random_history(seed)
    label = names(history)
    ours = history.network.pagerank([], 0.85, 1e-12, 1000)
    theirs = nx.pagerank(g, weight="weight", tol=1e-12, max_iter=1000)
    for o, value in enumerate(ours):
        assert value == pytest.approx(theirs[label[o]], abs=1e-9)


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_same_pagerank_on_the_largest_component(seed):
    history, g = random_history(seed)
    label = names(history)
    labels, _ = history.network.components()
    nodes = [o for o, c in enumerate(labels) if c == 0]
    ours = history.network.pagerank(nodes, 0.85, 1e-12, 1000)
    theirs = nx.pagerank(g.subgraph([label[o] for o in nodes]), weight="weight", tol=1e-12, max_iter=1000)
    for o in nodes:
        assert ours[o] == pytest.approx(theirs[label[o]], abs=1e-9)
