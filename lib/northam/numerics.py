"""Guards for the statistical fits, so the numbers the chapters publish do not depend on the machine.

NumPy, SciPy and statsmodels hand matrix work to BLAS/LAPACK; OpenBLAS picks a kernel per CPU
(``OPENBLAS_CORETYPE`` forces one), and kernels sum in different orders. The last bits of every fit
therefore differ between machines. That is harmless for a well-conditioned least-squares fit, but it
can turn a variance that is mathematically zero or tiny into a small negative number (then ``sqrt``
gives NaN), and it moves the point where an optimiser stops. The helpers here make those cases
explicit: round-off negatives are floored at zero, anything worse raises, and an optimiser-based fit
that did not converge raises an error naming the chapter and the series instead of publishing a
number. ``benchmarks/kernel_check.py`` prints every fit's published values for a cross-kernel diff.
"""

from __future__ import annotations

from collections.abc import Mapping
from numbers import Real

import numpy as np

#: Significant digits kept of the series a fit returns (fitted lines, bands, residuals, components) before they
#: are published or drawn: far more than any fit here can claim, and few enough that the last bits BLAS leaves
#: to the kernel do not reach them.
FIT_DIGITS = 10


def fit_digits(frame, columns, digits: int = FIT_DIGITS):
    """A copy of the table ``frame`` with ``columns`` (values a fit computed) rounded to ``digits`` significant
    digits, in the units they have.

    BLAS kernels sum in different orders, so the last bits of a fit differ between machines. The key numbers
    are glued at a few decimals, but a fitted line goes into a figure's CSV with every digit and into its
    chart's pixels: unrounded, the CSVs of five figures and the PNGs of two differed between the Haswell,
    SandyBridge and Prescott kernels. Rounded here, they are the same bytes under each kernel."""
    out = frame.copy()
    for col in columns:
        out[col] = [float(format(v, f".{digits}g")) if np.isfinite(v) else v for v in np.asarray(out[col], float)]
    return out


class NumericsError(ArithmeticError):
    """A fit produced a value that cannot be published (NaN, infinite, a clearly negative variance)."""


class ConvergenceError(NumericsError):
    """An optimiser-based fit stopped before converging."""


def floor_variance(var, *, what: str, rtol: float = 1e-8, atol: float = 1e-12) -> np.ndarray:
    """Variances with round-off negatives set to exactly zero (same units as ``var``).

    ``var`` is an array of variances in the squared units of the fitted series (e.g. log points
    squared for a model of a log series). A value below zero but above ``-(atol + rtol * max|var|)``
    is floating-point round-off around a true variance of (about) zero and is floored at 0, so that
    ``sqrt`` gives 0 rather than NaN. A value below that bound, or a NaN or infinite one, is not
    round-off: :class:`NumericsError` is raised, naming ``what`` (e.g. "labor: UC level, encounters").
    Returns a new float array; ``var`` is not changed.
    """
    v = np.array(var, dtype=float)
    if not np.isfinite(v).all():
        raise NumericsError(f"{what}: {int((~np.isfinite(v)).sum())} variance(s) are NaN or infinite")
    tol = atol + rtol * (float(np.abs(v).max()) if v.size else 0.0)
    if v.size and v.min() < -tol:
        raise NumericsError(f"{what}: variance {v.min():.3g} is below zero by more than round-off "
                            f"(tolerance {tol:.3g}): the fit is numerically unstable")
    return np.where(v < 0, 0.0, v)


def require_converged(result, *, chapter: str, series: str):
    """Return ``result`` if its optimiser converged; otherwise raise :class:`ConvergenceError`.

    Reads ``result.mle_retvals["converged"]`` (statsmodels maximum-likelihood fits, e.g. state-space
    models) or, failing that, a boolean ``result.converged`` attribute. A result with neither carries
    no convergence information and raises ``TypeError``: call this only on optimiser-based fits.
    The error names the chapter and the series, so a failed build says which number is at stake.
    """
    retvals = getattr(result, "mle_retvals", None)
    if isinstance(retvals, Mapping) and "converged" in retvals:
        ok, detail = bool(retvals["converged"]), {k: retvals.get(k) for k in ("iterations", "warnflag")}
    elif isinstance(getattr(result, "converged", None), (bool, np.bool_)):
        ok, detail = bool(result.converged), {}
    else:
        raise TypeError(f"{type(result).__name__} has no convergence flag (chapter {chapter}, {series})")
    if not ok:
        info = ", ".join(f"{k}={v}" for k, v in detail.items() if v is not None)
        raise ConvergenceError(f"chapter {chapter}: the fit of {series} did not converge"
                               + (f" ({info})" if info else ""))
    return result


def require_finite(values, *, what: str):
    """Return ``values`` if every number in it is finite; otherwise raise :class:`NumericsError`.

    ``values`` is an array-like of numbers (units unchanged), or a mapping of published names to values,
    where only real scalars are checked (strings, booleans, frames and other objects are skipped: check
    frames explicitly). The error names ``what`` and, for a mapping, the offending keys.
    """
    if isinstance(values, Mapping):
        bad = [k for k, v in values.items()
               if isinstance(v, Real) and not isinstance(v, bool) and not np.isfinite(float(v))]
    else:
        arr = np.asarray(values, dtype=float)
        bad = [f"{int((~np.isfinite(arr)).sum())} of {arr.size} values"] if not np.isfinite(arr).all() else []
    if bad:
        raise NumericsError(f"{what}: not finite: {', '.join(map(str, bad))}")
    return values
