"""Chroma client factory, local embeddings and the collections the product stores."""
