# syntax=docker/dockerfile:1
# Any subgraph, chosen by build arguments. Build from the repository root (the Maven reactor needs the
# parent POM and the starter), e.g.:
#   docker build -f subgraph.Dockerfile --build-arg MODULE=catalog-subgraph --build-arg PORT=4003 \
#     -t supergraph/catalog-subgraph .
ARG MODULE

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /workspace
COPY . .
# The runnable jar is the -exec one (the parent POM classifies it so); the plain jar matches *.jar too.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl "${MODULE}" -am package -DskipTests \
    && cp "${MODULE}"/target/"${MODULE}"-*-exec.jar /workspace/app.jar

FROM eclipse-temurin:17-jre
ARG PORT
# curl only serves the container health check.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --user-group --no-create-home subgraph
WORKDIR /app
COPY --from=build --chown=subgraph:subgraph /workspace/app.jar app.jar
USER subgraph
ENV SERVER_PORT=${PORT}
EXPOSE ${PORT}
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
