// A candidate's page, at /a/TOKEN: their assessment's exercises, the time left (counting down),
// the editor, and the feedback the assessment allows, through /api/candidate/TOKEN (docs/api.md).
// Drafts are kept in this browser per assessment, candidate and exercise, so a refused submission
// (time up, closed) loses nothing. Text from the server or the candidate is always set as
// textContent; only prompts, rendered with raw HTML escaped by the server, are inserted as HTML.
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const shared = window.PygradeEditor;
  const POLL_MS = 1000;
  const FEEDBACK = {
    full: "Feedback: every check",
    scores: "Feedback: scores only",
    none_until_closed: "Feedback: after the assessment closes",
  };

  const state = { token: null, view: null, current: null, editor: null, deadline: null, busy: false, shown: null };

  function api(path) {
    return "/api/candidate/" + encodeURIComponent(state.token) + path;
  }

  async function call(method, path, options) {
    const response = await fetch(api(path), Object.assign({ method: method, cache: "no-store" }, options || {}));
    let body = {};
    try {
      body = await response.json();
    } catch (notJson) {
      body = { message: response.statusText };
    }
    return { ok: response.ok, status: response.status, body: body };
  }

  // ---- the assessment ----------------------------------------------------------------------

  /** Opens the link (the clock starts on the first opening), then shows the assessment. */
  async function start() {
    state.token = decodeURIComponent(location.pathname.split("/")[2] || "");
    let answer;
    try {
      answer = await call("POST", "/open");
    } catch (failure) {
      return pageError("The server could not be reached: " + failure.message);
    }
    if (!answer.ok) {
      return pageError(answer.body.message || "This link cannot be opened.");
    }
    show(answer.body);
    const wanted = decodeURIComponent(location.hash.slice(1));
    const first = state.view.exercises.find((e) => e.id === wanted) || state.view.exercises[0];
    if (first) {
      choose(first.id);
    }
    setInterval(tick, 500);
  }

  /** Reads the assessment again (without touching the clock): attempts, time, submissions. */
  async function reload() {
    const answer = await call("GET", "");
    if (answer.ok) {
      show(answer.body);
    }
  }

  function pageError(message) {
    const notice = $("page-error");
    notice.textContent = message;
    notice.hidden = false;
    $("layout").hidden = true;
  }

  function show(view) {
    state.view = view;
    document.title = view.name + " · pygrade";
    $("assessment-name").textContent = view.name;
    $("candidate-name").textContent = view.candidate;
    $("layout").hidden = false;
    state.deadline = view.phase === "open" && view.deadline ? Date.now() + view.time_left_seconds * 1000 : null;
    renderList();
    tick();
    if (state.current !== null) {
      const fresh = view.exercises.find((e) => e.id === state.current.id);
      if (fresh) {
        state.current = fresh;
        renderExerciseMeta();
        renderHistory();
      }
    }
  }

  function renderList() {
    const list = $("exercise-list");
    list.replaceChildren();
    for (const exercise of state.view.exercises) {
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.id = exercise.id;
      button.setAttribute("aria-current", String(state.current !== null && state.current.id === exercise.id));
      const last = submissionsOf(exercise.id).slice(-1)[0];
      button.append(shared.element("span", "item-title", exercise.title),
        shared.element("span", "item-meta", exercise.id + " · " + attemptsText(exercise)
          + (last ? " · " + summary(last) : "")));
      button.addEventListener("click", () => choose(exercise.id));
      const item = document.createElement("li");
      item.append(button);
      list.append(item);
    }
  }

  function attemptsText(exercise) {
    const allowed = exercise.attempts_used + exercise.attempts_left;
    return exercise.attempts_used + " of " + allowed + " attempt" + (allowed === 1 ? "" : "s") + " used";
  }

  function submissionsOf(exerciseId) {
    return state.view.submissions.filter((s) => s.exercise === exerciseId);
  }

  // ---- the time left -----------------------------------------------------------------------

  /** The countdown: the server's time left, counted down on this machine's clock (no clock skew). */
  function tick() {
    const view = state.view;
    const timer = $("timer");
    let notice = "";
    if (view.phase === "not_open_yet") {
      timer.textContent = "Opens " + new Date(view.opens_at).toLocaleString();
      notice = "This assessment opens at " + new Date(view.opens_at).toLocaleString()
        + ". Your time starts when you open this link after that.";
    } else if (view.phase === "closed") {
      timer.textContent = "Closed";
      notice = "This assessment has closed: submissions are no longer accepted.";
    } else if (view.phase === "time_up" || (state.deadline !== null && Date.now() >= state.deadline)) {
      timer.textContent = "Time is up";
      notice = "Your time is up: submissions are no longer accepted. Your drafts stay in this browser.";
    } else if (state.deadline !== null) {
      timer.textContent = clock(state.deadline - Date.now()) + " left";
    } else {
      timer.textContent = clock(view.time_left_seconds * 1000) + " allowed";
    }
    timer.classList.toggle("over", notice !== "");
    const phase = $("phase-notice");
    phase.textContent = notice;
    phase.hidden = notice === "";
  }

  /** 83_000 ms -> "1:23"; 3_723_000 -> "1:02:03". */
  function clock(ms) {
    const total = Math.max(0, Math.ceil(ms / 1000));
    const hours = Math.floor(total / 3600);
    const minutes = Math.floor((total % 3600) / 60);
    const seconds = String(total % 60).padStart(2, "0");
    return hours > 0 ? hours + ":" + String(minutes).padStart(2, "0") + ":" + seconds : minutes + ":" + seconds;
  }

  // ---- one exercise ------------------------------------------------------------------------

  function choose(id) {
    saveDraft();
    state.current = state.view.exercises.find((e) => e.id === id);
    history.replaceState(null, "", "#" + encodeURIComponent(id));
    const exercise = state.current;
    $("exercise").hidden = false;
    $("title").textContent = exercise.title;
    $("meta-id").textContent = exercise.id;
    $("feedback-level").textContent = FEEDBACK[state.view.feedback] || state.view.feedback;
    $("prompt").innerHTML = exercise.prompt_html || ""; // rendered by the server with raw HTML escaped
    $("file-name").textContent = exercise.package ? exercise.module + "/ (a package)" : exercise.file;
    $("package-note").hidden = !exercise.package;
    $("result").hidden = true;
    state.shown = null;
    state.editor.set(loadDraft(exercise));
    renderExerciseMeta();
    renderHistory();
    renderList();
    const last = submissionsOf(id).slice(-1)[0];
    if (last) {
      showSubmission(last);
      if (last.status === "pending") {
        poll(last.id, exercise);
      }
    }
  }

  function renderExerciseMeta() {
    $("attempts").textContent = attemptsText(state.current);
  }

  function renderHistory() {
    const own = submissionsOf(state.current.id);
    $("history-empty").hidden = own.length > 0;
    $("history").replaceChildren(...own.slice().reverse().map((submission) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "history-item";
      button.dataset.id = submission.id;
      button.append(shared.element("span", "history-attempt", "Attempt " + submission.attempt),
        shared.element("span", "history-time", new Date(submission.submitted_at).toLocaleTimeString()),
        shared.element("span", "history-summary", summary(submission)));
      button.addEventListener("click", () => showSubmission(submission));
      item.append(button);
      return item;
    }));
  }

  function summary(submission) {
    if (submission.status === "pending") {
      return "grading…";
    }
    if (!submission.feedback) {
      return "received";
    }
    return submission.feedback.status + " " + shared.points(submission.feedback.score) + "/"
      + shared.points(submission.feedback.max_score);
  }

  // ---- drafts ------------------------------------------------------------------------------

  function draftKey(exercise) {
    return "pygrade.assessment." + state.view.assessment + "." + state.view.candidate + "." + exercise.id;
  }

  /** The draft kept in this browser, else the last answer submitted, else a starter. */
  function loadDraft(exercise) {
    const draft = shared.loadDraft(draftKey(exercise));
    if (draft) {
      return draft;
    }
    const last = submissionsOf(exercise.id).slice(-1)[0];
    if (last) {
      const names = Object.keys(last.files);
      return exercise.package ? names.map((name) => "# === " + name + " ===\n" + last.files[name]).join("\n")
        : last.files[names[0]];
    }
    return shared.starter(exercise);
  }

  function saveDraft() {
    if (state.current !== null) {
      shared.saveDraft(draftKey(state.current), state.editor.get());
    }
  }

  // ---- submitting and feedback -------------------------------------------------------------

  async function submit() {
    const exercise = state.current;
    if (exercise === null || state.busy) {
      return;
    }
    saveDraft();
    setBusy("Sending…");
    try {
      const { headers, body } = shared.request(exercise, state.editor.get());
      const answer = await call("POST", "/exercises/" + encodeURIComponent(exercise.id) + "/submissions",
        { headers: headers, body: body });
      if (!answer.ok) {
        showRefusal(answer);
        await reload();
        return;
      }
      await reload();
      const stored = state.view.submissions.find((s) => s.id === answer.body.id);
      if (stored && isCurrent(exercise)) {
        showSubmission(stored);
      }
      await poll(answer.body.id, exercise);
    } catch (failure) {
      showRefusal({ status: 0, body: { message: "The server could not be reached: " + failure.message
        + ". Your draft is kept in this browser." } });
    } finally {
      setBusy(null);
    }
  }

  /** Asks for a submission until it is graded, then shows its feedback and reads the assessment again. */
  async function poll(id, exercise) {
    setBusy("Grading…");
    try {
      for (;;) {
        const answer = await call("GET", "/submissions/" + encodeURIComponent(id));
        if (!answer.ok) {
          return;
        }
        if (answer.body.status !== "pending") {
          await reload();
          if (isCurrent(exercise)) {
            showSubmission(answer.body);
          }
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } finally {
      setBusy(null);
    }
  }

  /** Whether the candidate is still on this exercise (the view, and its objects, are read again after each change). */
  function isCurrent(exercise) {
    return state.current !== null && state.current.id === exercise.id;
  }

  function setBusy(text) {
    state.busy = text !== null;
    $("submit").disabled = state.busy;
    $("busy").hidden = !state.busy;
    $("busy").textContent = text || "";
  }

  /** One submission's result, as much as the assessment's feedback level shows. */
  function showSubmission(submission) {
    state.shown = submission.id;
    $("result").hidden = false;
    $("result-title").textContent = "Attempt " + submission.attempt;
    const status = $("status");
    const feedback = submission.feedback;
    $("problem").hidden = true;
    $("checks").replaceChildren();
    $("bar").hidden = !feedback;
    $("score").textContent = "";
    const note = $("result-note");
    note.hidden = true;
    if (submission.status === "pending") {
      status.textContent = "grading";
      status.className = "status pending";
      return;
    }
    if (!feedback) {
      status.textContent = "received";
      status.className = "status received";
      note.textContent = "Your answer is stored. Results are shown when the assessment closes.";
      note.hidden = false;
      return;
    }
    status.textContent = feedback.status;
    status.className = "status " + feedback.status;
    $("score").textContent = shared.points(feedback.score) + " / " + shared.points(feedback.max_score);
    const fill = $("bar-fill");
    fill.style.width = Math.round((feedback.max_score > 0 ? feedback.score / feedback.max_score : 0) * 100) + "%";
    fill.classList.toggle("full", feedback.status === "passed");
    if (feedback.error) {
      $("problem-message").textContent = feedback.error;
      $("problem").hidden = false;
    }
    if (state.view.feedback === "scores") {
      note.textContent = "This assessment shows each check's result, not its message.";
      note.hidden = false;
    }
    $("checks").replaceChildren(...feedback.checks.map(shared.checkItem));
  }

  function showRefusal(answer) {
    $("result").hidden = false;
    $("result-title").textContent = "Not accepted";
    const status = $("status");
    status.textContent = answer.status ? "refused (" + answer.status + ")" : "not sent";
    status.className = "status error";
    $("score").textContent = "";
    $("bar").hidden = true;
    $("checks").replaceChildren();
    $("result-note").hidden = true;
    $("problem-message").textContent = (answer.body.message || "the server refused the submission")
      + (answer.status === 403 ? ". Your draft is kept in this browser." : "");
    $("problem").hidden = false;
    if (answer.body.reason === "time_up" || answer.body.reason === "closed") {
      state.deadline = Date.now();
      tick();
    }
  }

  // ---- wiring ------------------------------------------------------------------------------

  document.addEventListener("DOMContentLoaded", () => {
    state.editor = shared.attach($("code"), $("highlight"), submit);
    $("code").addEventListener("input", saveDraft);
    $("submit").addEventListener("click", submit);
    window.addEventListener("beforeunload", saveDraft);
    start();
  });
})();
