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
