"""Mail to partners through a real SMTP server: `aiosmtpd` (pinned in requirements.txt) listens on the
loopback, `accueil serve --smtp-url` sends through it from its queue, the test reads the mail, follows
the link as the partner would and answers; then the SMTP server is stopped, a second mail waits in
the queue (« en attente ») and leaves once the server is back (retries with back-off, scaled down
here). Run by Tests/deploy/run.sh with the venv's Python."""
from __future__ import annotations

import base64
import email
import email.header
import re
import shutil
import sqlite3
import sys
import tempfile
import time
import unittest
from pathlib import Path

from aiosmtpd.controller import Controller

from test_deployment import Client, free_port, start_server


class Inbox:
    """An aiosmtpd handler keeping every message received."""

    def __init__(self):
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted"


def wait_until(predicate, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


class MailToPartners(unittest.TestCase):
    def test_a_partner_gets_the_mail_answers_and_the_queue_retries(self):
        directory = Path(tempfile.mkdtemp(prefix="accueil-mail."))
        smtp_port, app_port = free_port(), free_port()
        inbox = Inbox()
        relay = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
        relay.start()
        server = start_server(directory, app_port, "--smtp-url", f"smtp://127.0.0.1:{smtp_port}", "--smtp-tls", "none",
                              "--mail-from", "accueil@example.org", "--mail-retry-scale", "0.02")
        try:
            database = directory / "accueil.sqlite"
            # The administrator gave the PLAJe's address (the edit page is tested elsewhere).
            with sqlite3.connect(database) as db:
                db.execute("UPDATE directory_services SET data = json_set(data, '$.courriel', 'plaje@example.org') WHERE id = 'plaje-accueil-jeunes'")
            agent = Client(app_port)
            response, _ = agent.log_in("agent", "demo-agent-accueil")
            self.assertEqual(response.status, 303)

            def oriented(first_name: str) -> str:
                agent.request("GET", "/accueils/nouveau")
                response, _ = agent.request("POST", "/accueils", {
                    "date": time.strftime("%Y-%m-%d"), "heure": "10:00", "site": "ccas-cite-municipale", "canal": "sur_place", "niveau": "1",
                    "personne": "nouveau", "nom": "Courriel", "prenom": first_name, "naissance": "2005-02-01", "adultes": "1", "secteur": "lac",
                    "commune": "Bordeaux", "motifs": "logement", "consentement_orientation": "1", "consentement_partage": "1"})
                self.assertEqual(response.status, 303)
                decision = response.getheader("Location")
                agent.request("GET", decision)
                response, _ = agent.request("POST", decision + "/orientation", {})
                self.assertEqual(response.status, 303)
                path = response.getheader("Location")
                agent.request("GET", path)
                response, _ = agent.request("POST", path + "/partenaires", {"service": "plaje-accueil-jeunes", "envoi": "envoi"})
                self.assertEqual(response.status, 303)
                return path

            first = oriented("Inès")
            message = wait_until(lambda: inbox.messages[0] if inbox.messages else None)
            self.assertEqual(message["To"], "plaje@example.org")
            self.assertEqual(message["From"], "accueil@example.org")
            subject = str(email.header.make_header(email.header.decode_header(message["Subject"])))
            self.assertTrue(subject.startswith("Orientation AC-"), subject)
            body = base64.b64decode(message.get_payload()).decode("utf-8")
            self.assertIn("Inès C", body)
            self.assertNotIn("Courriel", body.replace("Ne transférez pas ce courriel", ""))
            link = re.search(r"http://127\.0\.0\.1:\d+(/partenaire/[A-Za-z0-9_-]{43})", body).group(1)
            _, page = agent.request("GET", first)
            self.assertIn("Courriel envoyé", page)

            partner = Client(app_port)
            response, page = partner.request("GET", link)
            self.assertEqual(response.status, 200)
            self.assertIn("Inès C", page)
            response, _ = partner.request("POST", link, {"reponse": "venue"})
            self.assertEqual(response.status, 303)
            _, page = agent.request("GET", first)
            self.assertIn("La personne est venue", page)

            # The relay goes away: the next mail waits, and leaves when it is back.
            relay.stop()
            second = oriented("Noé")
            def attempts():
                with sqlite3.connect(database) as db:
                    return db.execute("SELECT attempts FROM mail_queue WHERE status = 'en_attente'").fetchone()
            self.assertGreaterEqual(wait_until(lambda: (attempts() or [0])[0] >= 1 and attempts())[0], 1)
            _, page = agent.request("GET", second)
            self.assertIn("Courriel en attente", page)
            relay = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
            relay.start()
            wait_until(lambda: len(inbox.messages) == 2, timeout=30)
            _, page = agent.request("GET", second)
            self.assertIn("Courriel envoyé", page)
            print(f"\n  mail: delivered through aiosmtpd; after the relay came back, the queued mail left after "
                  f"{attempts_made(database)} attempt(s)")
        finally:
            relay.stop()
            server.terminate()
            server.wait(timeout=20)
            shutil.rmtree(directory, ignore_errors=True)


def attempts_made(database: Path) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT max(attempts) FROM mail_queue").fetchone()[0]


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v", *sys.argv[1:]], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
