"""Deactivating a social worker and making a calendar subscription link, in Chromium: the flows as a
person clicks through them, with axe-core and the Nu validator on every page they show."""
from __future__ import annotations

import re

import requests
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import format_violations
from planning_support import sign_in


def assert_clean(driver, axe_violations, served_html, nu_errors, what: str) -> None:
    violations = axe_violations(driver)
    assert violations == [], f"axe-core on {what}:\n{format_violations(violations)}"
    errors = nu_errors(served_html(driver))
    assert errors == [], f"Nu HTML validator on {what}:\n" + "\n".join(errors)


def submit(driver, selector: str, until: str) -> None:
    driver.find_element(By.CSS_SELECTOR, selector).click()
    WebDriverWait(driver, 10).until(lambda d: until in d.current_url)


def test_manager_deactivates_then_reactivates_a_social_worker(driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    sign_in(driver, login, "responsable")
    # Someone holding current permanences cannot leave yet: the page lists what to reassign.
    driver.get(url("/planning/travailleurs/ts-ccas-1/desactiver"))
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "ne peut pas être désactivé·e" in main
    assert driver.find_elements(By.CSS_SELECTOR, "main a[href^='/planning/permanences/']")
    assert_clean(driver, axe_violations, served_html, nu_errors, "the refusal")
    screenshot(driver, "travailleur-desactivation-refusee")

    driver.get(url("/planning/travailleurs"))
    driver.find_element(By.ID, "f-nom").send_keys("Odile Navigateur")
    submit(driver, "main form.stack button[type=submit]", "info=enregistre")
    driver.get(url("/planning/travailleurs/ts-odile-navigateur"))
    driver.find_element(By.LINK_TEXT, "Désactiver Odile Navigateur").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/desactiver"))
    assert_clean(driver, axe_violations, served_html, nu_errors, "the confirmation")
    screenshot(driver, "travailleur-desactivation-confirmation")
    submit(driver, "main form button[type=submit]", "info=desactive")

    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Le travailleur social a été désactivé" in main
    inactive = main.split("Inactifs", 1)
    assert len(inactive) == 2 and "Odile Navigateur" in inactive[1] and "Odile Navigateur" not in inactive[0]
    assert_clean(driver, axe_violations, served_html, nu_errors, "the list with inactive workers")
    screenshot(driver, "travailleurs-inactifs")
    driver.get(url("/planning/permanences/ccas-mds-lac"))
    assert not driver.find_elements(By.CSS_SELECTOR, "option[value='ts-odile-navigateur']")

    driver.get(url("/planning/travailleurs"))
    submit(driver, "form[action='/planning/travailleurs/ts-odile-navigateur/reactiver'] button", "info=reactive")
    assert "Inactifs" not in driver.find_element(By.TAG_NAME, "main").text or \
        "Odile Navigateur" not in driver.find_element(By.TAG_NAME, "main").text.split("Inactifs", 1)[1]


def test_agent_makes_and_revokes_a_subscription_link(driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    sign_in(driver, login, "agent")
    driver.get(url("/planning/sites/mds-lac/semaine"))
    driver.find_element(By.XPATH, "//button[contains(., 'Créer un lien d')]").click()
    # The heading is read while the post navigates: the old page's heading may go stale under the wait.
    WebDriverWait(driver, 10, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda d: d.find_element(By.TAG_NAME, "h1").text == "Lien d'abonnement créé")
    link = driver.find_element(By.CSS_SELECTOR, "code.subscription-url").text
    assert re.fullmatch(r"https?://[^/]+/agenda/[A-Za-z0-9_-]{43}\.ics", link)
    assert_clean(driver, axe_violations, served_html, nu_errors, "the link page")
    screenshot(driver, "abonnement-agenda-cree")
    assert requests.get(link, timeout=10).status_code == 200

    driver.get(url("/planning/abonnements"))
    assert link.rsplit("/", 1)[1] not in driver.page_source
    assert_clean(driver, axe_violations, served_html, nu_errors, "the list of links")
    driver.find_element(By.XPATH, "//main//button[starts-with(normalize-space(.), 'Révoquer')]").click()
    WebDriverWait(driver, 10).until(lambda d: "info=revoque" in d.current_url)
    assert "Révoqué le" in driver.find_element(By.TAG_NAME, "main").text
    assert_clean(driver, axe_violations, served_html, nu_errors, "the list after revoking")
    screenshot(driver, "abonnements-agenda")
    assert requests.get(link, timeout=10).status_code == 404
