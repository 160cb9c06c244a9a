"""Public pages in Chromium: title, screenshot, accessibility (axe), HTML validity (Nu), keyboard, print."""
from __future__ import annotations

import pytest
import requests
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from conftest import format_violations, save_print_pdf

# (name, path, HTTP status the server must answer)
PAGES = [
    pytest.param("accueil", "/", 200, id="accueil"),
    pytest.param("connexion", "/connexion", 200, id="connexion"),
    pytest.param("donnees-personnelles", "/donnees-personnelles", 200, id="donnees-personnelles"),
    pytest.param("404", "/cette-page-n-existe-pas", 404, id="404"),
]


@pytest.mark.parametrize("name,path,status", PAGES)
def test_page_loads_with_title(driver, url, screenshot, name, path, status):
    response = requests.get(url(path), timeout=10)
    assert response.status_code == status
    assert response.headers["Content-Type"].startswith("text/html")

    driver.get(url(path))
    WebDriverWait(driver, 10).until(EC.presence_of_element_located((By.TAG_NAME, "main")))
    assert "Accueil commun" in driver.title
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    # the stylesheet was applied (a CSP or path mistake would leave the header unstyled)
    header = driver.find_element(By.CSS_SELECTOR, "body > header")
    assert header.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    screenshot(driver, name)


@pytest.mark.parametrize("name,path,status", PAGES)
def test_page_has_no_axe_violations(axe_violations, name, path, status):
    violations = axe_violations(path)
    assert violations == [], f"axe-core (WCAG 2.1 A/AA) on {path}:\n{format_violations(violations)}"


@pytest.mark.parametrize("name,path,status", PAGES)
def test_page_is_valid_html(driver, url, served_html, nu_errors, name, path, status):
    driver.get(url(path))
    html = served_html(driver)
    assert html.lstrip().lower().startswith("<!doctype html>"), html[:200]
    errors = nu_errors(html)
    assert errors == [], f"Nu HTML validator on {path}:\n" + "\n".join(errors)


@pytest.mark.parametrize("name,path,status", PAGES)
def test_first_tab_focuses_skip_link(driver, url, name, path, status):
    driver.get(url(path))
    ActionChains(driver).send_keys(Keys.TAB).perform()
    focused = driver.switch_to.active_element
    assert focused.tag_name == "a", f"first Tab focused <{focused.tag_name}>: {focused.get_attribute('outerHTML')[:200]}"
    assert focused.text.strip() == "Aller au contenu"
    # visible on screen while focused (it is moved off-screen otherwise)
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return {x: r.left, y: r.top, w: r.width, h: r.height,"
                                 " vw: innerWidth, vh: innerHeight};", focused)
    assert rect["w"] > 0 and rect["h"] > 0 and 0 <= rect["x"] < rect["vw"] and 0 <= rect["y"] < rect["vh"], rect
    target = focused.get_attribute("href").split("#", 1)[1]

    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 5).until(lambda d: d.switch_to.active_element.get_attribute("id") == target)
    main = driver.switch_to.active_element
    assert main.tag_name == "main"


@pytest.mark.parametrize("name,path,status", PAGES)
def test_print_hides_header(driver, url, name, path, status):
    driver.get(url(path))
    header = driver.find_element(By.CSS_SELECTOR, "body > header")
    main = driver.find_element(By.TAG_NAME, "main")
    assert header.is_displayed(), "header hidden on screen"

    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not header.is_displayed(), "the print stylesheet leaves the header visible"
        assert main.is_displayed(), "the print stylesheet hides the main content"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    save_print_pdf(driver, f"{name}-print")
