# Helpers the benchmark scripts share; sourced, not run.

# A port of 127.0.0.1 nothing listens on.
free_port() {
  local port
  for port in $(shuf -i 20000-40000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

# The median of the numbers on standard input, one a line ("nan" for none).
median() { sort -n | awk '{v[NR] = $1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# Requests a second in a wrk report.
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
