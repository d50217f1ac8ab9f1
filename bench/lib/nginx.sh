# A throwaway nginx for B8 (Debian's nginx): three servers on loopback ports. One runs the nginx
# configuration of docs/forward-auth.md as written there (only its addresses replaced), one
# passes requests to the same upstream without asking zauth, and one is that upstream: a
# fixed JSON answer, so that the comparison measures what forward authentication adds.
# Sourced by bench/run; safe under set -euo pipefail.
#
#   nginx_start DIR ZAUTH_PORT AUTH_PORT PLAIN_PORT UPSTREAM_PORT
#   nginx_stop DIR

_nginx_documented_site() {  # zauth-port upstream-port listen-port
    python3 - "$1" "$2" "$3" <<'PY'
import re, sys
zauth, upstream, listen = sys.argv[1:]
guide = open("docs/forward-auth.md").read()
block = re.search(r"```nginx\n(.*?)```", guide, re.S).group(1)
print(block.replace("server 127.0.0.1:8080;", f"server 127.0.0.1:{zauth};")
           .replace("server 127.0.0.1:9090;", f"server 127.0.0.1:{upstream};")
           .replace("listen 80;", f"listen 127.0.0.1:{listen};"))
PY
}

nginx_start() {
    local dir=$1 zauth_port=$2 auth_port=$3 plain_port=$4 upstream_port=$5 i
    mkdir -p "$dir"
    chmod 755 "$dir"
    {
        printf 'worker_processes auto;\nerror_log %s/error.log warn;\npid %s/nginx.pid;\n' "$dir" "$dir"
        printf 'events { worker_connections 1024; }\nhttp {\n    access_log off;\n'
        for temp in client_body proxy fastcgi uwsgi scgi; do
            printf '    %s_temp_path %s/%s;\n' "$temp" "$dir" "$temp"
        done
        _nginx_documented_site "$zauth_port" "$upstream_port" "$auth_port"
        printf '    server {\n        listen 127.0.0.1:%s;\n        location / {\n' "$plain_port"
        printf '            proxy_pass http://api;\n            proxy_http_version 1.1;\n'
        printf '            proxy_set_header Connection "";\n            proxy_set_header Host $host;\n'
        printf '            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n        }\n    }\n'
        printf '    server {\n        listen 127.0.0.1:%s;\n        location / {\n' "$upstream_port"
        printf '            default_type application/json;\n'
        printf '            return 200 %s;\n        }\n    }\n}\n' "'{\"result\":\"success\",\"msg\":\"\"}'"
    } >"$dir/nginx.conf"
    /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf"
    for i in $(seq 1 100); do
        curl -fsS -o /dev/null "http://127.0.0.1:$upstream_port/" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "bench/run: nginx did not start; see $dir/error.log" >&2
    return 1
}

nginx_stop() {
    local dir=$1
    if [ -f "$dir/nginx.pid" ]; then
        kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
    fi
}
