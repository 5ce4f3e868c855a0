# Minbar in a container: built from this checkout, run as a user without privileges, the store
# in a volume. Build and run:
#   docker build -t minbar .
#   docker run -d --name minbar -p 8080:8080 -v minbar-storage:/var/lib/minbar \
#     -e MINBAR_BASE_URL=https://news.example minbar
# The publishing token is generated into the volume on first start (docker exec minbar cat
# /var/lib/minbar/publishing-token), or given as a secret file with MINBAR_TOKEN_FILE.
# `docker stop` sends SIGTERM: requests under way finish (8 s) and the server exits 0.
# Checked by ServiceFilesIT (src/test/java/org/minbar), which runs this image's command.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --user-group --home-dir /var/lib/minbar --shell /usr/sbin/nologin minbar \
    && install -d -o minbar -g minbar -m 0700 /var/lib/minbar
WORKDIR /opt/minbar
COPY --from=build /src/target/minbar.jar minbar.jar
COPY feeds feeds
COPY seeds seeds
ENV MINBAR_HOST=0.0.0.0 \
    MINBAR_PORT=8080 \
    MINBAR_STORAGE=/var/lib/minbar
VOLUME /var/lib/minbar
EXPOSE 8080
USER minbar
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/minbar/minbar.jar"]
CMD ["serve"]
