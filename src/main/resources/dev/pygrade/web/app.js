// pygrade's page: the exercise list, the prompt, the editor, and the result of a submission,
// all through the JSON API (docs/api.md). Text from the server or the candidate is always
// set as textContent; only the prompt's HTML, rendered and escaped by the server, is inserted as HTML.
(function () {
  "use strict";

  const INDENT = "    ";
  const PACKAGE_FILE = /^# === (\S+\.py) ===[ \t]*$/;
  const $ = (id) => document.getElementById(id);

  const state = { exercises: [], current: null, grading: false };

  // ---- the exercise list -------------------------------------------------------------------

  async function loadExercises() {
    try {
      const response = await fetch("/api/exercises", { headers: { Accept: "application/json" } });
      const body = await response.json();
      if (!response.ok) {
        throw new Error(body.message || response.statusText);
      }
      state.exercises = body.exercises;
      renderList();
      const wanted = decodeURIComponent(location.hash.slice(1));
      if (wanted && state.exercises.some((e) => e.id === wanted)) {
        choose(wanted);
      }
    } catch (failure) {
      const notice = $("list-error");
      notice.textContent = "Could not load the exercises: " + failure.message;
      notice.hidden = false;
    }
  }

  function renderList() {
    const filter = $("filter").value.trim().toLowerCase();
    const list = $("exercise-list");
    list.replaceChildren();
    for (const exercise of state.exercises) {
      const haystack = [exercise.id, exercise.title, exercise.level].join(" ").toLowerCase();
      if (filter && !haystack.includes(filter)) {
        continue;
      }
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.id = exercise.id;
      button.setAttribute("aria-current", String(state.current !== null && state.current.id === exercise.id));
      const title = document.createElement("span");
      title.className = "item-title";
      title.textContent = exercise.title;
      const meta = document.createElement("span");
      meta.className = "item-meta";
      meta.textContent = [exercise.id, seedText(exercise), exercise.level].filter(Boolean).join(" · ");
      button.append(title, meta);
      button.addEventListener("click", () => choose(exercise.id));
      const item = document.createElement("li");
      item.append(button);
      list.append(item);
    }
  }

  function seedText(exercise) {
    return exercise.seed_question ? "question " + exercise.seed_question : "";
  }

  // ---- one exercise ------------------------------------------------------------------------

  async function choose(id) {
    saveDraft();
    const response = await fetch("/api/exercises/" + encodeURIComponent(id));
    const exercise = await response.json();
    if (!response.ok) {
      showListError(exercise.message || response.statusText);
      return;
    }
    state.current = exercise;
    history.replaceState(null, "", "#" + encodeURIComponent(id));
    $("welcome").hidden = true;
    $("exercise").hidden = false;
    $("title").textContent = exercise.title;
    $("meta-id").textContent = exercise.id;
    $("meta-seed").textContent = seedText(exercise) || "extra";
    $("meta-level").textContent = exercise.level;
    $("meta-limits").textContent = exercise.limits.check_timeout_seconds + " s per check";
    $("prompt").innerHTML = exercise.prompt_html; // rendered by the server with raw HTML escaped
    $("file-name").textContent = exercise.package ? exercise.module + "/ (a package)" : exercise.file;
    $("package-note").hidden = !exercise.package;
    $("result").hidden = true;
    setCode(loadDraft(exercise));
    renderList();
  }

  function showListError(message) {
    const notice = $("list-error");
    notice.textContent = message;
    notice.hidden = false;
  }

  function starter(exercise) {
    if (exercise.package) {
      return "# === " + exercise.module + "/__init__.py ===\n\n";
    }
    return "# " + exercise.file + ": your answer to " + exercise.id + "\n\n";
  }

  function draftKey(exercise) {
    return "pygrade.draft." + exercise.id;
  }

  function loadDraft(exercise) {
    try {
      return localStorage.getItem(draftKey(exercise)) || starter(exercise);
    } catch (unavailable) {
      return starter(exercise);
    }
  }

  function saveDraft() {
    if (state.current === null) {
      return;
    }
    try {
      localStorage.setItem(draftKey(state.current), $("code").value);
    } catch (unavailable) {
      // private browsing: drafts are simply not kept
    }
  }

  // ---- the editor --------------------------------------------------------------------------

  function setCode(text) {
    $("code").value = text;
    refresh();
  }

  function refresh() {
    $("highlight").innerHTML = window.PygradeHighlight.toHtml($("code").value);
    syncScroll();
  }

  function syncScroll() {
    const pre = $("highlight").parentElement;
    pre.scrollTop = $("code").scrollTop;
    pre.scrollLeft = $("code").scrollLeft;
  }

  /** Replaces the selection through the browser's editing, so that undo still works. */
  function insert(area, text) {
    area.focus();
    if (!document.execCommand || !document.execCommand("insertText", false, text)) {
      area.setRangeText(text, area.selectionStart, area.selectionEnd, "end");
    }
    refresh();
  }

  function lineStart(text, index) {
    return text.lastIndexOf("\n", index - 1) + 1;
  }

  /** Tab indents (the selected lines, or at the caret); Shift+Tab dedents the selected lines. */
  function indent(area, outdent) {
    const text = area.value;
    const start = lineStart(text, area.selectionStart);
    const multiLine = text.slice(area.selectionStart, area.selectionEnd).includes("\n");
    if (!outdent && !multiLine) {
      const column = area.selectionStart - start;
      insert(area, " ".repeat(INDENT.length - (column % INDENT.length)));
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
    insert(area, changed);
    area.setSelectionRange(start, start + changed.length);
  }

  /** Enter keeps the line's indentation, one level more after a line ending in ':'. */
  function newline(area) {
    const text = area.value;
    const before = text.slice(lineStart(text, area.selectionStart), area.selectionStart);
    let indentation = before.match(/^[ \t]*/)[0];
    if (/:\s*(#.*)?$/.test(before)) {
      indentation += INDENT;
    }
    insert(area, "\n" + indentation);
  }

  function onKey(event) {
    const area = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === "Tab" && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      indent(area, event.shiftKey);
    } else if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      newline(area);
    }
  }

  // ---- submitting --------------------------------------------------------------------------

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

  async function submit() {
    const exercise = state.current;
    if (exercise === null || state.grading) {
      return;
    }
    saveDraft();
    state.grading = true;
    $("submit").disabled = true;
    $("busy").hidden = false;
    try {
      const { headers, body } = request(exercise, $("code").value);
      const response = await fetch("/api/exercises/" + encodeURIComponent(exercise.id) + "/submissions",
        { method: "POST", headers: headers, body: body });
      const answer = await response.json();
      if (state.current !== exercise) {
        return; // the candidate moved on to another exercise meanwhile
      }
      if (response.ok) {
        showResult(answer);
      } else {
        showRefusal(response, answer);
      }
    } catch (failure) {
      showRefusal({ status: 0, headers: new Headers() }, { message: "The server could not be reached: " + failure.message });
    } finally {
      state.grading = false;
      $("submit").disabled = false;
      $("busy").hidden = true;
    }
  }

  function points(value) {
    return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }

  function showResult(result) {
    $("result").hidden = false;
    const status = $("status");
    status.textContent = result.status;
    status.className = "status " + result.status;
    $("score").textContent = points(result.score) + " / " + points(result.max_score);
    const fill = $("bar-fill");
    const ratio = result.max_score > 0 ? result.score / result.max_score : 0;
    fill.style.width = Math.round(ratio * 100) + "%";
    fill.classList.toggle("full", result.status === "passed");
    showProblem(result.error);
    const checks = $("checks");
    checks.replaceChildren(...result.checks.map(checkItem));
  }

  function showProblem(error) {
    const problem = $("problem");
    problem.hidden = !error;
    if (!error) {
      return;
    }
    let where = "";
    if (error.file) {
      where = error.file + (error.line ? ":" + error.line : "") + ": ";
    }
    $("problem-message").textContent = where + error.message;
    const detail = $("problem-detail");
    const lines = [];
    if (error.source_line) {
      lines.push(error.source_line);
    }
    for (const frame of error.traceback || []) {
      lines.push(frame.file + ":" + frame.line + " in " + frame.function + (frame.source ? "\n    " + frame.source : ""));
    }
    detail.textContent = lines.join("\n");
    detail.hidden = lines.length === 0;
  }

  const MARKS = { passed: "✓", failed: "✗", error: "✗", "internal-error": "!", timeout: "⏱", memory: "M", skipped: "–" };

  function checkItem(check) {
    const item = document.createElement("li");
    item.className = "check " + check.status;
    item.dataset.name = check.name;
    const line = document.createElement("div");
    line.className = "check-line";
    const mark = document.createElement("span");
    mark.className = "check-mark";
    mark.textContent = MARKS[check.status] || "?";
    mark.title = check.status;
    const name = document.createElement("span");
    name.className = "check-name";
    name.textContent = check.name;
    const description = document.createElement("span");
    description.className = "check-description";
    description.textContent = check.description;
    const score = document.createElement("span");
    score.className = "check-points";
    score.textContent = check.status + " · " + points(check.score) + "/" + points(check.max_score);
    line.append(mark, name, description, score);
    item.append(line);
    if (check.message) {
      const message = document.createElement("p");
      message.className = "check-message";
      message.textContent = check.message;
      item.append(message);
    }
    if (check.output) {
      const output = document.createElement("details");
      output.className = "check-output";
      const summary = document.createElement("summary");
      summary.textContent = "Output";
      const pre = document.createElement("pre");
      pre.textContent = check.output;
      output.append(summary, pre);
      item.append(output);
    }
    return item;
  }

  function showRefusal(response, answer) {
    $("result").hidden = false;
    const status = $("status");
    status.textContent = response.status ? "not graded (" + response.status + ")" : "not graded";
    status.className = "status error";
    $("score").textContent = "";
    $("bar-fill").style.width = "0";
    $("checks").replaceChildren();
    showProblem({ message: answer.message || "the server refused the submission" });
  }

  // ---- wiring ------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    const area = $("code");
    area.addEventListener("input", refresh);
    area.addEventListener("scroll", syncScroll);
    area.addEventListener("keydown", onKey);
    $("submit").addEventListener("click", submit);
    $("filter").addEventListener("input", renderList);
    window.addEventListener("beforeunload", saveDraft);
    loadExercises();
  });
})();
