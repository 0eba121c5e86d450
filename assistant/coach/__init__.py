"""The coach feature: a client profile in, a cited advice memo out."""
