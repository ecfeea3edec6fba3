// What the practice page and the candidate's page share: the editor (a textarea over a highlighted
// copy of its text), drafts kept in the browser, the request body of an answer, and one check of a
// result drawn as a list item.
// Text from the server or the candidate is always set as textContent.
window.PygradeEditor = (function () {
  "use strict";

  const INDENT = "    ";
  const PACKAGE_FILE = /^# === (\S+\.py) ===[ \t]*$/;

  /**
   * Makes `area` an editor over the <code> element `highlight`: Tab indents, Shift+Tab dedents,
   * Enter keeps the indentation, Ctrl+Enter calls onSubmit. Answers {set(text), get()}.
   */
  function attach(area, highlight, onSubmit) {
    function refresh() {
      highlight.innerHTML = window.PygradeHighlight.toHtml(area.value);
      syncScroll();
    }

    function syncScroll() {
      const pre = highlight.parentElement;
      pre.scrollTop = area.scrollTop;
      pre.scrollLeft = area.scrollLeft;
    }

    /** Replaces the selection through the browser's editing, so that undo still works. */
    function insert(text) {
      area.focus();
      if (!document.execCommand || !document.execCommand("insertText", false, text)) {
        area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
      }
      refresh();
    }

    /** Tab indents (the selected lines, or at the caret); Shift+Tab dedents the selected lines. */
    function indent(outdent) {
      const text = area.value;
      const start = lineStart(text, area.selectionStart);
      const multiLine = text.slice(area.selectionStart, area.selectionEnd).includes("\n");
      if (!outdent && !multiLine) {
        const column = area.selectionStart - start;
        insert(" ".repeat(INDENT.length - (column % INDENT.length)));
        return;
      }
      let end = area.selectionEnd;
      if (end > start && text[end - 1] === "\n") {
        end -= 1;
      }
      const lines = text.slice(start, end).split("\n");
      const changed = lines.map((line) => {
        if (!outdent) {
          return line.length ? INDENT + line : line;
        }
        const spaces = line.match(/^ */)[0].length;
        return line.slice(Math.min(spaces, INDENT.length));
      }).join("\n");
      area.setSelectionRange(start, end);
      insert(changed);
      area.setSelectionRange(start, start + changed.length);
    }

    /** Enter keeps the line's indentation, one level more after a line ending in ':'. */
    function newline() {
      const text = area.value;
      const before = text.slice(lineStart(text, area.selectionStart), area.selectionStart);
      let indentation = before.match(/^[ \t]*/)[0];
      if (/:\s*(#.*)?$/.test(before)) {
        indentation += INDENT;
      }
      insert("\n" + indentation);
    }

    area.addEventListener("input", refresh);
    area.addEventListener("scroll", syncScroll);
    area.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        onSubmit();
      } else if (event.key === "Tab" && !event.altKey && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        indent(event.shiftKey);
      } else if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        newline();
      }
    });
    return {
      set(text) {
        area.value = text;
        refresh();
      },
      get() {
        return area.value;
      },
    };
  }

  function lineStart(text, index) {
    return text.lastIndexOf("\n", index - 1) + 1;
  }

  /** What a new answer starts as: a comment naming the file, or the package's first file marker. */
  function starter(exercise) {
    if (exercise.package) {
      return "# === " + exercise.module + "/__init__.py ===\n\n";
    }
    return "# " + exercise.file + ": your answer to " + exercise.id + "\n\n";
  }

  /** The request of an answer: the module as text/x-python, or a package's files (split at their markers) as JSON. */
  function request(exercise, code) {
    if (!exercise.package) {
      return { headers: { "Content-Type": "text/x-python; charset=utf-8" }, body: code };
    }
    const files = {};
    let name = null;
    for (const line of code.split("\n")) {
      const marker = line.match(PACKAGE_FILE);
      if (marker) {
        name = marker[1];
        files[name] = "";
      } else if (name !== null) {
        files[name] += line + "\n";
      }
    }
    return { headers: { "Content-Type": "application/json" }, body: JSON.stringify({ files: files }) };
  }

  /** The draft kept in this browser under `key`; null when there is none, or no storage (private browsing). */
  function loadDraft(key) {
    try {
      return localStorage.getItem(key);
    } catch (unavailable) {
      return null;
    }
  }

  /** Keeps a draft in this browser; without storage (private browsing) drafts are simply not kept. */
  function saveDraft(key, text) {
    try {
      localStorage.setItem(key, text);
    } catch (unavailable) {
      // nothing to keep it in
    }
  }

  function points(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }

  const MARKS = { passed: "✓", failed: "✗", error: "✗", "internal-error": "!", timeout: "⏱", memory: "M", skipped: "–" };

  /** One check as a list item: mark, name, description, points, and its message and output when given. */
  function checkItem(check) {
    const item = document.createElement("li");
    item.className = "check " + check.status;
    item.dataset.name = check.name;
    const line = document.createElement("div");
    line.className = "check-line";
    const mark = element("span", "check-mark", MARKS[check.status] || "?");
    mark.title = check.status;
    line.append(mark, element("span", "check-name", check.name),
      element("span", "check-description", check.description),
      element("span", "check-points", check.status + " · " + points(check.score) + "/" + points(check.max_score)));
    item.append(line);
    if (check.message) {
      item.append(element("p", "check-message", check.message));
    }
    if (check.output) {
      const output = element("details", "check-output", "");
      const pre = document.createElement("pre");
      pre.textContent = check.output;
      output.append(element("summary", "", "Output"), pre);
      item.append(output);
    }
    return item;
  }

  /** A new element of a class, holding text (never HTML). */
  function element(tag, className, text) {
    const made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    made.textContent = text;
    return made;
  }

  return { attach, starter, request, loadDraft, saveDraft, points, checkItem, element };
})();
