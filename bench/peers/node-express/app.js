// The Express twin of the footprint service's two measured endpoints.
const express = require("express");
const zlib = require("zlib");

const app = express();
const BODY = "footprint: ok\n";
const CHUNK = Buffer.from(Array.from({ length: 1024 }, (_, i) => i & 0xff));

app.get("/", (req, res) => res.type("text/plain").send(BODY));

app.get("/work", (req, res) => {
  const n = /^\d+$/.test(req.query.kib || "") ? Number(req.query.kib) : 0;
  if (n < 1 || n > 16384) {
    return res.status(400).json({ detail: "kib must be an integer from 1 to 16384" });
  }
  const chunks = [];
  for (let i = 0; i < n; i++) chunks.push(Buffer.from(CHUNK));
  let crc = 0;
  for (const chunk of chunks) crc = zlib.crc32(chunk, crc);
  res.json({ kib: n, crc32: (crc >>> 0).toString(16) });
});

app.listen(Number(process.env.PORT || 3000), process.env.HOST || "0.0.0.0");
