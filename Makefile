# Convenience targets for the policy engine. The benchmark uses the `bench`
# profile (opt-level 3, see Cargo.toml), not the size-tuned release profile.
.PHONY: bench test-policy
bench:
	cargo bench --bench engine
test-policy:
	cargo test --test policy_record --test policy_spoofing --test policy_mini_program --test policy_props --test policy_cli --lib
