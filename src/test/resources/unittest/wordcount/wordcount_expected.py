EXPECTED = {"the": 3, "cat": 1, "and": 1, "hat": 1, "end": 1}
