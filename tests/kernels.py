"""Other machines' arithmetic on this one: BLAS kernels and SIMD paths.

OpenBLAS picks a kernel per processor and NumPy dispatches its loops by
CPU feature, so the same code gives other last digits elsewhere.
``OPENBLAS_CORETYPE`` and ``NPY_DISABLE_CPU_FEATURES`` reproduce another
processor's choices here. :data:`PROFILES` is the one list of the machines
the suite is proved on; ``make test-portable`` runs the numeric-sensitive
tests (marker ``portable``) once per profile::

    .venv/bin/python tests/kernels.py [pytest arguments]

Each profile must run on any x86-64 processor of the last decade, except
SkylakeX, which is added only where the processor has AVX-512.
"""
from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

#: NumPy's AVX-512 dispatch targets (NumPy 2.4 names).
_AVX512 = "X86_V4 AVX512_ICL AVX512_SPR"


def _has_avx512():
    try:
        return " avx512f " in Path("/proc/cpuinfo").read_text()
    except OSError:
        return False


#: Machine profile -> environment that reproduces its arithmetic.
PROFILES = {
    # A laptop with AVX2 and FMA, no AVX-512.
    "haswell": {"OPENBLAS_CORETYPE": "Haswell",
                "NPY_DISABLE_CPU_FEATURES": _AVX512},
    # An old laptop: AVX without AVX2 or FMA.
    "sandybridge": {"OPENBLAS_CORETYPE": "Sandybridge",
                    "NPY_DISABLE_CPU_FEATURES": f"X86_V3 {_AVX512}"},
}
if _has_avx512():
    # A server with AVX-512, in both BLAS and NumPy.
    PROFILES["skylakex"] = {"OPENBLAS_CORETYPE": "SkylakeX"}


def run_portable_tests(pytest_args):
    """Run ``pytest -m portable`` once per profile; return the exit code."""
    if platform.machine() not in ("x86_64", "AMD64"):
        print("The kernel profiles are x86-64 ones; nothing to run here.")
        return 0
    failed = []
    for name, env in PROFILES.items():
        print(f"\n=== {name}: " + " ".join(f"{k}={v!r}" for k, v in
                                         env.items()), flush=True)
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-m", "portable", *pytest_args],
            env={**os.environ, **env})
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nNumeric-sensitive tests failed under: {', '.join(failed)}")
        return 1
    print(f"\nNumeric-sensitive tests passed under: {', '.join(PROFILES)}")
    return 0


if __name__ == "__main__":
    sys.exit(run_portable_tests(sys.argv[1:]))
