"""Mutants: realistic wrong implementations, and correct alternatives.

One module per assignment slug defines ``MUTANTS`` (function name -> list
of :class:`autograder.spec.Mutant`) and ``ALTERNATIVES`` (function name ->
list of correct implementations written differently from the reference).
The test suite proves the hidden tests fail every mutant and pass every
alternative; a mutant's hint is what a learner sees when their output
matches that mistake.
"""
