"""Check the difficulty of the synthetic cat / non-cat data set.

Trains, with plain NumPy and the hyperparameters of the course's runs:

* logistic regression: zero init, learning rate 0.005, 2000 iterations;
* a 2-layer net [12288, 7, 1]: learning rate 0.0075, 2500 iterations;
* a 4-layer net [12288, 20, 7, 5, 1]: learning rate 0.0075, 2500 iterations.

Hidden layers use ReLU, the output a sigmoid; training is full-batch
gradient descent on the cross-entropy cost. Inputs are the flattened
pictures, shape (12288, m), divided by 255. The 2-layer net is run twice:
with the step-by-step initialisation (seed 1, randn * 0.01, as in the
course's ``two_layer_model``) and with seed 1, randn / sqrt(n_prev) (as the
deep model's initialisation).

Targets: LR well above chance but below perfect on the test set (about
65-80 %), and ideally LR < 2-layer < 4-layer on the test set.

Usage::

    .venv/bin/python benchmarks/calibrate_cats.py
"""
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from autograder.data import lr_utils  # noqa: E402
from autograder.data.lr_utils import cat_images  # noqa: E402


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def accuracy(prob, y):
    """Share of ``prob`` (1, m) > 0.5 that equals the labels ``y`` (1, m)."""
    return float(np.mean((prob > 0.5) == (y == 1)))


def logistic_regression(x, y, lr=0.005, iterations=2000):
    """Return a predict function; x (n, m), y (1, m)."""
    w, b = np.zeros((x.shape[0], 1)), 0.0
    m = x.shape[1]
    for _ in range(iterations):
        a = sigmoid(w.T @ x + b)
        w -= lr * (x @ (a - y).T) / m
        b -= lr * np.mean(a - y)
    return lambda data: sigmoid(w.T @ data + b)


def init_params(dims, scaled):
    """Seed 1; randn / sqrt(n_prev) if ``scaled`` else randn * 0.01."""
    np.random.seed(1)
    params = []
    for n_prev, n in zip(dims[:-1], dims[1:]):
        w = np.random.randn(n, n_prev)
        w = w / np.sqrt(n_prev) if scaled else w * 0.01
        params.append([w, np.zeros((n, 1))])
    return params


def forward(params, x):
    """Activations of every layer, input first."""
    acts = [x]
    for i, (w, b) in enumerate(params):
        z = w @ acts[-1] + b
        acts.append(sigmoid(z) if i == len(params) - 1 else np.maximum(z, 0.0))
    return acts


def deep_net(x, y, dims, scaled, lr=0.0075, iterations=2500):
    """Full-batch gradient descent; returns a predict function."""
    params = init_params(dims, scaled)
    m = x.shape[1]
    for _ in range(iterations):
        acts = forward(params, x)
        dz = acts[-1] - y  # sigmoid + cross-entropy
        for i in range(len(params) - 1, -1, -1):
            w, b = params[i]
            dw = dz @ acts[i].T / m
            db = dz.sum(axis=1, keepdims=True) / m
            if i:
                dz = (w.T @ dz) * (acts[i] > 0)
            w -= lr * dw
            b -= lr * db
    return lambda data: forward(params, data)[-1]


def main(argv=None):
    """Print train and test accuracies; ``--extra-test N`` (a calibration
    aid) replaces the 50 test pictures by N fresh ones from another seed,
    to see the expected accuracy without the noise of a small test set;
    ``--lr-only`` skips the neural networks."""
    argv = sys.argv[1:] if argv is None else argv
    t0 = time.perf_counter()
    xtr, ytr = cat_images("train")
    if "--extra-test" in argv:
        n_extra = int(argv[argv.index("--extra-test") + 1])
        lr_utils.SIZES["extra"], lr_utils.N_CATS["extra"] = (
            n_extra, n_extra // 2)
        lr_utils.SEEDS["extra"] = 12345
        xte, yte = cat_images("extra")
    else:
        xte, yte = cat_images("test")
    print(f"generated in {time.perf_counter() - t0:.1f} s; cats: train "
          f"{ytr.sum()}/{ytr.size}, test {yte.sum()}/{yte.size}")
    xtr = xtr.reshape(xtr.shape[0], -1).T / 255.0
    xte = xte.reshape(xte.shape[0], -1).T / 255.0
    ytr, yte = ytr.reshape(1, -1), yte.reshape(1, -1)
    runs = [
        ("LR (zeros, lr .005, 2000 it)",
         lambda: logistic_regression(xtr, ytr)),
        ("2-layer [12288,7,1] randn*0.01",
         lambda: deep_net(xtr, ytr, [12288, 7, 1], False)),
        ("2-layer [12288,7,1] randn/sqrt",
         lambda: deep_net(xtr, ytr, [12288, 7, 1], True)),
        ("4-layer [12288,20,7,5,1] randn/sqrt",
         lambda: deep_net(xtr, ytr, [12288, 20, 7, 5, 1], True)),
    ]
    if "--lr-only" in argv:
        runs = runs[:1]
    for name, train in runs:
        t0 = time.perf_counter()
        predict = train()
        print(f"{name:<38} train {100 * accuracy(predict(xtr), ytr):6.2f} %  "
              f"test {100 * accuracy(predict(xte), yte):6.2f} %  "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
