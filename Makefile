# Installs coach and its curriculum under PREFIX (default /usr/local):
#   PREFIX/bin/coach and PREFIX/share/coach/tracks/*.json
# The binary finds the curriculum there by itself; COACH_DATA overrides it.
PREFIX ?= /usr/local
# No $ORIGIN run path: the loader would first look for libc and libm beside the binary,
# 20-odd failed look-ups before every `coach status` in a shell prompt.
SWIFT_FLAGS ?= -c release --static-swift-stdlib --disable-local-rpath

.PHONY: build install uninstall test bench

build:
	swift build $(SWIFT_FLAGS) --product coach

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/coach/tracks"
	install -s -m 755 "$$(swift build $(SWIFT_FLAGS) --show-bin-path)/coach" "$(DESTDIR)$(PREFIX)/bin/coach"
	# Its unwind tables too (1.8 MB): nothing in coach unwinds, and the release build
	# links without their index (Package.swift), so nothing could find them.
	objcopy --remove-section=.eh_frame "$(DESTDIR)$(PREFIX)/bin/coach"
	install -m 644 Data/tracks/*.json "$(DESTDIR)$(PREFIX)/share/coach/tracks/"
	install -m 644 Data/ideas.json "$(DESTDIR)$(PREFIX)/share/coach/ideas.json"

uninstall:
	rm -f "$(DESTDIR)$(PREFIX)/bin/coach"
	rm -rf "$(DESTDIR)$(PREFIX)/share/coach"

test:
	scripts/test

bench:
	scripts/bench
