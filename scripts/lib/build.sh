# Builds a module and what it depends on (no tests), quietly unless the build fails, and sets
# SAMOKODER_CLASSPATH to run its classes. Sourced after scripts/lib/java.sh.

# infra-local: the platform (scripts/dev, scripts/asl-engine, scripts/sandbox-run).
samokoder_build_local() {
  samokoder_build infra-local || return
  SAMOKODER_CLASSPATH="infra-local/target/classes:infra-local/target/lib/*"
}

# tools: the demos and benchmarks (scripts/demo, scripts/bench), on infra-local's classpath (tools/pom.xml).
samokoder_build_tools() {
  samokoder_build tools || return
  SAMOKODER_CLASSPATH="tools/target/classes:infra-local/target/classes:infra-local/target/lib/*"
}

samokoder_build() { # $1 = the module
  local log
  echo "building (JDK at $JAVA_HOME)..." >&2
  rm -rf infra-local/target/lib # copy-dependencies never removes a jar the build no longer uses
  if ! log=$(mvn -B -ntp -q -DskipTests -pl "$1" -am package 2>&1); then
    echo "$log" >&2
    echo "error: the build failed (above)" >&2
    return 1
  fi
}

# JVM flags every local process needs on this JDK.
samokoder_jvm_flags() {
  local major
  major=$(samokoder_java_major "$JAVA_HOME")
  # the functions' jars carry their JSON logback.xml for Lambda; locally we pick readable lines
  SAMOKODER_JVM_FLAGS=(-XX:+UseSerialGC -Xss1m -Dlogback.configurationFile=logback-local.xml)
  if [ "$major" -ge 24 ]; then
    # DynamoDB Local's natives and Pekko's Unsafe use, allowed without warnings
    SAMOKODER_JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
  fi
}
