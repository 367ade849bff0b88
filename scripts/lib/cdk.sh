# The AWS CDK CLI (infra-cdk/package.json pins it) and the environment every cdk command runs
# with. Sourced by scripts/test and scripts/deploy, from the repository root, after java.sh.

# No version check, no telemetry, no notices: synth works offline and says the same every time.
export CDK_DISABLE_VERSION_CHECK=1
export CDK_DISABLE_CLI_TELEMETRY=true
# jsii (the Java CDK's Node.js bridge) warns on every start under Node 20
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

# npm ci in infra-cdk when the CLI is missing or older than the lock file (always in CI).
samokoder_cdk_cli() {
  if [ "${CI:-}" = "true" ] || [ ! -f infra-cdk/node_modules/.package-lock.json ] \
    || [ infra-cdk/package-lock.json -nt infra-cdk/node_modules/.package-lock.json ]; then
    echo "installing the CDK CLI (npm ci in infra-cdk)..." >&2
    (cd infra-cdk && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
