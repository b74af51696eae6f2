"""The answer path in plain Python: engine, compose, conversation, reply, texts. No telegram, no sqlite."""
