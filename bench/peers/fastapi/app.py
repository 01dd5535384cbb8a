"""The FastAPI twin of the footprint service's two measured endpoints."""
import zlib

from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse

app = FastAPI()

BODY = "footprint: ok\n"
CHUNK = bytes(range(256)) * 4  # 1 KiB: bytes 0..255, four times


@app.get("/", response_class=PlainTextResponse)
async def root():
    return BODY


# A sync `def`: FastAPI runs it in its thread pool (anyio's, 40 threads), as in the FastAPI issue
# where such endpoints grew memory under load.
@app.get("/work")
def work(kib: str = ""):
    try:
        n = int(kib)
    except ValueError:
        n = 0
    if not 1 <= n <= 16384:
        raise HTTPException(status_code=400, detail="kib must be an integer from 1 to 16384")
    chunks = [bytearray(CHUNK) for _ in range(n)]
    crc = 0
    for chunk in chunks:
        crc = zlib.crc32(chunk, crc)
    return {"kib": n, "crc32": format(crc, "x")}
