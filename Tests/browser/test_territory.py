"""The street and commune tables in Chromium: the « Quel secteur ? » page used with the keyboard, the
intake form's sector lookup filling the list without reloading the page, an administrator's import
(accepted, then refused with its lines named), and a resident of another commune oriented to its
services with a slip that prints nothing « à confirmer ». axe and the Nu validator on every page."""
from __future__ import annotations

import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import replaced
from test_adjustments import check_page
from test_journeys import DEMO, logout, set_value, submit


def test_an_agent_finds_the_sector_of_an_address_with_the_keyboard(driver, url, login, axe_violations, served_html, nu_errors):
    login("agent", DEMO["agent"])
    driver.get(url("/secteurs"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Quel secteur pour cette adresse ?"
    check_page(driver, axe_violations, served_html, nu_errors, "/secteurs")
    old = driver.find_element(By.TAG_NAME, "html")
    field = driver.find_element(By.ID, "f-adresse")
    field.send_keys("4 av. Thiers" + Keys.ENTER)
    WebDriverWait(driver, 10).until(replaced(old))
    assert "Secteur trouvé : La Bastide" in driver.find_element(By.ID, "resultat-voie").text
    check_page(driver, axe_violations, served_html, nu_errors, "/secteurs (voie trouvée)")
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "f-commune").send_keys("Mérignac" + Keys.ENTER)
    WebDriverWait(driver, 10).until(replaced(old))
    result = driver.find_element(By.ID, "resultat-commune").text
    assert "CCAS de Mérignac" in result and "À confirmer" in result
    check_page(driver, axe_violations, served_html, nu_errors, "/secteurs (commune)")
    logout(driver)


def test_the_intake_form_fills_the_sector_from_the_address_in_place(driver, url, login, axe_violations, served_html, nu_errors):
    login("agent", DEMO["agent"])
    driver.get(url("/accueils/nouveau"))
    page = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "f-nom").send_keys("Lookup")
    address = driver.find_element(By.ID, "f-adresse")
    address.send_keys("18 rue de la Benauge")
    # Enter in the address field looks up the sector; the intake is not sent.
    address.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(EC.text_to_be_present_in_element((By.ID, "secteur-trouve"), "Secteur trouvé"))
    assert Select(driver.find_element(By.ID, "f-secteur")).first_selected_option.get_attribute("value") == "bastide"
    assert driver.find_element(By.ID, "f-nom").get_attribute("value") == "Lookup", "what was typed stays"
    assert driver.find_element(By.TAG_NAME, "html") == page, "no reload"
    assert driver.switch_to.active_element.get_attribute("id") == "f-secteur", "focus moves to the filled list"
    address.clear()
    address.send_keys("1 impasse Inconnue")
    driver.find_element(By.CSS_SELECTOR, "[data-sector-lookup]").click()
    WebDriverWait(driver, 10).until(EC.text_to_be_present_in_element((By.ID, "secteur-trouve"), "Voie inconnue"))
    assert axe_violations(driver) == []
    logout(driver)


def test_an_administrator_imports_a_table_and_sees_a_refusal_by_line(driver, url, login, axe_violations, served_html, nu_errors):
    login("admin", DEMO["admin"])
    driver.get(url("/admin/territoire"))
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/territoire")
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as good:
        good.write("voie;code_postal;secteur;debut\nRue du Navigateur;33300;lac;2024-01-01\n")
    form = "form[action='/admin/territoire/voies']"
    driver.find_element(By.CSS_SELECTOR, f"{form} input[type=file]").send_keys(good.name)
    driver.find_element(By.CSS_SELECTOR, f"{form} input[name=source]").send_keys("Essai du navigateur")
    submit(driver, form)
    assert "Import enregistré." in driver.find_element(By.TAG_NAME, "main").text
    assert "Essai du navigateur" in driver.find_element(By.TAG_NAME, "main").text
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as bad:
        bad.write("voie;code_postal;secteur;debut\nRue du Navigateur;33300;lac;2025-01-01\nRue Fausse;75001;lac;2024-01-01\n")
    driver.find_element(By.CSS_SELECTOR, f"{form} input[type=file]").send_keys(bad.name)
    driver.find_element(By.CSS_SELECTOR, f"{form} input[name=source]").send_keys("Essai refusé")
    submit(driver, form)
    errors = driver.find_element(By.ID, "table-voies-erreurs").text
    assert "Ligne 2 : chevauche une ligne déjà en vigueur" in errors and "Ligne 3 : code postal « 75001 »" in errors
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/territoire (refus)")
    logout(driver)


def test_a_resident_of_another_commune_leaves_with_a_slip_that_prints_nothing_unconfirmed(
        driver, url, login, axe_violations, served_html, nu_errors):
    login("agent", DEMO["agent"])
    driver.get(url("/accueils/nouveau"))
    driver.find_element(By.ID, "f-nom").send_keys("Hors")
    driver.find_element(By.ID, "f-prenom").send_keys("Commune")
    commune = driver.find_element(By.ID, "f-commune")
    commune.clear()
    commune.send_keys("Pessac (33318)")
    driver.find_element(By.CSS_SELECTOR, "input[name=motifs][value=logement]").click()
    driver.find_element(By.ID, "f-consentement_orientation").click()
    submit(driver, "form.intake-form", "Enregistrer")
    assert "Hors Bordeaux : CCAS de la commune (Pessac)" in driver.find_element(By.TAG_NAME, "main").text
    check_page(driver, axe_violations, served_html, nu_errors, "décision hors Bordeaux")
    submit(driver, "form[action$='/orientation']", "Confirmer")
    driver.get(driver.find_element(By.LINK_TEXT, "Fiche d'orientation à imprimer").get_attribute("href"))
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "Adressez-vous à ce service pour votre commune : Pessac." in text
    assert "CCAS de Pessac" not in text and "confirmer" not in text.lower()
    check_page(driver, axe_violations, served_html, nu_errors, "fiche hors Bordeaux")
    driver.get(url("/"))
    logout(driver)
