# The SD-card image and its boot test under emulation (see provisioning/IMAGE.md).
# Included by the top Makefile.

# What building the arm64 image on another architecture and booting it under QEMU need. Not in
# the main `deps`: `make test` needs none of it.
IMAGE_DEB_PACKAGES := mmdebstrap arch-test qemu-user-static binfmt-support qemu-system-arm \
	dosfstools mtools e2fsprogs fdisk device-tree-compiler socat

IMAGE := dist/image/quietroom-arm64.img

.PHONY: deps-image image system-test

deps-image: ## Install what `make image` and `make system-test` need (does nothing when present)
	@missing=""; for p in $(IMAGE_DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "deps-image: installing$$missing"; \
		export LANG=C.UTF-8; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@# arm64 programs run through binfmt_misc and qemu-user-static while the image is built.
	@if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then \
		$(SUDO) mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc; fi
	@if [ ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then \
		$(SUDO) update-binfmts --enable qemu-aarch64; fi
	@timeout -s KILL 60 arch-test arm64 >/dev/null || { echo "deps-image: arm64 programs do not run here (binfmt_misc)"; exit 1; }

image: deps-image deb ## Build the arm64 SD-card image into dist/image/ (reused while its inputs are unchanged)
	$(SUDO) nice -n 10 provisioning/image/build.sh

system-test: image ## Boot the image under QEMU and check the kiosk, watchdog, LED line, data folder, journald
	nice -n 5 provisioning/system-test.sh $(IMAGE)
