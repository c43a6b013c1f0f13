# Shared by the scripts: where the project is, and a controller jar that is up to date with the sources.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/controller/target/controller.jar"

# Builds the controller (and the modules it needs) when the jar is missing or older than any source.
ensure_built() {
  local newer=""
  if [ -f "$jar" ]; then
    newer="$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src "$root/docs/io-list.csv" -newer "$jar" -type f -print -quit)"
  fi
  if [ ! -f "$jar" ] || [ -n "$newer" ]; then
    echo "building the controller ..." >&2
    "$root/mvnw" -q -B -ntp -f "$root/pom.xml" -DskipTests package >&2
  fi
}
