// A form's page (forms/templates/page.html): copy what was filled in as a plain-text note for the
// student system, or print it. Nothing is sent or stored. Without this script the page still lists
// every question and links the PDF; the buttons stay hidden.
// Leaving the page (a link, the language switch, Back, closing the tab) while something typed has
// not been copied asks first (the browser's own "leave this page?" dialog, `beforeunload`): what
// was typed is kept nowhere, so it would be gone. The copy works on a plain-HTTP intranet address
// too, where browsers keep navigator.clipboard away (it needs HTTPS or localhost): the note is then
// selected and copied with document.execCommand("copy"), which browsers still allow after a click.
(function () {
  "use strict";

  function value(field) {
    var kind = field.dataset.kind;
    if (kind === "text") {
      var input = field.querySelector("input, textarea");
      return input.value.trim();
    }
    if (kind === "tick") {
      return field.querySelector("input").checked ? field.closest(".form-fill").dataset.yes : "";
    }
    if (kind === "choose") {
      return Array.prototype.filter.call(field.querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return i.dataset.option; }).join(", ");
    }
    return Array.prototype.map.call(field.querySelectorAll("tr[data-row]"), function (row) {
      var cells = Array.prototype.filter.call(row.querySelectorAll("input"), function (i) {
        return i.type === "checkbox" ? i.checked : i.value.trim();
      }).map(function (i) {
        return i.type === "checkbox" ? i.dataset.column : i.dataset.column + ": " + i.value.trim();
      });
      return cells.length ? "- " + row.dataset.row + ": " + cells.join("; ") : "";
    }).filter(Boolean).join("\n");
  }

  function line(label, answer, kind) {
    var asks = /[?:]$/.test(label);  // "Wat heb je gezien?" needs no colon after it
    if (kind === "table" || answer.indexOf("\n") !== -1) return label + (asks ? "" : ":") + "\n" + answer;
    return label + (asks ? " " : ": ") + answer;
  }

  function note(form) {
    var parts = [];
    form.querySelectorAll("[data-section]").forEach(function (section) {
      var lines = [];
      section.querySelectorAll("[data-kind]").forEach(function (field) {
        var answer = value(field);
        if (answer) lines.push(line(field.dataset.label, answer, field.dataset.kind));
      });
      if (lines.length) parts.push(section.dataset.section.toUpperCase() + "\n" + lines.join("\n"));
    });
    if (!parts.length) return "";
    return [form.dataset.title, form.dataset.steps].filter(Boolean).join("\n") + "\n\n" + parts.join("\n\n") + "\n";
  }

  /* Copy by selecting: a read-only textarea holding the note, out of sight, selected and copied,
     then removed; focus goes back where it was. True when the browser says it copied. */
  function copyBySelecting(text) {
    var area = document.createElement("textarea");
    var before = document.activeElement;
    area.value = text;
    area.readOnly = true;
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "-9999px";
    document.body.append(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    area.remove();
    if (before && before.focus) before.focus();
    return copied;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!copyBySelecting(text)) throw new Error("not copied");
      });
    }
    return copyBySelecting(text) ? Promise.resolve() : Promise.reject(new Error("not copied"));
  }

  /* Something typed that has not been copied as it stands: leaving would lose it. */
  var forms = [];
  window.addEventListener("beforeunload", function (event) {
    var unsaved = forms.some(function (f) { var text = note(f.element); return text && text !== f.copied; });
    if (!unsaved) return;
    event.preventDefault();
    event.returnValue = "";  /* older browsers: any value asks; the words are the browser's own */
  });

  document.querySelectorAll(".form-fill").forEach(function (form) {
    var state = { element: form, copied: "" };
    forms.push(state);
    var actions = form.querySelector(".form-actions");
    var status = form.querySelector(".form-status");
    actions.hidden = false;
    actions.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
    actions.querySelector("[data-action=copy]").addEventListener("click", function () {
      var text = note(form);
      var shown = form.querySelector(".form-copy-text");
      if (shown) shown.remove();
      if (!text) { status.textContent = form.dataset.empty; return; }
      copy(text).then(function () {
        state.copied = text;
        status.textContent = form.dataset.copied;
      }, function () {
        status.textContent = form.dataset.copyFailed;
        var area = document.createElement("textarea");
        area.className = "form-copy-text";
        area.readOnly = true;
        area.rows = 10;
        area.value = text;
        area.setAttribute("aria-label", form.dataset.title);
        status.after(area);
        area.select();
      });
    });
  });
})();
