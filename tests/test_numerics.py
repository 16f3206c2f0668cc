"""Numerical guards (northam.numerics) and the fits that use them: finite, converged, machine-independent."""

from __future__ import annotations

import types

import numpy as np
import pandas as pd
import pytest

from northam import numerics


def test_round_off_negative_variance_is_floored_at_zero():
    v = numerics.floor_variance([4e-3, -1e-14, 0.0, 2.5e-3], what="test")
    assert v.tolist() == [4e-3, 0.0, 0.0, 2.5e-3]
    assert np.isfinite(np.sqrt(v)).all()


def test_floor_variance_leaves_its_input_alone():
    var = np.array([1.0, -1e-12])
    numerics.floor_variance(var, what="test")
    assert var[1] == -1e-12


def test_clearly_negative_variance_raises_naming_the_series():
    with pytest.raises(numerics.NumericsError, match="labor: level"):
        numerics.floor_variance([4e-3, -0.06], what="labor: level")


def test_nan_variance_raises():
    with pytest.raises(numerics.NumericsError, match="NaN"):
        numerics.floor_variance([4e-3, np.nan], what="x")


def _mle(converged: bool):
    return types.SimpleNamespace(mle_retvals={"converged": converged, "iterations": 7, "warnflag": 2})


def test_non_converged_fit_raises_with_chapter_and_series():
    with pytest.raises(numerics.ConvergenceError, match=r"chapter labor: .*encounters.*iterations=7"):
        numerics.require_converged(_mle(False), chapter="labor", series="encounters")


def test_converged_fit_is_returned_and_flagless_result_is_refused():
    res = _mle(True)
    assert numerics.require_converged(res, chapter="labor", series="encounters") is res
    assert numerics.require_converged(types.SimpleNamespace(converged=True), chapter="c", series="s")
    with pytest.raises(TypeError):
        numerics.require_converged(object(), chapter="c", series="s")


def test_require_finite_checks_scalars_of_a_mapping_and_whole_arrays():
    ok = {"slope": 0.5, "n": 24, "label": "x", "fit": pd.DataFrame({"a": [np.nan]})}
    assert numerics.require_finite(ok, what="t") is ok
    with pytest.raises(numerics.NumericsError, match="slope_lo"):
        numerics.require_finite({"slope": 0.5, "slope_lo": np.nan}, what="t")
    with pytest.raises(numerics.NumericsError, match="1 of 3"):
        numerics.require_finite(np.array([1.0, np.inf, 2.0]), what="t")


def test_uc_fit_of_encounters_converges_and_its_band_has_no_holes():
    from northam.analysis import labor

    d = labor.decompose_encounters()
    band = d[["uc_trend", "uc_low", "uc_high"]]
    assert np.isfinite(band.to_numpy()).all()
    assert ((band["uc_high"] - band["uc_low"]) > 0).all(), "a zero-width band means a floored variance"


@pytest.mark.filterwarnings("ignore::statsmodels.tools.sm_exceptions.ConvergenceWarning")
def test_uc_fit_reports_non_convergence(monkeypatch):
    from northam.analysis import labor

    monkeypatch.setattr(labor, "UC_FIT", {"method": "nm", "maxiter": 3})
    y = np.log(labor.monthly_mexicans())
    with pytest.raises(numerics.ConvergenceError, match="chapter labor"):
        labor.fit_trend_model(y)


def test_fitted_values_are_published_at_ten_significant_digits():
    """Kernel noise in the last bits of a fit (1e-13 relative here) disappears; the digits shown are the value's
    own, NaN stays NaN, other columns and the caller's table are left alone."""
    fit = pd.DataFrame({"year": [2010, 2011, 2012], "share": [19.272387918473957, 1e-7 / 3, 0.5],
                        "fitted": [63.71047208868115, np.nan, -0.00012345678901234]})
    noisy = fit.assign(fitted=fit["fitted"] * (1 + 1e-13))
    out = numerics.fit_digits(fit, ["fitted"])
    assert out["fitted"].tolist()[0] == 63.71047209 and np.isnan(out["fitted"].iloc[1])
    assert out["fitted"].iloc[2] == -0.0001234567890
    assert out.drop(columns="fitted").equals(fit.drop(columns="fitted"))
    assert fit["fitted"].iloc[0] == 63.71047208868115  # the input is not changed
    assert numerics.fit_digits(noisy, ["fitted"])["fitted"].tolist()[::2] == out["fitted"].tolist()[::2]
    assert numerics.fit_digits(fit, ["share"], digits=4)["share"].tolist() == [19.27, 3.333e-08, 0.5]
