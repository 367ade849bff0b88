# Builds infra-local and what it depends on (no tests), quietly unless the build fails, and sets
# SAMOKODER_CLASSPATH to run its classes. Sourced after scripts/lib/java.sh.

samokoder_build_local() {
  local log
  echo "building (JDK at $JAVA_HOME)..." >&2
  rm -rf infra-local/target/lib # copy-dependencies never removes a jar the build no longer uses
  if ! log=$(mvn -B -ntp -q -DskipTests -pl infra-local -am package 2>&1); then
    echo "$log" >&2
    echo "error: the build failed (above)" >&2
    return 1
  fi
  SAMOKODER_CLASSPATH="infra-local/target/classes:infra-local/target/lib/*"
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
