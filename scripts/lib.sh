# Shared by the scripts: where the project is, and a controller jar that is up to date with the sources.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/controller/target/controller.jar"
simulator_jar="$root/simulator/target/simulator.jar"

# Builds the project when a jar is missing or older than any source.
ensure_built() {
  local newer="" missing=""
  for built in "$jar" "$simulator_jar"; do
    if [ ! -f "$built" ]; then missing=yes; continue; fi
    newer="$newer$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src "$root/docs/io-list.csv" -newer "$built" -type f -print -quit)"
  done
  if [ -n "$missing" ] || [ -n "$newer" ]; then
    echo "building the project ..." >&2
    "$root/mvnw" -q -B -ntp -f "$root/pom.xml" -DskipTests package >&2
  fi
}
