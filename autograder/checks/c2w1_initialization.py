"""Check specs for ``c2w1_initialization``."""
from autograder.checks import HIDDEN_SEEDS, rng
from autograder.spec import Case, FunctionSpec

#: Copied into the assignment folder by the release: data and the network.
HELPER_FILES = {"init_utils.py": "autograder/helpers/init_utils.py",
                "small_nets.py": "autograder/helpers/small_nets.py",
                "course_data.py": "autograder/helpers/course_data.py",
                "datasets_registry.json": "datasets/registry.json"}


def _public():
    return [Case("layers_dims = [3, 2, 1]", ([3, 2, 1],)),
            Case("layers_dims = [2, 4, 3, 1]", ([2, 4, 3, 1],))]


def _hidden():
    """Random layer sizes (3 seeds, 2 depths), the course's net, one layer."""
    cases = []
    for seed in HIDDEN_SEEDS:
        for depth in (2, 4):
            dims = [int(n) for n in rng(seed).integers(1, 9, size=depth + 1)]
            cases.append(Case(f"seed {seed}, layers_dims = {dims}", (dims,)))
    cases.append(Case("layers_dims = [2, 10, 5, 1]", ([2, 10, 5, 1],)))
    cases.append(Case("a single layer, layers_dims = [4, 1]", ([4, 1],)))
    cases.append(Case("layers_dims = [1, 1, 1]", ([1, 1, 1],)))
    return cases


SPECS = [
    FunctionSpec("initialize_parameters_zeros", ("parameters",), 1, _public,
                 _hidden,
                 separate=("parameters",)),
    FunctionSpec("initialize_parameters_random", ("parameters",), 1,
                 _public, _hidden,
                 separate=("parameters",)),
    FunctionSpec("initialize_parameters_he", ("parameters",), 1, _public,
                 _hidden,
                 separate=("parameters",)),
]
