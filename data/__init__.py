"""The bloc's domain and its store: no Qt, no printing."""
