"""Validation and budget summaries from many threads at once give exactly the serial results.

The core releases the GIL while it reads, validates and summarises, so these threads really
run at the same time on a shared programme (the C++ side of this is checked under
ThreadSanitizer by scripts/sanitize.sh).
"""
from __future__ import annotations

import threading
from typing import Callable, List

import interreg
from conftest import clear_budget, give_small_budget

THREADS = 8


def variants(make: Callable[[], interreg.Proposal]) -> List[interreg.Proposal]:
    """Eight different proposals: clean, and each with findings of its own."""
    out = [make() for _ in range(THREADS)]
    out[1].specific_objective = "RSO1.1"            # closed in call 2025:1
    out[2].partner("PP2").region = "Syddanmark"     # outside the area
    out[3].partner("PP1").role = "partner"          # no lead
    out[4].duration_months = 60                     # too long
    out[5].partner("PP2").org_type = "guild"        # not an organisation type of the programme
    clear_budget(out[6].partner("PP3"))             # an empty budget
    for i in range(300):                            # a big budget
        give_small_budget(out[7].partner(f"PP{1 + i % 3}"), f"{100 + i}.25")
    return out


def outcome(p: interreg.Proposal):
    report = p.validate()
    return [str(f) for f in report], p.budget_summary().to_dict()


def run_in_threads(work: Callable[[int], object]) -> List[object]:
    results: List[object] = [None] * THREADS
    errors: List[BaseException] = []
    start = threading.Barrier(THREADS)

    def run(i: int) -> None:
        try:
            start.wait()
            results[i] = work(i)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return results


def test_eight_threads_validating_different_proposals_get_the_serial_results(make_good_proposal):
    proposals = variants(make_good_proposal)
    serial = [outcome(p) for p in proposals]
    assert len({str(s[0]) for s in serial}) == THREADS  # eight different reports
    for _ in range(3):
        assert run_in_threads(lambda i: outcome(proposals[i])) == serial


def test_eight_threads_loading_and_validating_files_get_the_serial_results(make_good_proposal, tmp_path):
    paths = []
    for i, p in enumerate(variants(make_good_proposal)):
        paths.append(tmp_path / f"p{i}.json")
        p.save(paths[-1])
    serial = [outcome(interreg.Proposal.load(path)) for path in paths]
    assert run_in_threads(lambda i: outcome(interreg.Proposal.load(paths[i]))) == serial
    assert run_in_threads(lambda i: outcome(interreg.Proposal.from_json(paths[i].read_bytes()))) == serial
