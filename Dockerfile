# ogfeed in a container: a Debian 12 build stage makes the .deb, a slim
# stage installs it (its Depends bring the libraries and fonts) and runs as
# a non-root user.
#   docker build -t ogfeed .
#   docker run --rm -v "$PWD:/site" ogfeed build /site
FROM debian:bookworm AS build
WORKDIR /src
COPY scripts/install-deps.sh scripts/install-deps.sh
RUN bash scripts/install-deps.sh && apt-get install -y -qq --no-install-recommends dpkg-dev file \
    && rm -rf /var/lib/apt/lists/*
COPY . .
RUN rm -rf build-docker \
    && cmake -S . -B build-docker -DCMAKE_BUILD_TYPE=Release -DOGFEED_BUILD_TESTS=OFF -DCMAKE_INSTALL_PREFIX=/usr \
    && cmake --build build-docker -j"$(nproc)" --target ogfeed docs \
    && cd build-docker && cpack -G DEB

FROM debian:bookworm-slim
COPY --from=build /src/build-docker/ogfeed_*_amd64.deb /tmp/
RUN apt-get update -qq \
    && apt-get install -y -qq --no-install-recommends /tmp/ogfeed_*_amd64.deb git \
    && rm -rf /var/lib/apt/lists/* /tmp/ogfeed_*_amd64.deb \
    && useradd --create-home --uid 1000 ogfeed \
    && git config --system --add safe.directory '*'
USER ogfeed
WORKDIR /site
ENTRYPOINT ["ogfeed"]
CMD ["--help"]
