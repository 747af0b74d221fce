# syntax=docker/dockerfile:1
# Any subgraph, chosen by build arguments. Build from the repository root (the Maven reactor needs the
# parent POM and the starter), e.g.:
#   docker build -f subgraph.Dockerfile --build-arg MODULE=catalog-subgraph --build-arg PORT=4003 \
#     -t supergraph/catalog-subgraph .
ARG MODULE

# The build stays on JDK 17 (the code is compiled with --release 17).
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The runnable jar is the -exec one (the parent POM classifies it so); the plain jar matches *.jar too.
# Extracted (app.jar plus lib/), the layout an AOT cache needs: it records the class path.
# The jar carries no database and no development key; the training run below gets both from
# /workspace/training (LocalPostgres and TrainingToken of subgraph-starter-dev with its class path,
# the development key pair), mounted for that one step only, so the image carries neither.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl "${MODULE}" -am package -DskipTests \
    && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /workspace/app.jar \
    && java -Djarmode=tools -jar /workspace/app.jar extract --destination /workspace/extracted \
    && mkdir -p /workspace/training/lib \
    && cp -r subgraph-starter-dev/target/classes /workspace/training/classes \
    && tr ':' '\n' < subgraph-starter-dev/target/classpath.txt | xargs -I{} cp {} /workspace/training/lib/ \
    && cp subgraph-starter-dev/src/main/resources/dev-keys/dev-public.pem \
        subgraph-starter-dev/src/main/resources/dev-keys/dev-private.pem /workspace/training/

# The runtime is JDK 25 for its AOT cache (JEP 483/514/515): classes loaded and linked and method
# profiles from a training run, mapped at start instead of parsed from the jars again.
FROM eclipse-temurin:25-jre
ARG MODULE
ARG PORT
# curl serves the container health check and the training run.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --no-create-home subgraph \
    && mkdir /app && chown subgraph:subgraph /app
WORKDIR /app
COPY --from=build --chown=subgraph:subgraph /workspace/extracted/ /app/
# The JVM options (a java @argument file, also read by benchmark/startup and benchmark/run) and the
# training script.
COPY --chown=subgraph:subgraph subgraph-jvm/ /app/jvm/
USER subgraph
# Training run at build time: the subgraph on an embedded PostgreSQL started beside it (PostgreSQL
# refuses root, hence after USER), a few hundred typical requests, half of them as a signed-in user
# with a token minted for the run (TrainingToken, the development key pair, which only this run
# trusts), then the JVM writes app.aot on exit.
RUN --mount=type=bind,from=build,source=/workspace/training,target=/tmp/training \
    token="$(java -cp /tmp/training/classes dev.supergraph.starter.dev.TrainingToken /tmp/training/dev-private.pem)" \
    && LOCAL_POSTGRES_CLASSPATH='/tmp/training/classes:/tmp/training/lib/*' \
    SUBGRAPH_SECURITY_JWT_PUBLIC_KEY_LOCATION=file:/tmp/training/dev-public.pem \
    TRAINING_TOKEN="$token" \
    /app/jvm/train-aot-cache java /app /app/app.aot "${MODULE}" \
    && rm -rf /app/app.aot.log /app/app.aot.log.postgres /tmp/embedded-pg*
ENV SERVER_PORT=${PORT}
# glibc gives every thread that allocates its own malloc arena (up to 8 per core), and memory freed
# in one is not reused by another: two arenas keep the JVM's native memory (compiler, NIO, JDBC)
# from spreading. benchmark/startup and benchmark/run start the subgraphs with this file's ENV lines.
ENV MALLOC_ARENA_MAX=2
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health/readiness" || exit 1
# Same java, options and class path as the training run; a cache that does not match is ignored
# with a warning (the subgraph still starts, only slower).
ENTRYPOINT ["java", "@/app/jvm/options", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
