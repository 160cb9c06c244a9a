"""Journeys in a real browser: login/logout (accounts issue) and the core intake journey (intake → decision
→ orientation → printed slip → attendance), with axe and the Nu validator on every page on the way."""
from __future__ import annotations

import base64
import datetime
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import OUTPUT_DIR, format_violations, replaced

DEMO = {
    "agent": "demo-agent-accueil",
    "ts.mds": "demo-travailleur-mds",
    "admin": "demo-administrateur-comptes",
}


def check_page(driver, axe_violations, served_html, nu_errors, screenshot, name):
    """The page the browser shows: no axe violation, valid HTML as served, a screenshot."""
    violations = axe_violations(driver)
    assert violations == [], f"axe on {name} ({driver.current_url}):\n{format_violations(violations)}"
    errors = nu_errors(served_html(driver))
    assert errors == [], f"Nu validator on {name} ({driver.current_url}):\n" + "\n".join(errors)
    screenshot(driver, f"journey-{name}")


def set_value(driver, element_id, value):
    """Date and time inputs: set the value as the browser stores it (typing depends on the locale)."""
    element = driver.find_element(By.ID, element_id)
    driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'))", element, value)


def submit(driver, form_selector, button_text=None):
    form = driver.find_element(By.CSS_SELECTOR, form_selector)
    buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit]")
    button = next(b for b in buttons if button_text is None or button_text in b.text)
    old = driver.find_element(By.TAG_NAME, "html")
    button.click()
    WebDriverWait(driver, 10).until(replaced(old))


def fill_intake(driver, last, first, *, child_birth, sector, birth=None, danger=False, sharing=False):
    """The intake form as an agent fills it for a family (motive: housing), then sent."""
    driver.find_element(By.ID, "f-nom").send_keys(last)
    driver.find_element(By.ID, "f-prenom").send_keys(first)
    if birth:
        set_value(driver, "f-naissance", birth)
    set_value(driver, "f-enfant0_naissance", child_birth.isoformat())
    Select(driver.find_element(By.ID, "f-secteur")).select_by_value(sector)
    driver.find_element(By.CSS_SELECTOR, "input[name=motifs][value=logement]").click()
    if danger:
        driver.find_element(By.ID, "f-enfant_danger").click()
    driver.find_element(By.ID, "f-consentement_orientation").click()
    if sharing:
        driver.find_element(By.ID, "f-consentement_partage").click()
    submit(driver, "form.intake-form", "Enregistrer")


def logout(driver):
    submit(driver, "form[action='/deconnexion']")


def test_login_protected_page_logout_and_back_shows_nothing(driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    driver.get(url("/connexion"))
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "connexion")
    login("admin", DEMO["admin"])
    driver.get(url("/admin/comptes"))
    assert "Créer un compte" in driver.page_source
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "comptes")
    logout(driver)
    assert "/connexion" in driver.current_url
    assert "Vous êtes déconnecté" in driver.find_element(By.TAG_NAME, "main").text
    driver.back()
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    # no-store: the browser asks again, and the server sends it to the login page
    assert "Créer un compte" not in driver.page_source
    assert "/connexion" in driver.current_url
    screenshot(driver, "journey-back-after-logout")


def test_wrong_password_says_nothing_about_which_field(driver, url):
    driver.get(url("/connexion"))
    driver.find_element(By.ID, "f-identifiant").send_keys("agent")
    driver.find_element(By.ID, "f-mot_de_passe").send_keys("pas le bon mot de passe")
    submit(driver, "form.login-form")
    assert "Identifiant ou mot de passe incorrect." in driver.find_element(By.TAG_NAME, "main").text


def test_family_in_bastide_is_oriented_to_mds_bastide_and_the_destination_marks_it_honoured(
        driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    today = datetime.date.today()
    toddler = today.replace(year=today.year - 3) if not (today.month == 2 and today.day == 29) else today.replace(year=today.year - 3, day=28)
    slot = today + datetime.timedelta(days=3)

    login("agent", DEMO["agent"])
    driver.get(url("/accueils/nouveau"))
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "1-intake-form")
    fill_intake(driver, "Lefebvre", "Inès", child_birth=toddler, sector="bastide", birth="1992-03-14", sharing=True)

    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Orientation proposée" in main
    assert "MDS Bastide" in main
    assert "enfant mineur" in main
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "2-decision")

    driver.find_element(By.CSS_SELECTOR, "input[name=reservation][value=rendez_vous]").click()
    set_value(driver, "f-reservation_date", slot.isoformat())
    set_value(driver, "f-reservation_heure", "14:30")
    submit(driver, "form[action$='/orientation']")
    assert re.search(r"/orientations/\d+$", driver.current_url), driver.current_url
    reference = re.search(r"AC-\d{4}-\d{6}", driver.find_element(By.TAG_NAME, "h1").text).group(0)
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "3-orientation")

    driver.find_element(By.LINK_TEXT, "Fiche d'orientation à imprimer").click()
    WebDriverWait(driver, 10).until(EC.url_contains("/fiche"))
    slip = driver.find_element(By.TAG_NAME, "main").text
    for expected in (reference, "MDS Bastide", "Inès L.", "14:30", "Ce qu'il faut apporter", "Vos données personnelles"):
        assert expected in slip, expected
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "4-slip")
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(driver.print_page(options))
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUTPUT_DIR / "journey-4-slip.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the slip prints on {pages} pages"

    # A second visit: typing the name offers the existing file (progressive enhancement, POST with CSRF header).
    driver.get(url("/accueils/nouveau"))
    driver.find_element(By.ID, "f-nom").send_keys("Lefeb")
    WebDriverWait(driver, 10).until(lambda d: "Inès LEFEBVRE" in d.find_element(By.ID, "personnes-connues").text)
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "4b-known-person")

    driver.get(url("/"))
    logout(driver)
    login("ts.mds", DEMO["ts.mds"])
    driver.get(url("/orientations/recues"))
    assert reference in driver.page_source
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "5-incoming")
    row = driver.find_element(By.XPATH, f"//tr[.//a[text()='{reference}']]")
    Select(row.find_element(By.TAG_NAME, "select")).select_by_value("honoree")
    old = driver.find_element(By.TAG_NAME, "html")
    row.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(replaced(old))
    assert "Suite enregistrée" in driver.find_element(By.TAG_NAME, "main").text
    driver.get(url("/orientations/recues"))
    assert reference not in driver.page_source  # no longer waiting
    screenshot(driver, "journey-6-after-attendance")


def test_rectification_then_subject_access_and_retention_pages(
        driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    """Data protection: an agent rectifies an identity; the administrator opens the retention page and
    the person's full data (right of access). axe and Nu on each page."""
    login("agent", DEMO["agent"])
    driver.get(url("/accueils/nouveau"))
    driver.find_element(By.ID, "f-nom").send_keys("Rousseau")
    driver.find_element(By.ID, "f-prenom").send_keys("Théo")
    Select(driver.find_element(By.ID, "f-secteur")).select_by_value("lac")
    driver.find_element(By.CSS_SELECTOR, "input[name=motifs][value=logement]").click()
    driver.find_element(By.ID, "f-consentement_orientation").click()
    submit(driver, "form.intake-form", "Enregistrer")
    driver.find_element(By.LINK_TEXT, "voir le dossier").click()
    WebDriverWait(driver, 10).until(EC.url_matches(r"/personnes/\d+$"))
    person = driver.current_url.rsplit("/", 1)[1]
    driver.find_element(By.LINK_TEXT, "Rectifier l'identité").click()
    WebDriverWait(driver, 10).until(EC.url_contains("/modifier"))
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "dp-1-rectification")
    driver.find_element(By.ID, "f-telephone").send_keys("05 56 10 20 30")
    submit(driver, "form[action$='/modifier']")
    assert "Historique des rectifications" in driver.page_source
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "dp-2-person-file")
    logout(driver)

    login("admin", DEMO["admin"])
    driver.get(url("/admin/donnees"))
    assert "Durées de conservation" in driver.page_source
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "dp-3-retention")
    driver.find_element(By.ID, "f-dossier").send_keys(person)
    submit(driver, "form[action='/admin/donnees/droits']")
    assert "Données détenues sur Théo ROUSSEAU" in driver.find_element(By.TAG_NAME, "h1").text
    assert "Identité rectifiée" in driver.page_source
    check_page(driver, axe_violations, served_html, nu_errors, screenshot, "dp-4-subject-access")
