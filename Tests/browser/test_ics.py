"""The ICS feeds parsed back by a real iCalendar parser (icalendar, RFC 5545)."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planning_support import signed_in_session

PARIS = ZoneInfo("Europe/Paris")
FEEDS = [
    pytest.param("/planning/ics/travailleurs/ts-ccas-2.ics", id="travailleur"),
    pytest.param("/planning/ics/sites/ccas-cite-municipale.ics", id="site"),
]


@pytest.fixture(scope="module")
def agent(base_url):
    return signed_in_session(base_url, "agent")


def events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return [component for component in calendar.walk("VEVENT")]


@pytest.mark.parametrize("path", FEEDS)
def test_feed_parses_with_paris_times_and_stable_uids(agent, base_url, path):
    response = agent.get(base_url + path, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    found = events(calendar)
    assert len(found) > 20
    uids = [str(event["UID"]) for event in found]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith("@accueil-commun") for uid in uids)
    for event in found:
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.tzinfo is not None and end > start
        # Europe/Paris wall time: +01:00 in winter, +02:00 in summer.
        assert start.utcoffset() == start.astimezone(PARIS).utcoffset()
        assert start.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))
        assert str(event["STATUS"]) in ("CONFIRMED", "CANCELLED")
        assert str(event["SUMMARY"]).startswith(("Permanence", "ANNULÉE – Permanence"))
    # A second download gives the same events: subscribed calendars replace rather than duplicate.
    again = icalendar.Calendar.from_ical(agent.get(base_url + path, timeout=10).content)
    assert sorted(str(e["UID"]) for e in events(again)) == sorted(uids)


def test_a_public_holiday_is_a_cancelled_event(agent, base_url):
    """The Cité Municipale hosts an afternoon every weekday, so any holiday on a weekday shows up."""
    calendar = icalendar.Calendar.from_ical(agent.get(base_url + "/planning/ics/sites/ccas-cite-municipale.ics", timeout=10).content)
    cancelled = [e for e in events(calendar) if str(e["STATUS"]) == "CANCELLED"]
    assert cancelled, "no cancelled event in six months of weekday afternoons"
    assert all(str(e["SUMMARY"]).startswith("ANNULÉE – ") for e in cancelled)
    assert any("Jour férié" in str(e["DESCRIPTION"]) for e in cancelled)


def test_feeds_need_a_session(base_url):
    import requests
    response = requests.get(base_url + "/planning/ics/sites/ccas-cite-municipale.ics", allow_redirects=False, timeout=10)
    assert response.status_code == 303


def test_a_subscription_link_gives_the_same_calendar_without_a_session(agent, base_url):
    """What Outlook or Thunderbird does: subscribe by URL, no cookie, then the link is revoked."""
    import re
    import requests
    week = agent.get(base_url + "/planning/travailleurs/ts-ccas-2/semaine", timeout=10)
    token = re.search(r'name="_csrf" value="([^"]+)"', week.text).group(1)
    created = agent.post(base_url + "/planning/abonnements", data={"_csrf": token, "type": "travailleur", "sujet": "ts-ccas-2"},
                         allow_redirects=False, timeout=10)
    assert created.status_code == 303   # to the page that shows the link once
    created = agent.get(base_url + created.headers["Location"], allow_redirects=False, timeout=10)
    assert created.status_code == 200
    link = re.search(r'<code class="subscription-url">([^<]+)</code>', created.text).group(1)
    assert re.fullmatch(r"https?://[^/]+/agenda/[A-Za-z0-9_-]{43}\.ics", link)

    response = requests.get(link, allow_redirects=False, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers
    by_link = sorted(str(e["UID"]) for e in events(icalendar.Calendar.from_ical(response.content)))
    by_session = sorted(str(e["UID"]) for e in events(icalendar.Calendar.from_ical(
        agent.get(base_url + "/planning/ics/travailleurs/ts-ccas-2.ics", timeout=10).content)))
    assert by_link and by_link == by_session

    listing = agent.get(base_url + "/planning/abonnements", timeout=10).text
    assert link.rsplit("/", 1)[1][:-4] not in listing
    revoke = re.findall(r'action="(/planning/abonnements/\d+/revoquer)"', listing)[0]
    token = re.search(r'name="_csrf" value="([^"]+)"', listing).group(1)
    assert agent.post(base_url + revoke, data={"_csrf": token}, allow_redirects=False, timeout=10).status_code == 303
    gone = requests.get(link, allow_redirects=False, timeout=10)
    assert gone.status_code == 404 and gone.text == "Not Found"
