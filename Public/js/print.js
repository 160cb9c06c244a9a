// Progressive enhancement: a print button for the slip (browsers' own Print works without it).
document.querySelectorAll(".print-button").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
