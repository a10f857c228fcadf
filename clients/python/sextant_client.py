"""Sextant's Python client: report runs, deployments and production feedback from any pipeline.

One file, standard library only (Python >= 3.9), so a job may also fetch it from a Sextant
server (``/cli/sextant_client.py``) instead of installing it::

    from sextant_client import Sextant

    sextant = Sextant()  # SEXTANT_URL and SEXTANT_TOKEN
    run = sextant.report_run({"hit_rate_at_10": 0.42}, project="prj_...")
    print(run["provenance"], run["url"])

Commit, branch and job are read from GitHub Actions, GitLab CI or the SEXTANT_COMMIT,
SEXTANT_BRANCH, SEXTANT_CI_PROVIDER, SEXTANT_JOB_ID and SEXTANT_JOB_URL variables, exactly
as the ``sextant`` CLI reads them. A run counts as ``ci`` only when it is posted with the
project's CI token *and* CI metadata; anything else is ``manual`` (a warning says why).
Writes are retried on network errors, 408, 429 and 5xx with one Idempotency-Key per call.
"""

from __future__ import annotations

import csv
import datetime as _dt
import email.utils
import http.client
import io
import json
import math
import os
import time
import urllib.parse
import uuid
import warnings
from typing import (
    IO,
    Any,
    Callable,
    Dict,
    Iterable,
    Iterator,
    List,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    Union,
)

__all__ = [
    "Sextant",
    "SextantError",
    "ManualRunWarning",
    "detect_ci_environment",
    "ci_metadata_of",
    "RETRYABLE_STATUSES",
]
__version__ = "0.1.0"

Json = Dict[str, Any]
ParamValue = Union[str, int, float, bool, None]
PathLike = Union[str, "os.PathLike[str]"]

#: Answers worth asking again: the server (or a proxy before it) may answer differently soon.
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: The longest wait between two attempts, whatever Retry-After or the backoff says (seconds).
MAX_RETRY_DELAY = 30.0
#: Bytes read from a file (or gathered from rows) per chunk of a streamed upload.
CHUNK_BYTES = 64 * 1024

_FINGERPRINT_CHARS = frozenset("0123456789abcdef")


class SextantError(Exception):
    """An error answer of the API (or a request that got no answer at all).

    ``status`` is the HTTP status (0: no answer), ``code`` the API's code (``invalid_request``,
    ``not_found``, ``forbidden``, ``network_error`` …), ``field`` the first field at fault when
    the API names one, ``fields`` every ``{field, location, message}`` it listed, and
    ``details`` the API's ``details`` object as sent.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int = 0,
        code: str = "error",
        field: Optional[str] = None,
        fields: Optional[List[Dict[str, Any]]] = None,
        details: Optional[Dict[str, Any]] = None,
    ) -> None:
        super().__init__(f"{status} {code}: {message}" if status else f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.fields: List[Dict[str, Any]] = fields or []
        self.details: Dict[str, Any] = details or {}

    @classmethod
    def from_answer(cls, status: int, reason: str, body: bytes) -> "SextantError":
        """Reads ``{"error": {"code", "message", "details"}}``; anything else (a proxy's page) as text."""
        try:
            parsed = json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            parsed = None
        error = parsed.get("error") if isinstance(parsed, dict) else None
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            sent = error.get("details")
            details: Dict[str, Any] = sent if isinstance(sent, dict) else {}
            listed = details.get("fields")
            fields = [f for f in listed if isinstance(f, dict)] if isinstance(listed, list) else []
            named = details.get("field")
            field: Optional[str] = named if isinstance(named, str) else None
            if field is None and fields and isinstance(fields[0].get("field"), str):
                field = fields[0]["field"]
            return cls(
                error["message"],
                status=status,
                code=str(error.get("code") or "error"),
                field=field,
                fields=fields,
                details=details,
            )
        text = " ".join(body[:200].decode("utf-8", "replace").split())
        return cls(f"{reason}: {text}" if text else reason, status=status, code="http_error")


class ManualRunWarning(UserWarning):
    """A run or deployment was recorded as manual: it never sets baselines or counts on charts."""


# ── CI environment (the same rules as packages/cli/src/ci-env.ts) ────────────────────────


def _read(env: Mapping[str, str], name: str) -> Optional[str]:
    """An unset variable and an empty one mean the same: CI systems export empty strings freely."""
    value = (env.get(name) or "").strip()
    return value or None


def _github_actions(env: Mapping[str, str]) -> Dict[str, Optional[str]]:
    run_id = _read(env, "GITHUB_RUN_ID")
    attempt = _read(env, "GITHUB_RUN_ATTEMPT")
    server = (_read(env, "GITHUB_SERVER_URL") or "").rstrip("/") or None
    repository = _read(env, "GITHUB_REPOSITORY")
    return {
        "provider": "github-actions",
        "commit": _read(env, "GITHUB_SHA"),
        # On pull_request events GITHUB_REF_NAME is "42/merge"; GITHUB_HEAD_REF is the PR's branch.
        "branch": _read(env, "GITHUB_HEAD_REF") or _read(env, "GITHUB_REF_NAME"),
        # A re-run keeps the run id and bumps the attempt: "123456-2" tells the two apart.
        "jobId": (f"{run_id}-{attempt}" if attempt else run_id) if run_id else None,
        "jobUrl": f"{server}/{repository}/actions/runs/{run_id}"
        if run_id and server and repository
        else None,
    }


def _gitlab_ci(env: Mapping[str, str]) -> Dict[str, Optional[str]]:
    return {
        "provider": "gitlab-ci",
        "commit": _read(env, "CI_COMMIT_SHA"),
        "branch": _read(env, "CI_COMMIT_REF_NAME"),
        "jobId": _read(env, "CI_JOB_ID"),
        "jobUrl": _read(env, "CI_JOB_URL"),
    }


def detect_ci_environment(env: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """Commit, branch, provider, jobId and jobUrl of the CI job running this, where known.

    GitHub Actions (GITHUB_ACTIONS=true) or GitLab CI (GITLAB_CI=true); SEXTANT_COMMIT,
    SEXTANT_BRANCH, SEXTANT_CI_PROVIDER, SEXTANT_JOB_ID and SEXTANT_JOB_URL serve every other
    CI system and, when set, win over what was detected. Fields nobody set are left out.
    """
    env = os.environ if env is None else env
    if _read(env, "GITHUB_ACTIONS") == "true":
        detected = _github_actions(env)
    elif _read(env, "GITLAB_CI") == "true":
        detected = _gitlab_ci(env)
    else:
        detected = {}
    merged = {
        "provider": _read(env, "SEXTANT_CI_PROVIDER") or detected.get("provider"),
        "commit": _read(env, "SEXTANT_COMMIT") or detected.get("commit"),
        "branch": _read(env, "SEXTANT_BRANCH") or detected.get("branch"),
        "jobId": _read(env, "SEXTANT_JOB_ID") or detected.get("jobId"),
        "jobUrl": _read(env, "SEXTANT_JOB_URL") or detected.get("jobUrl"),
    }
    return {name: value for name, value in merged.items() if value is not None}


def ci_metadata_of(detected: Mapping[str, str]) -> Tuple[Optional[Dict[str, str]], List[str]]:
    """The job's CI metadata when provider, job id and job URL are all known, else what is missing."""
    provider, job_id, job_url = detected.get("provider"), detected.get("jobId"), detected.get("jobUrl")
    if provider and job_id and job_url:
        return {"provider": provider, "jobId": job_id, "jobUrl": job_url}, []
    missing = [
        name
        for name, value in (
            ("provider (SEXTANT_CI_PROVIDER)", provider),
            ("job id (SEXTANT_JOB_ID)", job_id),
            ("job URL (SEXTANT_JOB_URL)", job_url),
        )
        if not value
    ]
    return None, missing


# ── Streamed CSV bodies ───────────────────────────────────────────────────────────────────

#: The columns a CSV upload of each kind carries, in the API's names.
FEEDBACK_COLUMNS: Dict[str, Tuple[str, ...]] = {
    "predictions": ("entity", "period", "modelVersion", "score", "class"),
    "decisions": ("entity", "period", "modelVersion", "acted", "reason", "decidedBy"),
    "outcomes": ("entity", "time", "event"),
}
_ALIASES = {"model_version": "modelVersion", "decided_by": "decidedBy"}


def _cell(value: Any) -> str:
    """A row's value as its CSV text: empty is absent, booleans true/false, instants in UTC."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):  # pandas' missing value
            return ""
        return repr(value)
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat(timespec="milliseconds") + "Z"
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _is_dataframe(value: Any) -> bool:
    module = type(value).__module__ or ""
    return module.startswith("pandas") and hasattr(value, "to_dict") and hasattr(value, "columns")


def _dataframe_rows(frame: Any) -> Iterator[Dict[str, Any]]:
    columns = [str(c) for c in frame.columns]
    for values in frame.itertuples(index=False, name=None):
        yield dict(zip(columns, values))


def _row_csv_chunks(
    kind: str, rows: Iterable[Mapping[str, Any]], model_version: Optional[str]
) -> Iterator[bytes]:
    """Rows (mappings) as CSV in chunks of about CHUNK_BYTES: one chunk in memory at a time."""
    columns = FEEDBACK_COLUMNS[kind]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for number, row in enumerate(rows, start=1):
        named = {_ALIASES.get(str(k), str(k)): v for k, v in row.items()}
        unknown = [k for k in named if k not in columns]
        if unknown:
            raise SextantError(
                f"row {number}: unknown field {unknown[0]!r} (a {kind} row has {', '.join(columns)})",
                code="invalid_request",
                field=unknown[0],
            )
        if model_version is not None and "modelVersion" in columns:
            if named.get("modelVersion") in (None, ""):
                named["modelVersion"] = model_version
        writer.writerow([_cell(named.get(c)) for c in columns])
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


def _raw_chunks(stream: IO[Any]) -> Iterator[bytes]:
    while True:
        chunk = stream.read(CHUNK_BYTES)
        if not chunk:
            return
        yield chunk.encode("utf-8") if isinstance(chunk, str) else chunk


def _filled_csv_chunks(stream: IO[Any], model_version: str) -> Iterator[bytes]:
    """A predictions CSV with ``model_version`` filled in where the file leaves it out, streamed."""
    text: IO[str] = (
        stream
        if isinstance(stream, io.TextIOBase)
        else io.TextIOWrapper(stream, encoding="utf-8", newline="")  # type: ignore[arg-type]
    )
    reader = csv.reader(text)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = next(reader, None)
    if header is None:
        return
    names = [_ALIASES.get(h, h) for h in header]
    at = names.index("modelVersion") if "modelVersion" in names else -1
    writer.writerow(header if at >= 0 else header + ["modelVersion"])
    for record in reader:
        if at < 0:
            record.append(model_version)
        elif at < len(record) and record[at] == "":
            record[at] = model_version
        writer.writerow(record)
        if buffer.tell() >= CHUNK_BYTES:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")
    if text is not stream:
        text.detach()


# ── The client ────────────────────────────────────────────────────────────────────────────

BodyFactory = Callable[[], Union[bytes, Iterable[bytes]]]


class Sextant:
    """A Sextant server, called with a personal or CI token.

    ``url`` and ``token`` default to SEXTANT_URL and SEXTANT_TOKEN; ``project`` to
    SEXTANT_PROJECT. ``retries`` (default 3) retries after the first attempt on network
    errors and on 408, 429, 500, 502, 503 and 504, waiting as Retry-After asks or 0.5 s, 1 s,
    2 s, … (at most 30 s each). ``timeout`` bounds each wait for the network, in seconds.
    """

    def __init__(
        self,
        url: Optional[str] = None,
        token: Optional[str] = None,
        *,
        project: Optional[str] = None,
        retries: int = 3,
        timeout: float = 60.0,
        env: Optional[Mapping[str, str]] = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._env: Mapping[str, str] = os.environ if env is None else env
        base = (url or self._env.get("SEXTANT_URL") or "").strip().rstrip("/")
        secret = (token or self._env.get("SEXTANT_TOKEN") or "").strip()
        if not base:
            raise SextantError(
                "no server: pass url= or set SEXTANT_URL (e.g. http://127.0.0.1:4317)",
                code="configuration",
            )
        parts = urllib.parse.urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise SextantError(
                f'SEXTANT_URL must start with http:// or https://, got "{base}"', code="configuration"
            )
        if not secret:
            raise SextantError(
                "no token: pass token= or set SEXTANT_TOKEN (create one with `sextant token create`)",
                code="configuration",
            )
        if not 0 <= retries <= 10:
            raise ValueError("retries must be from 0 to 10")
        self.url = base
        self.token = secret
        self.project = project or _read(self._env, "SEXTANT_PROJECT")
        self.retries = retries
        self.timeout = timeout
        self._sleep = sleep
        self._parts = parts

    # ── transport ──

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        host = self._parts.hostname or ""
        port = self._parts.port
        if self._parts.scheme == "https":
            return http.client.HTTPSConnection(host, port, timeout=timeout)
        return http.client.HTTPConnection(host, port, timeout=timeout)

    def _once(
        self,
        method: str,
        path: str,
        headers: Dict[str, str],
        body: Union[bytes, Iterable[bytes], None],
        timeout: float,
    ) -> Tuple[int, str, Dict[str, str], bytes]:
        connection = self._connection(timeout)
        try:
            target = f"{self._parts.path.rstrip('/')}/api/v1{path}"
            chunked = body is not None and not isinstance(body, (bytes, bytearray))
            try:
                connection.request(
                    method, target, body=body, headers=headers, encode_chunked=chunked
                )
            except OSError as sending:
                # The server may have answered (401, 413, …) and closed before the body was
                # all sent: that answer, not the broken pipe, is what the caller needs.
                if connection.sock is None:  # never connected
                    raise
                try:
                    response = connection.getresponse()
                except (OSError, http.client.HTTPException):
                    raise sending from None
            else:
                response = connection.getresponse()
            data = response.read()
            answer_headers = {k.lower(): v for k, v in response.getheaders()}
            return response.status, response.reason, answer_headers, data
        finally:
            connection.close()

    @staticmethod
    def _delay(retry: int, retry_after: Optional[str]) -> float:
        header = (retry_after or "").strip()
        if header:
            asked: Optional[float] = None
            if header.isdigit():
                asked = float(header)
            else:
                try:
                    when = email.utils.parsedate_to_datetime(header)
                    asked = when.timestamp() - time.time()
                except (TypeError, ValueError):
                    asked = None
            if asked is not None and math.isfinite(asked):
                return min(max(asked, 0.0), MAX_RETRY_DELAY)
        return min(0.5 * 2 ** (retry - 1), MAX_RETRY_DELAY)

    def request(
        self,
        method: str,
        path: str,
        json_body: Any = None,
        *,
        body: Optional[BodyFactory] = None,
        content_type: Optional[str] = None,
        retry: bool = True,
        timeout: Optional[float] = None,
    ) -> Any:
        """Calls ``/api/v1{path}`` and returns the parsed JSON answer (None when empty).

        A JSON body is sent as is; ``body`` is a callable giving the body (bytes, or an
        iterable of byte chunks sent with chunked transfer encoding) afresh for each attempt.
        Every attempt of one call carries the same Idempotency-Key, so a write the server
        stored before its answer was lost is replayed, not stored twice.
        """
        headers = {
            "authorization": f"Bearer {self.token}",
            "accept": "application/json",
            "user-agent": f"sextant-client-python/{__version__}",
        }
        make: Optional[BodyFactory] = body
        if json_body is not None:
            try:
                encoded = json.dumps(json_body, allow_nan=False).encode("utf-8")
            except ValueError as error:
                raise SextantError(
                    f"the body cannot be sent as JSON: {error} (NaN and Infinity are not JSON numbers)",
                    code="invalid_request",
                ) from None
            headers["content-type"] = "application/json"
            make = lambda: encoded  # noqa: E731
        elif content_type:
            headers["content-type"] = content_type
        if method != "GET":
            headers["idempotency-key"] = str(uuid.uuid4())
        attempts = (self.retries if retry else 0) + 1
        for attempt in range(1, attempts + 1):
            answer: Optional[Tuple[int, str, Dict[str, str], bytes]] = None
            failure: Optional[BaseException] = None
            try:
                answer = self._once(
                    method, path, headers, make() if make else None, timeout or self.timeout
                )
            except (OSError, http.client.HTTPException) as error:
                failure = error
            if answer is not None and answer[0] not in RETRYABLE_STATUSES:
                status, reason, _, data = answer
                if status >= 400:
                    raise SextantError.from_answer(status, reason, data)
                return json.loads(data.decode("utf-8")) if data.strip() else None
            if attempt >= attempts:
                tried = f" (after {attempts} attempt{'' if attempts == 1 else 's'})"
                if answer is not None:
                    error = SextantError.from_answer(answer[0], answer[1], answer[3])
                    error.args = (str(error) + tried,)
                    raise error
                raise SextantError(
                    f"cannot reach {self.url}: {failure or 'no answer'}{tried}", code="network_error"
                )
            delay = self._delay(attempt, answer[2].get("retry-after") if answer else None)
            self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _project(self, project: Optional[str]) -> str:
        chosen = (project or "").strip() or self.project
        if not chosen:
            raise SextantError(
                "no project: pass project= or set SEXTANT_PROJECT", code="configuration", field="project"
            )
        return chosen

    def _warn_manual(self, what: str, missing: Sequence[str], project: str) -> None:
        why = (
            f"no CI metadata (missing {', '.join(missing)})"
            if missing
            else f"the token is not a CI token of project {project}"
        )
        warnings.warn(
            f"Sextant recorded this {what} as manual because {why}; "
            "manual runs never set baselines or count on the charts",
            ManualRunWarning,
            stacklevel=3,
        )

    # ── runs ──

    def report_run(
        self,
        metrics: Mapping[str, float],
        params: Optional[Mapping[str, ParamValue]] = None,
        dataset_version: Optional[str] = None,
        evaluation: Union[str, Mapping[str, Any], None] = None,
        project: Optional[str] = None,
        *,
        commit: Optional[str] = None,
        branch: Optional[str] = None,
        started_at: Union[str, _dt.datetime, None] = None,
        finished_at: Union[str, _dt.datetime, None] = None,
    ) -> Json:
        """Posts one run and returns the API's answer: the run with its ``provenance``
        (``ci`` or ``manual``), ``url`` and ``comparison`` to the baseline.

        ``evaluation`` is the evaluation strategy (a mapping) or its 16-hex fingerprint.
        ``commit``/``branch`` win over the CI environment. A manual run also warns
        (:class:`ManualRunWarning`) saying why.
        """
        project_id = self._project(project)
        detected = detect_ci_environment(self._env)
        if commit and commit.strip():
            detected["commit"] = commit.strip()
        if branch and branch.strip():
            detected["branch"] = branch.strip()
        if not metrics:
            raise SextantError("no metrics: pass at least one name → number", code="invalid_request", field="metrics")
        for name, value in metrics.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise SextantError(
                    f"metrics.{name}: {value!r} is not a finite number",
                    code="invalid_request",
                    field=f"metrics.{name}",
                )
        if not detected.get("commit"):
            raise SextantError(
                "no commit: pass commit= or set SEXTANT_COMMIT (read from GITHUB_SHA in GitHub Actions, "
                "CI_COMMIT_SHA in GitLab CI)",
                code="invalid_request",
                field="commit",
            )
        ci, missing = ci_metadata_of(detected)
        body: Json = {"metrics": {str(k): v for k, v in metrics.items()}, "commit": detected["commit"]}
        if params:
            body["params"] = dict(params)
        if detected.get("branch"):
            body["branch"] = detected["branch"]
        if dataset_version is not None:
            body["datasetVersion"] = dataset_version
        if isinstance(evaluation, str):
            body["evaluationFingerprint"] = evaluation
        elif evaluation is not None:
            body["evaluation"] = dict(evaluation)
        if started_at is not None:
            body["startedAt"] = _instant(started_at)
        if finished_at is not None:
            body["finishedAt"] = _instant(finished_at)
        if ci:
            body["ci"] = ci
        run: Json = self.request("POST", f"/projects/{_quote(project_id)}/runs", body)
        if run.get("provenance") == "manual":
            self._warn_manual("run", missing, project_id)
        return run

    # ── deployments ──

    def report_deployment(
        self,
        version: str,
        environment: str = "production",
        status: str = "succeeded",
        project: Optional[str] = None,
        *,
        commit: Optional[str] = None,
        run_id: Optional[str] = None,
        started_at: Union[str, _dt.datetime, None] = None,
        finished_at: Union[str, _dt.datetime, None] = None,
    ) -> Json:
        """Posts one deployment (``status``: succeeded, failed or rolled_back) and returns the
        API's answer with its ``provenance``. ``finished_at`` defaults to now; the commit to the
        CI environment's."""
        project_id = self._project(project)
        detected = detect_ci_environment(self._env)
        if commit and commit.strip():
            detected["commit"] = commit.strip()
        ci, missing = ci_metadata_of(detected)
        body: Json = {
            "version": version,
            "environment": environment,
            "status": status,
            "finishedAt": _instant(finished_at or _dt.datetime.now(_dt.timezone.utc)),
        }
        if detected.get("commit"):
            body["commit"] = detected["commit"]
        if run_id is not None:
            body["runId"] = run_id
        if started_at is not None:
            body["startedAt"] = _instant(started_at)
        if ci:
            body["ci"] = ci
        deployment: Json = self.request("POST", f"/projects/{_quote(project_id)}/deployments", body)
        if deployment.get("provenance") == "manual":
            self._warn_manual("deployment", missing, project_id)
        return deployment

    # ── production feedback ──

    def upload_predictions(
        self, source: Any, model_version: Optional[str] = None, project: Optional[str] = None
    ) -> Json:
        """Uploads predictions (``entity, period, modelVersion, score`` and/or ``class``).

        ``source`` is a path to a CSV file, an open file (binary or text) of CSV, an iterable
        of row mappings, or a pandas DataFrame. It is streamed as CSV with chunked transfer
        encoding, a chunk at a time: a file is never read whole. ``model_version`` fills the
        rows (or the file's column) that leave it out. Answers ``{received, inserted, updated}``.
        """
        return self._feedback("predictions", source, project, model_version)

    def upload_decisions(self, source: Any, project: Optional[str] = None) -> Json:
        """Uploads operator decisions (``entity, period, acted, reason``); as :meth:`upload_predictions`."""
        return self._feedback("decisions", source, project, None)

    def upload_outcomes(self, source: Any, project: Optional[str] = None) -> Json:
        """Uploads outcomes (``entity, time, event``); as :meth:`upload_predictions`."""
        return self._feedback("outcomes", source, project, None)

    def _feedback(
        self, kind: str, source: Any, project: Optional[str], model_version: Optional[str]
    ) -> Json:
        project_id = self._project(project)
        factory, replayable = self._csv_body(kind, source, model_version)
        answer: Json = self.request(
            "POST",
            f"/projects/{_quote(project_id)}/feedback/{kind}",
            body=factory,
            content_type="text/csv",
            retry=replayable,
            # The server answers once every row is written: allow for a large upload.
            timeout=max(self.timeout, 600.0),
        )
        return answer

    def _csv_body(
        self, kind: str, source: Any, model_version: Optional[str]
    ) -> Tuple[BodyFactory, bool]:
        """A callable giving the body afresh per attempt, and whether a retry can resend it."""
        if isinstance(source, (str, os.PathLike)):
            path = os.fspath(source)

            def from_path() -> Iterator[bytes]:
                with open(path, "rb") as stream:
                    if model_version is not None and kind == "predictions":
                        yield from _filled_csv_chunks(stream, model_version)
                    else:
                        yield from _raw_chunks(stream)

            return from_path, True
        if hasattr(source, "read"):
            stream = source
            start: Optional[int] = None
            try:
                if stream.seekable():
                    start = stream.tell()
            except (AttributeError, OSError, ValueError):
                start = None

            def from_stream() -> Iterator[bytes]:
                if start is not None:
                    stream.seek(start)
                if model_version is not None and kind == "predictions":
                    yield from _filled_csv_chunks(stream, model_version)
                else:
                    yield from _raw_chunks(stream)

            return from_stream, start is not None
        if _is_dataframe(source):
            frame = source
            return (lambda: _row_csv_chunks(kind, _dataframe_rows(frame), model_version)), True
        if isinstance(source, Iterable) and not isinstance(source, (bytes, Mapping)):
            rows = source
            # A list can be sent again; an iterator (a generator) only once.
            replayable = iter(rows) is not rows
            return (lambda: _row_csv_chunks(kind, rows, model_version)), replayable
        raise TypeError(
            f"{kind}: expected a path, an open file, an iterable of rows or a DataFrame, "
            f"got {type(source).__name__}"
        )

    # ── reading ──

    def review(self, sprint_id: str) -> Json:
        """The sprint review: best CI value per sprint, baseline, threshold, goal and forecast."""
        answer: Json = self.request("GET", f"/sprints/{_quote(sprint_id)}/review")
        return answer

    def run(self, run_id: str) -> Json:
        """One run with its comparison to the baseline."""
        answer: Json = self.request("GET", f"/runs/{_quote(run_id)}")
        return answer


def _quote(segment: str) -> str:
    return urllib.parse.quote(segment, safe="")


def _instant(value: Union[str, _dt.datetime]) -> str:
    if isinstance(value, str):
        return value
    if value.tzinfo is not None:
        value = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
    return value.isoformat(timespec="milliseconds") + "Z"
