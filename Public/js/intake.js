// Progressive enhancement of the intake form: while a name is typed, earlier files with that name
// are offered (POST /personnes/suggestions: names stay out of URLs). Without JavaScript the server
// does the same check on submit.
(function () {
  var last = document.getElementById("f-nom");
  var first = document.getElementById("f-prenom");
  var box = document.getElementById("personnes-connues");
  var token = document.querySelector("form.intake-form input[name=_csrf]");
  if (!last || !first || !box || !token || !window.fetch) return;
  var timer = null;
  var lastQuery = "";
  function lookup() {
    var query = "nom=" + encodeURIComponent(last.value) + "&prenom=" + encodeURIComponent(first.value);
    if (query === lastQuery || last.value.trim().length < 2) return;
    lastQuery = query;
    fetch("/personnes/suggestions", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-CSRF-Token": token.value },
      body: query
    })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { box.innerHTML = html; })
      .catch(function () {});
  }
  function schedule() { clearTimeout(timer); timer = setTimeout(lookup, 250); }
  last.addEventListener("input", schedule);
  first.addEventListener("input", schedule);
})();

// The sector found from the address without reloading the page (POST /secteurs, JSON answer). Without
// JavaScript the same button posts the form, which comes back with the sector filled in.
(function () {
  var button = document.querySelector("[data-sector-lookup]");
  var address = document.getElementById("f-adresse");
  var sector = document.getElementById("f-secteur");
  var status = document.getElementById("secteur-trouve");
  var token = document.querySelector("form.intake-form input[name=_csrf]");
  if (!button || !address || !sector || !status || !token || !window.fetch) return;
  function show(message) {
    status.textContent = "";
    var paragraph = document.createElement("p");
    paragraph.className = "notice";
    paragraph.textContent = message;
    status.appendChild(paragraph);
  }
  button.addEventListener("click", function (event) {
    event.preventDefault();
    // Enter in another field of the form lands here too (this is the form's first button).
    if (!address.value.trim()) { show("Saisissez l'adresse (numéro et voie) pour trouver le secteur."); address.focus(); return; }
    fetch("/secteurs", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json", "X-CSRF-Token": token.value },
      body: "adresse=" + encodeURIComponent(address.value)
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (!answer) { show("La recherche n'a pas abouti : choisissez le secteur dans la liste."); return; }
        if (answer.sector) { sector.value = answer.sector; }
        show(answer.message);
        (answer.sector ? sector : address).focus();
      })
      .catch(function () { show("La recherche n'a pas abouti : choisissez le secteur dans la liste."); });
  });
  // Enter in the address field looks the sector up; Enter in another field records the intake, as
  // before the lookup button existed (without JavaScript it is the form's first button).
  var form = address.form;
  var save = form && form.querySelector("[data-main-submit]");
  if (form && save && form.requestSubmit) {
    form.addEventListener("keydown", function (event) {
      var field = event.target;
      if (event.key !== "Enter" || field.tagName !== "INPUT") return;
      event.preventDefault();
      if (field === address) { button.click(); } else { form.requestSubmit(save); }
    });
  } else {
    address.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); button.click(); }
    });
  }
})();
