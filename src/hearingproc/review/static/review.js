// hearingproc review: audio follows the transcript, edits go to the app's JSON API.
// No framework, no external code; the server renders the HTML, this only wires it up.
"use strict";

(function () {
  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const REVIEWER_KEY = "hearingproc-reviewer";

  const reviewerInput = $("#reviewer");
  if (reviewerInput) {
    reviewerInput.value = localStorage.getItem(REVIEWER_KEY) || "";
    reviewerInput.addEventListener("change", () => {
      const name = reviewerInput.value.trim();
      if (name) localStorage.setItem(REVIEWER_KEY, name);
      else localStorage.removeItem(REVIEWER_KEY);
    });
  }

  function showStatus(message, isError) {
    const box = $("#status");
    if (!box) return;
    box.textContent = message;
    box.className = isError ? "error" : "ok";
  }

  const review = $("#review");
  if (!review) return;  // the list page needs nothing more

  const api = review.dataset.api;
  const base = review.dataset.base;
  const csrf = $('meta[name="csrf-token"]').content;
  const player = $("#player");
  let selectedId = null;
  let tagFilter = "";
  let lines = [];  // [{id, start, end, el}] in time order
  let current = null;

  // --- talking to the server ----------------------------------------------------------

  async function post(path, body) {
    const payload = Object.assign({}, body);
    const name = reviewerInput ? reviewerInput.value.trim() : "";
    if (name) payload.reviewer = name;
    const response = await fetch(api + path, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(payload),
    });
    let data = {};
    try { data = await response.json(); } catch (err) { data = {}; }
    if (!response.ok) {
      const detail = data.error || (Array.isArray(data.detail)
        ? data.detail.map((d) => d.msg).join("; ") : data.detail) || response.statusText;
      showStatus("Not saved: " + detail, true);
      return null;
    }
    await refresh();
    showStatus("Saved: " + data.change.summary + " (" + data.change.reviewer + ")", false);
    return data;
  }

  async function refresh() {
    const response = await fetch(base + "/panels", {credentials: "same-origin"});
    if (!response.ok) { showStatus("Reload failed: " + response.status, true); return; }
    const scroll = $("#lines") ? $("#lines").scrollTop : 0;
    $("#panels").innerHTML = await response.text();
    if ($("#lines")) $("#lines").scrollTop = scroll;
    setup();
  }

  // --- lines, selection and playback ---------------------------------------------------

  function setup() {
    lines = $$("#lines .line").map((el) => ({
      id: Number(el.dataset.id), start: Number(el.dataset.start), end: Number(el.dataset.end), el,
    }));
    current = null;
    const filter = $("#tag-filter");
    if (filter) {
      if (tagFilter && !$$("option", filter).some((o) => o.value === tagFilter)) tagFilter = "";
      filter.value = tagFilter;
      applyFilter();
    }
    if (selectedId !== null && $("#line-" + selectedId)) select(selectedId, false);
    else selectedId = null;
    onTime();
  }

  function lineEl(id) { return $("#line-" + id); }

  function select(id, scroll) {
    const el = lineEl(id);
    if (!el) return;
    $$("#lines .line.selected").forEach((l) => l.classList.remove("selected"));
    el.classList.add("selected");
    selectedId = id;
    if (scroll) el.scrollIntoView({block: "nearest"});
    $("#sel-no").textContent = "#" + id;
    $("#sel-hint").textContent = el.dataset.speaker
      ? "Speaker " + el.dataset.speaker + ", " + el.dataset.language
      : el.dataset.language;
    $("#line-role").value = el.dataset.role;
    $("#line-text").value = $(".source", el).textContent.trim();
    const translationForm = $("#translation-form");
    translationForm.hidden = !el.dataset.foreign;
    const translation = $(".translation", el);
    $("#line-translation").value = translation && translation.dataset.engine !== undefined
      ? translation.textContent.trim() : "";
    $("#new-last").value = id;
    $("#new-quote").value = "";
  }

  function playFrom(seconds) {
    if (!player) { showStatus("No audio for this recording.", true); return; }
    player.currentTime = seconds;
    const started = player.play();
    if (started && started.catch) started.catch((err) => showStatus("Cannot play: " + err.message, true));
  }

  function onTime() {
    if (!player) return;
    const t = player.currentTime;
    let found = null;
    for (const line of lines) {  // lines are in time order; a few thousand at most
      if (line.start <= t && t < line.end) { found = line; break; }
      if (line.start > t) break;
    }
    if (found !== current) {
      if (current) current.el.classList.remove("current");
      if (found) {
        found.el.classList.add("current");
        if ($("#follow") && $("#follow").checked && !player.paused) {
          found.el.scrollIntoView({block: "nearest"});
        }
      }
      current = found;
    }
    const head = $("#playhead");
    const timeline = $("#timeline");
    if (head && timeline) {
      const x = (t / Number(timeline.dataset.duration)) * Number(timeline.dataset.width);
      head.setAttribute("x1", x.toFixed(2));
      head.setAttribute("x2", x.toFixed(2));
    }
  }

  if (player) player.addEventListener("timeupdate", onTime);

  // --- tags --------------------------------------------------------------------------------

  function applyFilter() {
    $$("#tags .tag").forEach((li) => {
      li.hidden = Boolean(tagFilter) && li.dataset.label !== tagFilter;
    });
  }

  function updatePolarities(label) {
    const list = $("#polarity-list");
    if (!list) return;
    const choices = JSON.parse(list.dataset.choices || "{}");
    list.replaceChildren(...(choices[label] || []).map((p) => {
      const option = document.createElement("option");
      option.value = p;
      return option;
    }));
  }

  function reviewFirstTag(status) {
    if (selectedId === null) return;
    const chip = $$(".tag-chip.review-unreviewed", lineEl(selectedId))[0];
    if (chip) post("/tags/" + chip.dataset.tag + "/review", {status});
  }

  // --- events (delegated, so they survive a refresh of the panels) ---------------------

  document.addEventListener("click", (event) => {
    const target = event.target;
    const tag = target.closest("#tags .tag");
    if (tag) {
      const id = tag.dataset.id;
      if (target.closest(".tag-accept")) post("/tags/" + id + "/review", {status: "accepted"});
      else if (target.closest(".tag-reject")) post("/tags/" + id + "/review", {status: "rejected"});
      else if (target.closest(".tag-go") && tag.dataset.first) {
        select(Number(tag.dataset.first), true);
        playFrom(Number(tag.dataset.start || lineEl(tag.dataset.first).dataset.start));
      }
      return;
    }
    const undo = target.closest("button.undo");
    if (undo) { post("/undo/" + undo.dataset.change, {}); return; }
    const bar = target.closest("#timeline");
    if (bar) {
      const box = bar.getBoundingClientRect();
      playFrom(((event.clientX - box.left) / box.width) * Number(bar.dataset.duration));
      return;
    }
    const line = target.closest("#lines .line");
    if (line) {
      const chosen = String(window.getSelection() || "").trim();
      select(Number(line.dataset.id), false);
      if (chosen && !target.closest(".play")) {  // words selected: offer them as a quote
        $("#new-quote").value = chosen;
        return;
      }
      playFrom(Number(line.dataset.start));
    }
  });

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (target.matches(".speaker-role")) {
      const speaker = target.closest("tr").dataset.speaker;
      post("/speakers/" + encodeURIComponent(speaker) + "/role", {role: target.value});
    } else if (target.matches("#tag-filter")) {
      tagFilter = target.value;
      applyFilter();
    } else if (target.matches("#new-label")) {
      updatePolarities(target.value);
    }
  });

  document.addEventListener("input", (event) => {
    if (event.target.matches("#new-label")) updatePolarities(event.target.value.trim());
  });

  document.addEventListener("submit", (event) => {
    const form = event.target;
    event.preventDefault();
    if (form.matches(".tag-edit-form")) {
      const id = form.closest(".tag").dataset.id;
      post("/tags/" + id, {
        label: form.elements.label.value.trim(),
        polarity: form.elements.polarity.value.trim() || null,
        first: Number(form.elements.first.value),
        last: Number(form.elements.last.value),
      });
      return;
    }
    if (selectedId === null) { showStatus("Select a line first.", true); return; }
    if (form.id === "role-form") {
      post("/segments/" + selectedId + "/role", {role: $("#line-role").value});
    } else if (form.id === "text-form") {
      post("/segments/" + selectedId + "/text", {text: $("#line-text").value});
    } else if (form.id === "translation-form") {
      post("/segments/" + selectedId + "/translation", {text: $("#line-translation").value});
    } else if (form.id === "add-tag-form") {
      post("/tags", {
        first: selectedId,
        last: Number($("#new-last").value) || selectedId,
        label: $("#new-label").value.trim(),
        polarity: $("#new-polarity").value.trim() || null,
        quote: $("#new-quote").value.trim() || null,
      });
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, textarea, select, [contenteditable]")) return;
    const index = lines.findIndex((l) => l.id === selectedId);
    const move = (step) => {
      const next = lines[Math.min(Math.max(index + step, 0), lines.length - 1)];
      if (next) select(next.id, true);
    };
    switch (event.key) {
      case "j": case "ArrowDown": move(1); break;
      case "k": case "ArrowUp": move(index < 0 ? 1 : -1); break;
      case "Enter": if (selectedId !== null) playFrom(Number(lineEl(selectedId).dataset.start)); break;
      case " ": if (player) { if (player.paused) player.play(); else player.pause(); } break;
      case "e": $("#line-text").focus(); break;
      case "t": $("#new-label").focus(); break;
      case "a": reviewFirstTag("accepted"); break;
      case "x": reviewFirstTag("rejected"); break;
      case "/": $("#tag-filter").focus(); break;
      default: return;
    }
    event.preventDefault();
  });

  setup();
  // opened from a search hit (/r/NAME#line-ID): select that line and play from it
  const opened = /^#line-(\d+)$/.exec(location.hash);
  if (opened && lineEl(opened[1])) {
    select(Number(opened[1]), true);
    playFrom(Number(lineEl(opened[1]).dataset.start));
  }
})();
