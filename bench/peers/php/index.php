<?php
// The PHP twin of the footprint service's two measured endpoints, for PHP's built-in server.
// php -S closes every connection; without a Content-Length its responses are close-delimited,
// which wrk counts as read errors. The body is buffered so each response says its length.
ob_start();
register_shutdown_function(function () {
    header('Content-Length: ' . ob_get_length());
    ob_end_flush();
});
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path === '/') {
    header('Content-Type: text/plain');
    echo "footprint: ok\n";
} elseif ($path === '/work') {
    $kib = $_GET['kib'] ?? '';
    $n = ctype_digit($kib) ? (int) $kib : 0;
    header('Content-Type: application/json');
    if ($n < 1 || $n > 16384) {
        http_response_code(400);
        echo '{"detail":"kib must be an integer from 1 to 16384"}';
        return;
    }
    $chunk = '';
    for ($i = 0; $i < 1024; $i++) {
        $chunk .= chr($i & 0xff);
    }
    $chunks = [];
    for ($i = 0; $i < $n; $i++) {
        $chunks[] = str_repeat($chunk, 1);
    }
    $ctx = hash_init('crc32b');
    foreach ($chunks as $c) {
        hash_update($ctx, $c);
    }
    printf('{"kib":%d,"crc32":"%s"}', $n, ltrim(hash_final($ctx), '0') ?: '0');
} else {
    http_response_code(404);
    header('Content-Type: application/json');
    echo '{"detail":"Not Found"}';
}
