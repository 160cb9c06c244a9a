"""The fiche d'orientation as the person gets it: printed by Chromium to PDF (the users print from their
browser), in French alone and beside each translated language. The PDF's own text (pdftotext) carries
no internal term and the translated title; every script has a real, embedded font (pdffonts); the
page passes axe and the Nu validator."""
from __future__ import annotations

import base64
import datetime
import json
import re
import subprocess

import pytest
from selenium.webdriver.common.print_page_options import PrintOptions

from conftest import OUTPUT_DIR, ROOT, format_violations

SLIP_DIR = ROOT / "Resources" / "slip"
TRANSLATIONS = sorted(p.stem for p in SLIP_DIR.glob("*.json") if p.stem != "fr")

# Whole words; acronyms case-sensitive (« AS » is inside « pas »). The main terms of PersonSlipTests (which checks 512 households).
ACRONYMS = ["CRIP", "PTS", "ASE", "AS", "IP"]
WORDS = ["circonscription", "secteur", "relève", "information préoccupante", "danger", "alerte", "violence", "violences",
         "dérogation", "justification", "à confirmer", "indicatifs", "Non renseigné"]


def forbidden(text: str) -> list[str]:
    def found(term: str, flags: int) -> bool:
        return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, flags) is not None
    return [t for t in ACRONYMS if found(t, 0)] + [t for t in WORDS if found(t, re.IGNORECASE)]


def csrf(html: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)


def oriented_slip_url(session, url, language: str | None, name: str) -> str:
    """A family with a child who may be in danger and a domestic-violence motive, oriented with a booking."""
    today = datetime.date.today()
    form = session.get(url("/accueils/nouveau")).text
    fields = [("_csrf", csrf(form)), ("date", today.isoformat()), ("heure", "10:30"), ("site", "ccas-cite-municipale"),
              ("canal", "sur_place"), ("niveau", "1"), ("nom", name), ("prenom", "Amal"), ("naissance", "1990-04-12"),
              ("telephone", "06 12 34 56 78"), ("adultes", "1"), ("enfant0_naissance", (today.replace(day=1) - datetime.timedelta(days=900)).isoformat()),
              ("enfant0_charge", "oui"), ("enfant0_france", "oui"), ("secteur", "bastide"), ("motifs", "logement"),
              ("motifs", "violences-intrafamiliales"), ("enfant_danger", "1"), ("accessibilite", "fauteuil"),
              ("consentement_orientation", "1"), ("consentement_partage", "1"), ("personne", "nouveau")]
    if language:
        fields += [("langue", language), ("interprete", "1")]
    saved = session.post(url("/accueils"), data=fields, allow_redirects=False)
    assert saved.status_code == 303, saved.text[:500]
    decision = saved.headers["Location"]
    page = session.get(url(decision)).text
    slot = (today + datetime.timedelta(days=5)).isoformat()
    confirmed = session.post(url(decision + "/orientation"), allow_redirects=False,
                             data=[("_csrf", csrf(page)), ("reservation", "rendez_vous"), ("reservation_date", slot), ("reservation_heure", "14:30")])
    assert confirmed.status_code == 303, confirmed.text[:500]
    return confirmed.headers["Location"] + "/fiche"


def print_pdf(driver, name: str):
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(driver.print_page(options))
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / f"slip-{name}.pdf"
    path.write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    fonts = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    return pages, text, fonts


@pytest.mark.parametrize("language", [None] + TRANSLATIONS)
def test_printed_slip_is_for_the_person_in_french_and_their_language(
        driver, url, login, http_session, axe_violations, served_html, nu_errors, screenshot, language):
    login("agent", "demo-agent-accueil")
    slip = oriented_slip_url(http_session(driver), url, language, f"Nadir{language or 'fr'}")
    driver.get(url(slip))
    name = language or "fr"
    violations = axe_violations(driver)
    assert violations == [], f"axe on the {name} slip:\n{format_violations(violations)}"
    errors = nu_errors(served_html(driver))
    assert errors == [], f"Nu validator on the {name} slip:\n" + "\n".join(errors)
    screenshot(driver, f"slip-{name}")

    pages, text, fonts = print_pdf(driver, name)
    assert pages == (1 if language is None else 2), f"the {name} slip prints on {pages} pages (one sheet, both sides when translated)"
    assert "Fiche d'orientation" in text and "Amal N." in text
    assert forbidden(text) == [], f"the printed {name} slip says {forbidden(text)}"
    for private in ("1990", "06 12 34 56 78", "fauteuil", "NADIR"):
        assert private not in text, private
    # Every font is embedded, none is a Type 3 bitmap stand-in.
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all("yes" in row[-5:-2] for row in rows), fonts
    assert not any("Type" in row and "3" in row for row in rows), fonts
    if language:
        texts = json.loads((SLIP_DIR / f"{language}.json").read_text(encoding="utf-8"))
        # pdftotext gives right-to-left text in visual order: compare without spaces, in both orders.
        title = texts["title"].replace(" ", "")
        flat = text.replace(" ", "")
        assert title in flat or title[::-1] in flat, f"the translated title {texts['title']!r} is not in the {name} PDF"
        assert forbidden(text) == []
        if language == "ar":
            assert "Arabic" in fonts, f"Arabic is printed with an Arabic font:\n{fonts}"
