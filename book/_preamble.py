"""Shared set-up for the code cells of the course notes.

Every page of notes loads this file in its first cell, which is hidden from
the rendered site (tag ``remove-cell``)::

    %run ../_preamble.py

It fixes how arrays are printed and how figures look, so that all pages
share one style and no page repeats these settings. It defines no course
functions: whatever a page computes is written out on that page.

The build caches executed pages by the content of their code cells, not of
this file. After editing it, rebuild from scratch (remove
``_build/.jupyter_cache``) so that every page picks up the change.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib_inline.backend_inline import set_matplotlib_formats

# Printing: NumPy's default precision (8 digits), so printed values can be
# compared with the numbers quoted in the text; lines fit in 79 columns.
np.set_printoptions(linewidth=79)

# Figures: PNG at a resolution that stays sharp on high-density screens.
set_matplotlib_formats("png")

# One small palette for the whole book (colour-blind friendly, after
# Okabe and Ito), so a colour means the same thing from page to page.
COLORS = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "red": "#D55E00",
    "purple": "#CC79A7",
    "sky": "#56B4E9",
    "grey": "#555555",
}

plt.rcParams.update(
    {
        "figure.figsize": (6.4, 3.6),
        "figure.dpi": 110,
        "savefig.dpi": 110,
        "figure.autolayout": False,
        "figure.constrained_layout.use": True,
        "font.size": 10.5,
        "axes.titlesize": 11,
        "axes.labelsize": 10.5,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "grid.linestyle": "-",
        "lines.linewidth": 2.0,
        "legend.frameon": False,
        "axes.prop_cycle": plt.cycler(color=list(COLORS.values())),
    }
)
