"""One module per pipeline stage; each a typed function from its input to its output."""
