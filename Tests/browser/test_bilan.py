"""« Bilan de l'accueil commun » in Chromium: axe and Nu clean, the managers' texts written with the
keyboard and saved, printed to PDF on A4 with page numbers and the monthly chart on one page, and the
OpenDocument copy opened by a real ODF reader (odfpy, pinned in requirements.txt)."""
from __future__ import annotations

import datetime
import io
import re
import subprocess

from odf import opendocument, teletype
from odf.table import Table, TableCell
from odf.text import H
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import OUTPUT_DIR, format_violations
from test_slip import print_pdf
from test_statistics import RESPONSABLE


def bilan_query() -> str:
    """From the first of January to the end of last month: whole months the demo data fills."""
    today = datetime.date.today()
    last = today.replace(day=1) - datetime.timedelta(days=1)
    first = datetime.date(last.year, 1, 1)
    return f"du={first.isoformat()}&au={last.isoformat()}"


def test_bilan_prints_on_a4_and_its_texts_are_saved(driver, url, login, axe_violations, served_html, nu_errors, screenshot):
    login("responsable", RESPONSABLE)
    driver.get(url("/statistiques/bilan?" + bilan_query()))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Bilan de l'accueil commun"
    assert not driver.find_elements(By.CSS_SELECTOR, "script"), "the bilan needs no script"
    violations = axe_violations(driver)
    assert violations == [], f"axe on the bilan:\n{format_violations(violations)}"
    errors = nu_errors(served_html(driver))
    assert errors == [], "Nu validator on the bilan:\n" + "\n".join(errors)

    # The context, typed and sent with the keyboard alone.
    context = driver.find_element(By.ID, "f-contexte")
    context.click()
    context.send_keys("Année des permanences croisées à la Cité et dans les MDS.")
    driver.find_element(By.ID, "f-vigilance").send_keys("Publics seniors ; procédures d'expulsion.")
    driver.find_element(By.ID, "f-vigilance").send_keys(Keys.TAB, Keys.ENTER)
    assert "Textes du bilan enregistrés." in driver.find_element(By.CSS_SELECTOR, ".notice.success").text
    assert "Année des permanences croisées" in driver.find_element(By.ID, "f-contexte").text
    screenshot(driver, "bilan")

    pages, text, _ = print_pdf(driver, "bilan")
    assert pages >= 2, pages
    # Page numbers from the print stylesheet's page margin boxes, on every page.
    assert f"page 1 sur {pages}" in text and f"page {pages} sur {pages}" in text, text[-400:]
    assert "Points de vigilance" in text and "Publics seniors" in text
    assert "Télécharger" not in text and "Enregistrer les textes" not in text, "the forms are not printed"
    # The monthly chart is not cut: all its month labels are on one page.
    path = OUTPUT_DIR / "slip-bilan.pdf"
    pages_with_labels = set()
    for page in range(1, pages + 1):
        page_text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                                   check=True, capture_output=True, text=True).stdout
        if re.search(r"\b(janv|févr|mars|avri|mai|juin|juil|août|sept|octo|nove|déce) \d\d\b", page_text):
            pages_with_labels.add(page)
    assert len(pages_with_labels) == 1, pages_with_labels


def test_bilan_opens_in_an_odf_reader(driver, url, login, http_session):
    login("responsable", RESPONSABLE)
    session = http_session(driver)
    answer = session.get(url("/statistiques/bilan.odt?" + bilan_query()), timeout=30)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/vnd.oasis.opendocument.text"
    (OUTPUT_DIR / "bilan.odt").write_bytes(answer.content)
    document = opendocument.load(io.BytesIO(answer.content))
    headings = [teletype.extractText(h) for h in document.getElementsByType(H)]
    assert headings[0] == "Bilan de l'accueil commun"
    for title in ("Contexte", "Les deux systèmes de permanences", "Flux mensuel", "Points de vigilance"):
        assert title in headings, headings
    tables = document.getElementsByType(Table)
    assert len(tables) >= 8, len(tables)
    cells = [teletype.extractText(cell) for cell in document.getElementsByType(TableCell)]
    assert "155" in cells and "421" in cells, "the experiment's reference column"
