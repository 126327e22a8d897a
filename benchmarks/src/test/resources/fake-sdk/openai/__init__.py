"""Test stand-in for the openai SDK (see README.md beside it)."""
import asyncio
import json
import types
import urllib.parse

import httpx2


def _completion(body):
    data = json.loads(body)
    choices = [types.SimpleNamespace(message=types.SimpleNamespace(content=c["message"].get("content")))
               for c in data["choices"]]
    return types.SimpleNamespace(choices=choices)


def _payload(model, messages):
    return json.dumps({"model": model, "messages": messages}).encode("utf-8")


class OpenAI:
    def __init__(self, base_url, api_key, max_retries=2):
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._headers = {"Authorization": "Bearer " + api_key, "Content-Type": "application/json"}
        self._http = httpx2.Client()
        self.chat = types.SimpleNamespace(completions=types.SimpleNamespace(create=self._create))

    def _create(self, model, messages):
        response = self._http.post(self._url, content=_payload(model, messages), headers=self._headers)
        if response.status_code != 200:
            raise RuntimeError("HTTP %d" % response.status_code)
        return _completion(response.content)

    def close(self):
        self._http.close()


class AsyncOpenAI:
    def __init__(self, base_url, api_key, max_retries=2):
        parts = urllib.parse.urlsplit(base_url.rstrip("/") + "/chat/completions")
        self._host, self._port, self._path = parts.hostname, parts.port, parts.path
        self._api_key = api_key
        self._loop = None
        self._reader = None
        self._writer = None
        self.chat = types.SimpleNamespace(completions=types.SimpleNamespace(create=self._create))

    async def _connection(self):
        loop = asyncio.get_running_loop()
        if self._writer is not None and self._loop is not loop:
            closed = self._loop.is_closed()
            self._writer = self._reader = self._loop = None  # the pooled connection is dropped
            if closed:
                raise RuntimeError("Event loop is closed")
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
            self._loop = loop
        return self._reader, self._writer

    async def _create(self, model, messages):
        reader, writer = await self._connection()
        body = _payload(model, messages)
        head = ("POST %s HTTP/1.1\r\nHost: %s:%d\r\nAuthorization: Bearer %s\r\n"
                "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                % (self._path, self._host, self._port, self._api_key, len(body)))
        writer.write(head.encode("ascii") + body)
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        headers = {}
        while True:
            line = (await reader.readline()).decode("latin-1").strip()
            if not line:
                break
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            content = b""
            while True:
                size = int((await reader.readline()).strip(), 16)
                chunk = await reader.readexactly(size + 2)
                if size == 0:
                    break
                content += chunk[:-2]
        else:
            content = await reader.readexactly(int(headers.get("content-length", "0")))
        if status != 200:
            raise RuntimeError("HTTP %d" % status)
        return _completion(content)

    async def close(self):
        if self._writer is not None and self._loop is asyncio.get_running_loop():
            self._writer.close()
        self._writer = self._reader = self._loop = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()
