# The two commands of the README. Tool versions: see the header of scripts/tools.sh.
.PHONY: serve test sizes bench release

# `make release PUBLIC_PATH=/tools/client-fit/ AGENCY="Acme Digital" CONTACTS="https://acme.example"
# ORIGIN=https://quiz.acme.example`: dist/ for that path, allowing that agency name and "Send my
# result" destination, with its origin in the policy (README "Host it").
PUBLIC_PATH ?= /

serve:
	scripts/tools.sh serve
	PATH="$(CURDIR)/tools/node_modules/.bin:$$PATH" scripts/build.sh --release
	node scripts/serve.mjs

test:
	scripts/test.sh

sizes:
	scripts/sizes.sh dist

bench:
	cargo bench -p client-fit-core --bench evaluate

release:
	AGENCY="$(AGENCY)" CONTACTS="$(CONTACTS)" ORIGIN="$(ORIGIN)" scripts/release.sh "$(PUBLIC_PATH)"
