"""Helper modules that exercise folders carry.

Each module here needs only NumPy (h5py for data files, matplotlib for
plots) and the siblings it imports (``course_data``, ``small_nets``, ...),
so that the release can copy it, unchanged, next to an exercise notebook
(see ``HELPER_FILES`` in ``autograder/checks/<slug>.py``). The package is
also importable, so the reference solutions, the notes and the tests use
the very same code.
"""
