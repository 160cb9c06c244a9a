"""The partner directory in Chromium and against the data·inclusion reference package: every exported
structure and service validates with `data-inclusion-schema` (pinned in requirements.txt), before and
after an administrator completes a service in the browser; the agents' search is used with the
keyboard; axe and the Nu validator on each page."""
from __future__ import annotations

from data_inclusion.schema import v1
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import replaced
from test_adjustments import check_page, fill
from test_journeys import DEMO, logout, submit


def exported(session, url):
    structures = session.get(url("/api/v1/directory/structures"), timeout=10)
    services = session.get(url("/api/v1/directory/services"), timeout=10)
    assert structures.status_code == services.status_code == 200
    return structures.json(), services.json()


def validate_all(structures, services):
    """Each record through the reference models, warnings raised as errors (e.g. a name ending with a period)."""
    assert structures and services
    strict = {"ignore_warnings": False}
    for record in structures:
        v1.Structure.model_validate(record, context=strict)
    for record in services:
        v1.Service.model_validate(record, context=strict)
        assert len(record["description"]) >= 50
    known = {s["id"] for s in structures}
    assert all(s["structure_id"] in known for s in services)


def test_every_exported_record_validates_with_the_reference_schema(driver, url, login, http_session, axe_violations, served_html, nu_errors):
    login("admin", DEMO["admin"])
    validate_all(*exported(http_session(driver), url))

    driver.get(url("/admin/partenaires"))
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/partenaires")
    assert "manque : adresse" in driver.find_element(By.TAG_NAME, "main").text
    driver.get(url("/admin/partenaires/services/plaje-accueil-jeunes"))
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/partenaires/services/…")
    fill(driver, "telephone", "05 56 00 11 22")
    fill(driver, "horaires_accueil", "Mo-Fr 09:00-12:00,14:00-17:00; PH off")
    submit(driver, "form[action='/admin/partenaires/services/plaje-accueil-jeunes']")
    assert "Fiche enregistrée." in driver.find_element(By.TAG_NAME, "main").text

    structures, services = exported(http_session(driver), url)
    validate_all(structures, services)
    plaje = next(s for s in services if s["id"] == "plaje-accueil-jeunes")
    assert plaje["telephone"] == "05 56 00 11 22" and plaje["horaires_accueil"] == "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
    logout(driver)


def test_an_agent_searches_the_directory_with_the_keyboard(driver, url, login, axe_violations, served_html, nu_errors):
    login("agent", DEMO["agent"])
    driver.get(url("/partenaires"))
    check_page(driver, axe_violations, served_html, nu_errors, "/partenaires")
    Select(driver.find_element(By.ID, "f-besoin")).select_by_value("autonomie-handicap")
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.ID, "f-commune").send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(replaced(old))
    results = driver.find_element(By.ID, "resultats")
    assert "services" in results.text
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "MDPH" in main and "accueil-autonomie@gironde.fr" in main and "CARSAT" not in main
    check_page(driver, axe_violations, served_html, nu_errors, "/partenaires (résultats)")
    logout(driver)


def test_an_information_contact_leaves_with_where_to_go_on_one_sheet(driver, url, login, axe_violations, served_html, nu_errors):
    """The quick « information seule » button, then one to three services chosen with the keyboard,
    printed on A4: one page in French, one more for the person's language; nothing internal."""
    from test_slip import print_pdf

    login("agent", DEMO["agent"])
    driver.get(url("/accueils/nouveau"))
    submit(driver, "form[action='/accueils/information']")
    assert "Contact d'information enregistré" in driver.find_element(By.TAG_NAME, "main").text
    check_page(driver, axe_violations, served_html, nu_errors, "/accueils/information/…")
    for service in ("paa-accueil-autonomie", "mdph-gironde-guichet"):
        box = driver.find_element(By.CSS_SELECTOR, f"input[name='services'][value='{service}']")
        box.send_keys(Keys.SPACE)
        assert box.is_selected()
    Select(driver.find_element(By.ID, "f-langue")).select_by_value("uk")
    submit(driver, "form[action$='/feuille']")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Où vous adresser"
    check_page(driver, axe_violations, served_html, nu_errors, "feuille « Où vous adresser »")
    pages, text, _ = print_pdf(driver, "ou-vous-adresser-uk")
    assert pages == 2, pages
    assert "accueil-autonomie@gironde.fr" in text and "Куди звернутися" in text
    for hidden in ("non renseigné", "annuaire", "mdph-gironde-guichet", "sante--"):
        assert hidden not in text
    driver.get(driver.current_url.split("?")[0])
    pages, text, _ = print_pdf(driver, "ou-vous-adresser-fr")
    assert pages == 1, pages
    driver.get(url("/accueils/nouveau"))
    logout(driver)


def test_a_partner_without_an_account_answers_on_its_one_page_form(driver, url, login, http_session, axe_violations, served_html, nu_errors):
    """The orientation's « Retour des partenaires », a link printed for the person, the partner's page
    answered with the keyboard; the administrators' token page. axe and Nu on each."""
    import datetime
    import re

    from test_slip import csrf

    login("agent", DEMO["agent"])
    session = http_session(driver)
    form = session.get(url("/accueils/nouveau")).text
    saved = session.post(url("/accueils"), allow_redirects=False, data=[
        ("_csrf", csrf(form)), ("date", datetime.date.today().isoformat()), ("heure", "10:30"), ("site", "ccas-cite-municipale"),
        ("canal", "sur_place"), ("niveau", "1"), ("nom", "Partenaire"), ("prenom", "Yanis"), ("naissance", "2005-03-01"), ("adultes", "1"),
        ("secteur", "lac"), ("motifs", "logement"), ("consentement_orientation", "1"), ("consentement_partage", "1"), ("personne", "nouveau")])
    decision = saved.headers["Location"]
    page = session.get(url(decision)).text
    oriented = session.post(url(decision + "/orientation"), data=[("_csrf", csrf(page))], allow_redirects=False)
    orientation = oriented.headers["Location"]
    driver.get(url(orientation))
    assert "Retour des partenaires" in driver.find_element(By.TAG_NAME, "main").text
    check_page(driver, axe_violations, served_html, nu_errors, "orientation avec retour des partenaires")
    submit(driver, "form[action$='/partenaires']", "Imprimer le lien")
    check_page(driver, axe_violations, served_html, nu_errors, "lien imprimé pour le partenaire")
    link = re.search(r"/partenaire/[A-Za-z0-9_-]{43}", driver.find_element(By.TAG_NAME, "main").text).group(0)
    assert "Yanis" not in driver.find_element(By.TAG_NAME, "main").text
    logout(driver)

    driver.get(url(link))
    assert "Yanis P" in driver.find_element(By.TAG_NAME, "main").text
    check_page(driver, axe_violations, served_html, nu_errors, "page du partenaire")
    choice = driver.find_element(By.CSS_SELECTOR, "input[name='reponse'][value='venue']")
    choice.send_keys(Keys.SPACE)
    submit(driver, "form[action^='/partenaire/']")
    assert "Réponse enregistrée : La personne est venue" in driver.find_element(By.TAG_NAME, "main").text
    check_page(driver, axe_violations, served_html, nu_errors, "page du partenaire (répondue)")

    login("admin", DEMO["admin"])
    driver.get(url("/admin/jetons"))
    check_page(driver, axe_violations, served_html, nu_errors, "/admin/jetons")
    fill(driver, "nom", "Logiciel de test")
    driver.find_element(By.CSS_SELECTOR, "input[name='portees'][value='directory:read']").send_keys(Keys.SPACE)
    submit(driver, "form[action='/admin/jetons']")
    assert re.search(r"acc_[A-Za-z0-9_-]{43}", driver.find_element(By.TAG_NAME, "main").text)
    check_page(driver, axe_violations, served_html, nu_errors, "jeton créé")
    logout(driver)
