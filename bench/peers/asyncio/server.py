"""A bare asyncio HTTP/1.1 server: the articles' "custom asyncio" row. Keep-alive, GET only."""
import asyncio
import os
import zlib
from urllib.parse import parse_qs, urlsplit

BODY = b"footprint: ok\n"
CHUNK = bytes(range(256)) * 4


def respond(status, content_type, body, keep_alive):
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"}[status]
    head = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: {'keep-alive' if keep_alive else 'close'}\r\n\r\n")
    return head.encode() + body


def work(query):
    try:
        n = int(parse_qs(query).get("kib", [""])[0])
    except ValueError:
        n = 0
    if not 1 <= n <= 16384:
        return 400, b'{"detail":"kib must be an integer from 1 to 16384"}'
    chunks = [bytearray(CHUNK) for _ in range(n)]
    crc = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
    return 200, b'{"kib":%d,"crc32":"%x"}' % (n, crc)


async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, version = lines[0].split(" ", 2)
            headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:] if l)}
            keep_alive = headers.get("connection", "").lower() != "close" and version == "HTTP/1.1"
            url = urlsplit(target)
            if method != "GET":
                status, ctype, body = 405, "application/json", b'{"detail":"Method Not Allowed"}'
            elif url.path == "/":
                status, ctype, body = 200, "text/plain", BODY
            elif url.path == "/work":
                status, body = work(url.query)
                ctype = "application/json"
            else:
                status, ctype, body = 404, "application/json", b'{"detail":"Not Found"}'
            writer.write(respond(status, ctype, body, keep_alive))
            await writer.drain()
            if not keep_alive:
                break
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError, ValueError):
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(handle, os.environ.get("HOST", "0.0.0.0"), int(os.environ.get("PORT", "8000")))
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
