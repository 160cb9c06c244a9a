"""Planning pages in Chromium: a manager edits a grid cell, the reception day view shows it; axe and
the Nu validator on the grid pages and their print views; the grids print on A4 landscape."""
from __future__ import annotations

import base64
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import format_violations, save_print_pdf, replaced
from planning_support import next_working_friday, sign_in

PAGES = [
    pytest.param("/planning", id="grilles"),
    pytest.param("/planning/permanences/ccas-mds-centre", id="modifier-permanence"),
    pytest.param("/planning/permanences/nouvelle?grille=ccas-mds&ligne=mds-lac&jour=4", id="ajouter-permanence"),
    pytest.param("/planning/permanences/nouvelle", id="permanence-hors-grille"),
    pytest.param("/planning/permanences/mds-bastide-benauge", id="modifier-permanence-quinzaine"),
    pytest.param("/planning/sites/ccas-cite-municipale/jour", id="journee-site"),
    pytest.param("/planning/sites/mds-lac/semaine", id="semaine-site"),
    pytest.param("/planning/travailleurs/ts-ccas-1/semaine", id="semaine-travailleur"),
    pytest.param("/planning/absences", id="absences-fermetures"),
    pytest.param("/planning/travailleurs", id="travailleurs-sociaux"),
    pytest.param("/planning/travailleurs/ts-ccas-1", id="modifier-travailleur"),
    pytest.param("/planning/sites/ccas-cite-municipale/mois", id="mois-site"),
    pytest.param("/planning/travailleurs/ts-ccas-4/mois", id="mois-travailleur"),
]


@pytest.mark.parametrize("path", PAGES)
def test_planning_page_is_accessible_and_valid_on_screen_and_in_print(driver, url, login, axe_violations, served_html, nu_errors, screenshot, path):
    sign_in(driver, login, "responsable")
    driver.get(url(path))
    assert driver.find_element(By.TAG_NAME, "main").is_displayed()
    violations = axe_violations(driver)
    assert violations == [], f"axe-core on {path}:\n{format_violations(violations)}"
    errors = nu_errors(served_html(driver))
    assert errors == [], f"Nu HTML validator on {path}:\n" + "\n".join(errors)
    name = "planning" + re.sub(r"[^A-Za-z0-9_-]", "-", path)
    screenshot(driver, name)

    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, "body > header").is_displayed()
        assert not driver.find_elements(By.CSS_SELECTOR, "nav.site-nav a") or \
            not driver.find_element(By.CSS_SELECTOR, "nav.site-nav").is_displayed()
        violations = axe_violations(driver)
        assert violations == [], f"axe-core on the print view of {path}:\n{format_violations(violations)}"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    save_print_pdf(driver, name + "-print")


def test_grids_print_on_a4_landscape(driver, url, login):
    sign_in(driver, login, "agent")
    driver.get(url("/planning"))
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True})["data"])
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes, "no page in the PDF"
    for width, height in boxes:
        assert abs(float(width) - 841.9) < 2 and abs(float(height) - 595.3) < 2, (width, height)
    # One grid per sheet, so at least two pages.
    assert len(boxes) >= 2


def test_a_refused_cell_is_accessible_and_valid(driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    """A cell sent back with an error (422): open, the error tied to its field, the page still valid."""
    sign_in(driver, login, "responsable")
    driver.get(url("/planning"))
    cell = driver.find_element(By.ID, "permanence-ccas-mds-lac")
    cell.find_element(By.CSS_SELECTOR, "details.cell-edit summary").click()
    Select(driver.find_element(By.ID, "f-suppleant-ccas-mds-lac")).select_by_value(
        Select(driver.find_element(By.ID, "f-titulaire-ccas-mds-lac")).first_selected_option.get_attribute("value"))
    old = driver.find_element(By.TAG_NAME, "html")
    cell.find_element(By.CSS_SELECTOR, "details.cell-edit button[type=submit]").click()
    WebDriverWait(driver, 10).until(replaced(old))
    details = driver.find_element(By.CSS_SELECTOR, "#permanence-ccas-mds-lac details.cell-edit")
    assert details.get_attribute("open") is not None
    assert "autre personne" in details.text
    violations = axe_violations(driver)
    assert violations == [], format_violations(violations)
    errors = nu_errors(served_html(driver))
    assert errors == [], "\n".join(errors)
    screenshot(driver, "planning-cellule-erreur")


def test_manager_edits_a_cell_and_the_reception_day_view_shows_it(driver, url, login, screenshot):
    friday = next_working_friday()
    day_view = f"/planning/sites/mds-saint-jean/jour?date={friday.isoformat()}"

    sign_in(driver, login, "agent")
    driver.get(url(day_view))
    before = driver.find_element(By.TAG_NAME, "main").text
    assert "Nicolas Fictif" in before and "Karine Témoin" not in before

    sign_in(driver, login, "responsable")
    driver.get(url("/planning"))
    # The cell's own <details>, opened from the keyboard: no page change, no script of ours.
    cell = driver.find_element(By.ID, "permanence-ccas-mds-saint-jean")
    summary = cell.find_element(By.CSS_SELECTOR, "details.cell-edit summary")
    summary.send_keys(Keys.ENTER)
    WebDriverWait(driver, 5).until(lambda d: cell.find_element(By.CSS_SELECTOR, "details.cell-edit").get_attribute("open") is not None)
    Select(driver.find_element(By.ID, "f-titulaire-ccas-mds-saint-jean")).select_by_value("ts-ccas-1")
    screenshot(driver, "planning-cellule-ouverte")
    cell.find_element(By.CSS_SELECTOR, "details.cell-edit button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "info=modifie" in d.current_url)
    assert driver.current_url.endswith("#permanence-ccas-mds-saint-jean")
    assert "La permanence a été modifiée." in driver.find_element(By.TAG_NAME, "main").text
    cell = driver.find_element(By.ID, "permanence-ccas-mds-saint-jean").text
    assert "Karine Témoin" in cell

    # Print view of the manager's grid: no form, no <details>.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert all(not d.is_displayed() for d in driver.find_elements(By.CSS_SELECTOR, "details.cell-edit"))
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})

    sign_in(driver, login, "agent")
    driver.get(url(day_view))
    after = driver.find_element(By.TAG_NAME, "main").text
    assert "Karine Témoin (titulaire)" in after and "Nicolas Fictif" not in after
    screenshot(driver, "planning-journee-apres-modification")


def test_decision_page_with_free_slots_is_accessible_and_valid(driver, url, login, http_session, axe_violations, served_html, nu_errors, screenshot):
    """The decision page now lists the planning's free slots as radio buttons."""
    import datetime as dt
    sign_in(driver, login, "agent")
    driver.get(url("/accueils/nouveau"))
    token = driver.find_element(By.NAME, "_csrf").get_attribute("value")
    intake = {"_csrf": token, "date": dt.date.today().isoformat(), "heure": "10:30", "site": "ccas-cite-municipale", "canal": "sur_place",
              "niveau": "1", "nom": "Navigateur", "prenom": "Test", "naissance": "1980-02-03", "adultes": "2", "secteur": "cauderan",
              "motifs": "logement", "consentement_orientation": "1", "consentement_partage": "1"}
    response = http_session(driver).post(url("/accueils"), data=intake, allow_redirects=False, timeout=10)
    assert response.status_code == 303, response.text[:500]
    driver.get(url(response.headers["Location"]))
    radios = driver.find_elements(By.CSS_SELECTOR, "input[name=creneau]")
    assert len(radios) > 1, "no free slot offered"
    violations = axe_violations(driver)
    assert violations == [], format_violations(violations)
    errors = nu_errors(served_html(driver))
    assert errors == [], "\n".join(errors)
    screenshot(driver, "decision-creneaux")
    radios[1].click()
    driver.find_element(By.CSS_SELECTOR, "main form.stack button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "/orientations/" in d.current_url)
    assert "Annuler la réservation" in driver.find_element(By.TAG_NAME, "main").text
    # Cancelled, the orientation offers the free slots again.
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/reservation/annuler'] button").click()
    WebDriverWait(driver, 10).until(replaced(old))
    assert "Réserver un créneau" in driver.find_element(By.TAG_NAME, "main").text
    violations = axe_violations(driver)
    assert violations == [], format_violations(violations)
    errors = nu_errors(served_html(driver))
    assert errors == [], "\n".join(errors)
    screenshot(driver, "orientation-reserver-a-nouveau")
