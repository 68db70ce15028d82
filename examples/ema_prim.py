"""Scenario discovery with the EMA Workbench: when is target 2 missed?

Each experiment calls `wlz-sim batch` (one query line on stdin, one NDJSON
record back) through the workbench's MultiprocessingEvaluator; PRIM then
looks for the box of assumptions and levers in which target 2 (about 100 new
clients a month in the horizon's last year) is more likely missed than met.
Checks: every experiment gave a probability, and PRIM finds a box with
coverage at least 0.7 and density at least 0.9 that restricts the trend.
Model 2 (`v=2`): the trend's spread of 10 % a year around each experiment's
mean trend keeps P(target 2) away from 0 and 1, so the boxes are less sharp
than they were under model 1 (coverage 0.75 at density 0.91 here).
"""

import json
import subprocess

import numpy as np
from ema_workbench import Model, MultiprocessingEvaluator, RealParameter, ScalarOutcome, perform_experiments
from ema_workbench.analysis import prim
from ema_workbench.analysis.scenario_discovery_util import _determine_restricted_dims

from wlz import binary, check

RUNS = 300
EXPERIMENTS = 240
MIN_COVERAGE = 0.7
MIN_DENSITY = 0.9


def wlz_model(level=250.0, trend=0.0, theta=15.0, aid=0.0, region=0.0, longer=25.0):
    """P(target 1) and P(target 2) of one scenario, from `wlz-sim batch`."""
    query = f"v=2&runs={RUNS}&level={level}&trend={trend}&theta={theta}&aid={aid}&region={region}&longer={longer}"
    done = subprocess.run(
        [binary(), "batch", "--threads", "1"], input=query + "\n", capture_output=True, text=True, check=True
    )
    record = json.loads(done.stdout)
    return {"p_t1": record["targets"]["t1"]["probability"], "p_t2": record["targets"]["t2"]["probability"]}


def main() -> None:
    model = Model("wlz", function=wlz_model)
    model.uncertainties = [
        RealParameter("level", 200, 300),
        RealParameter("trend", -15, 5),
        RealParameter("theta", 5, 30),
        RealParameter("aid", 0, 100),
        RealParameter("region", 0, 50),
        RealParameter("longer", 25, 100),
    ]
    model.outcomes = [ScalarOutcome("p_t1"), ScalarOutcome("p_t2")]
    with MultiprocessingEvaluator(model, n_processes=2) as evaluator:
        experiments, outcomes = perform_experiments(
            model, scenarios=EXPERIMENTS, evaluator=evaluator, uncertainty_sampling_kwargs={"rng": 3}
        )
    p_t2 = np.asarray(outcomes["p_t2"], dtype=float)
    check(len(p_t2) == EXPERIMENTS and bool(np.all((p_t2 >= 0) & (p_t2 <= 1))), "every experiment gave P(t2)")

    x = experiments[[u.name for u in model.uncertainties]]
    missed = p_t2 < 0.5
    print(f"target 2 missed in {missed.sum()} of {len(missed)} experiments")
    finder = prim.Prim(x, missed)
    box = finder.find_box()
    trajectory = box.peeling_trajectory
    good = trajectory[(trajectory.density >= MIN_DENSITY)]
    check(len(good) > 0, f"PRIM finds a box with density >= {MIN_DENSITY}")
    best = int(good.coverage.idxmax())
    box.inspect(best)
    coverage, density = trajectory.coverage[best], trajectory.density[best]
    check(coverage >= MIN_COVERAGE, f"its coverage {coverage:.2f} >= {MIN_COVERAGE} (density {density:.2f})")
    restricted = list(_determine_restricted_dims(box.box_lims[best], box.box_lims[0]))
    check("trend" in restricted, f"the box restricts the trend (restricted: {restricted})")


if __name__ == "__main__":
    main()
