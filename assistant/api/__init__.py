"""The HTTP layer: routers translate HTTP to service calls and back, nothing more."""
