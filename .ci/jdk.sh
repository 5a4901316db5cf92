# Sourced by .ci/run and .ci/sample: points JAVA_HOME at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, then the `java` on PATH, then the newest JDK under /usr/lib/jvm.

java_major() { # prints the feature version of the JDK in $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -nE 's/^ *java\.specification\.version = ([0-9]+).*/\1/p' | head -1
}

pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
      $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's#/$##' | sort -rV); do
    [ -n "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! OTP_JDK=$(pick_jdk); then
  echo "ERROR: no JDK 21 or newer found." >&2
  echo "  Looked at \$JAVA_HOME (${JAVA_HOME:-unset}), the javac on PATH, and /usr/lib/jvm/*." >&2
  echo "  Install a JDK 21+ (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$OTP_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
# Debian's Maven warns about sun.misc.Unsafe on JDK 23+; the flag silences it but breaks older JDKs.
if [ "$(java_major "$JAVA_HOME")" -ge 23 ]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
echo "Using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME"
