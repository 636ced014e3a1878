"""Talking HTTP to a remote store: one client (:class:`Client`) for every request a store
reads or writes with, so the User-Agent, credentials, redirects, timeouts and the one-line
errors for what the network raises are handled in one place.

The user is given by the caller (or is the login ``~/.netrc`` gives for the host); the
password comes from ``$TKG_ENDPOINT_PASSWORD``, else ``~/.netrc``, else a prompt when there is
a terminal. It is never printed. Which scheme the server wants, Basic or Digest, is learnt
from its challenge to a small request (no body), once per URL, so a large body (``push``) is
sent once, already authorized: Virtuoso closes the connection under a client that sends a big
body before its challenge. The Authorization header is never sent on to where a redirect
leads; a request with a body is not redirected at all (a redirect would send it on as a GET
without its body): the error names the URL to give instead.
"""

from __future__ import annotations

import functools
import os
import urllib.parse
from collections import namedtuple
from contextlib import contextmanager

from .. import __version__
from .errors import TKGError

TYPE_CHECKING = False  # typing costs a cold start 5 ms; mypy reads this name as typing's
if TYPE_CHECKING:
    import urllib.request
    from collections.abc import Callable, Iterator

PASSWORD_VARIABLE = "TKG_ENDPOINT_PASSWORD"
USER_AGENT = f"transition-kg/{__version__} (+https://w3id.org/transition-kg)"
# what a refused query is called, by HTTP status (SPARQLWrapper's names, which users know)
QUERY_REFUSALS = {400: "QueryBadFormed", 404: "EndPointNotFound", 414: "URITooLong", 500: "EndPointInternalError"}


class EndpointError(TKGError):
    """A remote endpoint could not be reached, timed out, or refused the request."""

    #: whether the request surely changed nothing: the server answered it with a refusal (an
    #: HTTP status), or it was never sent (no connection, a challenge not spoken); a timeout or
    #: a connection lost under it leaves that unknown
    unchanged = False


class Credentials:
    """A user and password for one server; ``repr`` never shows the password."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password

    def __repr__(self) -> str:
        return f"<Credentials {self.user}>"


@contextmanager
def network_errors(
    url: str, timeout: float, creds: Credentials | None = None, refusals: dict[int, str] | None = None
) -> Iterator[None]:
    """Turn what the network raises (refused, reset, timed out, HTTP errors) into one-line
    EndpointErrors naming ``url``; a status in ``refusals`` is said by its name there."""
    import http.client
    import socket
    import urllib.error

    try:
        yield
    except urllib.error.HTTPError as exc:
        first = _first_line(exc.read())
        if exc.code == 401:
            who = "these credentials" if creds else "a request without credentials"
            refused = EndpointError(
                f"{url}: HTTP 401 Unauthorized: the server refused {who}",
                option="user" if creds else None,
                value=creds.user if creds else None,
            )
        else:
            said = (refusals or {}).get(exc.code) or f"HTTP {exc.code} {exc.reason}"
            refused = EndpointError(f"{url}: {said}" + (f": {first}" if first else ""))
        refused.unchanged = True
        raise refused from None
    except http.client.IncompleteRead as exc:
        raise EndpointError(f"{url}: the answer was cut short ({len(exc.partial)} bytes, then the end)") from None
    except http.client.RemoteDisconnected:
        raise EndpointError(f"{url}: the server closed the connection without an answer") from None
    except http.client.HTTPException as exc:
        raise EndpointError(f"{url}: not an HTTP answer ({type(exc).__name__})") from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise EndpointError(f"{url}: no answer within {timeout:g} s (timeout)") from None
        unreachable = EndpointError(f"{url}: cannot connect ({_reason(exc.reason)})")
        unreachable.unchanged = True
        raise unreachable from None
    except TimeoutError:
        raise EndpointError(f"{url}: no answer within {timeout:g} s (timeout)") from None
    except OSError as exc:
        raise EndpointError(f"{url}: connection failed ({_reason(exc)})") from None


def _reason(reason: object) -> str:
    return getattr(reason, "strerror", None) or str(reason)


def _first_line(body: bytes) -> str:
    """The first line of a server's reply that says something, cut at 300 characters."""
    text = body.decode("utf-8", "replace")
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]


@functools.cache
def _opener() -> urllib.request.OpenerDirector:
    """urllib's opener (proxies from the environment, as ``urlopen``'s), whose redirects are
    followed for GET and HEAD only."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if req.get_method() not in ("GET", "HEAD"):
                fp.close()
                raise EndpointError(f"{req.full_url}: the server sends it on to {newurl} (HTTP {code}): give that URL")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(Redirects)


class Answer(namedtuple("Answer", "body media_type headers")):
    """A server's answer: its body, its media type (Content-Type) and all its headers."""

    __slots__ = ()


class Client:
    """HTTP requests to a store's URLs, each with the User-Agent, a timeout, and the
    credentials (when given) in the scheme each URL asks for (see the module docstring)."""

    def __init__(self, timeout: float, creds: Credentials | None = None) -> None:
        self.timeout, self.creds = timeout, creds
        self._authorizers: dict[str, Authorizer] = {}

    def send(
        self,
        method: str,
        url: str,
        data: bytes | None = None,
        content_type: str | None = None,
        accept: str | None = None,
        *,
        params: dict[str, str] | None = None,
        timeout: float | None = None,
        refusals: dict[int, str] | None = None,
    ) -> Answer:
        """Send one request to ``url`` (with ``params`` added to its query string) and read its
        answer; errors name ``url``, whose challenge authorizes the request."""
        import urllib.request

        timeout = timeout or self.timeout
        headers = {"User-Agent": USER_AGENT}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        target = url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params) if params else url
        request = urllib.request.Request(target, data=data, method=method, headers=headers)

        def exchange() -> Answer:
            with network_errors(url, timeout, self.creds, refusals):
                if self.creds is not None:
                    if url not in self._authorizers:
                        self._authorizers[url] = Authorizer(url, self.creds, timeout)
                    header = self._authorizers[url].header(request)
                    if header:
                        request.add_unredirected_header("Authorization", header)
                with _opener().open(request, timeout=timeout) as response:
                    return Answer(response.read(), response.headers.get("Content-Type", ""), response.headers)

        return _within(timeout, url, exchange)


def _within(timeout: float, url: str, exchange: Callable[[], Answer]) -> Answer:
    """``exchange()``'s answer, or a timeout EndpointError when the whole of it (challenge,
    request, headers, body) takes longer than ``timeout``: a socket's timeout is per read, so
    a server that trickles its answer a byte at a time would never meet it. The exchange runs
    in a thread of its own, which is left to end with its connection."""
    import threading

    done: dict = {}

    def run() -> None:
        try:
            done["answer"] = exchange()
        except BaseException as exc:  # handed to the caller, whatever it is
            done["error"] = exc

    worker = threading.Thread(target=run, name="transition-kg request", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise EndpointError(f"{url}: no answer within {timeout:g} s (timeout)")
    if "error" in done:
        raise done["error"]
    return done["answer"]


def credentials(url: str, user: str | None) -> Credentials | None:
    """The credentials for ``url``: None when no user is given and ``~/.netrc`` has none."""
    host = urllib.parse.urlsplit(url).hostname or ""
    login = password = None
    try:
        import netrc

        entry = netrc.netrc().authenticators(host)
        if entry:
            login, _, password = entry
    except (FileNotFoundError, OSError):
        pass
    except netrc.NetrcParseError as exc:
        raise TKGError(exc.msg, file="~/.netrc", line=exc.lineno) from None
    user = user or login
    if not user:
        return None
    if os.environ.get(PASSWORD_VARIABLE):
        return Credentials(user, os.environ[PASSWORD_VARIABLE])
    if password is not None and (login in (None, user)):
        return Credentials(user, password)
    import sys

    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return Credentials(user, getpass.getpass(f"password for {user} at {host}: "))
    raise TKGError(
        f"no password: set {PASSWORD_VARIABLE}, or give it in ~/.netrc for {host}", option="user", value=user
    )


class Authorizer:
    """Authorization headers for requests to one server, in the scheme its challenge names."""

    def __init__(self, url: str, creds: Credentials, timeout: float) -> None:
        import urllib.request  # 40 ms of a cold start: only where credentials are used

        self.creds = creds
        self.scheme, self.challenge = self._ask(url, timeout)
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, creds.user, creds.password)
        self._digest = _digest_handler()(manager)

    @staticmethod
    def _ask(url: str, timeout: float) -> tuple[str, dict]:
        """The scheme and challenge the server answers a request without credentials with."""
        import urllib.error
        import urllib.request

        probe = urllib.request.Request(url, method="GET", headers={"User-Agent": USER_AGENT})
        with network_errors(url, timeout):  # what is not an HTTP answer: one line naming the URL
            try:
                with _opener().open(probe, timeout=timeout) as response:
                    response.read()
            except urllib.error.HTTPError as exc:
                if exc.code == 401:
                    return _best(url, exc.headers.get_all("WWW-Authenticate") or [])
                # any other answer (405, 400…): no challenge to learn
        return "none", {}

    def header(self, request: urllib.request.Request) -> str | None:
        """The Authorization header for ``request`` (None when the server asked for none)."""
        if self.scheme == "basic":
            import base64

            token = base64.b64encode(f"{self.creds.user}:{self.creds.password}".encode()).decode()
            return f"Basic {token}"
        if self.scheme == "digest":
            return "Digest " + (self._digest.get_authorization(request, self.challenge) or "")
        return None


def _digest_handler() -> type:
    """urllib's Digest handler, with SHA-256 (RFC 7616) beside its MD5 and SHA."""
    import hashlib
    import urllib.request

    class Digest(urllib.request.HTTPDigestAuthHandler):
        def get_algorithm_impls(self, algorithm: str):
            if algorithm.upper() != "SHA-256":
                return super().get_algorithm_impls(algorithm)
            h = lambda x: hashlib.sha256(x.encode("utf-8")).hexdigest()
            return h, lambda secret, data: h(f"{secret}:{data}")

    return Digest


#: the Digest algorithms spoken, best first
DIGESTS = ("SHA-256", "MD5", "SHA")


def _best(url: str, challenges: list[str]) -> tuple[str, dict]:
    """The scheme and parameters of the best challenge a server offers (RFC 7616 lets it offer
    one per algorithm): Digest with SHA-256, MD5 or SHA, else Basic; an algorithm not spoken
    is refused in one line."""
    import urllib.request

    offered = []
    for challenge in challenges:
        scheme, _, rest = challenge.strip().partition(" ")
        values = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest)) if rest else {}
        offered.append((scheme.lower(), values))
    digests = [values for scheme, values in offered if scheme == "digest"]
    for algorithm in DIGESTS:
        for values in digests:
            if values.get("algorithm", "MD5").upper() == algorithm:
                return "digest", values
    basic = [values for scheme, values in offered if scheme == "basic"]
    if basic:
        return "basic", basic[0]
    if not digests:
        return offered[0] if offered else ("none", {})
    asked = ", ".join(sorted({values.get("algorithm", "MD5") for values in digests}))
    refused = EndpointError(
        f"{url}: the server asks for Digest with algorithm {asked}; transition-kg speaks {', '.join(DIGESTS)}"
    )
    refused.unchanged = True
    raise refused
