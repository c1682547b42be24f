"""`import interreg` stays light: no pandas, numpy, matplotlib or thread pool until asked for
(bench/throughput.py times it; the target is under 150 ms)."""
from __future__ import annotations

import json


def test_import_loads_no_heavy_module(run_python):
    rc, out, err = run_python("import sys, json, interreg; print(json.dumps(sorted(sys.modules)))")
    assert rc == 0, err
    loaded = set(json.loads(out))
    heavy = {"pandas", "numpy", "matplotlib", "openpyxl", "docx", "networkx", "jsonschema", "concurrent.futures.thread"}
    assert not heavy & loaded, heavy & loaded
