"""The network.* rules through the Python API: each silent on a consortium whose work packages
mix countries, and firing on the shape it describes; plus the consortium graph itself."""
from __future__ import annotations

import interreg
from conftest import replace_work_packages
from interreg import _core

NETWORK_RULES = ["network.isolated-country", "network.joint-activity", "network.single-bridge"]


def fired(p, rule):
    return [f for f in p.validate().findings if f.rule == rule]


def with_fourth_partner(p):
    """Adds Lunds universitet (SE, PP4)."""
    p.add_partner("Lunds universitet", country="SE", region="Skåne", org_type="university")
    return p


def plan(p, packages):
    return replace_work_packages(p, *packages)


def test_rules_are_in_the_catalogue_and_switched_on(programme):
    catalogue = interreg.rule_catalogue().set_index("id")
    assert catalogue.loc[NETWORK_RULES, "severity"].tolist() == ["WARNING", "WARNING", "INFO"]
    assert set(NETWORK_RULES) <= {r["id"] for r in programme.rules}


def test_silent_on_a_mixed_consortium(make_good_proposal):
    p = plan(with_fourth_partner(make_good_proposal()),
             [("PP1", [["PP1", "PP2", "PP3"], ["PP1", "PP4", "PP2"]]), ("PP2", [["PP2", "PP3", "PP4"]])])
    for rule in NETWORK_RULES:
        assert fired(p, rule) == [], rule
    assert all(fired(make_good_proposal(), rule) == [] for rule in NETWORK_RULES)  # its own work plan


def test_isolated_country(make_good_proposal):
    p = with_fourth_partner(make_good_proposal())
    p.add_partner("Københavns Kommune", country="DK", region="DK011", org_type="local-authority")
    plan(p, [("PP1", [["PP1", "PP3", "PP4"]]), ("PP2", [["PP2", "PP5"]])])
    [f] = fired(p, "network.isolated-country")
    assert f.severity == "WARNING"
    assert f.path == "/work_plan/work_packages"
    assert "Denmark" in f.message and "joint activity" in f.message


def test_joint_activity(make_good_proposal):
    p = plan(with_fourth_partner(make_good_proposal()), [("PP1", [["PP1", "PP3", "PP4"]]), ("PP2", [["PP2"]])])
    [f] = fired(p, "network.joint-activity")
    assert (f.severity, f.path) == ("WARNING", "/partners/1")
    assert "Aalborg Kommune" in f.message


def test_single_bridge(make_good_proposal):
    p = plan(with_fourth_partner(make_good_proposal()),
             [("PP1", [["PP1", "PP2"]]), ("PP1", [["PP1", "PP4"]]), ("PP2", [["PP2", "PP3"]])])
    found = fired(p, "network.single-bridge")
    assert [(f.severity, f.path) for f in found] == [("INFO", "/partners/0"), ("INFO", "/partners/1")]
    assert "Denmark and Sweden" in found[0].message


def test_consortium_graph(make_good_proposal):
    p = plan(make_good_proposal(), [("PP1", [["PP1", "PP2"], ["PP2", "PP3"]])])
    g = _core.consortium_graph(p._core)
    assert g["activities"] == [1, 2, 1]
    assert g["links"] == [(0, 1, 1, 1), (0, 2, 0, 1), (1, 2, 1, 1)]
