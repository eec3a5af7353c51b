#!/usr/bin/env bash
# Regenerates crds/strimzi/*.yaml for a Strimzi release, the way Strimzi's own build produces its
# install CRDs: io.strimzi.crdgenerator.CrdGenerator run over the io.strimzi:api model classes,
# with the arguments of Strimzi's api/pom.xml. Needs Maven Central and a Java 21+ runtime
# (crd-generator 1.x is compiled for Java 21), e.g. JAVA21=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java.
#
#   deploy/crds/regenerate-strimzi-crds.sh 1.2.0
set -euo pipefail
version="${1:?usage: $0 <strimzi-version>}"
java21="${JAVA21:-java}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>strimzi-crds</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.strimzi</groupId><artifactId>api</artifactId><version>$version</version></dependency>
    <dependency><groupId>io.strimzi</groupId><artifactId>crd-generator</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
POM
"$here/../../mvnw" -q -f "$work/pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt"

"$java21" -cp "$(cat "$work/classpath.txt")" io.strimzi.crdgenerator.CrdGenerator \
  --label app:strimzi --label strimzi.io/crd-install:true \
  --target-kube 1.16+ --crd-api-version v1 --api-versions v1 --storage-version v1 --yaml \
  io.strimzi.api.kafka.model.kafka.Kafka="$work/kafkas.yaml" \
  io.strimzi.api.kafka.model.nodepool.KafkaNodePool="$work/kafkanodepools.yaml" \
  io.strimzi.api.kafka.model.topic.KafkaTopic="$work/kafkatopics.yaml" \
  io.strimzi.api.kafka.model.user.KafkaUser="$work/kafkausers.yaml"

for crd in kafkas kafkanodepools kafkatopics kafkausers; do
  {
    echo "# GENERATED FILE - do not edit by hand."
    echo "# Strimzi $version CRD (API version v1), produced by io.strimzi.crdgenerator.CrdGenerator $version"
    echo "# from io.strimzi:api:$version with the arguments Strimzi's own build uses (see deploy/crds/README.md)."
    cat "$work/$crd.yaml"
  } > "$here/strimzi/$crd.kafka.strimzi.io.yaml"
done
echo "regenerated $here/strimzi for Strimzi $version"
