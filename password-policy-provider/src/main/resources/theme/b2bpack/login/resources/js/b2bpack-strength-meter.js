/*
 * b2bpack live password-strength meter. Progressive enhancement: the registration and
 * update-password forms work without it (the realm's password policy still decides on submit);
 * with JavaScript, each pause in typing asks POST /realms/{realm}/password-strength and shows the
 * zxcvbn score and feedback under the password field. Nothing is stored or logged client-side.
 */
(function () {
  "use strict";

  var FORMS = [
    { form: "kc-register-form", field: "password" },
    { form: "kc-passwd-update-form", field: "password-new" }
  ];
  var LABELS = {
    en: ["Very weak", "Weak", "Fair", "Strong", "Very strong"],
    fr: ["Tr\u00e8s faible", "Faible", "Moyen", "Fort", "Tr\u00e8s fort"],
    de: ["Sehr schwach", "Schwach", "Mittel", "Stark", "Sehr stark"]
  };
  var DEBOUNCE_MS = 300;

  function realmUrl() {
    var match = window.location.pathname.match(/^(.*\/realms\/[^/]+)\//);
    return match ? match[1] : null;
  }

  function language() {
    return (document.documentElement.lang || navigator.language || "en").toLowerCase();
  }

  function labels() {
    return LABELS[language().split("-")[0]] || LABELS.en;
  }

  function valueOf(form, name) {
    var input = form.querySelector("input[name='" + name + "']");
    return input && input.value ? input.value : undefined;
  }

  function createMeter(input) {
    var meter = document.createElement("div");
    meter.id = "b2bpack-strength";
    meter.className = "b2bpack-strength";
    meter.hidden = true;
    meter.setAttribute("aria-live", "polite");
    var bar = document.createElement("div");
    bar.className = "b2bpack-strength-bar";
    bar.setAttribute("role", "meter");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", "4");
    bar.appendChild(document.createElement("span"));
    var label = document.createElement("p");
    label.className = "b2bpack-strength-label";
    var feedback = document.createElement("ul");
    feedback.className = "b2bpack-strength-feedback";
    meter.appendChild(bar);
    meter.appendChild(label);
    meter.appendChild(feedback);
    var group = input.closest(".pf-v5-c-form__group") || input.parentNode;
    group.appendChild(meter);
    return meter;
  }

  function render(meter, answer) {
    var score = Math.max(0, Math.min(4, answer.score | 0));
    meter.dataset.score = String(score);
    meter.dataset.valid = String(!!answer.valid_password);
    var bar = meter.querySelector(".b2bpack-strength-bar");
    bar.setAttribute("aria-valuenow", String(score));
    bar.firstChild.style.width = ((score + 1) * 20) + "%";
    meter.querySelector(".b2bpack-strength-label").textContent = labels()[score];
    var list = meter.querySelector(".b2bpack-strength-feedback");
    list.replaceChildren();
    var lines = [];
    if (answer.feedback && answer.feedback.warning) lines.push(answer.feedback.warning);
    if (answer.feedback && answer.feedback.suggestions) lines = lines.concat(answer.feedback.suggestions);
    // Another policy's refusal (length, history, breached...); zxcvbn's own is the feedback above.
    if (!answer.valid_password && answer.policy_error && answer.policy_error.message
        && answer.policy_error.message_key !== "b2bpackPasswordTooWeak") lines.push(answer.policy_error.message);
    lines.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    meter.hidden = false;
  }

  function attach(form, input, endpoint) {
    var meter = createMeter(input);
    var timer = null;
    var sequence = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      if (!input.value) {
        meter.hidden = true;
        return;
      }
      timer = setTimeout(function () {
        var mine = ++sequence;
        fetch(endpoint, {
          method: "POST",
          credentials: "omit",
          headers: { "Content-Type": "application/json", "Accept-Language": language() },
          body: JSON.stringify({
            password: input.value,
            username: valueOf(form, "username"),
            email: valueOf(form, "email"),
            first_name: valueOf(form, "firstName"),
            last_name: valueOf(form, "lastName")
          })
        }).then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (answer) {
          if (mine !== sequence) return;
          if (answer) render(meter, answer); else meter.hidden = true;
        }).catch(function () {
          meter.hidden = true;
        });
      }, DEBOUNCE_MS);
    });
  }

  function start() {
    var base = realmUrl();
    if (!base || !window.fetch) return;
    FORMS.forEach(function (spec) {
      var form = document.getElementById(spec.form);
      var input = form && form.querySelector("input[name='" + spec.field + "']");
      if (input) attach(form, input, base + "/password-strength");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
