#!/bin/bash
# The open loop's own ceiling: nginx (the harness-ceiling image) on core 1, the generator's JVM on core 0, at rising rates.
# usage: RATES="1000 5000 10000 20000" bash run.sh   (after ./mvnw package -pl bench -am; appends to results.jsonl)
set -u
root=$(cd "$(dirname "$0")" && git rev-parse --show-toplevel)
. "$root/tools/lib/usage.sh"
(($# == 0)) || usage_error "takes no arguments (the rates come from RATES)"
out=$root/bench/results/checks/20261203-open-loop-generators
mkdir -p $out
jar=$(mktemp -t ol.XXXX.jar); cp $root/bench/target/footprint-bench.jar $jar
podman rm -f olc >/dev/null 2>&1
podman run -d --name olc --network host --cpuset-cpus 1 --memory 256m -e HOST=127.0.0.1 -e PORT=18099 localhost/footprint/peer-nginx:latest >/dev/null
sleep 2; curl -s -o /dev/null -w "%{http_code}\n" http://127.0.0.1:18099/
for rate in ${RATES:-1000 5000 10000 20000 40000}; do
  for rep in 1 2; do
    line=$(taskset -c 0 java -XX:+UseSerialGC -Xms320m -Xmx320m -Xmn200m -XX:+AlwaysPreTouch -cp $jar dev.footprint.bench.measure.OpenLoop http://127.0.0.1:18099/ http://127.0.0.1:18099/ $rate 15000 10000 256 5000 | grep '^footprint-open-loop ')
    echo "$rate $rep ${line#footprint-open-loop }" | python3 -c '
import sys,json,base64,zlib
r,rep,js=sys.stdin.read().split(" ",2); d=json.loads(js)
print(json.dumps({"rate":int(r),"rep":int(rep),"due":d["due"],"completed":d["completed"],"errors":d["errors"],"seconds":round(d["seconds"],3),"answeredPerSecond":round(d["completed"]/d["seconds"]),"cpuSeconds":round(d["cpuSeconds"],2),"cpuShare":round(d["cpuSeconds"]/d["seconds"],3),"histogram":d["histogram"]}))' >> $out/results.jsonl
  done
done
podman rm -f olc >/dev/null
rm -f $jar
