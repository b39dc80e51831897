# The kiosk's Debian package for amd64 and arm64, and the arm64 cross build it needs (see
# provisioning/README.md). Included by the top Makefile. Nothing here runs in `make test`.
#
#   make deb            dist/quietroom_<version>_amd64.deb and dist/quietroom_<version>_arm64.deb,
#                       each checked with dpkg-deb --info/--contents and lintian (no errors)
#   make cross          bin/quietroom-linux-arm64 (cgo, cross-compiled)
#   VERSION=1.2.0 make deb   a release number instead of the one git describe gives

DEB_ARCHES := amd64 arm64
DEB_SRC    := firmware/deb
DEB_ROOTFS := firmware/rootfs
DEB_WORK   := dist/deb-build
CROSS_BIN  := bin/quietroom-linux-arm64

# The version: a tag v1.2.0 gives 1.2.0, three commits after it 1.2.0+3+g1a2b3c4; with no tag,
# 0.0~git<commit date>.<commit> (Debian versions start with a digit, and ~ sorts before any
# release). No dash: a native package.
ifndef VERSION
VERSION := $(shell d=$$(git describe --tags --always 2>/dev/null || echo unknown); \
	case "$$d" in \
	(v[0-9]*.*) d=$${d#v} ;; \
	([0-9]*.*) ;; \
	(*) d="0.0~git$$(git log -1 --format=%cd --date=format:%Y%m%d 2>/dev/null || echo 0).$$d" ;; \
	esac; echo "$$d" | tr -- '-_' '++')
endif

# Who answers for the package (control file and changelog); set it for a release.
DEB_MAINTAINER ?= Quiet Room maintainers <quietroom@example.org>

# Run-time packages the binary's ELF header does not name: GLFW (inside Fyne) loads these with
# dlopen when the window opens (libXcursor, libXrandr, libXi, libXinerama, libXxf86vm, the GL
# and EGL loaders, libX11-xcb for EGL on X11). The libraries the binary links are found by
# dpkg-shlibdeps from the built binary itself; the check below fails the build if one of them
# is not covered.
DEB_DLOPEN_DEPENDS := libxcursor1, libxrandr2, libxi6, libxinerama1, libxxf86vm1, libgl1, libegl1, libx11-xcb1
# The kiosk session: cage shows the X11 window through Xwayland; seatd gives cage the seat
# (see the unit); adduser for the maintainer scripts (deb-systemd-helper is essential).
DEB_SYSTEM_DEPENDS := cage, xwayland, seatd, systemd, adduser

# The cross toolchain and the arm64 headers and libraries Fyne's X11 driver links against.
CROSS_DEB_PACKAGES := gcc-aarch64-linux-gnu libc6-dev-arm64-cross \
	libgl1-mesa-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64 \
	libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64
# What building and checking the package needs: dpkg-shlibdeps (dpkg-dev) and lintian.
DEB_TOOL_PACKAGES := dpkg-dev lintian

CROSS_ENV := CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
	PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig
# Stripped (-s -w), position independent, full RELRO: what lintian expects of a binary.
DEB_GOFLAGS := -trimpath -buildmode=pie -ldflags '-s -w -extldflags=-Wl,-z,relro,-z,now'

.PHONY: deps-cross deps-deb cross deb deb-clean

# Installs only what is missing, like `deps`. An arm64 package name needs the arm64
# architecture added to dpkg first.
define apt_install_missing
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "$(2): installing$$missing"; \
		export LANG=C.UTF-8; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

deps-cross: ## Install the arm64 cross compiler and arm64 X11/GL libraries (does nothing when present)
	@dpkg --print-foreign-architectures | grep -qx arm64 || { \
		echo "deps-cross: dpkg --add-architecture arm64"; $(SUDO) dpkg --add-architecture arm64; \
		export LANG=C.UTF-8; $(SUDO) apt-get update -qq; }
	$(call apt_install_missing,$(CROSS_DEB_PACKAGES),deps-cross)

deps-deb: ## Install dpkg-dev and lintian for `make deb` (does nothing when present)
	$(call apt_install_missing,$(DEB_TOOL_PACKAGES),deps-deb)

cross: deps deps-cross ## Build the linux/arm64 kiosk with cgo into bin/quietroom-linux-arm64
	@mkdir -p $(dir $(CROSS_BIN))
	$(CROSS_ENV) $(GO) build $(DEB_GOFLAGS) -o $(CROSS_BIN) $(PKG_MAIN)

deb: deps deps-deb cross ## Build and lint dist/quietroom_<version>_{amd64,arm64}.deb
	@mkdir -p $(DEB_WORK)/amd64
	$(GO) build $(DEB_GOFLAGS) -o $(DEB_WORK)/amd64/quietroom $(PKG_MAIN)
	@mkdir -p $(DEB_WORK)/arm64 && cp $(CROSS_BIN) $(DEB_WORK)/arm64/quietroom
	@set -e; for arch in $(DEB_ARCHES); do \
		$(MAKE) --no-print-directory deb-one DEB_ARCH=$$arch VERSION='$(VERSION)'; \
	done

deb-clean: ## Remove the package build folders and the .debs under dist/
	rm -rf $(DEB_WORK) dist/quietroom_*.deb

# One architecture: lay out the tree, compute Depends, build with dpkg-deb, check.
DEB_ARCH ?= amd64
DEB_ROOT := $(DEB_WORK)/$(DEB_ARCH)/root
DEB_FILE := dist/quietroom_$(VERSION)_$(DEB_ARCH).deb
DEB_DOC  := $(DEB_ROOT)/usr/share/doc/quietroom
DEB_DATE := $(shell date -uR -d @$$(git log -1 --format=%ct 2>/dev/null || date +%s))

.PHONY: deb-one
deb-one:
	@set -e; export LANG=C.UTF-8; \
	rm -rf $(DEB_ROOT) && mkdir -p $(DEB_ROOT)/DEBIAN $(DEB_ROOT)/usr/bin $(DEB_DOC) \
		$(DEB_ROOT)/usr/share/man/man1 $(DEB_ROOT)/usr/share/lintian/overrides; \
	install -m 0755 $(DEB_WORK)/$(DEB_ARCH)/quietroom $(DEB_ROOT)/usr/bin/quietroom; \
	objcopy=objcopy; [ $(DEB_ARCH) = arm64 ] && objcopy=aarch64-linux-gnu-objcopy; \
	$$objcopy --remove-section=.comment $(DEB_ROOT)/usr/bin/quietroom; \
	cp -R --no-preserve=ownership $(DEB_ROOTFS)/. $(DEB_ROOT)/; \
	find $(DEB_ROOT)/usr -type d -exec chmod 0755 {} +; \
	find $(DEB_ROOT)/usr -type f ! -path '*/usr/bin/*' -exec chmod 0644 {} +; \
	gzip -9n <$(DEB_SRC)/quietroom.1 >$(DEB_ROOT)/usr/share/man/man1/quietroom.1.gz; \
	install -m 0644 $(DEB_SRC)/copyright $(DEB_DOC)/copyright; \
	printf '%s\n' "quietroom ($(VERSION)) unstable; urgency=medium" "" \
		"  * Build of commit $$(git rev-parse --short HEAD 2>/dev/null || echo unknown)." "" \
		" -- $(DEB_MAINTAINER)  $(DEB_DATE)" \
		| gzip -9n >$(DEB_DOC)/changelog.gz; \
	install -m 0644 $(DEB_SRC)/lintian-overrides $(DEB_ROOT)/usr/share/lintian/overrides/quietroom; \
	[ -s $(DEB_ROOT)/usr/share/lintian/overrides/quietroom ] || rm -rf $(DEB_ROOT)/usr/share/lintian; \
	install -m 0755 $(DEB_SRC)/postinst $(DEB_SRC)/prerm $(DEB_SRC)/postrm $(DEB_ROOT)/DEBIAN/; \
	(cd $(DEB_ROOT) && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
		| xargs -0 md5sum) >$(DEB_ROOT)/DEBIAN/md5sums; chmod 0644 $(DEB_ROOT)/DEBIAN/md5sums; \
	shl=$(DEB_WORK)/$(DEB_ARCH)/shlibdeps; rm -rf $$shl; mkdir -p $$shl/debian; \
	printf 'Source: quietroom\n\nPackage: quietroom\nArchitecture: any\n' >$$shl/debian/control; \
	linked=$$(cd $$shl && DEB_HOST_ARCH=$(DEB_ARCH) dpkg-shlibdeps -O ../root/usr/bin/quietroom \
		| sed -n 's/^shlibs:Depends=//p'); \
	[ -n "$$linked" ] || { echo "deb: dpkg-shlibdeps found no libraries for $(DEB_ARCH)"; exit 1; }; \
	depends=$$(echo "$$linked, $(DEB_DLOPEN_DEPENDS), $(DEB_SYSTEM_DEPENDS)" | tr ',' '\n' \
		| sed 's/^ *//' | awk '{ if (!seen[$$1]++) printf "%s%s", (n++ ? ", " : ""), $$0 }'); \
	size=$$(du -sk --exclude=DEBIAN $(DEB_ROOT) | cut -f1); \
	sed -e "s|@VERSION@|$(VERSION)|" -e "s|@ARCH@|$(DEB_ARCH)|" -e "s|@SIZE@|$$size|" -e "s|@MAINTAINER@|$(DEB_MAINTAINER)|" \
		-e "s|@DEPENDS@|$$depends|" $(DEB_SRC)/control.in >$(DEB_ROOT)/DEBIAN/control; \
	mkdir -p dist; rm -f dist/quietroom_*_$(DEB_ARCH).deb; \
	dpkg-deb --root-owner-group -Zxz --build $(DEB_ROOT) $(DEB_FILE) >/dev/null; \
	echo "deb: built $(DEB_FILE) ($$(du -h $(DEB_FILE) | cut -f1))"
	@# The package as built: its fields, its files, the libraries the binary links each covered
	@# by Depends, and lintian without errors.
	@set -e; export LANG=C.UTF-8; f=$(DEB_FILE); info=$$(dpkg-deb --info $$f); contents=$$(dpkg-deb --contents $$f); \
	fail() { echo "deb: $$f: $$*" >&2; exit 1; }; \
	for want in "Package: quietroom" "Version: $(VERSION)" "Architecture: $(DEB_ARCH)"; do \
		echo "$$info" | grep -qx " $$want" || fail "the control file lacks '$$want'"; \
	done; \
	deps=$$(dpkg-deb --field $$f Depends); \
	for p in $$(echo "$(DEB_DLOPEN_DEPENDS), $(DEB_SYSTEM_DEPENDS)" | tr -d ,); do \
		echo ", $$deps," | grep -q ", $$p[ ,]" || fail "Depends lacks $$p"; \
	done; \
	for path in ./usr/bin/quietroom ./usr/lib/systemd/system/quietroom.service \
		./usr/lib/systemd/system/quietroom-enrol.service ./usr/lib/systemd/journald.conf.d/quietroom.conf \
		./usr/lib/systemd/system.conf.d/quietroom-watchdog.conf ./usr/lib/tmpfiles.d/quietroom.conf \
		./usr/share/doc/quietroom/copyright ./usr/share/doc/quietroom/changelog.gz \
		./usr/share/man/man1/quietroom.1.gz; do \
		echo "$$contents" | awk '{print $$NF}' | grep -qx "$$path" || fail "$$path is missing"; \
	done; \
	echo "$$contents" | awk '$$2 != "root/root" {print; bad=1} END {exit bad}' || fail "files not owned by root"; \
	bin=$(DEB_ROOT)/usr/bin/quietroom; \
	readelf -S $$bin | grep -q '\.symtab' && fail "the binary is not stripped"; \
	case $(DEB_ARCH) in amd64) m='X86-64';; arm64) m='AArch64';; esac; \
	readelf -h $$bin | grep -q "Machine:.*$$m" || fail "the binary is not for $(DEB_ARCH)"; \
	triplet=$$(dpkg-architecture -a$(DEB_ARCH) -qDEB_HOST_MULTIARCH 2>/dev/null); \
	for lib in $$(objdump -p $$bin | awk '/NEEDED/ {print $$2}'); do \
		pkg=$$(dpkg -S "/usr/lib/$$triplet/$$lib" "/lib/$$triplet/$$lib" 2>/dev/null | head -n1 | cut -d: -f1); \
		[ -n "$$pkg" ] || fail "no installed package holds $$lib for $(DEB_ARCH)"; \
		echo ", $$deps," | grep -q ", $$pkg[ ,]" || fail "$$lib comes from $$pkg, which Depends lacks"; \
	done; \
	echo "deb: $$f: Depends: $$deps"; \
	lintian --fail-on error --suppress-tags-from-file /dev/null $$f || fail "lintian found errors"; \
	echo "deb: $$f: checked (fields, files, libraries, lintian)"
