"""An information préoccupante in a real browser: the agent sees the numbers to call first, raises it
from the decision, the MDS concerned finds it on its dashboard and acknowledges it; every page is
axe- and Nu-clean, and the printed slip carries nothing of it."""
from __future__ import annotations

import datetime

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_journeys import DEMO, check_page, fill_intake, logout, submit


def test_an_information_preoccupante_is_raised_and_acknowledged_and_stays_off_the_slip(
        driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    today = datetime.date.today()
    child = today.replace(year=today.year - 6) if not (today.month == 2 and today.day == 29) else today.replace(year=today.year - 6, day=28)

    login("agent", DEMO["agent"])
    driver.get(url("/accueils/nouveau"))
    fill_intake(driver, "Protection", "Léa", child_birth=child, sector="bastide", danger=True)
    decision_url = driver.current_url

    # The numbers to call come before anything else on the page.
    first = driver.find_element(By.CSS_SELECTOR, "main > *:first-child")
    assert "119" in first.text and "17" in first.text, first.text
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "protection-1-decision")
    driver.find_element(By.LINK_TEXT, "Enregistrer l'information préoccupante").click()
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "protection-2-form")
    assert Select(driver.find_element(By.ID, "f-site")).first_selected_option.get_attribute("value") == "mds-bastide"
    driver.find_element(By.ID, "f-note").send_keys("L'enfant dit avoir peur de rentrer chez lui.")
    submit(driver, "form[action$='/protection']")
    assert "Alerte enregistrée et transmise à MDS Bastide" in driver.find_element(By.TAG_NAME, "main").text
    alert_url = driver.current_url.split("?")[0]
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "protection-3-raised")

    # The orientation and its slip: nothing of the alert on paper.
    driver.get(decision_url)
    submit(driver, "form[action$='/orientation']")
    driver.find_element(By.LINK_TEXT, "Fiche d'orientation à imprimer").click()
    slip = driver.find_element(By.TAG_NAME, "body").text
    for term in ("119", "CRIP", "préoccupante", "danger", "peur de rentrer", "Alerte"):
        assert term not in slip, f"the slip shows {term}"
    driver.get(url("/"))
    logout(driver)

    # The MDS concerned: on its dashboard, read, acknowledged, passed to the CRIP.
    login("ts.mds", DEMO["ts.mds"])
    driver.get(url("/"))
    dashboard = driver.find_element(By.ID, "alertes").text
    assert "Alertes de protection à accuser" in dashboard
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "protection-4-dashboard")
    driver.get(alert_url)
    assert "peur de rentrer" in driver.find_element(By.TAG_NAME, "main").text
    submit(driver, "form[action$='/accuse']")
    assert "Réception accusée" in driver.find_element(By.TAG_NAME, "main").text
    submit(driver, "form[action$='/crip']")
    assert "Transmise à la CRIP" in driver.find_element(By.TAG_NAME, "main").text
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "protection-5-acknowledged")
    driver.get(url("/"))
    assert not driver.find_elements(By.ID, "alertes"), "acknowledged: off the dashboard"
    logout(driver)
