"""Helpers shared by the planning checks: signing in with a demo account, the next working Friday."""
from __future__ import annotations

import datetime as dt
import re

import requests

# The demo accounts (DemoAccounts.swift); their passwords are public on purpose, demo mode only.
PASSWORDS = {
    "agent": "demo-agent-accueil",
    "responsable": "demo-responsable-planning",
}

# Fixed French public holidays (month, day); Easter-based ones never fall on a Friday.
FIXED_HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}


def sign_in(driver, login, who: str) -> None:
    """Signs the browser in as `who` (conftest's `login` fixture), leaving any previous session first."""
    driver.delete_all_cookies()
    login(who, PASSWORDS[who])


def signed_in_session(base_url: str, login: str) -> requests.Session:
    """A requests.Session signed in through the login form (anonymous CSRF cookie + token)."""
    session = requests.Session()
    page = session.get(f"{base_url}/connexion", timeout=10)
    token = re.search(r'name="_csrf" value="([^"]+)"', page.text).group(1)
    # requests' cookie jar is unreliable with IP-address hosts: send the cookies by hand.
    cookies = "; ".join(f"{c.name}={c.value}" for c in session.cookies)
    response = session.post(f"{base_url}/connexion", data={"_csrf": token, "identifiant": login, "mot_de_passe": PASSWORDS[login]},
                            headers={"Cookie": cookies}, allow_redirects=False, timeout=10)
    assert response.status_code == 303, response.status_code
    session_cookie = re.search(r"accueil_session=([^;]+)", response.headers["Set-Cookie"]).group(1)
    signed = requests.Session()
    signed.headers["Cookie"] = f"accueil_session={session_cookie}"
    return signed


def next_working_friday(today: dt.date | None = None) -> dt.date:
    day = (today or dt.date.today()) + dt.timedelta(days=1)
    while day.weekday() != 4 or (day.month, day.day) in FIXED_HOLIDAYS:
        day += dt.timedelta(days=1)
    return day
