"""Drive an exercise of the JupyterLite site in headless Chromium.

Used by ``tests/test_lite.py`` and ``benchmarks/bench_lite.py``: serve the
built site on localhost, open an exercise notebook with every
non-localhost request blocked, put code into its graded cells, run all
and read what every cell printed. The DevTools client is the one that
prints the PDF (``make_pdf.Chromium``).
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
import time
import urllib.parse
from pathlib import Path

from make_pdf import Chromium

#: Every host name but localhost's fails to resolve, and every request
#: that is not to loopback goes to a closed proxy port: the browser has
#: no network but the local server.
OFFLINE_ARGS = (
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, "
    "EXCLUDE 127.0.0.1",
    "--proxy-server=http://127.0.0.1:9",
)
LOCAL_HOSTS = ("127.0.0.1", "localhost")

# The app is exposed as window.jupyterapp (site setting
# exposeAppInBrowser); the notebook app's current widget is the notebook.
STATE = """
(() => {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model
      || !panel.sessionContext) return null;
  const session = panel.sessionContext.session;
  const kernel = session && session.kernel;
  const cells = [];
  const model = panel.content.model.cells;
  for (let i = 0; i < model.length; i++) {
    const cell = model.get(i);
    if (cell.type !== 'code') continue;
    const nbgrader = cell.getMetadata('nbgrader') || {};
    cells.push({id: nbgrader.grade_id || null,
                count: cell.executionCount,
                outputs: cell.outputs.toJSON()});
  }
  return {kernel: kernel ? kernel.status : null, cells};
})()
"""

FILL = """
((sources) => {
  const model = window.jupyterapp.shell.currentWidget.content.model.cells;
  const filled = [];
  for (let i = 0; i < model.length; i++) {
    const cell = model.get(i);
    const id = (cell.getMetadata('nbgrader') || {}).grade_id;
    if (id && id in sources) {
      cell.sharedModel.setSource(sources[id]);
      filled.push(id);
    }
  }
  return filled;
})(%s)
"""


SCROLL = """
((id) => {
  const notebook = window.jupyterapp.shell.currentWidget.content;
  const cells = notebook.model.cells;
  for (let i = 0; i < cells.length; i++) {
    if ((cells.get(i).getMetadata('nbgrader') || {}).grade_id === id) {
      notebook.activeCellIndex = i;
      return notebook.scrollToItem(i, 'center').then(() => i);
    }
  }
  return null;
})(%s)
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """Serve ``folder`` on a free localhost port; yield its URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def cell_text(cell: dict) -> str:
    """Everything a code cell printed: streams, results and errors."""
    parts = []
    for output in cell["outputs"]:
        if "text" in output:
            text = output["text"]
            parts.append(text if isinstance(text, str) else "".join(text))
        elif output.get("output_type") == "error":
            parts.append(f"{output['ename']}: {output['evalue']}")
        elif "text/plain" in output.get("data", {}):
            parts.append(str(output["data"]["text/plain"]))
    return "".join(parts)


def is_error(cell: dict) -> bool:
    return any(o.get("output_type") == "error" for o in cell["outputs"])


class LiteBrowser(Chromium):
    """Headless Chromium without network, on a JupyterLite notebook."""

    def __init__(self, executable: str, profile: Path, timeout=120):
        self.requests = []
        super().__init__(executable, profile, timeout=timeout,
                         extra_args=OFFLINE_ARGS)
        self.call("Network.enable")

    def call(self, method: str, **params) -> dict:
        """One DevTools command; events met on the way are recorded."""
        self.last_id += 1
        self.socket.send(json.dumps({"id": self.last_id, "method": method,
                                     "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            if message.get("id") == self.last_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def external_requests(self) -> list[str]:
        """URLs requested so far that are not on localhost."""
        return [url for url in self.requests
                if urllib.parse.urlsplit(url).scheme in ("http", "https")
                and urllib.parse.urlsplit(url).hostname not in LOCAL_HOSTS]

    def open_notebook(self, site: str, path: str, timeout=120) -> float:
        """Open ``path`` in the notebook app; wait for an idle kernel.

        Returns the time the page was asked for (``time.monotonic()``).
        """
        self.call("Emulation.setDeviceMetricsOverride", width=1200,
                  height=1600, deviceScaleFactor=1, mobile=False)
        start = time.monotonic()
        self.call("Page.navigate", url=f"{site}/lite/notebooks/index.html"
                  f"?path={urllib.parse.quote(path)}")
        self.wait_for(lambda state: state and state["kernel"] == "idle",
                      timeout, "an idle kernel")
        return start

    def state(self) -> dict | None:
        return self.evaluate(STATE)

    def wait_for(self, ready, timeout: float, what: str) -> dict:
        """Poll the notebook's state until ``ready(state)``; return it."""
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            if ready(state):
                return state
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {what} after {timeout} s; last "
                                   f"state: {json.dumps(state)[:2000]}")
            time.sleep(0.25)

    def fill(self, sources: dict[str, str]) -> list[str]:
        """Replace the source of graded cells by ``grade_id``."""
        return self.evaluate(FILL % json.dumps(sources))

    def run_all(self, timeout=600, first=None,
                awaited=None) -> tuple[list, float | None]:
        """Run every cell; wait until the awaited ones ran or one failed.

        Parameters
        ----------
        first : callable, optional
            ``first(cell)`` is true for the output awaited first; the
            time it appeared (``time.monotonic()``) is returned.
        awaited : callable, optional
            ``awaited(cell)`` is true for the cells to wait for (default:
            all, until the kernel is idle); later cells may still run.

        Returns
        -------
        cells : list of dict
            ``{"id", "count", "outputs"}`` of every code cell.
        first_seen : float or None
        """
        self.evaluate("window.jupyterapp.commands.execute("
                      "'notebook:run-all-cells') && null")
        seen = None
        deadline = time.monotonic() + timeout
        while True:
            state = self.state()
            cells = state["cells"]
            if seen is None and first and any(map(first, cells)):
                seen = time.monotonic()
            if awaited is not None:
                if all(c["count"] is not None and c["outputs"]
                       for c in cells if awaited(c)):
                    return cells, seen
            elif all(c["count"] is not None for c in cells) and \
                    state["kernel"] == "idle":
                return cells, seen
            if any(map(is_error, cells)):
                return cells, seen
            if time.monotonic() > deadline:
                raise TimeoutError(f"cells still running after {timeout} s")
            time.sleep(0.25)

    def scroll_to(self, grade_id: str) -> None:
        """Scroll the notebook so that the cell ``grade_id`` is centred."""
        self.evaluate(SCROLL % json.dumps(grade_id))
        time.sleep(2)

    def screenshot(self, path: Path) -> None:
        import base64
        shot = self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
