"""nbval plugin: compare the numbers in notebook outputs as numbers.

nbval compares text outputs character by character, so a cost printed as
``0.219443`` on one processor and ``0.219465`` on another fails, although
both are right: BLAS kernels and SIMD loops change the last digits. Loaded
with ``-p nbval_numbers``, this plugin makes nbval compare text with
:func:`autograder.compare.texts_agree`: the words must be equal, whole
numbers (iterations, counts) exactly, other numbers within
:data:`OUTPUT_RTOL` and :data:`OUTPUT_ATOL`.

The tolerance is measured (``benchmarks/kernel_spread.py``): across the
Haswell, Sandybridge and SkylakeX kernels, with and without NumPy's AVX2
and AVX-512 loops, the printed numbers of the solution notebooks differ
by at most 2.1e-4 relative (the planar network's cost at iteration 8000,
after its learning rate of 1.2 makes the cost bounce). A cost that moves
by 1e-3 relative, twice :data:`OUTPUT_RTOL`, fails. Printouts that are
chaotic across processors (long runs from saturated weights, rounding
noise of finite differences) print what the lesson needs instead.
"""
from __future__ import annotations

from nbval.plugin import IPyNbCell

from autograder.compare import texts_agree

#: Relative tolerance of a printed number.
OUTPUT_RTOL = 5e-4
#: Absolute tolerance: numbers printed as 0.000000 or 1e-12 agree.
OUTPUT_ATOL = 1e-9


class NumericText(str):
    """Text whose equality with other text compares numbers as numbers."""

    def __eq__(self, other):
        if not isinstance(other, str):
            return NotImplemented
        return texts_agree(self, other, OUTPUT_RTOL, OUTPUT_ATOL)

    def __ne__(self, other):
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = str.__hash__


_sanitize = IPyNbCell.sanitize


def _sanitize_to_numeric_text(self, text):
    """nbval's sanitizing, then equality with numbers as numbers."""
    text = _sanitize(self, text)
    return NumericText(text) if isinstance(text, str) else text


def pytest_configure(config):
    """Every nbval cell compares its text through :class:`NumericText`."""
    IPyNbCell.sanitize = _sanitize_to_numeric_text
