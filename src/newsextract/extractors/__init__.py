"""Rule-based extractors: each is a plain function of the ``Doc`` returning records."""
