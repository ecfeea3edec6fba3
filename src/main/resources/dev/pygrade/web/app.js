// pygrade's practice page: the exercise list, the prompt, the editor (editor.js), and the result of
// a submission, all through the JSON API (docs/api.md). Text from the server or the candidate is always
// set as textContent; only the prompt's HTML, rendered and escaped by the server, is inserted as HTML.
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const shared = window.PygradeEditor;

  const state = { exercises: [], current: null, grading: false, editor: null };

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
    state.editor.set(loadDraft(exercise));
    renderList();
  }

  function showListError(message) {
    const notice = $("list-error");
    notice.textContent = message;
    notice.hidden = false;
  }

  function draftKey(exercise) {
    return "pygrade.draft." + exercise.id;
  }

  function loadDraft(exercise) {
    return shared.loadDraft(draftKey(exercise)) || shared.starter(exercise);
  }

  function saveDraft() {
    if (state.current !== null) {
      shared.saveDraft(draftKey(state.current), state.editor.get());
    }
  }

  // ---- submitting --------------------------------------------------------------------------

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
      const { headers, body } = shared.request(exercise, state.editor.get());
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

  function showResult(result) {
    $("result").hidden = false;
    const status = $("status");
    status.textContent = result.status;
    status.className = "status " + result.status;
    $("score").textContent = shared.points(result.score) + " / " + shared.points(result.max_score);
    const fill = $("bar-fill");
    const ratio = result.max_score > 0 ? result.score / result.max_score : 0;
    fill.style.width = Math.round(ratio * 100) + "%";
    fill.classList.toggle("full", result.status === "passed");
    showProblem(result.error);
    const checks = $("checks");
    checks.replaceChildren(...result.checks.map(shared.checkItem));
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
    state.editor = shared.attach($("code"), $("highlight"), submit);
    $("submit").addEventListener("click", submit);
    $("filter").addEventListener("input", renderList);
    window.addEventListener("beforeunload", saveDraft);
    loadExercises();
  });
})();
