"""``extract serve``: a warm HTTP service for single press releases (FastAPI on uvicorn).

Each server worker process loads the pipeline once, at start-up, and forks one
analysis worker from it (:mod:`workers`), so a request costs the analysis only.
A request's text or file is analysed exactly as ``extract run`` analyses a file
(the same reading, limits and rows), so the answer holds the rows ``extract run``
writes for it: the five SPEC §1 tables, each row an object with exactly the SPEC
columns. A document that runs past the time or memory limit is stopped (its
worker is replaced) and the request gets its reason; the service goes on.

Endpoints: ``POST /extract`` (JSON), ``POST /extract/file`` (an upload),
``GET /health``, ``GET /version``; the OpenAPI page is at ``/docs``. Every error
is ``{"error": "one line"}`` with a 4xx or 5xx status.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import tempfile
import threading
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator

from . import versions
from .columns import TABLES
from .documents import language_identifier
from .limits import MB, Limits
from .normalise import ISO_DATE
from .pipeline import build_nlp
from .run import process_chunk
from .sources import Source
from .workers import Supervisor

log = logging.getLogger(__name__)

SETTINGS_ENV = "EXTRACT_SERVE_SETTINGS"


@dataclass(frozen=True)
class ServiceSettings:
    patterns_dir: str | None = None
    max_body_bytes: int = 5 * MB
    timeout: float = 30.0
    max_chars: int = 1_000_000
    max_memory_bytes: int = 4096 * MB

    def limits(self) -> Limits:
        return Limits(
            max_file_bytes=self.max_body_bytes,
            max_chars=self.max_chars,
            timeout=self.timeout,
            max_memory_bytes=self.max_memory_bytes,
        )

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> "ServiceSettings":
        raw = os.environ.get(SETTINGS_ENV)
        return cls(**json.loads(raw)) if raw else cls()


class TextRequest(BaseModel):
    text: str = Field(..., description="The document's text (UTF-8).")
    doc_id: str = Field("document", description="The doc_id of the rows.", min_length=1, max_length=200)
    publication_date: str | None = Field(
        None, description="ISO date (or YYYY-MM, YYYY) that anchors relative dates when the text states none."
    )

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty")
        return value

    @field_validator("publication_date")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value and not ISO_DATE.fullmatch(value):
            raise ValueError(f"publication_date {value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
        return value or None


class ServiceError(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


class Analyser:
    """The pipeline of one server worker and its forked analysis worker; one document at a time."""

    def __init__(self, settings: ServiceSettings, nlp=None):
        self.settings = settings
        self.limits = settings.limits()
        self.nlp = nlp or build_nlp(settings.patterns_dir)
        language_identifier()
        self.tmp = Path(tempfile.mkdtemp(prefix="extract-serve-"))
        process = functools.partial(process_chunk, self.nlp, None, self.limits)
        self.supervisor = Supervisor(process, 1, self.limits)
        self.lock = threading.Lock()

    def analyse(self, data: bytes, filename: str, doc_id: str, publication_date: str | None) -> dict[str, list]:
        meta = {"publication_date": publication_date} if publication_date else {}
        with self.lock:
            path = self.tmp / f"request{Path(filename).suffix.lower()}"
            path.write_bytes(data)
            try:
                (rows,) = next(iter(self.supervisor.map([[(Source(path, filename, doc_id), meta)]])))
            except BaseException:
                self.supervisor.close()  # a fresh worker for the next request
                raise
            finally:
                path.unlink(missing_ok=True)
        document = rows.tables["documents"][0]
        if document["status"] != "ok":
            raise ServiceError(*_status_of(document))
        return {name: [{col: row.get(col, "") for col in TABLES[name]} for row in rows.tables[name]] for name in TABLES}

    def close(self) -> None:
        self.supervisor.close()
        for p in self.tmp.glob("*"):
            p.unlink(missing_ok=True)
        self.tmp.rmdir()


def _status_of(document: dict[str, Any]) -> tuple[int, str]:
    reason = document["error"] or "the document has no text"
    if reason.startswith(("time limit exceeded", "memory limit exceeded")):
        return 503, reason
    if reason.startswith(("file too large", "text too long", "HTML page too large", "DOCX too large", "PDF content")):
        return 413, reason
    if reason.startswith("unsupported format"):
        return 415, reason
    return 422, reason


def create_app(settings: ServiceSettings | None = None, nlp=None) -> FastAPI:
    """The service; the pipeline is loaded when the app starts (not when it is created)."""
    settings = settings or ServiceSettings.from_env()
    state: dict[str, Analyser] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state["analyser"] = Analyser(settings, nlp)
        yield
        state.pop("analyser").close()

    app = FastAPI(
        title="extract",
        version=versions()["extract"],
        lifespan=lifespan,
        description=(
            "Organisations, dates, partnerships and strategic goals from French higher-education texts: "
            'the rows of the five tables of SPEC §1 for one document. Errors are {"error": "one line"}.'
        ),
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    _add_error_handlers(app)

    @app.get("/health", summary="Answers once the pipeline is loaded")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/version", summary="Versions of extract, spaCy and the French model")
    def version() -> dict[str, str]:
        return versions()

    @app.post("/extract", summary="The five tables' rows for one text")
    def extract(request: TextRequest) -> dict[str, list[dict[str, Any]]]:
        return state["analyser"].analyse(
            request.text.encode("utf-8"), "text.txt", request.doc_id, request.publication_date
        )

    @app.post("/extract/file", summary="The five tables' rows for one uploaded file (txt, md, html, pdf, docx)")
    def extract_file(
        file: UploadFile = File(...), doc_id: str | None = Form(None), publication_date: str | None = Form(None)
    ) -> dict[str, list[dict[str, Any]]]:
        if publication_date and not ISO_DATE.fullmatch(publication_date):
            raise ServiceError(422, f"publication_date {publication_date!r} is not an ISO date")
        name = Path(file.filename or "upload.txt").name
        data = file.file.read()
        return state["analyser"].analyse(data, name, doc_id or Path(name).stem or "document", publication_date)

    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, err: ServiceError) -> JSONResponse:
        return JSONResponse({"error": err.reason}, status_code=err.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0] if err.errors() else {}
        if first.get("type") == "json_invalid":
            return JSONResponse({"error": "the body is not valid JSON"}, status_code=400)
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        message = str(first.get("msg", "invalid request")).removeprefix("Value error, ")
        return JSONResponse({"error": f"{where}: {message}" if where else message}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, err: Exception) -> JSONResponse:
        log.exception("request failed")
        return JSONResponse({"error": f"internal error: {type(err).__name__}"}, status_code=500)


class BodyLimit:
    """Refuse a request body over ``max_bytes`` with 413, whether it declares its length or
    not: the body is read first (never more than the limit), then handed to the app."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await _too_large(send, self.max_bytes)
        parts, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                break
            parts.append(message.get("body", b""))
            size += len(parts[-1])
            if size > self.max_bytes:
                return await _too_large(send, self.max_bytes)
            more = message.get("more_body", False)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(parts), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send, max_bytes: int) -> None:
    body = json.dumps({"error": f"request body too large (limit {max_bytes // MB} MB)"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def app_from_env() -> FastAPI:
    """The factory uvicorn calls in each worker process (settings from the environment)."""
    return create_app(ServiceSettings.from_env())


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    settings: ServiceSettings | None = None,
    log_level: str = "info",
) -> None:
    """Start the service (blocks). Each of ``workers`` processes loads the pipeline once."""
    import uvicorn

    os.environ[SETTINGS_ENV] = (settings or ServiceSettings()).to_env()
    uvicorn.run(
        "extract.service:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        timeout_graceful_shutdown=5,
    )
