"""The redacted copy for sharing: identifiers replaced by labelled placeholders, audio silenced."""
