"""The embedded default models: the registry of what each is and where it comes from, and
the loaders, converters and wrappers of their weights."""
