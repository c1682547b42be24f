"""Objective alignment: Programme.rank_objectives — API shape, inputs, sanity checks in four
languages, and accuracy on the labelled set tests/data/alignment-set.json (run with -s to see it)."""
from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import interreg
from interreg.programme import MatchedTerm, ObjectiveRanking, ObjectiveScore

SET = Path(__file__).resolve().parent / "data" / "alignment-set.json"
EMBEDDED_JSON = Path(interreg.__file__).resolve().parent / "data" / "programmes" / "oks-2021-2027.json"
OBJECTIVES = ["RSO1.1", "RSO1.4", "RSO2.2", "RSO2.4", "RSO2.6", "RSO3.2", "RSO4.1"]
LANGUAGES = ["en", "sv", "da", "no"]

# Floors just below the accuracy measured when the profiles were frozen (docs/alignment.md):
# split → (top-1, top-3). Measured: dev 100 % / 100 %, holdout 97.6 % / 100 %,
# blind 85.7 % / 92.9 %, all 96.9 % / 99.0 %.
FLOORS = {"dev": (0.95, 0.97), "holdout": (0.95, 0.97), "blind": (0.78, 0.90), "all": (0.94, 0.97)}


def load_set():
    return json.loads(SET.read_text(encoding="utf-8"))["items"]


# -- API shape ----------------------------------------------------------------------------------

def test_every_objective_best_first(programme):
    ranking = programme.rank_objectives("Offshore wind farms and green hydrogen in the Kattegat")
    assert isinstance(ranking, ObjectiveRanking) and isinstance(ranking, list)
    assert sorted(s.code for s in ranking) == sorted(OBJECTIVES)
    assert ranking[0].code == "RSO2.2"
    scores = [s.score for s in ranking]
    assert scores == sorted(scores, reverse=True)
    assert all(s >= 0 for s in scores)


def test_records_are_frozen_dataclasses_with_the_matched_terms(programme):
    best = programme.rank_objectives("Cirkulær økonomi: genbrug af byggematerialer og mindre affald")[0]
    assert isinstance(best, ObjectiveScore)
    assert best.code == "RSO2.6"
    assert best.priority == "P2"
    assert best.title == programme.objective("RSO2.6").title["en"]
    assert isinstance(best.matched_terms, tuple) and best.matched_terms
    assert all(isinstance(t, MatchedTerm) for t in best.matched_terms)
    terms = {t.term: t for t in best.matched_terms}
    assert terms["affald"].words == ("affald",)
    assert terms["byggematerial"].words == ("byggematerialer",)
    assert sum(t.contribution for t in best.matched_terms) == pytest.approx(best.score)
    contributions = [t.contribution for t in best.matched_terms]
    assert contributions == sorted(contributions, reverse=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        best.score = 0  # type: ignore[misc]
    assert str(terms["affald"]) == "affald (affald)"


def test_words_are_given_as_written(programme):
    best = programme.rank_objectives("Arbetsmarknaden. ARBETSMARKNADEN! arbetsmarknader")[0]
    term = best.matched_terms[0]
    assert (best.code, term.term) == ("RSO4.1", "arbetsmarknad")
    assert term.words == ("Arbetsmarknaden", "arbetsmarknader")  # one per spelling, case ignored


def test_no_match_gives_zero_scores_in_programme_order(programme):
    for text in ["", "The project will develop new cross-border cooperation.", "Lorem ipsum dolor"]:
        ranking = programme.rank_objectives(text)
        assert [s.code for s in ranking] == OBJECTIVES
        assert all(s.score == 0 and s.matched_terms == () for s in ranking)


def test_n_keeps_the_best(programme):
    full = programme.rank_objectives("pendling och kollektivtrafik över Öresund")
    top = programme.rank_objectives("pendling och kollektivtrafik över Öresund", n=3)
    assert isinstance(top, ObjectiveRanking)
    assert top == full[:3]
    assert len(programme.rank_objectives("x", n=100)) == 7


@pytest.mark.parametrize("n, error", [(0, interreg.ArgumentError), (-1, interreg.ArgumentError), ("3", TypeError),
                                      (True, TypeError), (2.0, TypeError)])
def test_bad_n(programme, n, error):
    with pytest.raises(error):
        programme.rank_objectives("energy", n=n)


def test_frame(programme):
    df = programme.rank_objectives("Skybrud og stormflod i kystbyer").to_frame()
    assert list(df.columns) == ["rank", "code", "priority", "title", "score", "matched_terms"]
    assert list(df["rank"]) == list(range(1, 8))
    assert df.iloc[0]["code"] == "RSO2.4"
    assert "skybrud (Skybrud)" in df.iloc[0]["matched_terms"]
    assert df["score"].is_monotonic_decreasing
    empty = ObjectiveRanking().to_frame()
    assert list(empty.columns) == ["rank", "code", "priority", "title", "score", "matched_terms"] and len(empty) == 0


def test_repr(programme):
    assert repr(programme.rank_objectives("vätgas", n=2)).startswith("ObjectiveRanking([RSO2.2: ")


# -- inputs ----------------------------------------------------------------------------------------

def test_texts_in_a_dict_or_a_list(programme):
    texts = {"en": "Job seekers and employers", "sv": "Arbetsförmedling och rekrytering"}
    by_dict = programme.rank_objectives(texts)
    by_list = programme.rank_objectives(list(texts.values()))
    by_str = programme.rank_objectives("Job seekers and employers\nArbetsförmedling och rekrytering")
    assert by_dict == by_list == by_str
    assert by_dict[0].code == "RSO4.1"


def test_a_proposal_is_ranked_by_its_title_summary_and_work_plan(programme, good_proposal):
    # The reference proposal: "Talent across the Öresund-Kattegat-Skagerrak labour market", RSO4.1.
    assert programme.rank_objectives(good_proposal)[0].code == "RSO4.1"

    draft = interreg.Proposal(programme, acronym="TIDE", title="Tide")
    draft.add_partner("Energi Fyn", country="DK", region="Syddanmark")  # partner names are not read
    wp = draft.work_plan
    wp.overall_objective = "Coastal towns ready for storm surges"
    o1 = wp.add_objective("Flood maps for every harbour town")
    n = wp.add_work_package("Skybrud og stormflod", objective=o1)
    wp.add_activity(n, "Early warning pilots", start_period=1, end_period=2, deliverables=[("Kystbeskyttelse", 2)])
    wp.set_cooperation(joint_staffing="shared wind power engineers")
    draft.relevance = {"sv": "Översvämningar hotar hamnstäderna"}
    draft.management = "Solar panels power the project office"  # how the project is run: not read

    ranking = programme.rank_objectives(draft)
    assert ranking[0].code == "RSO2.4"
    words = {w for s in ranking for t in s.matched_terms for w in t.words}
    assert {"storm", "Flood", "Skybrud", "stormflod", "warning", "Kystbeskyttelse", "Översvämningar"} <= words
    assert not words & {"Energi", "wind", "power", "Solar"}  # partners, cooperation and management are left out


@pytest.mark.parametrize("text", [None, 42, b"energy", ["energy", 7], {"en": 7}])
def test_wrong_types(programme, text):
    with pytest.raises(TypeError):
        programme.rank_objectives(text)


def test_lone_surrogate_is_an_argument_error(programme):
    with pytest.raises(interreg.ArgumentError):
        programme.rank_objectives("energi \udc80")


def test_threads_share_one_programme(programme):
    texts = [item["text"] for item in load_set()] * 3
    expected = [programme.rank_objectives(t)[0].code for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda t: programme.rank_objectives(t)[0].code, texts))
    assert got == expected


# -- multilingual sanity checks ------------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("gränsöverskridande arbetsmarknad pendling kompetensförsörjning", "RSO4.1"),
    ("cirkulær økonomi genbrug affald", "RSO2.6"),
    ("Havvind, solceller og hydrogen for en fornybar energiforsyning", "RSO2.2"),
    ("Klimatanpassning: skyfall, översvämningar och stigande havsnivåer", "RSO2.4"),
    ("Fossil-free freight corridors, ports and electric ferries", "RSO3.2"),
    ("Forskningsinfrastruktur, testbäddar och life science för små och medelstora företag", "RSO1.1"),
    ("Iværksætteri og efteruddannelse for medarbejdere i industrien", "RSO1.4"),
    ("Sosiale entreprenører gir arbeidssøkere med funksjonsnedsettelse en vei inn i arbeidslivet", "RSO4.1"),
])
def test_sanity(programme, text, code):
    ranking = programme.rank_objectives(text)
    assert ranking[0].code == code, ranking


def test_unknown_compounds_match_their_known_parts(programme):
    best = programme.rank_objectives("havsvindkraftparker")[0]
    assert best.code == "RSO2.2"
    assert best.matched_terms[0].term == "havsvindkraft"
    assert best.matched_terms[0].words == ("havsvindkraftparker",)


def test_decomposed_letters_match(programme):
    import unicodedata
    text = unicodedata.normalize("NFD", "Översvämningar och skyfall i Göteborg")
    assert text != unicodedata.normalize("NFC", text)
    def summary(ranking):  # the words are given as written, so compare codes, scores and terms
        return [(s.code, s.score, [t.term for t in s.matched_terms]) for s in ranking]

    nfd, nfc = programme.rank_objectives(text), programme.rank_objectives(unicodedata.normalize("NFC", text))
    assert summary(nfd) == summary(nfc)
    assert nfd[0].code == "RSO2.4" and nfd[0].matched_terms[0].words == (unicodedata.normalize("NFD", "Översvämningar"),)


# -- keywords in the programme -------------------------------------------------------------------------

def test_keywords_are_exposed(programme):
    keywords = programme.objective("RSO2.6").keywords
    assert set(keywords) == set(LANGUAGES)
    assert "genbrug" in keywords["da"]


def test_a_programme_without_keywords_ranks_by_titles(tmp_path):
    doc = json.loads(EMBEDDED_JSON.read_text(encoding="utf-8"))
    for o in doc["specific_objectives"]:
        del o["keywords"]
    path = tmp_path / "bare.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    prog = interreg.load_programme(path)
    assert prog.objective("RSO2.2").keywords == {}
    assert prog.rank_objectives("förnybar energi")[0].code == "RSO2.2"


def test_a_bad_keyword_is_a_programme_error_with_its_path(tmp_path):
    doc = json.loads(EMBEDDED_JSON.read_text(encoding="utf-8"))
    doc["specific_objectives"][3]["keywords"]["sv"].append("och det")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(interreg.ProgrammeError) as info:
        interreg.load_programme(path)
    n = len(doc["specific_objectives"][3]["keywords"]["sv"]) - 1
    assert info.value.path == f"/specific_objectives/3/keywords/sv/{n}"
    assert "no searchable word" in str(info.value)


# -- the labelled set -------------------------------------------------------------------------------------

def test_labelled_set_is_well_formed():
    items = load_set()
    assert len(items) >= 40
    assert len({i["id"] for i in items}) == len(items)
    per_objective = defaultdict(int)
    for i in items:
        assert i["objective"] in OBJECTIVES
        assert i["language"] in LANGUAGES
        assert i["split"] in ("dev", "holdout", "blind")
        assert i["text"].strip()
        per_objective[i["objective"]] += 1
    assert all(per_objective[o] >= 5 for o in OBJECTIVES)
    assert {i["language"] for i in items} == set(LANGUAGES)
    splits = defaultdict(int)
    for i in items:
        splits[i["split"]] += 1
    assert splits["dev"] == splits["holdout"]


def test_labelled_set_accuracy(programme):
    items = load_set()
    stats = defaultdict(lambda: [0, 0, 0])  # key → [n, top-1 hits, top-3 hits]
    misses = []
    for item in items:
        codes = [s.code for s in programme.rank_objectives(item["text"])]
        rank = codes.index(item["objective"]) + 1
        for key in ("all", item["split"], item["language"], item["objective"]):
            stats[key][0] += 1
            stats[key][1] += rank == 1
            stats[key][2] += rank <= 3
        if rank > 1:
            misses.append(f"  {item['id']} ({item['split']}): {item['objective']} ranked {rank}, "
                          f"first {codes[0]}")
    lines = ["", "objective alignment on tests/data/alignment-set.json",
             f"  {'':10s} {'n':>4s} {'top-1':>7s} {'top-3':>7s}"]
    for key in ["all", "dev", "holdout", "blind", *LANGUAGES, *OBJECTIVES]:
        n, top1, top3 = stats[key]
        lines.append(f"  {key:10s} {n:4d} {top1 / n:7.1%} {top3 / n:7.1%}")
    print("\n".join(lines + ["misses:"] + misses))
    for split, (floor1, floor3) in FLOORS.items():
        n, top1, top3 = stats[split]
        assert top1 / n >= floor1, f"{split}: top-1 {top1}/{n}"
        assert top3 / n >= floor3, f"{split}: top-3 {top3}/{n}"
