// The Go net/http twin of the footprint service's two measured endpoints (standard library only).
package main

import (
	"fmt"
	"hash/crc32"
	"net/http"
	"os"
	"strconv"
)

const body = "footprint: ok\n"

var chunk = func() []byte {
	b := make([]byte, 1024)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

func work(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("kib"))
	if err != nil || n < 1 || n > 16384 {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"detail":"kib must be an integer from 1 to 16384"}`)
		return
	}
	chunks := make([][]byte, n)
	for i := range chunks {
		chunks[i] = append([]byte(nil), chunk...)
	}
	crc := crc32.NewIEEE()
	for _, c := range chunks {
		crc.Write(c)
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"kib":%d,"crc32":"%x"}`, n, crc.Sum32())
}

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("GET /work", work)
	addr := os.Getenv("HOST") + ":" + envOr("PORT", "8080")
	if err := http.ListenAndServe(addr, mux); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
