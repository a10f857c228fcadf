"""sextant_client against a real Sextant server (`node packages/cli/dist/main.js serve`)
started by the tests on a temporary SQLite data directory, its clock pinned with SEXTANT_NOW.

Run from the repository root after `npm run build`:
    python3 -m unittest discover -s clients/python/tests
"""

from __future__ import annotations

import datetime as dt
import http.server
import json
import os
import re
import resource
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.error
import urllib.request
import warnings
from typing import Any, Dict, List, Optional, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CLIENT_DIR))
CLI_MAIN = os.path.join(REPO, "packages", "cli", "dist", "main.js")
sys.path.insert(0, CLIENT_DIR)

from sextant_client import (  # noqa: E402
    ManualRunWarning,
    Sextant,
    SextantError,
    detect_ci_environment,
)

#: packages/server/test/support/test-now.ts's DEFAULT_TEST_NOW (SEXTANT_TEST_NOW moves it).
DEFAULT_TEST_NOW = "2026-11-18T10:00:00.000Z"


def _test_now() -> dt.datetime:
    text = (os.environ.get("SEXTANT_TEST_NOW") or "").strip() or DEFAULT_TEST_NOW
    if len(text) == 10:
        text = f"{text}T10:00:00.000Z"
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


TEST_NOW = _test_now()


def test_day(offset: int = 0) -> str:
    return (TEST_NOW + dt.timedelta(days=offset)).date().isoformat()


#: The variables of the machine running the tests must not leak into a simulated job.
CLEAN_ENV = {"SEXTANT_URL": "", "SEXTANT_TOKEN": "", "SEXTANT_PROJECT": ""}


def github_actions_env(sha: str, run_id: str, attempt: str = "1") -> Dict[str, str]:
    return {
        "GITHUB_ACTIONS": "true",
        "GITHUB_SHA": sha,
        "GITHUB_REF_NAME": "main",
        "GITHUB_HEAD_REF": "",
        "GITHUB_RUN_ID": run_id,
        "GITHUB_RUN_ATTEMPT": attempt,
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "acme/predictive-maintenance",
    }


class Server:
    """`sextant serve` on a free port of 127.0.0.1, with its own data directory."""

    def __init__(self) -> None:
        if not os.path.exists(CLI_MAIN):
            raise RuntimeError(f"{CLI_MAIN} is missing: run `npm run build` first")
        self.data_dir = tempfile.mkdtemp(prefix="sextant-python-client-")
        self.env = {
            **os.environ,
            "SEXTANT_DATA_DIR": self.data_dir,
            "SEXTANT_NOW": TEST_NOW.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "SEXTANT_DEMO": "0",
            "PORT": "0",
            "HOST": "127.0.0.1",
            "LOG_LEVEL": "warn",
        }
        self.env.pop("DATABASE_URL", None)
        self.cli("migrate")
        email = "lead@example.test"
        self.cli("user", "create", "--email", email, "--password-stdin", stdin="a password for the tests\n")
        self.token = self.cli("token", "create", "--user", email, "--name", "tests").strip()
        self.process = subprocess.Popen(
            ["node", CLI_MAIN, "serve"],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        output = ""
        assert self.process.stdout is not None
        for line in self.process.stdout:
            output += line
            match = re.search(r"open (http://\S+)", line)
            if match:
                self.url = match.group(1).rstrip("/")
                break
        else:
            raise RuntimeError(f"server exited before starting:\n{output}")
        # Keep reading so the server never blocks on a full pipe.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def cli(self, *args: str, stdin: str = "") -> str:
        done = subprocess.run(
            ["node", CLI_MAIN, *args], env=self.env, input=stdin, capture_output=True, text=True
        )
        if done.returncode != 0:
            raise RuntimeError(f"sextant {' '.join(args)}: {done.stderr}")
        return done.stdout

    def api(self, method: str, path: str, body: Any = None) -> Tuple[int, Any]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.url}/api/v1{path}", data=data, method=method)
        request.add_header("authorization", f"Bearer {self.token}")
        if data is not None:
            request.add_header("content-type", "application/json")
        try:
            with urllib.request.urlopen(request) as response:
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        if self.process.stdout:
            self.process.stdout.close()
        shutil.rmtree(self.data_dir, ignore_errors=True)


class LossyProxy:
    """Forwards each request to Sextant; the first one's answer is lost: the proxy closes the
    connection without answering, after Sextant stored the write."""

    def __init__(self, upstream: str) -> None:
        self.seen: List[Dict[str, Optional[str]]] = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                proxy.seen.append({"key": self.headers.get("idempotency-key"), "body": body.decode()})
                request = urllib.request.Request(upstream + self.path, data=body, method="POST")
                for name in ("authorization", "content-type", "idempotency-key"):
                    if self.headers.get(name):
                        request.add_header(name, self.headers[name])
                try:
                    with urllib.request.urlopen(request) as answer:
                        status, text = answer.status, answer.read()
                except urllib.error.HTTPError as error:
                    status, text = error.code, error.read()
                if len(proxy.seen) == 1:
                    self.close_connection = True
                    self.connection.shutdown(2)  # the answer is lost on the way back
                    return
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(text)))
                self.end_headers()
                self.wfile.write(text)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class SextantClientTest(unittest.TestCase):
    server: Server

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = Server()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.stop()

    def project(self, name: str, criterion: bool = False) -> Dict[str, str]:
        """A team, a project, a sprint holding today and a CI token; with `criterion`, a
        goal and the hit rate@10 success criterion too (packages/server/test/support/factory.ts)."""
        status, team = self.server.api("POST", "/teams", {"name": f"{name} team"})
        self.assertEqual(status, 201, team)
        status, project = self.server.api("POST", "/projects", {"teamId": team["id"], "name": name})
        self.assertEqual(status, 201, project)
        pid = project["id"]
        if criterion:
            deadline = (TEST_NOW + dt.timedelta(days=365)).date().isoformat()
            goal = {
                "statement": "Reduce monthly churn rate by 10 % in the next financial year",
                "metric": "monthly churn rate",
                "direction": "decrease",
                "baseline": 3.1,
                "targetChangePct": -10,
                "deadline": deadline,
                "unit": "%",
            }
            status, body = self.server.api("POST", f"/projects/{pid}/goals", goal)
            self.assertEqual(status, 201, body)
            success = {
                "metric": {"kind": "hit_rate_at_n", "n": 10},
                "threshold": 2,
                "evaluation": {"trainWindow": "expanding", "testWindow": "1d", "step": "1d", "horizon": "2d"},
                "valueModel": {"costMissed": 25000, "costIntervention": 800, "currency": "EUR"},
            }
            status, body = self.server.api("PUT", f"/projects/{pid}/success-criterion", success)
            self.assertEqual(status, 200, body)
        status, sprint = self.server.api(
            "POST", f"/projects/{pid}/sprints", {"startDate": test_day(-3), "endDate": test_day(10)}
        )
        self.assertEqual(status, 201, sprint)
        status, ci = self.server.api("POST", f"/projects/{pid}/ci-tokens", {"name": "GitHub Actions"})
        self.assertEqual(status, 201, ci)
        return {"id": pid, "sprint": sprint["id"], "ci_token": ci["token"]}

    def temp_dir(self) -> str:
        directory = tempfile.mkdtemp(prefix="sextant-python-client-")
        self.addCleanup(shutil.rmtree, directory, True)
        return directory

    def runs_of(self, project_id: str) -> List[Dict[str, Any]]:
        status, page = self.server.api("GET", f"/projects/{project_id}/runs?limit=200")
        self.assertEqual(status, 200, page)
        return page["items"]

    def client(self, token: str, env: Dict[str, str], url: Optional[str] = None) -> Sextant:
        return Sextant(url or self.server.url, token, env={**CLEAN_ENV, **env}, sleep=lambda s: None)

    def test_a_run_from_github_actions_with_the_ci_token_is_ci(self) -> None:
        p = self.project("Predictive maintenance", criterion=True)
        sha = "3f2a9c1d8e7b6a5f4c3d2e1f0a9b8c7d6e5f4a3b"
        sextant = self.client(p["ci_token"], github_actions_env(sha, "7012345678"))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            run = sextant.report_run(
                {"hit_rate_at_10": 0.42}, params={"model": "xgb", "lr": 0.05}, project=p["id"]
            )
        self.assertEqual([str(w.message) for w in caught], [])
        self.assertEqual(run["provenance"], "ci")
        self.assertEqual(run["commit"], sha)
        self.assertEqual(run["branch"], "main")
        self.assertEqual(run["params"], {"model": "xgb", "lr": 0.05})
        self.assertEqual(
            run["ci"],
            {
                "provider": "github-actions",
                "jobId": "7012345678-1",
                "jobUrl": "https://github.com/acme/predictive-maintenance/actions/runs/7012345678",
            },
        )
        self.assertEqual(run["sprintId"], p["sprint"])
        self.assertEqual([r["id"] for r in self.runs_of(p["id"])], [run["id"]])
        # The sprint review counts it (read with a personal token: a CI token only posts).
        review = self.client(self.server.token, {}).review(p["sprint"])
        point = next(x for x in review["points"] if x["sprintId"] == p["sprint"])
        self.assertEqual((point["bestCiValue"], point["bestRunId"]), (0.42, run["id"]))
        self.assertEqual(run["comparison"]["isBaseline"], True)

    def test_a_run_outside_ci_is_manual_and_warns_why(self) -> None:
        p = self.project("Churn model")
        # The CI token, but no CI system: no job to point at.
        local = self.client(p["ci_token"], {"SEXTANT_PROJECT": p["id"]})
        with self.assertWarns(ManualRunWarning) as warned:
            run = local.report_run({"hit_rate_at_10": 0.9}, commit="notebook-sha")
        self.assertEqual(run["provenance"], "manual")
        self.assertIn("no CI metadata (missing provider", str(warned.warning))
        # A CI job, but a personal token.
        personal = self.client(self.server.token, github_actions_env("personal-sha", "1"))
        with self.assertWarns(ManualRunWarning) as warned:
            run = personal.report_run({"hit_rate_at_10": 0.8}, project=p["id"])
        self.assertEqual(run["provenance"], "manual")
        self.assertIn(f"the token is not a CI token of project {p['id']}", str(warned.warning))
        self.assertEqual(
            sorted(r["provenance"] for r in self.runs_of(p["id"])), ["manual", "manual"]
        )

    def test_a_lost_answer_is_retried_with_one_key_and_the_run_is_stored_once(self) -> None:
        p = self.project("Demand forecast")
        proxy = LossyProxy(self.server.url)
        try:
            sextant = self.client(
                p["ci_token"], github_actions_env("retried-sha", "7012345690"), url=proxy.url
            )
            run = sextant.report_run({"hit_rate_at_10": 0.5}, project=p["id"])
        finally:
            proxy.close()
        self.assertEqual(len(proxy.seen), 2)
        keys = {s["key"] for s in proxy.seen}
        self.assertEqual(len(keys), 1)
        self.assertIsNotNone(next(iter(keys)))
        self.assertEqual(proxy.seen[0]["body"], proxy.seen[1]["body"])
        self.assertEqual(run["provenance"], "ci")
        self.assertEqual([r["id"] for r in self.runs_of(p["id"])], [run["id"]])

    def test_a_400_is_raised_with_the_field_at_fault(self) -> None:
        p = self.project("Bad input")
        sextant = self.client(p["ci_token"], github_actions_env("bad-sha", "7"))
        with self.assertRaises(SextantError) as raised:
            sextant.report_run({"hit_rate_at_10": 0.5}, evaluation="not-a-fingerprint", project=p["id"])
        error = raised.exception
        self.assertEqual(error.status, 400)
        self.assertEqual(error.code, "invalid_request")
        self.assertEqual(error.field, "evaluationFingerprint")
        self.assertIn("16 hex characters", error.message)
        self.assertEqual(self.runs_of(p["id"]), [])
        with self.assertRaises(SextantError) as missing:
            sextant.review("no-such-sprint")
        self.assertEqual((missing.exception.status, missing.exception.code), (404, "not_found"))

    def test_deployments_and_feedback_rows(self) -> None:
        p = self.project("Production")
        sextant = self.client(p["ci_token"], github_actions_env("deploy-sha", "9"))
        deployment = sextant.report_deployment("v1.2.0", "production", "succeeded", project=p["id"])
        self.assertEqual(
            (deployment["provenance"], deployment["version"], deployment["commit"]),
            ("ci", "v1.2.0", "deploy-sha"),
        )
        day = dt.date.fromisoformat(test_day(-1))
        predictions = [
            {"entity": "m0001", "period": day, "score": 0.9},
            {"entity": "m0002", "period": day, "score": 0.1, "model_version": "v0"},
        ]
        answer = sextant.upload_predictions(predictions, model_version="v1", project=p["id"])
        self.assertEqual(answer, {"received": 2, "inserted": 2, "updated": 0})
        decisions = [{"entity": "m0001", "period": day, "modelVersion": "v1", "acted": True, "reason": None}]
        self.assertEqual(sextant.upload_decisions(decisions, project=p["id"])["received"], 1)
        outcomes = iter([{"entity": "m0001", "time": TEST_NOW - dt.timedelta(hours=3), "event": "failure"}])
        self.assertEqual(sextant.upload_outcomes(outcomes, project=p["id"])["inserted"], 1)
        # A file without the model version column gets it from model_version=.
        path = os.path.join(self.temp_dir(), "p.csv")
        with open(path, "w") as f:
            f.write(f"entity,period,score\nm0003,{day},0.5\n")
        answer = sextant.upload_predictions(path, model_version="v1", project=p["id"])
        self.assertEqual(answer["inserted"], 1)
        # A bad row refuses the upload, naming the body and its line.
        with self.assertRaises(SextantError) as bad:
            sextant.upload_predictions(
                [{"entity": "m0004", "period": "not-a-day", "score": 1}], model_version="v1", project=p["id"]
            )
        self.assertEqual((bad.exception.status, bad.exception.field), (400, "body"))
        self.assertIn("line 2", bad.exception.message)

    def test_an_upload_refused_before_its_body_is_read_raises_the_answer(self) -> None:
        p = self.project("Refused")
        path = os.path.join(self.temp_dir(), "p.csv")
        with open(path, "w") as f:
            f.write("entity,period,model_version,score\n")
            line = f"m0001,{test_day(-1)},v1,0.5\n"
            f.write(line * (8 * 1024 * 1024 // len(line)))
        sextant = self.client("sxt_not_a_token", {})
        with self.assertRaises(SextantError) as raised:
            sextant.upload_predictions(path, project=p["id"])
        self.assertEqual(raised.exception.status, 401)

    def test_a_100_mb_predictions_file_is_streamed_not_read_whole(self) -> None:
        p = self.project("Bulk")
        size = 100 * 1000 * 1000
        directory = tempfile.mkdtemp()
        path = os.path.join(directory, "predictions.csv")
        rows = 0
        with open(path, "w") as f:
            f.write("entity,period,model_version,score\n")
            written = 0
            chunk: List[str] = []
            while written < size - 100:
                line = f"machine-{rows % 2000:06d},{test_day(-1 - (rows // 2000) % 300)},v1,0.{(rows * 7919) % 100000:05d}\n"
                chunk.append(line)
                written += len(line)
                rows += 1
                if len(chunk) == 2000:
                    f.write("".join(chunk))
                    chunk = []
            f.write("".join(chunk))
        try:
            self.assertGreaterEqual(os.path.getsize(path), 99_000_000)
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
            sextant = self.client(p["ci_token"], {})
            answer = sextant.upload_predictions(path, project=p["id"])
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        self.assertEqual(answer["received"], rows)
        print(
            f"\n  100 MB upload: {rows} rows, peak RSS {peak / 1024:.1f} MiB (before {before / 1024:.1f} MiB)",
            file=sys.stderr,
        )
        # The file is 95 MiB; reading it whole would put the peak above that.
        self.assertLess(peak, 40 * 1024)
        self.assertLess(peak - before, 10 * 1024)


class Flaky:
    """A local server answering each POST from a list of (status, headers, body), recording
    each request's Idempotency-Key."""

    def __init__(self, answers: List[Tuple[int, Dict[str, str], bytes]]) -> None:
        self.keys: List[Optional[str]] = []
        flaky = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                self.rfile.read(int(self.headers.get("content-length") or 0))
                flaky.keys.append(self.headers.get("idempotency-key"))
                status, headers, body = answers[min(len(flaky.keys), len(answers)) - 1]
                self.send_response(status)
                for name, value in {**headers, "content-length": str(len(body))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class RetryTest(unittest.TestCase):
    UNAVAILABLE = json.dumps(
        {"error": {"code": "database_unavailable", "message": "The database is unavailable", "details": {}}}
    ).encode()

    def test_retry_after_is_respected_bounded_and_one_key_is_sent(self) -> None:
        run = json.dumps({"id": "run_1", "provenance": "manual"}).encode()
        flaky = Flaky(
            [
                (503, {"retry-after": "2", "content-type": "application/json"}, self.UNAVAILABLE),
                (429, {"retry-after": "3600"}, b""),
                (201, {"content-type": "application/json"}, run),
            ]
        )
        slept: List[float] = []
        try:
            sextant = Sextant(flaky.url, "t", env={}, sleep=slept.append)
            with self.assertWarns(ManualRunWarning):
                answer = sextant.report_run({"auc": 0.7}, commit="c", project="p")
        finally:
            flaky.close()
        self.assertEqual(answer["id"], "run_1")
        self.assertEqual(slept, [2.0, 30.0])  # as asked; an hour is cut to 30 s
        self.assertEqual(len(flaky.keys), 3)
        self.assertEqual(len(set(flaky.keys)), 1)

    def test_the_last_answer_is_raised_when_retries_run_out(self) -> None:
        flaky = Flaky([(503, {"content-type": "application/json"}, self.UNAVAILABLE)])
        slept: List[float] = []
        try:
            sextant = Sextant(flaky.url, "t", env={}, retries=2, sleep=slept.append)
            with self.assertRaises(SextantError) as raised:
                sextant.report_run({"auc": 0.7}, commit="c", project="p")
        finally:
            flaky.close()
        self.assertEqual((raised.exception.status, raised.exception.code), (503, "database_unavailable"))
        self.assertIn("after 3 attempts", str(raised.exception))
        self.assertEqual(slept, [0.5, 1.0])

    def test_no_server_is_a_network_error_after_the_retries(self) -> None:
        with socketserver.TCPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler) as closed:
            port = closed.server_address[1]
        sextant = Sextant(f"http://127.0.0.1:{port}", "t", env={}, retries=1, sleep=lambda s: None)
        with self.assertRaises(SextantError) as raised:
            sextant.review("s")
        self.assertEqual((raised.exception.status, raised.exception.code), (0, "network_error"))


class CiEnvironmentTest(unittest.TestCase):
    def test_gitlab_and_overrides(self) -> None:
        env = {
            "GITLAB_CI": "true",
            "CI_COMMIT_SHA": "abc",
            "CI_COMMIT_REF_NAME": "feature",
            "CI_JOB_ID": "42",
            "CI_JOB_URL": "https://gitlab.example/acme/x/-/jobs/42",
            "SEXTANT_BRANCH": "override",
            "SEXTANT_JOB_ID": " ",
        }
        self.assertEqual(
            detect_ci_environment(env),
            {
                "provider": "gitlab-ci",
                "commit": "abc",
                "branch": "override",
                "jobId": "42",
                "jobUrl": "https://gitlab.example/acme/x/-/jobs/42",
            },
        )
        self.assertEqual(detect_ci_environment({"GITHUB_ACTIONS": "false", "GITHUB_SHA": "x"}), {})

    def test_the_package_version_matches_the_module(self) -> None:
        import sextant_client

        with open(os.path.join(CLIENT_DIR, "pyproject.toml")) as f:
            self.assertIn(f'version = "{sextant_client.__version__}"', f.read())


if __name__ == "__main__":
    unittest.main()
