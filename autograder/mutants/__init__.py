"""Mutants: realistic wrong implementations, and correct alternatives.

One module per assignment slug defines ``MUTANTS`` (function name -> list
of :class:`autograder.spec.Mutant`) and ``ALTERNATIVES`` (function name ->
list of correct implementations written differently from the reference),
and ``ROUND_TRIP``, a ``(function name, mistake)`` pair naming a mutant of a
function that no other graded function calls (the grading round trip
submits it and expects exactly that function's points lost).
The test suite proves the hidden tests fail every mutant and pass every
alternative; a mutant's hint is what a learner sees when their output
matches that mistake.
"""
