"""The cooperation history through the Python API: import from CSV and frames (normalised
names, bad rows with their line numbers, empty and one-row tables), the questions, and partner
suggestions. The graph algorithms are compared with networkx in test_network_vs_networkx.py."""
from __future__ import annotations

import pytest

import interreg
from interreg import CooperationHistory

import pandas as pd

HEADER = "project,programme,period,organisation,country,region,org_type,role\n"


def write(tmp_path, text: str, name: str = "history.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture(scope="module")
def sample() -> CooperationHistory:
    return CooperationHistory.sample()


def test_sample_ships_and_reads(sample):
    assert sample.project_count == 48
    assert sample.participation_count > 200
    assert 50 <= sample.organisation_count <= 60
    assert sample.problems.empty
    assert "48 projects" in repr(sample)
    orgs = sample.organisations()
    assert list(orgs.columns) == ["organisation", "country", "region", "org_type", "organisation_number", "projects"]
    assert set(orgs["organisation_number"]) == {""}  # the sample gives no numbers
    assert set(orgs["country"]) == {"DK", "SE", "NO"}


def test_names_are_normalised_to_one_organisation(tmp_path):
    h = CooperationHistory.from_csv(write(tmp_path, HEADER +
                                          "P1,OKS,2014-2020,Malmö stad,SE,Skåne,local-authority,lead\n"
                                          "P1,OKS,2014-2020,Volvo AB,SE,,company,partner\n"
                                          "P2,OKS,2021-2027,MALMO STAD,SE,,,lead\n"
                                          "P2,OKS,2021-2027,AB  Volvo,se,,,partner\n"
                                          "P3,OKS,2021-2027,Frederikshavn Kommune,DK,,,lead\n"
                                          "P3,OKS,2021-2027,Frederikshavn,DK,,,partner\n"))
    assert h.organisation_count == 3
    partners = h.partners_of("malmö stad")
    assert partners["organisation"].tolist() == ["Volvo AB"]
    assert partners["shared_projects"].tolist() == [2]
    assert partners["latest_period"].tolist() == ["2021-2027"]
    assert partners["projects"].tolist() == [["P1", "P2"]]
    frame = h.to_frame()
    assert frame["organisation"].tolist().count("Malmö stad") == 2


NUMBERED = [  # (project, organisation, country, organisation_number)
    ("P1", "Västra Götalandsregionen", "SE", "212000-1355"),
    ("P1", "Aalborg Kommune", "DK", "29189420"),
    ("P2", "Region Västra Götaland", "SE", "SE 2120001355"),
    ("P2", "Østfold fylkeskommune", "NO", "974 544 466"),
    ("P3", "VGR", "SE", "16212000-1355"),
    ("P3", "Aalborg kommune", "DK", None),  # no number: joins by its name
    ("P3", "Østfold Fylkeskommune", "NO", "974544466"),
    ("P4", "Region Västra Götaland", "SE", ""),  # no number, a name only the numbered one is spelt
    ("P4", "Göteborgs Stad", "SE", None),
]


def _check_numbered(h: CooperationHistory) -> None:
    assert h.organisation_count == 4
    orgs = h.organisations().set_index("organisation")
    assert orgs.loc["Västra Götalandsregionen", "projects"] == 4
    assert orgs.loc["Västra Götalandsregionen", "organisation_number"] == "212000-1355"  # as first written
    assert orgs.loc["Aalborg Kommune", "projects"] == 2
    assert orgs.loc["Göteborgs Stad", "organisation_number"] == ""
    assert h.organisation("VGR") == h.organisation("Region Västra Götaland") == h.organisation("Västra Götalandsregionen")
    assert h.find_number("SE", "2120001355") == "Västra Götalandsregionen"
    assert h.find_number("no", "NO 974 544 466 MVA") == "Østfold fylkeskommune"
    assert h.find_number("SE", "212000-1356") is None
    partners = h.partners_of("Region Västra Götaland")
    assert dict(zip(partners["organisation"], partners["shared_projects"])) == {
        "Aalborg Kommune": 2, "Østfold fylkeskommune": 2, "Göteborgs Stad": 1}


def test_organisation_numbers_are_the_identity_in_a_csv(tmp_path):
    lines = ["project,organisation,country,organisation_number"]
    lines += [f"{p},{o},{c},{n or ''}" for p, o, c, n in NUMBERED]
    h = CooperationHistory.from_csv(write(tmp_path, "\n".join(lines) + "\n"))
    _check_numbered(h)
    frame = h.to_frame()
    assert list(frame.columns)[-1] == "organisation_number"
    assert set(frame.loc[frame["organisation"] == "Västra Götalandsregionen", "organisation_number"]) == {"212000-1355"}
    # Written out and read again: the same organisations.
    path = tmp_path / "again.csv"
    frame.to_csv(path, index=False)
    again = CooperationHistory.from_csv(path)
    assert (again.organisation_count, again.participation_count) == (h.organisation_count, h.participation_count)


def test_organisation_numbers_are_the_identity_in_a_frame():
    df = pd.DataFrame(NUMBERED, columns=["project", "organisation", "country", "Organisation_Number"])
    _check_numbered(CooperationHistory.from_frame(df))


def test_numbers_read_as_floats_by_pandas_keep_their_digits(tmp_path):
    # A number column with an empty cell is read by pandas as floats (29189420.0).
    path = write(tmp_path, "project,organisation,country,organisation_number\n"
                           "P1,Aalborg Kommune,DK,29189420\nP1,Lunds universitet,SE,\nP2,Aalborg,DK,29189420\n")
    df = pd.read_csv(path)
    assert df["organisation_number"].dtype == float
    h = CooperationHistory.from_frame(df)
    assert h.organisation_count == 2
    assert h.find_number("DK", "29189420") == "Aalborg Kommune"


def test_a_malformed_organisation_number_is_a_problem_with_its_line(tmp_path):
    path = write(tmp_path, "project,organisation,country,organisation_number\n"
                           "P1,Lunds universitet,SE,202100-3211\n"
                           "P1,Volvo AB,SE,556036-0794\n")
    with pytest.raises(interreg.FormatError, match="line 3: organisation_number '556036-0794' has a wrong check digit"):
        CooperationHistory.from_csv(path)
    kept = CooperationHistory.from_csv(path, errors="skip")
    assert kept.organisation_count == 1
    rows = pd.DataFrame({"project": ["P1"], "organisation": ["Volvo AB"], "country": ["SE"],
                         "organisation_number": ["556036-079"]})
    with pytest.raises(interreg.FormatError, match="row 0: organisation_number '556036-079' has 9 digits"):
        CooperationHistory.from_frame(rows)


def test_suggestions_know_a_partner_by_its_number(tmp_path, good_proposal):
    # PP1 Göteborgs universitet gives 202100-1215; the history lists it under its English name.
    h = CooperationHistory.from_csv(write(tmp_path, "project,organisation,country,region,org_type,organisation_number\n"
                                                    "P1,University of Gothenburg,SE,SE232,university,202100-1215\n"
                                                    "P1,Roskilde Universitet,DK,DK02,university,\n"))
    suggested = h.suggest_partners(good_proposal, n=5)
    assert list(suggested["organisation"]) == ["Roskilde Universitet"]
    assert "Göteborgs universitet" in suggested["worked_with"].iloc[0]


def test_malformed_rows_raise_with_line_numbers(tmp_path):
    path = write(tmp_path, HEADER +
                 "P1,OKS,2014-2020,Lunds universitet,SE,Skåne,university,lead\n"
                 "P1,OKS,2014-2020,,SE,,,partner\n"
                 "P1,OKS,2014-2020,Region Skåne,Sweden,,,partner\n"
                 "P2,OKS\n")
    with pytest.raises(interreg.FormatError) as e:
        CooperationHistory.from_csv(path)
    message = str(e.value)
    assert "3 unreadable row(s)" in message
    assert "line 3: organisation is empty" in message
    assert "line 4: country 'Sweden'" in message
    assert "line 5: has 2 fields" in message
    assert e.value.problems == [(3, "organisation is empty"), (4, e.value.problems[1][1]), (5, e.value.problems[2][1])]
    assert isinstance(e.value, ValueError)

    kept = CooperationHistory.from_csv(path, errors="skip")
    assert kept.organisation_count == 1
    assert kept.problems["line"].tolist() == [3, 4, 5]


def test_many_bad_rows_are_summarised(tmp_path):
    path = write(tmp_path, "project,organisation,country\n" + "".join(f"P{i},,SE\n" for i in range(25)))
    with pytest.raises(interreg.FormatError, match="25 unreadable row.*and 15 more"):
        CooperationHistory.from_csv(path)


def test_missing_column_file_and_argument_errors(tmp_path):
    with pytest.raises(interreg.FormatError, match="no column country"):
        CooperationHistory.from_csv(write(tmp_path, "project,organisation\nP1,Lunds universitet\n"))
    with pytest.raises(interreg.FileError):
        CooperationHistory.from_csv(tmp_path / "missing.csv")
    with pytest.raises(interreg.ArgumentError, match="'raise' or 'skip'"):
        CooperationHistory.from_csv(write(tmp_path, HEADER), errors="ignore")
    with pytest.raises(interreg.FormatError, match="no column organisation"):
        CooperationHistory.from_frame(pd.DataFrame({"project": ["P1"], "country": ["SE"]}))
    with pytest.raises(TypeError):
        CooperationHistory.from_frame([{"project": "P1"}])


@pytest.mark.parametrize("text", ["", "project,organisation,country\n", HEADER])
def test_empty_history_works(tmp_path, text, good_proposal):
    h = CooperationHistory.from_csv(write(tmp_path, text))
    assert (h.organisation_count, h.project_count, h.edge_count) == (0, 0, 0)
    assert h.components().empty
    assert h.central().empty
    assert h.cross_border().empty
    assert h.suggest_partners(good_proposal).empty
    with pytest.raises(interreg.NotFoundError, match="empty"):
        h.partners_of("Lunds universitet")


def test_one_row_history_works(tmp_path, good_proposal):
    h = CooperationHistory.from_csv(write(tmp_path, "project,organisation,country,region\nP1,Region Skåne,SE,Skåne"))
    assert (h.organisation_count, h.project_count, h.edge_count) == (1, 1, 0)
    assert h.partners_of("Region Skåne").empty
    assert h.path("Region Skåne", "Region Skåne")["organisation"].tolist() == ["Region Skåne"]
    assert h.components()["size"].tolist() == [1]
    assert h.central()["organisation"].tolist() == ["Region Skåne"]
    suggestions = h.suggest_partners(good_proposal)
    assert suggestions["organisation"].tolist() == ["Region Skåne"]
    region = good_proposal.programme.region("Skåne")
    assert suggestions[["region", "region_code"]].values.tolist() == [[region.name, region.code]]  # a name, as elsewhere


def test_from_frame_with_missing_values_and_row_numbers():
    df = pd.DataFrame({
        "Project": ["P1", "P1", "P2", None],
        "Organisation": ["Lunds universitet", "Aalborg Kommune", "Lunds universitet", "Region Skåne"],
        "Country": ["SE", "DK", "SE", "SE"],
        "Region": ["Skåne", float("nan"), None, "Skåne"],
        "extra": [1, 2, 3, 4],
    })
    with pytest.raises(interreg.FormatError, match="row 3: project is empty"):
        CooperationHistory.from_frame(df)
    h = CooperationHistory.from_frame(df, errors="skip")
    assert h.problems.to_dict("records") == [{"row": 3, "problem": "project is empty"}]
    assert h.organisation_count == 2
    assert h.partners_of("Lunds universitet")["organisation"].tolist() == ["Aalborg Kommune"]
    assert CooperationHistory.from_frame(df.iloc[:0]).organisation_count == 0


def test_from_frame_reads_columns_of_any_dtype_as_their_text():
    # Object columns go to the core whole; numbers, categories and nullable strings as the text
    # of their distinct values: the same history as the same table written as str.
    text = pd.DataFrame({"project": ["1", "1", "2", "2"], "organisation": ["Lunds universitet", "Aalborg Kommune",
                                                                           "Lunds universitet", "Region Skåne"],
                         "country": ["SE", "DK", "SE", "SE"], "period": ["2014-2020", "", "2021-2027", ""]})
    typed = text.assign(project=[1, 1, 2, 2], country=pd.Categorical(text["country"]),
                        period=pd.array(["2014-2020", None, "2021-2027", None], dtype="string"))
    a, b = CooperationHistory.from_frame(text), CooperationHistory.from_frame(typed)
    assert a.to_frame().equals(b.to_frame())
    assert a.organisations().equals(b.organisations())
    bad = typed.assign(organisation=["Lunds universitet", "A\ud800", float("nan"), "Region Skåne"])
    with pytest.raises(interreg.FormatError, match="row 1: organisation is not valid UTF-8.*row 2: organisation is empty"):
        CooperationHistory.from_frame(bad)


def test_a_large_mixed_frame_reads_as_its_csv(tmp_path):
    # Large enough for the core to read two columns at a time and the file in several windows, with
    # quoted names holding commas, quotes and line breaks; names in every str storage
    # (ASCII, Latin-1, UCS-2, UCS-4, a str subclass), repeated objects, and cells that are not str.
    import numpy as np
    names = ["Lunds universitet", "Malmö stad", "Łódź Urząd", "Ålborg 🚢 Havn", "Région Sjælland", "Øresund AB",
             'Nordic "Link", ApS', "Region\nMidtjylland"]
    rows = 30_000
    rng = np.random.default_rng(1)
    organisation = np.array([names[i] + f" {i * 7 + k % 5}" for k, i in enumerate(rng.integers(0, len(names), rows))],
                            dtype=object)
    organisation[::11] = [np.str_(v) for v in organisation[::11]]  # a str subclass
    df = pd.DataFrame({
        "project": np.array([f"P{k // 4}" for k in range(rows)], dtype=object),
        "organisation": organisation,
        "country": np.array(["SE", "DK", "NO"], dtype=object)[rng.integers(0, 3, rows)],
        "programme": np.array(["Öresund-Kattegat-Skagerrak", "Nord"], dtype=object)[rng.integers(0, 2, rows)],
        "period": np.array(["2014-2020", None, float("nan"), "2021-2027"], dtype=object)[rng.integers(0, 4, rows)],
        "region": np.array([2021, "Skåne", None], dtype=object)[rng.integers(0, 3, rows)],
        "org_type": "university", "role": "partner", "organisation_number": "",
    })
    assert df.size > 200_000
    path = tmp_path / "mixed.csv"
    df.to_csv(path, index=False)
    from_frame, from_csv = CooperationHistory.from_frame(df), CooperationHistory.from_csv(path)
    assert from_frame.participation_count == from_csv.participation_count > 20_000
    assert from_frame.to_frame().equals(from_csv.to_frame())
    assert from_frame.organisations().equals(from_csv.organisations())


def test_path_names_the_projects_between(sample):
    path = sample.path("Östfold fylkeskommune", "Roskilde Universitet")
    assert path["organisation"].iloc[0] == "Østfold fylkeskommune"
    assert path["organisation"].iloc[-1] == "Roskilde Universitet"
    assert (path["project_with_next"].iloc[:-1] != "").all()
    assert path["project_with_next"].iloc[-1] == ""


def test_unknown_and_ambiguous_names(sample, tmp_path):
    with pytest.raises(interreg.NotFoundError, match="Lunds universitet"):
        sample.partners_of("Lunds universitett")
    h = CooperationHistory.from_csv(write(tmp_path, "project,organisation,country\nP1,Nordic Link,SE\nP1,Nordic Link,NO\n"))
    with pytest.raises(interreg.ArgumentError, match="several countries"):
        h.partners_of("Nordic Link")
    assert h.partners_of("Nordic Link", country="NO")["country"].tolist() == ["SE"]


def test_central_components_communities_cross_border(sample):
    top = sample.central(n=5)
    assert len(top) == 5 and top["pagerank"].is_monotonic_decreasing
    danish = sample.central(country="dk", n=3)
    assert set(danish["country"]) == {"DK"}
    skane = sample.central(region="SE224", n=50)
    assert len(skane) >= 1
    comps = sample.components()
    assert comps["size"].sum() == sample.organisation_count
    comm = sample.communities()
    assert len(comm) == sample.organisation_count and comm["community"].min() == 0
    edges = sample.cross_border()
    assert (edges["country_a"] != edges["country_b"]).all()
    assert len(edges) < sample.edge_count


def test_suggest_partners_fills_the_danish_oresund_gap(sample, good_proposal):
    s = sample.suggest_partners(good_proposal, n=5, countries=["DK"], geography="oresund")
    assert list(s.columns) == ["organisation", "country", "region", "region_code", "org_type", "score", "fills",
                               "worked_with", "via", "projects", "reason"]
    assert len(s) == 5
    assert set(s["country"]) == {"DK"}
    assert set(s["region_code"]) <= {"DK01", "DK011", "DK012", "DK013", "DK014", "DK02", "DK021", "DK022"}
    assert s["region"].tolist() == [good_proposal.programme.region(code).name for code in s["region_code"]]
    assert (s["fills"].str.contains("Denmark in Öresund")).all()
    assert "Hansen Konsulentfirma" not in set(s["organisation"])  # a sole trader
    assert s["reason"].str.len().gt(0).all()
    assert s.iloc[0]["score"] >= s.iloc[-1]["score"]
    unis = sample.suggest_partners(good_proposal, n=50, org_types="university")
    assert set(unis["org_type"]) == {"university"}
    assert "Göteborgs universitet" not in set(unis["organisation"])  # already a partner
    assert sample.suggest_partners(good_proposal, n=0).empty


def test_a_suggestion_before_the_graph_is_built_equals_one_after(good_proposal):
    # The first suggestion reads the history's rows; once the graph exists, it reads the graph.
    history = CooperationHistory.sample()
    options = [dict(n=10), dict(n=5, countries=["DK"], geography="oresund"), dict(n=50, org_types="university")]
    before = [history.suggest_partners(good_proposal, **o) for o in options]
    assert history._network is None  # no graph was needed
    history.network
    for o, first in zip(options, before):
        pd.testing.assert_frame_equal(first, history.suggest_partners(good_proposal, **o))


def test_suggest_partners_argument_errors(sample, good_proposal):
    with pytest.raises(interreg.ArgumentError, match="not a country of"):
        sample.suggest_partners(good_proposal, countries=["DE"])
    with pytest.raises(interreg.ArgumentError, match="university"):
        sample.suggest_partners(good_proposal, org_types=["universty"])
    with pytest.raises(interreg.ArgumentError):
        sample.suggest_partners(good_proposal, geography="baltic")
    with pytest.raises(interreg.ArgumentError):
        sample.suggest_partners(good_proposal, n=-1)


def test_synthetic_is_reproducible():
    a = CooperationHistory.synthetic(seed=3, projects=300).to_frame()
    b = CooperationHistory.synthetic(seed=3, projects=300).to_frame()
    c = CooperationHistory.synthetic(seed=4, projects=300).to_frame()
    assert a.equals(b)
    assert not a.equals(c)
    assert a.groupby("project").size().between(2, 35).all()
    with pytest.raises(interreg.ArgumentError):
        CooperationHistory.synthetic(seed=-1)


def test_synthetic_round_trips_through_csv(tmp_path):
    h = CooperationHistory.synthetic(seed=5, projects=200)
    path = tmp_path / "synthetic.csv"
    h.to_frame().to_csv(path, index=False)
    again = CooperationHistory.from_csv(path)
    assert (again.organisation_count, again.participation_count, again.edge_count) == (
        h.organisation_count, h.participation_count, h.edge_count)


def test_plots(sample, good_proposal):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    p = good_proposal
    w = p.work_plan.add_work_package("Matching", lead="PP1")
    p.work_plan.add_activity(w, "Job fairs", start_period=1, end_period=2, partners=["PP1", "PP2", "PP3"])
    ax = interreg.plot_consortium(p)
    assert ax.get_title().startswith("TALENT")
    ego = sample.plot_ego("Region Skåne", max_partners=8)
    assert "Region Skåne" in ego.get_title()
    plt.close("all")
