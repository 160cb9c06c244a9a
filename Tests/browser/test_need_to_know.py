"""Need-to-know in Chromium: a family received by the MDS Bastide is outside the Cité agent's scope.
Her file asks for a reason first (the form is axe- and Nu-clean, refuses an empty reason with its
summary, works with the keyboard), then opens; the administrators review it on their page."""
from __future__ import annotations

import datetime
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_adjustments import check_page
from test_journeys import DEMO, fill_intake, logout, submit

DEMO_TS = "demo-travailleur-mds"


def test_a_file_outside_ones_scope_asks_why_then_opens_and_is_reviewed(driver, url, login, axe_violations, served_html, nu_errors):
    today = datetime.date.today()
    login("ts.mds", DEMO_TS)
    driver.get(url("/accueils/nouveau"))
    Select(driver.find_element(By.ID, "f-site")).select_by_value("mds-bastide")
    fill_intake(driver, "Horsperimetre", "Anna", child_birth=today.replace(year=today.year - 4, day=1), sector="bastide")
    submit(driver, "form[action$='/orientation']", "Confirmer")
    person = driver.find_element(By.LINK_TEXT, "voir le dossier").get_attribute("href")
    number = re.search(r"/personnes/(\d+)$", person).group(1)
    logout(driver)

    login("agent", DEMO["agent"])
    driver.get(person)
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Accès hors de votre périmètre" in main and "HORSPERIMETRE" not in main.upper()
    check_page(driver, axe_violations, served_html, nu_errors, "motif demandé")
    submit(driver, f"form[action='/personnes/{number}/acces']")
    summary = driver.find_element(By.ID, "erreurs")
    assert "Choisissez le motif" in summary.text
    check_page(driver, axe_violations, served_html, nu_errors, "motif refusé")
    driver.find_element(By.CSS_SELECTOR, "input[name=motif][value=personne_presente]").click()
    driver.find_element(By.ID, "f-precision").send_keys("Elle est au guichet de la Cité")
    submit(driver, f"form[action='/personnes/{number}/acces']")
    assert driver.current_url.endswith(f"/personnes/{number}")
    assert "HORSPERIMETRE" in driver.find_element(By.TAG_NAME, "h1").text.upper()
    logout(driver)

    login("admin", DEMO["admin"])
    assert "ouvert hors périmètre ces 7 derniers jours" in driver.find_element(By.TAG_NAME, "main").text
    driver.get(url("/admin/bris-de-glace"))
    review = driver.find_element(By.TAG_NAME, "main").text
    assert f"n° {number}" in review and "Elle est au guichet de la Cité" in review
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/bris-de-glace")
    logout(driver)
