"""Standing adjustments of the rule in Chromium, as an administrator records one: the form and the
list are axe- and Nu-clean, a refusal comes back with its error summary linked to the fields,
nothing needs JavaScript, and the recorded adjustment is listed with both names."""
from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import format_violations
from test_journeys import DEMO, logout, submit


def check_page(driver, axe_violations, served_html, nu_errors, where):
    violations = axe_violations(driver)
    assert violations == [], f"axe on {where}:\n{format_violations(violations)}"
    errors = nu_errors(served_html(driver))
    assert errors == [], f"Nu validator on {where}:\n" + "\n".join(errors)


def fill(driver, name, value):
    field = driver.find_element(By.NAME, name)
    field.clear()
    field.send_keys(value)


def test_an_administrator_records_an_adjustment(driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    login("admin", DEMO["admin"])
    driver.get(url("/admin/amenagements"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Aménagements de la règle"
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/amenagements")
    driver.get(driver.find_element(By.LINK_TEXT, "Enregistrer un aménagement convenu").get_attribute("href"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Enregistrer un aménagement de la règle"
    assert not driver.find_elements(By.CSS_SELECTOR, "main script"), "the form needs no script"
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/amenagements/nouveau")

    # Towards the CCAS without excluding minor children: refused, the summary links to the conditions.
    fill(driver, "reference", "AM-NAV-01")
    fill(driver, "texte", "Les adultes sans domicile du Lac sont accueillis au CCAS.")
    Select(driver.find_element(By.NAME, "service")).select_by_value("CCAS")
    driver.find_element(By.CSS_SELECTOR, "input[name=secteurs][value=lac]").click()
    Select(driver.find_element(By.NAME, "sans_domicile")).select_by_value("oui")
    fill(driver, "accord_pts", "Mme Durand, responsable du PTS")
    fill(driver, "accord_ccas", "M. Martin, chef de service du CCAS")
    submit(driver, "form[action='/admin/amenagements']")
    summary = driver.find_element(By.ID, "erreurs")
    assert "enfant mineur" in summary.text
    link = summary.find_element(By.CSS_SELECTOR, "a[href='#f-conditions']")
    assert driver.find_element(By.ID, "f-conditions").tag_name == "fieldset"
    assert driver.find_element(By.NAME, "reference").get_attribute("value") == "AM-NAV-01", "what was typed comes back"
    check_page(driver, axe_violations, served_html, nu_errors, "the refused form")
    link.click()

    Select(driver.find_element(By.NAME, "enfant_mineur")).select_by_value("non")
    Select(driver.find_element(By.NAME, "grossesse")).select_by_value("non")
    fill(driver, "age_min", "18")
    submit(driver, "form[action='/admin/amenagements']")
    assert "Aménagement enregistré" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    row = driver.find_element(By.XPATH, "//tr[th[normalize-space()='AM-NAV-01']]")
    assert "Mme Durand" in row.text and "M. Martin" in row.text and "en vigueur" in row.text
    screenshot(driver, "amenagements")
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/amenagements with one adjustment")
    logout(driver)
