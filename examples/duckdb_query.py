"""DuckDB over wlz-sim's NDJSON: a grid design, a batch, then SQL.

wlz-sim design (grid over the hulpmiddel and the regional approach) ->
wlz-sim batch --months (NDJSON) -> DuckDB's read_json_auto. Checks that
DuckDB reads every record with the design's fingerprint, that its
aggregates equal the same sums computed from the JSON lines in Python, that
the per-month arrays unnest to one row per scenario and month, and that the
strongest corner of the grid makes target 1 likelier than no measures.
"""

import json
import os
import tempfile

import duckdb

from wlz import check, run

LEVELS = 5
RUNS = 300


def main() -> None:
    work = tempfile.mkdtemp(prefix="wlz-duckdb-")
    design, results = os.path.join(work, "design.txt"), os.path.join(work, "results.ndjson")
    run(["design", "--method", "grid", "--vary", "aid=0..100", "--vary", "region=0..50", "-n", str(LEVELS),
         "--query", f"runs={RUNS}", "-o", design])
    run(["batch", design, "--months", "-o", results])
    with open(design + ".design.json") as f:
        fingerprint = json.load(f)["fingerprint"]
    with open(results) as f:
        records = [json.loads(line) for line in f]

    db = duckdb.connect()
    db.execute(f"CREATE VIEW r AS SELECT * FROM read_json_auto('{results}', format = 'newline_delimited')")
    n, designs = db.execute("SELECT count(*), count(DISTINCT design) FROM r WHERE design = ?", [fingerprint]).fetchone()
    check(n == LEVELS**2 and designs == 1, f"DuckDB reads {n} records of design {fingerprint}")
    mean_t2, max_cum = db.execute("SELECT avg(targets.t2.probability), max(cumulative.mean) FROM r").fetchone()
    py_mean = sum(r["targets"]["t2"]["probability"] for r in records) / len(records)
    py_max = max(r["cumulative"]["mean"] for r in records)
    check(abs(mean_t2 - py_mean) < 1e-12 and max_cum == py_max, "DuckDB's aggregates equal Python's")
    months = db.execute("SELECT count(*) FROM (SELECT unnest(months) AS m FROM r) WHERE m.p95 >= m.p5").fetchone()[0]
    check(months == LEVELS**2 * 84, f"per-month percentiles unnest to {months} rows (scenario x month)")
    by_corner = dict(
        db.execute(
            """SELECT regexp_extract(query, 'aid=([0-9.]+)', 1) || '/' || regexp_extract(query, 'region=([0-9.]+)', 1),
                      targets.t1.probability
               FROM r"""
        ).fetchall()
    )
    print(by_corner)
    check(by_corner["100/50"] > by_corner["/"], "aid 100 % with region 50 % makes target 1 likelier than no measures")


if __name__ == "__main__":
    main()
