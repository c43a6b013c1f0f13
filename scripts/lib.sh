# Shared by the scripts: where the project is, and jars that are up to date with the sources: the production
# controller (run), the virtual-time runs against the in-process simulator (virtual-run, simulate), the simulator,
# the HMI.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/controller/runtime/target/controller.jar"
virtual_jar="$root/controller/virtual/target/controller-virtual.jar"
simulator_jar="$root/simulator/target/simulator.jar"
hmi_jar="$root/hmi/target/hmi.jar"

# Builds the project when a jar is missing or older than any source.
ensure_built() {
  local newer="" missing=""
  for built in "$jar" "$virtual_jar" "$simulator_jar" "$hmi_jar"; do
    if [ ! -f "$built" ]; then missing=yes; continue; fi
    newer="$newer$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/controller/*/pom.xml "$root"/*/src \
      "$root"/controller/*/src "$root/docs/io-list.csv" -newer "$built" -type f -print -quit)"
  done
  if [ -n "$missing" ] || [ -n "$newer" ]; then
    echo "building the project ..." >&2
    "$root/mvnw" -q -B -ntp -f "$root/pom.xml" -DskipTests package >&2
  fi
}

# Builds the project with its test classes and prints the test classpath of one module (e.g. controller/virtual):
# its own test and main classes first, then every dependency, sibling modules as their built jars.
test_classpath() {
  local module="$1"
  "$root/mvnw" -q -B -ntp -f "$root/pom.xml" -DskipTests -pl "$module" -am package dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >&2
  echo "$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$root/$module/target/test-classpath.txt")"
}
