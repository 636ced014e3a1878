"""Talking HTTP to a remote store: the User-Agent, one-line errors for what the network
raises, and credentials with the Authorization header the server asks for.

The user is ``--user`` (or the login ``~/.netrc`` gives for the host); the password comes from
``$TKG_ENDPOINT_PASSWORD``, else ``~/.netrc``, else a prompt when there is a terminal. It is
never printed. Which scheme the server wants, Basic or Digest, is learnt from its challenge to
a small request (no body), so a large body (``push``) is sent once, already authorized:
Virtuoso closes the connection under a client that sends a big body before its challenge.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from contextlib import contextmanager

from .. import __version__
from .errors import TKGError

PASSWORD_VARIABLE = "TKG_ENDPOINT_PASSWORD"
USER_AGENT = f"transition-kg/{__version__} (+https://w3id.org/transition-kg)"


class EndpointError(TKGError):
    """A remote endpoint could not be reached, timed out, or refused the request."""


@contextmanager
def network_errors(url: str, timeout: float):
    """Turn what the network raises (refused, reset, timed out, HTTP errors) into one-line
    EndpointErrors naming ``url``."""
    import socket
    import urllib.error

    try:
        yield
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip().splitlines()
        raise EndpointError(
            f"{url}: HTTP {exc.code} {exc.reason}" + (f": {detail[0][:300]}" if detail else "")
        ) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (socket.timeout, TimeoutError)):
            raise EndpointError(f"{url}: no answer within {timeout:g} s (timeout)") from None
        raise EndpointError(f"{url}: cannot connect ({_reason(exc.reason)})") from None
    except TimeoutError:
        raise EndpointError(f"{url}: no answer within {timeout:g} s (timeout)") from None
    except OSError as exc:
        raise EndpointError(f"{url}: connection failed ({_reason(exc)})") from None


def _reason(reason: object) -> str:
    return getattr(reason, "strerror", None) or str(reason)


def endpoint_message(exc: Exception) -> str:
    """SPARQLWrapper puts the server's reply in its message; give its first meaningful line."""
    import ast

    text = str(exc)
    head = text.split(":", 1)[0]
    match = re.search(r"Response:\n(b?'.*'|b?\".*\")", text, re.S)
    if match:
        body = ast.literal_eval(match.group(1))
        body = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        first = next((line.strip() for line in body.splitlines() if line.strip()), "")
        return f"{head}: {first}"[:500]
    return text.splitlines()[0]


class Credentials:
    """A user and password for one server; ``repr`` never shows the password."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password

    def __repr__(self) -> str:
        return f"<Credentials {self.user}>"


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
        raise TKGError(f"~/.netrc:{exc.lineno}: {exc.msg}") from None
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
    raise TKGError(f"--user {user}: no password: set {PASSWORD_VARIABLE}, or give it in ~/.netrc for {host}")


class Authorizer:
    """Authorization headers for requests to one server, in the scheme its challenge names."""

    def __init__(self, url: str, creds: Credentials, timeout: float) -> None:
        import urllib.request  # 40 ms of a cold start: only where credentials are used

        self.creds = creds
        self.scheme, self.challenge = self._ask(url, timeout)
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, creds.user, creds.password)
        self._digest = urllib.request.HTTPDigestAuthHandler(manager)

    @staticmethod
    def _ask(url: str, timeout: float) -> tuple[str, dict]:
        """The scheme and challenge the server answers a request without credentials with."""
        import urllib.error
        import urllib.request

        probe = urllib.request.Request(url, method="GET", headers={"User-Agent": USER_AGENT})
        with network_errors(url, timeout):  # what is not an HTTP answer: one line naming the URL
            try:
                with urllib.request.urlopen(probe, timeout=timeout) as response:
                    response.read()
            except urllib.error.HTTPError as exc:
                if exc.code == 401:
                    scheme, _, rest = exc.headers.get("WWW-Authenticate", "").partition(" ")
                    values = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest)) if rest else {}
                    return scheme.lower(), values
                # any other answer (405, 400…): no challenge to learn
        return "none", {}

    def header(self, request: urllib.request.Request) -> str | None:
        """The Authorization header for ``request`` (None when the server asked for none)."""
        if self.scheme == "basic":
            import base64

            token = base64.b64encode(f"{self.creds.user}:{self.creds.password}".encode()).decode()
            return f"Basic {token}"
        if self.scheme == "digest":
            return "Digest " + self._digest.get_authorization(request, self.challenge)
        return None
