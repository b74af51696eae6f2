"""Words in, matches out: normalise, safety, matcher. No telegram, no sqlite."""
