"""The single-page web chat and coach form served at `/`."""
