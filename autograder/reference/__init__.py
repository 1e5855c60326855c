"""Reference solutions: one module per assignment slug.

Each module holds the reference implementation of every graded function of
its assignment, under the course's names and signatures. The solution
notebooks' graded cells are generated from these functions by
``course release`` (one source, checked for drift).
"""
