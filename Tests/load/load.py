#!/usr/bin/env python3
"""Load test of the desk on loopback: the built server, a fresh database, mixed reads and writes at a
fixed rate for several minutes. Reports errors, latency percentiles and the server's memory over time.

Standard library only. Rates are per second, spread over several signed-in agents and social workers:
  each "intake" = GET the form, POST the intake (write), GET the decision page, POST the orientation
  (write), GET the slip; each "read" = a person file (audited: a write too), the incoming list, the
  name suggestions, or the public notice.
Bordeaux receives about 500 intakes a day across its desks; 10x that over a 7-hour day is about 0.2
intakes/s. The default (1 intake/s, 8 reads/s) is 5x that 10x peak, sustained.

  Tests/load/load.py [--minutes 3] [--intakes 1.0] [--reads 8] [--binary .build/debug/accueil]
"""
from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')
PERSONS: list[str] = []


class Client:
    """One signed-in person: a keep-alive connection and a session cookie."""

    def __init__(self, port: int, login: str, password: str):
        self.port, self.cookies, self.csrf = port, {}, ""
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.request("GET", "/connexion")
        status, _, _ = self.request("POST", "/connexion", {"identifiant": login, "mot_de_passe": password})
        if status != 303:
            raise RuntimeError(f"login {login}: {status}")
        self.request("GET", "/")  # the session's CSRF token (the login page carried the anonymous one)

    def request(self, method: str, path: str, form: dict | list | None = None):
        headers = {}
        body = None
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            items = list(form.items()) if isinstance(form, dict) else list(form)
            items.append(("_csrf", self.csrf))
            from urllib.parse import urlencode
            body = urlencode(items)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: reconnect once (not an error).
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        text = data.decode("utf-8", "replace")
        match = CSRF.search(text)
        if match:
            self.csrf = match.group(1)
        return response.status, response.getheader("Location"), text


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {}
        self.errors: list[str] = []

    def record(self, kind: str, seconds: float, ok: bool, detail: str = ""):
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            if not ok:
                self.errors.append(f"{kind}: {detail}")


def timed(stats: Stats, kind: str, expected: int, call):
    start = time.perf_counter()
    try:
        status, location, text = call()
    except Exception as error:  # noqa: BLE001 - every failure counts as an error
        stats.record(kind, time.perf_counter() - start, False, repr(error))
        return None, None
    stats.record(kind, time.perf_counter() - start, status == expected, f"status {status}")
    return status, location


def intake_journey(client: Client, stats: Stats, n: int, today: str, sectors: list[str]):
    timed(stats, "GET form", 200, lambda: client.request("GET", "/accueils/nouveau"))
    children = [("enfant0_naissance", "2021-03-04")] if n % 2 else []
    form = [("date", today), ("heure", "10:30"), ("site", "ccas-cite-municipale"), ("canal", "sur_place"), ("niveau", "1"),
            ("nom", f"Charge{n}"), ("prenom", "Camille"), ("naissance", "1985-05-06"), ("telephone", "05 56 00 00 00"),
            ("adultes", "1"), ("secteur", random.choice(sectors)), ("motifs", "logement"),
            ("consentement_orientation", "1"), ("consentement_partage", "1")] + children
    status, location = timed(stats, "POST intake", 303, lambda: client.request("POST", "/accueils", form))
    if status != 303 or not location:
        return None
    start = time.perf_counter()
    status, _, text = client.request("GET", location)
    stats.record("GET decision", time.perf_counter() - start, status == 200, f"status {status}")
    person = re.search(r'href="(/personnes/\d+)"', text)
    if person:
        PERSONS.append(person.group(1))
    status, orientation = timed(stats, "POST orientation", 303, lambda: client.request("POST", location + "/orientation", {}))
    if status == 303 and orientation:
        timed(stats, "GET slip", 200, lambda: client.request("GET", orientation + "/fiche"))
    return location


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=3)
    parser.add_argument("--intakes", type=float, default=1.0, help="intake journeys per second")
    parser.add_argument("--reads", type=float, default=8.0, help="reads per second")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/accueil"))
    parser.add_argument("--out", default=os.path.join(ROOT, "test-output/load"))
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="accueil-load-")
    server = subprocess.Popen([args.binary, "serve", "--port", "0", "--quiet", "--db", f"{workdir}/load.sqlite",
                               "--resources", f"{ROOT}/Resources", "--public", f"{ROOT}/Public"],
                              stderr=subprocess.PIPE, text=True)
    port = None
    for line in server.stderr:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
            break
    threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()
    if port is None:
        print("server did not start", file=sys.stderr)
        return 1
    try:
        return run(args, server.pid, port)
    finally:
        server.terminate()
        server.wait(timeout=30)


def run(args, pid: int, port: int) -> int:
    stats = Stats()
    today = datetime.date.today().isoformat()
    sectors = ["bastide", "cauderan", "grand-parc", "lac", "saint-michel"]
    agents = [Client(port, "agent", "demo-agent-accueil") for _ in range(3)]
    workers = [Client(port, "ts.mds", "demo-travailleur-mds") for _ in range(2)]
    locks = {id(c): threading.Lock() for c in agents + workers}
    intakes: list[str] = []
    memory: list[tuple[float, int]] = [(0.0, rss_kib(pid))]
    counter = iter(range(10**9))
    deadline = time.monotonic() + args.minutes * 60
    begin = time.monotonic()

    def one_intake():
        client = random.choice(agents)
        with locks[id(client)]:
            location = intake_journey(client, stats, next(counter), today, sectors)
        if location:
            intakes.append(location)

    def one_read():
        client = random.choice(workers + agents)
        with locks[id(client)]:
            choice = random.random()
            if choice < 0.2 and intakes:
                timed(stats, "GET decision", 200, lambda: client.request("GET", random.choice(intakes)))
            elif choice < 0.4 and PERSONS:
                timed(stats, "GET person file", 200, lambda: client.request("GET", random.choice(PERSONS)))
            elif choice < 0.6:
                timed(stats, "POST suggestions", 200, lambda: client.request("POST", "/personnes/suggestions", {"nom": "char"}))
            elif choice < 0.8 and client in workers:
                timed(stats, "GET incoming", 200, lambda: client.request("GET", "/orientations/recues"))
            else:
                timed(stats, "GET notice", 200, lambda: client.request("GET", "/donnees-personnelles"))

    def schedule(rate: float, action):
        interval = 1.0 / rate
        next_at = time.monotonic()
        threads = []
        while next_at < deadline:
            now = time.monotonic()
            if now < next_at:
                time.sleep(next_at - now)
            thread = threading.Thread(target=action)
            thread.start()
            threads.append(thread)
            threads = [t for t in threads if t.is_alive()]
            next_at += interval
        for thread in threads:
            thread.join()

    def sample_memory():
        while time.monotonic() < deadline:
            time.sleep(10)
            memory.append((time.monotonic() - begin, rss_kib(pid)))

    schedulers = [threading.Thread(target=schedule, args=(args.intakes, one_intake)),
                  threading.Thread(target=schedule, args=(args.reads, one_read)),
                  threading.Thread(target=sample_memory, daemon=True)]
    for thread in schedulers:
        thread.start()
    for thread in schedulers[:2]:
        thread.join()
    elapsed = time.monotonic() - begin
    memory.append((elapsed, rss_kib(pid)))

    total = sum(len(v) for v in stats.latencies.values())
    print(f"{elapsed:.0f} s, {total} requests ({total / elapsed:.1f}/s), {len(intakes)} intakes, {len(stats.errors)} errors")
    print(f"{'request':18} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, values in sorted(stats.latencies.items()):
        print(f"{kind:18} {len(values):6} {percentile(values, .5):8.1f} {percentile(values, .95):8.1f} {percentile(values, .99):8.1f} {max(values) * 1000:8.1f}")
    third = max(1, len(memory) // 3)
    early = sum(m for _, m in memory[1:third + 1]) / third
    late = sum(m for _, m in memory[-third:]) / third
    print("server RSS (MiB) over time: " + ", ".join(f"{t:.0f}s={m / 1024:.1f}" for t, m in memory))
    print(f"RSS first third {early / 1024:.1f} MiB, last third {late / 1024:.1f} MiB")
    for error in stats.errors[:10]:
        print("  error:", error)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "summary.json"), "w") as out:
        json.dump({"seconds": elapsed, "requests": total, "intakes": len(intakes), "errors": stats.errors,
                   "latency_ms": {k: {"count": len(v), "p50": percentile(v, .5), "p95": percentile(v, .95), "p99": percentile(v, .99)}
                                  for k, v in stats.latencies.items()},
                   "rss_kib": memory}, out, indent=2)
    return 0 if not stats.errors else 1


if __name__ == "__main__":
    sys.exit(main())
