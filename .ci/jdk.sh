# Sourced by .ci/run: Maven itself may run on the machine's java 17; the toolchains plugin in
# pom.xml finds a JDK >= 21 under /usr/lib/jvm for compiling and testing. This only checks
# that one exists, so that a machine without one fails with a clear message.
found=""
for candidate in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
  candidate="${candidate%/}"
  [ -x "$candidate/bin/javac" ] || continue
  major="$("$candidate/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)"
  if [ -n "$major" ] && [ "$major" -ge 21 ]; then found="$candidate"; break; fi
done
if [ -z "$found" ]; then
  echo "ci: no JDK >= 21 under /usr/lib/jvm; install one (e.g. temurin-25-jdk)" >&2
  exit 1
fi
echo "ci: found $found (Maven's toolchains plugin selects a JDK >= 21 itself)"
