# Top-level entry points. `make demo` and `make test` install what is missing first.
BUILD        ?= build
SAN_BUILD    ?= build-sanitize
JOBS         ?= $(shell nproc)
CMAKE_FLAGS  ?=

.PHONY: all deps configure build demo test test-fast sanitize bench fuzz clean web web-test

all: build

deps:
	@./scripts/install-deps

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: deps build
	./scripts/demo $(BUILD)/masar

# Every test, the web page's browser test, then the same C++ tests under ASan+UBSan.
test: deps build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	./scripts/web-test $(BUILD)/masar
	$(MAKE) sanitize

test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

sanitize: deps
	cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DMASAR_SANITIZE=ON -DMASAR_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build $(SAN_BUILD) -j $(JOBS)
	cd $(SAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# The analyst's web page (web/ → web/dist, served by `masar serve --web-root web/dist`).
web: deps
	cd web && npm ci --no-audit --no-fund && npm run build

# Its browser test against masar serve on the demo corpus; screenshots in $(BUILD)/screenshots.
web-test: deps build
	./scripts/web-test $(BUILD)/masar

bench: deps build
	./scripts/bench $(BUILD)

# libFuzzer harnesses (clang); run one with e.g. build-fuzz/fuzz_text -max_total_time=60
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMASAR_FUZZ=ON -DMASAR_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS) --target $(patsubst fuzz/%.cpp,%,$(wildcard fuzz/*.cpp))

clean:
	rm -rf $(BUILD) $(SAN_BUILD) build-fuzz
