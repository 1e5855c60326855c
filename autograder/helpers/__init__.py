"""Self-contained helper modules that exercise folders carry.

Each module here needs only NumPy (and matplotlib for plots), so that the
release can copy it, unchanged, next to an exercise notebook (see
``HELPER_FILES`` in ``autograder/checks/<slug>.py``). The package is also
importable, so the reference solutions, the notes and the tests use the
very same code.
"""
