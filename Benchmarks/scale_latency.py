#!/usr/bin/env python3
"""Latency of the routes that must stay fast with ten years of data (issue 6), against a running
accueil: the figures page (one year, all years), the figures API, the name search while typing,
and the intake POST → 303. Standard library only; one persistent connection per worker.

usage: scale_latency.py BASE_URL [--requests N] [--concurrency C] [--json OUT]
Prints one line per route: count, p50, p95, p99, max (ms), errors, and the target of the issue.
"""
from __future__ import annotations

import argparse
import datetime
import http.client
import json
import random
import re
import string
import threading
import time
import urllib.parse

SYLLABLES = ["ba", "bel", "ca", "dar", "do", "fa", "gan", "lo", "mar", "mi", "na", "ni", "ol", "pa", "ra", "ri",
             "sa", "so", "ta", "tin", "va", "ve", "zo", "leau", "mont", "ron", "lin", "det", "bert", "card"]
PASSWORDS = {"agent": "demo-agent-accueil", "responsable": "demo-responsable-planning"}


class Client:
    """A signed-in browser: cookies, the session's CSRF token, one keep-alive connection."""

    def __init__(self, base: str, login: str):
        parsed = urllib.parse.urlparse(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        page = self.request("GET", "/connexion")[2]
        token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        status, _, _ = self.request("POST", "/connexion", {"identifiant": login, "mot_de_passe": PASSWORDS[login], "_csrf": token})
        assert status == 303, f"login {login}: {status}"
        self.csrf = re.search(r'name="_csrf" value="([^"]+)"', self.request("GET", "/")[2]).group(1)

    def request(self, method: str, path: str, form: dict[str, str] | list[tuple[str, str]] | None = None):
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheaders(), data.decode("utf-8", "replace")


def today() -> datetime.date:
    return datetime.date.today()


def intake_form(csrf: str) -> list[tuple[str, str]]:
    # An invented name nobody else has: no "known person" question, straight to 303.
    last = "".join(random.choices(string.ascii_lowercase, k=10)).capitalize()
    return [("date", today().isoformat()), ("heure", "10:30"), ("site", "ccas-cite-municipale"), ("canal", "sur_place"),
            ("niveau", "1"), ("nom", last), ("prenom", "Bench"), ("adultes", "1"), ("enfant0_naissance", "2021-06-01"),
            ("enfant0_charge", "oui"), ("enfant0_france", "oui"), ("secteur", "bastide"), ("motifs", "logement"),
            ("consentement_orientation", "1"), ("_csrf", csrf)]


def measure(clients: list[Client], make_request, expected: int, count: int):
    """`count` requests spread over the clients, one thread each; all warm up, then start together."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [count]
    ready = threading.Barrier(len(clients))

    def worker(client: Client):
        nonlocal errors
        for _ in range(5):  # warm-up: connection, page cache
            method, path, form = make_request(client)
            client.request(method, path, form)
        ready.wait()
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            method, path, form = make_request(client)
            start = time.perf_counter()
            status, _, _ = client.request(method, path, form)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                latencies.append(elapsed)
                if status != expected:
                    errors += 1

    threads = [threading.Thread(target=worker, args=(client,)) for client in clients]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(round(p / 100 * (len(latencies) - 1))))]

    return {"count": len(latencies), "p50": pct(50), "p95": pct(95), "p99": pct(99), "max": latencies[-1], "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()
    end = today()
    year = (end - datetime.timedelta(days=364)).isoformat()
    first = (end - datetime.timedelta(days=365 * args.years)).isoformat()

    def prefix() -> str:
        word = random.choice(SYLLABLES) + random.choice(SYLLABLES)
        return word[: random.randint(2, 5)].capitalize()

    routes = [
        ("figures page, one year (compared)", "responsable", 200, 100,
         lambda c: ("GET", f"/statistiques?du={year}&au={end}&site=&comparer=1", None)),
        ("figures page, all years (compared)", "responsable", 200, 100,
         lambda c: ("GET", f"/statistiques?du={first}&au={end}&site=&comparer=1", None)),
        ("figures page, one year, one site", "responsable", 200, 100,
         lambda c: ("GET", f"/statistiques?du={year}&au={end}&site=ccas-cite-municipale&comparer=1", None)),
        ("figures API, all years", "responsable", 200, 100,
         lambda c: ("GET", f"/api/v1/stats?from={first}&to={end}", None)),
        ("bilan page, one year (compared)", "responsable", 200, 100,
         lambda c: ("GET", f"/statistiques/bilan?du={year}&au={end}&site=&comparer=1", None)),
        ("bilan API, all years", "responsable", 200, 100,
         lambda c: ("GET", f"/api/v1/stats/bilan?from={first}&to={end}", None)),
        ("bilan .odt, one year", "responsable", 200, 100,
         lambda c: ("GET", f"/statistiques/bilan.odt?du={year}&au={end}", None)),
        ("name search while typing", "agent", 200, 30,
         lambda c: ("POST", "/personnes/suggestions", {"nom": prefix(), "_csrf": c.csrf})),
        ("intake POST -> 303", "agent", 303, 20,
         lambda c: ("POST", "/accueils", intake_form(c.csrf))),
    ]
    # Signed in once, one after the other, before any measure: a login hashes with Argon2id (64 MiB,
    # about half a second of CPU), which must not overlap the requests measured.
    clients = {login: [Client(args.base, login) for _ in range(args.concurrency)] for login in PASSWORDS}
    results = {}
    print(f"{'route':40} {'n':>5} {'p50':>8} {'p95':>8} {'p99':>8} {'max':>8} {'err':>4}  target p95")
    for name, login, expected, target, make in routes:
        count = args.requests * (3 if "search" in name else 1)
        r = measure(clients[login], make, expected, count)
        r["target_ms"] = target
        r["ok"] = r["p95"] < target and r["errors"] == 0
        results[name] = r
        print(f"{name:40} {r['count']:5d} {r['p50']:8.2f} {r['p95']:8.2f} {r['p99']:8.2f} {r['max']:8.2f} {r['errors']:4d}"
              f"  < {target} ms {'ok' if r['ok'] else 'MISSED'}", flush=True)
    if args.json:
        with open(args.json, "w") as out:
            json.dump(results, out, indent=2)


if __name__ == "__main__":
    main()
