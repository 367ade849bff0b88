# Finds a JDK 21+ and exports JAVA_HOME and PATH for it. Sourced by the scripts in scripts/.
# Order: JAVA_HOME if it is 21+, else the newest JDK 21+ under /usr/lib/jvm (and the macOS
# location), else the JDK of the `java` on PATH if it is 21+, else a clear error.

samokoder_java_major() { # $1 = a JDK home; prints its major version or nothing
  local java="$1/bin/java"
  [ -x "$java" ] && [ -x "$1/bin/javac" ] || return 0
  "$java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'
}

samokoder_find_java() {
  local required=21 candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(samokoder_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
    echo "note: JAVA_HOME=$JAVA_HOME is not a JDK $required+ (version: ${major:-none}); looking for another" >&2
  fi
  for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$candidate" ] || continue
    major=$(samokoder_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$required" ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(samokoder_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge "$required" ]; then best="$candidate"; fi
  fi
  if [ -z "$best" ]; then
    cat >&2 <<MSG
error: Samokoder needs a JDK $required or newer, and none was found
       (looked at JAVA_HOME, /usr/lib/jvm/*, and the javac on PATH).
       Install one, for example Eclipse Temurin 21 (https://adoptium.net) or your
       distribution's openjdk-21-jdk package, then run this again
       (or set JAVA_HOME to its folder).
MSG
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

samokoder_require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "error: Maven (mvn) is needed: install it (apt-get install maven, or https://maven.apache.org) and run this again" >&2
    return 1
  fi
}
