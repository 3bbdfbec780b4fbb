"""The official documents of a year: content builders, page profiles, the number register."""
