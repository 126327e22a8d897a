"""Test stand-in for httpx2: a Client whose post() keeps one HTTP/1.1 connection alive."""
import http.client
import urllib.parse


class Response:
    def __init__(self, status_code, content):
        self.status_code = status_code
        self.content = content


class Client:
    def __init__(self, timeout=60):
        self._timeout = timeout
        self._conn = None

    def post(self, url, content=b"", headers=None):
        parts = urllib.parse.urlsplit(url)
        if self._conn is None:
            self._conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self._timeout)
        self._conn.request("POST", parts.path, body=content, headers=headers or {})
        response = self._conn.getresponse()
        return Response(response.status, response.read())

    def close(self):
        if self._conn is not None:
            self._conn.close()
            self._conn = None
