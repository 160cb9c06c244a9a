"""The API against its own description, with the real contract-testing tool: `schemathesis` (pinned
in requirements.txt) reads GET /api/v1/openapi.json from a running `accueil serve` and calls every
operation with generated data — valid and invalid — under a token created by `accueil token add`,
checking that no call fails on the server, that every status, content type, header and body is the
one documented, that invalid data is refused and that a call without the token is refused. The
number of examples per operation is bounded (SCHEMATHESIS_EXAMPLES, default 100, a few seconds) to keep `make test`
short. Run by Tests/deploy/run.sh."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

from test_deployment import ACCUEIL, ROOT, free_port, start_server

SCHEMATHESIS = os.environ.get("SCHEMATHESIS_BIN", str(ROOT / ".venv-deploy/bin/schemathesis"))
EXAMPLES = os.environ.get("SCHEMATHESIS_EXAMPLES", "100")
# Cross-field rules no schema can state (a commune in the table on the day, a child born before the
# reference date, a site id of the directory) refuse some data the schema allows: those answers are
# documented 400s, so « positive data acceptance » is not asked of the API.
CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance", "response_headers_conformance",
          "response_schema_conformance", "negative_data_rejection", "ignored_auth", "unsupported_method"]


class SchemathesisAgainstTheServer(unittest.TestCase):
    def test_every_operation_keeps_its_contract(self):
        directory = Path(tempfile.mkdtemp(prefix="accueil-api."))
        server = None
        try:
            database = directory / "accueil.sqlite"
            subprocess.run([ACCUEIL, "migrate", "--db", str(database)], check=True, capture_output=True)
            scopes = ["orientation:evaluate", "directory:read", "stats:read"]
            created = subprocess.run([ACCUEIL, "token", "add", "--name", "Contrat OpenAPI", "--days", "1", "--db", str(database)]
                                     + [arg for scope in scopes for arg in ("--scope", scope)], check=True, capture_output=True, text=True)
            token = created.stdout.strip()
            self.assertRegex(token, r"^acc_[A-Za-z0-9_-]{43}$")
            port = free_port()
            # The rate limit is the only thing raised: the generated calls come faster than any partner's.
            server = start_server(directory, port, "--api-rate", "100000")
            result = subprocess.run(
                [SCHEMATHESIS, "--no-color", "run", f"http://127.0.0.1:{port}/api/v1/openapi.json", "--header", f"Authorization: Bearer {token}",
                 "--checks", ",".join(CHECKS), "--max-examples", EXAMPLES, "--seed", "20261205",
                 "--suppress-health-check", "all", "--request-timeout", "10"],
                capture_output=True, text=True, timeout=900, cwd=directory)
            report = result.stdout[-6000:] + result.stderr[-2000:]
            print("\n  schemathesis: " + " ".join(line.strip() for line in result.stdout.splitlines() if "generated" in line))
            self.assertEqual(result.returncode, 0, report)
        finally:
            if server:
                server.terminate()
                server.wait(timeout=20)
            shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    result = unittest.main(argv=[sys.argv[0], "-v", *sys.argv[1:]], exit=False).result
    sys.exit(0 if result.wasSuccessful() else 1)
