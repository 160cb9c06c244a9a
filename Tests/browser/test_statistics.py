"""The managers' figures page in Chromium: axe and Nu clean, charts drawn without script, printable,
and a CSV export read back by Python's csv module as French Excel would read it (BOM, `;`)."""
from __future__ import annotations

import csv
import datetime
import io
import re

from selenium.webdriver.common.by import By

from conftest import format_violations, save_print_pdf
from test_journeys import DEMO, logout

RESPONSABLE = "demo-responsable-planning"


def add_information_contacts(driver, url, login, http_session, count):
    """`count` anonymous contacts per channel recorded by the agent: every channel has 5 or more, so
    none is masked whatever the other tests recorded before."""
    login("agent", DEMO["agent"])
    session = http_session(driver)
    page = session.get(url("/accueils/nouveau"), timeout=10)
    token = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    for channel in ("sur_place", "telephone", "courriel"):
        for _ in range(count):
            answer = session.post(url("/accueils/information"), data={"site": "ccas-cite-municipale", "canal": channel, "_csrf": token},
                                  allow_redirects=False, timeout=10)
            assert answer.status_code == 303, answer.status_code
    logout(driver)


def test_statistics_page_is_accessible_valid_and_exports_csv(driver, url, login, http_session, axe_violations, served_html,
                                                             nu_errors, screenshot):
    add_information_contacts(driver, url, login, http_session, 6)
    login("responsable", RESPONSABLE)
    driver.get(url("/statistiques"))
    assert "Statistiques d'activité" in driver.find_element(By.TAG_NAME, "h1").text
    assert driver.find_elements(By.CSS_SELECTOR, "svg.bar-chart"), "no chart drawn"
    assert not driver.find_elements(By.CSS_SELECTOR, "script"), "the figures page needs no script"
    # every chart is named and followed by a table with a caption and header cells
    for section in driver.find_elements(By.CSS_SELECTOR, "section.figures"):
        assert section.find_element(By.CSS_SELECTOR, "table caption").text
        assert section.find_elements(By.CSS_SELECTOR, "th[scope=row]")
    screenshot(driver, "statistiques")

    violations = axe_violations(driver)
    assert violations == [], f"axe on /statistiques:\n{format_violations(violations)}"
    errors = nu_errors(served_html(driver))
    assert errors == [], "Nu validator on /statistiques:\n" + "\n".join(errors)

    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, "form.filter").is_displayed(), "the filter form is printed"
        assert driver.find_element(By.CSS_SELECTOR, "svg.bar-chart").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    save_print_pdf(driver, "statistiques-print")

    assert driver.find_element(By.CSS_SELECTOR, "a[href^='/statistiques/canaux.csv']"), "each table has its CSV"
    # The contacts were recorded today: the running month, whose details wait for its end; its volumes are counted.
    today = datetime.date.today()
    month = f"du={today.replace(day=1).isoformat()}&au={today.isoformat()}"
    response = http_session(driver).get(url(f"/statistiques/canaux.csv?{month}"), timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf"), "no BOM: French Excel would misread the accents"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:4] == ["indicateur", "code", "valeur", "part"]
    by_code = {row[1]: row for row in rows[1:]}
    assert set(by_code) == {"sur_place", "telephone", "courriel", "hors_les_murs"}
    assert by_code["telephone"][0] == "Téléphone"
    assert by_code["sur_place"][2] == "masqué", by_code["sur_place"]
    synthesis = http_session(driver).get(url(f"/statistiques/synthese.csv?{month}"), timeout=10)
    contacts = {row[1]: row for row in csv.reader(io.StringIO(synthesis.content.decode("utf-8-sig"), newline=""), delimiter=";")}["contacts"]
    assert int(contacts[2].replace("\u202f", "")) >= 18, contacts

    # The permanence tables: the demo planning's sessions by site, exported the same way.
    sites = driver.find_element(By.ID, "titre-permanences_sites").find_element(By.XPATH, "..")
    assert "Cité Municipale" in sites.find_element(By.CSS_SELECTOR, "tbody").text
    driver.execute_script("arguments[0].scrollIntoView()", driver.find_element(By.ID, "titre-permanences"))
    screenshot(driver, "statistiques-permanences")
    link = sites.find_element(By.CSS_SELECTOR, "a[href^='/statistiques/permanences_sites.csv']").get_attribute("href")
    response = http_session(driver).get(link, timeout=10)
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["ligne", "code", "seances_prevues", "seances_tenues", "seances_annulees", "places_offertes",
                       "places_reservees", "taux_reservation", "passages"]
    cite = next(row for row in rows[1:] if row[1] == "ccas-cite-municipale")
    assert int(cite[2].replace("\u202f", "")) > 0, cite   # the demo's afternoons at the Cité were scheduled
