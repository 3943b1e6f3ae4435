#!/usr/bin/env bash
# Penpals local stack: one command, docker-compose-like, without Docker.
#
#   ./penpals up [-d] | down | status | logs [NAME] | token ROLE [...] | demo [...] | bench [...]
#
# Starts a real Apache Kafka broker (KRaft, Apache Kafka's own jars), the MongoDB-wire server
# with its data on disk, an SMTP server with a web inbox (GreenMail), and every service in its
# own lean JVM (extracted jar, C1 only, serial GC, small heap, class-data sharing). Run
# `./penpals help` for the details.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/../.." && pwd)
LOCAL="$ROOT/deploy/local"

PENPALS_HOME=${PENPALS_HOME:-$ROOT/.penpals}
case $PENPALS_HOME in /*) ;; *) PENPALS_HOME="$PWD/$PENPALS_HOME" ;; esac
DATA="$PENPALS_HOME/data"
LOGS="$PENPALS_HOME/logs"
RUN="$PENPALS_HOME/run"
KEYS="$PENPALS_HOME/keys"
# extracted jars and CDS archives; PENPALS_CDS_DIR lets several homes (the stack tests) share them
CDS="${PENPALS_CDS_DIR:-$PENPALS_HOME/cds}"
STACK_ENV="$RUN/stack.env"

# ---------------------------------------------------------------------------------------------
# The services: one line each -- name | module directory | default port | readiness path.
# The port can be overridden with <NAME>_PORT (REGISTRATION_PORT, ...); the executable jar is
# <module>/target/*-<version>-exec.jar (Boot repackage, classifier exec).
# ---------------------------------------------------------------------------------------------
SERVICES=(
  "registration|registration-service|8081|/actuator/health/readiness"
  "matching|matching-service/app|8082|/actuator/health/readiness"
  "prompt|prompt-service|8083|/actuator/health/readiness"
  "messaging|messaging-service|8084|/actuator/health/readiness"
  "gateway|admin-gateway|8080|/actuator/health/readiness"
  "portal|portal|8090|/actuator/health/readiness"
)
# a module not in this checkout (an older branch, a trimmed build) is left out, and so is every
# service named in PENPALS_WITHOUT (e.g. PENPALS_WITHOUT="portal gateway" on a small machine)
for _i in "${!SERVICES[@]}"; do
  _module=${SERVICES[$_i]#*|}
  [[ -f $ROOT/${_module%%|*}/pom.xml && " ${PENPALS_WITHOUT:-} " != *" ${SERVICES[$_i]%%|*} "* ]] ||
    unset "SERVICES[$_i]"
done
SERVICES=("${SERVICES[@]}")
unset _i _module

# While a stack runs, the addresses it was started with are kept in $STACK_ENV, so that
# `status`, `token`, `demo` ... find it without repeating the environment (":=" only fills
# variables that are unset: an explicit environment still wins).
if [[ -f $STACK_ENV ]]; then
  # shellcheck source=/dev/null
  source "$STACK_ENV"
fi

# Embedded parts step aside when their external address is configured.
EXTERNAL_KAFKA=${KAFKA_BOOTSTRAP_SERVERS:-}
EXTERNAL_MONGO=${MONGODB_URI:-}
# SMTP: with SMTP_HOST set (a real provider: SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, MAIL_FROM)
# no local SMTP server is started and services send there.
EXTERNAL_SMTP=${SMTP_HOST:-}

: "${KAFKA_PORT:=9092}"
: "${KAFKA_CONTROLLER_PORT:=9093}"
: "${MONGO_PORT:=27017}"
# disk: the embedded MongoDB-wire server keeps its data in $DATA/mongo (survives restarts);
# memory: on its heap, dropped at `down` (throw-away stacks such as the apply benchmark's)
: "${MONGO_STORE:=disk}"
: "${SMTP_PORT:=3025}"
: "${SMTP_INBOX_PORT:=8025}"
: "${KAFKA_BOOTSTRAP_SERVERS:=localhost:$KAFKA_PORT}"
# The public apply and email-verification endpoints allow APPLY_RATE_LIMIT and
# VERIFICATION_RATE_LIMIT requests per minute per client (the service's defaults are 30). The
# demo and the load benchmark apply and verify from one client (this machine), so the local
# stack lifts both.
: "${APPLY_RATE_LIMIT:=1000000}"
: "${VERIFICATION_RATE_LIMIT:=1000000}"
# sign-in link requests per minute per client at registration (the portal forwards each
# browser's address) and per hour per client at the portal: lifted like the others, since the
# portal's load command signs 50 people in from this machine
: "${SIGN_IN_RATE_LIMIT:=1000000}"
: "${SIGN_IN_LINKS_PER_CLIENT:=1000000}"
: "${PROMPTS_CLOCK_MODE:=demo}"
: "${PROMPTS_CLOCK_SPEED:=1}"

: "${PENPALS_BUILD:=auto}"           # auto: build what is missing or stale | always | never
: "${PENPALS_CDS:=1}"                # 0: run services without a class-data-sharing archive
: "${PENPALS_UP_TIMEOUT:=240}"       # seconds until every service must be ready
: "${PENPALS_STOP_TIMEOUT:=15}"      # seconds between SIGTERM and SIGKILL
: "${SERVICE_JVM_OPTS:=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k}"
: "${KAFKA_JVM_OPTS:=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms64m -Xmx256m -Xss512k}"
: "${MONGO_JVM_OPTS:=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx192m -Xss512k}"
# the local SMTP server keeps every mail in memory (~17 KB each): a default demo sends ~15,000, so
# 1 GB holds about three runs (the heap only grows as mail comes in; DELETE /api/messages empties it)
: "${SMTP_JVM_OPTS:=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx1g -Xss512k}"
: "${CLI_JVM_OPTS:=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto}"

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
VERSION=$(awk '/<artifactId>penpals-parent<\/artifactId>/ { found = 1 }
  found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml")

KAFKA_LIB="$LOCAL/kafka/target/lib"
MONGO_JAR="$LOCAL/mongo/target/local-mongo-$VERSION.jar"
MONGO_LIB="$LOCAL/mongo/target/lib"
SMTP_JAR="$LOCAL/smtp/target/local-smtp-$VERSION.jar"
SMTP_LIB="$LOCAL/smtp/target/lib"
CLI_JAR="$ROOT/tools/penpals-cli/target/penpals-cli-$VERSION.jar"
CLI_LIB="$ROOT/tools/penpals-cli/target/lib"
# another build of the CLI (a release, an IDE's output) can be named with PENPALS_CLI_CLASSPATH
CLI_CLASSPATH=${PENPALS_CLI_CLASSPATH:-$CLI_JAR:$CLI_LIB/*}

# ------------------------------------------------------------------------------- helpers ----

say() { printf '%s\n' "$*" >&2; }
die() {
  say "penpals: $*"
  exit 1
}

now_us() { local t=${EPOCHREALTIME//[.,]/}; printf '%s' "$((10#$t))"; }
START_US=$(now_us)
seconds_since() { # start_us -> "12.3"
  local d=$(($(now_us) - $1))
  printf '%d.%d' $((d / 1000000)) $(((d / 100000) % 10))
}

svc_name() { printf '%s' "${1%%|*}"; }
svc_field() { # line index
  local IFS='|'
  local -a fields
  read -r -a fields <<<"$1"
  printf '%s' "${fields[$2]}"
}
svc_port() { # name default
  local var="${1^^}_PORT"
  printf '%s' "${!var:-$2}"
}
svc_jar() { # module (its one executable jar, whatever the artifact is called)
  local jars=("$ROOT/$1"/target/*-"$VERSION"-exec.jar)
  printf '%s' "${jars[0]}"
}
service_names() {
  local s
  for s in "${SERVICES[@]}"; do svc_name "$s"; printf '\n'; done
}
service_line() { # name -> line
  local s
  for s in "${SERVICES[@]}"; do
    if [[ $(svc_name "$s") == "$1" ]]; then
      printf '%s' "$s"
      return 0
    fi
  done
  return 1
}

# A component is running when its pid file names a live process whose command line carries
# our markers (-Dpenpals.component=NAME and -Dpenpals.home=HOME): a reused pid never matches.
pid_of() {
  local f="$RUN/$1.pid" pid
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  local cmdline
  cmdline=$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  grep -qxF -- "-Dpenpals.component=$1" <<<"$cmdline" || return 1
  grep -qxF -- "-Dpenpals.home=$PENPALS_HOME" <<<"$cmdline" || return 1
  printf '%s' "$pid"
}

rss_kb() {
  local kb
  kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null) || true
  printf '%s' "${kb:-0}"
}
mb() { printf '%d MB' $((($1 + 512) / 1024)); }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

http_status() { # url -> HTTP status code, 000 when nothing answers
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null || true
}

ensure_port_free() { # port what variable
  if port_open "$1"; then
    die "port $1 ($2) is already in use by another process: stop it, or set $3 to another port"
  fi
}

# Before starting anything: every port a component that is not running yet will bind is free.
preflight_ports() {
  if [[ -z $EXTERNAL_KAFKA ]] && ! pid_of kafka >/dev/null; then
    ensure_port_free "$KAFKA_PORT" "Kafka" KAFKA_PORT
    ensure_port_free "$KAFKA_CONTROLLER_PORT" "Kafka controller" KAFKA_CONTROLLER_PORT
  fi
  if [[ -z $EXTERNAL_MONGO ]] && ! pid_of mongo >/dev/null; then
    ensure_port_free "$MONGO_PORT" "MongoDB" MONGO_PORT
  fi
  if [[ -z $EXTERNAL_SMTP ]] && ! pid_of smtp >/dev/null; then
    ensure_port_free "$SMTP_PORT" "SMTP" SMTP_PORT
    ensure_port_free "$SMTP_INBOX_PORT" "SMTP inbox" SMTP_INBOX_PORT
  fi
  local s name
  for s in "${SERVICES[@]}"; do
    name=$(svc_name "$s")
    pid_of "$name" >/dev/null ||
      ensure_port_free "$(svc_port "$name" "$(svc_field "$s" 2)")" "$name" "${name^^}_PORT"
  done
}

log_tail() { # name
  local log="$LOGS/$1.log"
  if [[ -f $log ]]; then
    say "---- last lines of $log ----"
    tail -n 40 "$log" >&2
    say "----"
  fi
}

# Starts a command in its own session (so Ctrl-C in the terminal reaches only this script),
# detached from our stdin/stdout and from the lock, output appended to logs/NAME.log.
spawn() { # name env-array-name cmd...
  local name=$1 envref=$2
  shift 2
  local log="$LOGS/$name.log"
  printf '\n===== %s: starting %s =====\n' "$(date '+%F %T')" "$name" >>"$log"
  (
    if [[ $envref != - ]]; then
      local -n vars=$envref
      # shellcheck disable=SC2163
      ((${#vars[@]} == 0)) || export "${vars[@]}"
    fi
    cd "$ROOT"
    exec setsid "$@" </dev/null >>"$log" 2>&1 9>&-
  ) &
  printf '%s\n' "$!" >"$RUN/$name.pid"
}

lock() {
  mkdir -p "$RUN"
  exec 9>"$RUN/lock"
  if ! flock -n 9; then
    say "waiting for another penpals command on $PENPALS_HOME ..."
    flock 9
  fi
}
unlock() { exec 9>&-; }

# ----------------------------------------------------------------------------------- build ----

# newer_sources ARTIFACT DIR... : true when a source file in DIRs is newer than ARTIFACT and
# than the last build this script ran (copy-dependencies may leave an up-to-date lib alone).
newer_sources() {
  local artifact=$1 ref=$1
  shift
  if [[ -f $RUN/last-build && $RUN/last-build -nt $artifact ]]; then ref=$RUN/last-build; fi
  local dirs=() d
  for d in "$@"; do [[ -e $d ]] && dirs+=("$d"); done
  ((${#dirs[@]})) || return 1
  [[ -n $(find "${dirs[@]}" -name target -prune -o -type f -newer "$ref" -print -quit) ]]
}

# needs_build MODULE ARTIFACT [EXTRA_SOURCE_DIR...]
needs_build() {
  local module=$1 artifact=$2
  shift 2
  if [[ ! -e $artifact ]]; then
    return 0
  elif [[ -d $artifact && -z $(ls -A "$artifact") ]]; then
    return 0
  fi
  [[ $PENPALS_BUILD == never ]] && return 1
  newer_sources "$artifact" "$ROOT/$module/src" "$ROOT/$module/pom.xml" "$ROOT/pom.xml" "$@"
}

# build_missing [cli] [stack]: builds, in one Maven run, every module whose artifact is missing
# or older than its sources (platform and contracts count as sources of every Java module).
build_missing() {
  local modules=() missing=() what s module
  local shared=("$ROOT/platform" "$ROOT/contracts")
  for what in "$@"; do
    case $what in
      cli)
        [[ -z ${PENPALS_CLI_CLASSPATH:-} ]] || continue
        needs_build tools/penpals-cli "$CLI_JAR" "${shared[@]}" "$ROOT/tools/cohort-generator" &&
          modules+=(tools/penpals-cli) && missing+=("$CLI_JAR")
        [[ -d $CLI_LIB ]] || { modules+=(tools/penpals-cli) && missing+=("$CLI_LIB"); }
        ;;
      stack)
        needs_build deploy/local/kafka "$KAFKA_LIB" && modules+=(deploy/local/kafka) && missing+=("$KAFKA_LIB")
        needs_build deploy/local/mongo "$MONGO_JAR" && modules+=(deploy/local/mongo) && missing+=("$MONGO_JAR")
        [[ -d $MONGO_LIB ]] || { modules+=(deploy/local/mongo) && missing+=("$MONGO_LIB"); }
        if [[ -z $EXTERNAL_SMTP ]]; then
          needs_build deploy/local/smtp "$SMTP_JAR" && modules+=(deploy/local/smtp) && missing+=("$SMTP_JAR")
          [[ -d $SMTP_LIB ]] || { modules+=(deploy/local/smtp) && missing+=("$SMTP_LIB"); }
        fi
        for s in "${SERVICES[@]}"; do
          module=$(svc_field "$s" 1)
          needs_build "$module" "$(svc_jar "$module")" "${shared[@]}" &&
            modules+=("$module") && missing+=("$(svc_jar "$module")")
        done
        ;;
    esac
  done
  ((${#modules[@]})) || return 0
  local list
  list=$(printf '%s\n' "${modules[@]}" | sort -u | paste -sd, -)
  if [[ $PENPALS_BUILD == never ]]; then
    die "missing: ${missing[*]} -- build with: ./mvnw -B -DskipTests install -pl $list -am (PENPALS_BUILD=never)"
  fi
  say "building $list (missing or older than its sources) ..."
  mkdir -p "$RUN"
  local stamp="$RUN/last-build.next"
  touch "$stamp"
  if ! (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true install -pl "$list" -am); then
    rm -f "$stamp"
    die "the build failed (see above); PENPALS_BUILD=never starts the stack from existing jars"
  fi
  mv -f "$stamp" "$RUN/last-build"
}

build_for_stack() {
  if [[ $PENPALS_BUILD == always ]]; then
    say "building everything the stack needs (PENPALS_BUILD=always) ..."
    local list=deploy/local/kafka,deploy/local/mongo,deploy/local/smtp,tools/penpals-cli s
    for s in "${SERVICES[@]}"; do list+=",$(svc_field "$s" 1)"; done
    (cd "$ROOT" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true install -pl "$list" -am) ||
      die "the build failed (see above)"
    return
  fi
  # the CLI is needed here only to make the key pair; `token`, `demo` and `bench` build it anyway
  if keys_present; then
    build_missing stack
  else
    build_missing stack cli
  fi
}

# ------------------------------------------------------------------------------------ CLI ----

cli() { # JVM-OPTS-STRING args...
  local -a opts
  read -r -a opts <<<"$1"
  shift
  "$JAVA" "${opts[@]}" -cp "$CLI_CLASSPATH" org.penpals.cli.PenpalsCli "$@"
}

# The local stack's own secrets, made once by the CLI (`keys --dir`, which creates what is
# absent): the JWT key pair and the secret behind pseudonymous person keys.
KEY_FILES=(jwt-private.pem jwt-public.pem person-key-secret)
keys_present() {
  local f
  for f in "${KEY_FILES[@]}"; do [[ -s $KEYS/$f ]] || return 1; done
}
ensure_keys() {
  keys_present && return 0
  say "generating the local stack's keys in $KEYS ..."
  cli "$CLI_JVM_OPTS" keys --dir "$KEYS" >&2 || die "could not generate keys with the CLI"
  keys_present || die "the CLI did not create ${KEY_FILES[*]} in $KEYS"
}

# ---------------------------------------------------------------------------- components ----

start_kafka() {
  if [[ -n $EXTERNAL_KAFKA ]]; then
    say "kafka: external at $EXTERNAL_KAFKA (KAFKA_BOOTSTRAP_SERVERS), not starting the broker"
    return
  fi
  local pid
  if pid=$(pid_of kafka); then
    say "kafka: already running (pid $pid)"
    return
  fi
  ensure_port_free "$KAFKA_PORT" "Kafka" KAFKA_PORT
  ensure_port_free "$KAFKA_CONTROLLER_PORT" "Kafka controller" KAFKA_CONTROLLER_PORT
  mkdir -p "$DATA/kafka"
  local props="$RUN/kafka-server.properties" log4j="-Dlog4j2.configurationFile=$LOCAL/config/kafka-log4j2.xml"
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@KAFKA_CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    -e "s#@KAFKA_DATA_DIR@#$DATA/kafka#g" "$LOCAL/config/kafka-server.properties" >"$props"
  if [[ ! -f $DATA/kafka/meta.properties ]]; then
    say "kafka: formatting storage in $DATA/kafka (first start)"
    local id
    id=$("$JAVA" "$log4j" -cp "$KAFKA_LIB/*" kafka.tools.StorageTool random-uuid | tail -n 1)
    "$JAVA" "$log4j" -XX:TieredStopAtLevel=1 -cp "$KAFKA_LIB/*" kafka.tools.StorageTool \
      format -t "$id" -c "$props" >>"$LOGS/kafka.log" 2>&1 ||
      { log_tail kafka; die "kafka: formatting the storage failed"; }
  fi
  local -a opts cds
  read -r -a opts <<<"$KAFKA_JVM_OPTS"
  mapfile -t cds < <(kafka_cds_flags)
  spawn kafka - "$JAVA" "${opts[@]}" "${cds[@]}" -Dpenpals.component=kafka \
    "-Dpenpals.home=$PENPALS_HOME" "$log4j" -cp "$KAFKA_LIB/*" kafka.Kafka "$props"
  say "kafka: starting on localhost:$KAFKA_PORT (pid $(<"$RUN/kafka.pid"))"
}

# The broker has no "exit after start-up" switch: its first run records a CDS archive when it
# exits (at `down`, which then takes a few seconds longer); later runs map it (~1 s faster).
kafka_cds_flags() {
  [[ $PENPALS_CDS == 1 ]] || return 0
  local dir="$CDS/kafka" stamp
  stamp="$(find "$KAFKA_LIB" -name '*.jar' -printf '%f %s %T@\n' | sort | cksum) $(readlink -f "$(command -v "$JAVA")")"
  mkdir -p "$dir"
  if [[ ! -f $dir/stamp || $(<"$dir/stamp") != "$stamp" ]]; then
    rm -f "$dir/kafka.jsa"
    printf '%s\n' "$stamp" >"$dir/stamp"
  fi
  if [[ -f $dir/kafka.jsa ]]; then
    printf '%s\n' "-XX:SharedArchiveFile=$dir/kafka.jsa" -Xshare:auto
  else
    printf '%s\n' "-XX:ArchiveClassesAtExit=$dir/kafka.jsa" -Xlog:cds=error
  fi
}

start_mongo() {
  if [[ -n $EXTERNAL_MONGO ]]; then
    say "mongo: external (MONGODB_URI is set), not starting the MongoDB-wire server"
    return
  fi
  local pid
  if pid=$(pid_of mongo); then
    say "mongo: already running (pid $pid)"
    return
  fi
  ensure_port_free "$MONGO_PORT" "MongoDB" MONGO_PORT
  case $MONGO_STORE in
    disk | memory) ;;
    *) die "MONGO_STORE is disk or memory, not '$MONGO_STORE'" ;;
  esac
  mkdir -p "$DATA/mongo"
  local -a opts
  read -r -a opts <<<"$MONGO_JVM_OPTS"
  spawn mongo - "$JAVA" "${opts[@]}" -Dpenpals.component=mongo "-Dpenpals.home=$PENPALS_HOME" \
    -cp "$MONGO_JAR:$MONGO_LIB/*" org.penpals.local.mongo.LocalMongoServer \
    --port "$MONGO_PORT" --data "$DATA/mongo/penpals.mv" --store "$MONGO_STORE"
  say "mongo: starting on localhost:$MONGO_PORT, data on $MONGO_STORE (pid $(<"$RUN/mongo.pid"))"
}

# GreenMail (deploy/local/smtp): accepts mail for any address, keeps it in memory (a restart
# empties the inbox), and shows it on http://localhost:$SMTP_INBOX_PORT/ (JSON: /api/messages).
start_smtp() {
  if [[ -n $EXTERNAL_SMTP ]]; then
    say "smtp: external at $EXTERNAL_SMTP:$SMTP_PORT (SMTP_HOST), not starting the local SMTP server"
    return
  fi
  local pid
  if pid=$(pid_of smtp); then
    say "smtp: already running (pid $pid)"
    return
  fi
  ensure_port_free "$SMTP_PORT" "SMTP" SMTP_PORT
  ensure_port_free "$SMTP_INBOX_PORT" "SMTP inbox" SMTP_INBOX_PORT
  local -a opts
  read -r -a opts <<<"$SMTP_JVM_OPTS"
  spawn smtp - "$JAVA" "${opts[@]}" -Dpenpals.component=smtp "-Dpenpals.home=$PENPALS_HOME" \
    -cp "$SMTP_JAR:$SMTP_LIB/*" org.penpals.local.smtp.LocalSmtpServer \
    --smtp-port "$SMTP_PORT" --inbox-port "$SMTP_INBOX_PORT"
  say "smtp: starting on localhost:$SMTP_PORT, inbox http://localhost:$SMTP_INBOX_PORT/ (pid $(<"$RUN/smtp.pid"))"
}

wait_port() { # name port
  local name=$1 port=$2 deadline=$((SECONDS + 90))
  until port_open "$port"; do
    pid_of "$name" >/dev/null || { log_tail "$name"; die "$name exited during start-up"; }
    ((SECONDS < deadline)) || { log_tail "$name"; die "$name did not open port $port within 90 s"; }
    sleep 0.2
  done
  READY_AT[$name]=$(seconds_since "$START_US")
}

# mongo_uri_for NAME: the service's MongoDB URI, one database per service (penpals-NAME).
# <NAME>_MONGODB_URI wins; with MONGODB_URI set, the same servers, credentials and options are
# used with the database replaced by penpals-NAME (a database named in MONGODB_URI stays the
# authentication database: authSource=<it> is added when credentials are present).
mongo_uri_for() {
  local name=$1 db="penpals-$1" var="${1^^}_MONGODB_URI"
  if [[ -n ${!var:-} ]]; then
    printf '%s' "${!var}"
    return
  fi
  if [[ -z $EXTERNAL_MONGO ]]; then
    printf 'mongodb://localhost:%s/%s' "$MONGO_PORT" "$db"
    return
  fi
  local uri=$EXTERNAL_MONGO scheme rest authority path="" query="" olddb
  scheme=${uri%%://*}
  rest=${uri#*://}
  if [[ $rest == */* ]]; then
    authority=${rest%%/*}
    path=${rest#*/}
  else
    authority=$rest
  fi
  if [[ $authority == *\?* ]]; then
    query=${authority#*\?}
    authority=${authority%%\?*}
  fi
  olddb=${path%%\?*}
  [[ $path == *\?* ]] && query=${path#*\?}
  if [[ -n $olddb && $authority == *@* && $query != *authSource=* ]]; then
    query=${query:+$query&}authSource=$olddb
  fi
  printf '%s://%s/%s%s' "$scheme" "$authority" "$db" "${query:+?$query}"
}

service_env() { # name port -> NAME=value lines
  local name=$1 port=$2
  printf '%s\n' \
    "SERVER_PORT=$port" \
    "MONGODB_URI=$(mongo_uri_for "$name")" \
    "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS" \
    "PENPALS_JWT_PUBLIC_KEY=file:$KEYS/jwt-public.pem" \
    "PENPALS_PERSON_KEY_SECRET=$(<"$KEYS/person-key-secret")" \
    "SMTP_HOST=${EXTERNAL_SMTP:-localhost}" \
    "SMTP_PORT=$SMTP_PORT" \
    "SMTP_USERNAME=${SMTP_USERNAME:-}" \
    "SMTP_PASSWORD=${SMTP_PASSWORD:-}"
  [[ -z ${MAIL_FROM:-} ]] || printf '%s\n' "MAIL_FROM=$MAIL_FROM"
  case $name in
    registration)
      printf '%s\n' "APPLY_RATE_LIMIT=$APPLY_RATE_LIMIT" \
        "VERIFICATION_RATE_LIMIT=$VERIFICATION_RATE_LIMIT" "SIGN_IN_RATE_LIMIT=$SIGN_IN_RATE_LIMIT"
      ;;
    prompt)
      # the local stack runs the programme clock in demo mode: ADMIN (and `./penpals demo`) may
      # fast-forward it; PROMPTS_CLOCK_SPEED makes it run faster than real time
      printf '%s\n' "PROMPTS_CLOCK_MODE=$PROMPTS_CLOCK_MODE" "PROMPTS_CLOCK_SPEED=$PROMPTS_CLOCK_SPEED"
      ;;
    messaging)
      printf '%s\n' "PENPALS_PORTAL_URL=$(svc_url portal)"
      ;;
    gateway)
      printf '%s\n' "PENPALS_KEYS_DIR=$KEYS" "PENPALS_GATEWAY_URL=$(svc_url gateway)" \
        "REGISTRATION_URL=$(svc_url registration)" "MATCHING_URL=$(svc_url matching)" \
        "PROMPTS_URL=$(svc_url prompt)" "MESSAGING_URL=$(svc_url messaging)"
      ;;
    portal)
      printf '%s\n' "PENPALS_JWT_PRIVATE_KEY=file:$KEYS/jwt-private.pem" \
        "SIGN_IN_LINKS_PER_CLIENT=$SIGN_IN_LINKS_PER_CLIENT" \
        "PENPALS_PORTAL_URL=$(svc_url portal)" \
        "REGISTRATION_URL=$(svc_url registration)" "MATCHING_URL=$(svc_url matching)" \
        "PROMPT_URL=$(svc_url prompt)" "PROMPTS_URL=$(svc_url prompt)" \
        "MESSAGING_URL=$(svc_url messaging)"
      ;;
  esac
}

svc_url() { # name -> http://localhost:PORT (the default port when the service is not in SERVICES)
  local s default
  case $1 in
    registration) default=8081 ;; matching) default=8082 ;; prompt) default=8083 ;;
    messaging) default=8084 ;; gateway) default=8080 ;; portal) default=8090 ;;
  esac
  s=$(service_line "$1") && default=$(svc_field "$s" 2)
  printf 'http://localhost:%s' "$(svc_port "$1" "$default")"
}

# Extracts the executable jar into $CDS/NAME/app (Boot's `-Djarmode=tools extract`) and, when
# CDS is on, records a class-data-sharing archive with a training run that exits right after
# the context refresh. Both are redone when the jar (or the JDK) changed. Runs in background.
prepare_service() { # name module port
  local name=$1 module=$2 port=$3 jar dir stamp
  jar=$(svc_jar "$module")
  dir="$CDS/$name"
  stamp="$(stat -c '%s %Y' "$jar") $(readlink -f "$(command -v "$JAVA")")"
  if [[ ! -f $dir/stamp || $(<"$dir/stamp") != "$stamp" ]]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >"$dir/extract.log" 2>&1 ||
      { cat "$dir/extract.log" >&2; return 1; }
    printf '%s\n' "$stamp" >"$dir/stamp"
  fi
  if [[ $PENPALS_CDS == 1 && ! -f $dir/app.jsa ]]; then
    local -a opts envs
    read -r -a opts <<<"$SERVICE_JVM_OPTS"
    mapfile -t envs < <(service_env "$name" "$port")
    # shellcheck disable=SC2163
    # same JVM flags, same absolute jar path and same working directory as the real run, or
    # the JVM refuses the archive
    if ! (export "${envs[@]}" && cd "$ROOT" &&
      "$JAVA" "${opts[@]}" -XX:ArchiveClassesAtExit="$dir/app.jsa" -Xlog:cds=error \
        -Dspring.context.exit=onRefresh -jar "$dir/app/${jar##*/}" \
        </dev/null >"$LOGS/$name-cds-training.log" 2>&1 9>&-); then
      rm -f "$dir/app.jsa"
      say "$name: the CDS training run failed (see $LOGS/$name-cds-training.log); starting without CDS"
    fi
  fi
}

start_service() { # name module port
  local name=$1 module=$2 port=$3 jar dir
  jar=$(svc_jar "$module")
  dir="$CDS/$name"
  ensure_port_free "$port" "$name" "${name^^}_PORT"
  local -a opts envs cds=()
  read -r -a opts <<<"$SERVICE_JVM_OPTS"
  mapfile -t envs < <(service_env "$name" "$port")
  if [[ $PENPALS_CDS == 1 && -f $dir/app.jsa ]]; then
    cds=(-XX:SharedArchiveFile="$dir/app.jsa" -Xshare:auto)
  fi
  spawn "$name" envs "$JAVA" "${opts[@]}" "${cds[@]}" "-Dpenpals.component=$name" \
    "-Dpenpals.home=$PENPALS_HOME" -jar "$dir/app/${jar##*/}"
  say "$name: starting on http://localhost:$port (pid $(<"$RUN/$name.pid"))"
}

# True when the service's JVM mapped its own CDS archive (CDS mmaps the .jsa file; the JDK's
# base archive is mapped too, so look for this service's file by name).
uses_cds() { grep -qE "$CDS/$2/[a-z]+\.jsa" "/proc/$1/maps" 2>/dev/null; }

# --------------------------------------------------------------------------------- up/down ----

declare -A READY_AT=()

keep() { # NAME VALUE -> a line that sets NAME to VALUE unless NAME is already set
  # shellcheck disable=SC2016
  printf '[[ -n ${%s+set} ]] || %s=%q\n' "$1" "$1" "$2"
}

save_stack_env() {
  {
    keep KAFKA_PORT "$KAFKA_PORT"
    keep KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT"
    keep MONGO_PORT "$MONGO_PORT"
    keep SMTP_PORT "$SMTP_PORT"
    keep SMTP_INBOX_PORT "$SMTP_INBOX_PORT"
    [[ -z $EXTERNAL_KAFKA ]] || keep KAFKA_BOOTSTRAP_SERVERS "$EXTERNAL_KAFKA"
    [[ -z $EXTERNAL_MONGO ]] || keep MONGODB_URI "$EXTERNAL_MONGO"
    [[ -z $EXTERNAL_SMTP ]] || keep SMTP_HOST "$EXTERNAL_SMTP"
    local s name
    for s in "${SERVICES[@]}"; do
      name=$(svc_name "$s")
      keep "${name^^}_PORT" "$(svc_port "$name" "$(svc_field "$s" 2)")"
    done
  } >"$STACK_ENV"
}

any_running() {
  local n
  for n in kafka mongo smtp $(service_names); do pid_of "$n" >/dev/null && return 0; done
  return 1
}

wait_services_ready() {
  local deadline=$((SECONDS + PENPALS_UP_TIMEOUT)) pending=() s name port url
  for s in "${SERVICES[@]}"; do pending+=("$s"); done
  while ((${#pending[@]})); do
    local still=()
    for s in "${pending[@]}"; do
      name=$(svc_name "$s")
      port=$(svc_port "$name" "$(svc_field "$s" 2)")
      url="http://localhost:$port$(svc_field "$s" 3)"
      if [[ $(http_status "$url") == 200 ]]; then
        READY_AT[$name]=$(seconds_since "$START_US")
        say "$name: ready after ${READY_AT[$name]} s"
      elif ! pid_of "$name" >/dev/null; then
        log_tail "$name"
        die "$name exited before it was ready (log: $LOGS/$name.log)"
      else
        still+=("$s")
      fi
    done
    pending=("${still[@]+"${still[@]}"}")
    ((${#pending[@]})) || break
    if ((SECONDS >= deadline)); then
      for s in "${pending[@]}"; do log_tail "$(svc_name "$s")"; done
      die "not ready within $PENPALS_UP_TIMEOUT s: $(for s in "${pending[@]}"; do svc_name "$s"; printf ' '; done)(still running; ./penpals logs NAME, ./penpals down)"
    fi
    sleep 0.25
  done
}

print_up_table() {
  local total_kb=0 jvms=0 n pid rss cds url ready s
  printf '%-14s %-34s %-8s %-9s %-4s %s\n' NAME URL PID READY CDS RSS
  for n in kafka mongo smtp $(service_names); do
    case $n in
      kafka) url="localhost:$KAFKA_PORT"; [[ -n $EXTERNAL_KAFKA ]] && url="$EXTERNAL_KAFKA (external)" ;;
      mongo) url="mongodb://localhost:$MONGO_PORT"; [[ -n $EXTERNAL_MONGO ]] && url="(external)" ;;
      smtp) url="smtp://localhost:$SMTP_PORT inbox :$SMTP_INBOX_PORT"; [[ -n $EXTERNAL_SMTP ]] && url="$EXTERNAL_SMTP:$SMTP_PORT (external)" ;;
      *) s=$(service_line "$n"); url="http://localhost:$(svc_port "$n" "$(svc_field "$s" 2)")" ;;
    esac
    if pid=$(pid_of "$n"); then
      rss=$(rss_kb "$pid")
      total_kb=$((total_kb + rss))
      jvms=$((jvms + 1))
      cds=-
      [[ $n == mongo || $n == smtp ]] || { uses_cds "$pid" "$n" && cds=yes || cds=no; }
      ready=${READY_AT[$n]:-up}
      [[ $ready == up ]] || ready="$ready s"
      printf '%-14s %-34s %-8s %-9s %-4s %s\n' "$n" "$url" "$pid" "$ready" "$cds" "$(mb "$rss")"
    else
      printf '%-14s %-34s %-8s %-9s %-4s %s\n' "$n" "$url" - - - -
    fi
  done
  printf 'all healthy %s s after the command started; %d JVMs, total RSS %s\n' \
    "$(seconds_since "$START_US")" "$jvms" "$(mb "$total_kb")"
}

cmd_up() {
  local detach=0
  while (($#)); do
    case $1 in
      -d | --detach) detach=1 ;;
      *) die "up: unknown option $1 (usage: ./penpals up [-d])" ;;
    esac
    shift
  done
  if ((!detach)); then
    # foreground: Ctrl-C, SIGTERM, a failed start or the end of the log stream stop everything
    trap 'exit 0' INT TERM
    trap 'stop_on_exit' EXIT
  fi
  mkdir -p "$DATA" "$LOGS" "$RUN" "$KEYS" "$CDS"
  lock
  build_for_stack
  ensure_keys
  preflight_ports
  start_kafka
  start_mongo
  start_smtp

  # while the broker and the database start, extract jars and train CDS archives in parallel
  local s name module port pid pids=()
  local -a to_start=()
  for s in "${SERVICES[@]}"; do
    name=$(svc_name "$s")
    module=$(svc_field "$s" 1)
    port=$(svc_port "$name" "$(svc_field "$s" 2)")
    if pid=$(pid_of "$name"); then
      say "$name: already running (pid $pid)"
      continue
    fi
    to_start+=("$name|$module|$port")
    prepare_service "$name" "$module" "$port" &
    pids+=($!)
  done
  for pid in "${pids[@]+"${pids[@]}"}"; do wait "$pid" || die "preparing a service failed"; done

  [[ -n $EXTERNAL_KAFKA ]] || wait_port kafka "$KAFKA_PORT"
  [[ -n $EXTERNAL_MONGO ]] || wait_port mongo "$MONGO_PORT"
  [[ -n $EXTERNAL_SMTP ]] || wait_port smtp "$SMTP_PORT"
  for s in "${to_start[@]+"${to_start[@]}"}"; do
    IFS='|' read -r name module port <<<"$s"
    start_service "$name" "$module" "$port"
  done
  save_stack_env
  wait_services_ready
  unlock
  print_up_table
  if ((detach)); then
    return 0
  fi
  say "streaming logs; Ctrl-C stops the stack"
  stream_logs
  while any_running; do
    sleep 2 &
    wait $! || true
  done
  say "every component has stopped"
}

stop_on_exit() {
  local code=$?
  trap - EXIT INT TERM
  if any_running; then
    say ""
    say "stopping the stack ..."
    cmd_down
  fi
  exit "$code"
}

stop_components() { # names... : SIGTERM, wait up to PENPALS_STOP_TIMEOUT s, then SIGKILL
  local -A stopping=()
  local n pid start
  start=$(now_us)
  for n in "$@"; do
    if pid=$(pid_of "$n"); then
      stopping[$n]=$pid
      kill -TERM "$pid" 2>/dev/null || true
    else
      rm -f "$RUN/$n.pid"
    fi
  done
  local deadline=$((SECONDS + PENPALS_STOP_TIMEOUT))
  while ((${#stopping[@]})); do
    for n in "${!stopping[@]}"; do
      if ! pid_of "$n" >/dev/null; then
        say "$n: stopped ($(seconds_since "$start") s)"
        rm -f "$RUN/$n.pid"
        unset "stopping[$n]"
      elif ((SECONDS >= deadline)); then
        kill -KILL "${stopping[$n]}" 2>/dev/null || true
        say "$n: killed after ${PENPALS_STOP_TIMEOUT} s"
        rm -f "$RUN/$n.pid"
        unset "stopping[$n]"
      fi
    done
    ((${#stopping[@]})) && sleep 0.2
  done
  return 0
}

cmd_down() {
  [[ -d $RUN ]] || { say "nothing to stop"; return 0; }
  lock
  if ! any_running; then
    say "nothing running"
  fi
  # services first, so that they can still flush to Kafka and MongoDB; then both in parallel
  # shellcheck disable=SC2046
  stop_components $(service_names)
  stop_components kafka mongo smtp
  rm -f "$STACK_ENV"
  unlock
}

# ---------------------------------------------------------------------------- status/logs ----

cmd_status() {
  printf '%-14s %-9s %-8s %-36s %-14s %s\n' NAME STATE PID ADDRESS HEALTH RSS
  local n pid addr health s url code state
  for n in kafka mongo smtp $(service_names); do
    health=-
    case $n in
      kafka) addr="localhost:$KAFKA_PORT" ;;
      mongo) addr="mongodb://localhost:$MONGO_PORT" ;;
      smtp) addr="smtp://localhost:$SMTP_PORT" ;;
      *)
        s=$(service_line "$n")
        addr="http://localhost:$(svc_port "$n" "$(svc_field "$s" 2)")"
        url="$addr$(svc_field "$s" 3)"
        ;;
    esac
    if [[ $n == kafka && -n $EXTERNAL_KAFKA ]]; then
      printf '%-14s %-9s %-8s %-36s %-14s %s\n' "$n" external - "$EXTERNAL_KAFKA" - -
      continue
    elif [[ $n == mongo && -n $EXTERNAL_MONGO ]]; then
      printf '%-14s %-9s %-8s %-36s %-14s %s\n' "$n" external - "(MONGODB_URI)" - -
      continue
    elif [[ $n == smtp && -n $EXTERNAL_SMTP ]]; then
      printf '%-14s %-9s %-8s %-36s %-14s %s\n' "$n" external - "$EXTERNAL_SMTP:$SMTP_PORT" - -
      continue
    fi
    if pid=$(pid_of "$n"); then
      state=running
      case $n in
        kafka) port_open "$KAFKA_PORT" && health="port open" || health="port closed" ;;
        mongo) port_open "$MONGO_PORT" && health="port open" || health="port closed" ;;
        smtp)
          [[ $(http_status "http://localhost:$SMTP_INBOX_PORT/health") == 200 ]] &&
            port_open "$SMTP_PORT" && health="ready" || health="no answer"
          ;;
        *)
          code=$(http_status "$url")
          case $code in
            200) health="ready" ;;
            000) health="no answer" ;;
            *) health="not ready ($code)" ;;
          esac
          ;;
      esac
      printf '%-14s %-9s %-8s %-36s %-14s %s\n' "$n" "$state" "$pid" "$addr" "$health" "$(mb "$(rss_kb "$pid")")"
    else
      printf '%-14s %-9s %-8s %-36s %-14s %s\n' "$n" stopped - "$addr" - -
    fi
  done
}

known_component() {
  local n
  for n in kafka mongo smtp $(service_names); do [[ $n == "$1" ]] && return 0; done
  return 1
}

# Streams every component's log, each line prefixed with its name, until this script exits.
stream_logs() {
  local files=() n
  for n in kafka mongo smtp $(service_names); do
    [[ -f $LOGS/$n.log ]] && files+=("$LOGS/$n.log")
  done
  ((${#files[@]})) || return 0
  tail --pid=$$ -n 0 -F "${files[@]}" 2>/dev/null | awk '
    /^==> .* <==$/ { name = $2; sub(/.*\//, "", name); sub(/\.log$/, "", name); next }
    { printf "%-13s| %s\n", name, $0; fflush() }' &
}

cmd_logs() {
  if (($# == 0)); then
    stream_logs
    wait
    return
  fi
  known_component "$1" ||
    die "logs: unknown component '$1' (one of: kafka mongo $(service_names | paste -sd' ' -) smtp)"
  [[ -f $LOGS/$1.log ]] || die "logs: no log yet for $1 ($LOGS/$1.log)"
  exec tail -n 200 -F "$LOGS/$1.log"
}

# ------------------------------------------------------------------ token/demo/bench/help ----

registration_url() {
  local s
  s=$(service_line registration)
  printf 'http://localhost:%s' "$(svc_port registration "$(svc_field "$s" 2)")"
}

cmd_token() {
  (($#)) || die "usage: ./penpals token ROLE [--subject S] [--ttl 15m]"
  build_missing cli
  ensure_keys
  cli "$CLI_JVM_OPTS" token "$1" --keys "$KEYS" "${@:2}"
}

# cli_against_stack COMMAND [args...]: the CLI command aimed at this stack; --registration,
# --keys and --kafka default to the stack's own unless given.
cli_against_stack() {
  local command=$1 arg
  shift
  local -a defaults=()
  local -A given=()
  for arg in "$@"; do
    case $arg in --registration* | --keys* | --kafka*) given[${arg%%=*}]=1 ;; esac
  done
  [[ -n ${given[--registration]:-} ]] || defaults+=(--registration "$(registration_url)")
  [[ -n ${given[--keys]:-} ]] || defaults+=(--keys "$KEYS")
  [[ -n ${given[--kafka]:-} ]] || defaults+=(--kafka "$KAFKA_BOOTSTRAP_SERVERS")
  build_missing cli
  ensure_keys
  cli "${PENPALS_CLI_JVM_OPTS:-}" "$command" "$@" "${defaults[@]}"
}

matching_url() {
  local s
  s=$(service_line matching)
  printf 'http://localhost:%s' "$(svc_port matching "$(svc_field "$s" 2)")"
}

cmd_demo() {
  local arg
  local -a extra=()
  local -A given=()
  for arg in "$@"; do
    case $arg in --matching* | --prompts* | --messaging* | --inbox* | --match) given[${arg%%=*}]=1 ;; esac
  done
  [[ -n ${given[--matching]:-} ]] || extra+=(--matching "$(matching_url)")
  # with prompt-service in the stack the demo plays the cycle's weeks to its completion; with
  # messaging-service it announces to the cycle and quiet partners answer their reporters
  if [[ -z ${given[--prompts]:-} ]] && service_line prompt >/dev/null; then
    extra+=(--prompts "$(svc_url prompt)")
  fi
  if [[ -z ${given[--messaging]:-} ]] && service_line messaging >/dev/null; then
    extra+=(--messaging "$(svc_url messaging)")
  fi
  if [[ -z ${given[--inbox]:-} && -z $EXTERNAL_SMTP ]]; then
    extra+=(--inbox "http://localhost:$SMTP_INBOX_PORT/")
  fi
  cli_against_stack demo "$@" "${extra[@]+"${extra[@]}"}"
}

# admin create EMAIL [--name "Full Name"] [--reset]: the first (or another) administrator of the
# staff console, with a one-time password printed once; run against the stack's database.
cmd_admin() {
  (($#)) || die 'usage: ./penpals admin create EMAIL [--name "Full Name"] [--reset]'
  service_line gateway >/dev/null || die "this checkout has no admin gateway"
  local jar
  jar=$(svc_jar admin-gateway)
  [[ -f $jar ]] || build_missing stack
  jar=$(svc_jar admin-gateway)
  [[ -f $jar ]] || die "no admin-gateway jar: ./penpals up builds it"
  local -a opts envs
  read -r -a opts <<<"$CLI_JVM_OPTS"
  mapfile -t envs < <(service_env gateway "$(svc_port gateway 8080)")
  (export "${envs[@]}" && "$JAVA" "${opts[@]}" -Dlogging.level.root=WARN -jar "$jar" admin "$@")
}
cmd_bench() { cli_against_stack bench "$@"; }

cmd_help() {
  cat <<EOF
Penpals local stack -- one command, no Docker.

  ./penpals up           build what is missing, start everything, stream logs; Ctrl-C stops all
  ./penpals up -d        the same in the background; returns once every service is ready
  ./penpals down         stop everything (SIGTERM, SIGKILL after ${PENPALS_STOP_TIMEOUT} s); idempotent
  ./penpals status       each component: running/stopped, pid, address, health, memory
  ./penpals logs [NAME]  follow a log (kafka, mongo, smtp, $(service_names | paste -sd' ' -)); all without NAME
  ./penpals token ROLE [--subject S] [--ttl 15m]
                         print a short-lived bearer token (ADMIN, COORDINATOR, VIEWER, ...)
  ./penpals admin create EMAIL [--name "Full Name"] [--reset]
                         create a staff administrator; prints a one-time password to change at
                         the first sign-in on the console (the gateway's URL)
  ./penpals demo [...]   a whole demo cycle (a new one each run): synthetic applicants apply and
                         verify through the public API, one country over its cap is waitlisted and
                         admitted (freed places, then staff), the cycle is matched and published,
                         and the programme clock runs through the weekly prompts with an
                         announcement, withdrawals, quiet partners reminded and re-paired, to the
                         cycle's completion; it prints each kind of mail's count and checks it
                         against the inbox (exit 1 and a FAILED line if anything falls short)
  ./penpals bench apply [...]   run the load benchmark against the local stack

Components: Apache Kafka (KRaft, one node) on localhost:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT),
the MongoDB-wire server on localhost:$MONGO_PORT (one database per service: penpals-NAME),
an SMTP server on localhost:$SMTP_PORT whose inbox is http://localhost:$SMTP_INBOX_PORT/,
$(for s in "${SERVICES[@]}"; do printf '%s on http://localhost:%s, ' "$(svc_name "$s")" "$(svc_port "$(svc_name "$s")" "$(svc_field "$s" 2)")"; done)each in its own JVM.

State lives in \$PENPALS_HOME (now $PENPALS_HOME): data/ (kept across restarts),
logs/, run/ (pids), keys/ (JWT key pair, person-key secret), cds/ (extracted jars, CDS archives).

Environment:
  KAFKA_BOOTSTRAP_SERVERS  use this Kafka instead of starting one
  MONGODB_URI              use this MongoDB instead of starting one; each service gets the same
                           URI with its own database (penpals-NAME); <NAME>_MONGODB_URI overrides
  SMTP_HOST                use this SMTP server (a real provider) instead of starting one; with
                           SMTP_PORT SMTP_USERNAME SMTP_PASSWORD MAIL_FROM passed to services
  KAFKA_PORT KAFKA_CONTROLLER_PORT MONGO_PORT SMTP_PORT SMTP_INBOX_PORT <NAME>_PORT
                           ports of the embedded parts
  APPLY_RATE_LIMIT VERIFICATION_RATE_LIMIT   requests per minute per client on the public
                           apply/verify endpoints (default 1000000: demo and bench use one client)
  PENPALS_BUILD=auto|always|never   PENPALS_CDS=1|0   PENPALS_UP_TIMEOUT=$PENPALS_UP_TIMEOUT
  PENPALS_WITHOUT="portal ..."      services to leave out of the stack
  PROMPTS_CLOCK_MODE=demo|system PROMPTS_CLOCK_SPEED=1   prompt-service's programme clock (demo:
                           ADMIN and ./penpals demo may fast-forward it)
  SERVICE_JVM_OPTS KAFKA_JVM_OPTS MONGO_JVM_OPTS SMTP_JVM_OPTS   JVM flags (defaults are lean: C1, serial GC)
EOF
}

main() {
  local cmd=${1:-help}
  (($#)) && shift
  case $cmd in
    up) cmd_up "$@" ;;
    down) cmd_down ;;
    status | ps) cmd_status ;;
    logs) cmd_logs "$@" ;;
    token) cmd_token "$@" ;;
    demo) cmd_demo "$@" ;;
    admin) cmd_admin "$@" ;;
    bench) cmd_bench "$@" ;;
    help | -h | --help) cmd_help ;;
    _mongo-uri) mongo_uri_for "$1"; printf '\n' ;; # for the script's own tests
    *)
      say "penpals: unknown command '$cmd'"
      cmd_help >&2
      exit 2
      ;;
  esac
}

main "$@"
