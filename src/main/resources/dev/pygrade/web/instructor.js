// The instructor's page, at /instructor: assessments, invitations, the results table, a candidate's
// submissions, exports, regrades and similarity, through /api/instructor/ (docs/api.md). The token
// is kept in this tab's sessionStorage and sent in the Authorization header, never in an address.
// Text from the server is always set as textContent (candidates' names and code included).
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const shared = window.PygradeEditor;
  const el = shared.element;
  const TOKEN_KEY = "pygrade.instructor.token";

  const state = { assessments: [], current: null, exercises: [] };

  // ---- the token and the API ---------------------------------------------------------------

  function token() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (unavailable) {
      return state.token || null;
    }
  }

  function keep(value) {
    state.token = value;
    try {
      if (value === null) {
        sessionStorage.removeItem(TOKEN_KEY);
      } else {
        sessionStorage.setItem(TOKEN_KEY, value);
      }
    } catch (unavailable) {
      // the token lives in this page only
    }
  }

  /** A call to the instructor's API; a 401 forgets the token and asks for it again. */
  async function call(method, path, body) {
    const options = { method: method, cache: "no-store", headers: { Authorization: "Bearer " + token() } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    const response = await fetch("/api/instructor" + path, options);
    if (response.status === 401) {
      const refusal = await response.json();
      keep(null);
      signIn(refusal.message);
      throw new Error(refusal.message);
    }
    return response;
  }

  async function json(method, path, body) {
    const response = await call(method, path, body);
    const answer = await response.json();
    if (!response.ok) {
      throw new Error(answer.message || response.statusText);
    }
    return answer;
  }

  function signIn(message) {
    $("layout").hidden = true;
    $("sign-out").hidden = true;
    $("sign-in").hidden = false;
    $("token-error").textContent = message || "";
    $("token-error").hidden = !message;
    $("token").focus();
  }

  async function enter() {
    if (!token()) {
      signIn(null);
      return;
    }
    try {
      await loadAssessments();
    } catch (refused) {
      return; // call() has asked for the token again
    }
    $("sign-in").hidden = true;
    $("layout").hidden = false;
    $("sign-out").hidden = false;
    loadExercises();
  }

  /** Runs an action, showing its failure (a refusal's message) above the page. */
  async function attempt(action) {
    $("error").hidden = true;
    try {
      await action();
    } catch (failure) {
      if (token()) {
        $("error").textContent = failure.message;
        $("error").hidden = false;
      }
    }
  }

  // ---- assessments -------------------------------------------------------------------------

  async function loadAssessments() {
    state.assessments = (await json("GET", "/assessments")).assessments;
    renderAssessments();
  }

  function renderAssessments() {
    $("assessment-list").replaceChildren(...state.assessments.map((assessment) => {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.id = assessment.id;
      button.setAttribute("aria-current", String(state.current !== null && state.current.id === assessment.id));
      button.append(el("span", "item-title", assessment.name),
        el("span", "item-meta", "#" + assessment.id + " · " + assessment.exercises.length + " exercise"
          + (assessment.exercises.length === 1 ? "" : "s") + " · " + minutes(assessment.time_allowed_seconds)));
      button.addEventListener("click", () => attempt(() => select(assessment.id)));
      const item = document.createElement("li");
      item.append(button);
      return item;
    }));
  }

  function minutes(seconds) {
    return seconds % 60 === 0 ? seconds / 60 + " min" : seconds + " s";
  }

  async function loadExercises() {
    const response = await fetch("/api/exercises");
    state.exercises = (await response.json()).exercises;
    $("create-exercises").replaceChildren(...state.exercises.map((exercise) => {
      const label = document.createElement("label");
      label.className = "pick";
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = exercise.id;
      label.append(box, el("span", "", " " + exercise.title + " "), el("span", "hint", exercise.id));
      return label;
    }));
  }

  function showCreate() {
    state.current = null;
    renderAssessments();
    $("assessment").hidden = true;
    $("create").hidden = false;
    $("create-name").focus();
  }

  async function create(event) {
    event.preventDefault();
    const exercises = [...document.querySelectorAll("#create-exercises input:checked")].map((box) => box.value);
    const body = {
      name: $("create-name").value,
      exercises: exercises,
      time_allowed_seconds: Math.round(Number($("create-minutes").value) * 60),
      attempts_allowed: Number($("create-attempts").value),
      feedback: $("create-feedback").value,
    };
    for (const field of ["opens", "closes"]) {
      const value = $("create-" + field).value;
      if (value) {
        body[field + "_at"] = new Date(value).toISOString(); // the browser's time zone, sent as UTC
      }
    }
    const created = await json("POST", "/assessments", body);
    await loadAssessments();
    await select(created.id);
  }

  async function select(id) {
    state.current = state.assessments.find((a) => a.id === id);
    renderAssessments();
    $("create").hidden = true;
    $("assessment").hidden = false;
    $("candidate").hidden = true;
    $("invitations").hidden = true;
    $("export-preview").hidden = true;
    $("report").hidden = true;
    const assessment = state.current;
    $("assessment-title").textContent = assessment.name;
    const meta = [ "#" + assessment.id, minutes(assessment.time_allowed_seconds) + " each",
      assessment.attempts_allowed + " attempt" + (assessment.attempts_allowed === 1 ? "" : "s"),
      "feedback: " + assessment.feedback ];
    if (assessment.opens_at) {
      meta.push("opens " + new Date(assessment.opens_at).toLocaleString());
    }
    if (assessment.closes_at) {
      meta.push("closes " + new Date(assessment.closes_at).toLocaleString());
    }
    $("assessment-meta").replaceChildren(...meta.map((text) => el("span", "chip subtle", text)));
    await loadResults();
  }

  function base() {
    return "/assessments/" + state.current.id;
  }

  // ---- invitations -------------------------------------------------------------------------

  async function invite() {
    const names = $("invite-names").value.split("\n").map((name) => name.trim()).filter(Boolean);
    if (names.length === 0) {
      throw new Error("Write one candidate's name per line first.");
    }
    const answer = await json("POST", base() + "/candidates", { names: names, base_url: location.origin });
    $("invite-names").value = "";
    $("invite-links").replaceChildren(...answer.invitations.map((invitation) => {
      const row = document.createElement("tr");
      const link = document.createElement("input");
      link.type = "text";
      link.readOnly = true;
      link.className = "link";
      link.value = invitation.link;
      link.dataset.candidate = invitation.candidate;
      link.addEventListener("focus", () => link.select());
      const cell = document.createElement("td");
      cell.append(link);
      row.append(el("th", "", invitation.candidate), cell);
      return row;
    }));
    $("invitations").hidden = false;
    await loadResults();
  }

  // ---- results -----------------------------------------------------------------------------

  async function loadResults() {
    const results = await json("GET", base() + "/results");
    const table = $("results-table");
    const head = document.createElement("tr");
    head.append(el("th", "", "Candidate"), el("th", "", "Started"), el("th", "", "Time used"),
      ...results.exercises.map((id) => el("th", "", id)));
    const rows = results.candidates.map((row) => {
      const line = document.createElement("tr");
      const name = el("button", "link-button candidate-link", row.candidate);
      name.type = "button";
      name.dataset.name = row.candidate;
      name.addEventListener("click", () => attempt(() => openCandidate(row.candidate)));
      const who = document.createElement("th");
      who.append(name);
      line.append(who, el("td", "", row.started_at ? new Date(row.started_at).toLocaleString() : "not yet"),
        el("td", "", row.time_used_seconds === null ? "–" : duration(row.time_used_seconds)));
      for (const id of results.exercises) {
        line.append(cell(row.exercises[id], row.candidate, id));
      }
      return line;
    });
    const thead = document.createElement("thead");
    thead.append(head);
    const tbody = document.createElement("tbody");
    tbody.append(...rows);
    table.replaceChildren(thead, tbody);
    $("results-empty").hidden = rows.length > 0;
  }

  /** One candidate's exercise: best of max, then last and the attempts. */
  function cell(work, candidate, exercise) {
    const td = document.createElement("td");
    td.className = "cell";
    td.dataset.candidate = candidate;
    td.dataset.exercise = exercise;
    if (work.attempts === 0) {
      td.append(el("span", "hint", "–"));
      return td;
    }
    const best = work.best === null ? "…" : shared.points(work.best) + " / " + shared.points(work.max_score);
    td.append(el("span", "best " + (work.last_status || "pending"), best),
      el("span", "cell-meta", (work.last === null ? "" : "last " + shared.points(work.last) + " · ")
        + work.attempts + " attempt" + (work.attempts === 1 ? "" : "s")
        + (work.pending ? " · " + work.pending + " grading" : "")));
    return td;
  }

  function duration(seconds) {
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? minutes + " min " + (seconds % 60) + " s" : seconds + " s";
  }

  // ---- one candidate -----------------------------------------------------------------------

  async function openCandidate(name) {
    const answer = await json("GET", base() + "/candidates/" + encodeURIComponent(name) + "/submissions");
    $("candidate-title").textContent = name + ": " + answer.submissions.length + " submission"
      + (answer.submissions.length === 1 ? "" : "s");
    $("candidate-submissions").replaceChildren(...answer.submissions.slice().reverse().map(submissionItem));
    $("candidate").hidden = false;
    $("candidate").scrollIntoView();
  }

  /** A submission: its code, its current grading's checks, and every grading of it (the history). */
  function submissionItem(submission) {
    const item = document.createElement("li");
    item.className = "submission";
    item.dataset.id = submission.id;
    const current = submission.gradings.slice(-1)[0];
    const result = current ? current.result : null;
    const head = el("h3", "", submission.exercise + " · attempt " + submission.attempt + " · "
      + new Date(submission.submitted_at).toLocaleString() + " · ");
    head.append(el("span", "status " + (result ? result.status : "pending"), result ? result.status : "pending"),
      el("span", "score", result ? " " + shared.points(result.score) + " / " + shared.points(result.max_score) : ""));
    item.append(head);
    for (const [path, text] of Object.entries(submission.files)) {
      const code = document.createElement("pre");
      code.className = "code";
      const inner = document.createElement("code");
      inner.innerHTML = window.PygradeHighlight.toHtml(text); // the highlighter escapes the candidate's text
      code.append(inner);
      item.append(el("p", "file-name", path), code);
    }
    if (result) {
      if (result.error) {
        item.append(el("p", "problem problem-message", result.error.message));
      }
      const checks = document.createElement("ol");
      checks.className = "checks";
      checks.append(...result.checks.map(shared.checkItem));
      item.append(checks);
    }
    const gradings = document.createElement("ol");
    gradings.className = "gradings";
    gradings.append(...submission.gradings.map((grading) => el("li", "", grading.reason + " "
      + new Date(grading.graded_at).toLocaleString() + ": " + grading.result.status + " "
      + shared.points(grading.result.score) + "/" + shared.points(grading.result.max_score)
      + " · checks " + grading.receipt.checks_sha256.slice(0, 10) + " · code "
      + grading.receipt.code_sha256.slice(0, 10) + " · pygrade " + grading.receipt.pygrade_version)));
    item.append(el("p", "hint", "Gradings (receipts: hashes of the checks and code graded):"), gradings);
    return item;
  }

  // ---- exports, regrades, similarity -------------------------------------------------------

  async function busy(text, action) {
    $("busy").textContent = text;
    $("busy").hidden = false;
    try {
      await action();
    } finally {
      $("busy").hidden = true;
    }
  }

  async function exportResults() {
    const format = $("export-format").value;
    const response = await call("GET", base() + "/export?format=" + encodeURIComponent(format));
    if (!response.ok) {
      throw new Error((await response.json()).message);
    }
    const blob = await response.blob();
    const disposition = response.headers.get("Content-Disposition") || "";
    const named = disposition.match(/filename="([^"]+)"/);
    const preview = $("export-preview");
    if (format === "gradescope") {
      preview.hidden = true;
    } else {
      const text = await blob.text();
      const lines = text.split("\n");
      preview.textContent = lines.slice(0, 40).join("\n") + (lines.length > 40 ? "\n…" : "");
      preview.hidden = false;
    }
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = named ? named[1] : "export";
    document.body.append(link);
    link.click();
    link.remove();
  }

  async function regrade() {
    const report = await json("POST", base() + "/regrade", {});
    const out = $("report");
    const parts = [el("h3", "", "Regrade: " + report.regraded + " submission" + (report.regraded === 1 ? "" : "s")
      + " graded again, " + (report.regraded - report.unchanged) + " changed, " + report.unchanged + " unchanged")];
    for (const [candidate, changes] of Object.entries(report.changed)) {
      const list = document.createElement("ul");
      list.append(...changes.map((change) => el("li", "", change.exercise + " attempt " + change.attempt + ": "
        + shared.points(change.old_score) + " → " + shared.points(change.new_score) + " of "
        + shared.points(change.max_score) + " (" + change.old_status + " → " + change.new_status + ")"
        + (change.receipt_changed.length ? "; changed: " + change.receipt_changed.join(", ") : "")
        + change.checks.map((check) => "; " + check.name + ": " + (check.before || "new") + " → "
          + (check.after || "removed")).join(""))));
      parts.push(el("p", "", candidate), list);
    }
    out.replaceChildren(...parts);
    out.hidden = false;
    await loadResults();
  }

  async function similarity() {
    const report = await json("GET", base() + "/similarity");
    const parts = [el("h3", "", "Similarity (a pointer for a person to read both answers, never a verdict)")];
    for (const exercise of report.exercises) {
      parts.push(el("p", "", exercise.exercise + ": " + exercise.answers + " answers"));
      const list = document.createElement("ul");
      list.append(...exercise.pairs.map((pair) => el("li", "", pair.first + " and " + pair.second + ": Jaccard "
        + pair.jaccard + ", containment " + pair.containment)));
      parts.push(list);
    }
    $("report").replaceChildren(...parts);
    $("report").hidden = false;
  }

  // ---- wiring ------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    $("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      keep($("token").value.trim());
      $("token").value = "";
      enter();
    });
    $("sign-out").addEventListener("click", () => {
      keep(null);
      signIn(null);
    });
    $("new-assessment").addEventListener("click", showCreate);
    $("create-form").addEventListener("submit", (event) => attempt(() => create(event)));
    $("invite-submit").addEventListener("click", () => attempt(invite));
    $("refresh").addEventListener("click", () => attempt(loadResults));
    $("export").addEventListener("click", () => attempt(() => busy("Exporting…", exportResults)));
    $("regrade").addEventListener("click", () => attempt(() => busy("Regrading every submission…", regrade)));
    $("similarity").addEventListener("click", () => attempt(() => busy("Comparing…", similarity)));
    enter();
  });
})();
