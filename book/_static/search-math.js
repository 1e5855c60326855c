/* Search result snippets with readable math.
 *
 * Sphinx builds a snippet from the text of the page it found, and in that
 * text a formula is still its TeX source, "\(v_{dW}\)". Before the snippet
 * is cut, this turns every formula of the page into plain text: letters
 * and symbols instead of commands, "a/b" for a fraction, no delimiters.
 * The rest of Sphinx's search is left as it is.
 */
(function () {
  "use strict";

  const SYMBOLS = {
    alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε",
    varepsilon: "ε", eta: "η", theta: "θ", lambda: "λ", mu: "μ", pi: "π",
    rho: "ρ", sigma: "σ", tau: "τ", phi: "φ", varphi: "φ", omega: "ω",
    Delta: "Δ", Sigma: "Σ", Pi: "Π", Theta: "Θ",
    partial: "∂", nabla: "∇", infty: "∞", sum: "Σ", prod: "Π",
    odot: "⊙", cdot: "·", times: "×", pm: "±", mid: "|",
    le: "≤", leq: "≤", ge: "≥", geq: "≥", ne: "≠", neq: "≠",
    approx: "≈", sim: "~", in: "∈", to: "→", rightarrow: "→",
    longrightarrow: "→", gets: "←", top: "ᵀ", prime: "′",
    dots: "…", ldots: "…", cdots: "…", lVert: "‖", rVert: "‖",
    lvert: "|", rvert: "|", lceil: "⌈", rceil: "⌉", lfloor: "⌊",
    rfloor: "⌋", log: "log", exp: "exp", max: "max", min: "min",
  };
  // Commands that only size, space or style what follows.
  const DROP = new Set([
    "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "left",
    "right", "displaystyle", "textstyle", "limits", "nolimits"]);
  const SPACES = new Set(["quad", "qquad", ",", ";", ":", "!", " "]);
  const WRAPPERS = new Set([
    "text", "mathrm", "mathit", "mathbf", "mathcal", "mathbb",
    "operatorname", "boldsymbol", "underbrace", "overbrace"]);
  const ACCENTS = {hat: "\u0302", widehat: "\u0302", tilde: "\u0303",
                   widetilde: "\u0303", bar: "\u0304", vec: "\u20d7"};

  // The argument that starts at i: a {group}, a \command or one character.
  function argument(tex, i) {
    while (tex[i] === " ") i += 1;
    if (tex[i] === "{") {
      let depth = 0;
      for (let j = i; j < tex.length; j += 1) {
        if (tex[j] === "\\") { j += 1; continue; }
        if (tex[j] === "{") depth += 1;
        if (tex[j] === "}" && --depth === 0) {
          return [tex.slice(i + 1, j), j + 1];
        }
      }
      return [tex.slice(i + 1), tex.length];
    }
    if (tex[i] === "\\") {
      const name = /^\\([A-Za-z]+|.)/.exec(tex.slice(i));
      return name ? [name[0], i + name[0].length] : ["", i + 1];
    }
    return [tex[i] ?? "", i + 1];
  }

  function wrap(part) {
    return /^[\w.′\u0300-\u036f]+$/u.test(part) ? part : `(${part})`;
  }

  function convert(tex) {
    let out = "";
    let i = 0;
    while (i < tex.length) {
      const c = tex[i];
      if (c === "\\") {
        const match = /^\\([A-Za-z]+|.)/.exec(tex.slice(i));
        const name = match ? match[1] : "";
        i += match ? match[0].length : 1;
        if (name === "frac" || name === "dfrac" || name === "tfrac") {
          const [top, afterTop] = argument(tex, i);
          const [bottom, afterBottom] = argument(tex, afterTop);
          const over = wrap(convert(bottom).trim());
          out += `${wrap(convert(top).trim())}/${over}`;
          i = afterBottom;
        } else if (name === "sqrt") {
          const [body, after] = argument(tex, i);
          out += `√${wrap(convert(body).trim())}`;
          i = after;
        } else if (WRAPPERS.has(name)) {
          const [body, after] = argument(tex, i);
          out += convert(body);
          i = after;
        } else if (name in ACCENTS) {
          const [body, after] = argument(tex, i);
          out += convert(body).trim() + ACCENTS[name];
          i = after;
        } else if (DROP.has(name)) {
          // nothing to show
        } else if (SPACES.has(name)) {
          out += " ";
        } else if (name === "\\") {
          out += "; ";
        } else if (name in SYMBOLS) {
          out += SYMBOLS[name];
        } else {
          out += name;  // \log, \{, \_, ... and unknown commands
        }
      } else if (c === "{") {
        const [body, after] = argument(tex, i);
        out += convert(body);
        i = after;
      } else {
        out += c === "&" || c === "}" ? " " : c;
        i += 1;
      }
    }
    return out;
  }

  function texToText(tex) {
    const body = tex.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
    return convert(body).replace(/\s+/g, " ").trim().normalize("NFC");
  }

  function install() {
    if (typeof Search === "undefined" || Search.courseMath) return;
    const original = Search.htmlToText;
    Search.htmlToText = (htmlString, anchor) => {
      const page = new DOMParser().parseFromString(htmlString, "text/html");
      page.querySelectorAll(".eqno").forEach((number) => number.remove());
      page.querySelectorAll(".math").forEach((element) => {
        element.textContent = ` ${texToText(element.textContent)} `;
      });
      return original(page.documentElement.outerHTML, anchor);
    };
    Search.courseMath = texToText;
  }

  if (typeof Search !== "undefined") {
    install();
  } else {
    document.addEventListener("DOMContentLoaded", install);
  }
})();
