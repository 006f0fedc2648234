/* "What do I do now?" (home page): one question at a time.
 *
 * Without JavaScript the helper is a tree of nested <details> (generator/whatnow). This script
 * reads that same tree and asks its questions one by one in a fieldset with a legend, with
 * "Back" and "Start again", and announces the outcome in an aria-live region. No framework, no
 * network; all words come from the page (the tree and the data-label-* attributes).
 */
(function () {
  "use strict";

  function child(element, selector) {
    for (var i = 0; i < element.children.length; i++) {
      if (element.children[i].matches(selector)) return element.children[i];
    }
    return null;
  }

  function children(element, selector) {
    return Array.prototype.filter.call(element.children, function (c) { return c.matches(selector); });
  }

  /* A question element of the tree -> {text, answers: [{label, next}]}. */
  function readQuestion(question) {
    var answers = children(child(question, ".wn-answers"), ".wn-answer").map(function (item) {
      var details = child(item, "details");
      return {
        label: child(details, "summary").textContent.trim(),
        next: child(details, ".wn-question, .wn-outcome")
      };
    });
    return { text: child(question, ".wn-question__text").textContent.trim(), answers: answers };
  }

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  function button(text, className, onClick) {
    var b = make("button", "md-button " + (className || ""), text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function init(root) {
    var tree = child(root, ".what-now__tree");
    var first = tree && child(tree, ".wn-question");
    if (!first) return;
    var labels = root.dataset;
    var history = []; /* [{question element, answer label}] of the answers given so far */

    var ui = make("div", "what-now__ui");
    var trail = make("p", "what-now__trail");
    var stage = make("div", "what-now__stage");
    var result = make("div", "what-now__result");
    result.setAttribute("aria-live", "polite");
    var controls = make("p", "what-now__controls");
    ui.append(trail, stage, result, controls);

    function showTrail() {
      trail.textContent = "";
      trail.hidden = history.length === 0;
      if (!history.length) return;
      trail.append(make("span", "what-now__trail-label", labels.labelAnswers + ": "));
      trail.append(document.createTextNode(history.map(function (h) { return h.answer; }).join(" → ")));
    }

    function showControls() {
      controls.textContent = "";
      if (!history.length) return;
      controls.append(button(labels.labelBack, "", back), " ", button(labels.labelRestart, "", restart));
    }

    function show(node, focus) {
      stage.textContent = "";
      result.textContent = "";
      showTrail();
      showControls();
      if (node.matches(".wn-outcome")) {
        var outcome = node.cloneNode(true);
        var title = child(outcome, ".wn-outcome__title");
        var heading = make("h3", "what-now__outcome-title", title.textContent);
        heading.tabIndex = -1;
        title.replaceWith(heading);
        result.append(outcome);
        if (focus) heading.focus();
        return;
      }
      var q = readQuestion(node);
      var fieldset = make("fieldset", "what-now__question");
      fieldset.append(make("legend", "", q.text));
      var list = make("div", "what-now__answers");
      q.answers.forEach(function (answer) {
        list.append(button(answer.label, "what-now__answer", function () {
          history.push({ question: node, answer: answer.label });
          show(answer.next, true);
        }));
      });
      fieldset.append(list);
      stage.append(fieldset);
      if (focus) list.querySelector("button").focus();
    }

    function back() {
      var last = history.pop();
      show(last ? last.question : first, true);
    }

    function restart() {
      history = [];
      show(first, true);
    }

    tree.hidden = true;
    var hint = child(root, ".what-now__hint");
    if (hint) hint.hidden = true;
    root.append(ui);
    root.classList.add("what-now--js");
    show(first, false);
  }

  function start() {
    document.querySelectorAll("[data-what-now]").forEach(init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
